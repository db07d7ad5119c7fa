/**
 * Streaming validation of a delivery of any size, the same for every model: the model's plan says where
 * the records are (each Vroegsignaal, each Schuldhulptraject), and the precompiled validators check each
 * part as it arrives.
 *
 * Two halves, connected by a small set of events (Ontvanger):
 * - the Scanner runs over the bytes. Outside the records it is a full JSON state machine (the envelope:
 *   the message and each Levering, their keys, their nesting) that copies the envelope's bytes aside, each
 *   streamed list replaced by `[]`. Inside a record list it only finds where each record begins and ends
 *   (strings, escapes, brackets) and counts its keys and lines;
 * - the Controleur parses each record's bytes with `JSON.parse` (native speed), validates it with its
 *   precompiled validator, runs the model's rules, and keeps only what the checks across records need:
 *   the keys per Levering and the references still open.
 * In one thread the Scanner calls the Controleur directly (StreamValidator, for feeding chunk by chunk); with
 * a worker thread the Scanner reads and scans on one core while the Controleur validates on the other.
 *
 * Every error carries its JSON pointer, the line and column in the file (columns in UTF-16 code units, as
 * editors count them) and a message in the model's terms. Memory is bounded by the largest record or
 * envelope part (`maxRecordBytes`), the keys of one Levering and the errors kept (`maxErrors`), not by the
 * size of the file.
 */
import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { controleer, type Fout, type Pad, type Regels, type UniekRegel, type VerwijzingRegel } from './controles.js';
import type { SchemaFout } from './schema-validator.js';

/** A list whose items are streamed, by its path (property names) from the value of the unit it lies in. */
export interface LijstPlan {
  readonly pad: readonly string[];
  /** The unit of each item. */
  readonly eenheid: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
}

/** A part of the message that is validated as one value: the envelope, each Levering, each record. */
export interface EenheidPlan {
  readonly pad: readonly string[];
  readonly naam: string;
  readonly validator: string;
  readonly ouder: number;
  /** No streamed lists inside: found by the fast scanner and parsed whole. */
  readonly record: boolean;
  readonly lijsten: readonly LijstPlan[];
  /** An enclosing streamed list must have unique items. */
  readonly vingerafdruk: boolean;
}

export interface StreamPlan {
  readonly eenheden: readonly EenheidPlan[];
}

export type EenheidValidator = ((data: unknown) => boolean) & { errors?: SchemaFout[] | null };

/** An error of the streaming validator: where it is in the message and in the file, and what is wrong. */
export interface StreamFout extends Fout {
  /** Line in the file, from 1. */
  line: number;
  /** Column in the line, from 1, in UTF-16 code units (as editors count). */
  column: number;
  /** Byte offset in the file. */
  offset: number;
}

export interface Voortgang {
  bytes: number;
  records: number;
}

export interface StreamOpties {
  /** Stop after this many errors (default 1000). */
  maxErrors?: number;
  /** Largest record, and largest envelope part (a Levering without its records), in bytes (default 16 MiB). */
  maxRecordBytes?: number;
  /** Deepest nesting of arrays and objects (default 128, at most 1000). */
  maxDepth?: number;
  /** Called after each chunk. */
  onProgress?: (voortgang: Voortgang) => void;
  /** validateFile and validateStream: read and scan in a worker thread while validating in this one (default true). */
  worker?: boolean;
  /**
   * With a worker: who validates the records. `balans` (default): the worker takes over chunks while this
   * thread is the busier one; `werker` and `hoofd` force one side (for tests and measurements).
   */
  verdeling?: 'balans' | 'werker' | 'hoofd';
}

export interface StreamResultaat {
  valid: boolean;
  /** Every error found, in the order of the file. */
  errors: StreamFout[];
  /** Bytes read. */
  bytes: number;
  /** Records read (each item of a streamed list that is parsed whole). */
  records: number;
  /** Why validation stopped before the end: too many errors, or input that cannot be read further as JSON. */
  stopped?: 'max-errors' | 'fatal';
}

export interface Positie {
  offset: number;
  line: number;
  /** From 1. */
  column: number;
}

export interface Segment {
  /** Byte offset in the captured envelope bytes. */
  byte: number;
  pos: Positie;
}

/** The records the scanner found in a chunk, by their byte ranges in it. */
export interface RecordReeks {
  start: Int32Array;
  end: Int32Array;
  colons: Int32Array;
  line: Float64Array;
  /** 0-based column of the record's first byte. */
  column: Float64Array;
  index: Float64Array;
}

/** What the scanner reports, in the order of the file. */
export interface Ontvanger {
  gestopt(): boolean;
  fout(f: Fout, p: Positie, fataal: boolean): void;
  /** A unit (the message, a Levering) begins: an item of list `lijst` (-1 for the message). */
  eenheid(id: number, plan: number, lijst: number, item: number, start: Positie): void;
  /** Its envelope bytes, streamed lists as `[]`; null when it was too large (already reported). */
  eenheidKlaar(id: number, bytes: Uint8Array | null, segmenten: readonly Segment[]): void;
  /** A streamed list begins: the `plan`-th list of unit `eigenaar`. */
  lijst(id: number, eigenaar: number, plan: number, start: Positie): void;
  /**
   * It ends; `digest`: hash of its records' bytes, when an enclosing list must have unique items (null when
   * the bytes can be read again later: from `van` to `tot` in the file).
   */
  lijstKlaar(id: number, count: number, digest: string | null, van: number, tot: number): void;
  records(lijst: number, chunk: Uint8Array, abs: number, ascii: boolean, n: number, reeks: RecordReeks): void;
  /** A record that ran over chunks, as one piece. */
  record(lijst: number, index: number, bytes: Uint8Array, ascii: boolean, p: Positie, colons: number): void;
  teGroot(lijst: number, index: number, p: Positie): void;
}

interface OpenVerwijzing {
  waarde: string | number;
  sleutel: string;
  pointer: string;
  pos: Positie;
  regel: VerwijzingRegel;
  pad: string;
}

/** Keys that a unit contributes to the checks of an enclosing scope (each Levering). */
interface SleutelBijdrage {
  scope: number;
  rel: Pad;
  pad: string;
  uniek: UniekRegel | null;
  /** The first occurrence is kept as the item's index, the pointer made again when needed. */
  compact: boolean;
  lijstPointer: string;
  relPointer: string;
}

interface VerwijzingBijdrage {
  scope: number;
  rel: Pad;
  pad: string;
  regel: VerwijzingRegel;
}

interface EenheidRegels {
  lokaal: Regels | null;
  sleutels: SleutelBijdrage[];
  verwijzingen: VerwijzingBijdrage[];
  /** Pads of the keys this unit keeps as a scope. */
  scopePaden: string[];
}

// Frames of the structure machine.
const OBJ = 1;
const ARR = 2;
/** A streamed list whose items are units (Leveringen). */
const LIJST = 3;
/** A streamed list whose items are records. */
const RLIJST = 4;

// States of the structure machine.
const S_BEGIN = 0;
const S_WAARDE = 1;
const S_WAARDE_OF_EIND = 2;
const S_SLEUTEL_OF_EIND = 3;
const S_SLEUTEL = 4;
const S_DUBBELE_PUNT = 5;
const S_NA_WAARDE = 6;
const S_KLAAR = 7;
const S_TEKST = 8;
const S_LITERAL = 9;
const S_RECORDS = 10;

// Phases of the record scanner.
const R_ITEM_OF_EIND = 0;
const R_NA_ITEM = 1;
const R_ITEM = 2;
const R_CONTAINER = 3;
const R_LITERAL = 4;

const LITERAL_BYTE = new Uint8Array(256);
for (const c of '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+-.') LITERAL_BYTE[c.charCodeAt(0)] = 1;
const LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;
const EMPTY = Buffer.alloc(0);
const GEEN: readonly number[] = [];
const MAX_SLEUTEL = 1 << 20;
const MAX_LITERAL = 4096;
const CHUNK = 1 << 20;

