import type { Ref } from 'preact';
import { type ExportFormat, ExportMenu } from './ExportMenu';

interface Props {
  inputRef: Ref<HTMLInputElement>;
  query: string;
  /** The list the box drives, and the option it points at. */
  listId: string;
  count: number;
  activeId: string | undefined;
  onType: (query: string) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  /** What an export holds ("these offers"); null: nothing to export yet. */
  exportWhat: string | null;
  onExport: (format: ExportFormat) => Promise<void>;
  /** Null: no side panel button (not the popup, or a browser without one). */
  onOpenSidePanel: (() => void) | null;
  onOpenSettings: () => void;
}

/** The search box (it drives the list below: a combobox), then export, side panel and settings. */
export function SearchBar(props: Props) {
  const { inputRef, query, listId, count, activeId, onType, onKeyDown, exportWhat, onExport } = props;
  return (
    <header class="search-bar">
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label="Search offers"
        aria-controls={listId}
        aria-expanded={count > 0}
        aria-activedescendant={activeId}
        aria-autocomplete="list"
        aria-description="Arrow keys choose, Enter opens, Ctrl+C copies the link, Alt+S watches"
        placeholder="Search offers, e.g. spotify geo:US"
        title="Search offers: words, an offer id, or geo:US platform:ios cat:games net:affise payout>1.5 sort:payout"
        value={query}
        onInput={(e) => onType(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        autoFocus
        spellcheck={false}
      />
      {exportWhat && <ExportMenu what={exportWhat} onExport={onExport} />}
      {props.onOpenSidePanel && (
        <button
          type="button"
          class="btn icon"
          title="Open in side panel"
          aria-label="Open in side panel"
          onClick={props.onOpenSidePanel}
        >
          ◧
        </button>
      )}
      <button type="button" class="btn icon" title="Settings" aria-label="Settings" onClick={props.onOpenSettings}>
        ⚙
      </button>
    </header>
  );
}
