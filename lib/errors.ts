/**
 * Every failure a publisher can meet, as a code plus one sentence in plain words.
 * All UIs show `message` as-is; nothing else composes error text.
 */
export type FeedErrorCode =
  | 'no-key'
  | 'no-feed-url'
  | 'no-permission'
  | 'auth'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'http'
  | 'network'
  | 'timeout'
  | 'not-json'
  | 'malformed'
  | 'api-refused';

export interface FeedErrorInfo {
  code: FeedErrorCode;
  httpStatus: number | null;
  message: string;
}

interface Details {
  httpStatus?: number | null;
  /** Extra words from the feed itself (API error text); already free of the key. */
  detail?: string;
  timeoutMs?: number;
}

export class FeedError extends Error {
  readonly code: FeedErrorCode;
  readonly httpStatus: number | null;

  constructor(code: FeedErrorCode, details: Details = {}) {
    super(describeError(code, details));
    this.name = 'FeedError';
    this.code = code;
    this.httpStatus = details.httpStatus ?? null;
  }

  toInfo(): FeedErrorInfo {
    return { code: this.code, httpStatus: this.httpStatus, message: this.message };
  }
}

/** Errors after which retrying on a timer cannot help: wait for the publisher to change settings. */
export function needsSettingsChange(code: FeedErrorCode): boolean {
  return code === 'auth' || code === 'no-key' || code === 'no-feed-url' || code === 'no-permission';
}

function describeError(code: FeedErrorCode, { httpStatus, detail, timeoutMs }: Details): string {
  const http = httpStatus ? ` (HTTP ${httpStatus})` : '';
  const said = detail ? `: “${clip(detail)}”` : '';
  switch (code) {
    case 'no-key':
      return 'No API key yet: paste yours in the settings';
    case 'no-feed-url':
      return 'No feed URL is set: add it in the settings';
    case 'no-permission':
      return 'Offer Lens needs your permission to reach the feed server';
    case 'auth':
      return `The API key was rejected${http}`;
    case 'not-found':
      return `The feed URL was not found${http}: check it in the settings`;
    case 'rate-limited':
      return `The feed server asks us to slow down${http}`;
    case 'server':
      return `The feed server is down${http}`;
    case 'http':
      return `The feed server answered with an error${http}`;
    case 'network':
      return 'Could not reach the feed server: check your connection or the feed URL';
    case 'timeout':
      return `Timed out after ${Math.round((timeoutMs ?? 30_000) / 1000)} s`;
    case 'not-json':
      return 'The feed answered with something that is not JSON';
    case 'malformed':
      return 'The feed answered without an offers list';
    case 'api-refused':
      return `The network refused the request${said}`;
  }
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}…` : oneLine;
}
