/**
 * Reading the loose JSON a network's API answers with. Nothing here trusts a shape: a field that is
 * not what it should be reads as absent, so one odd field never throws.
 */

export type RawObject = Record<string, unknown>;

/** The value as an object with fields, or null for anything else (arrays included). */
export function asObject(value: unknown): RawObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as RawObject) : null;
}

/** The value when it is an array, else none. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Everflow wraps lists as `{ entries: [...], total }`; some answers send the bare array. Either reads as its entries. */
export function entriesOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : asArray(asObject(value)?.entries);
}

/** A flag as networks send it: true, 1, "1", "true", "yes" (any case) are yes; anything else is no. */
export function isYes(value: unknown): boolean {
  if (value === true || value === 1) return true;
  if (typeof value !== 'string' || value.length > 8) return false;
  const text = value.trim().toLowerCase();
  return text === '1' || text === 'true' || text === 'yes';
}

/** A whole page number from a number or a numeric string, else null. */
export function toPageNumber(value: unknown): number | null {
  const n = typeof value === 'string' && value.length <= 16 && value.trim() ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}
