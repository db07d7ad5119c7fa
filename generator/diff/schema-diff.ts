/**
 * The schema-level diff: two JSON Schemas (2020-12) compared keyword by keyword, following `$ref`, each
 * change classified by whom it breaks.
 *
 * Soundness rests on one fact: apart from the keywords that look at each other (properties /
 * patternProperties / additionalProperties, prefixItems / items, the unevaluated* keywords, if/then/else,
 * the combinators), a schema accepts a document when every keyword accepts it. So if every keyword of the
 * new schema accepts at least what the same keyword of the old one does, the new schema accepts at least
 * what the old one does; and a keyword that is missing accepts everything. The interacting keywords are
 * compared as a group (a property's value is governed by `properties[name]`, else by
 * `additionalProperties`), and whatever this module does not compare precisely is marked as breaking both
 * ways. A change can thus be marked breaking when it is not (an over-approximation), never the reverse.
 */
import { pointerSegment } from '../common/json-pointer.ts';
import type { Change, Json, JsonObject } from './types.ts';

export interface SchemaChange extends Change {
  level: 'schema';
  /** The pointer in the old message (absent for an addition). */
  oldPath?: string;
  /** The pointer in the new message (absent for a removal). */
  newPath?: string;
  /** For a change of one enumeration value: the value as text. */
  value?: string;
}

/** Keywords that never decide whether a document is valid. */
const ANNOTATIES = new Set([
  'description',
  'title',
  '$comment',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
]);
/** Keywords about the schema document itself rather than about the instance at this place. */
const STRUCTUUR = new Set(['$schema', '$id', '$anchor', '$dynamicAnchor', '$defs', 'definitions', '$vocabulary']);

const ONDERGRENZEN: Record<string, { soort: string; standaard: number }> = {
  minimum: { soort: 'range-changed', standaard: -Infinity },
  exclusiveMinimum: { soort: 'range-changed', standaard: -Infinity },
  minLength: { soort: 'length-changed', standaard: 0 },
  minItems: { soort: 'array-bounds-changed', standaard: 0 },
  minProperties: { soort: 'property-count-changed', standaard: 0 },
};
const BOVENGRENZEN: Record<string, { soort: string; standaard: number }> = {
  maximum: { soort: 'range-changed', standaard: Infinity },
  exclusiveMaximum: { soort: 'range-changed', standaard: Infinity },
  maxLength: { soort: 'length-changed', standaard: Infinity },
  maxItems: { soort: 'array-bounds-changed', standaard: Infinity },
  maxProperties: { soort: 'property-count-changed', standaard: Infinity },
};

/** Keywords compared precisely below; any other keyword that differs is marked as breaking both ways. */
const VERGELEKEN = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'multipleOf',
  'pattern',
  'format',
  'uniqueItems',
  'properties',
  'patternProperties',
  'additionalProperties',
  'required',
  'items',
  'allOf',
  'anyOf',
  ...Object.keys(ONDERGRENZEN),
  ...Object.keys(BOVENGRENZEN),
]);

/** Groups of keywords that look at each other: a `$ref` target and its siblings that share one are not merged. */
const GROEPEN = [
  ['properties', 'patternProperties', 'additionalProperties', 'unevaluatedProperties'],
  ['prefixItems', 'items', 'unevaluatedItems', 'contains', 'minContains', 'maxContains'],
  ['if', 'then', 'else'],
];

const ALLE_TYPEN = ['array', 'boolean', 'null', 'number', 'object', 'string'];
const MAX_DIEPTE = 100;

/** A schema with its `$ref` followed and merged with the keywords beside it. */
interface Opgelost {
  /** The document it stands in, for following the `$ref`s inside it. */
  doc: Document;
  /** `false` for the schema that accepts nothing. */
  s: JsonObject | false;
  /** The `$defs` entry (or other target) that this place refers to, for messages. */
  defNaam?: string;
  /** A `$ref` this module cannot follow (another document); it stays in `s` and is compared as text. */
  onopgelost?: string;
}

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Appends a property name to a JSON pointer, escaped as RFC 6901 (and generator/emit/mapping) do. */
export function pointer(path: string, naam: string): string {
  return `${path}/${pointerSegment(naam)}`;
}

/** One schema document: what `$ref` inside it can point at. */
class Document {
  private readonly anchors = new Map<string, Json>();
  readonly id: string | undefined;