function segment(naam: string): string {
  return naam.replace(/~/g, '~0').replace(/\//g, '~1');
}

function segmenten(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** UTF-16 code units of the UTF-8 bytes b[a..e). */
function units(b: Uint8Array, a: number, e: number): number {
  let n = 0;
  for (let i = a; i < e; i++) {
    const c = b[i]!;
    if ((c & 0xc0) !== 0x80) n += c >= 0xf0 ? 2 : 1;
  }
  return n;
}

function sequentieLengte(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
}

/** Index of the first byte that is not well-formed UTF-8 (Unicode, table 3-7), or -1. */
function ongeldigeUtf8(b: Uint8Array, a: number, e: number): number {
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
function isUtf8Begin(b: Uint8Array): boolean {
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

/** How many keys a parsed value has in all its objects: equal to the colons of its text unless a key repeats. */
function telSleutels(v: unknown): number {
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
function canoniek(v: unknown): string {
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

/** Own property, never one from the prototype (a `__proto__` key of the input is an own property too). */
function eigen(v: unknown, naam: string): unknown {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, naam) ? (v as Record<string, unknown>)[naam] : undefined;
}

/**
 * Every string or number at `pad` below `v` (`*`: each item of a list), with the indices of its `*` steps in
 * `idx`: what doorloop() of the checks yields, without building a pointer for each value.
 */
function sleutelsOp(v: unknown, pad: Pad, k: number, idx: number[], f: (w: string | number, idx: number[]) => void): void {
  for (; k < pad.length; k++) {
    const seg = pad[k]!;
    if (seg === '*') {
      if (!Array.isArray(v)) return;
      for (let i = 0; i < v.length; i++) {
        idx.push(i);
        sleutelsOp(v[i], pad, k + 1, idx, f);
        idx.pop();
      }
      return;
    }
    v = eigen(v, seg);
    if (v === undefined) return;
  }
  if (typeof v === 'string' || typeof v === 'number') f(v, idx);
}

function padPointer(pad: Pad, idx: readonly number[]): string {
  let p = '';
  let j = 0;
  for (const s of pad) p += s === '*' ? `/${idx[j++]}` : `/${segment(s)}`;
  return p;
}

/** Whether a rule within one unit may be broken: cheap, never misses; controleer() then says exactly what is wrong. */
function mogelijkGebroken(v: unknown, regels: Regels): boolean {
  if (regels.uniek.length > 0 || regels.verwijzingen.length > 0) return true;
  for (const r of regels.datumvolgorde) if (objectenOp(v, r.object, 0, r, datumFout)) return true;
  for (const r of regels.voorwaarden) if (objectenOp(v, r.object, 0, r, voorwaardeFout)) return true;
  return false;
}

function objectenOp<R>(v: unknown, pad: Pad, k: number, r: R, f: (o: unknown, r: R) => boolean): boolean {
  for (; k < pad.length; k++) {
    const seg = pad[k]!;
    if (seg === '*') {
      if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i++) if (objectenOp(v[i], pad, k + 1, r, f)) return true;
      return false;
    }
    v = eigen(v, seg);
    if (v === undefined) return false;
  }
  return f(v, r);
}

function datumFout(o: unknown, r: Regels['datumvolgorde'][number]): boolean {
  const vroegste = eigen(o, r.vroegste);
  const laatste = eigen(o, r.laatste);
  return typeof vroegste === 'string' && typeof laatste === 'string' && laatste < vroegste;
}

function voorwaardeFout(o: unknown, r: Regels['voorwaarden'][number]): boolean {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
  const vereist = eigen(o, r.vereist);
  return eigen(o, r.als) === r.waarde && (vereist === undefined || vereist === null || vereist === '');
}

function teken(c: number): string {
  return c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16).toUpperCase().padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------
// Reading a JSON text again, only on the way to an error: where a pointer is, which key repeats, what is wrong.

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
function zoek(t: string, segs: readonly string[], sleutel?: string, eerste = false): number {
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
function syntaxFout(t: string): { index: number; message: string } | undefined {
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
    if (i >= t.length) return toestand === KLAAR ? undefined : { index: i, message: 'de JSON houdt op voordat hij af is' };
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
          return { index: i, message: j > i ? `ongeldige waarde ${t.slice(i, Math.min(j, i + 40))}` : `onverwacht teken ${teken(c)}; verwacht een waarde` };
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
      } else return { index: i, message: `onverwacht teken ${teken(c)}; verwacht een veldnaam tussen aanhalingstekens` };
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
    if (c < 0x20) return { index: j, message: 'een tekst bevat een stuurteken (zoals een tab of regeleinde) dat niet als \\-code geschreven is' };
    if (c === 0x5c) {
      const d = t.charCodeAt(j + 1);
      if (d === 0x75) {
        if (!/^[0-9a-fA-F]{4}$/.test(t.slice(j + 2, j + 6))) return { index: j, message: 'ongeldige \\u-code in een tekst' };
        j += 5;
      } else if ('"\\/bfnrt'.includes(String.fromCharCode(d)) && !Number.isNaN(d)) j++;
      else return { index: j, message: 'ongeldige \\-code in een tekst' };
    }
  }
  return { index: t.length, message: 'een tekst wordt niet afgesloten' };
}

/** Keys that repeat within one object of a valid JSON text: the pointer of the object, the key and both places. */
function dubbeleSleutels(t: string): { object: string[]; sleutel: string; index: number; eerste: number }[] {
  const result: { object: string[]; sleutel: string; index: number; eerste: number }[] = [];
  const pad: string[] = [];
  const frames: { obj: boolean; sleutels: Map<string, number> | null; index: number }[] = [];
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
      if (f.obj) {
        const eind = tekstEinde(t, i);
        const naam = JSON.parse(t.slice(i, eind)) as string;
        const eerste = f.sleutels!.get(naam);
        if (eerste !== undefined) result.push({ object: [...pad], sleutel: naam, index: i, eerste });
        else f.sleutels!.set(naam, i);
        pad.push(naam);
        i = wit(t, wit(t, eind) + 1);
      } else pad.push('0');
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
        if (f.obj) {
          const eind = tekstEinde(t, i);
          const naam = JSON.parse(t.slice(i, eind)) as string;
          const eerste = f.sleutels!.get(naam);
          if (eerste !== undefined) result.push({ object: [...pad], sleutel: naam, index: i, eerste });
          else f.sleutels!.set(naam, i);
          pad.push(naam);
          i = wit(t, wit(t, eind) + 1);
        } else pad.push(String(++f.index));
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
function inTekst(t: string, van: number, idx: number, p: Positie, ascii: boolean): Positie {
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

// ---------------------------------------------------------------------------------------------------------

interface ScanEenheid {
  id: number;
  plan: EenheidPlan;
  index: number;
  pointer: string;
  /** Frame depth of its container; -1 for a value that is not a container. */
  diepte: number;
  delen: Uint8Array[];
  bytes: number;
  segmenten: Segment[];
  teGroot: boolean;
  start: Positie;
}

interface ScanLijst {
  id: number;
  plan: LijstPlan;
  kind: EenheidPlan;
  pointer: string;
  count: number;
  hash: Hash | null;
  /** Absolute offset of its first byte after `[`. */
  van: number;
}

/** The scanner's limits; `herleesbaar`: the input is a file that can be read again (no hash of the records' bytes needed). */
export type ScanOpties = Pick<StreamOpties, 'maxRecordBytes' | 'maxDepth'> & { herleesbaar?: boolean };

/** Finds the parts of a delivery in its bytes, chunk by chunk, and reports them to an Ontvanger. */
export class Scanner {
  private readonly eenheden: readonly EenheidPlan[];
  private readonly maxRecordBytes: number;
  private readonly maxDepth: number;
  private readonly herleesbaar: boolean;
  private stop = false;
  bytes = 0;
  records = 0;
  private kop: Buffer | null = null;
  private begonnen = false;
  private utf8Rest: Buffer | null = null;
  private utf8RestOffset = 0;
  private volgnummer = 0;

  // Where the scanner is: the chunk, the line and the column bookkeeping.
  private chunk: Buffer = EMPTY;
  private chunkAbs = 0;
  private chunkAscii = true;
  private line = 1;
  private lineStart = 0;
  /** Columns from the start of the line that runs into this chunk, to the chunk's start. */
  private carry = 0;
  private kLine = -1;
  private kPos = -1;
  private kChars = 0;

  // The structure machine.
  private state = S_BEGIN;
  private depth = 0;
  private readonly kind: Uint8Array;
  private readonly fSleutels: (Map<string, Positie> | null)[] = [];
  private readonly fSleutel: string[] = [];
  private readonly fIndex: number[] = [];
  private readonly fEenheid: (ScanEenheid | null)[] = [];
  private readonly fLijst: (ScanLijst | null)[] = [];
  private tSleutel = false;
  private tEsc = false;
  private tVan = 0;
  private tDelen: Uint8Array[] = [];
  private tBytes = 0;
  private tPos: Positie = { offset: 0, line: 1, column: 1 };
  private lit = '';
  private scalair: ScanEenheid | null = null;
  private cap: ScanEenheid | null = null;
  private capVan = -1;
  private readonly capStapel: ScanEenheid[] = [];

  // The record scanner.
  private rLijst: ScanLijst | null = null;
  private rFase = R_ITEM_OF_EIND;
  private rDepth = 0;
  private rStr = false;
  private rEsc = false;
  private rColons = 0;
  private rStart = -1;
  private rLine = 0;
  private rLineStart = 0;
  private rIndex = 0;
  private rOffset = 0;
  private rCol = 0;
  private rDelen: Uint8Array[] | null = null;
  private rBytes = 0;
  private rTeGroot = false;
  private hashVan = -1;

  // Records found in the current chunk, reported together.
  private reeks: RecordReeks = nieuweReeks(4096);
  private bN = 0;
  private bLijst: ScanLijst | null = null;
  private readonly bLineStart: Float64Array[] = [new Float64Array(4096)];

  constructor(
    plan: StreamPlan,
    opties: ScanOpties,
    private readonly ontvanger: Ontvanger,
  ) {
    this.eenheden = plan.eenheden;
    this.herleesbaar = opties.herleesbaar === true;
    this.maxRecordBytes = Math.max(1024, opties.maxRecordBytes ?? 16 * 1024 * 1024);
    this.maxDepth = Math.min(1000, Math.max(2, opties.maxDepth ?? 128));
    this.kind = new Uint8Array(this.maxDepth + 1);
  }

  get gestopt(): boolean {
    return this.stop || this.ontvanger.gestopt();
  }

  /** Scans the next chunk; false when scanning has stopped. The chunk is not kept: it may be reused after. */
  write(input: Uint8Array): boolean {
    if (this.gestopt) return false;
    if (input.length > 0) this.verwerk(Buffer.from(input.buffer, input.byteOffset, input.byteLength), false);
    return !this.gestopt;
  }

  /** After the last chunk: reports what is left open (a truncated file, an empty one). */
  end(): void {
    if (this.kop && !this.gestopt) {
      const kop = this.kop;
      this.kop = null;
      this.verwerk(kop, true);
    }
    if (!this.gestopt) this.einde();
  }

  private verwerk(input: Buffer, laatste: boolean): void {
    let b = input;
    let van = 0;
    if (!this.begonnen) {
      if (this.kop) {
        b = Buffer.concat([this.kop, b]);
        this.kop = null;
      }
      // A byte order mark needs up to three bytes to be recognised.
      if (!laatste && b.length < 3 && (b[0] === 0xef || b[0] === 0xfe || b[0] === 0xff)) {
        this.kop = Buffer.from(b);
        return;
      }
      this.begonnen = true;
      van = this.bom(b);
      if (this.gestopt) return;
    }
    this.chunk = b;
    this.chunkAbs = this.bytes;
    this.chunkAscii = isAscii(b);
    const fout = this.chunkAscii && !this.utf8Rest ? -1 : this.utf8(b, van);
    if (fout === -2) {
      // The character begun at the end of the previous chunk: on the line where that chunk ended.
      const rest = this.utf8Rest!;
      this.fataal(
        { path: this.pointerHier() || '/', element: '', message: `ongeldige UTF-8 (${teken(rest[0]!)}): een JSON-bestand moet in UTF-8 zijn` },
        { offset: this.utf8RestOffset, line: this.line, column: this.carry - units(rest, 0, rest.length) + 1 },
      );
      this.chunk = EMPTY;
      return;
    }
    this.scan(b, van, fout < 0 ? b.length : fout);
    if (fout >= 0 && !this.gestopt) {
      this.flush();
      this.fataal({ path: this.pointerHier() || '/', element: '', message: `ongeldige UTF-8 (${teken(b[fout]!)}): een JSON-bestand moet in UTF-8 zijn` }, this.pos(fout));
    }
    if (!this.gestopt) this.chunkEinde(b);
    this.bytes += b.length;
    this.chunk = EMPTY;
  }

  private fout(f: Fout, p: Positie): void {
    this.ontvanger.fout(f, p, false);
  }

  private fataal(f: Fout, p: Positie): void {
    if (this.gestopt) return;
    this.ontvanger.fout(f, p, true);
    this.stop = true;
  }

  private einde(): void {
    const eindPos: Positie = { offset: this.bytes, line: this.line, column: (this.lineStart >= this.bytes ? 0 : this.carry) + 1 };
    if (this.utf8Rest) {
      this.fataal({ path: '/', element: '', message: 'ongeldige UTF-8: het bestand houdt op midden in een teken' }, { ...eindPos, offset: this.utf8RestOffset });
      return;
    }
    this.chunk = EMPTY;
    this.chunkAbs = this.bytes;
    this.capVan = -1;
    if (this.state === S_LITERAL && this.depth === 0) {
      if (!LITERAL.test(this.lit)) {
        this.fataal({ path: '/', element: '', message: `geen geldige JSON: ongeldige waarde ${this.lit.slice(0, 40)}` }, this.tPos);
        return;
      }
      this.waardeKlaar(0);
    }
    if (this.state === S_KLAAR) return;
    if (this.state === S_BEGIN) {
      this.fataal({ path: '/', element: '', message: this.bytes === 0 ? 'het bestand is leeg: er staat geen JSON in' : 'het bestand bevat alleen witruimte: er staat geen JSON in' }, eindPos);
      return;
    }
    let wat: string;
    let path = this.pointerHier();
    if (this.state === S_RECORDS && this.rFase >= R_CONTAINER) {
      const lijst = this.rLijst!;
      path = `${lijst.pointer}/${this.rIndex}`;
      wat = `midden in ${lijst.kind.naam} ${path} (begonnen op regel ${this.rLine}, kolom ${this.rCol + 1})`;
    } else if (this.state === S_TEKST) wat = 'midden in een tekst';
    else {
      let sluiters = '';
      for (let d = this.depth - 1; d >= 0; d--) sluiters += this.kind[d] === OBJ ? '}' : ']';
      wat = `voordat de JSON af is (er ontbreekt nog ${sluiters.length === 0 ? 'een waarde' : `'${sluiters}'`})`;
    }
    this.fataal({ path: path || '/', element: '', message: `het bestand houdt op ${wat}: de JSON is afgebroken` }, eindPos);
  }

  private bom(b: Buffer): number {
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      this.fout({ path: '/', element: '', message: 'het bestand begint met een byte order mark (BOM); JSON mag die niet hebben (RFC 8259): sla het op als UTF-8 zonder BOM' }, { offset: 0, line: 1, column: 1 });
      this.lineStart = 3;
      return 3;
    }
    if ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0xff && b[1] === 0xfe)) {
      this.fataal({ path: '/', element: '', message: 'het bestand is in UTF-16; een JSON-bestand moet in UTF-8 zijn' }, { offset: 0, line: 1, column: 1 });
    }
    return 0;
  }

  /**
   * Checks the chunk's UTF-8 (a character may run over into the next chunk): -1 when it is fine, the index
   * of the first bad byte, or -2 when the character begun at the end of the previous chunk is bad.
   */
  private utf8(b: Buffer, van: number): number {
    let a = van;
    if (this.utf8Rest) {
      const rest = this.utf8Rest;
      const nodig = sequentieLengte(rest[0]!) - rest.length;
      const samen = Buffer.concat([rest, b.subarray(a, a + nodig)]);
      if (samen.length < rest.length + nodig) {
        if (!isUtf8Begin(samen)) return -2;
        this.utf8Rest = samen;
        return -1;
      }
      if (!isUtf8(samen)) return -2;
      this.utf8Rest = null;
      a += nodig;
    }
    let e = b.length;
    let k = e - 1;
    while (k > a && e - k < 4 && (b[k]! & 0xc0) === 0x80) k--;
    // A lead byte at the end that a character of more bytes starts with: the rest comes in the next chunk.
    if (k >= a && b[k]! >= 0xc2 && b[k]! <= 0xf4 && sequentieLengte(b[k]!) > e - k && isUtf8Begin(b.subarray(k, e))) e = k;
    if (!isUtf8(b.subarray(a, e))) {
      const i = ongeldigeUtf8(b, a, e);
      return i < 0 ? a : i;
    }
    if (e < b.length) {
      this.utf8Rest = Buffer.from(b.subarray(e));
      this.utf8RestOffset = this.bytes + e;
    }
    return -1;
  }

  /** 0-based column (UTF-16 units) of absolute byte `off` in the current chunk, on the line that starts at `ls`. */
  private kolom(ls: number, off: number): number {
    const c0 = this.chunkAbs;
    if (this.chunkAscii) return ls >= c0 ? off - ls : this.carry + (off - c0);
    let van = ls >= c0 ? ls : c0;
    let basis = ls >= c0 ? 0 : this.carry;
    if (this.kLine === ls && this.kPos >= van && this.kPos <= off) {
      van = this.kPos;
      basis = this.kChars;
    }
    const n = basis + units(this.chunk, van - c0, off - c0);
    this.kLine = ls;
    this.kPos = off;
    this.kChars = n;
    return n;
  }

  private pos(i: number): Positie {
    const off = this.chunkAbs + i;
    return { offset: off, line: this.line, column: this.kolom(this.lineStart, off) + 1 };
  }

  /** JSON pointer of where the structure machine is: the value being read, or the container when between values. */
  private pointerHier(): string {
    const st = this.state;
    const inWaarde = st === S_DUBBELE_PUNT || st === S_WAARDE || st === S_NA_WAARDE || st === S_LITERAL || (st === S_TEKST && !this.tSleutel);
    let p = '';
    for (let d = 0; d < this.depth; d++) {
      const k = this.kind[d];
      const laatste = d === this.depth - 1;
      if (k === OBJ) {
        if (!laatste || inWaarde) p += `/${segment(this.fSleutel[d] ?? '')}`;
      } else if (k === ARR) {
        if (!laatste || inWaarde) p += `/${this.fIndex[d]}`;
      } else {
        const lijst = this.fLijst[d]!;
        p = lijst.pointer;
        if (k === RLIJST && this.rFase >= R_CONTAINER) p += `/${this.rIndex}`;
        else if (lijst.count > 0 && (!laatste || inWaarde)) p += `/${lijst.count - 1}`;
      }
    }
    return p;
  }

  private scan(b: Buffer, i: number, n: number): void {
    while (i < n && !this.gestopt) {
      if (this.state === S_RECORDS) i = this.scanRecords(b, i, n);
      else if (this.state === S_TEKST) i = this.scanTekst(b, i, n);
      else if (this.state === S_LITERAL) i = this.scanLiteral(b, i, n);
      else i = this.scanStructuur(b, i, n);
    }
  }

  private syntax(i: number, message: string): number {
    this.flush();
    this.fataal({ path: this.pointerHier() || '/', element: this.cap?.plan.naam ?? '', message: `geen geldige JSON: ${message}` }, this.pos(i));
    return this.chunk.length;
  }

  private scanStructuur(b: Buffer, i: number, n: number): number {
    for (; i < n; i++) {
      const c = b[i]!;
      if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
      if (c === 0x0a) {
        this.line++;
        this.lineStart = this.chunkAbs + i + 1;
        continue;
      }
      break;
    }
    if (i >= n) return i;
    const c = b[i]!;
    switch (this.state) {
      case S_BEGIN:
        if (c !== 0x7b && c !== 0x5b && c !== 0x22 && c !== 0x2d && !(c >= 0x30 && c <= 0x39) && c !== 0x74 && c !== 0x66 && c !== 0x6e) {
          return this.syntax(i, `het bestand is geen JSON: het begint met ${teken(c)}`);
        }
        return this.waarde(b, i);
      case S_WAARDE_OF_EIND:
        if (c === 0x5d) return this.sluit(i);
        return this.waarde(b, i);
      case S_WAARDE:
        return this.waarde(b, i);
      case S_SLEUTEL_OF_EIND:
        if (c === 0x7d) return this.sluit(i);
      // falls through
      case S_SLEUTEL:
        if (c !== 0x22) return this.syntax(i, `onverwacht teken ${teken(c)}; verwacht een veldnaam tussen aanhalingstekens`);
        this.tSleutel = true;
        this.tEsc = false;
        this.tVan = i;
        this.tDelen = [];
        this.tBytes = 0;
        this.tPos = this.pos(i);
        this.state = S_TEKST;
        return i + 1;
      case S_DUBBELE_PUNT:
        if (c !== 0x3a) return this.syntax(i, `onverwacht teken ${teken(c)}; verwacht ':' na de veldnaam`);
        this.state = S_WAARDE;
        return i + 1;
      case S_NA_WAARDE: {
        const top = this.kind[this.depth - 1];
        if (c === 0x2c) {
          if (top === OBJ) this.state = S_SLEUTEL;
          else {
            this.fIndex[this.depth - 1]!++;
            this.state = S_WAARDE;
          }
          return i + 1;
        }
        if ((c === 0x7d && top === OBJ) || (c === 0x5d && top !== OBJ)) return this.sluit(i);
        return this.syntax(i, `onverwacht teken ${teken(c)}; verwacht ',' of '${top === OBJ ? '}' : ']'}'`);
      }
      case S_KLAAR:
        return this.syntax(i, `na het einde van het JSON-document staat nog ${teken(c)}`);
      default:
        return this.syntax(i, `onverwacht teken ${teken(c)}`);
    }
  }

  private push(k: number, i: number): boolean {
    if (this.depth >= this.maxDepth) {
      this.syntax(i, `te diep genest: meer dan ${this.maxDepth} niveaus van objecten en lijsten`);
      return false;
    }
    const d = this.depth++;
    this.kind[d] = k;
    this.fSleutels[d] = null;
    this.fIndex[d] = 0;
    this.fEenheid[d] = null;
    this.fLijst[d] = null;
    return true;
  }

  /** A value starts at b[i]. */
  private waarde(b: Buffer, i: number): number {
    const c = b[i]!;
    const d = this.depth;
    const top = d > 0 ? this.kind[d - 1] : 0;
    let eenheid: ScanEenheid | null = null;
    if (d === 0) eenheid = this.beginEenheid(0, null, i);
    else if (top === LIJST) eenheid = this.beginEenheid(this.fLijst[d - 1]!.plan.eenheid, this.fLijst[d - 1]!, i);
    else if (c === 0x5b && top === OBJ && this.cap && this.capVan >= 0) {
      const lp = this.zoekLijst();
      if (lp >= 0) return this.beginLijst(lp, i);
    }
    if (c === 0x7b || c === 0x5b) {
      if (!this.push(c === 0x7b ? OBJ : ARR, i)) return b.length;
      if (eenheid) {
        this.fEenheid[d] = eenheid;
        eenheid.diepte = d;
      }
      this.state = c === 0x7b ? S_SLEUTEL_OF_EIND : S_WAARDE_OF_EIND;
      return i + 1;
    }
    this.scalair = eenheid;
    if (c === 0x22) {
      this.tSleutel = false;
      this.tEsc = false;
      this.state = S_TEKST;
      return i + 1;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) {
      this.lit = '';
      this.tPos = this.pos(i);
      this.state = S_LITERAL;
      return i;
    }
    return this.syntax(i, `onverwacht teken ${teken(c)}; verwacht een waarde`);
  }

  /** The streamed list of the current unit the current key leads to: its index in the unit's plan, or -1. */
  private zoekLijst(): number {
    const u = this.cap!;
    if (u.diepte < 0) return -1;
    const rel = this.depth - u.diepte;
    const lijsten = u.plan.lijsten;
    for (let l = 0; l < lijsten.length; l++) {
      const lp = lijsten[l]!;
      if (lp.pad.length !== rel) continue;
      let ok = true;
      for (let k = 0; k < rel && ok; k++) ok = this.kind[u.diepte + k] === OBJ && this.fSleutel[u.diepte + k] === lp.pad[k];
      if (ok) return l;
    }
    return -1;
  }

  private scanTekst(b: Buffer, i: number, n: number): number {
    let esc = this.tEsc;
    let j = i;
    for (; j < n; j++) {
      const c = b[j]!;
      if (esc) {
        esc = false;
        if (c === 0x0a) {
          this.line++;
          this.lineStart = this.chunkAbs + j + 1;
        }
        continue;
      }
      if (c === 0x22) break;
      if (c === 0x5c) esc = true;
      else if (c === 0x0a) {
        this.line++;
        this.lineStart = this.chunkAbs + j + 1;
      }
    }
    this.tEsc = esc;
    if (j >= n) return n;
    if (this.tSleutel) {
      const stuk = b.subarray(this.tVan, j + 1);
      const bytes = this.tDelen.length > 0 ? Buffer.concat([...this.tDelen, stuk]) : stuk;
      this.tDelen = [];
      let naam: string;
      try {
        naam = JSON.parse(bytes.toString('utf8')) as string;
      } catch {
        this.flush();
        this.fataal({ path: this.pointerHier() || '/', element: '', message: 'geen geldige JSON: ongeldige veldnaam (een stuurteken of een ongeldige \\-code)' }, this.tPos);
        return n;
      }
      const d = this.depth - 1;
      const sleutels = (this.fSleutels[d] ??= new Map());
      const eerder = sleutels.get(naam);
      if (eerder) {
        this.fout(
          {
            path: `${this.pointerHier()}/${segment(naam)}`,
            element: this.cap?.plan.naam ?? '',
            message: `het veld "${naam}" staat twee keer in hetzelfde object (ook op regel ${eerder.line}, kolom ${eerder.column}); JSON.parse houdt alleen de laatste waarde`,
          },
          this.tPos,
        );
      } else sleutels.set(naam, this.tPos);
      this.fSleutel[d] = naam;
      this.state = S_DUBBELE_PUNT;
      return j + 1;
    }
    this.waardeKlaar(j + 1);
    return j + 1;
  }

  private scanLiteral(b: Buffer, i: number, n: number): number {
    let j = i;
    while (j < n && LITERAL_BYTE[b[j]!] === 1) j++;
    this.lit += b.toString('latin1', i, j);
    if (this.lit.length > MAX_LITERAL) return this.syntax(i, `een waarde van meer dan ${MAX_LITERAL} tekens zonder aanhalingstekens`);
    if (j >= n) return n;
    if (!LITERAL.test(this.lit)) {
      this.flush();
      this.fataal({ path: this.pointerHier() || '/', element: '', message: `geen geldige JSON: ongeldige waarde ${this.lit.slice(0, 40)}` }, this.tPos);
      return n;
    }
    this.waardeKlaar(j);
    return j;
  }

  /** A string or literal value ended before b[eind]. */
  private waardeKlaar(eind: number): void {
    this.state = this.depth === 0 ? S_KLAAR : S_NA_WAARDE;
    const u = this.scalair;
    if (u) {
      this.scalair = null;
      this.eindeEenheid(u, eind);
    }
  }

  private sluit(i: number): number {
    const d = this.depth - 1;
    const lijst = this.fLijst[d];
    const eenheid = this.fEenheid[d];
    this.depth = d;
    this.fSleutels[d] = null;
    this.fLijst[d] = null;
    this.fEenheid[d] = null;
    this.state = d === 0 ? S_KLAAR : S_NA_WAARDE;
    if (lijst) this.eindeLijst(lijst, i);
    if (eenheid) this.eindeEenheid(eenheid, i + 1);
    return i + 1;
  }

  // --- units and their captured envelope bytes

  private beginEenheid(index: number, lijst: ScanLijst | null, i: number): ScanEenheid {
    const item = lijst ? lijst.count++ : 0;
    const start = this.pos(i);
    const e: ScanEenheid = {
      id: this.volgnummer++,
      plan: this.eenheden[index]!,
      index,
      pointer: lijst ? `${lijst.pointer}/${item}` : '',
      diepte: -1,
      delen: [],
      bytes: 0,
      segmenten: [{ byte: 0, pos: start }],
      teGroot: false,
      start,
    };
    this.flush();
    this.ontvanger.eenheid(e.id, index, lijst ? lijst.id : -1, item, start);
    if (this.cap) this.capStapel.push(this.cap);
    this.cap = e;
    this.capVan = i;
    return e;
  }

  private vang(e: ScanEenheid, bytes: Uint8Array): void {
    if (e.teGroot || bytes.length === 0) return;
    if (e.bytes + bytes.length > this.maxRecordBytes) {
      e.teGroot = true;
      e.delen = [];
      this.fout(
        { path: e.pointer || '/', element: e.plan.naam, message: `${e.plan.naam} is te groot om te controleren: meer dan ${this.maxRecordBytes} bytes buiten de records (maxRecordBytes)` },
        e.start,
      );
      return;
    }
    e.delen.push(Buffer.from(bytes));
    e.bytes += bytes.length;
  }

  private capRun(eind: number): void {
    if (this.cap && this.capVan >= 0 && eind > this.capVan) this.vang(this.cap, this.chunk.subarray(this.capVan, eind));
    if (this.capVan >= 0) this.capVan = eind;
  }

  private beginLijst(l: number, i: number): number {
    const eigenaar = this.cap!;
    const lp = eigenaar.plan.lijsten[l]!;
    this.capRun(i);
    const start = this.pos(i);
    eigenaar.segmenten.push({ byte: eigenaar.bytes, pos: start });
    this.vang(eigenaar, Buffer.from('[]'));
    this.capVan = -1;
    const kind = this.eenheden[lp.eenheid]!;
    const lijst: ScanLijst = {
      id: this.volgnummer++,
      plan: lp,
      kind,
      pointer: eigenaar.pointer + lp.pad.map((s) => `/${segment(s)}`).join(''),
      count: 0,
      // The hash of the records' bytes, for the fingerprint of their unit; from a file that can be read again it
      // is made only when two units look alike (unless that fingerprint feeds another one).
      hash: kind.record && eigenaar.plan.vingerafdruk && (!this.herleesbaar || this.eenheden[eigenaar.plan.ouder]?.vingerafdruk === true) ? createHash('sha1') : null,
      van: this.chunkAbs + i + 1,
    };
    if (!this.push(kind.record ? RLIJST : LIJST, i)) return this.chunk.length;
    this.fLijst[this.depth - 1] = lijst;
    this.ontvanger.lijst(lijst.id, eigenaar.id, l, start);
    if (kind.record) {
      this.state = S_RECORDS;
      this.rLijst = lijst;
      this.rFase = R_ITEM_OF_EIND;
      if (lijst.hash) this.hashVan = i + 1;
    } else this.state = S_WAARDE_OF_EIND;
    return i + 1;
  }

  private eindeLijst(lijst: ScanLijst, i: number): void {
    this.flush();
    let digest: string | null = null;
    if (lijst.hash) {
      if (this.hashVan >= 0) lijst.hash.update(this.chunk.subarray(this.hashVan, i));
      digest = lijst.hash.digest('base64');
    }
    this.hashVan = -1;
    this.rLijst = null;
    this.ontvanger.lijstKlaar(lijst.id, lijst.count, digest, lijst.van, this.chunkAbs + i);
    const eigenaar = this.cap!;
    this.capVan = i + 1;
    eigenaar.segmenten.push({ byte: eigenaar.bytes, pos: this.pos(i + 1) });
  }

  private eindeEenheid(e: ScanEenheid, eind: number): void {
    this.flush();
    this.capRun(eind);
    this.cap = this.capStapel.pop() ?? null;
    this.capVan = -1;
    let bytes: Uint8Array | null = null;
    if (!e.teGroot) bytes = e.delen.length === 1 ? e.delen[0]! : Buffer.concat(e.delen, e.bytes);
    e.delen = [];
    this.ontvanger.eenheidKlaar(e.id, bytes, e.segmenten);
  }

  // --- records

  private scanRecords(b: Buffer, i: number, n: number): number {
    const abs = this.chunkAbs;
    const lijst = this.rLijst!;
    const lim = this.maxDepth - this.depth;
    let fase = this.rFase;
    let depth = this.rDepth;
    let inStr = this.rStr;
    let esc = this.rEsc;
    let colons = this.rColons;
    let line = this.line;
    let lineStart = this.lineStart;
    let fout = '';
    let foutBij = -1;
    while (i < n) {
      if (fase === R_CONTAINER) {
        let klaar = false;
        if (inStr) {
          // Going on inside a string (a string record, or a chunk that ended in one).
          if (esc) {
            esc = false;
            if (b[i] === 0x0a) {
              line++;
              lineStart = abs + i + 1;
            }
            i++;
          }
          while (i < n) {
            const c = b[i++]!;
            if (c > 0x5c) continue;
            if (c === 0x22) {
              inStr = false;
              break;
            }
            if (c === 0x5c) {
              if (i < n) {
                if (b[i] === 0x0a) {
                  line++;
                  lineStart = abs + i + 1;
                }
                i++;
              } else esc = true;
            } else if (c === 0x0a) {
              line++;
              lineStart = abs + i;
            }
          }
          if (inStr) continue;
          klaar = depth === 0;
        }
        // The record's bytes: strings (their end, escapes, line ends), keys (colons), brackets, line ends.
        scan: while (!klaar && i < n) {
          let c = b[i++]!;
          if (c === 0x20) continue;
          if (c === 0x22) {
            for (;;) {
              if (i >= n) {
                inStr = true;
                break scan;
              }
              c = b[i++]!;
              if (c > 0x5c) continue;
              if (c === 0x22) break;
              if (c === 0x5c) {
                if (i >= n) {
                  inStr = true;
                  esc = true;
                  break scan;
                }
                if (b[i] === 0x0a) {
                  line++;
                  lineStart = abs + i + 1;
                }
                i++;
              } else if (c === 0x0a) {
                line++;
                lineStart = abs + i;
              }
            }
            continue;
          }
          if (c === 0x0a) {
            line++;
            lineStart = abs + i;
            while (i < n && b[i] === 0x20) i++;
          } else if (c === 0x3a) colons++;
          else if ((c | 0x20) === 0x7b) {
            if (++depth > lim) {
              foutBij = i - 1;
              fout = `te diep genest: meer dan ${this.maxDepth} niveaus van objecten en lijsten`;
              break;
            }
          } else if ((c | 0x20) === 0x7d && --depth === 0) klaar = true;
        }
        if (foutBij >= 0) break;
        if (!klaar) continue;
        // The record ends before b[i].
        fase = R_NA_ITEM;
        this.rColons = colons;
        this.recordKlaar(b, i);
        if (this.gestopt) return n;
        continue;
      }
      if (fase === R_LITERAL) {
        while (i < n && LITERAL_BYTE[b[i]!] === 1) i++;
        if (i >= n) break;
        fase = R_NA_ITEM;
        this.rColons = 0;
        this.recordKlaar(b, i);
        if (this.gestopt) return n;
        continue;
      }
      const c = b[i]!;
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        if (c === 0x0a) {
          line++;
          lineStart = abs + i + 1;
        }
        i++;
        continue;
      }
      if (fase === R_NA_ITEM) {
        if (c === 0x2c) {
          fase = R_ITEM;
          i++;
          continue;
        }
        if (c === 0x5d) break;
        foutBij = i;
        fout = `onverwacht teken ${teken(c)}; verwacht ',' of ']' na ${lijst.kind.naam} ${lijst.pointer}/${lijst.count - 1}`;
        break;
      }
      if (c === 0x5d && fase === R_ITEM_OF_EIND) break;
      if (c === 0x5d) {
        foutBij = i;
        fout = `onverwacht teken ']'; verwacht een ${lijst.kind.naam} na ','`;
        break;
      }
      // A record starts.
      this.rStart = i;
      this.rLine = line;
      this.rLineStart = lineStart;
      this.rIndex = lijst.count++;
      colons = 0;
      depth = 0;
      if (c === 0x7b || c === 0x5b) {
        depth = 1;
        fase = R_CONTAINER;
        i++;
      } else if (c === 0x22) {
        inStr = true;
        fase = R_CONTAINER;
        i++;
      } else if (LITERAL_BYTE[c] === 1) fase = R_LITERAL;
      else {
        foutBij = i;
        fout = `onverwacht teken ${teken(c)}; verwacht een ${lijst.kind.naam}`;
        break;
      }
    }
    this.rFase = fase;
    this.rDepth = depth;
    this.rStr = inStr;
    this.rEsc = esc;
    this.rColons = colons;
    this.line = line;
    this.lineStart = lineStart;
    if (foutBij >= 0) return this.syntax(foutBij, fout);
    if (i < n) return this.sluit(i);
    return n;
  }

  /** The record that started at rStart (or in an earlier chunk) ends before b[eind]. */
  private recordKlaar(b: Buffer, eind: number): void {
    const lijst = this.rLijst!;
    this.records++;
    if (this.rStart >= 0) {
      if (this.bN > 0 && this.bLijst !== lijst) this.flush();
      if (this.bN === this.reeks.start.length) this.groei();
      const k = this.bN++;
      const r = this.reeks;
      this.bLijst = lijst;
      r.start[k] = this.rStart;
      r.end[k] = eind;
      r.colons[k] = this.rColons;
      r.line[k] = this.rLine;
      this.bLineStart[0]![k] = this.rLineStart;
      r.index[k] = this.rIndex;
      this.rStart = -1;
      return;
    }
    // A record that began in an earlier chunk.
    const delen = this.rDelen;
    this.rDelen = null;
    if (this.rTeGroot || !delen) return;
    const totaal = this.rBytes + eind;
    const p: Positie = { offset: this.rOffset, line: this.rLine, column: this.rCol + 1 };
    if (totaal > this.maxRecordBytes) {
      this.ontvanger.teGroot(lijst.id, this.rIndex, p);
      return;
    }
    delen.push(b.subarray(0, eind));
    const bytes = Buffer.concat(delen, totaal);
    this.ontvanger.record(lijst.id, this.rIndex, bytes, isAscii(bytes), p, this.rColons);
  }

  private groei(): void {
    const n = this.reeks.start.length * 2;
    const r = nieuweReeks(n);
    r.start.set(this.reeks.start);
    r.end.set(this.reeks.end);
    r.colons.set(this.reeks.colons);
    r.line.set(this.reeks.line);
    r.column.set(this.reeks.column);
    r.index.set(this.reeks.index);
    const ls = new Float64Array(n);
    ls.set(this.bLineStart[0]!);
    this.bLineStart[0] = ls;
    this.reeks = r;
  }

  /** Reports the records found in the chunk so far, with their columns. */
  private flush(): void {
    const n = this.bN;
    if (n === 0) return;
    this.bN = 0;
    const r = this.reeks;
    const ls = this.bLineStart[0]!;
    const lijst = this.bLijst!;
    for (let k = 0; k < n; k++) {
      const s = r.start[k]!;
      r.column[k] = this.kolom(ls[k]!, this.chunkAbs + s);
      if (r.end[k]! - s > this.maxRecordBytes) r.colons[k] = -1;
    }
    this.ontvanger.records(lijst.id, this.chunk, this.chunkAbs, this.chunkAscii, n, r);
  }

  private chunkEinde(b: Buffer): void {
    const n = b.length;
    this.flush();
    if (this.state === S_RECORDS && (this.rFase === R_CONTAINER || this.rFase === R_LITERAL)) {
      // The record goes on in the next chunk: keep a copy of its bytes so far.
      let van = 0;
      if (this.rStart >= 0) {
        van = this.rStart;
        this.rOffset = this.chunkAbs + van;
        this.rCol = this.kolom(this.rLineStart, this.rOffset);
        this.rDelen = [];
        this.rBytes = 0;
        this.rTeGroot = false;
        this.rStart = -1;
      }
      if (!this.rTeGroot) {
        this.rBytes += n - van;
        if (this.rBytes > this.maxRecordBytes) {
          this.rTeGroot = true;
          this.rDelen = null;
          this.ontvanger.teGroot(this.rLijst!.id, this.rIndex, { offset: this.rOffset, line: this.rLine, column: this.rCol + 1 });
        } else this.rDelen!.push(Buffer.from(b.subarray(van, n)));
      }
    }
    if (this.hashVan >= 0 && this.rLijst?.hash) {
      this.rLijst.hash.update(b.subarray(this.hashVan, n));
      this.hashVan = 0;
    }
    if (this.capVan >= 0) {
      this.capRun(n);
      this.capVan = 0;
    }
    if (this.state === S_TEKST && this.tSleutel) {
      this.tBytes += n - this.tVan;
      if (this.tBytes > MAX_SLEUTEL) {
        this.fataal({ path: this.pointerHier() || '/', element: '', message: `een veldnaam van meer dan ${MAX_SLEUTEL} bytes` }, this.tPos);
        return;
      }
      this.tDelen.push(Buffer.from(b.subarray(this.tVan, n)));
      this.tVan = 0;
    }
    this.carry = this.lineStart >= this.chunkAbs + n ? 0 : this.kolom(this.lineStart, this.chunkAbs + n);
  }
}

function nieuweReeks(n: number): RecordReeks {
  return { start: new Int32Array(n), end: new Int32Array(n), colons: new Int32Array(n), line: new Float64Array(n), column: new Float64Array(n), index: new Float64Array(n) };
}

// ---------------------------------------------------------------------------------------------------------

interface CEenheid {
  plan: EenheidPlan;
  index: number;
  pointer: string;
  ouder: CEenheid | null;
  lijst: CLijst | null;
  item: number;
  start: Positie;
  sleutels: Map<string, Map<string, number | string>> | null;
  open: OpenVerwijzing[] | null;
  onvolledig: boolean;
  lijstAfdrukken: [string, string][] | null;
  /** Record lists whose bytes were not hashed: their pad and byte range, to read again when needed. */
  bereiken: [string, number, number][] | null;
}

/** A unit seen in a list with unique items: its fingerprint, and what to read to make it exact. */
interface Gezien {
  item: number;
  bereiken: [string, number, number][] | null;
  exact?: string;
}

interface CLijst {
  plan: LijstPlan;
  eenheid: CEenheid;
  kind: EenheidPlan;
  pointer: string;
  start: Positie;
  /** Over the fingerprints of its items, when they are units and the owner needs a fingerprint. */
  hash: Hash | null;
  gezien: Map<string, Gezien[]> | null;
  dubbelGemeld: boolean;
}

/** A list of records as the Verwerker needs it, in either thread. */
export interface RecordLijst {
  /** Unit plan of its items. */
  eenheid: number;
  pointer: string;
  naam: string;
  /** Its items must be unique: each record gets a fingerprint. */
  uniek: boolean;
}

/** Where the outcome of validating a value goes: straight into the Controleur, or into a message for it. */
interface Uitkomst {
  gestopt(): boolean;
  fout(f: Fout, p: Positie): void;
  /**
   * Key `w` of the `b`-th key contribution of unit plan `plan`, found in item `item` (`idx`: its `*` steps);
   * `plek`: the position of a pointer within the value.
   */
  sleutel(plan: number, b: number, w: string | number, idx: readonly number[], item: number, pointer: () => string, plek: (rel: string) => Positie): void;
  /** Reference `w` of the `v`-th reference contribution of unit plan `plan`, found in item `item`. */
  verwijzing(plan: number, v: number, w: string | number, idx: readonly number[], item: number, pointer: () => string, plek: (rel: string) => Positie): void;
  /** A record could not be read: references into its scope may point at it. */
  onvolledig(): void;
  afdruk(item: number, afdruk: string, p: Positie): void;
}

/** Validates records and unit values on their own: JSON.parse, the validator, the rules within one value. */
class Verwerker {
  readonly eenheden: readonly EenheidPlan[];
  readonly validators: EenheidValidator[];
  readonly regelsPer: EenheidRegels[];
  aantal = 0;
  // The record being validated, for the positions of its errors.
  private cText = '';
  private cAscii = true;
  private cOffset = 0;
  private cLine = 1;
  private cColumn = 1;
  /** No key repeats in the record: the first occurrence of a key is the one. */
  private cEerste = true;
  // The pointer of the value being validated, made when first needed: `basis` or `basis/index`.
  private pBasis = '';
  private pIndex = -1;
  private pWaarde: string | undefined;
  private readonly pointer = (): string => (this.pWaarde ??= this.pIndex < 0 ? this.pBasis : `${this.pBasis}/${this.pIndex}`);
  private readonly waarRecord = (idx: number): Positie => inTekst(this.cText, 0, idx, { offset: this.cOffset, line: this.cLine, column: this.cColumn }, this.cAscii);
  private readonly plekRecord = (rel: string): Positie => this.waarRecord(zoek(this.cText, segmenten(rel), undefined, this.cEerste));

  constructor(
    plan: StreamPlan,
    validators: Readonly<Record<string, EenheidValidator>>,
    regels: Regels,
    readonly melding: (e: SchemaFout) => Fout,
  ) {
    this.eenheden = plan.eenheden;
    this.validators = plan.eenheden.map((e) => {
      const v = validators[e.validator];
      if (!v) throw new Error(`no validator ${e.validator}`);
      return v;
    });
    this.regelsPer = verdeelRegels(plan, regels);
  }

  /** The records of a chunk, as the scanner found them. */
  records(lijst: RecordLijst, chunk: Uint8Array, abs: number, ascii: boolean, n: number, r: RecordReeks, uit: Uitkomst): void {
    const b = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const snel = typeof b.latin1Slice === 'function' && typeof b.utf8Slice === 'function';
    for (let k = 0; k < n && !uit.gestopt(); k++) {
      const s = r.start[k]!;
      if (r.colons[k]! < 0) {
        this.teGroot(lijst, r.index[k]!, { offset: abs + s, line: r.line[k]!, column: r.column[k]! + 1 }, uit);
        continue;
      }
      const e = r.end[k]!;
      const text = snel ? (ascii ? b.latin1Slice!(s, e) : b.utf8Slice!(s, e)) : b.toString(ascii ? 'latin1' : 'utf8', s, e);
      this.record(lijst, r.index[k]!, text, ascii, abs + s, r.line[k]!, r.column[k]! + 1, r.colons[k]!, uit);
    }
  }

  teGroot(lijst: RecordLijst, index: number, p: Positie, uit: Uitkomst): void {
    this.aantal++;
    uit.onvolledig();
    uit.fout({ path: `${lijst.pointer}/${index}`, element: lijst.naam, message: `${lijst.naam} is te groot om te controleren: meer dan het maximum aan bytes van een record (maxRecordBytes)` }, p);
  }

  record(lijst: RecordLijst, index: number, text: string, ascii: boolean, offset: number, line: number, column: number, colons: number, uit: Uitkomst): void {
    this.aantal++;
    this.cText = text;
    this.cAscii = ascii;
    this.cOffset = offset;
    this.cLine = line;
    this.cColumn = column;
    const waar = this.waarRecord;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const f = syntaxFout(text);
      uit.onvolledig();
      uit.fout({ path: `${lijst.pointer}/${index}`, element: lijst.naam, message: `${lijst.naam} is geen geldige JSON: ${f?.message ?? 'ongeldige waarde'}` }, waar(f?.index ?? 0));
      return;
    }
    this.cEerste = telSleutels(value) === colons;
    if (!this.cEerste) {
      const pointer = `${lijst.pointer}/${index}`;
      for (const d of dubbeleSleutels(text)) {
        const eerste = waar(d.eerste);
        uit.fout(
          {
            path: `${pointer}${d.object.map((s) => `/${segment(s)}`).join('')}/${segment(d.sleutel)}`,
            element: lijst.naam,
            message: `het veld "${d.sleutel}" staat twee keer in hetzelfde object (ook op regel ${eerste.line}, kolom ${eerste.column}); JSON.parse houdt alleen de laatste waarde`,
          },
          waar(d.index),
        );
      }
    }
    this.waarde(lijst.eenheid, value, text, lijst.pointer, index, waar, this.plekRecord, uit, index);
    if (lijst.uniek) uit.afdruk(index, createHash('sha1').update(canoniek(value)).digest('base64'), { offset, line, column });
  }

  /**
   * Validates the value of a unit or record and hands on what the checks across records need. Its pointer is
   * `basis` (a unit: index -1) or `basis/index` (a record), made only when needed.
   */
  waarde(plan: number, value: unknown, text: string, basis: string, index: number, waar: (idx: number) => Positie, plek: (rel: string) => Positie, uit: Uitkomst, item: number): void {
    const validate = this.validators[plan]!;
    const ok = validate(value);
    this.pBasis = basis;
    this.pIndex = index;
    this.pWaarde = undefined;
    const pointer = this.pointer;
    if (!ok) {
      for (const e of validate.errors ?? []) {
        const f = this.melding({ ...e, instancePath: pointer() + e.instancePath });
        const extra = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined;
        uit.fout(f, waar(zoek(text, segmenten(e.instancePath), extra)));
        if (uit.gestopt()) return;
      }
    }
    const r = this.regelsPer[plan]!;
    for (let b = 0; b < r.sleutels.length; b++) {
      const rel = r.sleutels[b]!.rel;
      if (rel.length === 1 && rel[0] !== '*') {
        // The usual key, a field of the record itself: no walk.
        const w = eigen(value, rel[0]!);
        if (typeof w === 'string' || typeof w === 'number') uit.sleutel(plan, b, w, GEEN, item, pointer, plek);
        continue;
      }
      sleutelsOp(value, rel, 0, [], (w, idx) => uit.sleutel(plan, b, w, idx, item, pointer, plek));
    }
    for (let v = 0; v < r.verwijzingen.length; v++) {
      const rel = r.verwijzingen[v]!.rel;
      if (rel.length === 3 && rel[1] === '*' && rel[0] !== '*' && rel[2] !== '*') {
        // The usual reference: a list of {key} objects in the record.
        const lijst = eigen(value, rel[0]!);
        if (!Array.isArray(lijst)) continue;
        for (let i = 0; i < lijst.length; i++) {
          const w = eigen(lijst[i], rel[2]!);
          if (typeof w === 'string' || typeof w === 'number') uit.verwijzing(plan, v, w, [i], item, pointer, plek);
        }
        continue;
      }
      sleutelsOp(value, rel, 0, [], (w, idx) => uit.verwijzing(plan, v, w, idx, item, pointer, plek));
    }
    if (ok && r.lokaal && mogelijkGebroken(value, r.lokaal)) {
      for (const f of controleer(value, r.lokaal)) uit.fout({ ...f, path: pointer() + f.path }, waar(zoek(text, segmenten(f.path))));
    }
  }
}

