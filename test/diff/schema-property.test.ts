/**
 * The classification checked against behaviour: for random pairs of small schemas, whenever the diff says
 * that nothing breaks senders, every document that the old schema accepts is accepted by the new one, and
 * whenever it says that nothing breaks receivers, every document the new schema accepts is accepted by the
 * old one. Documents are generated from both schemas (accepted by construction) and then mutated.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../generator/diff/schema-diff.ts';
import type { Json, JsonObject } from '../../generator/diff/types.ts';

const addFormats = (ajvFormats as unknown as { default: (ajv: Ajv2020) => void }).default;

type Leaf =
  | { soort: 'string'; minLength?: number; maxLength?: number; format?: 'date' }
  | { soort: 'integer'; minimum?: number; maximum?: number }
  | { soort: 'enum'; waarden: string[]; getypeerd: boolean }
  | { soort: 'boolean' }
  | { soort: 'any' };
type Prop =
  { leaf: Leaf } | { lijst: Leaf; min?: number; max?: number; uniek: boolean } | { ref: 'X' | 'Y' } | { object: Obj };
interface Obj {
  props: Record<string, Prop>;
  required: string[];
  gesloten: boolean;
}
interface Spec {
  root: Obj;
  defs: { X: Leaf; Y: Obj };
}

const NAMEN = ['a', 'b', 'c', 'd'];
const WAARDEN = ['p', 'q', 'r', 's'];

const leafArb: fc.Arbitrary<Leaf> = fc.oneof(
  fc.record(
    {
      soort: fc.constant('string' as const),
      minLength: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      maxLength: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    },
    { requiredKeys: ['soort'] },
  ),
  fc.constant<Leaf>({ soort: 'string', format: 'date' }),
  fc.record(
    {
      soort: fc.constant('integer' as const),
      minimum: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }),
      maximum: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    },
    { requiredKeys: ['soort'] },
  ),
  fc.record({
    soort: fc.constant('enum' as const),
    waarden: fc.subarray(WAARDEN, { minLength: 1 }),
    getypeerd: fc.boolean(),
  }),
  fc.constant<Leaf>({ soort: 'boolean' }),
  fc.constant<Leaf>({ soort: 'any' }),
);

const propArb = (diepte: number): fc.Arbitrary<Prop> =>
  fc.oneof(
    { weight: 4, arbitrary: leafArb.map((leaf) => ({ leaf })) },
    {
      weight: 2,
      arbitrary: fc.record(
        {
          lijst: leafArb,
          min: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
          max: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
          uniek: fc.boolean(),
        },
        { requiredKeys: ['lijst', 'uniek'] },
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom<'X' | 'Y'>('X', 'Y').map((ref) => ({ ref })) },
    { weight: diepte > 0 ? 1 : 0, arbitrary: objArb(diepte - 1).map((object) => ({ object })) },
  );

function objArb(diepte: number): fc.Arbitrary<Obj> {
  return fc
    .record({ namen: fc.subarray(NAMEN), gesloten: fc.boolean(), extraRequired: fc.subarray(NAMEN, { maxLength: 1 }) })
    .chain(({ namen, gesloten, extraRequired }) =>
      fc.record({
        props: fc
          .tuple(...namen.map(() => propArb(diepte)))
          .map((ps) => Object.fromEntries(namen.map((n, i) => [n, ps[i]!]))),
        required: fc.subarray(namen).map((r) => [...new Set([...r, ...extraRequired.filter(() => !gesloten)])]),
        gesloten: fc.constant(gesloten),
      }),
    );
}

const specArb: fc.Arbitrary<Spec> = fc.record({ root: objArb(1), defs: fc.record({ X: leafArb, Y: objArb(0) }) });

/** A variant of a spec: each part kept (mostly) or changed a little. */
function variantArb(spec: Spec): fc.Arbitrary<Spec> {
  const leafVariant = (l: Leaf): fc.Arbitrary<Leaf> =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(l) },
      { weight: 1, arbitrary: leafArb },
      { weight: 1, arbitrary: kleinVerschil(l) },
    );
  const propVariant = (p: Prop, diepte: number): fc.Arbitrary<Prop> => {
    const anders = fc.oneof(
      { weight: 1, arbitrary: propArb(diepte) },
      ...('leaf' in p ? [{ weight: 2, arbitrary: leafVariant(p.leaf).map((leaf) => ({ leaf })) }] : []),
      ...('lijst' in p
        ? [
            {
              weight: 2,
              arbitrary: fc.record({
                lijst: leafVariant(p.lijst),
                min: fc.constantFrom(p.min, undefined, 0, 1, 2),
                max: fc.constantFrom(p.max, undefined, 1, 3),
                uniek: fc.boolean(),
              }),
            },
          ]
        : []),
      ...('object' in p
        ? [{ weight: 2, arbitrary: objVariant(p.object, diepte - 1).map((object) => ({ object })) }]
        : []),
    );
    return fc.oneof({ weight: 4, arbitrary: fc.constant(p) }, { weight: 1, arbitrary: anders });
  };
  const objVariant = (o: Obj, diepte: number): fc.Arbitrary<Obj> => {
    const namen = Object.keys(o.props);
    return fc
      .record({
        props: fc.tuple(...namen.map((n) => fc.option(propVariant(o.props[n]!, diepte), { freq: 8, nil: undefined }))),
        nieuw: fc.option(fc.tuple(fc.constantFrom(...NAMEN), propArb(Math.max(diepte, 0))), {
          freq: 3,
          nil: undefined,
        }),
        gesloten: fc.oneof({ weight: 4, arbitrary: fc.constant(o.gesloten) }, { weight: 1, arbitrary: fc.boolean() }),
        required: fc.oneof(
          { weight: 3, arbitrary: fc.constant(o.required) },
          { weight: 1, arbitrary: fc.subarray(NAMEN) },
        ),
      })
      .map(({ props, nieuw, gesloten, required }) => {
        const result: Record<string, Prop> = {};
        namen.forEach((n, i) => {
          if (props[i] !== undefined) result[n] = props[i]!;
        });
        if (nieuw && result[nieuw[0]] === undefined) result[nieuw[0]] = nieuw[1];
        return { props: result, gesloten, required: required.filter((r) => !gesloten || r in result) };
      });
  };
  return fc.record({
    root: objVariant(spec.root, 1),
    defs: fc.record({ X: leafVariant(spec.defs.X), Y: objVariant(spec.defs.Y, 0) }),
  });
}

