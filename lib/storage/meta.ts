import { z } from 'zod/mini';
import type { ChangesFirstScreen } from '../changes/first-screen';
import type { ChangeListRow } from '../changes/list';
import { CHANGE_GROUPS } from '../changes/log';
import type { RejectedOffer } from '../feed';
import type { Offer } from '../offer';
import { EMPTY_STATUS, type RefreshStatus } from '../refresh/status';
import type { SnapshotPreview, SnapshotSource } from '../snapshot';
import { db } from './db';

/**
 * Every record of the IndexedDB `meta` store, by key, with its schema and its value when absent
 * (docs/architecture.md, "What is stored where", lists them; lib/architecture.test.ts checks the
 * two agree). Read through `meta.get`, which checks the value: a record an older version wrote
 * in another shape reads as its default instead of misleading the code. Only extension pages and
 * the background can open this database, so the checks guard against versions, not pages; big
 * records (offers) are checked for shape, not field by field, to keep the popup's start fast.
 */

const count = z.int().check(z.nonnegative());
const time = z.number();
const offerLike = z.custom<Offer>(
  (value) => typeof value === 'object' && value !== null && typeof (value as Offer).id === 'string',
);
const rejectedLike = z.custom<RejectedOffer>(
  (value) => typeof value === 'object' && value !== null && typeof (value as RejectedOffer).reason === 'string',
);

const SourceFactsSchema = z.object({
  fetchedAt: time,
  offerCount: count,
  rejectedCount: count,
  rejected: z.array(rejectedLike),
});

const SnapshotFactsSchema = z.object({
  fetchedAt: time,
  source: z.enum(['feed', 'demo']) as z.ZodMiniType<SnapshotSource, unknown>,
  offerCount: count,
  rejected: z.array(rejectedLike),
  /** Source id → its facts (missing before several sources: all offers were the first source's). */
  sources: z.optional(z.record(z.string(), SourceFactsSchema)),
});
export type SnapshotFacts = z.infer<typeof SnapshotFactsSchema>;

const PreviewSchema = z.object({
  fetchedAt: time,
  top: z.array(offerLike),
  rejected: z.array(rejectedLike),
}) satisfies z.ZodMiniType<SnapshotPreview, unknown>;

export const StatusSchema = z.object({
  lastAttemptAt: z.nullable(time),
  lastSuccessAt: z.nullable(time),
  nextAttemptAt: z.nullable(time),
  failures: count,
  refreshing: z.boolean(),
  error: z.nullable(
    z.object({ code: z.string(), httpStatus: z.nullable(z.number()), message: z.string().check(z.maxLength(400)) }),
  ),
  notice: z._default(z.nullable(z.string().check(z.maxLength(400))), null),
}) as z.ZodMiniType<RefreshStatus, unknown>;

const ChangeBatchSchema = z.object({
  firstId: count,
  lastId: count,
  at: time,
  counts: z.partialRecord(z.enum(CHANGE_GROUPS), count),
});
export type ChangeBatch = z.infer<typeof ChangeBatchSchema>;

const rowLike = z.custom<ChangeListRow>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    ((value as ChangeListRow).type === 'header' ||
      ((value as ChangeListRow).type === 'change' && typeof (value as { change?: unknown }).change === 'object')),
);
const ChangesFirstScreenSchema = z.object({
  seenId: count,
  latestId: count,
  earlier: z.boolean(),
  since: z.nullable(time),
  steps: count,
  total: count,
  rows: z.array(rowLike),
  watchlist: z.string(),
}) satisfies z.ZodMiniType<ChangesFirstScreen, unknown>;

/** The `meta` records: key → [schema, value when absent or unreadable]. */
const META = {
  /** The current snapshot's facts (its offers are in the `offers` store). */
  snapshot: [z.nullable(SnapshotFactsSchema), null],
  /** The popup's first screen: best offers and the first skipped ones. */
  preview: [z.nullable(PreviewSchema), null],
  /** The refresh status of all sources together, as the pages show it (storage.local has a copy for display). */
  status: [StatusSchema, EMPTY_STATUS],
  /** Each source's own refresh status, which the background acts on: source id → status. */
  sourceStatus: [z.record(z.string(), StatusSchema), {}],
  /** What the stored search index is, readable without loading its megabytes. */
  searchIndex: [z.nullable(z.object({ version: z.number(), fetchedAt: time })), null],
  /** The newest change the publisher has seen (the Changes view was open with it). */
  changesSeen: [count, 0],
  /** Each refresh's changes counted by group, so the Changes tab's count needs no scan. */
  changeBatches: [z.array(ChangeBatchSchema), []],
  /** The Changes view's first screen (lib/changes/first-screen.ts), true while the log and the last look are as it says. */
  changesFirstScreen: [z.nullable(ChangesFirstScreenSchema), null],
  /** When the first snapshot of this source was kept: offers older than the log were "seen since". */
  logStartedAt: [z.nullable(time), null],
  /** Watch alerts raised (alert key → when), so each is raised once. */
  alertsSent: [z.record(z.string(), time), {}],
  /** Changes to watched things not seen yet (the toolbar's count). */
  watchedUnseen: [count, 0],
  /** Which drift step of the demo feed is shown (lib/demo.ts). */
  demoStep: [count, 0],
  /** What the last snapshot save cost, in ms, for `npm run bench`. */
  saveTimings: [z.nullable(z.record(z.string(), z.number())), null],
} as const satisfies Record<string, readonly [z.ZodMiniType, unknown]>;

export type MetaKey = keyof typeof META;
export type MetaValue<K extends MetaKey> = z.output<(typeof META)[K][0]>;
export const META_KEYS = Object.keys(META) as MetaKey[];

/** A raw `meta` record as its checked value (its default when absent or of another shape). */
export function checkMeta<K extends MetaKey>(key: K, raw: unknown): MetaValue<K> {
  const [schema, fallback] = META[key];
  if (raw === undefined) return fallback as MetaValue<K>;
  const parsed = schema.safeParse(raw);
  return (parsed.success ? parsed.data : fallback) as MetaValue<K>;
}

export const meta = {
  async get<K extends MetaKey>(key: K): Promise<MetaValue<K>> {
    return checkMeta(key, await (await db()).get('meta', key));
  },
  async set<K extends MetaKey>(key: K, value: MetaValue<K>): Promise<void> {
    await (await db()).put('meta', value, key);
  },
};