  constructor(readonly root: Json) {
    this.id = isObject(root) && typeof root.$id === 'string' ? root.$id.replace(/#$/, '') : undefined;
    const seen = new Set<Json>();
    const walk = (v: Json): void => {
      if (typeof v !== 'object' || v === null || seen.has(v)) return;
      seen.add(v);
      if (Array.isArray(v)) return v.forEach(walk);
      for (const key of ['$anchor', '$dynamicAnchor']) {
        const a = v[key];
        if (typeof a === 'string' && !this.anchors.has(a)) this.anchors.set(a, v);
      }
      Object.values(v).forEach(walk);
    };
    walk(root);
  }

  /** The target of a `$ref` inside this document, or undefined when it points elsewhere or nowhere. */
  lookup(ref: string): Json | undefined {
    let fragment: string;
    if (ref.startsWith('#')) fragment = ref.slice(1);
    else if (this.id !== undefined && (ref === this.id || ref.startsWith(`${this.id}#`))) fragment = ref.slice(this.id.length + 1);
    else return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(fragment);
    } catch {
      return undefined;
    }
    if (decoded === '') return this.root;
    if (!decoded.startsWith('/')) return this.anchors.get(decoded);
    let at: Json | undefined = this.root;
    for (const raw of decoded.slice(1).split('/')) {
      const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(at)) at = /^(0|[1-9]\d*)$/.test(segment) ? at[Number(segment)] : undefined;
      else if (isObject(at)) at = Object.hasOwn(at, segment) ? at[segment] : undefined;
      else return undefined;
      if (at === undefined) return undefined;
    }
    return at;
  }

  resolve(raw: Json | undefined, depth = 0): Opgelost {
    if (raw === undefined || raw === true) return { doc: this, s: {} };
    if (raw === false) return { doc: this, s: false };
    // Not a schema (a number, a list such as draft-07's tuple `items`): an unknown keyword, compared as text.
    if (!isObject(raw)) return { doc: this, s: { $geenSchema: raw } };
    const ref = raw.$ref;
    if (typeof ref !== 'string') return { doc: this, s: raw };
    const target = this.lookup(ref);
    // A $ref to another document, or a chain of $refs that never reaches a schema, is compared as text.
    if (target === undefined || depth > 50) return { doc: this, s: raw, onopgelost: ref };
    const { $ref: _ref, ...naast } = raw;
    const doel = this.resolve(target, depth + 1);
    const defNaam = laatsteSegment(ref);
    if (doel.s === false) return { doc: this, s: false, defNaam };
    return { doc: this, s: samenvoegen(doel.s, naast), defNaam, onopgelost: doel.onopgelost };
  }
}

function laatsteSegment(ref: string): string {
  const fragment = ref.slice(ref.indexOf('#') + 1);
  let decoded = fragment;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    // keep as written
  }
  const last = decoded.split('/').pop() ?? decoded;
  return last.replace(/~1/g, '/').replace(/~0/g, '~') || ref;
}

/**
 * A `$ref` target together with the keywords beside the `$ref` (2020-12 applies both). Where they do not
 * share a keyword or a group of keywords that look at each other, one object says the same; otherwise they
 * stay apart under allOf.
 */
function samenvoegen(doel: JsonObject, naast: JsonObject): JsonObject {
  const eisenNaast = Object.keys(naast).filter((k) => !ANNOTATIES.has(k) && !STRUCTUUR.has(k));
  if (eisenNaast.length === 0) return { ...doel, ...naast };
  const eisenDoel = new Set(Object.keys(doel).filter((k) => !ANNOTATIES.has(k) && !STRUCTUUR.has(k)));
  const botsing =
    eisenNaast.some((k) => eisenDoel.has(k)) ||
    GROEPEN.some((g) => g.some((k) => eisenDoel.has(k)) && g.some((k) => eisenNaast.includes(k))) ||
    [...eisenNaast, ...eisenDoel].some((k) => k.startsWith('unevaluated'));
  if (!botsing) return { ...doel, ...naast };
  const annotaties = (o: JsonObject): JsonObject => Object.fromEntries(Object.entries(o).filter(([k]) => ANNOTATIES.has(k)));
  const eisen = (o: JsonObject): JsonObject => Object.fromEntries(Object.entries(o).filter(([k]) => !ANNOTATIES.has(k)));
  return { ...annotaties(doel), ...annotaties(naast), allOf: [eisen(doel), eisen(naast)] };
}

/** Canonical text of a value: object keys sorted, so that two equal values give equal text. */
function canonicalJson(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k]!)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function waardeTekst(v: Json): string {
  return typeof v === 'string' ? v : canonicalJson(v);
}

