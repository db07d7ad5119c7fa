/**
 * The Controleur: receives what the Scanner reports, has each record and unit validated (Verwerker), and
 * keeps what the checks across records need: the keys per scope (each Levering), the references still
 * open, the fingerprints of list items that must be unique. It collects the errors in the order of the file.
 */
import { Buffer, isAscii } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import type { Fout, Regels, VerwijzingRegel } from '../controles.js';
import type { SchemaFout } from '../schema-validator.js';
import { canoniek, inTekst, segment, segmenten, syntaxFout, zoek } from './json-text.js';
import { padPointer, type EenheidRegels, type SleutelBijdrage } from './rules.js';
import type {
  EenheidPlan,
  EenheidValidator,
  LijstPlan,
  Ontvanger,
  Positie,
  RecordReeks,
  Segment,
  StreamFout,
  StreamOpties,
  StreamPlan,
  StreamResultaat,
} from './types.js';
import { units } from './utf8.js';
import { Verwerker, type RecordLijst, type RecordUitkomst, type Uitkomst } from './verwerker.js';

interface OpenVerwijzing {
  waarde: string | number;
  sleutel: string;
  pointer: string;
  pos: Positie;
  regel: VerwijzingRegel;
  pad: string;
}

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
    return {
      valid: errors.length === 0,
      errors,
      bytes,
      records: this.verwerker.aantal,
      ...(this.stop ? { stopped: this.stop } : {}),
    };
  }

  fout(f: Fout, p: Positie, fataal = false): void {
    if (this.stop) return;
    this.errors.push({
      path: f.path === '' ? '/' : f.path,
      element: f.element,
      message: f.message,
      line: p.line,
      column: p.column,
      offset: p.offset,
    });
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
    const schema = (keyword: string, limit: number): void =>
      this.fout(this.melding({ instancePath: lijst.pointer, schemaPath: '', keyword, params: { limit } }), lijst.start);
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
        this.fout(
          { path: e.pointer, element: e.plan.naam, message: `geen geldige JSON: ${f?.message ?? 'ongeldige waarde'}` },
          waar(f?.index ?? 0),
        );
        this.onvolledigVan(e.ouder);
      }
      if (ok) {
        this.cScope = e;
        this.cLijst = null;
        this.verwerker.waarde(
          e.index,
          value,
          text,
          e.pointer,
          -1,
          waar,
          (rel) => waar(zoek(text, segmenten(rel))),
          this,
          e.item,
        );
        if (e.plan.vingerafdruk && e.lijst) {
          const h = createHash('sha1').update(canoniek(value));
          for (const [pad, digest] of (e.lijstAfdrukken ?? []).sort((a, c) => (a[0] < c[0] ? -1 : a[0] > c[0] ? 1 : 0)))
            h.update(`\n${pad}\n${digest}`);
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
    this.verwerker.record(
      this.recordLijst(lijst),
      index,
      b.toString('utf8'),
      ascii,
      p.offset,
      p.line,
      p.column,
      colons,
      this,
    );
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
      return inTekst(
        text,
        0,
        zoek(text, segmenten(rel)),
        { offset: u.abs + r.start[k]!, line: r.line[k]!, column: r.column[k]! + 1 },
        u.ascii,
      );
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
        scope.open!.push({
          waarde: w,
          sleutel: String(w),
          pointer: `${lijst.pointer}/${item}${rel}`,
          pos: plek(item, rel),
          regel: bijdrage.regel,
          pad: bijdrage.pad,
        });
      }
    }
    for (const [item, afdruk, p] of u.afdrukken) this.afdruk(item, afdruk, p);
    if (u.onvolledig) this.onvolledig();
  }

  // --- Uitkomst: the outcome of a value validated in this thread

  sleutel(
    plan: number,
    b: number,
    w: string | number,
    idx: readonly number[],
    item: number,
    pointer: () => string,
    plek: (rel: string) => Positie,
  ): void {
    const s = this.regelsPer[plan]!.sleutels[b]!;
    const scope = this.scope(this.cScope, s.scope);
    const map = scope?.sleutels?.get(s.pad);
    if (!map) return;
    const k = String(w);
    const eerder = map.get(k);
    if (eerder === undefined) map.set(k, s.compact ? item : pointer() + padPointer(s.rel, idx));
    else if (s.uniek)
      this.dubbeleSleutel(s, scope!, w, eerder, pointer() + padPointer(s.rel, idx), plek(padPointer(s.rel, idx)));
  }

  verwijzing(
    plan: number,
    v: number,
    w: string | number,
    idx: readonly number[],
    _item: number,
    pointer: () => string,
    plek: (rel: string) => Positie,
  ): void {
    const bijdrage = this.regelsPer[plan]!.verwijzingen[v]!;
    const scope = this.scope(this.cScope, bijdrage.scope);
    const map = scope?.sleutels?.get(bijdrage.pad);
    if (!map || map.has(String(w))) return;
    const rel = padPointer(bijdrage.rel, idx);
    scope!.open!.push({
      waarde: w,
      sleutel: String(w),
      pointer: pointer() + rel,
      pos: plek(rel),
      regel: bijdrage.regel,
      pad: bijdrage.pad,
    });
  }

  onvolledig(): void {
    this.onvolledigVan(this.cScope);
  }

  afdruk(item: number, afdruk: string, p: Positie): void {
    if (this.cLijst) this.afdrukIn(this.cLijst, item, afdruk, p);
  }

  private dubbeleSleutel(
    s: SleutelBijdrage,
    scope: CEenheid,
    w: string | number,
    eerder: number | string,
    pointer: string,
    pos: Positie,
  ): void {
    const u = s.uniek!;
    const eerderPointer =
      typeof eerder === 'number' ? `${scope.pointer}${s.lijstPointer}/${eerder}${s.relPointer}` : eerder;
    this.fout(
      {
        path: pointer,
        element: u.element,
        message: `${u.element} ${JSON.stringify(w)} komt in deze ${u.scopeNaam} al voor (${eerderPointer}); elk ${u.objecttype} in een ${u.scopeNaam} heeft een eigen ${u.element.split('.').pop()}`,
      },
      pos,
    );
  }

  private afdrukIn(
    lijst: CLijst,
    item: number,
    afdruk: string,
    p: Positie,
    bereiken: [string, number, number][] | null = null,
  ): void {
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
    this.fout(
      this.melding({
        instancePath: lijst.pointer,
        schemaPath: '',
        keyword: 'uniqueItems',
        params: { i: item, j: gelijk.item },
      }),
      p,
    );
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
      this.fout(
        {
          path: o.pointer,
          element: r.element,
          message: `${r.bron} verwijst naar ${r.doel} ${JSON.stringify(o.waarde)}, maar die ${r.doel} staat niet in dezelfde ${r.scopeNaam}`,
        },
        o.pos,
      );
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
