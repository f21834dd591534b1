import { t } from '../../lib/i18n';
import { TRACKERS, type TrackerChoice } from '../../lib/settings/trackers';

interface Props {
  onChoose(choice: TrackerChoice): void;
}

/**
 * Asked once, on the first screen: without the tracker's click-ID macro in the links, the
 * network cannot tell the publisher's tracker which click converted. Never in the way: the key
 * and Save work whether it is answered or not.
 */
export function TrackerQuestion({ onChoose }: Props) {
  return (
    <fieldset class="tracker-question" aria-labelledby="tracker-question-text">
      <p id="tracker-question-text">
        <strong>{t('optionsTrackerQuestion')}</strong> {t('optionsTrackerQuestionWhy')}
      </p>
      <div class="row">
        {TRACKERS.map((tracker) => (
          <button key={tracker.id} type="button" class="btn" onClick={() => onChoose(tracker.id)}>
            {tracker.name}
          </button>
        ))}
        <button type="button" class="btn link" onClick={() => onChoose('custom')}>
          {t('optionsAnotherTracker')}
        </button>
      </div>
    </fieldset>
  );
}
