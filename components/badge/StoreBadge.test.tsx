// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageOffer, PageOffers } from '../../lib/protocol';
import { StoreBadge } from './StoreBadge';

const offer = (
  id: string,
  amount: number,
  geos: string[],
  fits: boolean | null,
  extra: Partial<PageOffer> = {},
): PageOffer => ({
  id,
  name: `Spotify offer ${id}`,
  platform: 'android',
  payout: { amount, currency: 'USD', type: 'CPA' },
  geos,
  caps: { daily: 50, monthly: 0 },
  minVersion: '8.0',
  expiresAt: null,
  trackingLink: `https://t.example/c?o=${id}&aff_sub=abc`,
  subIdStatus: 'ok',
  acceptedSubIds: [],
  fitsCountry: fits,
  ...extra,
});

function page(offers: PageOffer[], country: string | null = 'US'): PageOffers {
  return { enabled: true, corner: 'bottom-right', dismissed: false, country, subId: 'pub7', offers };
}

afterEach(cleanup);

describe('store badge', () => {
  it('shows the best payout, the offer and whether it takes the page country', () => {
    render(
      <StoreBadge
        page={page([offer('1', 1.25, ['US', 'GB'], true)])}
        now={0}
        onCopy={vi.fn()}
        onDismiss={vi.fn()}
        onOpenPopup={vi.fn()}
      />,
    );
    expect(screen.getByText('$1.25 CPA')).toBeTruthy();
    expect(screen.getByText('✓ US')).toBeTruthy();
    expect(screen.getByText('Spotify offer 1')).toBeTruthy();
  });

  it('says which countries an offer takes when the page country is not one', () => {
    render(
      <StoreBadge
        page={page([offer('1', 1, ['US', 'GB'], false)], 'DE')}
        now={0}
        onCopy={vi.fn()}
        onDismiss={vi.fn()}
        onOpenPopup={vi.fn()}
      />,
    );
    expect(screen.getByText('✗ not in DE — accepts US, GB')).toBeTruthy();
  });

  it('copies the chosen offer link on click, lists the others when expanded', async () => {
    const onCopy = vi.fn(async () => {});
    render(
      <StoreBadge
        page={page([offer('1', 2, ['US'], true), offer('2', 1, ['US'], true)])}
        now={0}
        onCopy={onCopy}
        onDismiss={vi.fn()}
        onOpenPopup={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show offer details' }));
    expect(screen.getByText('50/day · no cap/month')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Spotify offer 2/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy tracking link' }));
    await screen.findByText('✓ Copied');
    expect(onCopy).toHaveBeenCalledWith('https://t.example/c?o=2&aff_sub=abc');
  });

  it('warns before copying when the sub ID is excluded', () => {
    render(
      <StoreBadge
        page={page([offer('1', 2, ['US'], true, { subIdStatus: 'excluded' })])}
        now={0}
        onCopy={vi.fn()}
        onDismiss={vi.fn()}
        onOpenPopup={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('excludes your sub ID “pub7”');
  });

  it('never offers a link that is not http(s)', () => {
    render(
      <StoreBadge
        page={page([offer('1', 2, ['US'], true, { trackingLink: 'javascript:alert(1)' })])}
        now={0}
        onCopy={vi.fn()}
        onDismiss={vi.fn()}
        onOpenPopup={vi.fn()}
      />,
    );
    expect((screen.getByRole('button', { name: 'Copy tracking link' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
