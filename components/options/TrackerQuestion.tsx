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
        <strong>Which tracker do you send this traffic through?</strong> Offer Lens puts its click-ID macro in every
        tracking link, so your conversions are attributed.
      </p>
      <div class="row">
        {TRACKERS.map((tracker) => (
          <button key={tracker.id} type="button" class="btn" onClick={() => onChoose(tracker.id)}>
            {tracker.name}
          </button>
        ))}
        <button type="button" class="btn link" onClick={() => onChoose('custom')}>
          Another tracker, or none
        </button>
      </div>
    </fieldset>
  );
}
