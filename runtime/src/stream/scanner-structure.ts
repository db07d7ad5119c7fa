/**
 * The Scanner's second layer: the structure machine. Outside the records it is a full JSON state machine
 * (the envelope: the message and each Levering, their keys, their nesting) that copies each unit's bytes
 * aside, its streamed lists replaced by `[]`, and enters a record list where the plan has one.
 */
import { Buffer } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import { ARR, OBJ, LITERAL_BYTE, segment, teken } from './json-text.js';
import { ScannerInput } from './scanner-input.js';
import type { EenheidPlan, LijstPlan, Positie, Segment } from './types.js';

// The structure machine's frames besides OBJ and ARR: the streamed lists.
/** A streamed list whose items are units (Leveringen). */
const LIJST = 3;
/** A streamed list whose items are records. */
const RLIJST = 4;

// States of the structure machine.
export const S_BEGIN = 0;
export const S_WAARDE = 1;
export const S_WAARDE_OF_EIND = 2;
export const S_SLEUTEL_OF_EIND = 3;
export const S_SLEUTEL = 4;
export const S_DUBBELE_PUNT = 5;
export const S_NA_WAARDE = 6;
export const S_KLAAR = 7;
export const S_TEKST = 8;
export const S_LITERAL = 9;
export const S_RECORDS = 10;

// Phases of the record scanner.
export const R_ITEM_OF_EIND = 0;
export const R_NA_ITEM = 1;
export const R_ITEM = 2;
export const R_CONTAINER = 3;
export const R_LITERAL = 4;

export const LITERAL: RegExp = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;
const MAX_LITERAL = 4096;

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

/** @internal (a Node.js type) */
export interface ScanLijst {
  id: number;
  plan: LijstPlan;
  kind: EenheidPlan;
  pointer: string;
  count: number;
  hash: Hash | null;
  /** Absolute offset of its first byte after `[`. */
  van: number;
}

/** The structure machine, between the bytes (ScannerInput) and the record scanner (Scanner). */
export abstract class StructureScanner extends ScannerInput {
  // The structure machine.
  /** @internal */ protected state: number = S_BEGIN;
  /** @internal */ protected depth = 0;
  /** @internal */ protected readonly kind: Uint8Array = new Uint8Array(this.maxDepth + 1);
  private readonly fSleutels: (Map<string, Positie> | null)[] = [];
  private readonly fSleutel: string[] = [];
  private readonly fIndex: number[] = [];
  private readonly fEenheid: (ScanEenheid | null)[] = [];
  private readonly fLijst: (ScanLijst | null)[] = [];
  /** @internal */ protected tSleutel = false;
  private tEsc = false;
  /** @internal */ protected tVan = 0;
  /** @internal */ protected tDelen: Uint8Array[] = [];
  /** @internal */ protected tBytes = 0;
  /** @internal */ protected tPos: Positie = { offset: 0, line: 1, column: 1 };
  /** @internal */ protected lit = '';
  private scalair: ScanEenheid | null = null;
  private cap: ScanEenheid | null = null;
  /** @internal */ protected capVan = -1;
  private readonly capStapel: ScanEenheid[] = [];

  // The record scanner's state, set when the structure machine enters or leaves a record list.
  /** @internal */ protected abstract rLijst: ScanLijst | null;
  /** @internal */ protected abstract rFase: number;
  /** @internal */ protected abstract rIndex: number;
  /** @internal */ protected abstract hashVan: number;
  /** @internal */ protected abstract scanRecords(b: Buffer, i: number, n: number): number;

  /** JSON pointer of where the structure machine is: the value being read, or the container when between values. */
  /** @internal */ protected pointerHier(): string {
    const st = this.state;
    const inWaarde =
      st === S_DUBBELE_PUNT ||
      st === S_WAARDE ||
      st === S_NA_WAARDE ||
      st === S_LITERAL ||
      (st === S_TEKST && !this.tSleutel);
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

  /** @internal */ protected scan(b: Buffer, i: number, n: number): void {
    while (i < n && !this.gestopt) {
      if (this.state === S_RECORDS) i = this.scanRecords(b, i, n);
      else if (this.state === S_TEKST) i = this.scanTekst(b, i, n);
      else if (this.state === S_LITERAL) i = this.scanLiteral(b, i, n);
      else i = this.scanStructuur(b, i, n);
    }
  }

  /** @internal */ protected syntax(i: number, message: string): number {
    this.flush();
    this.fataal(
      { path: this.pointerHier() || '/', element: this.cap?.plan.naam ?? '', message: `geen geldige JSON: ${message}` },
      this.pos(i),
    );
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
        if (
          c !== 0x7b &&
          c !== 0x5b &&
          c !== 0x22 &&
          c !== 0x2d &&
          !(c >= 0x30 && c <= 0x39) &&
          c !== 0x74 &&
          c !== 0x66 &&
          c !== 0x6e
        ) {
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
        if (c !== 0x22)
          return this.syntax(i, `onverwacht teken ${teken(c)}; verwacht een veldnaam tussen aanhalingstekens`);
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
      for (let k = 0; k < rel && ok; k++)
        ok = this.kind[u.diepte + k] === OBJ && this.fSleutel[u.diepte + k] === lp.pad[k];
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
        this.fataal(
          {
            path: this.pointerHier() || '/',
            element: '',
            message: 'geen geldige JSON: ongeldige veldnaam (een stuurteken of een ongeldige \\-code)',
          },
          this.tPos,
        );
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
    if (this.lit.length > MAX_LITERAL)
      return this.syntax(i, `een waarde van meer dan ${MAX_LITERAL} tekens zonder aanhalingstekens`);
    if (j >= n) return n;
    if (!LITERAL.test(this.lit)) {
      this.flush();
      this.fataal(
        {
          path: this.pointerHier() || '/',
          element: '',
          message: `geen geldige JSON: ongeldige waarde ${this.lit.slice(0, 40)}`,
        },
        this.tPos,
      );
      return n;
    }
    this.waardeKlaar(j);
    return j;
  }

  /** A string or literal value ended before b[eind]. */
  /** @internal */ protected waardeKlaar(eind: number): void {
    this.state = this.depth === 0 ? S_KLAAR : S_NA_WAARDE;
    const u = this.scalair;
    if (u) {
      this.scalair = null;
      this.eindeEenheid(u, eind);
    }
  }

  /** @internal */ protected sluit(i: number): number {
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
        {
          path: e.pointer || '/',
          element: e.plan.naam,
          message: `${e.plan.naam} is te groot om te controleren: meer dan ${this.maxRecordBytes} bytes buiten de records (maxRecordBytes)`,
        },
        e.start,
      );
      return;
    }
    e.delen.push(Buffer.from(bytes));
    e.bytes += bytes.length;
  }

  /** @internal */ protected capRun(eind: number): void {
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
      hash:
        kind.record &&
        eigenaar.plan.vingerafdruk &&
        (!this.herleesbaar || this.eenheden[eigenaar.plan.ouder]?.vingerafdruk === true)
          ? createHash('sha1')
          : null,
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
}
