/**
 * The Verwerker: validates each record and unit value on its own (JSON.parse, the precompiled validator,
 * the rules within one value), in either thread, and hands what the checks across records need to an
 * Uitkomst: the Controleur itself, or a Verzamelaar whose findings travel from the worker thread.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { controleer, type Fout, type Regels } from '../controles.js';
import type { SchemaFout } from '../schema-validator.js';
import { canoniek, dubbeleSleutels, inTekst, segment, segmenten, syntaxFout, telSleutels, zoek } from './json-text.js';
import { eigen, mogelijkGebroken, padPointer, sleutelsOp, verdeelRegels, type EenheidRegels } from './rules.js';
import type { EenheidPlan, EenheidValidator, Positie, RecordReeks, StreamPlan } from './types.js';

const GEEN: readonly number[] = [];

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
export interface Uitkomst {
  gestopt(): boolean;
  fout(f: Fout, p: Positie): void;
  /**
   * Key `w` of the `b`-th key contribution of unit plan `plan`, found in item `item` (`idx`: its `*` steps);
   * `plek`: the position of a pointer within the value.
   */
  sleutel(
    plan: number,
    b: number,
    w: string | number,
    idx: readonly number[],
    item: number,
    pointer: () => string,
    plek: (rel: string) => Positie,
  ): void;
  /** Reference `w` of the `v`-th reference contribution of unit plan `plan`, found in item `item`. */
  verwijzing(
    plan: number,
    v: number,
    w: string | number,
    idx: readonly number[],
    item: number,
    pointer: () => string,
    plek: (rel: string) => Positie,
  ): void;
  /** A record could not be read: references into its scope may point at it. */
  onvolledig(): void;
  afdruk(item: number, afdruk: string, p: Positie): void;
}

/** Validates records and unit values on their own: JSON.parse, the validator, the rules within one value. */
export class Verwerker {
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
  private readonly pointer = (): string =>
    (this.pWaarde ??= this.pIndex < 0 ? this.pBasis : `${this.pBasis}/${this.pIndex}`);
  private readonly waarRecord = (idx: number): Positie =>
    inTekst(this.cText, 0, idx, { offset: this.cOffset, line: this.cLine, column: this.cColumn }, this.cAscii);
  private readonly plekRecord = (rel: string): Positie =>
    this.waarRecord(zoek(this.cText, segmenten(rel), undefined, this.cEerste));

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
  records(
    lijst: RecordLijst,
    chunk: Uint8Array,
    abs: number,
    ascii: boolean,
    n: number,
    r: RecordReeks,
    uit: Uitkomst,
  ): void {
    const b = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const snel = typeof b.latin1Slice === 'function' && typeof b.utf8Slice === 'function';
    for (let k = 0; k < n && !uit.gestopt(); k++) {
      const s = r.start[k]!;
      if (r.colons[k]! < 0) {
        this.teGroot(lijst, r.index[k]!, { offset: abs + s, line: r.line[k]!, column: r.column[k]! + 1 }, uit);
        continue;
      }
      const e = r.end[k]!;
      const text = snel
        ? ascii
          ? b.latin1Slice!(s, e)
          : b.utf8Slice!(s, e)
        : b.toString(ascii ? 'latin1' : 'utf8', s, e);
      this.record(lijst, r.index[k]!, text, ascii, abs + s, r.line[k]!, r.column[k]! + 1, r.colons[k]!, uit);
    }
  }

  teGroot(lijst: RecordLijst, index: number, p: Positie, uit: Uitkomst): void {
    this.aantal++;
    uit.onvolledig();
    uit.fout(
      {
        path: `${lijst.pointer}/${index}`,
        element: lijst.naam,
        message: `${lijst.naam} is te groot om te controleren: meer dan het maximum aan bytes van een record (maxRecordBytes)`,
      },
      p,
    );
  }

  record(
    lijst: RecordLijst,
    index: number,
    text: string,
    ascii: boolean,
    offset: number,
    line: number,
    column: number,
    colons: number,
    uit: Uitkomst,
  ): void {
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
      uit.fout(
        {
          path: `${lijst.pointer}/${index}`,
          element: lijst.naam,
          message: `${lijst.naam} is geen geldige JSON: ${f?.message ?? 'ongeldige waarde'}`,
        },
        waar(f?.index ?? 0),
      );
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
    if (lijst.uniek)
      uit.afdruk(index, createHash('sha1').update(canoniek(value)).digest('base64'), { offset, line, column });
  }

  /**
   * Validates the value of a unit or record and hands on what the checks across records need. Its pointer is
   * `basis` (a unit: index -1) or `basis/index` (a record), made only when needed.
   */
  waarde(
    plan: number,
    value: unknown,
    text: string,
    basis: string,
    index: number,
    waar: (idx: number) => Positie,
    plek: (rel: string) => Positie,
    uit: Uitkomst,
    item: number,
  ): void {
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
      for (const f of controleer(value, r.lokaal))
        uit.fout({ ...f, path: pointer() + f.path }, waar(zoek(text, segmenten(f.path))));
    }
  }
}

/** Collects the outcome of records validated in the worker thread, for the Controleur to apply in order. */
export class Verzamelaar implements Uitkomst {
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
    this.sleutels.push([
      plan,
      b,
      w,
      idx.length === 0 ? '' : padPointer(this.regelsPer[plan]!.sleutels[b]!.rel, idx),
      item,
    ]);
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
