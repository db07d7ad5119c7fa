/**
 * A JSON Schema document as the schema-level diff reads it. Every keyword family compares resolved schemas
 * and their canonical text, so following `$ref` and deciding when two schemas say the same live here, once.
 */
import { isObject, type Json, type JsonObject } from './types.ts';

/** Keywords that never decide whether a document is valid. */
export const ANNOTATIES = new Set([
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
export const STRUCTUUR = new Set([
  '$schema',
  '$id',
  '$anchor',
  '$dynamicAnchor',
  '$defs',
  'definitions',
  '$vocabulary',
]);

/** Groups of keywords that look at each other: a `$ref` target and its siblings that share one are not merged. */
const GROEPEN = [
  ['properties', 'patternProperties', 'additionalProperties', 'unevaluatedProperties'],
  ['prefixItems', 'items', 'unevaluatedItems', 'contains', 'minContains', 'maxContains'],
  ['if', 'then', 'else'],
];

/** A schema with its `$ref` followed and merged with the keywords beside it. */
export interface Opgelost {
  /** The document it stands in, for following the `$ref`s inside it. */
  doc: Document;
  /** `false` for the schema that accepts nothing. */
  s: JsonObject | false;
  /** The `$defs` entry (or other target) that this place refers to, for messages. */
  defNaam?: string;
  /** A `$ref` this module cannot follow (another document); it stays in `s` and is compared as text. */
  onopgelost?: string;
}

/** One schema document: what `$ref` inside it can point at. */
export class Document {
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
    else if (this.id !== undefined && (ref === this.id || ref.startsWith(`${this.id}#`)))
      fragment = ref.slice(this.id.length + 1);
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
  const annotaties = (o: JsonObject): JsonObject =>
    Object.fromEntries(Object.entries(o).filter(([k]) => ANNOTATIES.has(k)));
  const eisen = (o: JsonObject): JsonObject =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !ANNOTATIES.has(k)));
  return { ...annotaties(doel), ...annotaties(naast), allOf: [eisen(doel), eisen(naast)] };
}

/** Canonical text of a value: object keys sorted, so that two equal values give equal text. */
export function canonicalJson(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k]!)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function waardeTekst(v: Json): string {
  return typeof v === 'string' ? v : canonicalJson(v);
}

export function shownJson(v: Json | undefined): string {
  return v === undefined ? '(geen)' : typeof v === 'string' ? `"${v}"` : canonicalJson(v);
}

export function typen(s: JsonObject): string[] | undefined {
  const t = s.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return undefined;
}

/** A short description of a schema, for messages: the $defs name, the enumeration values, the type. */
export function beschrijf(o: Opgelost): string {
  if (o.s === false) return 'niets (false)';
  const s = o.s;
  if (o.defNaam) return o.defNaam;
  if (Array.isArray(s.enum)) {
    const w = s.enum.slice(0, 6).map((v) => `"${waardeTekst(v)}"`);
    return `een van ${w.join(', ')}${s.enum.length > 6 ? ', …' : ''}`;
  }
  const t = typen(s);
  if (t?.length === 1 && t[0] === 'array')
    return `lijst van ${s.items === undefined ? 'elementen' : beschrijf(o.doc.resolve(s.items))}`;
  if (t === undefined) return Object.keys(s).some((k) => !ANNOTATIES.has(k)) ? 'schema' : 'elke waarde';
  return `${t.join(' of ')}${typeof s.format === 'string' ? ` (${s.format})` : ''}`;
}

/** Canonical text of a schema: `$ref` followed, annotations left out, order-free lists sorted. */
export function canon(doc: Document, raw: Json | undefined, stack: Set<Json> = new Set()): string {
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
          .map((p) => `${JSON.stringify(p)}:${canon(doc, v[p], stack)}`)
          .join(',')}}`;
      } else if (['allOf', 'anyOf', 'oneOf'].includes(k) && Array.isArray(v)) {
        c = `[${v
          .map((x) => canon(doc, x, stack))
          .sort()
          .join(',')}]`;
      } else if (k === 'prefixItems' && Array.isArray(v)) {
        c = `[${v.map((x) => canon(doc, x, stack)).join(',')}]`;
      } else if (
        [
          'additionalProperties',
          'items',
          'contains',
          'propertyNames',
          'not',
          'if',
          'then',
          'else',
          'unevaluatedItems',
          'unevaluatedProperties',
        ].includes(k)
      ) {
        c = canon(doc, v, stack);
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