/** Collects the outcome of records validated in the worker thread, for the Controleur to apply in order. */
class Verzamelaar implements Uitkomst {
  fouten: [Fout, Positie][] = [];
  /** Per key: unit plan, contribution, value, its pointer in the record ('' for the contribution's own), item. */
  sleutels: [number, number, string | number, string, number][] = [];
  /** Per reference: unit plan, contribution, value, its pointer in the record, item. */
  verwijzingen: [number, number, string | number, string, number][] = [];
  afdrukken: [number, string, Positie][] = [];
  isOnvolledig = false;
  constructor(private readonly regelsPer: EenheidRegels[]) {}
  gestopt(): boolean {
    return false;
  }
  fout(f: Fout, p: Positie): void {
    this.fouten.push([f, p]);
  }
  sleutel(plan: number, b: number, w: string | number, idx: readonly number[], item: number): void {
    this.sleutels.push([plan, b, w, idx.length === 0 ? '' : padPointer(this.regelsPer[plan]!.sleutels[b]!.rel, idx), item]);
  }
  verwijzing(plan: number, v: number, w: string | number, idx: readonly number[], item: number): void {
    this.verwijzingen.push([plan, v, w, padPointer(this.regelsPer[plan]!.verwijzingen[v]!.rel, idx), item]);
  }
  onvolledig(): void {
    this.isOnvolledig = true;
  }
  afdruk(item: number, afdruk: string, p: Positie): void {
    this.afdrukken.push([item, afdruk, p]);
  }
}

