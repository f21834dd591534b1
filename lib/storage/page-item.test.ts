// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SEARCH_STATE } from '../search/query';
import { defaultSettings } from '../settings/defaults';
import { firstPageMirror, searchStateItem, settingsMirror, summaryItem } from './items';

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

  it('is there at once for the next page, once read: the default too, so no page asks the browser again', async () => {
    expect(searchStateItem.peek()).toBeUndefined();
    expect(await searchStateItem.getValue()).toEqual(DEFAULT_SEARCH_STATE);
    expect(searchStateItem.peek()).toEqual(DEFAULT_SEARCH_STATE);
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

describe('copies kept for a page’s first paint', () => {
  const summary = { fetchedAt: 1_700_000_000_000, source: 'feed' as const, offerCount: 3, rejectedCount: 0 };

  it('give back what was kept, and write nothing to browser.storage', async () => {
    const heard: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => heard.push(changes));
    summaryItem.mirror?.keep(summary);
    firstPageMirror.keep({ fetchedAt: summary.fetchedAt, top: [] });
    expect(summaryItem.mirror?.peek()).toEqual(summary);
    expect(firstPageMirror.peek()).toEqual({ fetchedAt: summary.fetchedAt, top: [] });
    expect(heard).toEqual([]);
  });

  it('are no copy when missing, not JSON or failing their check — never a default painted instead', () => {
    expect(summaryItem.mirror?.peek()).toBeUndefined();
    localStorage.setItem('offerLens.mirror.summary', '{not json');
    expect(summaryItem.mirror?.peek()).toBeUndefined();
    localStorage.setItem('offerLens.mirror.summary', JSON.stringify({ ...summary, offerCount: -1 }));
    expect(summaryItem.mirror?.peek()).toBeUndefined();
    localStorage.setItem('offerLens.mirror.firstPage', JSON.stringify({ fetchedAt: 1, top: [{ name: 'no id' }] }));
    expect(firstPageMirror.peek()).toBeUndefined();
  });

  it('of settings: a field that fails its rule makes it no copy', () => {
    const settings = defaultSettings('https://feed.example/o?k={apiKey}');
    settingsMirror.keep(settings);
    expect(settingsMirror.peek()).toEqual(settings);
    localStorage.setItem('offerLens.mirror.settings', JSON.stringify({ ...settings, displayCurrency: 'BTC<b>' }));
    expect(settingsMirror.peek()).toBeUndefined();
  });
});
