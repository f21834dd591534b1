import type { View } from './body';

interface Props {
  view: View;
  unseenChanges: number;
  watching: boolean;
  onView: (view: View) => void;
  onWatching: (watching: boolean) => void;
}

/** Offers or Changes (with the count of unseen changes), and the Watching filter beside them. */
export function ViewTabs({ view, unseenChanges, watching, onView, onWatching }: Props) {
  return (
    <div class="views">
      <div role="tablist" aria-label="Views">
        <button type="button" role="tab" aria-selected={view === 'offers'} onClick={() => onView('offers')}>
          Offers
        </button>
        <button type="button" role="tab" aria-selected={view === 'changes'} onClick={() => onView('changes')}>
          Changes
          {unseenChanges > 0 && <span class="count">{unseenChanges.toLocaleString('en-US')}</span>}
        </button>
      </div>
      <button
        type="button"
        class={`watching-filter${watching ? ' on' : ''}`}
        aria-pressed={watching}
        onClick={() => onWatching(!watching)}
      >
        ★ Watching
      </button>
    </div>
  );
}