/**
 * What the worker thread found validating the records of a chunk itself. Where a key or reference turns out
 * to be an error, the main thread finds its position in the record's bytes, in the chunk it receives too.
 */
export interface RecordUitkomst {
  aantal: number;
  fouten: [Fout, Positie][];
  sleutels: [number, number, string | number, string, number][];
  verwijzingen: [number, number, string | number, string, number][];
  afdrukken: [number, string, Positie][];
  onvolledig: boolean;
  /** Where the records are in the chunk. */
  abs: number;
  ascii: boolean;
  reeks: RecordReeks;
}

/** Validates what the Scanner found: each record and unit with its validator, the rules, the keys per scope. */
export class Controleur implements Ontvanger, Uitkomst {
  private readonly eenheden: readonly EenheidPlan[];
  private readonly regelsPer: EenheidRegels[];
  private readonly verwerker: Verwerker;
  private readonly melding: (e: SchemaFout) => Fout;
  private readonly maxErrors: number;
  private readonly errors: StreamFout[] = [];
  private stop: 'max-errors' | 'fatal' | undefined;
  private readonly units = new Map<number, CEenheid>();
  private readonly lijsten = new Map<number, CLijst>();
  /** The unit whose scopes the value being validated contributes to, and the list it is an item of. */
  private cScope: CEenheid | null = null;
  private cLijst: CLijst | null = null;

