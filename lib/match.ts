// The contract's home (`lib/match.ts`): store-page matching lives with the rest of the store-page
// feature in store-page/.
export { createStoreIndex, type MatchOptions, offersForStorePage, type StoreIndex } from './store-page/match';
