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
  | 'confirm-origin'
  | 'redirected'
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

/**
 * What the publisher can do about an error, said beside it on the settings page (empty when
 * there is nothing to do but wait: the retry is planned).
 */
export function nextStep(code: string): string {
  switch (code) {
    case 'auth':
      return 'Check that you pasted the whole key (no spaces); a new key comes from your account manager.';
    case 'no-key':
      return 'Paste the API key from your CarrierAppTraffic account.';
    case 'not-found':
    case 'no-feed-url':
      return 'Check the feed URL under Advanced, or reset it to the default.';
    case 'redirected':
      return 'Ask your account manager for the feed’s final address and put it under Advanced.';
    case 'unapproved-origin':
      return 'Restore the default feed URL, or approve that server under Advanced.';
    case 'no-permission':
      return 'Press Grant access above: the browser asks you to allow the feed server.';
    case 'network':
    case 'timeout':
      return 'Check your connection (and the feed URL under Advanced), then try again.';
    case 'api-refused':
      return 'The network said why above: your account manager can help.';
    case 'param-taken':
      return 'Use a parameter meant for your values, such as aff_sub or sub1.';
    default:
      return '';
  }
}

/** Errors after which retrying on a timer cannot help: wait for the publisher to change settings. */
export function needsSettingsChange(code: FeedErrorCode): boolean {
  return (
    code === 'auth' ||
    code === 'no-key' ||
    code === 'no-feed-url' ||
    code === 'no-permission' ||
    code === 'unapproved-origin' ||
    code === 'confirm-origin'
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
      return `The feed URL was changed outside the settings page, to a server you have not approved${host(detail)}: restore the default feed URL, or approve that server in the settings`;
    case 'confirm-origin':
      return `Send your API key to ${detail ?? 'this server'}? Approve it only if your network gave you this address`;
    case 'redirected':
      return `The feed server redirected the request${http}: Offer Lens does not follow redirects (your key would go with it); use the final address as the feed URL`;
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

function host(detail: string | undefined): string {
  return detail ? ` (${detail})` : '';
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
  | 'param-taken'
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
  'watchlist-full': 'Your watchlist is full: stop watching something first.',
  'param-taken': "That parameter is the network's own",
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
