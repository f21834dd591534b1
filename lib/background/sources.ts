import type { browser as wxtBrowser } from 'wxt/browser';
import { diffOffers } from '../changes';
import { toRecords } from '../changes/log';
import { toUsd } from '../currency';
import type { Handlers } from '../messaging/listener';
import type { Offer } from '../offer';
import { createRefresher, type Refresher, type RefreshOutcome } from '../refresh';
import { isStale } from '../refresh/schedule';
import { combineStatuses, EMPTY_STATUS, type RefreshStatus } from '../refresh/status';
import { buildSearchIndexData } from '../search/build';
import { type Snapshot, type SourceSnapshot, summarise, withoutSource, withSourcePart } from '../snapshot';
import { DEMO_SOURCES, PRIMARY_SOURCE_ID, primarySource, type Source, sourceName } from '../sources';
import { database } from '../storage/database';
import type { World } from '../storage/db';
import { firstPageItem, loadSettings, sourceNamesItem, statusItem, summaryItem, tabOffersItem } from '../storage/items';
import { currentRates } from '../storage/rates';
import type { createOffers } from './offers';
import { type FetchSettings, sourceFetching } from './source-refresh';
import type { createWatching } from './watching';

export const REFRESH_ALARM = 'refresh-feed';
const alarmOf = (sourceId: string) => (sourceId === PRIMARY_SOURCE_ID ? REFRESH_ALARM : `${REFRESH_ALARM}:${sourceId}`);

type Browser = typeof wxtBrowser;

interface Deps {
  browser: Browser;
  fetching: FetchSettings;
  offers: ReturnType<typeof createOffers>;
  watching: ReturnType<typeof createWatching>;
  repaintToolbar(): Promise<void>;
  isApproved(origin: string): Promise<boolean>;
}

/**
 * Every source's refreshes, and the one snapshot they make together: each source on its own
 * schedule, status and back-off; one source's good refresh replaces only its own offers (diffed
 * against its own previous ones for the change log), and one failing never hides the others'.
 * The demo's sources live in the demo world (lib/storage/db.ts), apart from the publisher's.
 */
