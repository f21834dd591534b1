// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SEARCH_STATE } from '../search/query';
import { searchStateItem } from './items';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the remembered search, kept in the pages’ own storage', () => {
  it('reads back what was typed, and wakes no background: browser.storage is not written', async () => {
    const heard: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => heard.push(changes));
    const typed = { ...DEFAULT_SEARCH_STATE, query: 'duolingo', geo: 'US' };
    await searchStateItem.setValue(typed);
    expect(await searchStateItem.getValue()).toEqual(typed);
    expect(heard).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('reads a value that fails its check, or is not JSON, as the default search', async () => {
    localStorage.setItem('offerLens.searchState', JSON.stringify({ query: 42, sort: 'rm -rf' }));
    expect(await searchStateItem.getValue()).toEqual(DEFAULT_SEARCH_STATE);
    localStorage.setItem('offerLens.searchState', '{not json');
    expect(await searchStateItem.getValue()).toEqual(DEFAULT_SEARCH_STATE);
  });

  it('carries over the search an earlier version kept in browser.storage, once', async () => {
    const before = { ...DEFAULT_SEARCH_STATE, query: 'tiktok' };
    await fakeBrowser.storage.local.set({ searchState: before });
    expect(await searchStateItem.getValue()).toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await fakeBrowser.storage.local.get('searchState')).toEqual({});
    expect(await searchStateItem.getValue()).toEqual(before);
  });

  it('tells another open page of a new search', async () => {
    const heard: unknown[] = [];
    const unwatch = searchStateItem.watch((value) => heard.push(value));
    const next = { ...DEFAULT_SEARCH_STATE, query: 'uber' };
    window.dispatchEvent(new StorageEvent('storage', { key: 'offerLens.searchState', newValue: JSON.stringify(next) }));
    unwatch();
    window.dispatchEvent(new StorageEvent('storage', { key: 'offerLens.searchState', newValue: '{}' }));
    expect(heard).toEqual([next]);
  });
});
