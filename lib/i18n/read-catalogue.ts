import { readdirSync, readFileSync } from 'node:fs';

/**
 * One language's messages, its area files merged (Node only: the build and the tests read the
 * source catalogues; the extension reads the browser's `_locales`).
 */
export function readCatalogue(locale: string): Record<string, string> {
  const dir = new URL(`./messages/${locale}/`, import.meta.url);
  const messages: Record<string, string> = {};
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    Object.assign(messages, JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Record<string, string>);
  }
  return messages;
}
