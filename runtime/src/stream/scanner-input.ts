/**
 * The Scanner's first layer: bytes in, chunk by chunk. It holds back a byte order mark or a character that
 * runs over into the next chunk, checks the UTF-8, and keeps the line and column bookkeeping, so that the
 * layers above (scanner-structure.ts, scanner.ts) see whole characters and can name a position.
 */
import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import type { Fout } from '../controles.js';
import { teken } from './json-text.js';
import type { EenheidPlan, Ontvanger, Positie, StreamOpties, StreamPlan } from './types.js';
import { isUtf8Begin, ongeldigeUtf8, sequentieLengte, units } from './utf8.js';

/** @internal (a Node.js type) */
export const EMPTY: Buffer = Buffer.alloc(0);

/** The scanner's limits; `herleesbaar`: the input is a file that can be read again (no hash of the records' bytes needed). */
export type ScanOpties = Pick<StreamOpties, 'maxRecordBytes' | 'maxDepth'> & { herleesbaar?: boolean };

/**
 * Bytes in, for the Scanner (scanner.ts): this class, with the structure machine and the record scanner on
 * top. What the layers share is protected and marked internal, so that the declarations leave it out and
 * keep no Node.js types (stripInternal in runtime/tsconfig.json).
 */
export abstract class ScannerInput {
  /** @internal */ protected readonly eenheden: readonly EenheidPlan[];
  /** @internal */ protected readonly maxRecordBytes: number;
  /** @internal */ protected readonly maxDepth: number;
  /** @internal */ protected readonly herleesbaar: boolean;
  private stop = false;
  bytes = 0;
  records = 0;
  private kop: Buffer | null = null;
  private begonnen = false;
  /** @internal */ protected utf8Rest: Buffer | null = null;
  /** @internal */ protected utf8RestOffset = 0;
  /** @internal */ protected volgnummer = 0;

  // Where the scanner is: the chunk, the line and the column bookkeeping.
  /** @internal */ protected chunk: Buffer = EMPTY;
  /** @internal */ protected chunkAbs = 0;
  /** @internal */ protected chunkAscii = true;
  /** @internal */ protected line = 1;
  /** @internal */ protected lineStart = 0;
  /** Columns from the start of the line that runs into this chunk, to the chunk's start. */
  /** @internal */ protected carry = 0;
  private kLine = -1;
  private kPos = -1;
  private kChars = 0;

  constructor(
    plan: StreamPlan,
    opties: ScanOpties,
    /** @internal */ protected readonly ontvanger: Ontvanger,
  ) {
    this.eenheden = plan.eenheden;
    this.herleesbaar = opties.herleesbaar === true;
    this.maxRecordBytes = Math.max(1024, opties.maxRecordBytes ?? 16 * 1024 * 1024);
    this.maxDepth = Math.min(1000, Math.max(2, opties.maxDepth ?? 128));
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
        {
          path: this.pointerHier() || '/',
          element: '',
          message: `ongeldige UTF-8 (${teken(rest[0]!)}): een JSON-bestand moet in UTF-8 zijn`,
        },
        { offset: this.utf8RestOffset, line: this.line, column: this.carry - units(rest, 0, rest.length) + 1 },
      );
      this.chunk = EMPTY;
      return;
    }
    this.scan(b, van, fout < 0 ? b.length : fout);
    if (fout >= 0 && !this.gestopt) {
      this.flush();
      this.fataal(
        {
          path: this.pointerHier() || '/',
          element: '',
          message: `ongeldige UTF-8 (${teken(b[fout]!)}): een JSON-bestand moet in UTF-8 zijn`,
        },
        this.pos(fout),
      );
    }
    if (!this.gestopt) this.chunkEinde(b);
    this.bytes += b.length;
    this.chunk = EMPTY;
  }

  /** @internal */ protected fout(f: Fout, p: Positie): void {
    this.ontvanger.fout(f, p, false);
  }

  /** @internal */ protected fataal(f: Fout, p: Positie): void {
    if (this.gestopt) return;
    this.ontvanger.fout(f, p, true);
    this.stop = true;
  }

  private bom(b: Buffer): number {
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      this.fout(
        {
          path: '/',
          element: '',
          message:
            'het bestand begint met een byte order mark (BOM); JSON mag die niet hebben (RFC 8259): sla het op als UTF-8 zonder BOM',
        },
        { offset: 0, line: 1, column: 1 },
      );
      this.lineStart = 3;
      return 3;
    }
    if ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0xff && b[1] === 0xfe)) {
      this.fataal(
        { path: '/', element: '', message: 'het bestand is in UTF-16; een JSON-bestand moet in UTF-8 zijn' },
        { offset: 0, line: 1, column: 1 },
      );
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
    if (k >= a && b[k]! >= 0xc2 && b[k]! <= 0xf4 && sequentieLengte(b[k]!) > e - k && isUtf8Begin(b.subarray(k, e)))
      e = k;
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
  /** @internal */ protected kolom(ls: number, off: number): number {
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

  /** @internal */ protected pos(i: number): Positie {
    const off = this.chunkAbs + i;
    return { offset: off, line: this.line, column: this.kolom(this.lineStart, off) + 1 };
  }

  // What the layers above do with the chunk.
  /** @internal */ protected abstract scan(b: Buffer, i: number, n: number): void;
  /** @internal */ protected abstract flush(): void;
  /** @internal */ protected abstract chunkEinde(b: Buffer): void;
  /** @internal */ protected abstract pointerHier(): string;
  /** @internal */ protected abstract einde(): void;
}