function kleinVerschil(l: Leaf): fc.Arbitrary<Leaf> {
  switch (l.soort) {
    case 'enum':
      return fc.subarray(WAARDEN, { minLength: 1 }).map((waarden) => ({ ...l, waarden }));
    case 'string':
      return fc
        .record({ minLength: fc.constantFrom(undefined, 0, 1, 2), maxLength: fc.constantFrom(undefined, 1, 3, 4) })
        .map((x) => ({ soort: 'string' as const, ...clean(x) }));
    case 'integer':
      return fc
        .record({ minimum: fc.constantFrom(undefined, -1, 0, 2), maximum: fc.constantFrom(undefined, 1, 3, 5) })
        .map((x) => ({ soort: 'integer' as const, ...clean(x) }));
    default:
      return fc.constant(l);
  }
}

function clean<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function leafSchema(l: Leaf): JsonObject {
  switch (l.soort) {
    case 'string':
      return { type: 'string', ...clean({ minLength: l.minLength, maxLength: l.maxLength, format: l.format }) };
    case 'integer':
      return { type: 'integer', ...clean({ minimum: l.minimum, maximum: l.maximum }) };
    case 'enum':
      return l.getypeerd ? { type: 'string', enum: l.waarden } : { enum: l.waarden };
    case 'boolean':
      return { type: 'boolean' };
    case 'any':
      return { description: 'anything' };
  }
}

function propSchema(p: Prop): JsonObject {
  if ('leaf' in p) return leafSchema(p.leaf);
  if ('ref' in p) return { $ref: `#/$defs/${p.ref}`, description: `via ${p.ref}` };
  if ('object' in p) return objSchema(p.object);
  return {
    type: 'array',
    items: leafSchema(p.lijst),
    ...clean({ minItems: p.min, maxItems: p.max }),
    ...(p.uniek ? { uniqueItems: true } : {}),
  };
}