  constructor(
    plan: StreamPlan,
    validators: Readonly<Record<string, EenheidValidator>>,
    regels: Regels,
    melding: (e: SchemaFout) => Fout,
    opties: Pick<StreamOpties, 'maxErrors'> = {},
    /** The hash of a byte range of the input, for a file the scanner did not hash (ScanOpties.herleesbaar). */
    private readonly herlees?: (van: number, tot: number) => string,
  ) {
    this.verwerker = new Verwerker(plan, validators, regels, melding);
    this.eenheden = plan.eenheden;
    this.regelsPer = this.verwerker.regelsPer;
    this.melding = melding;
    this.maxErrors = Math.max(1, opties.maxErrors ?? 1000);
  }

  get aantal(): number {
    return this.verwerker.aantal;
  }

  gestopt(): boolean {
    return this.stop !== undefined;
  }

  /** The result, once the scanner is done (or stopped). */
  resultaat(bytes: number): StreamResultaat {
    const errors = [...this.errors].sort((a, b) => a.offset - b.offset);
    return { valid: errors.length === 0, errors, bytes, records: this.verwerker.aantal, ...(this.stop ? { stopped: this.stop } : {}) };
  }

  fout(f: Fout, p: Positie, fataal = false): void {
    if (this.stop) return;
    this.errors.push({ path: f.path === '' ? '/' : f.path, element: f.element, message: f.message, line: p.line, column: p.column, offset: p.offset });
    if (fataal) this.stop = 'fatal';
    else if (this.errors.length >= this.maxErrors) this.stop = 'max-errors';
  }

