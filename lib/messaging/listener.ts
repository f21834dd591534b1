import type { Browser } from 'wxt/browser';
import { AppError, type AppErrorCode, toErrorInfo } from '../errors';
import { type Envelope, MESSAGE_TAG, type Reply } from './envelope';
import { type AnswerOf, type CheckedRequestOf, type MessageType, protocol } from './protocol';

export type Sender = Browser.runtime.MessageSender;

export type Handlers = {
  [K in MessageType]: (data: CheckedRequestOf<K>, sender: Sender) => Promise<AnswerOf<K>> | AnswerOf<K>;
};

/**
 * The background's side of the protocol: every message is checked against its table entry
 * (who may send it, then its schema) before its handler runs. Returns the onMessage listener.
 */
export function createMessageListener(handlers: Handlers, extensionOrigin: string) {
  // sendResponse + `return true`: the one async style every runtime here supports (Chrome,
  // Firefox, webextension-polyfill, and WXT's fakeBrowser in tests).
  return (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => {
    if (!isEnvelope(message)) return undefined;
    void answer(handlers, extensionOrigin, message, sender).then(sendResponse);
    return true;
  };
}

async function answer(
  handlers: Handlers,
  extensionOrigin: string,
  message: Envelope,
  sender: Sender,
): Promise<Reply<unknown>> {
  if (!Object.hasOwn(protocol, message.type)) return refusal('unknown-request');
  const type = message.type as MessageType;
  const entry = protocol[type];
  if (entry.from === 'extension' && !isExtensionPage(sender, extensionOrigin)) {
    return refusal('not-allowed');
  }
  const parsed = entry.request.safeParse(message.data);
  if (!parsed.success) return refusal('invalid-request');
  const handler = handlers[type] as (data: unknown, sender: Sender) => unknown;
  try {
    return { ok: true, value: await handler(parsed.data, sender) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

/** An extension page of ours, by the URL the browser reports (a content script reports its web page). */
function isExtensionPage(sender: Sender, extensionOrigin: string): boolean {
  return !!sender.url && sender.url.startsWith(extensionOrigin);
}

function isEnvelope(message: unknown): message is Envelope {
  return (
    !!message &&
    typeof message === 'object' &&
    (message as Envelope).tag === MESSAGE_TAG &&
    typeof (message as Envelope).type === 'string'
  );
}

function refusal(code: AppErrorCode): Reply<never> {
  return { ok: false, error: new AppError(code).toInfo() };
}
