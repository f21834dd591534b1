import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from './background';
import { createMessageListener } from './message-handler';
import { MESSAGE_TAG } from './messaging';
import { apiKeyItem } from './storage';

const ORIGIN = 'chrome-extension://abc/';
let listener: ReturnType<typeof createMessageListener>;

function ask(type: string, data: unknown, url: string) {
  return new Promise((resolve) => {
    const kept = listener({ tag: MESSAGE_TAG, type, data }, { url, tab: { id: 1 } } as never, resolve);
    if (!kept) resolve(undefined);
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  await apiKeyItem.setValue('secret-key-123');
  listener = createMessageListener(createBackground(fakeBrowser as never).handlers, ORIGIN);
});

describe('messages from web pages (content scripts)', () => {
  it('never get the API key', async () => {
    const reply = await ask('revealApiKey', {}, 'https://play.google.com/store/apps/details?id=x');
    expect(reply).toEqual({ ok: false, error: { message: 'Not allowed from a web page' } });
    expect(JSON.stringify(reply)).not.toContain('secret-key-123');
  });

  it('cannot change settings or refresh', async () => {
    for (const type of ['saveSettings', 'refresh', 'search', 'loadDemo']) {
      expect(await ask(type, {}, 'https://apps.apple.com/us/app/x/id1')).toMatchObject({ ok: false });
    }
  });

  it('are checked against their schema', async () => {
    expect(await ask('offersForPage', { url: 42 }, 'https://play.google.com/')).toEqual({
      ok: false,
      error: { message: 'Invalid request' },
    });
  });
});

describe('messages from extension pages', () => {
  it('may reveal the key to the options page', async () => {
    expect(await ask('revealApiKey', {}, `${ORIGIN}options.html`)).toEqual({
      ok: true,
      value: { apiKey: 'secret-key-123' },
    });
    expect(await ask('apiKeyInfo', {}, `${ORIGIN}options.html`)).toEqual({
      ok: true,
      value: { hasKey: true, masked: '••••••••-123' },
    });
  });

  it('ignores messages that are not ours', () => {
    expect(listener({ hello: 'world' }, { url: ORIGIN } as never, () => {})).toBeUndefined();
  });
});
