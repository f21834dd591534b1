import type { Offer } from '../offer';
import { type ChangeKind, diffOffers } from './diff';
import { type ChangeRecord, groupOf } from './log';
import { recordKey } from './watch';

/**
 * What changed since the last look, per offer: the net difference between its state when the
 * publisher last looked and now, from the log's records of every refresh in between. The log
 * itself keeps every step (the offer's timeline reads it); the Changes view shows the net.
 */

/** The field each field kind of `diffOffers` compares. */
const FIELD_OF = {
  name: 'name',
  description: 'description',
  payout: 'payout',
  caps: 'caps',
  geos: 'geos',
  platform: 'platform',
  'min-version': 'minVersion',
  expiry: 'expiresAt',
  categories: 'categories',
  'sub-ids': 'subIds',
  'tracking-url': 'trackingUrl',
  'preview-url': 'previewUrl',
} as const satisfies Record<Exclude<ChangeKind, 'new' | 'gone'>, keyof Offer>;
type FieldKind = keyof typeof FIELD_OF;
const FIELD_KINDS = Object.keys(FIELD_OF) as FieldKind[];

/** An offer's identity across networks: its source and its id there (lib/sources offerKey). */
export const offerKey = (record: Pick<ChangeRecord, 'source' | 'offerId'>): string => recordKey(record);

/**
 * The net changes in `records` (a window of the log, in any order), per offer:
 * - a field that moved and came back (a payout up and down again) is no change;
 * - an offer gone and back is no change, unless it came back different, then one change per
 *   field kind that differs (compared as `diffOffers` compares: amounts as numbers, lists as
 *   sets, descriptions ignoring white space);
 * - an offer new and gone again within the window is nothing; new and still listed is one
 *   'new' (with its current state); listed at the start and gone now is one 'gone' (with its
 *   last known state);
 * - otherwise one change per field kind that differs, with its first `before` and last `after`.
 * Each net change carries the offer's latest facts (name, payout, countries…) and the time of
 * its last step. Pure; linear in the records (after one sort).
 */
export function netChanges(records: readonly ChangeRecord[]): ChangeRecord[] {
  const byOffer = new Map<string, ChangeRecord[]>();
  for (const record of records.slice().sort(byTime)) {
    const key = offerKey(record);
    const steps = byOffer.get(key);
    if (steps) steps.push(record);
    else byOffer.set(key, [record]);
  }
  const net: ChangeRecord[] = [];
  for (const steps of byOffer.values()) {
    for (const change of netOfOffer(steps)) net.push(change);
  }
  return net;
}

/** Oldest first: by the refresh's time, then by the order the log wrote them. */
function byTime(a: ChangeRecord, b: ChangeRecord): number {
  return a.at - b.at || (a.id ?? 0) - (b.id ?? 0);
}

/** One offer's steps, oldest first, as its net changes. */
function netOfOffer(steps: ChangeRecord[]): ChangeRecord[] {
  const first = steps[0] as ChangeRecord;
  // Most offers changed once in a window: that change is its own net (diffOffers recorded it
  // because it is one). The rest of the work is for offers that changed again.
  // Stryker disable next-line ConditionalExpression: a fast path; the rule below gives the same change
  if (steps.length === 1) return [first];
  const last = steps[steps.length - 1] as ChangeRecord;
  const wasListed = first.kind !== 'new';
  let lastPresence: ChangeRecord | null = null;
  for (const step of steps) if (step.kind === 'new' || step.kind === 'gone') lastPresence = step;
  const isListed = lastPresence ? lastPresence.kind === 'new' : wasListed;

  if (!wasListed && !isListed) return [];
  if (!isListed) {
    // Nothing is recorded of an offer after it went: its last step is the 'gone'.
    return [{ ...last, kind: 'gone', before: last.before, after: null, group: 'gone' }];
  }
  if (!wasListed) return [appeared(steps, lastPresence as ChangeRecord, last)];
  return fieldChanges(steps, last);
}

/** A new offer, with its state now: as it appeared, with every later change applied. */
function appeared(steps: ChangeRecord[], arrival: ChangeRecord, last: ChangeRecord): ChangeRecord {
  const offer = { ...(arrival.after as Offer) } as Record<string, unknown>;
  for (let i = steps.indexOf(arrival) + 1; i < steps.length; i++) {
    const step = steps[i] as ChangeRecord;
    if (step.kind in FIELD_OF) offer[FIELD_OF[step.kind as FieldKind]] = step.after;
  }
  return {
    ...last,
    kind: 'new',
    before: null,
    after: offer,
    group: 'new',
    at: arrival.at,
    previousAt: arrival.previousAt,
  };
}

interface FieldEnds {
  start: unknown;
  end: unknown;
  hasStart: boolean;
  hasEnd: boolean;
  /** The step that first told the field's value at the start, and the last that changed it. */
  firstStep: ChangeRecord | null;
  lastStep: ChangeRecord | null;
}

/**
 * An offer listed at both ends of the window: each field's value at the start (the first
 * `before` of its changes, or the offer as it went, whichever came first) against its value now
 * (the last `after`, or the offer as it came back, whichever came last).
 */
function fieldChanges(steps: ChangeRecord[], last: ChangeRecord): ChangeRecord[] {
  const ends = new Map<FieldKind, FieldEnds>();
  const endsOf = (kind: FieldKind) => {
    let found = ends.get(kind);
    if (!found) {
      found = { start: undefined, end: undefined, hasStart: false, hasEnd: false, firstStep: null, lastStep: null };
      ends.set(kind, found);
    }
    return found;
  };
  const startAt = (kind: FieldKind, value: unknown, step: ChangeRecord) => {
    const field = endsOf(kind);
    if (field.hasStart) return;
    Object.assign(field, { start: value, hasStart: true, firstStep: step });
  };
  const endAt = (kind: FieldKind, value: unknown, step: ChangeRecord) =>
    Object.assign(endsOf(kind), { end: value, hasEnd: true, lastStep: step });

  for (const step of steps) {
    if (step.kind === 'gone' || step.kind === 'new') {
      const offer = ((step.kind === 'gone' ? step.before : step.after) ?? {}) as Record<string, unknown>;
      for (const kind of FIELD_KINDS) {
        const value = offer[FIELD_OF[kind]] ?? null;
        if (step.kind === 'gone') startAt(kind, value, step);
        else endAt(kind, value, step);
      }
    } else if (step.kind in FIELD_OF) {
      const kind = step.kind as FieldKind;
      startAt(kind, step.before, step);
      endAt(kind, step.after, step);
    }
  }

  // Two partial offers holding only the fields known at both ends; diffOffers says which differ.
  const then: Record<string, unknown> = { id: last.offerId };
  const now: Record<string, unknown> = { id: last.offerId };
  for (const [kind, field] of ends) {
    if (!field.hasStart || !field.hasEnd) continue;
    then[FIELD_OF[kind]] = field.start;
    now[FIELD_OF[kind]] = field.end;
  }
  return diffOffers([then as unknown as Offer], [now as unknown as Offer]).map((change) => {
    const field = ends.get(change.kind as FieldKind) as FieldEnds;
    const { before, after } = change;
    return {
      ...last,
      kind: change.kind,
      before,
      after,
      group: groupOf(change),
      at: (field.lastStep as ChangeRecord).at,
      previousAt: (field.firstStep as ChangeRecord).previousAt,
    };
  });
}
