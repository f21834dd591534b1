import { z } from 'zod/mini';
import { type SearchState, SORT_KEYS } from './query';

/**
 * A search as it arrives from a page or from storage: checked before anything acts on it.
 * `watching`, `app` and `network` came later: a search stored before them reads as not watching,
 * any app, every network.
 */
type StoredSearchState = Omit<SearchState, 'watching' | 'app' | 'network'> & {
  watching?: boolean;
  app?: string | null;
  network?: string | null;
};

export const SearchStateSchema: z.ZodMiniType<SearchState, StoredSearchState> = z.object({
  query: z.string().check(z.maxLength(500)),
  watching: z._default(z.boolean(), false),
  app: z._default(z.nullable(z.string().check(z.maxLength(300))), null),
  network: z._default(z.nullable(z.string().check(z.maxLength(200))), null),
  platform: z.nullable(z.enum(['android', 'ios'])),
  geo: z.nullable(z.string().check(z.maxLength(3))),
  category: z.nullable(z.string().check(z.maxLength(200))),
  minPayout: z.nullable(z.number().check(z.nonnegative())),
  sort: z.enum(SORT_KEYS),
});
