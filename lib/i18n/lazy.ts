import { type MessageKey, t } from '.';

/**
 * A module's table of words (labels by id), each looked up when it is read, never when the module
 * loads: imports run before an entrypoint installs its catalogue, and a language chosen on the
 * settings page arrives later still. Spreading the table reads every word at that moment.
 */
export function messageTable<K extends string>(keys: Readonly<Record<K, MessageKey>>): Readonly<Record<K, string>> {
  const table = {} as Record<K, string>;
  for (const id of Object.keys(keys) as K[]) {
    Object.defineProperty(table, id, { enumerable: true, get: () => t(keys[id]) });
  }
  return Object.freeze(table);
}