function kort(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function typen(s: JsonObject): string[] | undefined {
  const t = s.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return undefined;
}

function gedekt(set: string[] | undefined, t: string): boolean {
  return set === undefined || set.includes(t) || (t === 'integer' && set.includes('number'));
}

function getal(v: Json | undefined): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export interface SchemaDiffOptions {
  /** Also report the `$id` of the two schemas when it differs (a model compared with a published schema: yes). */
  schemaId?: boolean;
}

/** Every change between two JSON Schemas, in message order. */
export function diffSchemas(oud: Json, nieuw: Json, options: SchemaDiffOptions = {}): SchemaChange[] {
  return new SchemaDiff(new Document(oud), new Document(nieuw)).run(options);
}

class SchemaDiff {
  private readonly ids = new WeakMap<object, number>();
  private volgnummer = 0;
  private readonly bezig = new Set<string>();

  constructor(
    private readonly oud: Document,
    private readonly nieuw: Document,
  ) {}

  run(options: SchemaDiffOptions): SchemaChange[] {
    const out: SchemaChange[] = [];
    const a = this.oud.root;
    const b = this.nieuw.root;
    if (isObject(a) && isObject(b)) {
      if (a.$schema !== b.$schema) {
        out.push(this.change('dialect-changed', '', '', true, true, `JSON Schema-dialect ${tekst(a.$schema)} → ${tekst(b.$schema)}; als brekend gemarkeerd`));
      }
      if ((options.schemaId ?? true) && a.$id !== b.$id) {
        out.push(this.change('schema-id-changed', '', '', false, false, `$id van het schema ${tekst(a.$id)} → ${tekst(b.$id)}`));
      }
    }
    this.compare(a, b, '', '', out, 0);
    return out;
  }

  private id(v: Json | undefined): string {
    if (v === undefined || v === true) return 't';
    if (typeof v !== 'object' || v === null) return String(v);
    let n = this.ids.get(v);
    if (n === undefined) {
      n = ++this.volgnummer;
      this.ids.set(v, n);
    }
    return String(n);
  }

  private change(
    kind: string,
    oldPath: string | undefined,
    newPath: string | undefined,
    breaksSenders: boolean,
    breaksReceivers: boolean,
    message: string,
    value?: string,
  ): SchemaChange {
    return {
      path: newPath ?? oldPath ?? '',
      kind,
      breaksSenders,
      breaksReceivers,
      message,
      level: 'schema',
      ...(oldPath !== undefined ? { oldPath } : {}),
      ...(newPath !== undefined ? { newPath } : {}),
      ...(value !== undefined ? { value } : {}),
    };
  }

  /** Compares the schemas at one place of the message; pushes what changed there and below. */
  compare(a: Json | undefined, b: Json | undefined, op: string, np: string, out: SchemaChange[], diepte: number): void {
    // A pair of schema places already being compared further up is a recursive schema: documents are
    // finite, so assuming the pair is compatible there is sound (induction on the depth of the document).
    const key = `${this.id(a)}|${this.id(b)}`;
    if (this.bezig.has(key)) return;
    if (diepte > MAX_DIEPTE) {
      out.push(this.change('too-deep', op, np, true, true, `het schema is hier dieper dan ${MAX_DIEPTE} niveaus; niet vergeleken en als brekend gemarkeerd`));
      return;
    }
    this.bezig.add(key);
    try {
      this.vergelijk(this.oud.resolve(a), this.nieuw.resolve(b), op, np, out, diepte);
    } finally {
      this.bezig.delete(key);
    }
  }

  /** The flags of what `compare` would report, without reporting it. */
  private vlaggen(a: Json | undefined, b: Json | undefined, op: string, np: string, diepte: number): { s: boolean; r: boolean } {
    const sub: SchemaChange[] = [];
    this.compare(a, b, op, np, sub, diepte);
    return { s: sub.some((c) => c.breaksSenders), r: sub.some((c) => c.breaksReceivers) };
  }

  private vergelijk(o: Opgelost, n: Opgelost, op: string, np: string, out: SchemaChange[], diepte: number): void {
    if (o.s === false || n.s === false) {
      if (o.s === false && n.s === false) return;
      if (o.s === false) out.push(this.change('schema-widened', op, np, false, !this.onvervulbaar(n), `stond niets toe, nu ${this.beschrijf(n)}`));
      else out.push(this.change('schema-narrowed', op, np, !this.onvervulbaar(o), false, `stond ${this.beschrijf(o)} toe, nu niets (false)`));
      return;
    }
    const a = o.s;
    const b = n.s;
    this.annotaties(a, b, op, np, out);
    this.type(o, n, op, np, out);
    this.enumeratie(o, n, op, np, out);
    this.grenzen(a, b, op, np, out);
    this.tekstEisen(a, b, op, np, out);
    this.object(a, b, op, np, out, diepte);
    this.lijst(a, b, op, np, out, diepte);
    this.combinaties(a, b, op, np, out, diepte);
    const onbekend = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !VERGELEKEN.has(k) && !ANNOTATIES.has(k) && !STRUCTUUR.has(k)));
    for (const k of [...onbekend].sort()) {
      const x = a[k];
      const y = b[k];
      if (this.canon(this.oud, x) === this.canon(this.nieuw, y)) continue;
      const wat = x === undefined ? 'toegevoegd' : y === undefined ? 'verwijderd' : 'gewijzigd';
      const naam = k === '$geenSchema' ? 'een waarde die geen schema is' : k;
      out.push(this.change('keyword-changed', op, np, true, true, `${naam} ${wat}; niet nader vergeleken en daarom als brekend gemarkeerd`));
    }
    if (a.$ref !== b.$ref && (typeof a.$ref === 'string' || typeof b.$ref === 'string')) {
      out.push(this.change('ref-changed', op, np, true, true, `verwijzing naar een ander document ${tekst(a.$ref)} → ${tekst(b.$ref)}; niet te volgen en daarom als brekend gemarkeerd`));
    }
  }

  private annotaties(a: JsonObject, b: JsonObject, op: string, np: string, out: SchemaChange[]): void {
    if (a.description !== b.description && (typeof a.description === 'string' || typeof b.description === 'string')) {
      const wat =
        typeof a.description !== 'string'
          ? `omschrijving toegevoegd: "${kort(String(b.description))}"`
          : typeof b.description !== 'string'
            ? `omschrijving verwijderd (was "${kort(a.description)}")`
            : `omschrijving gewijzigd: "${kort(a.description)}" → "${kort(b.description)}"`;
      out.push(this.change('description-changed', op, np, false, false, wat));
    }
    if (a.title !== b.title && (typeof a.title === 'string' || typeof b.title === 'string')) {
      out.push(this.change('title-changed', op, np, false, false, `titel ${tekst(a.title)} → ${tekst(b.title)}`));
    }
    const overig = [...ANNOTATIES]
      .filter((k) => k !== 'description' && k !== 'title')
      .filter((k) => (a[k] === undefined ? undefined : canonicalJson(a[k]!)) !== (b[k] === undefined ? undefined : canonicalJson(b[k]!)));
    if (overig.length > 0) out.push(this.change('annotation-changed', op, np, false, false, `annotatie gewijzigd: ${overig.join(', ')}`));
  }

  private type(o: Opgelost, n: Opgelost, op: string, np: string, out: SchemaChange[]): void {
    const ta = typen(o.s as JsonObject);
    const tb = typen(n.s as JsonObject);
    const verloren = (ta ?? ALLE_TYPEN).filter((t) => !gedekt(tb, t));
    const gewonnen = (tb ?? ALLE_TYPEN).filter((t) => !gedekt(ta, t));
    if (verloren.length === 0 && gewonnen.length === 0) return;
    out.push(this.change('type-changed', op, np, verloren.length > 0, gewonnen.length > 0, `type ${this.typeTekst(o, ta)} → ${this.typeTekst(n, tb)}`));
  }

  private typeTekst(o: Opgelost, t: string[] | undefined): string {
    const basis = t === undefined ? 'elk type' : t.join(' of ');
    return o.defNaam ? `${o.defNaam} (${basis})` : basis;
  }

  private enumeratie(o: Opgelost, n: Opgelost, op: string, np: string, out: SchemaChange[]): void {
    const a = o.s as JsonObject;
    const b = n.s as JsonObject;
    const ea = Array.isArray(a.enum) ? a.enum : undefined;
    const eb = Array.isArray(b.enum) ? b.enum : undefined;
    const naam = n.defNaam ?? o.defNaam;
    const waar = naam ? ` (${naam})` : '';
    if (ea && eb) {
      const ka = new Set(ea.map(canonicalJson));
      const kb = new Set(eb.map(canonicalJson));
      for (const v of ea) {
        if (!kb.has(canonicalJson(v))) out.push(this.change('enum-value-removed', op, np, true, false, `waarde "${waardeTekst(v)}" vervallen${waar}`, waardeTekst(v)));
      }
      for (const v of eb) {
        if (!ka.has(canonicalJson(v))) out.push(this.change('enum-value-added', op, np, false, true, `waarde "${waardeTekst(v)}" toegevoegd${waar}`, waardeTekst(v)));
      }
    } else if (eb) {
      out.push(this.change('enum-added', op, np, true, false, `alleen nog de waarden ${eb.map((v) => `"${waardeTekst(v)}"`).join(', ')} toegestaan${waar}`));
    } else if (ea) {
      out.push(this.change('enum-removed', op, np, false, true, `waardenlijst vervallen (was ${ea.map((v) => `"${waardeTekst(v)}"`).join(', ')})`));
    }
    const ca = Object.hasOwn(a, 'const');
    const cb = Object.hasOwn(b, 'const');
    if (ca && cb && canonicalJson(a.const!) !== canonicalJson(b.const!)) {
      out.push(this.change('const-changed', op, np, true, true, `vaste waarde ${canonicalJson(a.const!)} → ${canonicalJson(b.const!)}`));
    } else if (cb && !ca) {
      out.push(this.change('const-changed', op, np, true, false, `alleen nog de vaste waarde ${canonicalJson(b.const!)} toegestaan`));
    } else if (ca && !cb) {
      out.push(this.change('const-changed', op, np, false, true, `vaste waarde ${canonicalJson(a.const!)} vervallen`));
    }
  }

  private grenzen(a: JsonObject, b: JsonObject, op: string, np: string, out: SchemaChange[]): void {
    const grens = (k: string, standaard: number, onder: boolean, soort: string): void => {
      if (a[k] === undefined && b[k] === undefined) return;
      const x = a[k] === undefined ? standaard : getal(a[k]);
      const y = b[k] === undefined ? standaard : getal(b[k]);
      const wat = `${k} ${a[k] === undefined ? 'geen' : canonicalJson(a[k]!)} → ${b[k] === undefined ? 'geen' : canonicalJson(b[k]!)}`;
      if (x === undefined || y === undefined) {
        if (canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null)) out.push(this.change(soort, op, np, true, true, wat));
        return;
      }
      if (x === y) return;
      const nauwer = onder ? y > x : y < x;
      out.push(this.change(soort, op, np, nauwer, !nauwer, wat));
    };
    for (const [k, { soort, standaard }] of Object.entries(ONDERGRENZEN)) grens(k, standaard, true, soort);
    for (const [k, { soort, standaard }] of Object.entries(BOVENGRENZEN)) grens(k, standaard, false, soort);
    if (a.multipleOf !== undefined || b.multipleOf !== undefined) {
      const x = getal(a.multipleOf);
      const y = getal(b.multipleOf);
      const wat = `multipleOf ${a.multipleOf === undefined ? 'geen' : canonicalJson(a.multipleOf)} → ${b.multipleOf === undefined ? 'geen' : canonicalJson(b.multipleOf)}`;
      if (x !== undefined && y !== undefined) {
        if (x === y) return;
        // Every multiple of x is a multiple of y when x is a whole multiple of y: only wider then.
        const ruimer = Number.isInteger(x / y);
        const nauwer = Number.isInteger(y / x);
        out.push(this.change('multiple-of-changed', op, np, !ruimer, !nauwer, wat));
      } else if (a.multipleOf === undefined) out.push(this.change('multiple-of-changed', op, np, true, false, wat));
      else if (b.multipleOf === undefined) out.push(this.change('multiple-of-changed', op, np, false, true, wat));
      else if (canonicalJson(a.multipleOf) !== canonicalJson(b.multipleOf)) out.push(this.change('multiple-of-changed', op, np, true, true, wat));
    }
    if ((a.uniqueItems === true) !== (b.uniqueItems === true)) {
      const nu = b.uniqueItems === true;
      out.push(this.change('unique-items-changed', op, np, nu, !nu, nu ? 'de elementen moeten nu uniek zijn' : 'de elementen hoeven niet meer uniek te zijn'));
    }
  }

  private tekstEisen(a: JsonObject, b: JsonObject, op: string, np: string, out: SchemaChange[]): void {
    for (const [k, soort, naam] of [
      ['pattern', 'pattern-changed', 'patroon'],
      ['format', 'format-changed', 'formaat'],
    ] as const) {
      if (canonicalJson(a[k] ?? null) === canonicalJson(b[k] ?? null)) continue;
      const wat = `${naam} ${a[k] === undefined ? 'geen' : canonicalJson(a[k]!)} → ${b[k] === undefined ? 'geen' : canonicalJson(b[k]!)}`;
      // A format is taken as an assertion: the DDAS validators check formats (ajv-formats).
      out.push(this.change(soort, op, np, b[k] !== undefined, a[k] !== undefined, wat));
    }
  }

  /** The schema that governs the value of property `naam`, or 'onbekend' when patternProperties may apply. */
  private geldend(s: JsonObject, naam: string): { raw: Json } | 'onbekend' {
    if (isObject(s.properties) && Object.hasOwn(s.properties, naam)) return { raw: s.properties[naam]! };
    // unevaluatedProperties sees what other keywords (and $ref, allOf, ...) evaluated: not followed here.
    const ongezien = s.unevaluatedProperties;
    if (ongezien !== undefined && ongezien !== true && !(isObject(ongezien) && Object.keys(ongezien).length === 0)) return 'onbekend';
    if (isObject(s.patternProperties)) {
      for (const p of Object.keys(s.patternProperties)) {
        try {
          if (new RegExp(p, 'u').test(naam)) return 'onbekend';
        } catch {
          return 'onbekend';
        }
      }
    }
    return { raw: s.additionalProperties ?? true };
  }

  private object(a: JsonObject, b: JsonObject, op: string, np: string, out: SchemaChange[], diepte: number): void {
    const pa = isObject(a.properties) ? a.properties : {};
    const pb = isObject(b.properties) ? b.properties : {};
    const ra = new Set(Array.isArray(a.required) ? a.required.filter((x): x is string => typeof x === 'string') : []);
    const rb = new Set(Array.isArray(b.required) ? b.required.filter((x): x is string => typeof x === 'string') : []);
    if (this.canon(this.oud, a.patternProperties) !== this.canon(this.nieuw, b.patternProperties)) {
      out.push(this.change('pattern-properties-changed', op, np, true, true, 'patternProperties gewijzigd; niet nader vergeleken en daarom als brekend gemarkeerd'));
    }

    const verwijderd = Object.keys(pa).filter((k) => !Object.hasOwn(pb, k));
    const toegevoegd = Object.keys(pb).filter((k) => !Object.hasOwn(pa, k));
    const hernoemd = this.hernoemingen(pa, pb, verwijderd, toegevoegd);

    for (const k of Object.keys(pb)) {
      if (Object.hasOwn(pa, k)) this.compare(pa[k], pb[k], pointer(op, k), pointer(np, k), out, diepte + 1);
    }
    const wasOpen = this.open(a);
    for (const k of toegevoegd) {
      const van = [...hernoemd].find(([, nieuw]) => nieuw === k)?.[0];
      if (van !== undefined) {
        this.hernoemd(a, b, van, k, ra, rb, pointer(op, van), pointer(np, k), out, diepte);
        continue;
      }
      const f = this.toegevoegdVlaggen(a, k, pb[k]!, pointer(op, k), pointer(np, k), diepte);
      const verplicht = rb.has(k) && !ra.has(k);
      const nietMeerVerplicht = ra.has(k) && !rb.has(k);
      const reden =
        f.s && !verplicht && wasOpen
          ? '; het object is open, dus een bericht kon dit veld al met een andere waarde hebben'
          : f.r && !this.open(a)
            ? '; het object was gesloten, dus een oude ontvanger weigert het'
            : '';
      out.push(
        this.change(
          'property-added',
          undefined,
          pointer(np, k),
          f.s || verplicht,
          f.r || nietMeerVerplicht,
          `veld "${k}" toegevoegd (${rb.has(k) ? 'verplicht' : 'optioneel'}): ${this.beschrijf(this.nieuw.resolve(pb[k]))}${reden}`,
        ),
      );
    }
    for (const k of verwijderd) {
      if (hernoemd.has(k)) continue;
      const f = this.verwijderdVlaggen(b, k, pa[k]!, pointer(op, k), pointer(np, k), diepte);
      const wasVerplicht = ra.has(k) && !rb.has(k);
      const nuVerplicht = rb.has(k) && !ra.has(k);
      const reden = f.s && !this.open(b) ? '; het object is gesloten, dus een bericht met dit veld wordt geweigerd' : '';
      out.push(this.change('property-removed', pointer(op, k), undefined, f.s || nuVerplicht, f.r || wasVerplicht, `veld "${k}" verwijderd${ra.has(k) ? ' (was verplicht)' : ''}${reden}`));
    }

    // Required-ness of the properties that stayed (added and removed ones are folded in above).
    const behandeld = new Set([...toegevoegd, ...verwijderd]);
    for (const k of rb) {
      if (!ra.has(k) && !behandeld.has(k)) out.push(this.change('required-added', pointer(op, k), pointer(np, k), true, false, `veld "${k}" is nu verplicht`));
    }
    for (const k of ra) {
      if (!rb.has(k) && !behandeld.has(k)) out.push(this.change('required-removed', pointer(op, k), pointer(np, k), false, true, `veld "${k}" is niet meer verplicht`));
    }

    // Every other name: additionalProperties.
    const apa = a.additionalProperties ?? true;
    const apb = b.additionalProperties ?? true;
    if (this.canon(this.oud, apa) !== this.canon(this.nieuw, apb)) {
      const f = this.vlaggen(apa, apb, op, np, diepte + 1);
      const wat =
        apb === false ? 'het object is nu gesloten: andere velden worden geweigerd' : apa === false ? 'het object is nu open: andere velden zijn toegestaan' : 'de eisen aan andere velden (additionalProperties) zijn gewijzigd';
      out.push(this.change('additional-properties-changed', op, np, f.s, f.r, wat));
    }
  }

  private open(s: JsonObject): boolean {
    return s.additionalProperties === undefined || s.additionalProperties === true || (isObject(s.additionalProperties) && Object.keys(s.additionalProperties).length === 0);
  }

  /** A property new in `properties`: before, its value was governed by the old object's additionalProperties. */
  private toegevoegdVlaggen(a: JsonObject, k: string, nieuw: Json, op: string, np: string, diepte: number): { s: boolean; r: boolean } {
    const oud = this.geldend(a, k);
    if (oud === 'onbekend') return { s: true, r: true };
    return this.vlaggen(oud.raw, nieuw, op, np, diepte + 1);
  }

  /** A property gone from `properties`: now its value is governed by the new object's additionalProperties. */
  private verwijderdVlaggen(b: JsonObject, k: string, oud: Json, op: string, np: string, diepte: number): { s: boolean; r: boolean } {
    const nieuw = this.geldend(b, k);
    if (nieuw === 'onbekend') return { s: true, r: true };
    return this.vlaggen(oud, nieuw.raw, op, np, diepte + 1);
  }

  private hernoemd(a: JsonObject, b: JsonObject, van: string, naar: string, ra: Set<string>, rb: Set<string>, op: string, np: string, out: SchemaChange[], diepte: number): void {
    const pa = a.properties as JsonObject;
    const pb = b.properties as JsonObject;
    const weg = this.verwijderdVlaggen(b, van, pa[van]!, op, np, diepte);
    const erbij = this.toegevoegdVlaggen(a, naar, pb[naar]!, op, np, diepte);
    const s = weg.s || erbij.s || (rb.has(naar) && !ra.has(naar));
    const r = weg.r || erbij.r || (ra.has(van) && !rb.has(van));
    const verplicht = ra.has(van) === rb.has(naar) ? '' : rb.has(naar) ? ' en is nu verplicht' : ' en is niet meer verplicht';
    out.push(this.change('property-renamed', op, np, s, r, `veld "${van}" hernoemd naar "${naar}"${verplicht}`));
    // Same schema apart from annotations: report what the descriptions say differently.
    const sub: SchemaChange[] = [];
    this.compare(pa[van], pb[naar], op, np, sub, diepte + 1);
    out.push(...sub);
  }

  /**
   * Pairs of a removed and an added property that are one property renamed: the same schema (apart from
   * annotations) and strong evidence: the same description, or a schema too specific to be a coincidence.
   * Only one-to-one matches count.
   */
  private hernoemingen(pa: JsonObject, pb: JsonObject, verwijderd: string[], toegevoegd: string[]): Map<string, string> {
    const paren = new Map<string, string>();
    const kandidaten = (van: string): string[] =>
      toegevoegd.filter((naar) => {
        if (this.canon(this.oud, pa[van]) !== this.canon(this.nieuw, pb[naar])) return false;
        const da = this.oud.resolve(pa[van]);
        const db = this.nieuw.resolve(pb[naar]);
        const oms = (x: Opgelost): string | undefined => (x.s !== false && typeof x.s.description === 'string' ? x.s.description.trim() : undefined);
        const zelfdeOmschrijving = oms(da) !== undefined && oms(da) !== '' && oms(da) === oms(db);
        return zelfdeOmschrijving || this.specifiek(da);
      });
    for (const van of verwijderd) {
      const k = kandidaten(van);
      if (k.length !== 1) continue;
      const naar = k[0]!;
      if (verwijderd.filter((v) => kandidaten(v).includes(naar)).length === 1) paren.set(van, naar);
    }
    return paren;
  }

  private specifiek(x: Opgelost, diepte = 0): boolean {
    if (x.s === false || diepte > 3) return false;
    if (isObject(x.s.properties) && Object.keys(x.s.properties).length >= 2) return true;
    if (Array.isArray(x.s.enum) && x.s.enum.length >= 2) return true;
    return x.s.items !== undefined && this.specifiek(x.doc.resolve(x.s.items), diepte + 1);
  }

  private lijst(a: JsonObject, b: JsonObject, op: string, np: string, out: SchemaChange[], diepte: number): void {
    if (a.items === undefined && b.items === undefined) return;
    const ongezien = a.unevaluatedItems !== undefined || b.unevaluatedItems !== undefined;
    if (Array.isArray(a.items) || Array.isArray(b.items) || ongezien) {
      // Items as a list (draft-07 tuples), or items that unevaluatedItems looks at: compared as a whole.
      if (this.canon(this.oud, a.items) !== this.canon(this.nieuw, b.items)) {
        out.push(this.change('keyword-changed', `${op}/*`, `${np}/*`, true, true, 'items gewijzigd; niet nader vergeleken en daarom als brekend gemarkeerd'));
      }
      return;
    }
    if (a.items !== undefined && b.items !== undefined) {
      this.compare(a.items, b.items, `${op}/*`, `${np}/*`, out, diepte + 1);
      return;
    }
    const f = this.vlaggen(a.items ?? true, b.items ?? true, `${op}/*`, `${np}/*`, diepte + 1);
    out.push(
      this.change(
        'items-changed',
        `${op}/*`,
        `${np}/*`,
        f.s,
        f.r,
        b.items === undefined ? 'de eisen aan de elementen van de lijst zijn vervallen' : `de elementen van de lijst moeten nu ${this.beschrijf(this.nieuw.resolve(b.items))} zijn`,
      ),
    );
  }

  private combinaties(a: JsonObject, b: JsonObject, op: string, np: string, out: SchemaChange[], diepte: number): void {
    if (a.allOf !== undefined || b.allOf !== undefined) {
      if (Array.isArray(a.allOf) && Array.isArray(b.allOf) && a.allOf.length === b.allOf.length) {
        a.allOf.forEach((x, i) => this.compare(x, (b.allOf as Json[])[i], op, np, out, diepte + 1));
      } else if (this.canon(this.oud, a.allOf) !== this.canon(this.nieuw, b.allOf)) {
        out.push(this.change('keyword-changed', op, np, true, true, 'allOf gewijzigd; niet nader vergeleken en daarom als brekend gemarkeerd'));
      }
    }
    if (a.anyOf !== undefined || b.anyOf !== undefined) {
      const xa = Array.isArray(a.anyOf) ? new Set(a.anyOf.map((x) => this.canon(this.oud, x))) : undefined;
      const xb = Array.isArray(b.anyOf) ? new Set(b.anyOf.map((x) => this.canon(this.nieuw, x))) : undefined;
      if (xa && xb) {
        const verloren = [...xa].some((x) => !xb.has(x));
        const gewonnen = [...xb].some((x) => !xa.has(x));
        if (verloren || gewonnen) out.push(this.change('any-of-changed', op, np, verloren, gewonnen, `anyOf: ${gewonnen ? 'alternatieven toegevoegd' : ''}${gewonnen && verloren ? ', ' : ''}${verloren ? 'alternatieven vervallen of gewijzigd' : ''}`));
      } else if (this.canon(this.oud, a.anyOf) !== this.canon(this.nieuw, b.anyOf)) {
        out.push(this.change('any-of-changed', op, np, xb !== undefined || !xa, xa !== undefined || !xb, xb ? 'anyOf toegevoegd' : 'anyOf vervallen'));
      }
    }
  }

  /** A schema false or `{ not: {} }`: nothing satisfies it. Anything else is taken as satisfiable. */
  private onvervulbaar(o: Opgelost): boolean {
    if (o.s === false) return true;
    return isObject(o.s.not) && Object.keys(o.s.not).length === 0;
  }

  /** A short description of a schema, for messages: the $defs name, the enumeration values, the type. */
  beschrijf(o: Opgelost): string {
    if (o.s === false) return 'niets (false)';
    const s = o.s;
    if (o.defNaam) return o.defNaam;
    if (Array.isArray(s.enum)) {
      const w = s.enum.slice(0, 6).map((v) => `"${waardeTekst(v)}"`);
      return `een van ${w.join(', ')}${s.enum.length > 6 ? ', …' : ''}`;
    }
    const t = typen(s);
    if (t?.length === 1 && t[0] === 'array') return `lijst van ${s.items === undefined ? 'elementen' : this.beschrijf(o.doc.resolve(s.items))}`;
    if (t === undefined) return Object.keys(s).some((k) => !ANNOTATIES.has(k)) ? 'schema' : 'elke waarde';
    return `${t.join(' of ')}${typeof s.format === 'string' ? ` (${s.format})` : ''}`;
  }

  /** Canonical text of a schema: `$ref` followed, annotations left out, order-free lists sorted. */
  canon(doc: Document, raw: Json | undefined, stack: Set<Json> = new Set()): string {
    if (raw === undefined) return 'undefined';
    if (raw === true) return '{}';
    if (raw === false) return 'false';
    if (!isObject(raw)) return canonicalJson(raw);
    // A schema place met again further down: name it by how many levels up it is, not by its $ref text,
    // so that two recursive schemas are equal only when their unfoldings are.
    if (stack.has(raw)) return `{"$cyclus":${stack.size - [...stack].indexOf(raw)}}`;
    stack.add(raw);
    try {
      const o = doc.resolve(raw);
      if (o.s === false) return 'false';
      const s = o.s;
      const parts: string[] = [];
      for (const k of Object.keys(s).sort()) {
        if (ANNOTATIES.has(k) || STRUCTUUR.has(k)) continue;
        const v = s[k]!;
        let c: string;
        if (['properties', 'patternProperties', 'dependentSchemas', '$defs'].includes(k) && isObject(v)) {
          c = `{${Object.keys(v)
            .sort()
            .map((p) => `${JSON.stringify(p)}:${this.canon(doc, v[p], stack)}`)
            .join(',')}}`;
        } else if (['allOf', 'anyOf', 'oneOf'].includes(k) && Array.isArray(v)) {
          c = `[${v.map((x) => this.canon(doc, x, stack)).sort().join(',')}]`;
        } else if (k === 'prefixItems' && Array.isArray(v)) {
          c = `[${v.map((x) => this.canon(doc, x, stack)).join(',')}]`;
        } else if (['additionalProperties', 'items', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties'].includes(k)) {
          c = this.canon(doc, v, stack);
        } else if (['enum', 'required', 'type'].includes(k)) {
          c = Array.isArray(v) ? `[${v.map(canonicalJson).sort().join(',')}]` : `[${canonicalJson(v)}]`;
        } else {
          c = canonicalJson(v);
        }
        if (k === 'required' && c === '[]') continue;
        parts.push(`${JSON.stringify(k)}:${c}`);
      }
      return `{${parts.join(',')}}`;
    } finally {
      stack.delete(raw);
    }
  }
}

function tekst(v: Json | undefined): string {
  return v === undefined ? '(geen)' : typeof v === 'string' ? `"${v}"` : canonicalJson(v);
}
