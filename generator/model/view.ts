/**
 * The read-only questions about a resolved informatiemodel, answered in one place: the derivation, every
 * emitter and the diff ask here instead of each building its own index (in the spirit of LinkML's
 * SchemaView, without its schema-merging machinery: the model is already resolved).
 *
 * `modelView(model)` is made once per model and kept beside it (a WeakMap), so that every emitter of one
 * generation run shares its indexes. The free functions below it walk afresh on every call: the resolver
 * uses them while it still builds the model (it cuts generalisatie cycles after a first walk), when a
 * memoised answer would go stale.
 */
import type {
  Attribuutsoort,
  Constraint,
  Datatype,
  Gegevensgroep,
  Gegevensgroeptype,
  Informatiemodel,
  Kardinaliteit,
  Metadata,
  Objecttype,
  Relatiesoort,
  TypeVerwijzing,
} from './types.ts';

export class ModelView {
  /** Every datatype, in the order the derivation lists them when it suggests a name. */
  readonly datatypen: readonly Datatype[];
  /** Every attribuutsoort: those of the objecttypen, then those of the gegevensgroeptypen, as written. */
  readonly attribuutsoorten: readonly Attribuutsoort[];
  /** Every relatiesoort, by objecttype as written. */
  readonly relatiesoorten: readonly Relatiesoort[];

  private readonly subtypenVan = new Map<Objecttype, Objecttype[]>();
  private readonly naar = new Map<Objecttype, Relatiesoort[]>();
  private readonly gebruik = new Map<Datatype | Gegevensgroeptype, (Attribuutsoort | Gegevensgroep)[]>();
  private readonly perId = new Map<string, Metadata>();
  private readonly voorouders = new Map<Objecttype, readonly Objecttype[]>();
  private readonly geerfd = new Map<Objecttype | Gegevensgroeptype, readonly Attribuutsoort[]>();
  private readonly naarGeerfd = new Map<Objecttype, readonly Relatiesoort[]>();
  private readonly geerfdeGroepen = new Map<Objecttype, readonly Gegevensgroep[]>();
  private readonly nazaten = new Map<Objecttype, readonly Objecttype[]>();
  /** Each relatiesoort's place in `relatiesoorten`, made when first needed. */
  private volgorde: Map<Relatiesoort, number> | undefined;
  /** Each objecttype's place in the model, made when first needed. */
  private plaats: Map<Objecttype, number> | undefined;

  constructor(readonly model: Informatiemodel) {
    const m = model;
    this.datatypen = [
      ...m.primitieveDatatypes,
      ...m.enumeraties,
      ...m.codelijsten,
      ...m.gestructureerdeDatatypes,
      ...m.keuzes,
    ];
    const eigenaren = [...m.objecttypen, ...m.gegevensgroeptypen];
    this.attribuutsoorten = eigenaren.flatMap((e) => e.attribuutsoorten);
    this.relatiesoorten = m.objecttypen.flatMap((o) => o.relatiesoorten);
    for (const o of m.objecttypen) {
      for (const s of o.supertypen) push(this.subtypenVan, s, o);
      for (const r of o.relatiesoorten) push(this.naar, r.doel, r);
    }
    // Per owner its attribuutsoorten before its gegevensgroepen: the documentation lists usages in that order.
    for (const e of eigenaren) {
      for (const a of e.attribuutsoorten) push(this.gebruik, a.type.datatype, a);
      for (const g of e.gegevensgroepen) push(this.gebruik, g.type, g);
    }
    const elementen: Metadata[] = [
      ...m.objecttypen.flatMap((o) => [o, ...o.attribuutsoorten, ...o.gegevensgroepen, ...o.relatiesoorten]),
      ...m.gegevensgroeptypen.flatMap((g) => [g, ...g.attribuutsoorten, ...g.gegevensgroepen]),
      ...this.datatypen,
    ];
    for (const e of elementen) if (!this.perId.has(e.id)) this.perId.set(e.id, e);
  }

  /** The supertypen of an objecttype and theirs, nearest first, each once. */
  ancestors(o: Objecttype): readonly Objecttype[] {
    return memo(this.voorouders, o, () => ancestors(o));
  }

