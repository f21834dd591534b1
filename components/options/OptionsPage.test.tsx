// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../lib/settings/defaults';
import { settingsItem } from '../../lib/storage/items';
import { connectPageToBackground } from '../../tests/support/page-background';
import { OptionsPage } from './OptionsPage';

beforeEach(async () => {
  await connectPageToBackground('options.html');
  await settingsItem.setValue(defaultSettings('https://feed.example/o?k={apiKey}'));
});
afterEach(cleanup);

/** The example link under the tracking-link settings. */
const preview = () =>
  screen.getByText('Your tracking links with these settings, on an example offer:').nextElementSibling;

describe('the tracking-link preview', () => {
  it("shows the example offer's link with the chosen tracker's macro marked, and no placeholder warning once chosen", async () => {
    render(<OptionsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Binom' }));
    const clickId = await screen.findByTitle('click ID');
    expect(clickId.tagName).toBe('MARK');
    expect(clickId.textContent).toBe('aff_sub={clickid}');
    expect(preview()?.textContent).toBe(
      'https://track.carrierapptraffic.com/click?offer_id=9012&aff_id=4711&aff_sub={clickid}',
    );
    expect(screen.queryByText(/still the placeholder/)).toBeNull();
  });

  it('says while the click ID is still the placeholder, as the offer detail does, and marks the sub ID typed', async () => {
    render(<OptionsPage />);
    await screen.findByTitle('click ID');
    expect(screen.getByText(/The click ID is still the placeholder \[CLICK_ID\]/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Sub ID'), { target: { value: 'pub7' } });
    expect((await screen.findByTitle('sub ID')).textContent).toBe('aff_sub2=pub7');
  });

  it("leaves the network's own parameter alone when it is chosen for the click ID", async () => {
    render(<OptionsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Binom' }));
    fireEvent.input(screen.getByLabelText('Click ID parameter'), { target: { value: 'aff_id' } });
    expect(preview()?.textContent).toBe('https://track.carrierapptraffic.com/click?offer_id=9012&aff_id=4711');
  });
});
