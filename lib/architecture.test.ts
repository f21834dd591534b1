import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { META_KEYS } from './storage/meta';

/**
 * The map (docs/architecture.md) and the layer rules, checked: they stay true without anyone
 * remembering them. Each rule says what to do when it fails.
 */

const ROOT = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function sourceFiles(dir: string, test: (path: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(join(ROOT, at), { withFileTypes: true })) {
      const path = `${at}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (test(path)) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}
const isSource = (path: string) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) && !path.endsWith('.d.ts');

/** The modules a file imports for their values (`import type` costs nothing at run time). */
function valueImports(source: string): string[] {
  const found: string[] = [];
  for (const statement of source.split(/;\s*\n/)) {
    const match = /^\s*import\s+(?!type\s)([\s\S]*?)\s+from\s+'([^']+)'/m.exec(statement);
    if (match?.[2] && !/^\{\s*type\s[^,}]*\}$/.test(match[1]?.trim() ?? '')) found.push(match[2]);
    const bare = /^\s*import\s+'([^']+)'/m.exec(statement);
    if (bare?.[1]) found.push(bare[1]);
  }
  return found;
}

/** Modules that reach the browser's extension APIs when imported. */
const BROWSER_MODULES = ['wxt/browser', 'wxt/utils/storage', 'webextension-polyfill'];

/**
 * The lib/ modules allowed to import the browser at load, each for its reason. Everything else in
 * lib/ gets the browser passed in (lib/background/*) or does not need it, so Node imports it.
 */
const BROWSER_EDGE: Record<string, string> = {
  'lib/messaging/client.ts': 'the one place pages send messages from',
  'lib/storage/items.ts': 'the one module of browser-storage items',
  'lib/storage/legacy.ts': 'moves items an old version left in browser storage',
  'lib/host-access.ts': 'asks the browser for host permissions from a page',
};

describe('the map', () => {
  const documents = ['docs/architecture.md', 'README.md'];
  it.each(documents)('names only paths that exist in %s', (doc) => {
    const text = read(doc);
    const named = new Set<string>();
    for (const [, path] of text.matchAll(
      /`((?:lib|components|entrypoints|tests|scripts|docs|public|\.ci)\/[^`\s*<>]+)`/g,
    )) {
      named.add((path as string).replace(/[/:]$/, '').replace(/\s.*$/, ''));
    }
    for (const [, path] of text.matchAll(/\]\(((?:docs|lib|components)\/[^)#\s]+)\)/g)) named.add(path as string);
    const missing = [...named].filter((path) => !existsSync(join(ROOT, path)));
    expect(missing, `${doc} names paths that do not exist: fix the page or the path`).toEqual([]);
    expect(named.size).toBeGreaterThan(doc === 'README.md' ? 3 : 20);
  });

  it('lists every IndexedDB meta record in its storage table', () => {
    const doc = read('docs/architecture.md');
    const table = doc.slice(
      doc.indexOf('### What is stored where'),
      doc.indexOf('\n## ', doc.indexOf('### What is stored where')),
    );
    const missing = META_KEYS.filter((key) => !table.includes(`\`${key}\``));
    expect(missing, 'lib/storage/meta.ts has records the storage table does not list').toEqual([]);
  });
});

describe('the layers', () => {
  it('lets only the named edge modules of lib/ import the browser at load', () => {
    const offenders = sourceFiles('lib', isSource).filter(
      (path) => !(path in BROWSER_EDGE) && valueImports(read(path)).some((m) => BROWSER_MODULES.includes(m)),
    );
    expect(
      offenders,
      'pass the browser in (as lib/background does), or add the module to BROWSER_EDGE with why',
    ).toEqual([]);
    for (const path of Object.keys(BROWSER_EDGE)) expect(existsSync(join(ROOT, path)), path).toBe(true);
  });

  it('keeps browser globals out of lib/ module scope', () => {
    const offenders: string[] = [];
    for (const path of sourceFiles('lib', isSource)) {
      read(path)
        .split('\n')
        .forEach((line, i) => {
          // Module scope is what Biome leaves unindented; a global used there runs at import.
          if (
            /^(?!\s|\/\/|\/?\*|import |export (type|interface) )/.test(line) &&
            /\b(window|document|navigator|indexedDB|chrome|localStorage)\./.test(line)
          ) {
            offenders.push(`${path}:${i + 1}`);
          }
        });
    }
    expect(offenders, 'use the global inside a function, so Node can import the module').toEqual([]);
  });

  it('keeps views free of messaging and browser calls (hooks and lib/ make them)', () => {
    const views = sourceFiles('components', (path) => path.endsWith('.tsx') && !path.endsWith('.test.tsx'));
    expect(views.length).toBeGreaterThan(10);
    const offenders = views.filter((path) =>
      valueImports(read(path)).some((m) => m === 'wxt/browser' || m.endsWith('/messaging/client')),
    );
    expect(offenders, 'move the call into a use-*.ts hook or lib/').toEqual([]);
  });

  it('keeps lib/ free of components and entrypoints', () => {
    const offenders = sourceFiles('lib', isSource).filter((path) =>
      valueImports(read(path)).some((m) => /(^|\/)(components|entrypoints)\//.test(m)),
    );
    expect(offenders).toEqual([]);
  });
});
