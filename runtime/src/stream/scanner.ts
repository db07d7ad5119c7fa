/**
 * The Scanner's last layer: the record scanner. Inside a record list it only finds where each record begins
 * and ends (strings, escapes, brackets) and counts its keys and lines, and it reports the records of a chunk
 * together; it also says what is left open at the end of a chunk and of the input.
 */
import { Buffer, isAscii } from 'node:buffer';
import { LITERAL_BYTE, OBJ, teken } from './json-text.js';
import {
  LITERAL,
  R_CONTAINER,
  R_ITEM,
  R_ITEM_OF_EIND,
  R_LITERAL,
  R_NA_ITEM,
  S_BEGIN,
  S_KLAAR,
  S_LITERAL,
  S_RECORDS,
  S_TEKST,
  StructureScanner,
  type ScanLijst,
} from './scanner-structure.js';
import { EMPTY } from './scanner-input.js';
import type { Positie, RecordReeks } from './types.js';

const MAX_SLEUTEL = 1 << 20;

/** Finds the parts of a delivery in its bytes, chunk by chunk, and reports them to an Ontvanger. */
export class Scanner extends StructureScanner {
  // The record scanner.
  /** @internal */ protected rLijst: ScanLijst | null = null;
  /** @internal */ protected rFase: number = R_ITEM_OF_EIND;
  private rDepth = 0;
  private rStr = false;
  private rEsc = false;
  private rColons = 0;
  private rStart = -1;
  private rLine = 0;
  private rLineStart = 0;
  /** @internal */ protected rIndex = 0;
  private rOffset = 0;
  private rCol = 0;
  private rDelen: Uint8Array[] | null = null;
  private rBytes = 0;
  private rTeGroot = false;
  /** @internal */ protected hashVan = -1;

  // Records found in the current chunk, reported together.
  private reeks: RecordReeks = nieuweReeks(4096);
  private bN = 0;
  private bLijst: ScanLijst | null = null;
  private readonly bLineStart: Float64Array[] = [new Float64Array(4096)];

  // --- the end of the input: here, because what is left open may be left open in any layer

  /** @internal */ protected einde(): void {
    const eindPos: Positie = {
      offset: this.bytes,
      line: this.line,
      column: (this.lineStart >= this.bytes ? 0 : this.carry) + 1,
    };
    if (this.utf8Rest) {
      this.fataal(
        { path: '/', element: '', message: 'ongeldige UTF-8: het bestand houdt op midden in een teken' },
        { ...eindPos, offset: this.utf8RestOffset },
      );
      return;
    }
    this.chunk = EMPTY;
    this.chunkAbs = this.bytes;
    this.capVan = -1;
    if (this.state === S_LITERAL && this.depth === 0) {
      if (!LITERAL.test(this.lit)) {
        this.fataal(
          { path: '/', element: '', message: `geen geldige JSON: ongeldige waarde ${this.lit.slice(0, 40)}` },
          this.tPos,
        );
        return;
      }
      this.waardeKlaar(0);
    }
    if (this.state === S_KLAAR) return;
    if (this.state === S_BEGIN) {
      this.fataal(
        {
          path: '/',
          element: '',
          message:
            this.bytes === 0
              ? 'het bestand is leeg: er staat geen JSON in'
              : 'het bestand bevat alleen witruimte: er staat geen JSON in',
        },
        eindPos,
      );
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
    this.fataal(
      { path: path || '/', element: '', message: `het bestand houdt op ${wat}: de JSON is afgebroken` },
      eindPos,
    );
  }

  // --- records

  /** @internal */ protected scanRecords(b: Buffer, i: number, n: number): number {
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
  /** @internal */ protected flush(): void {
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

  /** @internal */ protected chunkEinde(b: Buffer): void {
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
          this.ontvanger.teGroot(this.rLijst!.id, this.rIndex, {
            offset: this.rOffset,
            line: this.rLine,
            column: this.rCol + 1,
          });
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
        this.fataal(
          { path: this.pointerHier() || '/', element: '', message: `een veldnaam van meer dan ${MAX_SLEUTEL} bytes` },
          this.tPos,
        );
        return;
      }
      this.tDelen.push(Buffer.from(b.subarray(this.tVan, n)));
      this.tVan = 0;
    }
    this.carry = this.lineStart >= this.chunkAbs + n ? 0 : this.kolom(this.lineStart, this.chunkAbs + n);
  }
}

function nieuweReeks(n: number): RecordReeks {
  return {
    start: new Int32Array(n),
    end: new Int32Array(n),
    colons: new Int32Array(n),
    line: new Float64Array(n),
    column: new Float64Array(n),
    index: new Float64Array(n),
  };
}
