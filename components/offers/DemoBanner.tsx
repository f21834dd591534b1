import { messageTable } from '../../lib/i18n/lazy';

/** What the demo banner says, each looked up when read. */
const TEXT = messageTable({
  what: 'offersDemoWhat',
  notYours: 'offersDemoNotYours',
  back: 'offersDemoBack',
  toSettings: 'offersDemoBackToSettings',
});

/**
 * At the top of every offers surface while the bundled demo is on show: its offers, payouts and
 * links are no one's, and one click goes back to the publisher's own.
 */
export function DemoBanner({ leadsToSettings, onBack }: { leadsToSettings: boolean; onBack: () => void }) {
  return (
    <div class="demo-banner" role="status">
      <span>
        <strong>{TEXT.what}</strong> {TEXT.notYours}
      </span>
      <button type="button" class="btn" title={leadsToSettings ? TEXT.toSettings : undefined} onClick={onBack}>
        {TEXT.back}
      </button>
    </div>
  );
}
