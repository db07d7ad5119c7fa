/**
 * A deterministic mutation generator for the conformance tests: from published example documents and the
 * published JSON Schema (used only to know paths, required fields, enumerations, formats and array bounds)
 * it derives many documents that differ from an example in one (or, for a seeded sample, two) places.
 *
 * Nothing here uses Math.random: the only randomness is a seeded PRNG, so a run is reproducible and a
 * failing document can be found again by its description.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Schema = { [key: string]: unknown };

/** One step of a mutation: set the value at a path (creating nothing) or remove it. */
export type Op =
  | { kind: 'set'; path: readonly (string | number)[]; value: Json }
  | { kind: 'remove'; path: readonly (string | number)[] };

export interface Mutation {
  /** Name of the example the document was derived from. */
  example: string;
  /** What was changed and where, e.g. `enkelvoudigVoorbeeld.json: wrong type (string → number) at /leveringen/0/gemeentecode`. */
  description: string;
  ops: Op[];
  doc: Json;
}

export interface Example {
  name: string;
  doc: Json;
}

export interface MutationOptions {
  /** Seed of the PRNG that picks the pairs of combined mutations. */
  seed?: number;
  /** How many documents combining two single mutations to add per example. */
  pairsPerExample?: number;
}

/** A small, well-known 32-bit PRNG; the same seed gives the same sequence on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** JSON Pointer (RFC 6901) of a path. */
export function pointer(path: readonly (string | number)[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function isObject(v: unknown): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone<T extends Json>(v: T): T {
  return structuredClone(v);
}

/** Applies the ops to a copy of `doc`; undefined when an op does not fit (its parent is gone or not a container). */
export function applyOps(doc: Json, ops: readonly Op[]): Json | undefined {
  let root: Json = clone(doc);
  for (const op of ops) {
    if (op.path.length === 0) {
      if (op.kind === 'remove') return undefined;
      root = clone(op.value);
      continue;
    }
    let parent: Json = root;
    for (const seg of op.path.slice(0, -1)) {
      const next: Json | undefined = Array.isArray(parent)
        ? typeof seg === 'number'
          ? parent[seg]
          : undefined
        : isObject(parent)
          ? Object.hasOwn(parent, seg)
            ? parent[String(seg)]
            : undefined
          : undefined;
      if (next === undefined) return undefined;
      parent = next;
    }
    const last = op.path[op.path.length - 1]!;
    if (Array.isArray(parent)) {
      if (typeof last !== 'number' || last > parent.length) return undefined;
      if (op.kind === 'remove') {
        if (last >= parent.length) return undefined;
        parent.splice(last, 1);
      } else parent[last] = clone(op.value);
    } else if (isObject(parent)) {
      const key = String(last);
      if (op.kind === 'remove') {
        if (!Object.hasOwn(parent, key)) return undefined;
        delete parent[key];
      } else {
        // defineProperty, so that a key such as __proto__ becomes an own property like JSON.parse makes it
        Object.defineProperty(parent, key, {
          value: clone(op.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    } else return undefined;
  }
  return root;
}

/** Navigates a JSON Schema: follows local `$ref`s (keeping sibling keywords) and steps into properties and items. */
export class SchemaNavigator {
  constructor(readonly root: Schema) {}

  resolve(schema: unknown, depth = 0): Schema {
    if (!isObject(schema as Json)) return {};
    const s = schema as Schema;
    const ref = s.$ref;
    if (typeof ref !== 'string' || depth > 20) return s;
    if (!ref.startsWith('#')) throw new Error(`only local $refs are supported, not ${ref}`);
    let target: unknown = this.root;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target as Json) ? (target as Schema)[seg] : undefined;
    }
    const { $ref: _ref, ...siblings } = s;
    return { ...this.resolve(target, depth + 1), ...siblings };
  }

  properties(schema: Schema): Record<string, Schema> {
    const p = this.resolve(schema).properties;
    return isObject(p as Json) ? (p as Record<string, Schema>) : {};
  }

  required(schema: Schema): string[] {
    const r = this.resolve(schema).required;
    return Array.isArray(r) ? r.filter((x): x is string => typeof x === 'string') : [];
  }

  property(schema: Schema, name: string): Schema | undefined {
    const props = this.properties(schema);
    return Object.hasOwn(props, name) ? this.resolve(props[name]) : undefined;
  }

  items(schema: Schema): Schema | undefined {
    const i = this.resolve(schema).items;
    return isObject(i as Json) ? this.resolve(i) : undefined;
  }

  /** The type a schema asks for ('object', 'array', 'string', ...), or undefined. */
  type(schema: Schema): string | undefined {
    const s = this.resolve(schema);
    if (typeof s.type === 'string') return s.type;
    if (s.properties) return 'object';
    if (s.items) return 'array';
    return undefined;
  }

  /** A plausible valid value for a schema: every property present, one item per array. */
  synthesize(schema: Schema, depth = 0): Json {
    const s = this.resolve(schema);
    if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0] as Json;
    switch (this.type(s)) {
      case 'object': {
        const o: { [k: string]: Json } = {};
        if (depth < 8)
          for (const [name, sub] of Object.entries(this.properties(s))) o[name] = this.synthesize(sub, depth + 1);
        return o;
      }
      case 'array': {
        const items = this.items(s);
        return items && depth < 8 ? [this.synthesize(items, depth + 1)] : [];
      }
      case 'integer':
        return 1;
      case 'number':
        return 1.5;
      case 'boolean':
        return true;
      case 'null':
        return null;
      default:
        switch (s.format) {
          case 'date':
            return '2024-01-01';
          case 'date-time':
            return '2024-01-01T12:00:00Z';
          case 'time':
            return '12:00:00';
          case 'email':
            return 'naam@voorbeeld.nl';
          default:
            return 'tekst';
        }
    }
  }
}

interface Variant {
  what: string;
  value: Json;
}

const DATES: Variant[] = [
  { what: 'invalid date (30 February)', value: '2024-02-30' },
  { what: 'invalid date (month 13)', value: '2024-13-01' },
  { what: 'invalid date (month 00)', value: '2024-00-10' },
  { what: 'invalid date (31 April)', value: '2024-04-31' },
  { what: 'invalid date (29 February, no leap year)', value: '2023-02-29' },
  { what: 'valid date (leap day)', value: '2024-02-29' },
  { what: 'valid date (last day of the year)', value: '2024-12-31' },
  { what: 'date as DD-MM-YYYY', value: '01-01-2024' },
  { what: 'date without zero padding', value: '2024-1-1' },
  { what: 'date with unpadded day', value: '2024-01-1' },
  { what: 'date without separators', value: '20240101' },
  { what: 'date with a time part', value: '2024-01-01T00:00:00Z' },
  { what: 'date with a leading space', value: ' 2024-01-01' },
  { what: 'date with a trailing space', value: '2024-01-01 ' },
  { what: 'date with slashes', value: '2024/01/01' },
  { what: 'date in year 0000', value: '0000-01-01' },
  { what: 'date with a five-digit year', value: '12024-01-01' },
];

const DATE_TIMES: Variant[] = [
  { what: 'valid date-time (UTC)', value: '2024-01-01T10:00:00Z' },
  { what: 'valid date-time with offset +01:00', value: '2024-01-01T10:00:00+01:00' },
  { what: 'valid date-time with negative offset', value: '2024-01-01T10:00:00-05:30' },
  { what: 'valid date-time with fractional seconds', value: '2024-01-01T10:00:00.123Z' },
  { what: 'valid date-time on a leap day', value: '2024-02-29T12:00:00Z' },
  { what: 'date-time with lower-case t and z', value: '2024-01-01t10:00:00z' },
  { what: 'date-time with a space instead of T', value: '2024-01-01 10:00:00Z' },
  { what: 'date-time without timezone', value: '2024-01-01T10:00:00' },
  { what: 'date-time without seconds', value: '2024-01-01T10:00Z' },
  { what: 'date-time with hour 24', value: '2024-01-01T24:00:00Z' },
  { what: 'date-time with minute 60', value: '2024-01-01T10:60:00Z' },
  { what: 'date-time with leap second', value: '2024-06-30T23:59:60Z' },
  { what: 'date-time on 30 February', value: '2024-02-30T12:00:00Z' },
  { what: 'date-time with offset without colon', value: '2024-01-01T10:00:00+0100' },
  { what: 'date-time with offset hours only', value: '2024-01-01T10:00:00+01' },
  { what: 'date only, no time', value: '2024-01-01' },
  { what: 'date-time as DD-MM-YYYY', value: '01-01-2024T10:00:00Z' },
  { what: 'date-time with unpadded month', value: '2024-1-01T10:00:00Z' },
];

const TIMES: Variant[] = [
  { what: 'valid time with Z', value: '10:00:00Z' },
  { what: 'time without timezone', value: '10:00:00' },
  { what: 'time with hour 25', value: '25:00:00Z' },
  { what: 'time without seconds', value: '10:00' },
];

const EMAILS: Variant[] = [
  { what: 'valid email', value: 'naam@voorbeeld.nl' },
  { what: 'valid email with plus and dots', value: 'voor.naam+ddas@sub.voorbeeld.org' },
  { what: 'valid email with digits and hyphen', value: 'a-1@b-2.nl' },
  { what: 'email without @', value: 'naam.voorbeeld.nl' },
  { what: 'email without local part', value: '@voorbeeld.nl' },
  { what: 'email without domain', value: 'naam@' },
  { what: 'email with a space', value: 'na am@voorbeeld.nl' },
  { what: 'email with two @', value: 'naam@@voorbeeld.nl' },
  { what: 'email with a dotless domain', value: 'naam@localhost' },
  { what: 'email with a non-ASCII local part', value: 'jöns@voorbeeld.nl' },
  { what: 'email with a trailing dot', value: 'naam@voorbeeld.nl.' },
  { what: 'email with display name', value: 'Jan <jan@voorbeeld.nl>' },
];

function nearMisses(value: string): Variant[] {
  const out: Variant[] = [
    { what: `near miss of "${value}": upper case`, value: value.toUpperCase() },
    { what: `near miss of "${value}": lower case`, value: value.toLowerCase() },
    { what: `near miss of "${value}": trailing space`, value: `${value} ` },
    { what: `near miss of "${value}": leading space`, value: ` ${value}` },
    { what: `near miss of "${value}": truncated`, value: value.slice(0, -1) },
  ];
  return out.filter((v) => v.value !== value);
}

/** Replacement values for a leaf (a value that is not an object or array) under its schema. */
function leafVariants(nav: SchemaNavigator, schema: Schema | undefined, value: Json): Variant[] {
  const s = schema ? nav.resolve(schema) : {};
  const type = schema ? nav.type(s) : undefined;
  const out: Variant[] = [{ what: 'null', value: null }];
  // wrong types, from what the value is now
  if (typeof value === 'string') {
    out.push({ what: 'wrong type (string → number)', value: 123 });
    if (value.trim() !== '' && Number.isFinite(Number(value)))
      out.push({ what: 'wrong type (numeric string → number)', value: Number(value) });
    out.push({ what: 'wrong type (string → boolean)', value: true });
  } else if (typeof value === 'number') {
    out.push({ what: 'wrong type (number → string)', value: String(value) });
    out.push({ what: 'wrong type (number → boolean)', value: false });
  } else if (typeof value === 'boolean') {
    out.push({ what: 'wrong type (boolean → string)', value: String(value) });
    out.push({ what: 'wrong type (boolean → number)', value: value ? 1 : 0 });
    out.push({ what: 'boolean flipped', value: !value });
  }
  out.push({ what: 'wrong type (→ object)', value: {} });
  out.push({ what: 'wrong type (→ array)', value: [] });
  out.push({ what: 'wrong type (→ array holding the value)', value: [value] });

  if (Array.isArray(s.enum)) {
    for (const e of s.enum as Json[]) {
      out.push({ what: `enumeration value "${String(e)}"`, value: e });
      if (typeof e === 'string') out.push(...nearMisses(e));
    }
    out.push({ what: 'enumeration: empty string', value: '' });
    out.push({ what: 'enumeration: unknown value', value: 'Onbekende waarde' });
    return out;
  }
  switch (type) {
    case 'integer':
    case 'number':
      out.push(
        { what: 'integer as float 1.5', value: 1.5 },
        { what: 'integer written as 1.0', value: 1.0 },
        { what: 'zero', value: 0 },
        { what: 'negative number', value: -1 },
        { what: 'negative fraction', value: -0.5 },
        { what: 'large integer 2^53', value: 2 ** 53 },
        { what: 'large number 1e21', value: 1e21 },
        { what: 'tiny fraction', value: 1e-9 },
      );
      if (typeof value === 'number') out.push({ what: 'value plus 0.01', value: value + 0.01 });
      break;
    case 'boolean':
      out.push(
        { what: 'boolean true', value: true },
        { what: 'boolean false', value: false },
        { what: 'boolean as "false"', value: 'false' },
      );
      break;
    default: {
      switch (s.format) {
        case 'date':
          out.push(...DATES);
          break;
        case 'date-time':
          out.push(...DATE_TIMES);
          break;
        case 'time':
          out.push(...TIMES);
          break;
        case 'email':
          out.push(...EMAILS);
          break;
      }
      out.push(
        { what: 'empty string', value: '' },
        { what: 'blank string', value: ' ' },
        { what: 'string of 201 characters', value: 'x'.repeat(201) },
        { what: 'non-ASCII string', value: 'Zoë ʼs-Hertogenbosch €' },
        { what: 'string with a control character', value: 'a\u0000b' },
        { what: 'numeric string', value: '0123' },
      );
      if (typeof value === 'string' && value.length > 0) {
        out.push({ what: 'string with a trailing space', value: `${value} ` });
        out.push({ what: 'string one character longer', value: `${value}${value.slice(-1)}` });
      }
    }
  }
  return out;
}

/** A key that differs from `key` only in letter case (so not the same property). */
function caseVariant(key: string): string {
  const swapped = [...key].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
  return swapped === key ? `${key}_` : swapped;
}

type Path = (string | number)[];

class Collector {
  readonly singles: { description: string; ops: Op[] }[] = [];
  constructor(
    readonly example: string,
    readonly nav: SchemaNavigator,
  ) {}

  add(what: string, path: Path, ops: Op[]): void {
    this.singles.push({ description: `${what} at ${pointer(path) || '(root)'}`, ops });
  }

  /**
   * A copy of `item` that differs from it in one plain text or integer leaf (so that it is a distinct
   * array item yet still valid where `item` is), numbered by `n`.
   */
  variant(item: Json, schema: Schema | undefined, n: number): Json {
    const copy = structuredClone(item);
    const change = (node: Json, s: Schema | undefined): boolean => {
      if (!isObject(node)) return false;
      for (const key of Object.keys(node)) {
        const sub = s ? this.nav.property(s, key) : undefined;
        const value = node[key]!;
        const plain = sub && !sub.format && !Array.isArray(sub.enum);
        if (typeof value === 'string' && plain && this.nav.type(sub) === 'string') {
          node[key] = `${value}-${n}`;
          return true;
        }
        if (typeof value === 'number' && plain && this.nav.type(sub) === 'integer') {
          node[key] = value + 1000 * n;
          return true;
        }
        if (isObject(value) && change(value, sub)) return true;
      }
      return false;
    };
    if (typeof copy === 'string') return `${copy}-${n}`;
    change(copy, schema);
    return copy;
  }

  /** Every single mutation of `node` (at `path` in the document that `base` ops produce) and below it. */
  visit(base: Op[], node: Json, schema: Schema | undefined, path: Path): void {
    const set = (p: Path, value: Json): Op[] => [...base, { kind: 'set', path: p, value }];
    const remove = (p: Path): Op[] => [...base, { kind: 'remove', path: p }];
    const s = schema ? this.nav.resolve(schema) : undefined;

    if (isObject(node)) {
      const required = s ? this.nav.required(s) : [];
      for (const key of Object.keys(node)) {
        this.add(
          `drop ${required.includes(key) ? 'required' : 'optional'} field "${key}"`,
          path,
          remove([...path, key]),
        );
      }
      this.add('add unknown property "onbekendVeld": "x"', path, set([...path, 'onbekendVeld'], 'x'));
      this.add('add unknown property "extra": {}', path, set([...path, 'extra'], {}));
      this.add('add unknown property "__proto__": {}', path, set([...path, '__proto__'], {}));
      const firstKey = Object.keys(node)[0];
      if (firstKey !== undefined) {
        const variant = caseVariant(firstKey);
        this.add(
          `add property "${variant}" (case variant of "${firstKey}")`,
          path,
          set([...path, variant], node[firstKey]!),
        );
        this.add(`rename "${firstKey}" to "${variant}"`, path, [
          ...remove([...path, firstKey]),
          { kind: 'set', path: [...path, variant], value: node[firstKey]! },
        ]);
      }
      this.add('object → empty object', path, set(path, {}));
      this.add('wrong type (object → array)', path, set(path, [node]));
      this.add('wrong type (object → empty array)', path, set(path, []));
      this.add('wrong type (object → string)', path, set(path, 'object'));
      this.add('wrong type (object → number)', path, set(path, 1));
      this.add('null instead of object', path, set(path, null));
      // properties the schema knows but the example leaves out: add them, then mutate inside them
      if (s) {
        for (const [name, sub] of Object.entries(this.nav.properties(s))) {
          if (Object.hasOwn(node, name)) continue;
          const value = this.nav.synthesize(sub);
          const withIt = set([...path, name], value);
          this.add(`add absent ${required.includes(name) ? 'required' : 'optional'} field "${name}"`, path, withIt);
          this.visit(withIt, value, sub, [...path, name]);
        }
      }
      for (const key of Object.keys(node)) {
        this.visit(base, node[key]!, s ? this.nav.property(s, key) : undefined, [...path, key]);
      }
      return;
    }

    if (Array.isArray(node)) {
      const items = s ? this.nav.items(s) : undefined;
      this.add('empty array', path, set(path, []));
      if (node.length > 0) {
        this.add('duplicated first item (uniqueItems)', path, set(path, [...node, node[0]!]));
        this.add('array holding only its first item twice', path, set(path, [node[0]!, node[0]!]));
        this.add('wrong type (array → object)', path, set(path, node[0]!));
        this.add(
          'wrong type (array → object keyed by index)',
          path,
          set(path, Object.fromEntries(node.map((v, i) => [String(i), v]))),
        );
      }
      node.forEach((_, i) => this.add(`remove item ${i}`, path, remove([...path, i])));
      this.add('item of wrong type (string) appended', path, set(path, [...node, 'x']));
      this.add('item null appended', path, set(path, [...node, null]));
      this.add('empty object appended', path, set(path, [...node, {}]));
      if (items) this.add('synthesized item appended', path, set(path, [...node, this.nav.synthesize(items)]));
      this.add('wrong type (array → string)', path, set(path, 'lijst'));
      this.add('null instead of array', path, set(path, null));
      if (items || node.length > 0) {
        // n items, each a distinct variant of an existing (or synthesized) item
        const filled = (n: number, distinct: boolean): Json[] =>
          Array.from({ length: n }, (_, i) => {
            const template = node[i % Math.max(node.length, 1)] ?? this.nav.synthesize(items!);
            return distinct && i >= node.length ? this.variant(template, items, i) : template;
          });
        const max = s?.maxItems;
        if (typeof max === 'number') {
          this.add(`exactly maxItems (${max}) distinct items`, path, set(path, filled(max, true)));
          this.add(`one more than maxItems (${max + 1} distinct items)`, path, set(path, filled(max + 1, true)));
          this.add(`one more than maxItems (${max + 1} items, repeated)`, path, set(path, filled(max + 1, false)));
          this.add(`maxItems + 2 (${max + 2} distinct items)`, path, set(path, filled(max + 2, true)));
        }
        this.add('seven distinct items', path, set(path, filled(7, true)));
      }
      const min = s?.minItems;
      if (typeof min === 'number' && min > 0 && node.length > min)
        this.add(`exactly minItems (${min}) items`, path, set(path, node.slice(0, min)));
      node.forEach((item, i) => this.visit(base, item, items, [...path, i]));
      return;
    }

    for (const v of leafVariants(this.nav, s, node)) {
      if (JSON.stringify(v.value) === JSON.stringify(node)) continue;
      this.add(v.what, path, set(path, v.value));
    }
  }
}

/**
 * All mutations of the examples under `schema`, deduplicated by their JSON text (first description wins)
 * and in a stable order. The examples themselves are not among them.
 */
export function mutateExamples(
  examples: readonly Example[],
  schema: Schema,
  options: MutationOptions = {},
): Mutation[] {
  const nav = new SchemaNavigator(schema);
  const random = mulberry32(options.seed ?? 20240229);
  const pairs = options.pairsPerExample ?? 150;
  const seen = new Set(examples.map((e) => JSON.stringify(e.doc)));
  const result: Mutation[] = [];
  const push = (example: string, description: string, ops: Op[]): void => {
    const doc = applyOps(examples.find((e) => e.name === example)!.doc, ops);
    if (doc === undefined) return;
    const key = JSON.stringify(doc);
    if (seen.has(key)) return;
    seen.add(key);
    result.push({ example, description: `${example}: ${description}`, ops, doc });
  };

  for (const example of examples) {
    const collector = new Collector(example.name, nav);
    collector.visit([], example.doc, schema, []);
    collector.add('wrong type (document → array)', [], [{ kind: 'set', path: [], value: [example.doc] }]);
    collector.add('document → null', [], [{ kind: 'set', path: [], value: null }]);
    for (const m of collector.singles) push(example.name, m.description, m.ops);
    // a seeded sample of two mutations at once, to probe how the keywords interact
    const singles = collector.singles;
    for (let n = 0; n < pairs && singles.length > 1; n++) {
      const a = singles[Math.floor(random() * singles.length)]!;
      const b = singles[Math.floor(random() * singles.length)]!;
      if (a === b) continue;
      push(example.name, `${a.description} AND ${b.description}`, [...a.ops, ...b.ops]);
    }
  }
  return result;
}
