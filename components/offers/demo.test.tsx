// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseFeed } from '../../lib/feed';
import { MESSAGE_TAG } from '../../lib/messaging/envelope';
import { buildSearchIndexData } from '../../lib/search/build';
import { defaultSettings } from '../../lib/settings/defaults';
import type { SnapshotSummary } from '../../lib/snapshot';
import { database } from '../../lib/storage/database';
import { settingsItem, sourceNamesItem, summaryItem } from '../../lib/storage/items';
import { OffersApp } from './OffersApp';

const FEED = parseFeed({
  message: true,
  offers: [
    {
      id: '4100',
      name: 'Spotify - Android - ES',
      tracking_url: 'https://trk.carrierapptraffic.example/click?offer_id=4100',
      payout: { amount: 1.62 },
    },
  ],
}).offers.map((offer) => ({ ...offer, source: 'demo-cat' }));

const DEMO_SUMMARY: SnapshotSummary = {
  fetchedAt: Date.now() - 60_000,
  source: 'demo',
  offerCount: 1,
  rejectedCount: 0,
};

/**
 * The background as these tests need it: what the publisher's own accounts are (with a key or
 * not), and Back to my offers, which shows their world again (here: none, or a feed of their own).
 */
function fakeBackground(options: { hasKey: boolean }) {
  const asked: string[] = [];
  const answers: Record<string, () => unknown> = {
    listSources: () => [{ id: 'cat', hasKey: options.hasKey }],
    leaveDemo: () => {
      void summaryItem.setValue(options.hasKey ? { ...DEMO_SUMMARY, source: 'feed' } : null);
      return { ok: true };
    },
    loadDemo: () => {
      void summaryItem.setValue(DEMO_SUMMARY);
      return { ok: true };
    },
    apiKeyInfo: () => ({ hasKey: options.hasKey, masked: '' }),
  };
  fakeBrowser.runtime.onMessage.addListener(((
    message: { tag: string; type: string },
    _s: unknown,
    send: (r: unknown) => void,
  ) => {
    if (message.tag !== MESSAGE_TAG) return undefined;
    asked.push(message.type);
    const answer = answers[message.type];
    send(answer ? { ok: true, value: answer() } : { ok: false, error: { code: 'unknown-request', message: '' } });
    return true;
  }) as never);
  return asked;
}

async function seedDemo() {
  await settingsItem.setValue(defaultSettings('https://feed.example/o?k={apiKey}'));
  const snapshot = {
    offers: FEED,
    rejected: [],
    fetchedAt: DEMO_SUMMARY.fetchedAt,
    source: 'demo' as const,
    sources: {},
  };
  await database.saveSnapshot(snapshot, buildSearchIndexData(snapshot.offers));
  await summaryItem.setValue(DEMO_SUMMARY);
  await sourceNamesItem.setValue([
    { id: 'demo-cat', kind: 'carrierapptraffic', label: 'CarrierAppTraffic', name: 'CarrierAppTraffic' },
    { id: 'demo-affise', kind: 'affise', label: 'AppRocket', name: 'AppRocket (Affise)' },
  ]);
}

const rows = () => within(screen.getByRole('listbox', { name: 'Offers' })).queryAllByRole('option');
const banner = () => document.querySelector('.demo-banner');

let openOptionsPage: ReturnType<typeof vi.fn>;
beforeEach(async () => {
  fakeBrowser.reset();
  await database.clear();
  fakeBrowser.permissions.contains = async () => false;
  openOptionsPage = vi.fn(async () => {});
  fakeBrowser.runtime.openOptionsPage = openOptionsPage as never;
});
afterEach(cleanup);

describe('the demo on show', () => {
  it('says so at the top, above the search, on every surface', async () => {
    fakeBackground({ hasKey: true });
    await seedDemo();
    for (const surface of ['popup', 'panel', 'page'] as const) {
      const { unmount } = render(<OffersApp surface={surface} />);
      await waitFor(() => expect(banner()?.textContent).toBe('Demo data: not your offers.Back to my offers'));
      expect(document.querySelector('.popup')?.firstElementChild).toBe(banner());
      unmount();
    }
  });

  it('goes back to the publisher’s own offers', async () => {
    const asked = fakeBackground({ hasKey: true });
    await seedDemo();
    render(<OffersApp />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    await waitFor(() => expect(asked).toContain('listSources'));
    const back = screen.getByRole('button', { name: 'Back to my offers' });
    expect(back.title).toBe('');
    fireEvent.click(back);
    await waitFor(() => expect(banner()).toBeNull());
    expect(asked).toContain('leaveDemo');
    expect(openOptionsPage).not.toHaveBeenCalled();
  });

  it('leads to the settings when the publisher has no key of their own', async () => {
    const asked = fakeBackground({ hasKey: false });
    await seedDemo();
    render(<OffersApp />);
    const back = await screen.findByRole('button', { name: 'Back to my offers' });
    await waitFor(() =>
      expect(back.title).toBe('You have no key of your own yet: this opens the settings, where you add it'),
    );
    expect(asked).toContain('listSources');
    fireEvent.click(back);
    await waitFor(() => expect(openOptionsPage).toHaveBeenCalledOnce());
    expect(asked).toContain('leaveDemo');
    // Their world has nothing yet: the way to connect, and to the demo again.
    await screen.findByText('Connect your CarrierAppTraffic account');
  });

  it('says a copied link is a demo link, in the toast and in the detail', async () => {
    fakeBackground({ hasKey: true });
    await seedDemo();
    const copy = vi.fn(async () => {});
    render(<OffersApp copy={copy} />);
    const search = await screen.findByRole('combobox', { name: 'Search offers' });
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.keyDown(search, { key: 'c', ctrlKey: true });
    await screen.findByText('Copied the tracking link of Spotify - Android - ES (demo link)', {
      selector: '[role=status]',
    });

    fireEvent.keyDown(search, { key: 'Enter' });
    expect((await screen.findByText(/tracking link/, { selector: '.link-label' })).textContent).toBe(
      'Demo tracking link → trk.carrierapptraffic.example',
    );
    expect(banner()).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Copy tracking link' }));
    expect((await screen.findByText(/^Copied/, { selector: '.copied' })).textContent).toBe('Copied (demo link)');
  });

  it('shows no banner for the publisher’s own offers', async () => {
    fakeBackground({ hasKey: true });
    await seedDemo();
    await summaryItem.setValue({ ...DEMO_SUMMARY, source: 'feed' });
    render(<OffersApp />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(banner()).toBeNull();
  });

  it('starts the demo from the empty state’s Try with demo data', async () => {
    const asked = fakeBackground({ hasKey: false });
    await settingsItem.setValue(defaultSettings('https://feed.example/o?k={apiKey}'));
    await summaryItem.setValue(null);
    render(<OffersApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Try with demo data' }));
    await waitFor(() => expect(asked).toContain('loadDemo'));
    await waitFor(() => expect(banner()?.textContent).toContain('Demo data: not your offers.'));
  });
});