  eenheid(id: number, plan: number, lijst: number, item: number, start: Positie): void {
    const l = lijst >= 0 ? this.lijsten.get(lijst)! : null;
    const e: CEenheid = {
      plan: this.eenheden[plan]!,
      index: plan,
      pointer: l ? `${l.pointer}/${item}` : '',
      ouder: l ? l.eenheid : null,
      lijst: l,
      item,
      start,
      sleutels: null,
      open: null,
      onvolledig: false,
      lijstAfdrukken: null,
      bereiken: null,
    };
    const paden = this.regelsPer[plan]!.scopePaden;
    if (paden.length > 0) {
      e.sleutels = new Map(paden.map((p) => [p, new Map()]));
      e.open = [];
    }
    this.units.set(id, e);
  }

  lijst(id: number, eigenaar: number, plan: number, start: Positie): void {
    const e = this.units.get(eigenaar)!;
    const lp = e.plan.lijsten[plan]!;
    const kind = this.eenheden[lp.eenheid]!;
    this.lijsten.set(id, {
      plan: lp,
      eenheid: e,
      kind,
      pointer: e.pointer + lp.pad.map((s) => `/${segment(s)}`).join(''),
      start,
      hash: !kind.record && e.plan.vingerafdruk ? createHash('sha1') : null,
      gezien: lp.uniqueItems ? new Map() : null,
      dubbelGemeld: false,
    });
  }

  lijstKlaar(id: number, count: number, digest: string | null, van: number, tot: number): void {
    const lijst = this.lijsten.get(id)!;
    this.lijsten.delete(id);
    const eigenaar = lijst.eenheid;
    const d = digest ?? lijst.hash?.digest('base64') ?? null;
    if (eigenaar.plan.vingerafdruk) {
      const pad = lijst.plan.pad.join('/');
      if (d !== null) (eigenaar.lijstAfdrukken ??= []).push([pad, d]);
      else if (lijst.kind.record) {
        // Not hashed: the count and the size stand in, and the bytes are read again if another unit matches.
        (eigenaar.lijstAfdrukken ??= []).push([pad, `${count} items, ${tot - van} bytes`]);
        (eigenaar.bereiken ??= []).push([pad, van, tot]);
      }
    }
    const lp = lijst.plan;
    const schema = (keyword: string, limit: number): void => this.fout(this.melding({ instancePath: lijst.pointer, schemaPath: '', keyword, params: { limit } }), lijst.start);
    if (lp.minItems !== undefined && count < lp.minItems) schema('minItems', lp.minItems);
    if (lp.maxItems !== undefined && count > lp.maxItems) schema('maxItems', lp.maxItems);
  }

  eenheidKlaar(id: number, bytes: Uint8Array | null, segs: readonly Segment[]): void {
    const e = this.units.get(id)!;
    this.units.delete(id);
    if (!bytes) this.onvolledigVan(e.ouder);
    else {
      const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const ascii = isAscii(b);
      const text = b.toString('utf8');
      const chars: number[] = [];
      let vorige = 0;
      let teller = 0;
      for (const s of segs) {
        teller += ascii ? s.byte - vorige : units(b, vorige, s.byte);
        vorige = s.byte;
        chars.push(teller);
      }
      const waar = (idx: number): Positie => {
        let k = 0;
        for (let j = 0; j < chars.length; j++) if (chars[j]! <= idx) k = j;
        return inTekst(text, chars[k]!, idx, segs[k]!.pos, ascii);
      };
      let value: unknown;
      let ok = true;
      try {
        value = JSON.parse(text);
      } catch {
        ok = false;
        const f = syntaxFout(text);
        this.fout({ path: e.pointer, element: e.plan.naam, message: `geen geldige JSON: ${f?.message ?? 'ongeldige waarde'}` }, waar(f?.index ?? 0));
        this.onvolledigVan(e.ouder);
      }
      if (ok) {
        this.cScope = e;
        this.cLijst = null;
        this.verwerker.waarde(e.index, value, text, e.pointer, -1, waar, (rel) => waar(zoek(text, segmenten(rel))), this, e.item);
        if (e.plan.vingerafdruk && e.lijst) {
          const h = createHash('sha1').update(canoniek(value));
          for (const [pad, digest] of (e.lijstAfdrukken ?? []).sort((a, c) => (a[0] < c[0] ? -1 : a[0] > c[0] ? 1 : 0))) h.update(`\n${pad}\n${digest}`);
          this.afdrukIn(e.lijst, e.item, h.digest('base64'), e.start, e.bereiken);
        }
      }
    }
    if (e.sleutels) this.eindeScope(e);
  }

  private recordLijst(lijst: CLijst): RecordLijst {
    return { eenheid: lijst.plan.eenheid, pointer: lijst.pointer, naam: lijst.kind.naam, uniek: lijst.gezien !== null };
  }

  private huidig(lijstId: number): CLijst {
    const lijst = this.lijsten.get(lijstId)!;
    this.cScope = lijst.eenheid;
    this.cLijst = lijst;
    return lijst;
  }

  records(lijstId: number, chunk: Uint8Array, abs: number, ascii: boolean, n: number, r: RecordReeks): void {
    this.verwerker.records(this.recordLijst(this.huidig(lijstId)), chunk, abs, ascii, n, r, this);
  }

  record(lijstId: number, index: number, bytes: Uint8Array, ascii: boolean, p: Positie, colons: number): void {
    const lijst = this.huidig(lijstId);
    const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.verwerker.record(this.recordLijst(lijst), index, b.toString('utf8'), ascii, p.offset, p.line, p.column, colons, this);
  }

  teGroot(lijstId: number, index: number, p: Positie): void {
    this.verwerker.teGroot(this.recordLijst(this.huidig(lijstId)), index, p, this);
  }

  /** Applies what the worker found validating the records of a chunk itself, in the order of the file. */
  uitkomst(lijstId: number, u: RecordUitkomst, chunk: Uint8Array): void {
    const lijst = this.huidig(lijstId);
    this.verwerker.aantal += u.aantal;
    for (const [f, p] of u.fouten) this.fout(f, p);
    const r = u.reeks;
    // The position of a pointer in a record of the chunk: its bytes decoded again, only for an error.
    const plek = (item: number, rel: string): Positie => {
      const k = item - r.index[0]!;
      const b = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const text = b.toString(u.ascii ? 'latin1' : 'utf8', r.start[k]!, r.end[k]!);
      return inTekst(text, 0, zoek(text, segmenten(rel)), { offset: u.abs + r.start[k]!, line: r.line[k]!, column: r.column[k]! + 1 }, u.ascii);
    };
    for (const [plan, b, w, eigenRel, item] of u.sleutels) {
      const s = this.regelsPer[plan]!.sleutels[b]!;
      const scope = this.scope(this.cScope, s.scope);
      const map = scope?.sleutels?.get(s.pad);
      if (!map) continue;
      const k = String(w);
      const eerder = map.get(k);
      const rel = eigenRel || s.relPointer;
      if (eerder === undefined) map.set(k, s.compact ? item : `${lijst.pointer}/${item}${rel}`);
      else if (s.uniek) this.dubbeleSleutel(s, scope!, w, eerder, `${lijst.pointer}/${item}${rel}`, plek(item, rel));
    }
    for (const [plan, v, w, rel, item] of u.verwijzingen) {
      const bijdrage = this.regelsPer[plan]!.verwijzingen[v]!;
      const scope = this.scope(this.cScope, bijdrage.scope);
      if (scope?.sleutels?.get(bijdrage.pad)?.has(String(w)) === false) {
        scope.open!.push({ waarde: w, sleutel: String(w), pointer: `${lijst.pointer}/${item}${rel}`, pos: plek(item, rel), regel: bijdrage.regel, pad: bijdrage.pad });
      }
    }
    for (const [item, afdruk, p] of u.afdrukken) this.afdruk(item, afdruk, p);
    if (u.onvolledig) this.onvolledig();
  }

  // --- Uitkomst: the outcome of a value validated in this thread

  sleutel(plan: number, b: number, w: string | number, idx: readonly number[], item: number, pointer: () => string, plek: (rel: string) => Positie): void {
    const s = this.regelsPer[plan]!.sleutels[b]!;
    const scope = this.scope(this.cScope, s.scope);
    const map = scope?.sleutels?.get(s.pad);
    if (!map) return;
    const k = String(w);
    const eerder = map.get(k);
    if (eerder === undefined) map.set(k, s.compact ? item : pointer() + padPointer(s.rel, idx));
    else if (s.uniek) this.dubbeleSleutel(s, scope!, w, eerder, pointer() + padPointer(s.rel, idx), plek(padPointer(s.rel, idx)));
  }

  verwijzing(plan: number, v: number, w: string | number, idx: readonly number[], _item: number, pointer: () => string, plek: (rel: string) => Positie): void {
    const bijdrage = this.regelsPer[plan]!.verwijzingen[v]!;
    const scope = this.scope(this.cScope, bijdrage.scope);
    const map = scope?.sleutels?.get(bijdrage.pad);
    if (!map || map.has(String(w))) return;
    const rel = padPointer(bijdrage.rel, idx);
    scope!.open!.push({ waarde: w, sleutel: String(w), pointer: pointer() + rel, pos: plek(rel), regel: bijdrage.regel, pad: bijdrage.pad });
  }

  onvolledig(): void {
    this.onvolledigVan(this.cScope);
  }

  afdruk(item: number, afdruk: string, p: Positie): void {
    if (this.cLijst) this.afdrukIn(this.cLijst, item, afdruk, p);
  }

  private dubbeleSleutel(s: SleutelBijdrage, scope: CEenheid, w: string | number, eerder: number | string, pointer: string, pos: Positie): void {
    const u = s.uniek!;
    const eerderPointer = typeof eerder === 'number' ? `${scope.pointer}${s.lijstPointer}/${eerder}${s.relPointer}` : eerder;
    this.fout(
      {
        path: pointer,
        element: u.element,
        message: `${u.element} ${JSON.stringify(w)} komt in deze ${u.scopeNaam} al voor (${eerderPointer}); elk ${u.objecttype} in een ${u.scopeNaam} heeft een eigen ${u.element.split('.').pop()}`,
      },
      pos,
    );
  }

