import { z } from 'zod';
import { type SearchState, SORT_KEYS } from './query';

/** A search as it arrives from a page or from storage: checked before anything acts on it. */
export const SearchStateSchema: z.ZodType<SearchState, SearchState> = z.object({
  query: z.string().max(500),
  platform: z.enum(['android', 'ios']).nullable(),
  geo: z.string().max(3).nullable(),
  category: z.string().max(200).nullable(),
  minPayout: z.number().nonnegative().finite().nullable(),
  sort: z.enum(SORT_KEYS),
});
