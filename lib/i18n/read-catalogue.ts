import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MESSAGES = join(dirname(fileURLToPath(import.meta.url)), 'messages');

/**
 * One language's messages, its area files merged (Node only: the build and the tests read the
 * source catalogues; the extension reads the browser's `_locales`).
 */
export function readCatalogue(locale: string): Record<string, string> {
  const dir = join(MESSAGES, locale);
  const messages: Record<string, string> = {};
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    Object.assign(messages, JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>);
  }
  return messages;
}

/** The languages with a catalogue folder. */
export function catalogueLocales(): string[] {
  return readdirSync(MESSAGES);
}
