import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

export type ExportFormat = 'csv' | 'json';

/**
 * "Export ▾": CSV or JSON of what the view lists (the filtered offers, or the changes). A menu
 * button: Enter/Space/↓ opens it, arrows move, Escape closes and returns focus.
 */
export function ExportMenu({ label, onExport }: { label: string; onExport: (format: ExportFormat) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  async function choose(format: ExportFormat) {
    close();
    setBusy(true);
    try {
      await onExport(format);
    } finally {
      setBusy(false);
    }
  }

  function onMenuKey(e: KeyboardEvent) {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  return (
    <div class="menu-wrap">
      <button
        ref={button}
        type="button"
        class="btn icon"
        title={label}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        ⤓
      </button>
      {open && (
        <div
          ref={menu}
          class="menu"
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKey}
          onFocusOut={(e) => {
            if (!menu.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
          }}
        >
          <button type="button" role="menuitem" onClick={() => void choose('csv')}>
            {t('offersExportCsvSpreadsheets')}
          </button>
          <button type="button" role="menuitem" onClick={() => void choose('json')}>
            JSON
          </button>
        </div>
      )}
    </div>
  );
}
