import { describe, expect, it } from 'vitest';
import { pageRedirect } from './page-redirect';

describe('pageRedirect (HTML read as text)', () => {
  it.each([
    [
      '<meta http-equiv="refresh" content="0;url=https://promo.example.com/a?b=1&amp;c=2">',
      'https://promo.example.com/a?b=1&c=2',
    ],
    ["<META HTTP-EQUIV='Refresh' CONTENT='3; URL=/next'>", '/next'],
    [
      '<meta content="0; url=\'market://details?id=com.spotify.music\'" http-equiv="refresh">',
      'market://details?id=com.spotify.music',
    ],
    ['<script>window.location.href = "https://app.adjust.com/x";</script>', 'https://app.adjust.com/x'],
    [
      "<script>location.replace('https:\\/\\/play.google.com\\/store\\/apps\\/details?id=a.b')</script>",
      'https://play.google.com/store/apps/details?id=a.b',
    ],
    ['<meta http-equiv = refresh content=0;url=https://promo.example.com/u>', 'https://promo.example.com/u'],
    ['<meta http-equiv="refresh" content="0; URL = https://promo.example.com/t  ">', 'https://promo.example.com/t'],
    ['<meta http-equiv="refresh" content="0;url=\'https://promo.example.com/q\' ">', 'https://promo.example.com/q'],
    [
      '<meta http-equiv="refresh" content="0;url=&quot;https:&#x2F;&#X2F;promo.example.com&#47;e&quot;">',
      'https://promo.example.com/e',
    ],
    ['<script>location.href="https://app.adjust.com/h"</script>', 'https://app.adjust.com/h'],
    ["<script>Window.Location = 'https://app.adjust.com/w';</script>", 'https://app.adjust.com/w'],
    ['<script>window.location.assign( "https://app.adjust.com/a" );</script>', 'https://app.adjust.com/a'],
  ])('finds %s', (html, url) => {
    expect(pageRedirect(`<html><head>${html}</head><body>Redirecting…</body></html>`)).toBe(url);
  });

  it('finds nothing in a plain page, a meta refresh without a URL, or other meta tags', () => {
    expect(pageRedirect('<html><body><h1>Summer promo</h1><a href="https://x.example">x</a></body></html>')).toBeNull();
    expect(pageRedirect('<meta http-equiv="refresh" content="30">')).toBeNull();
    expect(pageRedirect('<meta name="description" content="0;url=https://x.example">')).toBeNull();
    expect(pageRedirect('<meta http-equiv="refresh">')).toBeNull();
  });

  it('reads only the first 64 KB of a page', () => {
    const late = `${'<p>promo</p>'.repeat(6000)}<meta http-equiv="refresh" content="0;url=https://late.example">`;
    expect(pageRedirect(late)).toBeNull();
  });
});

describe('pageRedirect on hostile pages (read in linear time)', () => {
  // Sizes that keep a backtracking reader busy for minutes: a regression hangs past the timeout.
  it('reads a refresh whose URL comes after thousands of spaces', () => {
    const page = `<meta http-equiv="refresh" content="0; url=${' '.repeat(6000)}'https://promo.example.com/q' ;">`;
    expect(pageRedirect(page)).toBe('https://promo.example.com/q');
  });

  it('reads past 10,000 unclosed <meta tags, on every page of a check-all (7 links × 15 hops)', () => {
    const page = `${'<meta '.repeat(10_000)}location.href="https://promo.example.com/s"`;
    const found = Array.from({ length: 105 }, () => pageRedirect(page));
    expect(new Set(found)).toEqual(new Set(['https://promo.example.com/s']));
  });

  it('reads past thousands of script locations that lead nowhere', () => {
    const unclosed = `<script>${'location.replace("'.repeat(3000)}${'a'.repeat(50_000)}`;
    expect(pageRedirect(unclosed)).toBeNull();
    const decoys = `<script>${'location = next; location.href == "x"; '.repeat(1500)}location = "https://promo.example.com/l"`;
    expect(pageRedirect(decoys)).toBe('https://promo.example.com/l');
    expect(pageRedirect(`<script>${'window.location'.repeat(4000)}</script>`)).toBeNull();
  });
});

describe('pageRedirect as a phone’s browser reads it', () => {
  it('takes a refresh URL written without "url=", or after a comma', () => {
    expect(pageRedirect('<meta http-equiv="refresh" content="0; https://promo.example.com/n">')).toBe(
      'https://promo.example.com/n',
    );
    expect(pageRedirect('<meta http-equiv="Refresh" content="2,URL=https://promo.example.com/c">')).toBe(
      'https://promo.example.com/c',
    );
  });

  it('takes a ">" inside a quoted attribute as part of it, and the first refresh of the page', () => {
    const page =
      '<meta name="x" content="a>b"><meta http-equiv="refresh" content="0;url=https://promo.example.com/1?a=>">' +
      '<meta http-equiv="refresh" content="0;url=https://promo.example.com/2">';
    expect(pageRedirect(page)).toBe('https://promo.example.com/1?a=>');
    // Letters whose lower case is longer (İ) do not shift what is read.
    expect(pageRedirect(`<title>${'İ'.repeat(30)}</title>${page}`)).toBe('https://promo.example.com/1?a=>');
    expect(pageRedirect(`<title>İİ</title><script>location = "https://promo.example.com/i"</script>`)).toBe(
      'https://promo.example.com/i',
    );
  });

  it('finds no redirect in a refresh without a delay, a script’s other variables, or a tag left open', () => {
    expect(pageRedirect('<meta http-equiv="refresh" content="url=https://promo.example.com/x">')).toBeNull();
    expect(pageRedirect('<script>var geolocation = "Spain"; mylocation.href = "x";</script>')).toBeNull();
    expect(pageRedirect('<meta http-equiv="refresh" content="0;url=https://promo.example.com/x"')).toBeNull();
  });
});