export function createSources(deps: Deps) {
  const { browser, offers, watching } = deps;
  const refreshers = new Map<string, Refresher>();

  /** The sources of the world on show: the publisher's, or the demo's. */
  async function sourcesOf(world: World): Promise<Source[]> {
    if (world === 'demo') return [...DEMO_SOURCES];
    const { settings } = await loadSettings();
    return [primarySource(settings.feedUrl), ...(await database.loadSources())];
  }
  const shownSources = async () => sourcesOf(await database.currentWorld());
  async function sourceById(id: string): Promise<Source> {
    const world: World = DEMO_SOURCES.some((s) => s.id === id) ? 'demo' : 'real';
    const found = (await sourcesOf(world)).find((s) => s.id === id);
    if (!found) throw new Error(`No source ${id}`);
    return found;
  }

  /** The search index of these offers, payouts ordered in one currency with the rates in use. */
  const indexOf = async (list: Offer[]) => buildSearchIndexData(list, { toUsd, rates: await currentRates() });

  /** The sources on show, named, for the pages (session storage: out of content scripts' reach). */
  async function mirrorSourceNames(): Promise<void> {
    const names = (await shownSources()).map((s) => ({ id: s.id, kind: s.kind, label: s.label, name: sourceName(s) }));
    await mirror(sourceNamesItem.setValue(names));
  }

  // One save at a time: two sources finishing together must not both start from the same snapshot.
  let saving: Promise<unknown> = Promise.resolve();
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const run = saving.then(work);
    saving = run.catch(() => undefined);
    return run;
  }

  /** Keep a source's good refresh: its part of the snapshot, its changes, the index, the mirrors. */
  function savePart(source: Source, part: SourceSnapshot): Promise<void> {
    return serially(async () => {
      const world = await database.currentWorld();
      // A refresh of the other world's source (the world was switched meanwhile) is not kept.
      if (!!source.demo !== (world === 'demo')) return;
      const previous = await offers.snapshot().catch(() => null);
      const next = withSourcePart(previous, source.id, part, source.demo ? 'demo' : 'feed');
      const before = previous?.sources[source.id];
      const t0 = performance.now();
      const fresh = next.offers.filter((o) => o.source === source.id);
      const records = before
        ? toRecords(
            diffOffers(ofSource(previous?.offers ?? [], source.id), fresh),
            fresh,
            part.fetchedAt,
            before.fetchedAt,
            source.id,
          )
        : [];
      const t1 = performance.now();
      const index = await indexOf(next.offers);
      const t2 = performance.now();
      await database.saveSnapshot(next, index, records);
      const t3 = performance.now();
      offers.invalidate();
      if (!previous) await database.meta.set('logStartedAt', next.fetchedAt);
      await mirrorSnapshot(next);
      await database.meta.set('saveTimings', {
        diffMs: t1 - t0,
        indexMs: t2 - t1,
        writeMs: t3 - t2,
        changes: records.length,
      });
      await watching.afterRefresh(records, next.offers);
      if (records.length > 0) await watching.rewriteChangesScreen(records);
    });
  }

  /** What the pages show at once (first paint, counts): a failed write (a quota) never fails the refresh. */
  async function mirrorSnapshot(snapshot: Snapshot | null): Promise<void> {
    const preview = snapshot ? await database.loadPreview() : null;
    await mirror(
      firstPageItem.setValue(preview ? { fetchedAt: preview.fetchedAt, top: preview.top.map(trimForMirror) } : null),
    );
    await mirror(summaryItem.setValue(snapshot ? summarise(snapshot) : null));
  }

  /** Save one source's status, and everything's together for the toolbar and the pages. */
  async function saveStatus(sourceId: string, status: RefreshStatus): Promise<void> {
    const all = { ...(await database.meta.get('sourceStatus')), [sourceId]: status };
    await database.meta.set('sourceStatus', all);
    const sources = await shownSources();
    const combined = combineStatuses(
      sources
        .filter((s) => all[s.id] && (s.id === PRIMARY_SOURCE_ID || s.demo || all[s.id]?.lastAttemptAt !== null))
        .map((s) => ({ name: sourceName(s), status: all[s.id] as RefreshStatus })),
    );
    await database.meta.set('status', combined);
    await mirror(statusItem.setValue(combined));
    await deps.repaintToolbar();
  }

  /** The refresher of one source (made once per worker life; it reads the source anew on every run). */
  function refresherOf(sourceId: string): Refresher {
    let refresher = refreshers.get(sourceId);
    if (refresher) return refresher;
    const demo = DEMO_SOURCES.some((s) => s.id === sourceId);
    refresher = createRefresher({
      now: Date.now,
      demo,
      ...sourceFetching(
        browser,
        () => sourceById(sourceId),
        deps.isApproved,
        deps.fetching,
        () => database.meta.get('demoStep'),
      ),
      loadStatus: async () => (await database.meta.get('sourceStatus'))[sourceId] ?? (await legacyStatus(sourceId)),
      saveStatus: (status) => saveStatus(sourceId, status),
      async currentSnapshot() {
        // Its facts only: a refresh on waking (a stale snapshot) need not load every offer before it fetches.
        const facts = (await database.loadSourceFacts().catch(() => null))?.[sourceId];
        return facts
          ? { offerCount: facts.offerCount, rejectedCount: facts.rejectedCount, fetchedAt: facts.fetchedAt }
          : null;
      },
      saveSnapshot: async (part) => savePart(await sourceById(sourceId), part),
      async schedule(when) {
        await browser.alarms.clear(alarmOf(sourceId));
        if (when !== null)
          await browser.alarms.create(alarmOf(sourceId), { when: Math.max(when, Date.now() + 30_000) });
      },
    });
    refreshers.set(sourceId, refresher);
    return refresher;
  }

  /** Before several sources, the one status was the first source's. */
  async function legacyStatus(sourceId: string): Promise<RefreshStatus> {
    return sourceId === PRIMARY_SOURCE_ID ? database.meta.get('status') : EMPTY_STATUS;
  }

  /** Refresh every source on show; the answer is the first source's (or the first failing one's). */
  async function refreshAll(options: { automatic?: boolean } = {}): Promise<RefreshOutcome> {
    const outcomes = await Promise.all((await shownSources()).map((s) => refresherOf(s.id).refresh(options)));
    return outcomes.find((o) => !o.ok) ?? (outcomes[0] as RefreshOutcome);
  }

  /** On every background start: refresh each source whose snapshot is stale or whose attempt is due. */
  async function ensureFresh(): Promise<void> {
    if ((await database.currentWorld()) === 'demo') return;
    const { settings } = await loadSettings();
    const refreshing: Promise<unknown>[] = [];
    for (const source of await shownSources()) {
      const [status, alarm] = await Promise.all([loadStatusOf(source.id), browser.alarms.get(alarmOf(source.id))]);
      // A worker stopped mid-refresh leaves "refreshing": that refresh is over.
      if (status.refreshing) await saveStatus(source.id, { ...status, refreshing: false });
      if (status.nextAttemptAt === null && status.error) continue; // waiting for new settings
      if (source.id !== PRIMARY_SOURCE_ID && !(await database.loadApiKey(source.id))) continue;
      const due = status.nextAttemptAt !== null && status.nextAttemptAt <= Date.now();
      if (due || isStale(status.lastSuccessAt, settings.refreshMinutes, Date.now())) {
        refreshing.push(refresherOf(source.id).refresh({ automatic: true }));
      } else if (!alarm && status.nextAttemptAt !== null) {
        await browser.alarms.create(alarmOf(source.id), { when: status.nextAttemptAt });
      }
    }
    await Promise.all(refreshing);
  }
  const loadStatusOf = async (id: string) => (await database.meta.get('sourceStatus'))[id] ?? (await legacyStatus(id));

  /** Forget a source the publisher removed: its offers, its change log, its status, its schedule. */
  function dropSource(sourceId: string): Promise<void> {
    return serially(async () => {
      const current = await offers.snapshot().catch(() => null);
      if (current?.sources[sourceId]) {
        const next = withoutSource(current, sourceId);
        await database.saveSnapshot(next, await indexOf(next.offers));
        offers.invalidate();
        await mirrorSnapshot(next);
      }
      await database.changes.removeSource(sourceId);
      const statuses = { ...(await database.meta.get('sourceStatus')) };
      delete statuses[sourceId];
      await database.meta.set('sourceStatus', statuses);
      await browser.alarms.clear(alarmOf(sourceId));
      refreshers.delete(sourceId);
    });
  }

  /** Show the other world: its snapshot, status and counts; what the pages showed of this one goes. */
  async function switchWorld(world: World): Promise<void> {
    await serially(async () => {
      await database.setWorld(world);
      offers.invalidate();
      await mirror(tabOffersItem.setValue({}));
      await mirrorSnapshot(await offers.snapshot().catch(() => null));
      const status = await database.meta.get('status');
      await mirror(statusItem.setValue(status));
      await mirrorSourceNames();
      await deps.repaintToolbar();
    });
  }

  /**
   * "Try with demo data": the demo world, its sources refreshed (the CarrierAppTraffic demo one
   * drift step further each time, lib/demo.ts; the first time its first step is kept as the
   * baseline, so the Changes view has changes). The publisher's own data is not touched.
   */
  async function loadDemo(): Promise<RefreshOutcome> {
    if ((await database.currentWorld()) !== 'demo') await switchWorld('demo');
    const first = !(await offers.snapshot().catch(() => null));
    const step = first ? 0 : (await database.meta.get('demoStep')) + 1;
    await database.meta.set('demoStep', step);
    const outcomes = await Promise.all(DEMO_SOURCES.map((s) => refresherOf(s.id).refresh({ restart: true })));
    if (first && outcomes.every((o) => o.ok)) {
      await database.meta.set('demoStep', 1);
      return refresherOf(DEMO_SOURCES[0]?.id as string).refresh({ restart: true });
    }
    return outcomes.find((o) => !o.ok) ?? (outcomes[0] as RefreshOutcome);
  }

  /** "Back to my offers": the publisher's world as it was, refreshed where it is due. */
  async function leaveDemo(): Promise<{ ok: true }> {
    await switchWorld('real');
    await ensureFresh();
    return { ok: true };
  }

  /**
   * Extension pages search the stored index (lib/storage/offer-source.ts). An update of Offer
   * Lens that changed the index's shape leaves one they cannot use: rebuild it from the stored
   * snapshot (offers rewritten too, in the current chunk size), once, without waiting for a feed.
   */
  let indexCheck: Promise<void> | null = null;
  function ensureSearchIndex(): Promise<void> {
    indexCheck ??= serially(async () => {
      if (await database.hasCurrentSearchIndex()) return;
      const snapshot = await offers.snapshot();
      if (!snapshot) return;
      await database.saveSnapshot(snapshot, await indexOf(snapshot.offers));
      offers.invalidate();
    }).finally(() => {
      indexCheck = null;
    });
    return indexCheck;
  }

  const handlers = {
    offerById: ({ id }) => offers.byKey(id),
    async prepareSearch() {
      await ensureSearchIndex();
      return { ok: true as const };
    },
    /** "Refresh": every source on show (in the demo, its next step). */
    refresh: async () => ((await database.currentWorld()) === 'demo' ? loadDemo() : refreshAll()),
    loadDemo,
    leaveDemo,
  } satisfies Partial<Handlers>;

  return {
    handlers,
    /** The first source's refresher (the one feed of before several sources). */
    primary: () => refresherOf(PRIMARY_SOURCE_ID),
    refresherOf,
    refreshAll,
    ensureFresh,
    ensureSearchIndex,
    mirrorSourceNames,
    dropSource,
    sourcesOf,
    statusOf: loadStatusOf,
    /** Source id → the name the publisher knows it by, for the sources on show. */
    async names(): Promise<ReadonlyMap<string, string>> {
      return new Map((await shownSources()).map((s) => [s.id, sourceName(s)]));
    },
    /** An alarm of ours went off: its source's automatic refresh (never in the other world). */
    async onAlarm(name: string): Promise<void> {
      if (name !== REFRESH_ALARM && !name.startsWith(`${REFRESH_ALARM}:`)) return;
      if ((await database.currentWorld()) === 'demo') return;
      const id = name === REFRESH_ALARM ? PRIMARY_SOURCE_ID : name.slice(REFRESH_ALARM.length + 1);
      if ((await shownSources()).some((s) => s.id === id)) await refresherOf(id).refresh({ automatic: true });
    },
  };
}

function ofSource(offers: Offer[], sourceId: string): Offer[] {
  return offers.filter((offer) => (offer.source ?? PRIMARY_SOURCE_ID) === sourceId);
}

/** A display mirror's write: its failure (a quota) is reported, never the refresh's failure. */
export async function mirror(write: Promise<void>): Promise<void> {
  await write.catch((error: unknown) => console.warn('Offer Lens: a display mirror failed to write', error));
}

/** An offer as the first-paint mirror keeps it: long feed text clipped, so a hostile feed cannot fill session storage. */
function trimForMirror(offer: Offer): Offer {
  return offer.description.length > MIRROR_TEXT_MAX
    ? { ...offer, description: `${offer.description.slice(0, MIRROR_TEXT_MAX)}…` }
    : offer;
}
const MIRROR_TEXT_MAX = 2000;
