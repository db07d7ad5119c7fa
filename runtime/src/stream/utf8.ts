/**
 * UTF-8 byte by byte, for the scanner: where a sequence is not well-formed, whether the last bytes of a chunk
 * can begin a character that the next chunk completes, and how many UTF-16 code units (the columns editors
 * show) some bytes make.
 */

/** UTF-16 code units of the UTF-8 bytes b[a..e). */
export function units(b: Uint8Array, a: number, e: number): number {
  let n = 0;
  for (let i = a; i < e; i++) {
    const c = b[i]!;
    if ((c & 0xc0) !== 0x80) n += c >= 0xf0 ? 2 : 1;
  }
  return n;
}

export function sequentieLengte(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
}

/** Index of the first byte that is not well-formed UTF-8 (Unicode, table 3-7), or -1. */
export function ongeldigeUtf8(b: Uint8Array, a: number, e: number): number {
  let i = a;
  while (i < e) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= e) return i;
      const d = b[i + k]!;
      if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** Whether the bytes can begin a well-formed character of more bytes (a valid lead and valid continuations). */
export function isUtf8Begin(b: Uint8Array): boolean {
  const c = b[0]!;
  const n = sequentieLengte(c);
  if (c < 0xc2 || c > 0xf4 || b.length >= n) return false;
  for (let k = 1; k < b.length; k++) {
    const d = b[k]!;
    const lo = k === 1 ? (c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80) : 0x80;
    const hi = k === 1 ? (c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf) : 0xbf;
    if (d < lo || d > hi) return false;
  }
  return true;
}
