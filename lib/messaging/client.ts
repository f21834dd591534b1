import { browser } from 'wxt/browser';
import { type Envelope, MESSAGE_TAG, type Reply } from './envelope';
import type { AnswerOf, MessageType, RequestOf } from './protocol';

/** Ask the background; throws an Error with a publisher-readable message when it refuses. */
export async function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<AnswerOf<K>> {
  const envelope: Envelope = { tag: MESSAGE_TAG, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<AnswerOf<K>> | undefined;
  if (!reply) throw new Error('Offer Lens is restarting; try again in a moment');
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}