  private afdrukIn(lijst: CLijst, item: number, afdruk: string, p: Positie, bereiken: [string, number, number][] | null = null): void {
    lijst.hash?.update(`${afdruk}\n`);
    if (!lijst.gezien || lijst.dubbelGemeld) return;
    const nieuw: Gezien = { item, bereiken };
    const eerder = lijst.gezien.get(afdruk);
    if (eerder === undefined) {
      lijst.gezien.set(afdruk, [nieuw]);
      return;
    }
    // Alike so far; where records' bytes were not hashed, read them again to tell.
    const gelijk = eerder.find((g) => !g.bereiken || !this.herlees || this.exact(g) === this.exact(nieuw));
    if (!gelijk) {
      eerder.push(nieuw);
      return;
    }
    lijst.dubbelGemeld = true;
    this.fout(this.melding({ instancePath: lijst.pointer, schemaPath: '', keyword: 'uniqueItems', params: { i: item, j: gelijk.item } }), p);
  }

  private exact(g: Gezien): string {
    return (g.exact ??= g.bereiken!.map(([pad, van, tot]) => `${pad}\n${this.herlees!(van, tot)}`).join('\n'));
  }

  private onvolledigVan(e: CEenheid | null): void {
    for (let u = e; u; u = u.ouder) u.onvolledig = true;
  }

  private eindeScope(e: CEenheid): void {
    for (const o of e.open ?? []) {
      if (e.sleutels!.get(o.pad)!.has(o.sleutel) || e.onvolledig) continue;
      const r = o.regel;
      this.fout({ path: o.pointer, element: r.element, message: `${r.bron} verwijst naar ${r.doel} ${JSON.stringify(o.waarde)}, maar die ${r.doel} staat niet in dezelfde ${r.scopeNaam}` }, o.pos);
    }
    e.open = null;
    e.sleutels = null;
  }

  private scope(van: CEenheid | null, index: number): CEenheid | null {
    let u = van;
    while (u && u.index !== index) u = u.ouder;
    return u;
  }
}

/**
 * Validates a delivery fed to it chunk by chunk, in this thread: `write(chunk)` for each chunk (false: stop
 * feeding, validation has stopped), `end()` for the result. The caller may reuse a chunk after `write`.
 */
export class StreamValidator {
  private readonly controleur: Controleur;
  private readonly scanner: Scanner;
  private readonly onProgress: ((voortgang: Voortgang) => void) | undefined;

  constructor(plan: StreamPlan, validators: Readonly<Record<string, EenheidValidator>>, regels: Regels, melding: (e: SchemaFout) => Fout, opties: StreamOpties = {}) {
    this.controleur = new Controleur(plan, validators, regels, melding, opties);
    this.scanner = new Scanner(plan, opties, this.controleur);
    this.onProgress = opties.onProgress;
  }

  write(chunk: Uint8Array): boolean {
    const verder = this.scanner.write(chunk);
    this.onProgress?.({ bytes: this.scanner.bytes, records: this.controleur.aantal });
    return verder;
  }

  end(): StreamResultaat {
    this.scanner.end();
    return this.controleur.resultaat(this.scanner.bytes);
  }
}

