import { type Fout, type Regels } from './controles.js';
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
export type EenheidValidator = ((data: unknown) => boolean) & {
    errors?: SchemaFout[] | null;
};
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
/** The scanner's limits; `herleesbaar`: the input is a file that can be read again (no hash of the records' bytes needed). */
export type ScanOpties = Pick<StreamOpties, 'maxRecordBytes' | 'maxDepth'> & {
    herleesbaar?: boolean;
};
/** Finds the parts of a delivery in its bytes, chunk by chunk, and reports them to an Ontvanger. */
export declare class Scanner {
    private readonly ontvanger;
    private readonly eenheden;
    private readonly maxRecordBytes;
    private readonly maxDepth;
    private readonly herleesbaar;
    private stop;
    bytes: number;
    records: number;
    private kop;
    private begonnen;
    private utf8Rest;
    private utf8RestOffset;
    private volgnummer;
    private chunk;
    private chunkAbs;
    private chunkAscii;
    private line;
    private lineStart;
    /** Columns from the start of the line that runs into this chunk, to the chunk's start. */
    private carry;
    private kLine;
    private kPos;
    private kChars;
    private state;
    private depth;
    private readonly kind;
    private readonly fSleutels;
    private readonly fSleutel;
    private readonly fIndex;
    private readonly fEenheid;
    private readonly fLijst;
    private tSleutel;
    private tEsc;
    private tVan;
    private tDelen;
    private tBytes;
    private tPos;
    private lit;
    private scalair;
    private cap;
    private capVan;
    private readonly capStapel;
    private rLijst;
    private rFase;
    private rDepth;
    private rStr;
    private rEsc;
    private rColons;
    private rStart;
    private rLine;
    private rLineStart;
    private rIndex;
    private rOffset;
    private rCol;
    private rDelen;
    private rBytes;
    private rTeGroot;
    private hashVan;
    private reeks;
    private bN;
    private bLijst;
    private readonly bLineStart;
    constructor(plan: StreamPlan, opties: ScanOpties, ontvanger: Ontvanger);
    get gestopt(): boolean;
    /** Scans the next chunk; false when scanning has stopped. The chunk is not kept: it may be reused after. */
    write(input: Uint8Array): boolean;
    /** After the last chunk: reports what is left open (a truncated file, an empty one). */
    end(): void;
    private verwerk;
    private fout;
    private fataal;
    private einde;
    private bom;
    /**
     * Checks the chunk's UTF-8 (a character may run over into the next chunk): -1 when it is fine, the index
     * of the first bad byte, or -2 when the character begun at the end of the previous chunk is bad.
     */
    private utf8;
    /** 0-based column (UTF-16 units) of absolute byte `off` in the current chunk, on the line that starts at `ls`. */
    private kolom;
    private pos;
    /** JSON pointer of where the structure machine is: the value being read, or the container when between values. */
    private pointerHier;
    private scan;
    private syntax;
    private scanStructuur;
    private push;
    /** A value starts at b[i]. */
    private waarde;
    /** The streamed list of the current unit the current key leads to: its index in the unit's plan, or -1. */
    private zoekLijst;
    private scanTekst;
    private scanLiteral;
    /** A string or literal value ended before b[eind]. */
    private waardeKlaar;
    private sluit;
    private beginEenheid;
    private vang;
    private capRun;
    private beginLijst;
    private eindeLijst;
    private eindeEenheid;
    private scanRecords;
    /** The record that started at rStart (or in an earlier chunk) ends before b[eind]. */
    private recordKlaar;
    private groei;
    /** Reports the records found in the chunk so far, with their columns. */
    private flush;
    private chunkEinde;
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
export declare class Controleur implements Ontvanger, Uitkomst {
    /** The hash of a byte range of the input, for a file the scanner did not hash (ScanOpties.herleesbaar). */
    private readonly herlees?;
    private readonly eenheden;
    private readonly regelsPer;
    private readonly verwerker;
    private readonly melding;
    private readonly maxErrors;
    private readonly errors;
    private stop;
    private readonly units;
    private readonly lijsten;
    /** The unit whose scopes the value being validated contributes to, and the list it is an item of. */
    private cScope;
    private cLijst;
    constructor(plan: StreamPlan, validators: Readonly<Record<string, EenheidValidator>>, regels: Regels, melding: (e: SchemaFout) => Fout, opties?: Pick<StreamOpties, 'maxErrors'>, 
    /** The hash of a byte range of the input, for a file the scanner did not hash (ScanOpties.herleesbaar). */
    herlees?: ((van: number, tot: number) => string) | undefined);
    get aantal(): number;
    gestopt(): boolean;
    /** The result, once the scanner is done (or stopped). */
    resultaat(bytes: number): StreamResultaat;
    fout(f: Fout, p: Positie, fataal?: boolean): void;
    eenheid(id: number, plan: number, lijst: number, item: number, start: Positie): void;
    lijst(id: number, eigenaar: number, plan: number, start: Positie): void;
    lijstKlaar(id: number, count: number, digest: string | null, van: number, tot: number): void;
    eenheidKlaar(id: number, bytes: Uint8Array | null, segs: readonly Segment[]): void;
    private recordLijst;
    private huidig;
    records(lijstId: number, chunk: Uint8Array, abs: number, ascii: boolean, n: number, r: RecordReeks): void;
    record(lijstId: number, index: number, bytes: Uint8Array, ascii: boolean, p: Positie, colons: number): void;
    teGroot(lijstId: number, index: number, p: Positie): void;
    /** Applies what the worker found validating the records of a chunk itself, in the order of the file. */
    uitkomst(lijstId: number, u: RecordUitkomst, chunk: Uint8Array): void;
    sleutel(plan: number, b: number, w: string | number, idx: readonly number[], item: number, pointer: () => string, plek: (rel: string) => Positie): void;
    verwijzing(plan: number, v: number, w: string | number, idx: readonly number[], _item: number, pointer: () => string, plek: (rel: string) => Positie): void;
    onvolledig(): void;
    afdruk(item: number, afdruk: string, p: Positie): void;
    private dubbeleSleutel;
    private afdrukIn;
    private exact;
    private onvolledigVan;
    private eindeScope;
    private scope;
}
/**
 * Validates a delivery fed to it chunk by chunk, in this thread: `write(chunk)` for each chunk (false: stop
 * feeding, validation has stopped), `end()` for the result. The caller may reuse a chunk after `write`.
 */
export declare class StreamValidator {
    private readonly controleur;
    private readonly scanner;
    private readonly onProgress;
    constructor(plan: StreamPlan, validators: Readonly<Record<string, EenheidValidator>>, regels: Regels, melding: (e: SchemaFout) => Fout, opties?: StreamOpties);
    write(chunk: Uint8Array): boolean;
    end(): StreamResultaat;
}
/** The worker's task: the limits, and a file to read itself (or chunks sent to it when null). */
export interface WerkOpdracht {
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
/** The port of a worker thread, as far as the worker uses it. */
export interface WerkPoort {
    postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void;
    on(event: 'message', listener: (message: unknown) => void): unknown;
    close(): void;
}
/** Runs in the worker thread (stream-worker.js): reads (or receives) chunks, scans them, sends the reports. */
export declare function werk(poort: WerkPoort, opdracht: WerkOpdracht, context: StreamContext): void;
/**
 * Validates with two threads: the worker at `werkerUrl` (stream-worker.js) reads and scans, this thread
 * parses and validates. `bron`: a file path (the worker reads it), or chunks from anywhere.
 */
export declare function valideerMetWerker(werkerUrl: {
    href: string;
}, context: StreamContext, opties: StreamOpties, bron: string | AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<StreamResultaat>;
/** Feeds a single-thread validator from any source of byte chunks and returns its result. */
export declare function valideerBron(validator: StreamValidator, bron: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<StreamResultaat>;
/** A file as chunks of 1 MiB. */
export declare function leesBestand(pad: string): AsyncIterable<Uint8Array>;
export {};