function objSchema(o: Obj): JsonObject {
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(o.props).map(([k, p]) => [k, propSchema(p)])),
    ...(o.required.length > 0 ? { required: o.required } : {}),
    ...(o.gesloten ? { additionalProperties: false } : {}),
  };
}

function schema(spec: Spec): JsonObject {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...objSchema(spec.root),
    $defs: { X: leafSchema(spec.defs.X), Y: objSchema(spec.defs.Y) },
  };
}

const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    ...WAARDEN,
    'x',
    '',
    'pqrst',
    '2024-02-29',
    'not-a-date',
    0,
    1,
    3,
    6,
    -3,
    1.5,
    true,
    false,
    null,
    [],
    {},
    ['p'],
    ['p', 'p'],
    { a: 1 },
  ),
  fc.array(fc.constantFrom<Json>('p', 'q', 1, 'x'), { maxLength: 4 }),
);

function leafDoc(l: Leaf): fc.Arbitrary<Json> {
  switch (l.soort) {
    case 'string':
      if (l.format === 'date') return fc.constantFrom('2024-01-31', '1999-12-01');
      return fc.string({
        unit: fc.constantFrom('p', 'q', 'x'),
        minLength: l.minLength ?? 0,
        maxLength: Math.max(l.minLength ?? 0, l.maxLength ?? 5),
      });
    case 'integer':
      return fc.integer({ min: l.minimum ?? -5, max: Math.max(l.minimum ?? -5, l.maximum ?? 8) });
    case 'enum':
      return fc.constantFrom(...l.waarden);
    case 'boolean':
      return fc.boolean();
    case 'any':
      return anyValue;
  }
}

function propDoc(p: Prop, spec: Spec, diepte: number): fc.Arbitrary<Json> {
  if ('leaf' in p) return leafDoc(p.leaf);
  // Y may refer to itself: past a few levels, stop with an empty object (valid or not, it is a document).
  if ('ref' in p)
    return p.ref === 'X' ? leafDoc(spec.defs.X) : diepte > 3 ? fc.constant({}) : objDoc(spec.defs.Y, spec, diepte + 1);
  if ('object' in p) return objDoc(p.object, spec, diepte + 1);
  const min = p.min ?? 0;
  return fc.array(leafDoc(p.lijst), { minLength: min, maxLength: Math.max(min, p.max ?? 3) });
}

function objDoc(o: Obj, spec: Spec, diepte = 0): fc.Arbitrary<Json> {
  const namen = Object.keys(o.props);
  return fc
    .tuple(
      ...namen.map((n) =>
        o.required.includes(n)
          ? propDoc(o.props[n]!, spec, diepte)
          : fc.option(propDoc(o.props[n]!, spec, diepte), { nil: undefined }),
      ),
      fc.option(fc.tuple(fc.constantFrom(...NAMEN, 'z'), anyValue), { freq: 4, nil: undefined }),
    )
    .map((values) => {
      const doc: JsonObject = {};
      namen.forEach((n, i) => {
        const v = values[i] as Json | undefined;
        if (v !== undefined) doc[n] = v;
      });
      const extra = values[namen.length] as [string, Json] | undefined;
      if (extra && !o.gesloten && !(extra[0] in doc)) doc[extra[0]] = extra[1];
      // Required names the object does not describe (open objects only) get any value.
      for (const r of o.required) if (!(r in doc)) doc[r] = 'p';
      return doc;
    });
}

