import type { Browser } from 'wxt/browser';
import { type Envelope, MESSAGE_TAG } from './messaging';
import {
  CONTENT_SCRIPT_MESSAGES,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
  requests,
} from './protocol';

export type Handlers = {
  [K in MessageType]: (
    data: RequestOf<K>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

/**
 * The background's side of the protocol: validates every message with its zod schema and
 * lets content scripts (web pages' context) use only the few messages meant for them.
 * Returns the onMessage listener.
 */
export function createMessageListener(handlers: Handlers, extensionOrigin: string) {
  const answer = createAnswerer(handlers, extensionOrigin);
  // sendResponse + `return true`: the one async style every runtime here supports (Chrome,
  // Firefox, webextension-polyfill, and WXT's fakeBrowser in tests).
  return (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    const reply = answer(message, sender);
    if (!reply) return undefined;
    void reply.then(sendResponse);
    return true;
  };
}

function createAnswerer(handlers: Handlers, extensionOrigin: string) {
  return (message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
    if (!isEnvelope(message)) return undefined;
    const type = message.type as MessageType;
    if (!Object.hasOwn(requests, type)) return Promise.resolve(refusal('Unknown request'));
    const fromExtensionPage = !!sender.url && sender.url.startsWith(extensionOrigin);
    if (!fromExtensionPage && !CONTENT_SCRIPT_MESSAGES.has(type)) {
      return Promise.resolve(refusal('Not allowed from a web page'));
    }
    const parsed = requests[type].safeParse(message.data);
    if (!parsed.success) return Promise.resolve(refusal('Invalid request'));
    const handler = handlers[type] as (data: unknown, sender: Browser.runtime.MessageSender) => unknown;
    return Promise.resolve()
      .then(() => handler(parsed.data, sender))
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => refusal(error instanceof Error ? error.message : 'Something went wrong'),
      );
  };
}

function isEnvelope(message: unknown): message is Envelope {
  return (
    !!message &&
    typeof message === 'object' &&
    (message as Envelope).tag === MESSAGE_TAG &&
    typeof (message as Envelope).type === 'string'
  );
}

function refusal(message: string): Reply<never> {
  return { ok: false, error: { message } };
}
