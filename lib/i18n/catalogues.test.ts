import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '.';
import { placeholdersOf } from './catalogue';

/**
 * Every language has every message of every area, with the same placeholders, and each counted
 * message in exactly the forms its language's plural rules pick from (Russian one/few/many/other,
 * Chinese other only).
 */
const DIR = join(import.meta.dirname, 'messages');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function area(locale: string, file: string): Record<string, string> {
  return JSON.parse(readFileSync(join(DIR, locale, file), 'utf8')) as Record<string, string>;
}

const AREAS = readdirSync(join(DIR, 'en')).filter((name) => name.endsWith('.json'));

describe('the catalogues', () => {
  it('exist for the eight languages, and no other', () => {
    expect(readdirSync(DIR).sort()).toEqual([...LOCALES].sort());
  });

  for (const locale of readdirSync(DIR).filter((l) => l !== 'en')) {
    describe(locale, () => {
      const forms = new Intl.PluralRules(locale.replace('_', '-')).resolvedOptions().pluralCategories;
      for (const file of AREAS) {
        it(`${file}: every message, the same placeholders, and its plural forms`, () => {
          const english = area('en', file);
          const translated = area(locale, file);
          const expected: string[] = [];
          for (const key of Object.keys(english)) {
            if (!PLURAL.test(key)) expected.push(key);
            else if (key.endsWith('_other')) {
              const base = key.replace(PLURAL, '');
              for (const form of forms) expected.push(`${base}_${form}`);
            }
          }
          expect(Object.keys(translated).sort()).toEqual(expected.sort());
          const wrong: string[] = [];
          for (const key of Object.keys(translated)) {
            const source = english[key] ?? english[key.replace(PLURAL, '_other')] ?? '';
            const want = placeholdersOf(source).filter((name) => name !== 'count');
            const got = placeholdersOf(translated[key] ?? '').filter((name) => name !== 'count');
            // A form chosen for several numbers (Russian "one" is also 21, 31) must write its number.
            const counted = PLURAL.test(key) && (english[key.replace(PLURAL, '_other')] ?? '').includes('{count}');
            const lacksCount = counted && !(translated[key] ?? '').includes('{count}');
            if (want.join() !== got.join() || lacksCount || !(translated[key] ?? '').trim()) wrong.push(key);
          }
          expect(wrong).toEqual([]);
        });
      }
      it('keeps brand names and the search terms as they are', () => {
        const all = Object.assign({}, ...AREAS.map((file) => area(locale, file))) as Record<string, string>;
        const english = Object.assign({}, ...AREAS.map((file) => area('en', file))) as Record<string, string>;
        const lost: string[] = [];
        for (const [key, text] of Object.entries(english)) {
          for (const kept of ['Offer Lens', 'CarrierAppTraffic', 'Affise', 'Everflow', 'net:', 'geo:', 'cat:']) {
            const target = all[key] ?? all[key.replace(PLURAL, '_other')] ?? '';
            if (text.includes(kept) && !target.includes(kept)) lost.push(`${key}: ${kept}`);
          }
        }
        expect(lost).toEqual([]);
      });
    });
  }
});
