import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Offer } from '../../lib/offer';
import { describeStatus, EMPTY_STATUS } from '../../lib/refresh/status';
import { subIdStatus, trackingLinkFor } from '../../lib/tracking-link';
import { StatusLine } from '../StatusLine';
import { useCopy } from '../use-copy';
import { useNow } from '../use-storage-item';
import { Filters } from './Filters';
import { OfferDetail } from './OfferDetail';
import { OfferRow } from './OfferRow';
import { usePopup } from './use-popup';
import { useVirtualList } from './use-virtual-list';

/** The one place a result row's height is set (rows get it inline; the CSS does not set it). */
const ROW_HEIGHT = 54;

export function PopupApp({ copy = copyText }: { copy?: (text: string) => Promise<void> }) {
  const popup = usePopup();
  const now = useNow();
  const [selected, setSelected] = useState(0);
  const [toast, setToast] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const { copy: copyToClipboard } = useCopy(copy);
  const offers = popup.results?.offers ?? [];
  const list = useVirtualList(offers.length, ROW_HEIGHT, () => listRef.current);

  // A new search (a new search object) starts the selection at the top again.
  useEffect(() => setSelected(0), [popup.search]);
  useEffect(() => {
    if (!popup.focused) searchRef.current?.focus();
  }, [popup.focused]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(''), 2500);
    return () => clearTimeout(timer);
  }, [toast]);

  const last = list.items[list.items.length - 1];
  useEffect(() => {
    if (last && last.index >= offers.length - 10) popup.loadMore();
  }, [last?.index, offers.length]);

  const status = describeStatus(popup.status ?? EMPTY_STATUS, popup.summary ?? null, now);
  const settings = popup.settings;

  async function copyLink(offer: Offer) {
    if (!settings) return;
    if (!(await copyToClipboard(trackingLinkFor(offer, settings)))) {
      setToast('Could not copy the link');
      return;
    }
    const warning = subIdStatus(offer, settings.subId) === 'ok' ? '' : ' (⚠ your sub ID is not accepted by it)';
    setToast(`Copied the tracking link of ${offer.name}${warning}`);
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
    else if (e.key === 'Enter' && current) popup.setFocused(current);
    else if (e.key === 'Escape' && popup.search?.query) popup.typeQuery('');
    else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && current && !hasTextSelection(e.currentTarget)) {
      void copyLink(current);
    } else return;
    e.preventDefault();
  }

  if (popup.focused && settings) {
    return (
      <div
        class="popup"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            popup.setFocused(null);
          }
        }}
      >
        <OfferDetail
          offer={popup.focused}
          settings={settings}
          now={now}
          onBack={() => popup.setFocused(null)}
          onCopy={copy}
        />
      </div>
    );
  }

  const noKey = popup.keyInfo && !popup.keyInfo.hasKey && popup.summary === null;
  // "N match" only means something against a loaded feed, and only while it differs from it.
  const matchCount =
    popup.summary && popup.results?.complete && popup.results.total !== popup.summary.offerCount
      ? popup.results.total
      : null;
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
          value={popup.search?.query ?? ''}
          onInput={(e) => popup.typeQuery(e.currentTarget.value)}
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
      {popup.search && popup.summary && (
        <Filters
          search={popup.search}
          categories={popup.results?.categories ?? []}
          geos={popup.results?.geos ?? []}
          onChange={popup.changeSearch}
        />
      )}
      {status.tone === 'error' && (
        <div class="banner error" role="alert">
          {status.text}
          <div class="muted-on-error">{status.detail}</div>
          <button type="button" class="btn" onClick={popup.refresh}>
            Retry
          </button>
        </div>
      )}
      {popup.searchError && <div class="banner error">{popup.searchError}</div>}

      {noKey ? (
        <div class="empty">
          <h2>Connect your CarrierAppTraffic account</h2>
          <p class="muted">Paste your API key in the settings, or look around with demo offers first.</p>
          <div class="row center">
            <button type="button" class="btn primary" onClick={() => browser.runtime.openOptionsPage()}>
              Open settings
            </button>
            <button type="button" class="btn" onClick={popup.tryDemo}>
              Try with demo data
            </button>
          </div>
        </div>
      ) : popup.results && popup.results.total === 0 ? (
        <div class="empty">
          {popup.summary?.offerCount === 0 ? (
            <p>The feed has no active offers for your account right now.</p>
          ) : (
            <>
              <p>No offers match.</p>
              <button type="button" class="btn" onClick={popup.clearSearch}>
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
                  popup.setFocused(offer);
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
        {popup.searching && <span class="muted">Searching…</span>}
        {!popup.searching && matchCount !== null && (
          <span class="muted">{matchCount.toLocaleString('en-US')} match</span>
        )}
        {!noKey && (
          <button type="button" class="btn link" onClick={popup.refresh} disabled={status.tone === 'busy'}>
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
