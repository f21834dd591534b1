import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../changes/log';
import type { Offer } from '../offer';
import { buildTrackingLink } from '../tracking-link';
import { BOM, changesCsv, changesJson, csvCell, exportFileName, offersCsv, offersJson, toCsv } from '.';

const settings = { clickId: '[CLICK_ID]', clickIdParam: 'aff_sub', subId: 'camp-7', subIdParam: 'aff_sub2' };
const offer: Offer = {
  id: '100042',
  name: 'Spotify – Android – US, "Premium"',
  description: 'Install and register',
  previewUrl: 'https://play.google.com/store/apps/details?id=com.spotify.music',
  trackingUrl: 'https://trk.example.com/click?offer_id=100042&aff_id=7',
  store: { store: 'google-play', appId: 'com.spotify.music', country: null },
  platform: 'android',
  minVersion: '8.0',
  geos: ['US', 'GB'],
  payout: { amount: 1.45, currency: 'USD', type: 'CPA' },
  caps: { daily: 50, monthly: 0 },
  categories: ['Music', 'Audio'],
  expiresAt: Date.UTC(2026, 11, 31, 23, 59),
  subIds: { include: [], exclude: [] },
};

/** A CSV parser as strict as RFC 4180, to read back what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t'=1"],
    ['\r=1', `"'\r=1"`],
  ])('neutralises the formula %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['Spotify;=cmd|"/c calc"!A0', `"Spotify;'=cmd|""/c calc""!A0"`],
    ['Spotify; =cmd', "Spotify; '=cmd"],
    ['a,+1', `"a,'+1"`],
    ['a\t@SUM(A1)', "a\t'@SUM(A1)"],
    ['US;GB', 'US;GB'],
    ['Install + register', 'Install + register'],
  ])('neutralises a formula after a separator a spreadsheet may split at: %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('puts the apostrophe wherever a spreadsheet could start a formula, in any mix of separators, spaces and formula characters', () => {
    // The rule spelled out one character at a time: a cell starts at the text's start and after
    // each separator; spaces do not end the start; a formula character at a start gets an apostrophe.
    const byHand = (value: string) => {
      let out = '';
      let cellStart = true;
      for (const c of value) {
        if (cellStart && c !== ' ' && '=+-@\t\r'.includes(c)) out += "'";
        out += c;
        if (';,\t'.includes(c)) cellStart = true;
        else if (c !== ' ') cellStart = false;
      }
      return /[",\r\n]/.test(out) ? `"${out.replaceAll('"', '""')}"` : out;
    };
    const alphabet = ['=', '+', '-', '@', '\t', '\r', ';', ',', ' ', 'a', '"', '1'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 3000; n++) {
      let value = '';
      for (let i = next() % 9; i > 0; i--) value += alphabet[next() % alphabet.length];
      expect(csvCell(value), JSON.stringify(value)).toBe(byHand(value));
    }
  });

  it('neutralises a crafted cell of long runs of spaces between formulas (a 1,000-category list joined)', () => {
    const spaces = ' '.repeat(50_000);
    const cell = csvCell(`;=${spaces}=${spaces};+1`);
    expect(cell).toBe(`;'=${spaces}=${spaces};'+1`);
  });

  it('leaves numbers and empty values as they are', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every row with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', 'ü']], (row) => row).join('')).toBe(`${BOM}a,b\r\n1,ü\r\n`);
  });
});

describe('offersCsv', () => {
  it('writes one row per offer that reads back to the offer, with the built tracking link', () => {
    const rows = parseCsv(
      offersCsv([offer], settings, () => 'CarrierAppTraffic')
        .join('')
        .slice(1),
    );
    expect(rows).toEqual([
      [
        'Offer ID',
        'Name',
        'Network',
        'Platform',
        'Countries',
        'Payout',
        'Currency',
        'Payout type',
        'Daily cap',
        'Monthly cap',
        'Expires (UTC)',
        'Categories',
        'Store page',
        'Tracking link',
      ],
      [
        '100042',
        'Spotify – Android – US, "Premium"',
        'CarrierAppTraffic',
        'android',
        'US GB',
        '1.45',
        'USD',
        'CPA',
        '50',
        '',
        '2026-12-31 23:59',
        'Music; Audio',
        'https://play.google.com/store/apps/details?id=com.spotify.music',
        buildTrackingLink(offer.trackingUrl, settings),
      ],
    ]);
    expect(rows[1]?.[13]).toBe(
      'https://trk.example.com/click?offer_id=100042&aff_id=7&aff_sub=[CLICK_ID]&aff_sub2=camp-7',
    );
  });

  it('holds every offer once, in order, across the parts a large file is built in', () => {
    const many = Array.from({ length: 2_501 }, (_, i) => ({ ...offer, id: String(i + 1) }));
    const parts = offersCsv(many, settings);
    const text = parts.join('');
    expect(text.indexOf(BOM)).toBe(0);
    expect(text.lastIndexOf(BOM)).toBe(0);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(2_502);
    expect(rows.slice(1).map((row) => row[0])).toEqual(many.map((o) => o.id));
    expect(rows.every((row) => row.length === 14)).toBe(true);
  });

  it('neutralises a feed name that is a formula', () => {
    const rows = parseCsv(
      offersCsv([{ ...offer, name: '=HYPERLINK("http://evil")' }], settings)
        .join('')
        .slice(1),
    );
    expect(rows[1]?.[1]).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('writes empty cells for what an offer lacks', () => {
    const bare = { ...offer, platform: null, payout: null, expiresAt: null, store: null, previewUrl: null, geos: [] };
    const row = parseCsv(offersCsv([bare], settings).join('').slice(1))[1];
    expect(row?.slice(2, 13)).toEqual(['', '', '', '', '', '', '50', '', '', 'Music; Audio', '']);
  });

  it('names each offer’s network, so the same id on two networks stays two offers', () => {
    const names: Record<string, string> = { 'demo-cat': 'CarrierAppTraffic', 'demo-affise': 'AppRocket (Affise)' };
    const csv = offersCsv(
      [
        { ...offer, source: 'demo-cat' },
        { ...offer, source: 'demo-affise' },
      ],
      settings,
      (o) => names[o.source ?? ''] ?? '',
    );
    expect(parseCsv(csv.join('').slice(1)).map((row) => row.slice(0, 3))).toEqual([
      ['Offer ID', 'Name', 'Network'],
      ['100042', 'Spotify – Android – US, "Premium"', 'CarrierAppTraffic'],
      ['100042', 'Spotify – Android – US, "Premium"', 'AppRocket (Affise)'],
    ]);
  });

  it('neutralises a network name that is a formula', () => {
    const rows = parseCsv(
      offersCsv([offer], settings, () => '=cmd|"/c calc"!A0')
        .join('')
        .slice(1),
    );
    expect(rows[1]?.[2]).toBe(`'=cmd|"/c calc"!A0`);
  });
});

describe('offersJson', () => {
  it('holds the offers with their network and their built tracking link', () => {
    const sourced = { ...offer, source: 'demo-affise' };
    const parsed = JSON.parse(
      offersJson([sourced], settings, Date.UTC(2026, 10, 27, 9, 30), () => 'AppRocket (Affise)'),
    );
    expect(parsed).toEqual({
      exportedAt: '2026-11-27T09:30:00.000Z',
      count: 1,
      offers: [
        {
          ...sourced,
          network: 'AppRocket (Affise)',
          trackingLink: 'https://trk.example.com/click?offer_id=100042&aff_id=7&aff_sub=[CLICK_ID]&aff_sub2=camp-7',
        },
      ],
    });
  });
});

describe('changesCsv', () => {
  it('writes each change in words', () => {
    const change: ChangeRecord = {
      id: 7,
      offerId: '100042',
      kind: 'payout',
      before: { amount: 1.2, currency: 'USD', type: 'CPA' },
      after: { amount: 1.45, currency: 'USD', type: 'CPA' },
      at: Date.UTC(2026, 10, 3, 9, 30),
      previousAt: Date.UTC(2026, 10, 3, 9, 0),
      group: 'payout-up',
      name: '@Spotify',
      platform: 'android',
      geos: ['ES'],
      appKey: 'google-play:com.spotify.music',
      payout: { amount: 1.45, currency: 'USD', type: 'CPA' },
    };
    expect(parseCsv(changesCsv([change]).join('').slice(1))).toEqual([
      ['When (UTC)', 'Group', 'Offer ID', 'Offer', 'Platform', 'Countries', 'Change', 'Payout change (%)'],
      ['2026-11-03 09:30', 'Payout up', '100042', "'@Spotify", 'android', 'ES', '$1.20 → $1.45', '20.8'],
    ]);
    expect(JSON.parse(changesJson([change], Date.UTC(2026, 10, 3, 10))).changes[0]).toMatchObject({
      text: '$1.20 → $1.45, +21\u202f%',
      payoutChangePercent: 20.8,
    });
  });
});

describe('exportFileName', () => {
  it('names the file by what and when', () => {
    expect(exportFileName('offers', 'csv', Date.UTC(2026, 10, 27, 9, 5))).toBe('offer-lens-offers-2026-11-27-0905.csv');
    expect(exportFileName('link-checks', 'csv', Date.UTC(2026, 10, 27, 9, 5))).toBe(
      'offer-lens-link-checks-2026-11-27-0905.csv',
    );
  });
});
