import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feed';
import { createSearchIndex } from '.';
import { buildSearchIndexData, type SourcedOffer } from './build';
import { createSearchEngine } from './engine';
import { DEFAULT_SEARCH_STATE, effectiveFilters, parseQuery, type SourceNames, withFilter } from './query';
import { SearchStateSchema } from './schema';

const offer = (id: string, name: string, amount: number) => ({
  id,
  name,
  tracking_url: `https://t.example/c?o=${id}`,
  payout: { amount },
});
const fromSource = (source: string | undefined, raws: ReturnType<typeof offer>[]): SourcedOffer[] =>
  parseFeed({ message: true, offers: raws }).offers.map((o) => (source === undefined ? o : { ...o, source }));

// Ids repeat across sources: an offer is (source, id).
const offers: SourcedOffer[] = [
  ...fromSource('a1', [offer('1', 'Spotify - Android - US - Install', 3), offer('2', 'Uber - iOS - US - Install', 2)]),
  ...fromSource('b2', [offer('1', 'Spotify - iOS - DE - Install', 4), offer('3', 'Uber - Android - BR - FTD', 1)]),
  ...fromSource(undefined, [offer('4', 'Spotify - iOS - FR - Install', 5)]),
];
const SOURCES: SourceNames[] = [
  { id: 'a1', names: ['NetworkX', 'affise'] },
  { id: 'b2', names: ['Éverflow Partners', 'everflow'] },
  { id: 'c3', names: ['NetworkY'] },
];
const index = createSearchIndex(offers);
/** Results as source/id. */
const found = (q: string, options: Parameters<typeof index.query>[1] = {}) =>
  index.query(q, { sources: SOURCES, ...options }).offers.map((o) => `${(o as SourcedOffer).source ?? ''}/${o.id}`);

describe('offers from several sources in one index', () => {
  it('knows each offer by source and id', () => {
    const engine = createSearchEngine(structuredClone(buildSearchIndexData(offers)));
    expect(engine.docWithId('1', 'b2')).toBe(2);
    expect(engine.docWithId('1', 'a1')).toBe(0);
    expect(engine.docWithId('1')).toBe(0);
    expect(engine.docWithId('4', '')).toBe(4);
    expect(engine.docWithId('4', 'a1')).toBeUndefined();
    expect(engine.docWithId('1', 'zz')).toBeUndefined();
    expect([0, 1, 2, 3, 4].map(engine.sourceOf)).toEqual(['a1', 'a1', 'b2', 'b2', '']);
  });

  it('keeps one source for net:, by the start of any of its names, whatever the case', () => {
    expect(found('net:affi')).toEqual(['a1/1', 'a1/2']);
    expect(found('net:NETWORKx')).toEqual(['a1/1', 'a1/2']);
    expect(found('spotify net:everflow')).toEqual(['b2/1']);
    expect(found('net:Ever')).toEqual(['b2/1', 'b2/3']);
    expect(found('net:everflow_partners')).toEqual(['b2/1', 'b2/3']);
    expect(found('net:flow')).toEqual([]);
    // NetworkX and NetworkY: both sources (c3 has no offers).
    expect(found('net:network')).toEqual(['a1/1', 'a1/2']);
    expect(found('net:affise', { sources: [] })).toEqual([]);
  });

  it('keeps one source for the network control, a typed net: overriding it', () => {
    expect(found('', { filters: { network: 'b2' } })).toEqual(['b2/1', 'b2/3']);
    expect(found('spotify', { filters: { network: '' } })).toEqual(['/4']);
    expect(found('', { filters: { network: 'gone' } })).toEqual([]);
    expect(found('net:affise', { filters: { network: 'b2' } })).toEqual(['a1/1', 'a1/2']);
    expect(found('spotify', { filters: { network: null } })).toEqual(['/4', 'b2/1', 'a1/1']);
  });

  it('reads net: and network: as the same term, and shows it as its source when it names one', () => {
    expect(parseQuery('uber net:Affise').networkName).toBe('affise');
    expect(parseQuery('uber network:affise').words).toEqual(['uber']);
    const state = { ...DEFAULT_SEARCH_STATE, query: 'uber net:affise', network: 'b2' };
    expect(effectiveFilters(state, SOURCES).network).toBe('a1');
    expect(effectiveFilters({ ...state, query: 'uber net:e' }, SOURCES).network).toBe('b2');
    expect(effectiveFilters({ ...state, query: 'uber net:network' }, SOURCES).network).toBeNull();
    expect(effectiveFilters({ ...state, query: 'uber net:zzz' }, SOURCES).network).toBeNull();
    expect(effectiveFilters({ ...state, query: 'uber' }, SOURCES).network).toBe('b2');
    expect(withFilter(state, 'network', 'a1')).toEqual({ ...state, query: 'uber', network: 'a1' });
  });

  it('reads a search stored before networks existed as every network', () => {
    const { network, ...older } = { ...DEFAULT_SEARCH_STATE, query: 'vpn' };
    expect(SearchStateSchema.parse(older)).toEqual({ ...older, network: null });
    expect(SearchStateSchema.parse({ ...older, network: 'a1' }).network).toBe('a1');
    expect(SearchStateSchema.safeParse({ ...older, network: 'x'.repeat(201) }).success).toBe(false);
    expect(SearchStateSchema.safeParse({ ...older, network: 7 }).success).toBe(false);
  });
});
