import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { skipReasonText } from '../feed';
import { countText, formatDay } from '../format';
import { bestLocale, currentLocale, formatNumber, intlLocale, t, tp, useCatalogue } from '.';
import { readCatalogue } from './read-catalogue';

const english = readCatalogue('en');
const core = JSON.parse(readFileSync(join(import.meta.dirname, 'messages/en/core.json'), 'utf8')) as Record<
  string,
  string
>;

/** A few messages in Russian, as a translator would write them: three counted forms and a fourth for fractions. */
const RUSSIAN = {
  formatOffers_one: '{count} оффер',
  formatOffers_few: '{count} оффера',
  formatOffers_many: '{count} офферов',
  formatOffers_other: '{count} оффера',
  feedSkipMissingName: 'Нет названия',
  feedSkipDuplicate: 'Повторный id {id}',
  statusUpdated: 'обновлено {duration} назад',
};

afterEach(() => {
  useCatalogue(english, 'en');
});

describe('messages', () => {
  it('fills each placeholder, and leaves one it was not given as written', () => {
    expect(t('statusNamed', { name: 'AppRocket (Affise)', text: 'The API key was rejected' })).toBe(
      'AppRocket (Affise): The API key was rejected',
    );
    expect(t('statusNamed', { name: 'AppRocket (Affise)' })).toBe('AppRocket (Affise): {text}');
    // A message that names a placeholder to the publisher keeps it when nothing is filled in.
    expect(t('settingFeedUrlHint')).toBe('{apiKey} is replaced by your key');
  });

  it('never fills placeholders inside a value (feed text may hold braces)', () => {
    expect(t('changeRowChanged', { name: 'Win {change} now', change: 'gone' })).toBe('Win {change} now: gone');
  });

  it('shows a message missing from the catalogue by its name, so the gap is seen', () => {
    useCatalogue({}, 'en');
    expect(t('statusRefreshing')).toBe('statusRefreshing');
  });

  it('falls back to the English message a translation lacks', () => {
    useCatalogue(RUSSIAN, 'ru', english);
    expect(t('statusUpdated', { duration: '5 мин' })).toBe('обновлено 5 мин назад');
    expect(t('statusRefreshing')).toBe('Refreshing offers…');
  });
});

describe('counted messages', () => {
  it('says 1 offer, 2 offers, 223 offers and 2,345 offers in English', () => {
    expect([countText(1), countText(2), countText(223), countText(2345), countText(0)]).toEqual([
      '1 offer',
      '2 offers',
      '223 offers',
      '2,345 offers',
      '0 offers',
    ]);
    expect([countText(1, 'change'), countText(12, 'change')]).toEqual(['1 change', '12 changes']);
  });

  it('picks the Russian form for 1, 2, 5, 11, 21 and 12 345, in Russian digits', () => {
    useCatalogue(RUSSIAN, 'ru');
    expect([1, 2, 5, 11, 21, 22, 12_345].map((n) => tp('formatOffers', n))).toEqual([
      '1 оффер',
      '2 оффера',
      '5 офферов',
      '11 офферов',
      '21 оффер',
      '22 оффера',
      '12\u00a0345 офферов',
    ]);
    expect(countText(5)).toBe('5 офферов');
  });

  it('speaks English again once the English catalogue is back', () => {
    useCatalogue(RUSSIAN, 'ru');
    expect(tp('formatOffers', 5)).toBe('5 офферов');
    useCatalogue(english, 'en');
    expect([tp('formatOffers', 1), tp('formatOffers', 5)]).toEqual(['1 offer', '5 offers']);
    expect(currentLocale()).toBe('en');
  });
});

describe('languages', () => {
  it.each([
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['en-US', 'en'],
    ['pt-BR', 'pt_BR'],
    ['pt-PT', 'pt_BR'],
    ['pt_BR', 'pt_BR'],
    ['zh-CN', 'zh_CN'],
    ['zh-TW', 'zh_CN'],
    ['es-419', 'es'],
    ['tr', 'tr'],
    ['id', 'id'],
    ['de', 'en'],
    ['', 'en'],
  ])('takes %j as %s', (tag, locale) => {
    expect(bestLocale(tag)).toBe(locale);
  });

  it('gives Intl the language as a BCP 47 tag, and writes numbers its way', () => {
    expect([intlLocale('pt_BR'), intlLocale('zh_CN'), intlLocale('en')]).toEqual(['pt-BR', 'zh-CN', 'en']);
    useCatalogue(RUSSIAN, 'ru');
    expect(formatNumber(1.5)).toBe('1,5');
  });
});

