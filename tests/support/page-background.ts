import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../lib/background';
import { createMessageListener } from '../../lib/messaging/listener';
import { database } from '../../lib/storage/database';

/**
 * A fresh extension (fakeBrowser, empty IndexedDB, no optional permission granted) whose page
 * talks to the real background handlers, as an extension page does: its messages arrive from
 * `chrome-extension://test/<page>`.
 */
export async function connectPageToBackground(page: 'popup.html' | 'options.html'): Promise<void> {
  fakeBrowser.reset();
  await database.clear();
  fakeBrowser.permissions.contains = async () => false;
  fakeBrowser.permissions.request = async () => false;
  const listener = createMessageListener(createBackground(fakeBrowser as never).handlers, 'chrome-extension://test/');
  fakeBrowser.runtime.onMessage.addListener(((message: unknown, _sender: unknown, send: (r: unknown) => void) =>
    listener(message, { url: `chrome-extension://test/${page}` } as never, send)) as never);
}
