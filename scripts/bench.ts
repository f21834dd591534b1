/**
 * npm run bench — the numbers the issues ask for, measured side by side in one run.
 * Synthetic feeds are generated here (deterministic), never committed.
 */
import { gzipSync } from 'node:zlib';
import { diffOffers } from '../lib/changes';
import { offersCsv } from '../lib/export';
import { parseFeed } from '../lib/feed';
import { createStoreIndex, offersForStorePage } from '../lib/match';
import { syntheticFeed } from '../tests/support/synthetic-feed';
import { benchSearch, fmt, quantile } from './bench-search';

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

function benchFeed() {
  const text = JSON.stringify(syntheticFeed(100_000, 1));
  const parseOnly: number[] = [];
  const parseAndNormalise: number[] = [];
  for (let i = 0; i < 5; i++) {
    parseOnly.push(time(() => JSON.parse(text)).ms);
    parseAndNormalise.push(time(() => parseFeed(JSON.parse(text))).ms);
  }
  const a = quantile(parseOnly, 0.5);
  const b = quantile(parseAndNormalise, 0.5);
  console.log(`\n## Feed: 100,000 offers, ${(text.length / 1e6).toFixed(1)} MB (median of 5)`);
  console.log(`JSON.parse                 ${fmt(a)} ms`);
  console.log(`JSON.parse + parseFeed     ${fmt(b)} ms`);
  console.log(`ratio                      ${(b / a).toFixed(2)}  (goal ≤ 3)`);
}

/** diffOffers on two 100,000-offer snapshots with ~2% changed, beside a bare JSON.parse of that feed. */
function benchDiff() {
  const raw = syntheticFeed(100_000, 7);
  const text = JSON.stringify(raw);
  const before = parseFeed(raw).offers;
  const changed = {
    ...raw,
    offers: raw.offers.flatMap((o, i) =>
      i % 100 === 0
        ? []
        : i % 100 === 1
          ? [{ ...o, payout: { amount: 42 } }]
          : i % 100 === 2
            ? [{ ...o, geos: ['US'] }]
            : [o],
    ),
  };
  const after = parseFeed(changed).offers;
  const parse: number[] = [];
  const diff: number[] = [];
  let changes = 0;
  for (let i = 0; i < 5; i++) {
    parse.push(time(() => JSON.parse(text)).ms);
    const run = time(() => diffOffers(before, after));
    diff.push(run.ms);
    changes = run.value.length;
  }
  const p = quantile(parse, 0.5);
  const d = quantile(diff, 0.5);
  console.log(`\n## Changes: 100,000 offers, ${changes.toLocaleString('en-US')} changes (median of 5)`);
  console.log(`JSON.parse of the feed      ${fmt(p)} ms`);
  console.log(`diffOffers                  ${fmt(d)} ms`);
  console.log(`ratio                       ${(d / p).toFixed(2)}  (goal ≤ 0.5)`);
}

/** Export: 50,000 offers to CSV (what the Export menu builds from the offers it read). */
function benchExport() {
  const { offers } = parseFeed(syntheticFeed(50_000, 4));
  const settings = { clickId: '[CLICK_ID]', clickIdParam: 'aff_sub', subId: 'camp-7', subIdParam: 'aff_sub2' };
  const runs: number[] = [];
  let size = 0;
  for (let i = 0; i < 5; i++) {
    const run = time(() => offersCsv(offers, settings));
    runs.push(run.ms);
    size = run.value.reduce((n, part) => n + part.length, 0);
  }
  console.log(`\n## Export: 50,000 offers to CSV (median of 5)`);
  console.log(
    `offersCsv                   ${fmt(quantile(runs, 0.5))} ms, ${(size / 1e6).toFixed(1)} MB  (goal ≤ 1 s with reading the offers; see the browser timing)`,
  );
}

function benchLookup() {
  const { offers } = parseFeed(syntheticFeed(100_000, 3));
  const build = time(() => createStoreIndex(offers));
  const urls = offers.slice(0, 1000).map((o) => o.previewUrl ?? '');
  const samples: number[] = [];
  for (let r = 0; r < 10; r++) {
    for (const url of urls) samples.push(time(() => offersForStorePage(build.value, url, { now: 0 })).ms);
  }
  console.log('\n## Store-page lookup: 100,000 offers');
  console.log(
    `index build ${fmt(build.ms)} ms; lookup median ${fmt(quantile(samples, 0.5))} ms, p95 ${fmt(quantile(samples, 0.95))} ms`,
  );
}

async function benchBundles() {
  const { readFileSync, readdirSync, existsSync } = await import('node:fs');
  const dir = '.output/chrome-mv3';
  if (!existsSync(dir)) {
    console.log('\n## Bundle sizes: run `npm run build` first');
    return;
  }
  const gz = (file: string) => gzipSync(readFileSync(`${dir}/${file}`)).length;
  /** The JS a page loads at start (its module and the chunks it preloads); lazy chunks (the QR code) excluded. */
  const pageJs = (html: string) => {
    const text = readFileSync(`${dir}/${html}`, 'utf8');
    const files = [...text.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1] as string);
    return { files: files.length, kb: files.reduce((sum, f) => sum + gz(f), 0) / 1024 };
  };
  const contentJs = readdirSync(`${dir}/content-scripts`).filter((f) => f.endsWith('.js'));
  const contentBytes = contentJs.reduce((sum, f) => sum + gz(`content-scripts/${f}`), 0);
  console.log('\n## Bundle sizes (gzip, production Chrome build)');
  for (const [name, html, goal] of [
    ['popup', 'popup.html', '; goal ≤ 45 KB'],
    ['side panel', 'sidepanel.html', ''],
    ['offers page', 'offers.html', ''],
    ['settings page', 'options.html', ''],
  ] as const) {
    const { files, kb } = pageJs(html);
    console.log(`${`${name} JS`.padEnd(19)}${kb.toFixed(1)} KB  (${files} files${goal})`);
  }
  console.log(`content script JS  ${(contentBytes / 1024).toFixed(1)} KB  (goal ≤ 25 KB)`);
  // The background is a module: its entry and the chunks it imports (static imports, followed).
  const withImports = (entry: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(entry)) return seen;
    seen.add(entry);
    const code = readFileSync(`${dir}/${entry}`, 'utf8');
    const base = entry.includes('/') ? entry.slice(0, entry.lastIndexOf('/') + 1) : '';
    for (const [, path] of code.matchAll(/(?:from|import)\s*"(\.\.?\/[^"]+\.js)"/g)) {
      withImports(new URL(path as string, `file:///${base}`).pathname.slice(1), seen);
    }
    return seen;
  };
  const background = [...withImports('background.js')];
  const backgroundKb = background.reduce((sum, f) => sum + gz(f), 0) / 1024;
  console.log(`background JS      ${backgroundKb.toFixed(1)} KB  (${background.length} files)`);
}

const args = process.argv.slice(2);
/** `--only search` (or feed, diff, lookup, export, bundles): one part alone. */
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const runs = (part: string) => only === undefined || only === part;

if (runs('feed')) benchFeed();
if (runs('diff')) benchDiff();
if (runs('search')) benchSearch(args);
if (runs('lookup')) benchLookup();
if (runs('export')) benchExport();
if (runs('bundles')) await benchBundles();
if (!only && (args.includes('--browser') || process.env.BENCH_BROWSER)) {
  await import('./bench-browser');
} else if (!only) {
  console.log('\n(browser timings: npm run bench -- --browser)');
}
