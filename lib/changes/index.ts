// The contract's home (`lib/changes`): diffOffers and its types. The change log, the words and
// the watch rules live beside it.
export { type ChangeKind, diffOffers, type OfferChange } from './diff';
