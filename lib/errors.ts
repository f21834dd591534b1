import { formatInteger } from './format';
import { type MessageKey, t, tp } from './i18n';

/**
 * Every failure a publisher can meet, as a code plus one sentence in plain words (in the UI
 * language, made when the error is). This is the one place that composes error text; every UI
 * shows `message` as-is (through `errorText`).
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
      return t('nextStepAuth');
    case 'no-key':
      return t('nextStepNoKey');
    case 'not-found':
    case 'no-feed-url':
      return t('nextStepFeedUrl');
    case 'redirected':
      return t('nextStepRedirected');
    case 'unapproved-origin':
      return t('nextStepUnapprovedOrigin');
    case 'no-permission':
      return t('nextStepNoPermission');
    case 'network':
    case 'timeout':
      return t('nextStepConnection');
    case 'api-refused':
      return t('nextStepApiRefused');
    case 'param-taken':
      return t('nextStepParamTaken');
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
  const { detail, timeoutMs } = details;
  // A status code is protocol, written as sent; each sentence has a form with it and one without.
  const status = details.httpStatus ? { status: String(details.httpStatus) } : null;
  const withStatus = (plain: MessageKey, withCode: MessageKey) => (status ? t(withCode, status) : t(plain));
  switch (code) {
    case 'no-key':
      return t('errorNoKey');
    case 'no-feed-url':
      return t('errorNoFeedUrl');
    case 'no-permission':
      return t('errorNoPermission');
    case 'unapproved-origin':
      return detail ? t('errorUnapprovedOriginHost', { host: detail }) : t('errorUnapprovedOrigin');
    case 'confirm-origin':
      return detail === undefined ? t('errorConfirmOriginUnnamed') : t('errorConfirmOrigin', { host: detail });
    case 'redirected':
      return withStatus('errorRedirected', 'errorRedirectedWithStatus');
    case 'auth':
      return withStatus('errorAuth', 'errorAuthWithStatus');
    case 'not-found':
      return withStatus('errorNotFound', 'errorNotFoundWithStatus');
    case 'rate-limited':
      return withStatus('errorRateLimited', 'errorRateLimitedWithStatus');
    case 'server':
      return withStatus('errorServer', 'errorServerWithStatus');
    case 'http':
      return withStatus('errorHttp', 'errorHttpWithStatus');
    case 'network':
      return t('errorNetwork');
    case 'timeout':
      return t('errorTimeout', { seconds: formatInteger(Math.round((timeoutMs ?? 30_000) / 1000), false) });
    case 'too-large':
      return t('errorTooLarge', { size: formatBytes(details.limitBytes ?? 0) });
    case 'not-json':
      return t('errorNotJson');
    case 'malformed':
      return t('errorMalformed');
    case 'unusable':
      return tp('errorUnusable', details.count ?? 0, { reasons: detail ?? t('errorUnusableSeeSkipped') });
    case 'api-refused':
      return detail ? t('errorApiRefusedSaid', { said: clip(detail) }) : t('errorApiRefused');
    case 'storage':
      return t('errorStorage');
    case 'internal':
      return detail ? t('errorInternalSaid', { said: clip(detail) }) : t('errorInternal');
  }
}

/** "128 MB", "64 KB". */
function formatBytes(bytes: number): string {
  return bytes >= 2 ** 20
    ? t('errorSizeMegabytes', { count: formatInteger(Math.round(bytes / 2 ** 20), false) })
    : t('errorSizeKilobytes', { count: formatInteger(Math.round(bytes / 1024), false) });
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

const APP_ERROR_TEXT: Record<AppErrorCode, MessageKey> = {
  'unknown-request': 'errorUnknownRequest',
  'invalid-request': 'errorInvalidRequest',
  'not-allowed': 'errorNotAllowed',
  'not-a-page': 'errorNotAPage',
  'not-an-app-page': 'errorNotAnAppPage',
  'not-an-offer-of-this-app': 'errorNotAnOfferOfThisApp',
  'watchlist-full': 'errorWatchlistFull',
  'param-taken': 'errorParamTaken',
  'too-many': 'errorTooMany',
  restarting: 'errorRestarting',
  'no-side-panel': 'errorNoSidePanel',
  'search-failed': 'errorSearchFailed',
  'copy-failed': 'errorCopyFailed',
  failed: 'errorFailed',
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
    const text = t(APP_ERROR_TEXT[code]);
    super(detail ? t('errorWithDetail', { error: text, detail: clip(detail) }) : text);
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
