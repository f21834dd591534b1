/**
 * Every failure a publisher can meet, as a code plus one sentence in plain words. This is the
 * one place that composes error text; every UI shows `message` as-is (through `errorText`).
 * Feed failures are `FeedError`s (they carry an HTTP status and a Retry-After); everything else
 * the background refuses or a page fails at is an `AppError`. Both travel as `{ code, message }`.
 */
export type FeedErrorCode =
  | 'no-key'
  | 'no-feed-url'
  | 'no-permission'
  | 'unapproved-origin'
  | 'auth'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'http'
  | 'network'
  | 'timeout'
  | 'too-large'
  | 'not-json'
  | 'malformed'
  | 'unusable'
  | 'api-refused'
  | 'storage'
  | 'internal';

export interface FeedErrorInfo {
  code: FeedErrorCode;
  httpStatus: number | null;
  message: string;
}

interface Details {
  httpStatus?: number | null;
  /** Extra words: the network's own error text (already free of the key), or the reasons. */
  detail?: string;
  timeoutMs?: number;
  /** How many offers (for 'unusable'). */
  count?: number;
  /** The size limit in bytes (for 'too-large'). */
  limitBytes?: number;
  /** Retry-After of a 429/503, in ms from now. */
  retryAfterMs?: number | null;
}

export class FeedError extends Error {
  readonly code: FeedErrorCode;
  readonly httpStatus: number | null;
  /** What the server asked for (Retry-After), in ms; null when it said nothing. */
  readonly retryAfterMs: number | null;
  private readonly details: Details;

  constructor(code: FeedErrorCode, details: Details = {}) {
    super(describeError(code, details));
    this.name = 'FeedError';
    this.code = code;
    this.details = details;
    this.httpStatus = details.httpStatus ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }

  /** The same error with the server's own words passed through `clean` (before they are clipped). */
  cleaned(clean: (text: string) => string): FeedError {
    const { detail } = this.details;
    return detail === undefined ? this : new FeedError(this.code, { ...this.details, detail: clean(detail) });
  }

  toInfo(): FeedErrorInfo {
    return { code: this.code, httpStatus: this.httpStatus, message: this.message };
  }
}

/** Errors after which retrying on a timer cannot help: wait for the publisher to change settings. */
export function needsSettingsChange(code: FeedErrorCode): boolean {
  return (
    code === 'auth' ||
    code === 'no-key' ||
    code === 'no-feed-url' ||
    code === 'no-permission' ||
    code === 'unapproved-origin'
  );
}

function describeError(code: FeedErrorCode, details: Details): string {
  const { httpStatus, detail, timeoutMs } = details;
  const http = httpStatus ? ` (HTTP ${httpStatus})` : '';
  const said = detail ? `: “${clip(detail)}”` : '';
  switch (code) {
    case 'no-key':
      return 'No API key yet: paste yours in the settings';
    case 'no-feed-url':
      return 'No feed URL is set: add it in the settings';
    case 'no-permission':
      return 'Offer Lens needs your permission to reach the feed server';
    case 'unapproved-origin':
      return 'The feed URL points at a server you have not approved: save it again in the settings';
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
    case 'too-large':
      return `The feed is larger than ${formatBytes(details.limitBytes ?? 0)}, more than Offer Lens can hold: ask your account manager for a smaller one`;
    case 'not-json':
      return 'The feed answered with something that is not JSON';
    case 'malformed':
      return 'The feed answered without an offers list';
    case 'unusable':
      return `All ${(details.count ?? 0).toLocaleString('en-US')} offers in the feed were unusable: ${detail ?? 'see the skipped offers'}`;
    case 'api-refused':
      return `The network refused the request${said}`;
    case 'storage':
      return 'Could not save the offers on this computer: the browser’s storage failed';
    case 'internal':
      return `Something went wrong inside Offer Lens${said}`;
  }
}

/** "128 MB", "64 KB". */
function formatBytes(bytes: number): string {
  return bytes >= 2 ** 20 ? `${Math.round(bytes / 2 ** 20)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}…` : oneLine;
}

/** Failures that are not the feed's: refused messages, the page's own actions, storage. */
export type AppErrorCode =
  | 'unknown-request'
  | 'invalid-request'
  | 'not-allowed'
  | 'not-a-page'
  | 'not-an-app-page'
  | 'not-an-offer-of-this-app'
  | 'watchlist-full'
  | 'too-many'
  | 'restarting'
  | 'no-side-panel'
  | 'search-failed'
  | 'copy-failed'
  | 'failed';

const APP_ERROR_TEXT: Record<AppErrorCode, string> = {
  'unknown-request': 'Unknown request',
  'invalid-request': 'Invalid request',
  'not-allowed': 'Not allowed from a web page',
  'not-a-page': 'Not a page',
  'not-an-app-page': 'Not an app page',
  'not-an-offer-of-this-app': 'Not an offer of this app',
  'watchlist-full': 'Your watchlist is full: stop watching something first',
  'too-many': 'Too many requests from this page: wait a moment',
  restarting: 'Offer Lens is restarting; try again in a moment',
  'no-side-panel': 'This browser has no side panel',
  'search-failed': 'The search failed',
  'copy-failed': 'Could not copy the link',
  failed: 'Something went wrong',
};

/** An error as it travels between the background and the pages. */
export interface ErrorInfo {
  code: FeedErrorCode | AppErrorCode;
  message: string;
  httpStatus?: number | null;
}

export class AppError extends Error {
  /** An AppErrorCode, or a FeedErrorCode when the error came over the wire from a refresh. */
  readonly code: ErrorInfo['code'];

  /** `detail`: extra words after the sentence ("Something went wrong: <detail>"). */
  constructor(code: AppErrorCode, detail?: string) {
    super(detail ? `${APP_ERROR_TEXT[code]}: ${clip(detail)}` : APP_ERROR_TEXT[code]);
    this.name = 'AppError';
    this.code = code;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }

  /** A failure that came over the wire ({ code, message }), thrown again on this side. */
  static fromInfo(info: ErrorInfo): AppError {
    return Object.assign(new AppError('failed'), { code: info.code, message: info.message });
  }
}

/** Any failure as `{ code, message }`: ours keep their code, anything else is 'failed' with its words. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof FeedError) return error.toInfo();
  if (error instanceof AppError) return error.toInfo();
  const words = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return new AppError('failed', words || undefined).toInfo();
}

/** The sentence a UI shows for any failure: the one way error text reaches the publisher. */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const { message } = error as { message: unknown };
    if (typeof message === 'string' && message) return message;
  }
  return toErrorInfo(error).message;
}
