/**
 * The strict schema: the compat schema plus what the informatiemodel states, every addition listed in
 * uitwisselmodel.strict-verschillen.json. It accepts every published example that follows the IM, rejects
 * the ones that do not (for the reasons the verschillen give, computed here, not listed by hand), rejects
 * a document that breaks exactly one listed difference, and is stricter than compat in no other way.
 *
 * Besides lengths, patterns and types the IM states presence: a field whose attribuutsoort or relatiesoort
 * has a minimum kardinaliteit of 1 (and not mogelijkGeenWaarde) is required in strict (`verplicht`), and a
 * list of one is at least that long (`aantal`). A `verplicht` difference is broken by the object that lacks
 * the field, where Ajv reports it: at the object, with the field as `missingProperty`.
 */
import type { ErrorObject } from 'ajv';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOps, isObject, mutateExamples, SchemaNavigator, type Json, type Schema } from './mutations.ts';
import {
  compile,
  formatErrors,
  generatedDir,
  MODELS,
  publishedDir,
  readJson,
  skipReason,
  tellSkip,
  verdict,
  type ConformanceModel,
  type Validator,
} from './models.ts';

interface Verschil {
  pad: string;
  soort: 'lengte' | 'patroon' | 'type' | 'verplicht' | 'aantal';
  compat: string;
  strict: string;
  toelichting: string;
}

type Path = (string | number)[];

/**
 * The segments of a verschil's `pad`. It is a JSON Pointer with `*` for any list item; the generator
 * percent-encodes segments (`(Statutaire)%20Naam`), so segments are decoded as well.
 */
