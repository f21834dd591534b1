import { browser } from 'wxt/browser';
import { AppError } from '../errors';
import { type Envelope, MESSAGE_TAG, type Reply } from './envelope';
import type { AnswerOf, MessageType, RequestOf } from './protocol';

/** Ask the background; throws an AppError (code + publisher-readable message) when it refuses. */
export async function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<AnswerOf<K>> {
  const envelope: Envelope = { tag: MESSAGE_TAG, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<AnswerOf<K>> | undefined;
  if (!reply) throw new AppError('restarting');
  if (!reply.ok) throw AppError.fromInfo(reply.error);
  return reply.value;
}
