/**
 * JSON text: reading it again, only on the way to an error (where a pointer is, which key repeats, what is
 * wrong), JSON pointers, a byte as an error message names it, and the canonical text that fingerprints a
 * value.
 */
import { Buffer } from 'node:buffer';
import type { Positie } from './types.js';

// Frames of the nesting, shared with the scanner's structure machine.
export const OBJ = 1;
export const ARR = 2;

export const LITERAL_BYTE: Uint8Array = new Uint8Array(256);
for (const c of '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+-.') LITERAL_BYTE[c.charCodeAt(0)] = 1;

export function segment(naam: string): string {
  return naam.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function segmenten(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** How many keys a parsed value has in all its objects: equal to the colons of its text unless a key repeats. */
export function telSleutels(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) n += telSleutels(v[i]);
    return n;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) n += 1 + telSleutels(o[k]);
  return n;
}

/** JSON with the keys of every object sorted: equal for values that are deeply equal. */
export function canoniek(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canoniek).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canoniek(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function teken(c: number): string {
  return c >= 0x20 && c < 0x7f
    ? `'${String.fromCharCode(c)}'`
    : `byte 0x${c.toString(16).toUpperCase().padStart(2, '0')}`;
}

function wit(t: string, i: number): number {
  for (;;) {
    const c = t.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
    else return i;
  }
}

/** End (after the closing quote) of the string that starts at i, or -1. */
function tekstEinde(t: string, i: number): number {
  for (let j = i + 1; j < t.length; j++) {
    const c = t.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c === 0x5c) j++;
  }
  return -1;
}

/** End of the (valid) value that starts at i. */
function waardeEinde(t: string, i: number): number {
  let diepte = 0;
  let j = i;
  do {
    const c = t.charCodeAt(j);
    if (c === 0x22) j = tekstEinde(t, j);
    else if (c === 0x7b || c === 0x5b) {
      diepte++;
      j++;
    } else if (c === 0x7d || c === 0x5d) {
      diepte--;
      j++;
    } else if (diepte === 0) {
      while (j < t.length && LITERAL_BYTE[t.charCodeAt(j)] === 1) j++;
    } else j++;
    if (j < 0) return t.length;
  } while (diepte > 0 && j < t.length);
  return j;
}

/**
 * Where the value at a pointer (segments) starts in a valid JSON text; with `sleutel`, where that key of the
 * object there starts. A repeated key counts at its last occurrence, as JSON.parse keeps the last value.
 */
export function zoek(t: string, segs: readonly string[], sleutel?: string, eerste = false): number {
  let i = wit(t, 0);
  const stappen = sleutel === undefined ? segs : [...segs, sleutel];
  for (let s = 0; s < stappen.length; s++) {
    const seg = stappen[s]!;
    const c = t.charCodeAt(i);
    if (c === 0x7b) {
      let j = wit(t, i + 1);
      let gevonden = -1;
      let sleutelPlek = -1;
      while (t.charCodeAt(j) === 0x22) {
        const eind = tekstEinde(t, j);
        if (eind < 0) return i;
        let naam: unknown = t.slice(j + 1, eind - 1);
        if ((naam as string).includes('\\')) {
          try {
            naam = JSON.parse(t.slice(j, eind));
          } catch {
            return i;
          }
        }
        const waarde = wit(t, wit(t, eind) + 1);
        if (naam === seg) {
          gevonden = waarde;
          sleutelPlek = j;
          if (eerste) break;
        }
        j = wit(t, waardeEinde(t, waarde));
        if (t.charCodeAt(j) === 0x2c) j = wit(t, j + 1);
      }
      if (gevonden < 0) return i;
      if (sleutel !== undefined && s === stappen.length - 1) return sleutelPlek;
      i = gevonden;
    } else if (c === 0x5b) {
      const n = Number(seg);
      if (!Number.isInteger(n) || n < 0) return i;
      let j = wit(t, i + 1);
      for (let k = 0; k < n; k++) {
        if (t.charCodeAt(j) === 0x5d || j >= t.length) return i;
        j = wit(t, waardeEinde(t, j));
        if (t.charCodeAt(j) === 0x2c) j = wit(t, j + 1);
      }
      if (t.charCodeAt(j) === 0x5d) return i;
      i = j;
    } else return i;
  }
  return i;
}

