/**
 * Writes public/demo/affise.json and public/demo/everflow.json: the answers two more networks'
 * APIs would give for the same real apps as the CarrierAppTraffic demo feed (public/demo-feed.json),
 * as arrays of raw pages of 40 offers (Affise's partner API, Everflow's affiliate API), with the
 * sloppiness real answers have. Many apps are on two or three networks at different payouts and
 * currencies (Affise mostly EUR, Everflow mostly GBP, some USD): Spotify on Google Play pays
 * $1.62 in the demo feed, €1.70 on Affise and £1.35 on Everflow. Deterministic: the same files every run.
 * tests/support/network-server.ts serves these pages by default.
 * Run: npx tsx scripts/make-demo-networks.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { DEMO_APPS, type DemoApp } from '../tests/support/demo-apps';
import { random } from '../tests/support/synthetic-feed';

type Raw = Record<string, unknown>;
type Platform = 'android' | 'ios';

const PAGE_SIZE = 40;
const NOW_S = Date.UTC(2026, 10, 24) / 1000;
const COUNTRIES: Record<string, [number, string]> = {
  US: [227, 'United States'],
  GB: [226, 'United Kingdom'],
  IE: [103, 'Ireland'],
  DE: [81, 'Germany'],
  AT: [14, 'Austria'],
  CH: [206, 'Switzerland'],
  FR: [73, 'France'],
  ES: [195, 'Spain'],
  IT: [105, 'Italy'],
  NL: [150, 'Netherlands'],
  PL: [170, 'Poland'],
  SE: [203, 'Sweden'],
  CA: [38, 'Canada'],
  AU: [13, 'Australia'],
};
const EUROPE = ['DE', 'AT', 'CH', 'FR', 'ES', 'IT', 'NL', 'PL', 'SE'];
const ENGLISH = ['GB', 'IE', 'US', 'CA', 'AU'];
const GOALS = ['Install', 'Install + register', 'Install + first purchase', 'Install + start trial'];
const NOTES = [
  'No incentivized traffic.',
  'No brand bidding & no adult creatives.',
  'KPI: day-7 retention above 20%.',
  'WiFi and 4G only.',
  'Fraud will not be paid.',
  'Tier-1 devices only.',
];

// The apps every demo visitor will look at first: fixed terms, so the comparison is always there.
const FIXED: Record<string, Partial<Terms>> = {
  'affise:com.spotify.music': { amount: 1.7, currency: 'EUR', countries: ['DE', 'AT', 'CH', 'ES'] },
  'affise:324684580': { amount: 1.1, currency: 'USD', countries: ['US', 'CA'] },
  'everflow:com.spotify.music': { amount: 1.35, currency: 'GBP', countries: ['GB', 'IE', 'ES'] },
  'everflow:324684580': { amount: 0.95, currency: 'GBP', countries: ['GB', 'IE'] },
};

interface Terms {
  amount: number;
  currency: string;
  countries: string[];
  goal: string;
  notes: [string, string];
  daily: number;
  monthly: number;
  expires: string | null;
}

function makeTerms(network: 'affise' | 'everflow', app: DemoApp, platform: Platform, rnd: () => number): Terms {
  const home = network === 'affise' ? EUROPE : ENGLISH;
  const countries = new Set<string>();
  const count = 1 + Math.floor(rnd() * 4);
  while (countries.size < count) countries.add(pick(rnd, rnd() < 0.8 ? home : EUROPE.concat(ENGLISH)));
  const usd = rnd() < 0.2;
  const terms: Terms = {
    amount: Math.round((0.3 + rnd() * (rnd() < 0.1 ? 9 : 2.6)) * 100) / 100,
    currency: usd ? 'USD' : network === 'affise' ? 'EUR' : 'GBP',
    countries: [...countries],
    goal: pick(rnd, GOALS),
    notes: [pick(rnd, NOTES), pick(rnd, NOTES)],
    daily: rnd() < 0.4 ? 0 : 10 * (1 + Math.floor(rnd() * 50)),
    monthly: rnd() < 0.5 ? 0 : 500 * (1 + Math.floor(rnd() * 20)),
    expires: rnd() < 0.25 ? dateIn(10 + Math.floor(rnd() * 80)) : null,
  };
  return { ...terms, ...FIXED[`${network}:${platform === 'android' ? app.android : app.ios}`] };
}

function affiseOffer(id: number, app: DemoApp, platform: Platform, t: Terms, rnd: () => number): Raw {
  const os = platform === 'android' ? 'Android' : 'iOS';
  const link = `https://offers-demo.affise.com/click?pid=1001&offer_id=${id}`;
  const sloppyLink = rnd() < 0.15; // only in links[]
  return {
    id,
    offer_id: hex(rnd, 24),
    title: `${app.name} - ${t.countries.join(', ')} - ${os} - ${t.goal}`,
    preview_url: previewUrl(app, platform, rnd),
    // Mostly plain words; now and then the markup of the network's editor, or no English at all.
    description_lang:
      rnd() < 0.8
        ? { en: `${t.goal}. ${t.notes[0]} ${t.notes[1]}` }
        : rnd() < 0.5
          ? { en: `<p>${t.goal}.</p><p>${t.notes[0]}</p>` }
          : { en: '', de: `${t.goal} (nur Neukunden).` },
    link: sloppyLink ? '' : link,
    links: sloppyLink ? [{ id: hex(rnd, 8), title: 'Main landing', url: link }] : [],
    logo: `https://cdn.affise-demo.example/logo/${id}.png`,
    status: 'active',
    privacy: rnd() < 0.7 ? 'public' : 'protected',
    is_cpi: t.goal === 'Install',
    stop_at: t.expires ? `${t.expires} 23:59:59` : rnd() < 0.5 ? '' : null,
    categories: rnd() < 0.9 ? app.categories : null,
    payments: [
      {
        countries: t.countries,
        cities: [],
        devices: [],
        os: [platform],
        goal: '1',
        // Sloppy: some networks send amounts as strings, currencies in lower case.
        revenue: rnd() < 0.3 ? t.amount.toFixed(2) : t.amount,
        currency: t.currency.toLowerCase(),
        title: t.goal,
        type: 'fixed',
        country_exclude: false,
        with_regions: false,
      },
      ...(rnd() < 0.3
        ? [{ countries: [], goal: '2', revenue: 20, currency: 'usd', title: 'Deposit', type: 'percent' }]
        : []),
    ],
    caps: [
      ...(t.daily ? [cap('day', t.daily)] : []),
      ...(t.monthly ? [cap('month', t.monthly)] : []),
      ...(rnd() < 0.2 ? [{ ...cap('day', 200), type: 'clicks' }] : []),
    ],
    targeting: [
      {
        country: { allow: t.countries.map((c) => (c === 'GB' ? 'UK' : rnd() < 0.2 ? c.toLowerCase() : c)), deny: [] },
        os: { allow: [{ name: os, comparison: 'GTE', version: platform === 'android' ? '8.0' : '15.0' }], deny: [] },
        device_type: { allow: [], deny: [] },
        url: '',
      },
    ],
    required_approval: false,
    strictly_country: 1,
  };
}

function cap(period: string, value: number): Raw {
  return {
    goals: [],
    period,
    type: 'conversions',
    value,
    goal_type: 'all',
    affiliate_type: 'all',
    country_type: 'all',
  };
}

function everflowOffer(id: number, app: DemoApp, platform: Platform, t: Terms, rnd: () => number): Raw {
  const os = platform === 'android' ? 'Android' : 'iOS';
  const capsOn = t.daily > 0 || t.monthly > 0 ? rnd() < 0.85 : false;
  const category = {
    network_category_id: 10 + (app.categories[0]?.length ?? 0),
    network_id: 1357,
    name: app.categories[0],
  };
  return {
    // Sloppy: now and then the id comes as a string.
    network_offer_id: rnd() < 0.1 ? String(id) : id,
    network_id: 1357,
    name: `${app.name} | ${os} | ${t.countries.join(' ')} | ${t.goal}`,
    offer_status: 'active',
    currency_id: rnd() < 0.2 ? t.currency.toLowerCase() : t.currency,
    visibility: rnd() < 0.6 ? 'public' : 'require_approval',
    thumbnail_url: '',
    html_description: `<p><strong>${t.goal}</strong>&nbsp;&ndash; new users only.</p><ul><li>${escapeHtml(t.notes[0])}</li><li>${escapeHtml(t.notes[1])}</li></ul>`,
    is_description_plain_text: false,
    preview_url: previewUrl(app, platform, rnd),
    tracking_url: `https://www.eflow-demo-trk.example/${hex(rnd, 6).toUpperCase()}/${hex(rnd, 5).toUpperCase()}/`,
    redirect_tracking_url: '',
    impression_tracking_url: '',
    network_category_id: category.network_category_id,
    // Caps switched off still carry their old numbers.
    is_caps_enabled: capsOn,
    caps_timezone_id: 80,
    daily_conversion_cap: t.daily,
    weekly_conversion_cap: 0,
    monthly_conversion_cap: t.monthly,
    global_conversion_cap: 0,
    daily_click_cap: 0,
    weekly_click_cap: 0,
    monthly_click_cap: 0,
    global_click_cap: 0,
    app_identifier: platform === 'android' ? app.android : `id${app.ios}`,
    date_live_until: t.expires ?? '',
    time_created: NOW_S - 86_400 * (30 + Math.floor(rnd() * 300)),
    time_saved: NOW_S - 86_400 * Math.floor(rnd() * 20),
    relationship: {
      offer_affiliate_status: rnd() < 0.6 ? 'public' : 'approved',
      category: { ...category, status: 'active' },
      payouts: {
        total: 1,
        entries: [
          {
            entry_name: 'Base',
            payout_type: t.goal === 'Install' ? 'cpi' : 'cpa',
            payout_amount: rnd() < 0.25 ? t.amount.toFixed(2) : t.amount,
            payout_percentage: 0,
            is_default: true,
          },
        ],
      },
      ruleset: {
        platforms: [
          {
            network_targeting_platform_id: platform === 'android' ? 2 : 3,
            label: os,
            targeting_type: 'include',
            match_type: 'exact',
          },
        ],
        device_types: [],
        os_versions: [],
        countries: t.countries.map((code) => ({
          network_targeting_country_id: COUNTRIES[code]?.[0],
          country_code: code === 'GB' && rnd() < 0.5 ? 'UK' : rnd() < 0.2 ? code.toLowerCase() : code,
          label: COUNTRIES[code]?.[1],
          targeting_type: 'include',
          match_type: 'exact',
        })),
        regions: [],
        cities: [],
        is_block_proxy: false,
      },
    },
  };
}

function previewUrl(app: DemoApp, platform: Platform, rnd: () => number): string {
  if (platform === 'ios') return `https://apps.apple.com/app/id${app.ios}`;
  if (app.android === 'com.facebook.katana') return `market://details?id=${app.android}`;
  return `https://play.google.com/store/apps/details?id=${app.android}${rnd() < 0.2 ? '&hl=en' : ''}`;
}

/** Which apps a network lists, on which platforms: Spotify always on both, the rest by chance. */
function listings(rnd: () => number, share: number): [DemoApp, Platform][] {
  const out: [DemoApp, Platform][] = [];
  for (const app of DEMO_APPS) {
    const always = app.android === 'com.spotify.music';
    if (always || rnd() < share) out.push([app, 'android']);
    if (always || rnd() < share * 0.8) out.push([app, 'ios']);
  }
  return out;
}