describe('dates', () => {
  const now = new Date(2026, 10, 24, 12).getTime();

  it('writes English day-first, as it always was: "3 Sep", "3 Sep 2025"', () => {
    expect([formatDay(new Date(2026, 8, 3).getTime(), now), formatDay(new Date(2025, 4, 3).getTime(), now)]).toEqual([
      '3 Sep',
      '3 May 2025',
    ]);
  });

  it("takes each language's own day and month, in the order its catalogue writes them", () => {
    useCatalogue({ formatDayMonth: '{day} {month}' }, 'ru');
    expect(formatDay(new Date(2026, 4, 3).getTime(), now)).toBe('3 мая');
    useCatalogue({ formatDayMonth: '{month}{day}', formatDayMonthYear: '{year}{month}{day}' }, 'zh_CN');
    expect(formatDay(new Date(2026, 8, 3).getTime(), now)).toBe('9月3日');
    expect(formatDay(new Date(2025, 8, 3).getTime(), now)).toBe('2025年9月3日');
  });
});

describe('skipped offers', () => {
  it('keeps the reason English in the snapshot, and says it in the UI language', () => {
    expect(skipReasonText('Missing name')).toBe('Missing name');
    expect(skipReasonText('Duplicate id 101')).toBe('Duplicate id 101');
    useCatalogue(RUSSIAN, 'ru', english);
    expect(skipReasonText('Missing name')).toBe('Нет названия');
    expect(skipReasonText('Duplicate id 101')).toBe('Повторный id 101');
    expect(skipReasonText('Missing id')).toBe('Missing id');
    expect(skipReasonText('A reason from a newer version')).toBe('A reason from a newer version');
  });
});

/** lib/'s modules (not tests), path → text. */
function libSources(): Map<string, string> {
  const root = join(import.meta.dirname, '..');
  const sources = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.ts$/.test(path) && !/\.(test|d)\.ts$/.test(path))
        sources.set(path, readFileSync(join(root, path), 'utf8'));
    }
  };
  walk('.');
  return sources;
}

describe('the English catalogue', () => {
  const sources = libSources();

  it('has every message lib/ asks for by name', () => {
    const asked = { t: new Set<string>(), tp: new Set<string>() };
    const key = `'([A-Za-z0-9_]+)'`;
    for (const text of sources.values()) {
      for (const [, fn, name] of text.matchAll(new RegExp(`\\b(tp?)\\(\\s*${key}`, 'g'))) {
        asked[fn as 't' | 'tp'].add(name as string);
      }
      // t(inSentence ? 'a' : 'b', …)
      for (const [, fn, a, b] of text.matchAll(
        new RegExp(`\\b(tp?)\\(\\s*[\\w.]+\\s*\\?\\s*${key}\\s*:\\s*${key}`, 'g'),
      )) {
        for (const name of [a, b]) asked[fn as 't' | 'tp'].add(name as string);
      }
    }
    expect(asked.t.size + asked.tp.size).toBeGreaterThan(150);
    const missing = [
      ...[...asked.t].filter((name) => english[name] === undefined),
      ...[...asked.tp].filter((name) => english[`${name}_one`] === undefined || english[`${name}_other`] === undefined),
    ];
    expect(missing, 'add these to lib/i18n/messages/en/core.json').toEqual([]);
  });

  it('holds no lib/ message that nothing asks for', () => {
    const all = [...sources.values()].join('\n');
    const unused = Object.keys(core)
      .map((name) => name.replace(/_(zero|one|two|few|many|other)$/, ''))
      .filter((name, i, names) => names.indexOf(name) === i && !all.includes(`'${name}'`));
    expect(unused, 'remove these from core.json, or use them').toEqual([]);
  });

  it('names messages as the browser allows, one name per message whatever its case', () => {
    const names = Object.keys(english);
    expect(names.filter((name) => !/^[A-Za-z][A-Za-z0-9_]*$/.test(name))).toEqual([]);
    const lower = names.map((name) => name.toLowerCase());
    expect(names.filter((_, i) => lower.indexOf(lower[i] as string) !== i)).toEqual([]);
    expect(Object.values(core).filter((message) => message.includes('$'))).toEqual([]);
  });
});

describe('words are looked up when shown', () => {
  it('asks for no message while lib/ loads (an entrypoint installs its catalogue after its imports ran)', async () => {
    vi.resetModules();
    const asked: string[] = [];
    const i18n = await import('./index');
    i18n.useBrowserMessages({
      getMessage: (key) => {
        asked.push(key);
        return english[key] ?? '';
      },
      getUILanguage: () => 'en',
    });
    const modules = import.meta.glob(['../**/*.ts', '!../**/*.test.ts', '!../**/*.d.ts', '!./test-setup.ts']);
    expect(Object.keys(modules).length).toBeGreaterThan(100);
    for (const load of Object.values(modules)) await load();
    expect(asked).toEqual([]);

    const fields = (await import('../settings/fields')) as typeof import('../settings/fields');
    expect(fields.SETTING_LABELS.refreshMinutes).toBe('Refresh every (minutes)');
    expect(asked).toEqual(['settingRefreshMinutes']);
  });
});