/** The first syntax error of a JSON text, with a message in words. */
export function syntaxFout(t: string): { index: number; message: string } | undefined {
  const stapel: number[] = [];
  const W = 0;
  const WE = 1;
  const SE = 2;
  const S = 3;
  const DP = 4;
  const NA = 5;
  const KLAAR = 6;
  let toestand = W;
  let i = 0;
  const na = () => (stapel.length === 0 ? KLAAR : NA);
  for (;;) {
    i = wit(t, i);
    if (i >= t.length)
      return toestand === KLAAR ? undefined : { index: i, message: 'de JSON houdt op voordat hij af is' };
    const c = t.charCodeAt(i);
    if (toestand === W || toestand === WE) {
      if (c === 0x5d && toestand === WE) {
        stapel.pop();
        i++;
        toestand = na();
      } else if (c === 0x7b) {
        stapel.push(OBJ);
        i++;
        toestand = SE;
      } else if (c === 0x5b) {
        stapel.push(ARR);
        i++;
        toestand = WE;
      } else if (c === 0x22) {
        const r = leesTekst(t, i);
        if (typeof r !== 'number') return r;
        i = r;
        toestand = na();
      } else {
        const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
        m.lastIndex = i;
        const r = m.exec(t);
        if (!r || LITERAL_BYTE[t.charCodeAt(i + r[0].length)] === 1) {
          let j = i;
          while (LITERAL_BYTE[t.charCodeAt(j)] === 1) j++;
          return {
            index: i,
            message:
              j > i
                ? `ongeldige waarde ${t.slice(i, Math.min(j, i + 40))}`
                : `onverwacht teken ${teken(c)}; verwacht een waarde`,
          };
        }
        i += r[0].length;
        toestand = na();
      }
    } else if (toestand === SE || toestand === S) {
      if (c === 0x7d && toestand === SE) {
        stapel.pop();
        i++;
        toestand = na();
      } else if (c === 0x22) {
        const r = leesTekst(t, i);
        if (typeof r !== 'number') return r;
        i = r;
        toestand = DP;
      } else
        return { index: i, message: `onverwacht teken ${teken(c)}; verwacht een veldnaam tussen aanhalingstekens` };
    } else if (toestand === DP) {
      if (c !== 0x3a) return { index: i, message: `onverwacht teken ${teken(c)}; verwacht ':'` };
      i++;
      toestand = W;
    } else if (toestand === NA) {
      const top = stapel[stapel.length - 1];
      if (c === 0x2c) {
        i++;
        toestand = top === OBJ ? S : W;
      } else if ((c === 0x7d && top === OBJ) || (c === 0x5d && top === ARR)) {
        stapel.pop();
        i++;
        toestand = na();
      } else return { index: i, message: `onverwacht teken ${teken(c)}; verwacht ',' of '${top === OBJ ? '}' : ']'}'` };
    } else return { index: i, message: `onverwacht teken ${teken(c)} na het einde van de waarde` };
  }
}

function leesTekst(t: string, i: number): number | { index: number; message: string } {
  for (let j = i + 1; j < t.length; j++) {
    const c = t.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20)
      return {
        index: j,
        message: 'een tekst bevat een stuurteken (zoals een tab of regeleinde) dat niet als \\-code geschreven is',
      };
    if (c === 0x5c) {
      const d = t.charCodeAt(j + 1);
      if (d === 0x75) {
        if (!/^[0-9a-fA-F]{4}$/.test(t.slice(j + 2, j + 6)))
          return { index: j, message: 'ongeldige \\u-code in een tekst' };
        j += 5;
      } else if ('"\\/bfnrt'.includes(String.fromCharCode(d)) && !Number.isNaN(d)) j++;
      else return { index: j, message: 'ongeldige \\-code in een tekst' };
    }
  }
  return { index: t.length, message: 'een tekst wordt niet afgesloten' };
}

/** Keys that repeat within one object of a valid JSON text: the pointer of the object, the key and both places. */
export function dubbeleSleutels(t: string): { object: string[]; sleutel: string; index: number; eerste: number }[] {
  const result: { object: string[]; sleutel: string; index: number; eerste: number }[] = [];
  const pad: string[] = [];
  const frames: { obj: boolean; sleutels: Map<string, number> | null; index: number }[] = [];
  /** Reads the key at `i` of an object: a repeated one is recorded, the key becomes the path's last step; returns where its value starts. */
  const sleutel = (f: (typeof frames)[number], i: number): number => {
    const eind = tekstEinde(t, i);
    const naam = JSON.parse(t.slice(i, eind)) as string;
    const eerste = f.sleutels!.get(naam);
    if (eerste !== undefined) result.push({ object: [...pad], sleutel: naam, index: i, eerste });
    else f.sleutels!.set(naam, i);
    pad.push(naam);
    return wit(t, wit(t, eind) + 1);
  };
  let i = wit(t, 0);
  // At a value.
  for (;;) {
    const c = t.charCodeAt(i);
    let klaar = true;
    if (c === 0x7b || c === 0x5b) {
      frames.push({ obj: c === 0x7b, sleutels: c === 0x7b ? new Map() : null, index: 0 });
      i = wit(t, i + 1);
      klaar = t.charCodeAt(i) === (c === 0x7b ? 0x7d : 0x5d);
      if (klaar) i++;
    } else if (c === 0x22) i = tekstEinde(t, i);
    else i = waardeEinde(t, i);
    if (!klaar) {
      const f = frames[frames.length - 1]!;
      if (f.obj) i = sleutel(f, i);
      else pad.push('0');
      continue;
    }
    // After a value: the next one, or the end of containers.
    for (;;) {
      if (frames.length === 0) return result;
      i = wit(t, i);
      const f = frames[frames.length - 1]!;
      if (t.charCodeAt(i) === 0x2c) {
        i = wit(t, i + 1);
        pad.pop();
        if (f.obj) i = sleutel(f, i);
        else pad.push(String(++f.index));
        break;
      }
      // Closing bracket.
      i++;
      frames.pop();
      if (frames.length > 0) pad.pop();
    }
  }
}

/** Position of text[idx], counting from text[van] at position `p` (column `p.column` from 1). */
export function inTekst(t: string, van: number, idx: number, p: Positie, ascii: boolean): Positie {
  let line = p.line;
  let laatste = -1;
  for (let k = t.indexOf('\n', van); k !== -1 && k < idx; k = t.indexOf('\n', k + 1)) {
    line++;
    laatste = k;
  }
  const column = laatste < 0 ? p.column + (idx - van) : idx - laatste;
  const bytes = ascii ? idx - van : Buffer.from(t.slice(van, idx), 'utf8').length;
  return { offset: p.offset + bytes, line, column };
}
