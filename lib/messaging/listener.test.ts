import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../background';
import { database } from '../storage/database';
import { MESSAGE_TAG } from './envelope';
import { createMessageListener } from './listener';

const ORIGIN = 'chrome-extension://abc/';
const PLAY_PAGE = 'https://play.google.com/store/apps/details?id=com.spotify.music';
let listener: ReturnType<typeof createMessageListener>;

function ask(type: string, data: unknown, sender: { url?: string; tab?: { id: number } }, tag: string = MESSAGE_TAG) {
  return new Promise((resolve) => {
    const kept = listener({ tag, type, data }, sender as never, resolve);
    if (!kept) resolve('ignored');
  });
}
const fromPage = (url = PLAY_PAGE) => ({ url, tab: { id: 1 } });
const fromOptions = { url: `${ORIGIN}options.html` };

beforeEach(async () => {
  fakeBrowser.reset();
  await database.clear();
  await database.saveApiKey('secret-key-123');
  listener = createMessageListener(createBackground(fakeBrowser as never).handlers, ORIGIN);
});

describe('messages from web pages (content scripts)', () => {
  it('never get the API key, even with a well-formed request', async () => {
    const reply = await ask('revealApiKey', {}, fromPage());
    expect(reply).toEqual({ ok: false, error: { message: 'Not allowed from a web page' } });
  });

  it('cannot change settings, refresh, mark changes seen or load the demo', async () => {
    for (const type of ['saveSettings', 'refresh', 'markChangesSeen', 'loadDemo', 'apiKeyInfo', 'offerById']) {
      expect(await ask(type, {}, fromPage('https://apps.apple.com/us/app/x/id1'))).toEqual({
        ok: false,
        error: { message: 'Not allowed from a web page' },
      });
    }
  });

  it('are answered for the page the browser says they come from, never a URL they carry', async () => {
    expect(
      await ask('offersForPage', { url: 'https://play.google.com/store/apps/details?id=x.y' }, fromPage()),
    ).toEqual({ ok: false, error: { message: 'Invalid request' } });
    expect(await ask('offersForPage', {}, fromPage())).toMatchObject({ ok: true, value: { url: PLAY_PAGE } });
  });

  it('are checked against their schema', async () => {
    expect(await ask('openPopup', { offerId: 42 }, fromPage())).toEqual({
      ok: false,
      error: { message: 'Invalid request' },
    });
  });
});

describe('messages from extension pages', () => {
  it('may reveal the key to the settings page', async () => {
    expect(await ask('revealApiKey', {}, fromOptions)).toEqual({ ok: true, value: { apiKey: 'secret-key-123' } });
    expect(await ask('apiKeyInfo', {}, fromOptions)).toEqual({
      ok: true,
      value: { hasKey: true, masked: '••••••••-123' },
    });
  });

  it('refuses a sender the browser gives no URL for', async () => {
    expect(await ask('revealApiKey', {}, {})).toEqual({ ok: false, error: { message: 'Not allowed from a web page' } });
  });

  it('answers an unknown request with a refusal', async () => {
    expect(await ask('toString', {}, fromOptions)).toEqual({ ok: false, error: { message: 'Unknown request' } });
    expect(await ask('deleteEverything', {}, fromOptions)).toEqual({
      ok: false,
      error: { message: 'Unknown request' },
    });
  });

  it('ignores messages that are not ours', async () => {
    expect(await ask('revealApiKey', {}, fromOptions, 'someone-else/v1')).toBe('ignored');
    expect(listener({ hello: 'world' }, fromOptions as never, () => {})).toBeUndefined();
  });
});