/** A document changed in one place: a value replaced, a key removed or added, somewhere in the tree. */
function mutatie(doc: Json): fc.Arbitrary<Json> {
  const plekken: (string | number)[][] = [];
  const walk = (v: Json, pad: (string | number)[]): void => {
    plekken.push(pad);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...pad, i]));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...pad, k]);
  };
  walk(doc, []);
  return fc
    .tuple(
      fc.constantFrom(...plekken),
      fc.constantFrom('vervang', 'weg', 'erbij'),
      anyValue,
      fc.constantFrom(...NAMEN, 'z'),
    )
    .map(([pad, wat, waarde, naam]) => {
      const kopie = structuredClone(doc) as Json;
      if (pad.length === 0) return wat === 'vervang' ? waarde : kopie;
      let ouder: Json = kopie;
      for (const s of pad.slice(0, -1)) ouder = (ouder as Record<string | number, Json>)[s as never]!;
      const laatste = pad[pad.length - 1]!;
      const doel = (ouder as Record<string | number, Json>)[laatste as never]!;
      if (wat === 'vervang') (ouder as Record<string | number, Json>)[laatste as never] = waarde;
      else if (wat === 'weg' && !Array.isArray(ouder)) delete (ouder as JsonObject)[laatste as string];
      else if (wat === 'weg' && Array.isArray(ouder)) ouder.splice(laatste as number, 1);
      else if (typeof doel === 'object' && doel !== null && !Array.isArray(doel)) doel[naam] = waarde;
      else if (Array.isArray(doel)) doel.push(waarde);
      return kopie;
    });
}

function documenten(oud: Spec, nieuw: Spec): fc.Arbitrary<Json[]> {
  const geldig = fc.oneof(objDoc(oud.root, oud), objDoc(nieuw.root, nieuw));
  return fc.array(fc.oneof(geldig, geldig.chain(mutatie), geldig.chain(mutatie).chain(mutatie)), {
    minLength: 10,
    maxLength: 40,
  });
}

function validator(s: JsonObject): (d: Json) => boolean {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  const v = ajv.compile(s);
  return (d) => v(d) as boolean;
}

describe('schema diff classification against behaviour (fast-check)', () => {
  it('whenever the diff says nothing breaks senders (receivers), no document shows otherwise', () => {
    const teller = { zonderBreuk: 0, eenRichting: 0, gelijk: 0, runs: 0 };
    const paar = specArb.chain((oud) => variantArb(oud).map((nieuw) => [oud, nieuw] as const));
    fc.assert(
      fc.property(
        paar.chain(([oud, nieuw]) => documenten(oud, nieuw).map((docs) => ({ oud, nieuw, docs }))),
        ({ oud, nieuw, docs }) => {
          const so = schema(oud);
          const sn = schema(nieuw);
          const changes = diffSchemas(so, sn);
          const senders = changes.some((c) => c.breaksSenders);
          const receivers = changes.some((c) => c.breaksReceivers);
          teller.runs++;
          if (changes.length === 0) teller.gelijk++;
          else if (!senders && !receivers) teller.zonderBreuk++;
          else if (!senders || !receivers) teller.eenRichting++;
          const vo = validator(so);
          const vn = validator(sn);
          for (const d of docs) {
            const a = vo(d);
            const b = vn(d);
            if (a && !b && !senders) {
              throw new Error(
                `old accepts, new rejects, but no change breaks senders\ndoc: ${JSON.stringify(d)}\nold: ${JSON.stringify(so)}\nnew: ${JSON.stringify(sn)}\nchanges: ${JSON.stringify(changes, null, 1)}`,
              );
            }
            if (b && !a && !receivers) {
              throw new Error(
                `new accepts, old rejects, but no change breaks receivers\ndoc: ${JSON.stringify(d)}\nold: ${JSON.stringify(so)}\nnew: ${JSON.stringify(sn)}\nchanges: ${JSON.stringify(changes, null, 1)}`,
              );
            }
          }
        },
      ),
      // A fixed seed: a failure reproduces, and fast-check prints it with the counterexample.
      { numRuns: 400, seed: 7_412_026 },
    );
    expect(teller.runs).toBe(400);
    // The property says something only when the diff often finds changes that break nobody or one side.
    expect(teller.zonderBreuk + teller.eenRichting).toBeGreaterThan(teller.runs / 10);
    expect(teller.gelijk).toBeGreaterThan(0);
  }, 300_000);

  it('a schema compared with itself has no change, and equal schemas accept the same documents', () => {
    let runs = 0;
    fc.assert(
      fc.property(specArb, (spec) => {
        runs++;
        expect(diffSchemas(schema(spec), structuredClone(schema(spec)))).toEqual([]);
      }),
      { numRuns: 200, seed: 7_412_027 },
    );
    expect(runs).toBe(200);
  });
});
