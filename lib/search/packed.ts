/**
 * Many strings stored as one UTF-8 byte array: from IndexedDB, bytes load far faster than 100,000
 * strings (and than one long string, which a single non-Latin letter makes two bytes a char).
 */
export interface StoredStrings {
  utf8: Uint8Array;
  /** String i is the decoded text's [starts[i] .. starts[i + 1]) (UTF-16 positions). */
  starts: Int32Array;
}

/** StoredStrings, decoded once for use. */
export interface PackedStrings {
  text: string;
  starts: Int32Array;
}

export function packStrings(list: string[]): StoredStrings {
  const starts = new Int32Array(list.length + 1);
  let at = 0;
  list.forEach((item, i) => {
    starts[i] = at;
    at += item.length;
  });
  starts[list.length] = at;
  return { utf8: new TextEncoder().encode(list.join('')), starts };
}

export function unpackStrings(stored: StoredStrings): PackedStrings {
  return { text: new TextDecoder().decode(stored.utf8), starts: stored.starts };
}

export function stringAt(packed: PackedStrings, i: number): string {
  return packed.text.slice(packed.starts[i], packed.starts[i + 1]);
}

/** Doc n's list is codes[starts[n] .. starts[n + 1]). */
export interface PackedLists {
  starts: Int32Array;
  codes: Uint16Array;
}

export function packLists<T>(items: T[], codes: (item: T) => number[]): PackedLists {
  const starts = new Int32Array(items.length + 1);
  const all: number[] = [];
  items.forEach((item, doc) => {
    starts[doc] = all.length;
    for (const code of codes(item)) all.push(code);
  });
  starts[items.length] = all.length;
  return { starts, codes: Uint16Array.from(all) };
}

/**
 * One short code per doc for a value many docs share (an app, a currency, a source): the values
 * once, packed, and doc n's value is values[codes[n] - 1] (code 0: none). Codes above `max` (more
 * distinct values than the caller's code type holds) are 0 as well.
 */
export function codeValues(
  values: (string | null)[],
  max: number,
): { values: StoredStrings; distinct: string[]; codes: number[] } {
  const known = new Map<string, number>();
  const codes = values.map((value) => {
    if (value === null) return 0;
    let code = known.get(value);
    if (code === undefined) {
      if (known.size >= max) return 0;
      code = known.size + 1;
      known.set(value, code);
    }
    return code;
  });
  const distinct = [...known.keys()];
  return { values: packStrings(distinct), distinct, codes };
}