/** Splits the model's rules over the units: checks within one unit, and keys and references across records. */
function verdeelRegels(plan: StreamPlan, regels: Regels): EenheidRegels[] {
  const eenheden = plan.eenheden;
  const eenheidVan = (pad: Pad): number => {
    let best = 0;
    eenheden.forEach((e, k) => {
      if (e.pad.length <= pad.length && e.pad.every((s, j) => pad[j] === s) && e.pad.length > eenheden[best]!.pad.length) best = k;
    });
    return best;
  };
  const result: EenheidRegels[] = eenheden.map(() => ({ lokaal: { uniek: [], verwijzingen: [], datumvolgorde: [], voorwaarden: [] }, sleutels: [], verwijzingen: [], scopePaden: [] }));
  const lokaal = (k: number): { uniek: UniekRegel[]; verwijzingen: VerwijzingRegel[]; datumvolgorde: Regels['datumvolgorde'][number][]; voorwaarden: Regels['voorwaarden'][number][] } =>
    result[k]!.lokaal as never;
  for (const r of regels.datumvolgorde) {
    const u = eenheidVan(r.object);
    lokaal(u).datumvolgorde.push({ ...r, object: r.object.slice(eenheden[u]!.pad.length) });
  }
  for (const r of regels.voorwaarden) {
    const u = eenheidVan(r.object);
    lokaal(u).voorwaarden.push({ ...r, object: r.object.slice(eenheden[u]!.pad.length) });
  }
  const bijdrage = (s: number, k: number, pad: Pad): SleutelBijdrage => {
    const naam = pad.join('/');
    let b = result[k]!.sleutels.find((x) => x.scope === s && x.pad === naam);
    if (!b) {
      const rel = pad.slice(eenheden[k]!.pad.length);
      b = {
        scope: s,
        rel,
        pad: naam,
        uniek: null,
        compact: eenheden[k]!.ouder === s && !rel.includes('*'),
        lijstPointer: eenheden[k]!.pad.slice(eenheden[s]!.pad.length, -1).map((x) => `/${segment(x)}`).join(''),
        relPointer: rel.map((x) => `/${segment(x)}`).join(''),
      };
      result[k]!.sleutels.push(b);
      result[s]!.scopePaden.push(naam);
    }
    return b;
  };
  for (const r of regels.uniek) {
    const s = eenheidVan(r.scope);
    const pad = [...r.scope, ...r.sleutels];
    const k = eenheidVan(pad);
    if (k === s) lokaal(s).uniek.push({ ...r, scope: r.scope.slice(eenheden[s]!.pad.length) });
    else bijdrage(s, k, pad).uniek = r;
  }
  for (const r of regels.verwijzingen) {
    const s = eenheidVan(r.scope);
    const sleutels = [...r.scope, ...r.sleutels];
    const verwijzingen = [...r.scope, ...r.verwijzingen];
    const k = eenheidVan(sleutels);
    const v = eenheidVan(verwijzingen);
    if (k === s && v === s) {
      lokaal(s).verwijzingen.push({ ...r, scope: r.scope.slice(eenheden[s]!.pad.length) });
      continue;
    }
    const b = bijdrage(s, k, sleutels);
    result[v]!.verwijzingen.push({ scope: s, rel: verwijzingen.slice(eenheden[v]!.pad.length), pad: b.pad, regel: r });
  }
  for (const r of result) {
    const l = r.lokaal!;
    if (l.uniek.length + l.verwijzingen.length + l.datumvolgorde.length + l.voorwaarden.length === 0) r.lokaal = null;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Two threads: a worker reads and scans, this thread validates.

/** The worker's task: the limits, and a file to read itself (or chunks sent to it when null). */
export interface WerkOpdracht {
  /** The URL of the generated module that exports the model's STREAM_CONTEXT: the worker imports it. */
  contextModule: string;
  opties: ScanOpties;
  verdeling: 'balans' | 'werker' | 'hoofd';
  pad: string | null;
  /**
   * Shared with the main thread: as Int32 [0] chunks it has validated, [1] 1 when it wants no more; as
   * Float64 [1] the milliseconds it spent validating, [2] the milliseconds this thread spent working.
   */
  tellers: SharedArrayBuffer;
  /** Chunks the main thread is done with come back here, to be read into again: no new memory per chunk. */
  terug: WerkPoort;
}

/** The model's part of the streaming validator, the same in both threads. */
export interface StreamContext {
  plan: StreamPlan;
  validators: Readonly<Record<string, EenheidValidator>>;
  regels: Regels;
  melding: (e: SchemaFout) => Fout;
}

type Gebeurtenis = readonly unknown[];

/** Chunks in flight between the threads: bounds the memory the two threads hold together. */
const IN_FLIGHT = 8;
/** Shared memory of the two threads: two Int32 counters, then the busy time of each thread. */
const TELLERS = 24;

/** Collects the scanner's reports as messages for the other thread. */
class Doorgever implements Ontvanger {
  stop = false;
  gebeurtenissen: Gebeurtenis[] = [];
  overdracht: ArrayBuffer[] = [];
  private readonly lijsten = new Map<number, RecordLijst>();
  private readonly pointers = new Map<number, string>();
  constructor(
    private readonly plan: StreamPlan,
    /** Validates records here too, when the other thread falls behind. */
    private readonly verwerker: Verwerker,
    private readonly zelfDoen: () => boolean,
  ) {}
  gestopt(): boolean {
    return this.stop;
  }
  fout(f: Fout, p: Positie, fataal: boolean): void {
    this.gebeurtenissen.push(['F', f, p, fataal]);
  }
  eenheid(id: number, plan: number, lijst: number, item: number, start: Positie): void {
    // Units by id and lists by -1 - id: their pointers, to name the records this thread may validate.
    this.pointers.set(id, lijst < 0 ? '' : `${this.pointers.get(-1 - lijst)}/${item}`);
    this.eigenaarPlan.set(id, plan);
    this.gebeurtenissen.push(['E', id, plan, lijst, item, start]);
  }
  eenheidKlaar(id: number, bytes: Uint8Array | null, segmenten: readonly Segment[]): void {
    this.pointers.delete(id);
    this.eigenaarPlan.delete(id);
    this.gebeurtenissen.push(['K', id, bytes, segmenten]);
  }
  lijst(id: number, eigenaar: number, plan: number, start: Positie): void {
    const e = this.plan.eenheden;
    const owner = this.eigenaarPlan.get(eigenaar)!;
    const lp = e[owner]!.lijsten[plan]!;
    const pointer = this.pointers.get(eigenaar)! + lp.pad.map((s) => `/${segment(s)}`).join('');
    this.pointers.set(-1 - id, pointer);
    if (e[lp.eenheid]!.record) this.lijsten.set(id, { eenheid: lp.eenheid, pointer, naam: e[lp.eenheid]!.naam, uniek: lp.uniqueItems === true });
    this.gebeurtenissen.push(['L', id, eigenaar, plan, start]);
  }
  /** Unit plan of each open unit, by id. */
  readonly eigenaarPlan = new Map<number, number>();
  lijstKlaar(id: number, count: number, digest: string | null, van: number, tot: number): void {
    this.lijsten.delete(id);
    this.pointers.delete(-1 - id);
    this.gebeurtenissen.push(['M', id, count, digest, van, tot]);
  }
  records(lijst: number, chunk: Uint8Array, abs: number, ascii: boolean, n: number, r: RecordReeks): void {
    const l = this.lijsten.get(lijst);
    const reeks: RecordReeks = { start: r.start.slice(0, n), end: r.end.slice(0, n), colons: r.colons.slice(0, n), line: r.line.slice(0, n), column: r.column.slice(0, n), index: r.index.slice(0, n) };
    for (const a of Object.values(reeks) as ArrayBufferView[]) this.overdracht.push(a.buffer as ArrayBuffer);
    if (l && this.zelfDoen()) {
      const voor = this.verwerker.aantal;
      const v = new Verzamelaar(this.verwerker.regelsPer);
      this.verwerker.records(l, chunk, abs, ascii, n, r, v);
      const u: RecordUitkomst = { aantal: this.verwerker.aantal - voor, fouten: v.fouten, sleutels: v.sleutels, verwijzingen: v.verwijzingen, afdrukken: v.afdrukken, onvolledig: v.isOnvolledig, abs, ascii, reeks };
      this.gebeurtenissen.push(['U', lijst, u]);
      return;
    }
    this.gebeurtenissen.push(['R', lijst, abs, ascii, n, reeks]);
  }
  record(lijst: number, index: number, bytes: Uint8Array, ascii: boolean, p: Positie, colons: number): void {
    this.gebeurtenissen.push(['r', lijst, index, bytes, ascii, p, colons]);
  }
  teGroot(lijst: number, index: number, p: Positie): void {
    this.gebeurtenissen.push(['G', lijst, index, p]);
  }
  neem(): { gebeurtenissen: Gebeurtenis[]; overdracht: ArrayBuffer[] } {
    const r = { gebeurtenissen: this.gebeurtenissen, overdracht: this.overdracht };
    this.gebeurtenissen = [];
    this.overdracht = [];
    return r;
  }
}

/** Replays the worker's reports on this thread's Controleur; `chunk` is the chunk they were found in. */
function speel(c: Controleur, gebeurtenissen: readonly Gebeurtenis[], chunk: Uint8Array | null): void {
  for (const g of gebeurtenissen) {
    if (c.gestopt()) return;
    switch (g[0]) {
      case 'F':
        c.fout(g[1] as Fout, g[2] as Positie, g[3] as boolean);
        break;
      case 'E':
        c.eenheid(g[1] as number, g[2] as number, g[3] as number, g[4] as number, g[5] as Positie);
        break;
      case 'K':
        c.eenheidKlaar(g[1] as number, g[2] as Uint8Array | null, g[3] as Segment[]);
        break;
      case 'L':
        c.lijst(g[1] as number, g[2] as number, g[3] as number, g[4] as Positie);
        break;
      case 'M':
        c.lijstKlaar(g[1] as number, g[2] as number, g[3] as string | null, g[4] as number, g[5] as number);
        break;
      case 'R':
        c.records(g[1] as number, chunk!, g[2] as number, g[3] as boolean, g[4] as number, g[5] as RecordReeks);
        break;
      case 'r':
        c.record(g[1] as number, g[2] as number, g[3] as Uint8Array, g[4] as boolean, g[5] as Positie, g[6] as number);
        break;
      case 'G':
        c.teGroot(g[1] as number, g[2] as number, g[3] as Positie);
        break;
      case 'U':
        c.uitkomst(g[1] as number, g[2] as RecordUitkomst, chunk!);
        break;
    }
  }
}

/** The port of a worker thread, as far as the worker uses it. */
export interface WerkPoort {
  postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  close(): void;
}

/** Runs in the worker thread (stream-worker.js): reads (or receives) chunks, scans them, sends the reports. */
export function werk(poort: WerkPoort, opdracht: WerkOpdracht, context: StreamContext): void {
  const tellers = new Int32Array(opdracht.tellers, 0, 2);
  const tijden = new Float64Array(opdracht.tellers, 8, 2);
  let gestuurd = 0;
  // While the main thread has been busier, this one validates the records of a chunk itself: the load balances.
  const verwerker = new Verwerker(context.plan, context.validators, context.regels, context.melding);
  const zelf = opdracht.verdeling === 'werker' ? () => true : opdracht.verdeling === 'hoofd' ? () => false : () => tijden[0]! > tijden[1]!;
  const doorgever = new Doorgever(context.plan, verwerker, zelf);
  const scanner = new Scanner(context.plan, opdracht.opties, doorgever);
  const stuur = (chunk: Uint8Array | null): void => {
    const { gebeurtenissen, overdracht } = doorgever.neem();
    const transfer = chunk ? [...overdracht, chunk.buffer as ArrayBuffer] : overdracht;
    gestuurd++;
    poort.postMessage({ soort: 'deel', chunk, gebeurtenissen, bytes: scanner.bytes }, transfer);
  };
  const klaar = (): void => {
    scanner.end();
    const { gebeurtenissen } = doorgever.neem();
    poort.postMessage({ soort: 'klaar', gebeurtenissen, bytes: scanner.bytes });
    poort.close();
  };
  if (opdracht.pad === null) {
    poort.on('message', (m) => {
      const bericht = m as { soort: string; data?: Uint8Array };
      if (bericht.soort === 'chunk') {
        const begin = performance.now();
        doorgever.stop = Atomics.load(tellers, 1) === 1;
        scanner.write(bericht.data!);
        stuur(bericht.data!);
        tijden[1] = tijden[1]! + (performance.now() - begin);
      } else if (bericht.soort === 'einde') klaar();
    });
    return;
  }
  let fd = -1;
  const pool: ArrayBuffer[] = [];
  try {
    fd = openSync(opdracht.pad, 'r');
    for (;;) {
      // Wait while the main thread has enough to do; it counts what it has done in tellers[0].
      for (;;) {
        const gedaan = Atomics.load(tellers, 0);
        if (Atomics.load(tellers, 1) === 1 || gestuurd - gedaan < IN_FLIGHT) break;
        Atomics.wait(tellers, 0, gedaan, 100);
      }
      doorgever.stop = Atomics.load(tellers, 1) === 1;
      if (scanner.gestopt) break;
      const begin = performance.now();
      const terug = opdracht.terug as unknown as MessagePort;
      for (let m = receiveMessageOnPort(terug); m; m = receiveMessageOnPort(terug)) pool.push(m.message as ArrayBuffer);
      const buf = new Uint8Array(pool.pop() ?? new ArrayBuffer(CHUNK));
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      scanner.write(chunk);
      stuur(chunk);
      tijden[1] = tijden[1]! + (performance.now() - begin);
    }
  } catch (e) {
    poort.postMessage({ soort: 'leesfout', message: (e as Error).message, code: (e as { code?: string }).code });
    poort.close();
    return;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
  klaar();
}

/** The worker thread's module, beside this one in the runtime. */
const WERKER = new URL('./stream-worker.js', import.meta.url);

/**
 * Validates with two threads: the worker (stream-worker.js) reads and scans, this thread
 * parses and validates. `bron`: a file path (the worker reads it), or chunks from anywhere.
 */
export async function valideerMetWerker(
  contextModule: string,
  context: StreamContext,
  opties: StreamOpties,
  bron: string | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<StreamResultaat> {
  if (typeof bron === 'string') {
    const s = statSync(bron);
    if (!s.isFile()) throw Object.assign(new Error(`${bron} is not a file`), { code: 'EISDIR' });
  }
  const controleur = new Controleur(context.plan, context.validators, context.regels, context.melding, opties, typeof bron === 'string' ? herlezer(bron) : undefined);
  const gedeeld = new SharedArrayBuffer(TELLERS);
  const kanaal = new MessageChannel();
  const pool: ArrayBuffer[] = [];
  const tellers = new Int32Array(gedeeld, 0, 2);
  const tijden = new Float64Array(gedeeld, 8, 2);
  const opdracht: WerkOpdracht = {
    contextModule,
    opties: { maxRecordBytes: opties.maxRecordBytes, maxDepth: opties.maxDepth, herleesbaar: typeof bron === 'string' },
    pad: typeof bron === 'string' ? bron : null,
    tellers: gedeeld,
    verdeling: opties.verdeling ?? 'balans',
    terug: kanaal.port2 as unknown as WerkPoort,
  };
  const elu = performance.eventLoopUtilization();
  // The worker runs the package's plain JavaScript: none of this process's flags (a loader, --input-type) apply.
  // A small young generation keeps its memory low: what it allocates per chunk is short-lived.
  const worker = new Worker(WERKER, { workerData: opdracht, execArgv: [], transferList: [kanaal.port2], resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  let inFlight = 0;
  let verder: (() => void) | null = null;
  let bytes = 0;
  let gedaan = false;
  const resultaat = new Promise<StreamResultaat>((resolve, reject) => {
    const einde = (r: StreamResultaat | Error): void => {
      if (gedaan) return;
      gedaan = true;
      void worker.terminate();
      kanaal.port1.close();
      verder?.();
      if (r instanceof Error) reject(r);
      else resolve(r);
    };
    worker.on('message', (m) => {
      const bericht = m as { soort: string; chunk?: Uint8Array | null; gebeurtenissen?: Gebeurtenis[]; bytes?: number; message?: string; code?: string };
      if (gedaan) return;
      if (bericht.soort === 'deel') {
        speel(controleur, bericht.gebeurtenissen!, bericht.chunk ?? null);
        // Done with the chunk: back to the worker to read into (a file), or into the pool here (chunks from a stream).
        const buffer = bericht.chunk?.buffer as ArrayBuffer | undefined;
        if (buffer && buffer.byteLength === CHUNK) {
          if (typeof bron === 'string') kanaal.port1.postMessage(buffer, [buffer]);
          else pool.push(buffer);
        }
        // This thread's busy time, receiving the messages and collecting garbage included.
        tijden[0] = performance.eventLoopUtilization(elu).active;
        bytes = bericht.bytes!;
        opties.onProgress?.({ bytes, records: controleur.aantal });
        Atomics.add(tellers, 0, 1);
        Atomics.notify(tellers, 0);
        if (controleur.gestopt()) {
          Atomics.store(tellers, 1, 1);
          Atomics.notify(tellers, 0);
          return einde(controleur.resultaat(bytes));
        }
        if (typeof bron !== 'string') {
          inFlight--;
          const v = verder;
          verder = null;
          v?.();
        }
      } else if (bericht.soort === 'klaar') {
        speel(controleur, bericht.gebeurtenissen!, null);
        einde(controleur.resultaat(bericht.bytes!));
      } else if (bericht.soort === 'leesfout') einde(Object.assign(new Error(bericht.message), { code: bericht.code }));
    });
    worker.on('error', (e) => einde(e));
    worker.on('exit', () => einde(new Error('the validation worker stopped unexpectedly')));
  });
  if (typeof bron !== 'string') {
    try {
      for await (const c of bron) {
        if (gedaan) break;
        if (c.length === 0) continue;
        while (inFlight >= IN_FLIGHT && !gedaan) await new Promise<void>((r) => (verder = r));
        if (gedaan) break;
        for (let i = 0; i < c.length; i += CHUNK) {
          const stuk = c.subarray(i, i + CHUNK);
          const kopie = new Uint8Array(pool.pop() ?? new ArrayBuffer(CHUNK), 0, stuk.length);
          kopie.set(stuk);
          inFlight++;
          worker.postMessage({ soort: 'chunk', data: kopie }, [kopie.buffer as ArrayBuffer]);
        }
      }
      if (!gedaan) worker.postMessage({ soort: 'einde' });
    } catch (e) {
      gedaan = true;
      void worker.terminate();
      throw e;
    }
  }
  return resultaat;
}

/** The hash of a byte range of a file, read again. */
function herlezer(pad: string): (van: number, tot: number) => string {
  return (van, tot) => {
    const h = createHash('sha1');
    const buf = new Uint8Array(CHUNK);
    const fd = openSync(pad, 'r');
    try {
      for (let p = van; p < tot; ) {
        const n = readSync(fd, buf, 0, Math.min(CHUNK, tot - p), p);
        if (n === 0) break;
        h.update(buf.subarray(0, n));
        p += n;
      }
    } finally {
      closeSync(fd);
    }
    return h.digest('base64');
  };
}

/** Feeds a single-thread validator from any source of byte chunks and returns its result. */
export async function valideerBron(validator: StreamValidator, bron: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<StreamResultaat> {
  for await (const chunk of bron) if (!validator.write(chunk)) break;
  return validator.end();
}

/** A file as chunks of 1 MiB. */
export function leesBestand(pad: string): AsyncIterable<Uint8Array> {
  return createReadStream(pad, { highWaterMark: CHUNK });
}

/** What a generated package exports for streaming validation, made from its model's part. */
export interface StreamValidatie {
  /** A validator to feed chunk by chunk (write, then end), for a server that receives a delivery in parts. */
  createStreamValidator(opties?: StreamOpties): StreamValidator;
  /**
   * Validates a delivery from any source of byte chunks (a file stream, an HTTP request body) in bounded
   * memory; by default a worker thread scans while this thread validates (worker: false: all in this thread).
   */
  validateStream(bron: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, opties?: StreamOpties): Promise<StreamResultaat>;
  /** Validates a delivery file of any size, read in chunks of 1 MiB (by default in a worker thread, as validateStream). */
  validateFile(pad: string, opties?: StreamOpties): Promise<StreamResultaat>;
}

/**
 * The streaming functions of a generated package. `contextModule` is the URL of the package's module that
 * exports `context` as STREAM_CONTEXT: the worker thread imports the model from there.
 */
export function streamValidatie(context: StreamContext, contextModule: string): StreamValidatie {
  const createStreamValidator = (opties?: StreamOpties): StreamValidator => new StreamValidator(context.plan, context.validators, context.regels, context.melding, opties);
  return {
    createStreamValidator,
    validateStream(bron, opties = {}) {
      if (opties.worker === false) return valideerBron(createStreamValidator(opties), bron);
      return valideerMetWerker(contextModule, context, opties, bron);
    },
    validateFile(pad, opties = {}) {
      if (opties.worker === false) return valideerBron(createStreamValidator(opties), leesBestand(pad));
      return valideerMetWerker(contextModule, context, opties, pad);
    },
  };
}