  /** The objecttypen that name this one as a direct supertype. */
  subtypen(o: Objecttype): readonly Objecttype[] {
    return this.subtypenVan.get(o) ?? [];
  }

  /** The attribuutsoorten an objecttype has, inherited ones first (from the furthest supertype), as a message lists them. */
  attribuutsoortenOf(o: Objecttype | Gegevensgroeptype): readonly Attribuutsoort[] {
    return memo(this.geerfd, o, () => attribuutsoortenOf(o, this.ancestors.bind(this)));
  }

  /** The gegevensgroepen an objecttype has, inherited ones first (from the furthest supertype), as attribuutsoortenOf. */
  gegevensgroepenOf(o: Objecttype | Gegevensgroeptype): readonly Gegevensgroep[] {
    if (o.soort !== 'objecttype') return o.gegevensgroepen;
    return memo(this.geerfdeGroepen, o, () => [
      ...[...this.ancestors(o)].reverse().flatMap((s) => s.gegevensgroepen),
      ...o.gegevensgroepen,
    ]);
  }

  /** The subtypen of an objecttype and theirs, each once, in the order of the model: every objecttype that can stand where it is expected. */
  descendants(o: Objecttype): readonly Objecttype[] {
    // Down the index of direct subtypen, not a scan of every objecttype per objecttype (quadratic at 1,000).
    return memo(this.nazaten, o, () => {
      const gevonden = new Set<Objecttype>();
      const rij = [...this.subtypen(o)];
      for (let x = rij.pop(); x !== undefined; x = rij.pop()) {
        if (x === o || gevonden.has(x)) continue;
        gevonden.add(x);
        rij.push(...this.subtypen(x));
      }
      if (gevonden.size === 0) return [];
      this.plaats ??= new Map(this.model.objecttypen.map((x, i) => [x, i]));
      const plaats = this.plaats;
      return [...gevonden].sort((a, b) => plaats.get(a)! - plaats.get(b)!);
    });
  }

  /** The relatiesoorten an objecttype has, its own first and then its supertypen's, nearest first: the nearest wins a name. */
  relatiesoortenOf(o: Objecttype): Relatiesoort[] {
    return [o, ...this.ancestors(o)].flatMap((x) => x.relatiesoorten);
  }

  /** The constraints that hold for an objecttype: its own, then its supertypen's, nearest first. */
  constraintsOf(o: Objecttype): Constraint[] {
    return [o, ...this.ancestors(o)].flatMap((x) => x.constraints);
  }

  /**
   * The relatiesoorten that point at an objecttype, in the order of the model. With `inherited`, also those
   * that point at one of its supertypen: an object of the subtype can stand at their end too.
   */
  incomingRelatiesoorten(o: Objecttype, options: { inherited?: boolean } = {}): readonly Relatiesoort[] {
    if (!options.inherited) return this.naar.get(o) ?? [];
    return memo(this.naarGeerfd, o, () => {
      // From the index by target, not a scan of every relatiesoort (quadratic on a model of 1,000 objecttypen).
      const voorouders = this.ancestors(o);
      if (voorouders.length === 0) return this.naar.get(o) ?? [];
      this.volgorde ??= new Map(this.relatiesoorten.map((r, i) => [r, i]));
      const volgorde = this.volgorde;
      return [...new Set([o, ...voorouders])]
        .flatMap((d) => this.naar.get(d) ?? [])
        .sort((a, b) => volgorde.get(a)! - volgorde.get(b)!);
    });
  }

  /** The attribuutsoorten typed with a datatype, or the gegevensgroepen with a gegevensgroeptype. */
  usages(d: Datatype | Gegevensgroeptype): readonly (Attribuutsoort | Gegevensgroep)[] {
    return this.gebruik.get(d) ?? [];
  }

  /** The objecttype, gegevensgroeptype, datatype, attribuutsoort, gegevensgroep or relatiesoort with this id. */
  element(id: string): Metadata | undefined {
    return this.perId.get(id);
  }

  /** The datatype a name refers to, `AN200` included; undefined when the model has none of that name. */
  datatype(naam: string): TypeVerwijzing | undefined {
    return datatypeVerwijzing(naam, this.datatypen);
  }
}

