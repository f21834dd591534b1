// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pure } from './pure';

afterEach(cleanup);

let drawn = 0;
function Item({ name, onPick, onRemove }: { name: string; onPick: () => void; onRemove?: () => void }) {
  drawn++;
  return (
    <div>
      <button type="button" onClick={onPick}>
        {name}
      </button>
      {onRemove && (
        <button type="button" onClick={onRemove}>
          Remove
        </button>
      )}
    </div>
  );
}
const PureItem = pure(Item);

describe('a part drawn again only when what it shows changes', () => {
  it('is not drawn again for a new handler, and a click calls the newest one', () => {
    drawn = 0;
    const first = vi.fn();
    const newest = vi.fn();
    const { rerender } = render(<PureItem name="Spotify" onPick={first} />);
    rerender(<PureItem name="Spotify" onPick={newest} />);
    expect(drawn).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Spotify' }));
    expect(newest).toHaveBeenCalledOnce();
    expect(first).not.toHaveBeenCalled();
  });

  it('is drawn again when its data changes, or a handler comes or goes', () => {
    drawn = 0;
    const pick = () => undefined;
    const { rerender } = render(<PureItem name="Spotify" onPick={pick} />);
    rerender(<PureItem name="Uber" onPick={pick} />);
    expect(screen.getByRole('button', { name: 'Uber' })).toBeTruthy();
    const remove = vi.fn();
    rerender(<PureItem name="Uber" onPick={pick} onRemove={remove} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(remove).toHaveBeenCalledOnce();
    rerender(<PureItem name="Uber" onPick={pick} />);
    expect(screen.queryByRole('button', { name: 'Remove' })).toBeNull();
    expect(drawn).toBe(4);
  });
});
