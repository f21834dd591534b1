import type { ErrorInfo } from '../errors';

// Zod-free on purpose: the content script and pages import this, and must not bundle the schemas.

/** Tag on our messages, so a stray message from elsewhere is ignored. */
export const MESSAGE_TAG = 'offer-lens/v1';

export interface Envelope {
  tag: typeof MESSAGE_TAG;
  type: string;
  data: unknown;
}

/** The wire format of an answer: errors travel as values, never as thrown objects. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
