/** What the demo banner says (one place, for the translations to come). */
const TEXT = {
  what: 'Demo data:',
  notYours: 'not your offers.',
  back: 'Back to my offers',
  toSettings: 'You have no key of your own yet: this opens the settings, where you add it',
};

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
