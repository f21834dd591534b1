/**
 * Countries are ISO 3166 alpha-2 codes, upper-case. Feeds, store URLs, query terms and
 * settings all spell them loosely ("us", " gb ", "UK"): this is the one place that reads them.
 */
export function normaliseCountry(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // Most codes already come as two capitals: skip the trimming and case work for them.
  const code = value.length === 2 && /^[A-Z]{2}$/.test(value) ? value : value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return null;
  // "UK" is not an ISO code, but networks and people use it for the United Kingdom (GB).
  return code === 'UK' ? 'GB' : code;
}
