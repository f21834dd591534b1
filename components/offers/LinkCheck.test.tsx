// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LinkCheckAnswer } from '../../lib/link-check';
import { LinkCheck } from './LinkCheck';

const CHECKED: LinkCheckAnswer = {
  status: 'checked',
  result: {
    offerId: '1',
    checkedAt: 0,
    verdict: 'right-app',
    reason: "Lands on the offer's app",
    finalApp: { store: 'google-play', appId: 'com.spotify.music', country: 'ES' },
    hops: [
      {
        url: 'https://trk.example/c?o=1',
        status: 302,
        location: 'https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES',
      },
      { url: 'https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES', status: 200, location: null },
    ],
    ms: 1234,
    phone: 'android',
    phoneLabel: 'Android phone',
    clickId: 'offerlens-check0',
    clickIdPassedAt: null,
    country: { text: 'store country ES — offer accepts ES ✓', fits: true },
  },
};

let asked: unknown[];
let sent: { type: string; data: unknown }[];

beforeEach(() => {
  fakeBrowser.reset();
  asked = [];
  sent = [];
  fakeBrowser.runtime.onMessage.addListener(((
    message: { type: string; data: unknown },
    _: unknown,
    send: (r: unknown) => void,
  ) => {
    sent.push({ type: message.type, data: message.data });
    send({ ok: true, value: CHECKED });
    return true;
  }) as never);
});
afterEach(cleanup);

function answerPrompt(granted: boolean) {
  fakeBrowser.permissions.request = vi.fn(async (permissions: unknown) => {
    asked.push(permissions);
    return granted;
  }) as never;
}

describe('Check link', () => {
  it('asks for the permissions in the click, and checks nothing when they are refused', async () => {
    answerPrompt(false);
    render(<LinkCheck offerId="1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Check link' }));
    expect(asked).toEqual([
      { permissions: ['webRequest', 'declarativeNetRequestWithHostAccess'], origins: ['https://*/*', 'http://*/*'] },
    ]);
    expect((await screen.findByText(/^Link checks need your permission\./)).textContent).toContain(
      'Each check is a real click at the network.',
    );
    expect(sent).toEqual([]);
  });

  it('checks once they are granted, and shows the verdict, the hops and how it was checked', async () => {
    answerPrompt(true);
    render(<LinkCheck offerId="1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Check link' }));
    expect((await screen.findByText("Lands on the offer's app")).closest('.verdict')?.textContent).toBe(
      "✓ Lands on the offer's app",
    );
    expect(sent).toEqual([{ type: 'checkLink', data: { offerId: '1' } }]);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'trk.example 302 → play.google.com',
      'play.google.com 200',
    ]);
    expect(screen.getByText(/^The click ID was not passed on/).textContent).toBe(
      'The click ID was not passed on to a later hop. 1.2 s, as an Android phone, from your own connection and country.',
    );
    expect(screen.getByText('store country ES — offer accepts ES ✓')).toBeTruthy();
  });
});