function padSegments(pad: string): string[] {
  return pad
    .split('/')
    .slice(1)
    .map((s) => {
      let seg = s;
      try {
        seg = decodeURIComponent(s);
      } catch {
        // not percent-encoded
      }
      return seg.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

/** JSON Pointer as Ajv writes `instancePath`. */
function pointer(path: Path): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Every concrete path in `doc` that the pattern (with `*` for any list item) reaches, with its value. */
function locate(doc: Json, segments: readonly string[], at: Path = []): { path: Path; value: Json }[] {
  if (segments.length === 0) return [{ path: at, value: doc }];
  const [seg, ...rest] = segments as [string, ...string[]];
  if (seg === '*') return Array.isArray(doc) ? doc.flatMap((item, i) => locate(item, rest, [...at, i])) : [];
  return isObject(doc) && Object.hasOwn(doc, seg) ? locate(doc[seg]!, rest, [...at, seg]) : [];
}

function matchesPad(instancePath: string, segments: readonly string[]): boolean {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return (
    parts.length === segments.length &&
    parts.every((p, i) => (segments[i] === '*' ? /^\d+$/.test(p) : segments[i] === p))
  );
}

function maxLength(v: Verschil): number {
  const m = /^maxLength (\d+)$/.exec(v.strict);
  if (!m) throw new Error(`cannot read the length of ${JSON.stringify(v)}`);
  return Number(m[1]);
}

function minItems(v: Verschil): number {
  const m = /^minItems (\d+)$/.exec(v.strict);
  if (!m) throw new Error(`cannot read the minimum of ${JSON.stringify(v)}`);
  return Number(m[1]);
}

/** An Ajv error as one comparable line; a required error names its missing field. */
function errorKey(e: ErrorObject): string {
  return `${e.instancePath} ${e.keyword}${e.keyword === 'required' ? ` ${String(e.params.missingProperty)}` : ''}`;
}

/** The Ajv keywords by which the strict schema may reject a value for a verschil of this kind. */
const KEYWORDS: Record<Verschil['soort'], readonly string[]> = {
  lengte: ['maxLength'],
  patroon: ['pattern'],
  type: ['type', 'format', 'enum', 'pattern', 'maxLength', 'minLength', 'const'],
  verplicht: ['required'],
  aantal: ['minItems'],
};

class StrictModel {
  readonly verschillen: Verschil[];
  readonly compat: Validator;
  readonly strict: Validator;
  readonly examples: { name: string; doc: Json }[];
  private readonly subValidators = new Map<string, (value: Json) => boolean>();

  constructor(readonly model: ConformanceModel) {
    const dir = generatedDir(model);
    this.verschillen = readJson<{ verschillen: Verschil[] }>(
      join(dir, 'uitwisselmodel.strict-verschillen.json'),
    ).verschillen;
    this.compat = compile(readJson<Schema>(join(dir, 'uitwisselmodel.schema.json')), true);
    this.strict = compile(readJson<Schema>(join(dir, 'uitwisselmodel.strict.schema.json')), true);
    this.examples = model.examples.map((name) => ({ name, doc: readJson(join(publishedDir(model), name)) }));
  }

  /** Validates a value against the strict schema's subschema at a verschil's pad. */
  strictAt(v: Verschil): (value: Json) => boolean {
    let fn = this.subValidators.get(v.pad);
    if (!fn) {
      const nav = new SchemaNavigator(this.strict.schema);
      let node: Schema = this.strict.schema;
      let ptr = '';
      for (const seg of padSegments(v.pad)) {
        const ref = node.$ref;
        if (typeof ref === 'string' && ref.startsWith('#')) {
          ptr = ref.slice(1);
          node = nav.resolve(node);
        }
        if (seg === '*') {
          ptr += '/items';
          node = (node.items ?? {}) as Schema;
        } else {
          ptr += `/properties/${encodeURIComponent(seg.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
          node = ((node.properties as Record<string, Schema> | undefined)?.[seg] ?? {}) as Schema;
        }
      }
      const validate = this.strict.ajv.getSchema(`${String(this.strict.schema.$id)}#${ptr}`);
      if (!validate) throw new Error(`no subschema at ${ptr} of the strict schema for ${v.pad}`);
      fn = (value) => validate(value) as boolean;
      this.subValidators.set(v.pad, fn);
    }
    return fn;
  }

  /**
   * Does `value` break the verschil? Computed from the verschil itself, not from the strict schema as a whole.
   * For `verplicht` the value is the object that should hold the field.
   */
  breaks(v: Verschil, value: Json): boolean {
    switch (v.soort) {
      case 'lengte':
        return typeof value === 'string' && [...value].length > maxLength(v);
      case 'patroon':
        return typeof value === 'string' && !new RegExp(v.strict, 'u').test(value);
      case 'type':
        return !this.strictAt(v)(value);
      case 'verplicht':
        return isObject(value) && !Object.hasOwn(value, padSegments(v.pad).at(-1)!);
      case 'aantal':
        return Array.isArray(value) && value.length < minItems(v);
    }
  }

  /** The places where a document breaks the informatiemodel, by the verschillen: for `verplicht`, the object that lacks the field. */
  violations(doc: Json): { verschil: Verschil; path: Path; value: Json }[] {
    return this.verschillen.flatMap((verschil) => {
      const segments = padSegments(verschil.pad);
      return locate(doc, verschil.soort === 'verplicht' ? segments.slice(0, -1) : segments)
        .filter(({ value }) => this.breaks(verschil, value))
        .map(({ path, value }) => ({ verschil, path, value }));
    });
  }

  /** Is a strict error one that some verschil explains (its path and keyword; for a required field, the field)? */
  explained(e: ErrorObject): boolean {
    const at =
      e.keyword === 'required' ? `${e.instancePath}${pointer([String(e.params.missingProperty)])}` : e.instancePath;
    return this.verschillen.some((v) => matchesPad(at, padSegments(v.pad)) && KEYWORDS[v.soort].includes(e.keyword));
  }
}

/** One line per broken verschil, naming the field, (some of) the values and the IM's rule. */
function describeViolations(found: readonly { verschil: Verschil; value: Json }[]): string {
  const byVerschil = new Map<Verschil, Json[]>();
  for (const f of found) byVerschil.set(f.verschil, [...(byVerschil.get(f.verschil) ?? []), f.value]);
  return [...byVerschil]
    .map(([v, values]) => {
      const unique = [...new Set(values.map((x) => JSON.stringify(x)))];
      const shown = unique.length > 3 ? `${unique.slice(0, 3).join(', ')}, ...` : unique.join(', ');
      const where = padSegments(v.pad).join('.').replace(/\.\*/g, '[]');
      switch (v.soort) {
        case 'lengte':
          return `${where} ${shown} longer than ${v.strict} (${v.toelichting})`;
        case 'patroon':
          return `${where} ${shown} not matching ${v.strict}`;
        case 'type':
          return `${where} ${shown} not a valid ${v.strict}`;
        case 'verplicht':
          return `${where} missing (${v.toelichting})`;
        case 'aantal':
          return `${where} with fewer than ${minItems(v)} items (${v.toelichting})`;
      }
    })
    .join('; ');
}

/** Candidate values that break `v` while staying within the other differences at the same pad where possible. */
function candidates(m: StrictModel, v: Verschil, current: Json): Json[] {
  const samePad = m.verschillen.filter((o) => o.pad === v.pad && o !== v);
  const cur = typeof current === 'string' ? current : '';
  switch (v.soort) {
    case 'lengte': {
      const n = maxLength(v);
      // one longer than allowed; grown from the current value so that a pattern keeps matching where it can
      const grown = cur.length > 0 ? (cur + cur.slice(-1).repeat(n + 1)).slice(0, n + 1) : 'x'.repeat(n + 1);
      return [grown, 'x'.repeat(n + 1), '9'.repeat(n + 1)];
    }
    case 'patroon': {
      const limit = samePad.filter((o) => o.soort === 'lengte').map(maxLength)[0] ?? Infinity;
      const list = [
        cur.toLowerCase(),
        `0${cur.slice(1)}`,
        `${cur.slice(0, -1)}!`,
        cur.slice(0, -1),
        `${cur} `.trim() === cur ? `${cur.slice(0, -1)} ` : '',
        'x',
        '',
      ];
      return list.filter((c) => [...c].length <= limit);
    }
    case 'type':
      return [
        `${cur} `,
        cur.toLowerCase(),
        cur.toUpperCase(),
        'x',
        'onbekend',
        '01-05-1980',
        '1980-5-1',
        '1980-02-30',
        '',
        'Leeg ',
        'M',
      ];
    case 'verplicht':
    case 'aantal':
      // broken by leaving the field out or shortening the list: see breakPresence
      return [];
  }
}

/**
 * The differences the informatiemodellen give, stated here rather than read from the generator's own
 * uitwisselmodel.strict-verschillen.json (which the tests below take as their list): a difference that the
 * generator dropped or added must show up as a change to this table, reviewed in the diff.
 */
const VERWACHTE_VERSCHILLEN: Record<string, readonly string[]> = {
  vroegsignalering: [
    '/leveringen/*/aanleverende_organisatie/naam verplicht',
    '/leveringen/*/aanleverende_organisatie/naam lengte maxLength 200',
    '/leveringen/*/aanleverende_organisatie/kvk-nummer verplicht',
    '/leveringen/*/aanleverende_organisatie/kvk-nummer lengte maxLength 80',
    '/leveringen/*/aanleverende_organisatie/contactpersoonen verplicht',
    '/leveringen/*/aanleverende_organisatie/contactpersoonen/*/naam verplicht',
    '/leveringen/*/aanleverende_organisatie/contactpersoonen/*/naam lengte maxLength 200',
    '/leveringen/*/aanleverende_organisatie/contactpersoonen/*/telefoonnummer verplicht',
    '/leveringen/*/aanleverende_organisatie/contactpersoonen/*/telefoonnummer lengte maxLength 200',
    '/leveringen/*/aanleverende_organisatie/contactpersoonen/*/email verplicht',
    '/leveringen/*/aanleverende_organisatie/contactpersoonen/*/functietitel verplicht',
    '/leveringen/*/aanleverende_organisatie/contactpersoonen/*/functietitel lengte maxLength 200',
    '/leveringen/*/vroegsignalen/*/crisissignaal verplicht',
    '/leveringen/*/vroegsignalen/*/warmeOverdracht verplicht',
    '/leveringen/*/vroegsignalen/*/bedrag verplicht',
    '/leveringen/*/vroegsignalen/*/ontstaansdatum verplicht',
    '/leveringen/*/vroegsignalen/*/signaaldatum verplicht',
    '/leveringen/*/vroegsignalen/*/status verplicht',
    '/leveringen/*/vroegsignalen/*/signaalpartner/type verplicht',
    '/leveringen/*/vroegsignalen/*/client/Burgerservicenummer lengte maxLength 9',
    '/leveringen/*/vroegsignalen/*/client/Burgerservicenummer patroon ^[0-9]{9}$',
    '/leveringen/*/vroegsignalen/*/client/Voorletters verplicht',
    '/leveringen/*/vroegsignalen/*/client/Voorletters lengte maxLength 20',
    '/leveringen/*/vroegsignalen/*/client/Voorvoegsel lengte maxLength 200',
    '/leveringen/*/vroegsignalen/*/client/Achternaam verplicht',
    '/leveringen/*/vroegsignalen/*/client/Achternaam lengte maxLength 200',
    '/leveringen/*/vroegsignalen/*/client/Geboortedatum verplicht',
    '/leveringen/*/vroegsignalen/*/client/Straatnaam verplicht',
    '/leveringen/*/vroegsignalen/*/client/Straatnaam lengte maxLength 200',
    '/leveringen/*/vroegsignalen/*/client/Postcode verplicht',
    '/leveringen/*/vroegsignalen/*/client/Postcode lengte maxLength 6',
    '/leveringen/*/vroegsignalen/*/client/Postcode patroon ^[1-9][0-9]{3}[A-Z]{2}$',
    '/leveringen/*/vroegsignalen/*/client/Huisnummer verplicht',
    '/leveringen/*/vroegsignalen/*/client/Huisnummer lengte maxLength 5',
    '/leveringen/*/vroegsignalen/*/client/Huisnummertoevoeging lengte maxLength 4',
    '/leveringen/*/vroegsignalen/*/client/Plaatsnaam verplicht',
    '/leveringen/*/vroegsignalen/*/client/Plaatsnaam lengte maxLength 200',
    '/leveringen/*/vroegsignaalzaken/*/resultaat verplicht',
    '/leveringen/*/vroegsignaalzaken/*/matchingsdatum verplicht',
    '/leveringen/*/vroegsignaalzaken/*/startdatum_matchtingperiode verplicht',
    '/leveringen/*/vroegsignaalzaken/*/datum_opgepakt verplicht',
    '/leveringen/*/vroegsignaalzaken/*/einddatum_matchingperiode verplicht',
    '/leveringen/*/vroegsignaalzaken/*/vroegsignalen verplicht',
    '/leveringen/*/vroegsignaalzaken/*/contactpogingen/*/soort verplicht',
    '/leveringen/*/vroegsignaalzaken/*/contactpogingen/*/bereikt verplicht',
    '/leveringen/*/vroegsignaalzaken/*/contactpogingen/*/datum verplicht',
    '/leveringen/*/vroegsignaalzaken/*/contactpogingen/*/dagdeel verplicht',
  ],
  schuldhulpverlening: [
    '/leveringen/*/aanleverende_organisatie/(Statutaire) Naam lengte maxLength 500',
    '/leveringen/*/aanleverende_organisatie/KvK-nummer lengte maxLength 8',
    '/leveringen/*/aanleverende_organisatie/postcode lengte maxLength 6',
    '/leveringen/*/aanleverende_organisatie/gemeentecode lengte maxLength 4',
    '/leveringen/*/aanleverende_organisatie/contactpersonen verplicht',
    '/leveringen/*/aanleverende_organisatie/contactpersonen/*/email verplicht',
    '/leveringen/*/aanleverende_organisatie/contactpersonen/*/functietitel verplicht',
    '/leveringen/*/aanleverende_organisatie/contactpersonen/*/functietitel lengte maxLength 200',
    '/leveringen/*/aanleverende_organisatie/contactpersonen/*/naam verplicht',
    '/leveringen/*/aanleverende_organisatie/contactpersonen/*/naam lengte maxLength 200',
    '/leveringen/*/aanleverende_organisatie/contactpersonen/*/telefoonnummer verplicht',
    '/leveringen/*/aanleverende_organisatie/contactpersonen/*/telefoonnummer lengte maxLength 200',
    '/leveringen/*/schuldhulptrajecten/*/gemeentecode lengte maxLength 4',
    '/leveringen/*/schuldhulptrajecten/*/client verplicht',
    '/leveringen/*/schuldhulptrajecten/*/client/*/Burgerservicenummer lengte maxLength 9',
    '/leveringen/*/schuldhulptrajecten/*/client/*/Burgerservicenummer patroon ^[0-9]{9}$',
    '/leveringen/*/schuldhulptrajecten/*/client/*/Geboortedatum verplicht',
    '/leveringen/*/schuldhulptrajecten/*/client/*/Geboortedatum type Datum',
    '/leveringen/*/schuldhulptrajecten/*/client/*/Geslachtsaanduiding verplicht',
    '/leveringen/*/schuldhulptrajecten/*/client/*/Geslachtsaanduiding type geslacht',
    '/leveringen/*/schuldhulptrajecten/*/client/*/Postcode verplicht',
    '/leveringen/*/schuldhulptrajecten/*/client/*/Postcode lengte maxLength 6',
    '/leveringen/*/schuldhulptrajecten/*/client/*/Postcode patroon ^[1-9][0-9]{3}[A-Z]{2}$',
    '/leveringen/*/schuldhulptrajecten/*/client/*/Huisnummer verplicht',
    '/leveringen/*/schuldhulptrajecten/*/client/*/Huisnummer lengte maxLength 5',
    '/leveringen/*/schuldhulptrajecten/*/client/*/Huisnummertoevoeging lengte maxLength 4',
    '/leveringen/*/schuldhulptrajecten/*/schulden/*/schuldeiser verplicht',
    '/leveringen/*/schuldhulptrajecten/*/schulden/*/schuldeiser/naam lengte maxLength 200',
    '/leveringen/*/schuldhulptrajecten/*/schulden/*/schuldeiser/kvknummer lengte maxLength 20',
    '/leveringen/*/schuldhulptrajecten/*/schulden/*/schuldeiser/Naam lengte maxLength 200',
    '/leveringen/*/schuldhulptrajecten/*/schulden/*/schuldeiser/postcode lengte maxLength 6',
  ],
};

/**
 * Presence, field by field, as the model YAML states it (the kardinaliteit of the attribuutsoort or
 * relatiesoort, none `mogelijkGeenWaarde`), checked in the schemas themselves rather than through the
 * verschillen: strict requires what the informatiemodel requires, compat only what the published schema does.
 */
interface Aanwezigheid {
  pad: string;
  /** The element and its kardinaliteit in the model YAML. */
  element: string;
  kardinaliteit: string;
  compat: boolean;
  strict: boolean;
}

const AANWEZIGHEID: Record<string, readonly Aanwezigheid[]> = {
  vroegsignalering: [
    {
      pad: '/leveringen/*/vroegsignalen/*/crisissignaal',
      element: 'attribuutsoort Vroegsignaal.crisissignaal',
      kardinaliteit: '1',
      compat: false,
      strict: true,
    },
    {
      pad: '/leveringen/*/vroegsignalen/*/client',
      element: 'relatiesoort Vroegsignaal.betreft',
      kardinaliteit: '1',
      compat: true,
      strict: true,
    },
    {
      pad: '/leveringen/*/vroegsignalen/*/client/Geboortedatum',
      element: 'attribuutsoort Client.Geboortedatum',
      kardinaliteit: '1',
      compat: false,
      strict: true,
    },
    {
      pad: '/leveringen/*/vroegsignalen/*/client/Voorvoegsel',
      element: 'attribuutsoort Client.Voorvoegsel',
      kardinaliteit: '0..1',
      compat: false,
      strict: false,
    },
    {
      pad: '/leveringen/*/vroegsignalen/*/client/Burgerservicenummer',
      element: 'attribuutsoort Client.Burgerservicenummer',
      kardinaliteit: '0..1',
      compat: false,
      strict: false,
    },
    // followed back from Vroegsignaal: its kardinaliteitBron
    {
      pad: '/leveringen/*/vroegsignaalzaken/*/vroegsignalen',
      element: 'relatiesoort Vroegsignaal.opgepaktIn',
      kardinaliteit: '1..*',
      compat: false,
      strict: true,
    },
    {
      pad: '/leveringen/*/vroegsignaalzaken/*/contactpogingen',
      element: 'relatiesoort Vroegsignaalzaak.heeft',
      kardinaliteit: '0..*',
      compat: false,
      strict: false,
    },
    {
      pad: '/leveringen/*/vroegsignaalzaken/*/contactpogingen/*/dagdeel',
      element: 'attribuutsoort Contactpoging.dagdeel',
      kardinaliteit: '1',
      compat: false,
      strict: true,
    },
  ],
  schuldhulpverlening: [
    {
      pad: '/leveringen/*/schuldhulptrajecten/*/gemeentecode',
      element: 'attribuutsoort Schuldhulptraject.gemeentecode',
      kardinaliteit: '1',
      compat: true,
      strict: true,
    },
    {
      pad: '/leveringen/*/schuldhulptrajecten/*/client',
      element: 'relatiesoort Schuldhulptraject.wordt uitgevoerd voor',
      kardinaliteit: '1..2',
      compat: false,
      strict: true,
    },
    {
      pad: '/leveringen/*/schuldhulptrajecten/*/client/*/Geslachtsaanduiding',
      element: 'attribuutsoort Client.Geslachtsaanduiding',
      kardinaliteit: '1',
      compat: false,
      strict: true,
    },
    {
      pad: '/leveringen/*/schuldhulptrajecten/*/client/*/Burgerservicenummer',
      element: 'attribuutsoort Client.Burgerservicenummer',
      kardinaliteit: '0..1',
      compat: false,
      strict: false,
    },
    {
      pad: '/leveringen/*/schuldhulptrajecten/*/schulden/*/schuldeiser',
      element: 'relatiesoort Schuld.is verschuldigd aan',
      kardinaliteit: '1',
      compat: false,
      strict: true,
    },
    {
      pad: '/leveringen/*/schuldhulptrajecten/*/schuldregeling/dwangakkoord',
      element: 'attribuutsoort Schuldregeling.dwangakkoord',
      kardinaliteit: '0..1',
      compat: false,
      strict: false,
    },
    {
      pad: '/leveringen/*/aanleverende_organisatie/(Statutaire) Naam',
      element: 'attribuutsoort Schuldhulporganisatie.(Statutaire) Naam',
      kardinaliteit: '0..1',
      compat: false,
      strict: false,
    },
  ],
};

/** Whether the schema requires the field at a pad (wire names and `*`), in the object that holds it. */
function requiredAt(schema: Schema, pad: string): boolean {
  const nav = new SchemaNavigator(schema);
  const segments = pad.split('/').slice(1);
  let node: Schema | undefined = schema;
  for (const seg of segments.slice(0, -1)) node = node && (seg === '*' ? nav.items(node) : nav.property(node, seg));
  if (!node) throw new Error(`no object at ${pad} in ${String(schema.$id)}`);
  if (!nav.property(node, segments.at(-1)!)) throw new Error(`no field ${pad} in ${String(schema.$id)}`);
  return nav.required(node).includes(segments.at(-1)!);
}

for (const model of MODELS) {
  const reason =
    skipReason(model) ??
    (existsSync(join(generatedDir(model), 'uitwisselmodel.strict.schema.json'))
      ? undefined
      : `generated/${model.name} has no strict schema`);
  if (reason) tellSkip(`strict-schema tests for ${model.name}`, reason);

  describe.skipIf(reason !== undefined)(`${model.name}: strict schema = compat + the documented differences`, () => {
    // Titles name the reason an example fails, so the expectations are computed while collecting.
    const m = reason === undefined ? new StrictModel(model) : undefined;
    if (!m) {
      it.skip(`skipped: ${reason}`, () => {});
      return;
    }

    it('lists its differences in uitwisselmodel.strict-verschillen.json', () => {
      expect(m.verschillen.length).toBeGreaterThan(0);
      for (const v of m.verschillen) expect(['lengte', 'patroon', 'type', 'verplicht', 'aantal']).toContain(v.soort);
    });

    it('requires in strict the fields whose element the informatiemodel requires (a few, from the model YAML)', () => {
      const verplicht = new Set(
        m.verschillen.filter((v) => v.soort === 'verplicht').map((v) => decodeURIComponent(v.pad)),
      );
      for (const a of AANWEZIGHEID[model.name]!) {
        const wat = `${a.pad} (${a.element} ${a.kardinaliteit})`;
        expect(requiredAt(m.compat.schema, a.pad), `compat ${wat}`).toBe(a.compat);
        expect(requiredAt(m.strict.schema, a.pad), `strict ${wat}`).toBe(a.strict);
        // listed as a difference exactly where strict requires what compat does not
        expect(verplicht.has(a.pad), `strict-verschillen ${wat}`).toBe(a.strict && !a.compat);
        if (a.strict && !a.compat) {
          const v = m.verschillen.find((x) => x.soort === 'verplicht' && decodeURIComponent(x.pad) === a.pad)!;
          expect(v.toelichting).toContain(`${a.element} kardinaliteit`);
          expect(v.toelichting).toContain(a.kardinaliteit);
        }
      }
    });

    it('lists exactly the differences its informatiemodel gives (the table in this test)', () => {
      const regel = (v: Verschil): string =>
        `${decodeURIComponent(v.pad)} ${v.soort}${v.soort === 'verplicht' ? '' : ` ${v.strict}`}`;
      expect(m.verschillen.map(regel)).toEqual(VERWACHTE_VERSCHILLEN[model.name]);
    });

    for (const example of m.examples) {
      const found = m.violations(example.doc);
      if (found.length === 0) {
        it(`accepts the published example ${example.name}: it follows the informatiemodel`, () => {
          const s = verdict(m.strict, example.doc);
          expect(s.valid, `strict rejects ${example.name}: ${formatErrors(s.errors)}`).toBe(true);
        });
        continue;
      }
      it(`rejects the published example ${example.name}, which breaks the informatiemodel: ${describeViolations(found)}`, () => {
        expect(verdict(m.compat, example.doc).valid, `compat must accept ${example.name}`).toBe(true);
        const s = verdict(m.strict, example.doc);
        expect(s.valid).toBe(false);
        // rejected exactly where the verschillen say, and nowhere else
        const expected = [...new Set(found.map((f) => pointer(f.path)))].sort();
        const actual = [...new Set(s.errors.map((e) => e.instancePath))].sort();
        expect(actual, formatErrors(s.errors)).toEqual(expected);
        for (const e of s.errors) expect(m.explained(e), `unexplained: ${formatErrors([e])}`).toBe(true);
      });
    }

    for (const v of m.verschillen) {
      it(`rejects a document that breaks only the difference ${v.soort} ${decodeURIComponent(v.pad)}: ${v.strict}`, () => {
        if (v.soort === 'verplicht' || v.soort === 'aantal') return breakPresence(m, v);
        const segments = padSegments(v.pad);
        const tried: string[] = [];
        for (const example of m.examples) {
          const base = repaired(m, example.doc);
          let places = locate(base, segments);
          let withPlace = base;
          if (places.length === 0) {
            // the example lacks the field: add it (and what holds it) as the compat schema describes it
            const added = addPath(m, base, segments);
            if (!added) continue;
            withPlace = added;
            places = locate(withPlace, segments);
          }
          const baseErrors = verdict(m.strict, withPlace).errors;
          for (const place of places.slice(0, 1)) {
            for (const value of candidates(m, v, place.value)) {
              if (!m.breaks(v, value)) continue;
              const doc = applyOps(withPlace, [{ kind: 'set', path: place.path, value }])!;
              const c = verdict(m.compat, doc);
              if (!c.valid) {
                tried.push(
                  `${example.name} ${pointer(place.path)} = ${JSON.stringify(value)}: compat rejects (${formatErrors(c.errors)})`,
                );
                continue;
              }
              const s = verdict(m.strict, doc);
              const at = pointer(place.path);
              const key = (e: ErrorObject) => `${e.instancePath} ${e.keyword}`;
              const before = new Set(baseErrors.filter((e) => e.instancePath !== at).map(key));
              const elsewhere = new Set(s.errors.filter((e) => e.instancePath !== at).map(key));
              const here = s.errors.filter((e) => e.instancePath === at);
              expect(s.valid, `strict accepts ${at} = ${JSON.stringify(value)}`).toBe(false);
              expect([...elsewhere], `the change must add errors only at ${at}`).toEqual([...before]);
              expect(here.length, formatErrors(s.errors)).toBeGreaterThan(0);
              expect(
                here.some((e) => KEYWORDS[v.soort].includes(e.keyword)),
                formatErrors(here),
              ).toBe(true);
              if (v.soort !== 'lengte') {
                // a pattern or type difference is broken alone; a length may also break a pattern on the same field
                expect(
                  here.every((e) => KEYWORDS[v.soort].includes(e.keyword)),
                  formatErrors(here),
                ).toBe(true);
              } else {
                const samePad = m.verschillen.filter((o) => o.pad === v.pad).flatMap((o) => KEYWORDS[o.soort]);
                expect(
                  here.every((e) => samePad.includes(e.keyword)),
                  formatErrors(here),
                ).toBe(true);
              }
              return;
            }
          }
        }
        expect.fail(
          `no example gives a document that compat accepts and that breaks ${v.pad} (${v.strict}):\n${tried.join('\n')}`,
        );
      });
    }

    it('is stricter than compat only where the verschillen say (checked on the mutated examples)', () => {
      const published = readJson<Schema>(join(publishedDir(model), 'json_schema_Uitwisselmodel.json'));
      // a deterministic sample of at most 8,000 documents keeps this quick; the agreement test runs them all
      const all = mutateExamples(m.examples, published, { seed: 0x5711c7, pairsPerExample: 50 });
      const stride = Math.ceil(all.length / 8000);
      const mutations = all.filter((_, i) => i % stride === 0);
      const problems: string[] = [];
      let strictOnly = 0;
      for (const mu of mutations) {
        const c = verdict(m.compat, mu.doc);
        const s = verdict(m.strict, mu.doc);
        if (!c.valid && s.valid)
          problems.push(`- ${mu.description}: compat rejects (${formatErrors(c.errors)}) but strict accepts`);
        if (c.valid && !s.valid) {
          strictOnly++;
          const unexplained = s.errors.filter((e) => !m.explained(e));
          if (unexplained.length > 0)
            problems.push(
              `- ${mu.description}: strict rejects for an undocumented reason: ${formatErrors(unexplained)}`,
            );
        }
      }
      console.log(
        `${model.name}: ${mutations.length} of ${all.length} documents, ${strictOnly} accepted by compat and rejected by strict, all for documented reasons`,
      );
      expect(problems, problems.slice(0, 25).join('\n')).toEqual([]);
    });
  });
}

/** The example with the lengths it breaks cut back, so that it is strict-valid where it can be. */
function repaired(m: StrictModel, doc: Json): Json {
  const repairs = m
    .violations(doc)
    .filter((f) => f.verschil.soort === 'lengte' && typeof f.value === 'string')
    .map((f) => ({
      kind: 'set' as const,
      path: f.path,
      value: [...(f.value as string)].slice(0, maxLength(f.verschil)).join(''),
    }));
  return applyOps(doc, repairs)!;
}

/**
 * A document that breaks only a presence difference: an example in which the field is there (added, as the
 * compat schema describes it, where no example has it), the field then left out (`verplicht`) or its list cut
 * below the minimum (`aantal`). Compat accepts it; strict rejects it with exactly one new error, the one the
 * difference names.
 */
function breakPresence(m: StrictModel, v: Verschil): void {
  const segments = padSegments(v.pad);
  const tried: string[] = [];
  for (const example of m.examples) {
    const base = repaired(m, example.doc);
    const withField = locate(base, segments).length > 0 ? base : addPath(m, base, segments);
    const place = withField === undefined ? undefined : locate(withField, segments)[0];
    if (!withField || !place) continue;
    const parent = place.path.slice(0, -1);
    const doc =
      v.soort === 'verplicht'
        ? applyOps(withField, [{ kind: 'remove', path: place.path }])!
        : applyOps(withField, [
            {
              kind: 'set',
              path: place.path,
              value: (Array.isArray(place.value) ? place.value : []).slice(0, minItems(v) - 1),
            },
          ])!;
    const c = verdict(m.compat, doc);
    if (!c.valid) {
      tried.push(`${example.name} ${pointer(place.path)}: compat rejects (${formatErrors(c.errors)})`);
      continue;
    }
    const before = new Set(verdict(m.strict, withField).errors.map(errorKey));
    const s = verdict(m.strict, doc);
    const added = s.errors.filter((e) => !before.has(errorKey(e)));
    expect(s.valid, `strict accepts ${example.name} without ${pointer(place.path)}`).toBe(false);
    const expected =
      v.soort === 'verplicht' ? `${pointer(parent)} required ${segments.at(-1)!}` : `${pointer(place.path)} minItems`;
    expect(added.map(errorKey), formatErrors(s.errors)).toEqual([expected]);
    return;
  }
  expect.fail(
    `no example gives a document that compat accepts and that breaks ${v.soort} ${v.pad}:\n${tried.join('\n')}`,
  );
}

/** `doc` with the path of `segments` created where missing (objects and lists as the compat schema describes them). */
function addPath(m: StrictModel, doc: Json, segments: readonly string[]): Json | undefined {
  const nav = new SchemaNavigator(m.compat.schema);
  const copy = structuredClone(doc);
  let node: Json = copy;
  let schema: Schema = m.compat.schema;
  for (const seg of segments) {
    if (seg === '*') {
      if (!Array.isArray(node)) return undefined;
      const items = nav.items(schema) ?? {};
      if (node.length === 0) node.push(nav.synthesize(items));
      node = node[0]!;
      schema = items;
    } else {
      if (!isObject(node)) return undefined;
      const sub = nav.property(schema, seg) ?? {};
      if (!Object.hasOwn(node, seg)) node[seg] = nav.synthesize(sub);
      node = node[seg]!;
      schema = sub;
    }
  }
  return copy;
}
