import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Offer } from '../../lib/feed';
import { EMPTY_STATUS } from '../../lib/snapshot';
import { describeStatus } from '../../lib/status-text';
import { subIdStatus, trackingLinkFor } from '../../lib/tracking-link';
import { StatusLine } from '../StatusLine';
import { useNow } from '../use-storage-item';
import { Filters } from './Filters';
import { OfferDetail } from './OfferDetail';
import { OfferRow } from './OfferRow';
import { usePopup } from './use-popup';
import { useVirtualList } from './use-virtual-list';

const ROW_HEIGHT = 54;

export function PopupApp({ copy = copyText }: { copy?: (text: string) => Promise<void> }) {
  const p = usePopup();
  const now = useNow();
  const [selected, setSelected] = useState(0);
  const [toast, setToast] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const offers = p.results?.offers ?? [];
  const list = useVirtualList(offers.length, ROW_HEIGHT, () => listRef.current);

  // A new query or filter (a new filters object) starts the selection at the top again.
  useEffect(() => setSelected(0), [p.filters]);
  useEffect(() => {
    if (!p.focused) searchRef.current?.focus();
  }, [p.focused]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(''), 2500);
    return () => clearTimeout(timer);
  }, [toast]);

  const last = list.items[list.items.length - 1];
  useEffect(() => {
    if (last && last.index >= offers.length - 10) p.loadMore();
  }, [last?.index, offers.length]);

  const status = describeStatus(p.status ?? EMPTY_STATUS, p.summary ?? null, now);
  const settings = p.settings;

  async function copyLink(offer: Offer) {
    if (!settings) return;
    try {
      await copy(trackingLinkFor(offer, settings));
      const warning = subIdStatus(offer, settings.subId) === 'ok' ? '' : ' (⚠ your sub ID is not accepted by it)';
      setToast(`Copied the tracking link of ${offer.name}${warning}`);
    } catch {
      setToast('Could not copy the link');
    }
  }

  function move(to: number) {
    const index = Math.max(0, Math.min(offers.length - 1, to));
    setSelected(index);
    list.scrollToIndex(index);
  }

  function onKeyDown(e: KeyboardEvent) {
    const current = offers[selected];
    if (e.key === 'ArrowDown') move(selected + 1);
    else if (e.key === 'ArrowUp') move(selected - 1);
    else if (e.key === 'PageDown') move(selected + 8);
    else if (e.key === 'PageUp') move(selected - 8);
    else if (e.key === 'Enter' && current) p.setFocused(current);
    else if (e.key === 'Escape' && p.filters?.query) p.update({ query: '' });
    else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && current && !hasTextSelection(e.currentTarget)) {
      void copyLink(current);
    } else return;
    e.preventDefault();
  }

  if (p.focused && settings) {
    return (
      <div
        class="popup"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            p.setFocused(null);
          }
        }}
      >
        <OfferDetail offer={p.focused} settings={settings} now={now} onBack={() => p.setFocused(null)} onCopy={copy} />
      </div>
    );
  }

  const noKey = p.keyInfo && !p.keyInfo.hasKey && p.summary === null;
  // "N match" only means something against a loaded feed, and only while it differs from it.
  const matchCount =
    p.summary && p.results?.complete && p.results.total !== p.summary.offerCount ? p.results.total : null;
  return (
    <div class="popup">
      <header class="search-bar">
        <input
          ref={searchRef}
          type="search"
          role="combobox"
          aria-label="Search offers"
          aria-controls="results"
          aria-expanded={offers.length > 0}
          aria-activedescendant={offers.length ? `offer-${selected}` : undefined}
          aria-autocomplete="list"
          placeholder="Search offers, e.g. spotify geo:US"
          value={p.filters?.query ?? ''}
          onInput={(e) => p.update({ query: e.currentTarget.value })}
          onKeyDown={onKeyDown}
          autoFocus
          spellcheck={false}
        />
        <button
          type="button"
          class="btn icon"
          title="Settings"
          aria-label="Settings"
          onClick={() => browser.runtime.openOptionsPage()}
        >
          ⚙
        </button>
      </header>
      {p.filters && p.summary && (
        <Filters
          state={p.filters}
          categories={p.results?.categories ?? []}
          geos={p.results?.geos ?? []}
          onChange={p.update}
        />
      )}
      {status.tone === 'error' && (
        <div class="banner error" role="alert">
          {status.text}
          <div class="muted-on-error">{status.detail}</div>
          <button type="button" class="btn" onClick={p.refresh}>
            Retry
          </button>
        </div>
      )}
      {p.searchError && <div class="banner error">{p.searchError}</div>}

      {noKey ? (
        <div class="empty">
          <h2>Connect your CarrierAppTraffic account</h2>
          <p class="muted">Paste your API key in the settings, or look around with demo offers first.</p>
          <div class="row center">
            <button type="button" class="btn primary" onClick={() => browser.runtime.openOptionsPage()}>
              Open settings
            </button>
            <button type="button" class="btn" onClick={p.tryDemo}>
              Try with demo data
            </button>
          </div>
        </div>
      ) : p.results && p.results.total === 0 ? (
        <div class="empty">
          {p.summary?.offerCount === 0 ? (
            <p>The feed has no active offers for your account right now.</p>
          ) : (
            <>
              <p>No offers match.</p>
              <button type="button" class="btn" onClick={p.clearFilters}>
                Clear search and filters
              </button>
            </>
          )}
        </div>
      ) : (
        <ul id="results" class="results" role="listbox" aria-label="Offers" ref={listRef} tabIndex={-1}>
          <li class="spacer" role="presentation" style={`height:${list.totalSize}px`} />
          {list.items.map((item) => {
            const offer = offers[item.index] as Offer;
            return (
              <OfferRow
                key={offer.id}
                id={`offer-${item.index}`}
                offer={offer}
                now={now}
                selected={item.index === selected}
                subIdWarning={!!settings && subIdStatus(offer, settings.subId) !== 'ok'}
                style={`transform:translateY(${item.start}px);height:${ROW_HEIGHT}px`}
                onOpen={() => {
                  setSelected(item.index);
                  p.setFocused(offer);
                }}
              />
            );
          })}
        </ul>
      )}

      <footer class="footer">
        <span class="sr-only" role="status" aria-live="polite">
          {toast}
        </span>
        {toast ? (
          <span class="copied" aria-hidden="true">
            ✓ {toast}
          </span>
        ) : (
          <StatusLine status={status} />
        )}
        {p.searching && <span class="muted">Searching…</span>}
        {!p.searching && matchCount !== null && <span class="muted">{matchCount.toLocaleString('en-US')} match</span>}
        {!noKey && (
          <button type="button" class="btn link" onClick={p.refresh} disabled={status.tone === 'busy'}>
            Refresh
          </button>
        )}
      </footer>
    </div>
  );
}

function hasTextSelection(input: EventTarget | null): boolean {
  const el = input as HTMLInputElement | null;
  return !!el && el.selectionStart !== null && el.selectionStart !== el.selectionEnd;
}

async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}
