// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmServer } from './ConfirmServer';

afterEach(cleanup);

describe('the question before the key goes to a new server', () => {
  it('names the server, and waits on Cancel so an Enter pressed without reading sends nothing', () => {
    const onApprove = vi.fn();
    const onCancel = vi.fn();
    const server = { origin: 'https://feed.other.example', host: 'feed.other.example' };
    render(<ConfirmServer server={server} from="carrierapptraffic" onApprove={onApprove} onCancel={onCancel} />);
    expect(screen.getByRole('alertdialog').textContent).toContain('Send your API key to feed.other.example?');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve feed.other.example and save' }));
    expect(onApprove).toHaveBeenCalledWith('https://feed.other.example');
    expect(onCancel).not.toHaveBeenCalled();
  });
});
