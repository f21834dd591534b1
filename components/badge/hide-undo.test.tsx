// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../../lib/settings/defaults';
import type { PageOffers } from '../../lib/store-page';
import { pageFor, pageScriptClicks, realClick, SPOTIFY, seen, showBadge } from './badge-test-kit';

const UNDO = 'Undo: show the badge on this app again';
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
let spotify: PageOffers;

beforeEach(async () => {
  fakeBrowser.reset();
  spotify = await pageFor(SPOTIFY, { ...defaultSettings(''), clickId: 'abc' });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('hiding the badge on an app', () => {
  it('says it is hidden and where to bring it back, and Undo brings it back', async () => {
    const onDismiss = vi.fn();
    const onUndo = vi.fn(async () => {});
    const { container } = showBadge(spotify, { onDismiss, onUndo });
    fireEvent.click(button('Show offer details'));
    realClick(button('Hide on this app'));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(seen(container)).toBe('Hidden on this app·UndoBring it back from Settings → Hidden badges');
    expect(screen.getByRole('status').textContent).toBe('Hidden on this app·Undo');

    realClick(button(UNDO));
    expect(onUndo).toHaveBeenCalledTimes(1);
    // Back as it starts: compact, on the best offer.
    await vi.waitFor(() => expect(seen(container)).toBe('$1.25Spotify - US/GBCopy▸×'));
  });

  it("ignores a page script's clicks on Undo", () => {
    const onUndo = vi.fn(async () => {});
    showBadge(spotify, { onUndo });
    realClick(button('Hide on this app'));
    for (let i = 0; i < 5; i++) pageScriptClicks(button(UNDO));
    expect(onUndo).not.toHaveBeenCalled();
  });

  it('leaves the page after a few seconds, but not while the pointer is on it', () => {
    vi.useFakeTimers();
    const onHidden = vi.fn();
    const { container } = showBadge(spotify, { onHidden });
    realClick(button('Hide on this app'));
    const toast = container.querySelector('section') as HTMLElement;
    fireEvent.mouseEnter(toast);
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(onHidden).not.toHaveBeenCalled();
    fireEvent.mouseLeave(toast);
    act(() => {
      vi.advanceTimersByTime(7_999);
    });
    expect(onHidden).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(onHidden).toHaveBeenCalledTimes(1);
  });

  it('puts the focus on Undo when × was pressed from the keyboard, stays while focused, and Escape lets it go', () => {
    vi.useFakeTimers();
    const onHidden = vi.fn();
    showBadge(spotify, { onHidden });
    realClick(button('Hide on this app'), 0);
    expect(document.activeElement).toBe(button(UNDO));
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(onHidden).not.toHaveBeenCalled();
    fireEvent.keyDown(button(UNDO), { key: 'Escape' });
    expect(onHidden).toHaveBeenCalledTimes(1);
  });

  it('says where to bring it back when Undo cannot reach Offer Lens', async () => {
    const { container } = showBadge(spotify, { onUndo: async () => Promise.reject(new Error('gone')) });
    realClick(button('Hide on this app'));
    realClick(button(UNDO));
    await vi.waitFor(() =>
      expect(seen(container)).toBe(
        'Hidden on this app·UndoCould not undo here. Bring it back from Settings → Hidden badges',
      ),
    );
  });
});
