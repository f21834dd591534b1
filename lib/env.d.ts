interface ImportMetaEnv {
  /** Default feed URL template, with {apiKey}. */
  readonly WXT_FEED_URL?: string;
  /** Dev and test builds only: an API key stored on install, so the demo feed works at once. */
  readonly WXT_DEV_API_KEY?: string;
  /** Test builds only: a shorter feed timeout than the production 30 s. */
  readonly WXT_FETCH_TIMEOUT_MS?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