const views = new WeakMap<Informatiemodel, ModelView>();

/** The view of a resolved model, made on the first question. The model must not change after that. */
export function modelView(model: Informatiemodel): ModelView {
  return memo(views, model, () => new ModelView(model));
}

// ---------------------------------------------------------------------------------------------------------
// Questions that need no index.

/** Any number: the kardinaliteit of a relation followed back when the model states none at its bron. */
export const ONBEGRENSD: Kardinaliteit = Object.freeze({ min: 0, max: undefined, tekst: '0..*' });

/** More than one: the value is a list. */
export function isMeervoud(k: Kardinaliteit): boolean {
  return k.max === undefined || k.max > 1;
}

/** The value may be left out. */
export function isOptioneel(k: Kardinaliteit): boolean {
  return k.min === 0;
}

/** A bidirectional relatiesoort with a rolBron is navigable from its doel too, by that name. */
export function isTerugNavigeerbaar(r: Relatiesoort): boolean {
  return r.richting === 'bidirectioneel' && r.rolBron !== undefined;
}

/** How many objects of the bron one object at the doel of a relatiesoort has, when the relation is followed back. */
export function bronKardinaliteit(r: Relatiesoort): Kardinaliteit {
  return r.kardinaliteitBron ?? ONBEGRENSD;
}

export function isDatum(a: Attribuutsoort): boolean {
  const d = a.type.datatype;
  return d.soort === 'primitiefDatatype' && (d.basis === 'datum' || d.basis === 'datumTijd');
}

/** `AN200` → AN with length 200, for primitives whose name takes a length. */
export const LENGTE_IN_NAAM = /^(.*?)(\d+)$/;

/** The datatype a name refers to, `AN200` included (the primitive AN with length 200), or undefined. */
export function datatypeVerwijzing(naam: string, datatypes: readonly Datatype[]): TypeVerwijzing | undefined {
  const exact = datatypes.find((d) => d.naam === naam);
  if (exact) return { datatype: exact, naam };
  const m = LENGTE_IN_NAAM.exec(naam);
  const base = m
    ? datatypes.find((d) => d.soort === 'primitiefDatatype' && d.lengteInNaam && d.naam === m[1])
    : undefined;
  return base && m && Number(m[2]) > 0 ? { datatype: base, naam, lengte: Number(m[2]) } : undefined;
}

const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype', '.', '..']);

/**
 * Why a name cannot become a property or a wire name safely; undefined when it can. Names are data (issue 15,
 * item 5): a slash, a backslash or `..` is allowed (`Deelplan/Veld`), since no file is named after a name
 * (files are named from the model folder and ids), schema keys escape it in JSON pointers, TypeScript quotes
 * or maps it and the docs escape it.
 */
export function unsafeNaam(naam: string): string | undefined {
  if (/[\u0000-\u001f\u007f]/.test(naam)) return 'holds a control character';
  if (naam.trim() !== naam) return 'starts or ends with white space';
  if (UNSAFE_NAMES.has(naam)) return 'is reserved (it would break JavaScript objects)';
  return undefined;
}

/** The supertypen of an objecttype and theirs, nearest first (depth first, in the order written), each once. */
export function ancestors(o: Objecttype, seen = new Set<Objecttype>()): Objecttype[] {
  const result: Objecttype[] = [];
  for (const s of o.supertypen) {
    if (seen.has(s)) continue;
    seen.add(s);
    result.push(s, ...ancestors(s, seen));
  }
  return result;
}

/** The attribuutsoorten of an objecttype, inherited ones first (from the furthest supertype), then its own. */
export function attribuutsoortenOf(
  o: Objecttype | Gegevensgroeptype,
  supertypen: (o: Objecttype) => readonly Objecttype[] = ancestors,
): Attribuutsoort[] {
  if (o.soort !== 'objecttype') return o.attribuutsoorten;
  return [...[...supertypen(o)].reverse().flatMap((s) => s.attribuutsoorten), ...o.attribuutsoorten];
}

function memo<K extends object, V>(cache: Map<K, V> | WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
