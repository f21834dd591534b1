import { lazyPart } from '../lazy';
import { whenIdle } from './use-offer-source';

/**
 * The parts of an offers surface its first screen does not show, each in a chunk of its own:
 * the offer detail (tracking link, QR, link check, history), the Changes view and Check links.
 * They are fetched once the page is idle after its first results, so a click seldom waits.
 */
export const OfferDetailPart = lazyPart(() => import('./OfferDetail').then((part) => part.OfferDetail));
export const ChangesViewPart = lazyPart(() => import('./ChangesView').then((part) => part.ChangesView));
export const CheckAllPart = lazyPart(() => import('./CheckAll').then((part) => part.CheckAll));

/** The exports' rules (CSV, JSON), asked for by the Export menu's click. */
export const loadExport = () => import('../../lib/export');

/** Fetch the parts when the page has nothing else to do; the clean-up cancels what has not started. */
export function preloadParts(): () => void {
  return whenIdle(() => {
    const ignore = () => undefined;
    for (const load of [OfferDetailPart.load, ChangesViewPart.load, CheckAllPart.load, loadExport]) {
      load().catch(ignore);
    }
  }, 3000);
}
