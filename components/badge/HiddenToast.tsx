import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BadgeCorner } from '../../lib/settings/defaults';
import { trustedClick } from '../trusted-click';
import { classList } from './class-list';
import { WORDS } from './words';

/** How long "Hidden on this app · Undo" stays, while the pointer and focus are elsewhere. */
export const HIDDEN_TOAST_MS = 8000;

interface Props {
  corner: BadgeCorner;
  /** Bring the badge back; rejects when the extension cannot be reached. */
  onUndo(): Promise<void>;
  /** The toast is over: nothing of the badge stays on the page. */
  onGone(): void;
  /** × was pressed from the keyboard: focus goes to Undo, one key away. */
  focusUndo?: boolean;
  ms?: number;
}

/**
 * What × leaves for a few seconds: that the badge is hidden on this app, an Undo, and where the
 * publisher brings it back later. The time runs only while it is neither pointed at nor focused.
 */
export function HiddenToast({ corner, onUndo, onGone, focusUndo = false, ms = HIDDEN_TOAST_MS }: Props) {
  const undoButton = useRef<HTMLButtonElement>(null);
  const [held, setHeld] = useState({ pointer: false, focus: false });
  const [state, setState] = useState<'shown' | 'undoing' | 'failed'>('shown');
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to Undo once, when the toast appears
  useEffect(() => {
    if (focusUndo) undoButton.current?.focus();
  }, []);
  const isHeld = held.pointer || held.focus || state === 'undoing';
  useEffect(() => {
    if (isHeld) return;
    const timer = setTimeout(onGone, ms);
    return () => clearTimeout(timer);
  }, [isHeld, ms, onGone]);
  const undo = useMemo(
    () =>
      trustedClick(() => {
        setState('undoing');
        onUndo().catch(() => setState('failed'));
      }, 0),
    [onUndo],
  );
  return (
    <section
      class={classList('badge toast', corner)}
      aria-label={WORDS.region}
      onMouseEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
      onMouseLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
      onFocusIn={() => setHeld((h) => ({ ...h, focus: true }))}
      onFocusOut={() => setHeld((h) => ({ ...h, focus: false }))}
      onKeyDown={(event) => event.key === 'Escape' && onGone()}
    >
      <p class="row" role="status">
        <span class="toast-text">{WORDS.hidden}</span>
        <span aria-hidden="true">·</span>
        <button
          ref={undoButton}
          type="button"
          class="undo"
          aria-label={WORDS.undoLabel}
          onClick={undo}
          disabled={state === 'undoing'}
        >
          {WORDS.undo}
        </button>
      </p>
      <p class="muted hint">{state === 'failed' ? WORDS.undoFailed : WORDS.bringBack}</p>
    </section>
  );
}
