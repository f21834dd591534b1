import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../background';
import { database } from '../storage/database';
import { MESSAGE_TAG } from './envelope';
import { createMessageListener } from './listener';
import { type MessageType, protocol } from './protocol';

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
const NOT_ALLOWED = { ok: false, error: { code: 'not-allowed', message: 'Not allowed from a web page' } };
const INVALID = { ok: false, error: { code: 'invalid-request', message: 'Invalid request' } };

// Every message of the table, by who may send it: a message added to the protocol is covered here
// without anyone remembering to list it.
const types = Object.keys(protocol) as MessageType[];
const extensionOnly = types.filter((type) => protocol[type].from === 'extension');
const storePage = types.filter((type) => protocol[type].from === 'store-page');

beforeEach(async () => {
  fakeBrowser.reset();
  await database.clear();
  await database.saveApiKey('secret-key-123');
  listener = createMessageListener(createBackground(fakeBrowser as never).handlers, ORIGIN);
});

describe('the sender policy', () => {
  it('names a sender for every message, and keeps most of them to extension pages', () => {
    expect(extensionOnly.length + storePage.length).toBe(types.length);
    expect(storePage.sort()).toEqual([
      'checkLinkOnPage',
      'dismissBadge',
      'offersForPage',
      'openPopup',
      'openSidePanel',
      'undismissBadge',
      'watchOnPage',
    ]);
  });

  it.each(extensionOnly)('refuses %s from a web page, whatever it carries', async (type) => {
    for (const data of [{}, { id: 'x' }, { offerId: 'x' }, { upTo: 1 }, null]) {
      expect(await ask(type, data, fromPage())).toEqual(NOT_ALLOWED);
      expect(await ask(type, data, fromPage('https://apps.apple.com/us/app/x/id1'))).toEqual(NOT_ALLOWED);
    }
  });

  it.each(extensionOnly)('refuses %s from a sender the browser gives no URL for', async (type) => {
    expect(await ask(type, {}, {})).toEqual(NOT_ALLOWED);
  });

  it.each(storePage)('checks %s from a store page against its schema', async (type) => {
    expect(await ask(type, { url: 'https://evil.test/', offerId: 42, target: 'nobody' }, fromPage())).toEqual(INVALID);
  });
});

describe('messages from web pages (content scripts)', () => {
  it('never get the API key, even with a well-formed request', async () => {
    expect(await ask('revealApiKey', {}, fromPage())).toEqual(NOT_ALLOWED);
  });

  it('are answered for the page the browser says they come from, never a URL they carry', async () => {
    expect(
      await ask('offersForPage', { url: 'https://play.google.com/store/apps/details?id=x.y' }, fromPage()),
    ).toEqual(INVALID);
    expect(await ask('offersForPage', {}, fromPage())).toMatchObject({ ok: true, value: { url: PLAY_PAGE } });
  });

  it('say in words why an action on the page was refused', async () => {
    expect(await ask('watchOnPage', { target: 'app', on: true }, fromPage('https://play.google.com/store'))).toEqual({
      ok: false,
      error: { code: 'not-an-app-page', message: 'Not an app page' },
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

  it('answers an unknown request with a refusal', async () => {
    const unknown = { ok: false, error: { code: 'unknown-request', message: 'Unknown request' } };
    expect(await ask('toString', {}, fromOptions)).toEqual(unknown);
    expect(await ask('deleteEverything', {}, fromOptions)).toEqual(unknown);
  });

  it('ignores messages that are not ours', async () => {
    expect(await ask('revealApiKey', {}, fromOptions, 'someone-else/v1')).toBe('ignored');
    expect(listener({ hello: 'world' }, fromOptions as never, () => {})).toBeUndefined();
  });
});
