/**
 * The streaming validator's types: the model's plan (from the generated package), the options, the result,
 * positions in the file, and the events by which the scanner reports what it finds.
 */
import type { Fout } from '../controles.js';
import type { SchemaFout } from '../schema-validator.js';

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
