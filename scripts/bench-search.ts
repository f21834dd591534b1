/**
 * The search part of `npm run bench`, runnable alone: `npx tsx scripts/bench.ts --only search`
 * (add `--no-rivals` to skip Fuse.js and MiniSearch, `--per-query` for each query's times).
 * Two generated feeds: the bench's long-standing synthetic one, and one named the way the network
 * names its offers ("App - Platform - GEOS - Event", tests/support/network-feed.ts).
 */
import { serialize } from 'node:v8';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { type Offer, parseFeed } from '../lib/feed';
import { createSearchIndex } from '../lib/search';
import { buildSearchIndexData } from '../lib/search/build';
import { networkFeed } from '../tests/support/network-feed';
import { syntheticFeed } from '../tests/support/synthetic-feed';

const QUERIES = [
  'spotify',
  'spotfy',
  'candy crush',
  'cand cru',
  'com.king.candycrushsaga',
  '324684580',
  'games',
  'puzzle geo:US',
  'whatsap',
  'netflix platform:ios',
  'tinder payout>1.5',
  'install register',
  'clash',
  'clsh royale',
  'uber eats',
  'vpn',
  'finance cat:crypto',
  'amazon shoping',
  'duolingo',
  '100042',
  // What publishers type on a feed named "App - Platform - GEOS - Event".
  'insta',
  'tik tok',
  'tiktok',
  'pay pal',
  'uber',
  'instagarm',
  'ftd geo:BR',
  'deposit sort:payout',
];

const FEEDS = {
  synthetic: (count: number) => syntheticFeed(count, 2),
  network: (count: number) => networkFeed(count, 2),
} as const;

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

export const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms.toFixed(1));

interface QueryTimes {
  median: number;
  p95: number;
  byQuery: Map<string, number[]>;
}

/** Every query once to warm up, then `rounds` passes over all of them, each query timed alone. */
function runQueries(search: (q: string) => unknown, rounds: number): QueryTimes {
  const samples: number[] = [];
  const byQuery = new Map<string, number[]>(QUERIES.map((q) => [q, []]));
  for (const q of QUERIES) search(q);
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const { ms } = time(() => search(q));
      samples.push(ms);
      byQuery.get(q)?.push(ms);
    }
  }
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), byQuery };
}

function slowest(times: QueryTimes): string {
  let worst = '';
  let worstMs = -1;
  for (const [q, samples] of times.byQuery) {
    const m = quantile(samples, 0.5);
    if (m > worstMs) [worst, worstMs] = [q, m];
  }
  return `${worst} (${fmt(worstMs)} ms)`;
}

function benchOurs(feed: keyof typeof FEEDS, count: number, perQuery: boolean): Offer[] {
  const { offers } = parseFeed(FEEDS[feed](count));
  const builds: number[] = [];
  let data = buildSearchIndexData(offers);
  for (let i = 0; i < 3; i++) {
    const run = time(() => buildSearchIndexData(offers));
    builds.push(run.ms);
    data = run.value;
  }
  const bytes = serialize(data).length;
  // What a page does: open the build stored next to the snapshot (IndexedDB keeps a structured clone).
  const stored = structuredClone(data);
  const open = time(() => createSearchIndex(offers, stored));
  const times = runQueries((q) => open.value.search(q, 100), 20);
  console.log(
    `${feed.padEnd(10)} ${count.toLocaleString('en-US').padStart(7)}  ${fmt(quantile(builds, 0.5)).padStart(8)}  ${(bytes / 1e6).toFixed(1).padStart(8)}  ${fmt(open.ms).padStart(7)}  ${fmt(times.median).padStart(9)}  ${fmt(times.p95).padStart(6)}  ${slowest(times)}`,
  );
  if (perQuery) {
    for (const [q, samples] of times.byQuery) {
      console.log(
        `    ${q.padEnd(26)} median ${fmt(quantile(samples, 0.5))} ms, p95 ${fmt(quantile(samples, 0.95))} ms`,
      );
    }
  }
  return offers;
}

function benchRivals(offers: Offer[], ours: QueryTimes) {
  const fuseBuild = time(
    () =>
      new Fuse(offers, {
        keys: [
          { name: 'name', weight: 3 },
          { name: 'id', weight: 2 },
          { name: 'store.appId', weight: 2.5 },
          { name: 'categories', weight: 2 },
          { name: 'description', weight: 1 },
        ],
        threshold: 0.35,
        ignoreLocation: true,
      }),
  );
  const fuse = runQueries((q) => fuseBuild.value.search(q, { limit: 100 }), 1);
  const miniBuild = time(() => {
    const mini = new MiniSearch({
      fields: ['name', 'id', 'appId', 'categories', 'description'],
      extractField: (doc, field) => {
        const offer = doc as Offer;
        if (field === 'appId') return offer.store?.appId ?? '';
        if (field === 'categories') return offer.categories.join(' ');
        return String((offer as unknown as Record<string, unknown>)[field] ?? '');
      },
      searchOptions: {
        prefix: true,
        fuzzy: 0.2,
        combineWith: 'AND',
        boost: { name: 3, appId: 2.5, categories: 2, id: 2 },
      },
    });
    mini.addAll(offers);
    return mini;
  });
  const mini = runQueries((q) => miniBuild.value.search(q).slice(0, 100), 5);
  console.log('\nrivals, synthetic 50,000   build ms   median ms   p95 ms');
  console.log(
    `MiniSearch 7               ${fmt(miniBuild.ms).padStart(8)}   ${fmt(mini.median).padStart(9)}   ${fmt(mini.p95).padStart(6)}`,
  );
  console.log(
    `Fuse.js 7                  ${fmt(fuseBuild.ms).padStart(8)}   ${fmt(fuse.median).padStart(9)}   ${fmt(fuse.p95).padStart(6)}`,
  );
  console.log(
    `speed-up vs Fuse.js: ${(fuse.median / ours.median).toFixed(0)}× median, ${(fuse.p95 / ours.p95).toFixed(0)}× p95 (goal ≥ 50×; median < 2 ms, p95 < 8 ms)`,
  );
  console.log(`speed-up vs MiniSearch: ${(mini.median / ours.median).toFixed(1)}× median`);
}

export function benchSearch(args: string[]) {
  const perQuery = args.includes('--per-query');
  console.log(`\n## Search: ${QUERIES.length} queries × 20 rounds (median / p95 per query; build: median of 3)`);
  console.log('feed        offers  build ms  index MB  open ms  median ms  p95 ms  slowest query (median)');
  let rivalFeed: Offer[] = [];
  for (const feed of ['synthetic', 'network'] as const) {
    for (const count of [50_000, 100_000]) {
      const offers = benchOurs(feed, count, perQuery);
      if (feed === 'synthetic' && count === 50_000) rivalFeed = offers;
    }
  }
  if (!args.includes('--no-rivals')) {
    const index = createSearchIndex(rivalFeed);
    benchRivals(
      rivalFeed,
      runQueries((q) => index.search(q, 100), 20),
    );
  }
}
