/**
 * The messages of two threads that validate one delivery together: one thread scans (and reads), its
 * Scanner reporting to a Doorgever; the other replays those reports on its Controleur (speel). While the
 * validating thread is the busier one, the scanning thread validates a chunk's records itself (Verwerker)
 * and sends their outcome instead. Used by the Node worker thread (worker.ts) and the browser's Web Workers
 * (runtime/browser/werker.js); nothing here depends on either.
 */
import type { Fout } from '../controles.js';
import type { Controleur } from './controleur.js';
import { segment } from './json-text.js';
import type { Ontvanger, Positie, RecordReeks, Segment, StreamPlan } from './types.js';
import { Verzamelaar, type RecordLijst, type RecordUitkomst, type Verwerker } from './verwerker.js';

/** One report of the scanner, as it travels between the threads. */
export type Gebeurtenis = readonly unknown[];

/** Collects the scanner's reports as messages for the other thread. */
export class Doorgever implements Ontvanger {
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
    if (e[lp.eenheid]!.record)
      this.lijsten.set(id, { eenheid: lp.eenheid, pointer, naam: e[lp.eenheid]!.naam, uniek: lp.uniqueItems === true });
    this.gebeurtenissen.push(['L', id, eigenaar, plan, start]);
  }
  /** Unit plan of each open unit, by id. */
  readonly eigenaarPlan: Map<number, number> = new Map();
  lijstKlaar(id: number, count: number, digest: string | null, van: number, tot: number): void {
    this.lijsten.delete(id);
    this.pointers.delete(-1 - id);
    this.gebeurtenissen.push(['M', id, count, digest, van, tot]);
  }
  records(lijst: number, chunk: Uint8Array, abs: number, ascii: boolean, n: number, r: RecordReeks): void {
    const l = this.lijsten.get(lijst);
    const reeks: RecordReeks = {
      start: r.start.slice(0, n),
      end: r.end.slice(0, n),
      colons: r.colons.slice(0, n),
      line: r.line.slice(0, n),
      column: r.column.slice(0, n),
      index: r.index.slice(0, n),
    };
    for (const a of Object.values(reeks) as ArrayBufferView[]) this.overdracht.push(a.buffer as ArrayBuffer);
    if (l && this.zelfDoen()) {
      const voor = this.verwerker.aantal;
      const v = new Verzamelaar(this.verwerker.regelsPer);
      this.verwerker.records(l, chunk, abs, ascii, n, r, v);
      const u: RecordUitkomst = {
        aantal: this.verwerker.aantal - voor,
        fouten: v.fouten,
        sleutels: v.sleutels,
        verwijzingen: v.verwijzingen,
        afdrukken: v.afdrukken,
        onvolledig: v.isOnvolledig,
        abs,
        ascii,
        reeks,
      };
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
export function speel(c: Controleur, gebeurtenissen: readonly Gebeurtenis[], chunk: Uint8Array | null): void {
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
