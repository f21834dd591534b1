import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

/**
 * No user-visible word is written into a view: every text between JSX tags and every
 * user-facing attribute (aria-label, title, placeholder, alt, label) comes from the
 * catalogue (`t` / `tp`). Brand names, symbols and numbers are not words to translate.
 */
const ROOTS = ['components', 'entrypoints'];
const SHOWN_ATTRIBUTES = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'label',
  'aria-description',
  'aria-roledescription',
]);
/** Words every language writes as they are. */
const BRANDS = [
  'Offer Lens',
  'CarrierAppTraffic',
  'Affise',
  'Everflow',
  'Google Play',
  'App Store',
  'CSV',
  'JSON',
  'QR',
  'URL',
  'API',
  'ID',
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx$|test-kit/.test(entry.name)) out.push(path);
  }
  return out;
}

/** A text a user would read as words: letters left once brands are taken out. */
function hasWords(text: string): boolean {
  let rest = text;
  for (const brand of BRANDS) rest = rest.replaceAll(brand, ' ');
  return /\p{L}{2,}/u.test(rest);
}

type Node = { type: string; [key: string]: unknown; loc?: { start: { line: number } } };

function literalsIn(code: string): { line: number; text: string }[] {
  const ast = parse(code, { sourceType: 'module', plugins: ['typescript', 'jsx'] });
  const found: { line: number; text: string }[] = [];
  const visit = (node: unknown, parent?: Node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, parent);
      return;
    }
    const n = node as Node;
    if (n.type === 'JSXText' && hasWords(String(n.value)))
      found.push({ line: n.loc?.start.line ?? 0, text: String(n.value).trim() });
    if (n.type === 'JSXAttribute') {
      const name = (n.name as Node).name as string;
      const value = n.value as Node | null;
      if (SHOWN_ATTRIBUTES.has(name) && value) {
        const inner = value.type === 'JSXExpressionContainer' ? (value.expression as Node) : value;
        const text =
          inner.type === 'StringLiteral'
            ? String(inner.value)
            : inner.type === 'TemplateLiteral'
              ? (inner.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked).join(' ')
              : '';
        if (hasWords(text)) found.push({ line: n.loc?.start.line ?? 0, text });
      }
    }
    // An attribute's value is read above when it is shown (class, id, style are not).
    if (n.type === 'JSXExpressionContainer' && parent?.type !== 'JSXAttribute') {
      const inner = n.expression as Node;
      if (inner.type === 'StringLiteral' && hasWords(String(inner.value)))
        found.push({ line: n.loc?.start.line ?? 0, text: String(inner.value) });
      if (inner.type === 'TemplateLiteral') {
        const text = (inner.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked).join(' ');
        if (hasWords(text)) found.push({ line: n.loc?.start.line ?? 0, text });
      }
    }
    for (const [key, child] of Object.entries(n))
      if (key !== 'loc' && key !== 'start' && key !== 'end') visit(child, n);
  };
  visit(ast.program);
  return found;
}

/** In hooks and helpers (`.ts`): a string that reads as a sentence ("Link copied", "Could not copy"). */
function sentencesIn(code: string): { line: number; text: string }[] {
  const ast = parse(code, { sourceType: 'module', plugins: ['typescript'] });
  const found: { line: number; text: string }[] = [];
  const visit = (node: unknown, parent?: Node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, parent);
      return;
    }
    const n = node as Node;
    const text =
      n.type === 'StringLiteral'
        ? String(n.value)
        : n.type === 'TemplateLiteral'
          ? (n.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked).join('')
          : null;
    const isModuleName = parent && /Import|Export/.test(parent.type);
    if (text !== null && !isModuleName && /^\p{Lu}\p{Ll}*[ ,.:…]+\p{L}/u.test(text.trim()) && hasWords(text))
      found.push({ line: n.loc?.start.line ?? 0, text });
    for (const [key, child] of Object.entries(n))
      if (key !== 'loc' && key !== 'start' && key !== 'end') visit(child, n);
  };
  visit(ast.program);
  return found;
}

describe('no literal words in the views', () => {
  it('finds a word in JSX text and in a title, and not in a brand or a symbol', () => {
    expect(literalsIn('const a = <p title="Copy link">Hello <b>{x}</b> ×</p>;').map((f) => f.text)).toEqual([
      'Copy link',
      'Hello',
    ]);
    expect(
      sentencesIn("const a = { copied: 'Link copied', cls: 'btn link', k: 'offersCopied' };").map((f) => f.text),
    ).toEqual(['Link copied']);
    expect(literalsIn('const a = <p aria-label="Offer Lens">★ {t("x")} · QR</p>;')).toEqual([]);
    expect(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source code under test holds template literals
      literalsIn('const a = <p class={`btn ${on}`} title={`Open ${x}`}>{`Save ${n}`}</p>;').map((f) => f.text),
    ).toEqual(['Open  ', 'Save  ']);
  });

  for (const root of ROOTS) {
    for (const file of sourceFiles(root)) {
      it(`${relative('.', file)} takes its words from the catalogue`, () => {
        const code = readFileSync(file, 'utf8');
        expect(file.endsWith('.tsx') ? literalsIn(code) : sentencesIn(code)).toEqual([]);
      });
    }
  }
});
