import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text';

describe('htmlToText', () => {
  it('removes tags, keeping words apart where a block ends', () => {
    expect(htmlToText('<h2>Spotify</h2><p>Install <b>and</b> <i>open</i>.</p><br/>Then sign up')).toBe(
      'Spotify Install and open. Then sign up',
    );
    expect(htmlToText('<b>Bold</b>text <SPAN CLASS="x">here</SPAN>')).toBe('Boldtext here');
    expect(htmlToText('One<BR>Two<li>Three</li>Four')).toBe('One Two Three Four');
  });

  it('decodes named and numeric entities, leaving unknown ones as written', () => {
    expect(htmlToText('Tom &amp; Jerry &lt;3 &quot;fun&quot; &#39;x&#39; &#x41;&#X42; &eacute;t&eacute;')).toBe(
      'Tom & Jerry <3 "fun" \'x\' AB été',
    );
    expect(htmlToText('&nosuch; &amp &#xZZ; &#; &#0; &#55296; &#x110000; & alone')).toBe(
      '&nosuch; &amp &#xZZ; &#; \uFFFD \uFFFD \uFFFD & alone',
    );
  });

  it('collapses white space, &nbsp; included, and trims the ends', () => {
    expect(htmlToText('  Earn\n\n\t$2&nbsp;&nbsp;per\u00a0install  ')).toBe('Earn $2 per install');
  });

  it('drops comments, scripts and styles with what is inside them', () => {
    expect(htmlToText('a<!-- hidden <b>x</b> -->b<script type="x">alert("<p>")</script>c<style>p{}</style>d')).toBe(
      'abcd',
    );
    expect(htmlToText('x<SCRIPT>never closed')).toBe('x');
    expect(htmlToText('<!DOCTYPE html><?xml version="1.0"?>ok')).toBe('ok');
  });

  it('keeps a "<" that opens no tag, and a ">" inside a quoted attribute inside the tag', () => {
    expect(htmlToText('Done in < 5 min, 3<4')).toBe('Done in < 5 min, 3<4');
    expect(htmlToText('<a title="a > b" href=\'x>y\'>link</a> text')).toBe('link text');
  });

  it('reads anything that is not text as no text', () => {
    expect(htmlToText(null)).toBe('');
    expect(htmlToText(undefined)).toBe('');
    expect(htmlToText({ html: '<b>x</b>' })).toBe('');
    expect(htmlToText(42)).toBe('42');
  });
});