function affisePages(): Raw[] {
  const rnd = random(2026);
  const offers = listings(rnd, 0.55).map(([app, platform], i) =>
    affiseOffer(31000 + i, app, platform, makeTerms('affise', app, platform, rnd), rnd),
  );
  // What a real answer also holds: an offer repeated on a later page, no link at all, a look-alike link.
  offers.splice(85, 0, { ...(offers[3] as Raw) });
  offers.push({ ...(offers[10] as Raw), id: 39001, link: '', links: [] });
  offers.push({
    ...(offers[11] as Raw),
    id: 39002,
    link: 'https://offers-demo.affise.com@click-tracker.example/c?o=39002',
  });
  return paged(offers, (slice, page, last) => ({
    status: 1,
    offers: slice,
    pagination: { per_page: PAGE_SIZE, total_count: offers.length, page, next_page: page < last ? page + 1 : null },
  }));
}

function everflowPages(): Raw[] {
  const rnd = random(1357);
  const offers = listings(rnd, 0.5).map(([app, platform], i) =>
    everflowOffer(800 + i, app, platform, makeTerms('everflow', app, platform, rnd), rnd),
  );
  offers.splice(60, 0, { ...(offers[5] as Raw) });
  offers.push({ ...(offers[7] as Raw), network_offer_id: 990, tracking_url: '' });
  offers.push({ ...(offers[8] as Raw), network_offer_id: 991, relationship: { offer_affiliate_status: 'approved' } });
  return paged(offers, (slice, page) => ({
    offers: slice,
    paging: { page, page_size: PAGE_SIZE, total_count: offers.length },
  }));
}

function paged(offers: Raw[], page: (slice: Raw[], page: number, last: number) => Raw): Raw[] {
  const last = Math.ceil(offers.length / PAGE_SIZE);
  return Array.from({ length: last }, (_, i) => page(offers.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE), i + 1, last));
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

function hex(rnd: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(rnd() * 16).toString(16);
  return out;
}

function dateIn(days: number): string {
  return new Date((NOW_S + days * 86_400) * 1000).toISOString().slice(0, 10);
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

const dir = new URL('../public/demo/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, pages] of [
  ['affise', affisePages()],
  ['everflow', everflowPages()],
] as const) {
  writeFileSync(new URL(`${name}.json`, dir), `${JSON.stringify(pages, null, 1)}\n`);
  const count = pages.reduce((n, p) => n + (p.offers as unknown[]).length, 0);
  console.log(`public/demo/${name}.json: ${pages.length} pages, ${count} offers`);
}
