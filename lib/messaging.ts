import { browser } from 'wxt/browser';
import type { MessageType, Reply, RequestOf, ResponseOf } from './protocol';

/** Tag on our messages, so a stray message from elsewhere is ignored. */
export const MESSAGE_TAG = 'offer-lens/v1';

export interface Envelope {
  tag: typeof MESSAGE_TAG;
  type: string;
  data: unknown;
}

/** Ask the background; throws an Error with a publisher-readable message when it refuses. */
export async function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope = { tag: MESSAGE_TAG, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<K>> | undefined;
  if (!reply) throw new Error('Offer Lens is restarting; try again in a moment');
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}
