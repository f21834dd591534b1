import type { Ref } from 'preact';
import { t } from '../../lib/i18n';
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
  /** The export button's name ("Export these offers"); null: nothing to export yet. */
  exportLabel: string | null;
  onExport: (format: ExportFormat) => Promise<void>;
  /** Null: no side panel button (not the popup, or a browser without one). */
  onOpenSidePanel: (() => void) | null;
  onOpenSettings: () => void;
}

/** The search box (it drives the list below: a combobox), then export, side panel and settings. */
export function SearchBar(props: Props) {
  const { inputRef, query, listId, count, activeId, onType, onKeyDown, exportLabel, onExport } = props;
  return (
    <header class="search-bar">
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label={t('offersSearchLabel')}
        aria-controls={listId}
        aria-expanded={count > 0}
        aria-activedescendant={activeId}
        aria-autocomplete="list"
        aria-description={t('offersSearchKeys')}
        placeholder={t('offersSearchPlaceholder')}
        title={t('offersSearchHint')}
        value={query}
        onInput={(e) => onType(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        autoFocus
        spellcheck={false}
      />
      {exportLabel && <ExportMenu label={exportLabel} onExport={onExport} />}
      {props.onOpenSidePanel && (
        <IconButton label={t('offersOpenSidePanel')} icon="◧" onClick={props.onOpenSidePanel} />
      )}
      <IconButton label={t('offersSettings')} icon="⚙" onClick={props.onOpenSettings} />
    </header>
  );
}

/** A symbol button, named by its label for screen readers and on hover. */
function IconButton({ label, icon, onClick }: { label: string; icon: string; onClick: () => void }) {
  return (
    <button type="button" class="btn icon" title={label} aria-label={label} onClick={onClick}>
      {icon}
    </button>
  );
}
