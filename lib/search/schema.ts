import { z } from 'zod';
import { type SearchState, SORT_KEYS } from './query';

/** A search as it arrives from a page or from storage: checked before anything acts on it. */
/** `watching` came later: a search stored before it reads as not watching. */
type StoredSearchState = Omit<SearchState, 'watching'> & { watching?: boolean };

export const SearchStateSchema: z.ZodType<SearchState, StoredSearchState> = z.object({
  query: z.string().max(500),
  watching: z.boolean().default(false),
  platform: z.enum(['android', 'ios']).nullable(),
  geo: z.string().max(3).nullable(),
  category: z.string().max(200).nullable(),
  minPayout: z.number().nonnegative().finite().nullable(),
  sort: z.enum(SORT_KEYS),
});
