import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, publishedDir, readJson, verdict, MODELS as CONFORMANCE_MODELS } from '../conformance/models.ts';
import { mutateExamples, type Example, type Schema } from '../conformance/mutations.ts';
import { assertBuilt, mimgen } from '../cli/support.ts';
import { HAS_REFERENCE, ROOT } from './support.ts';

interface Fout {
  path: string;
  message: string;
  element: string;
}
type Validate = (value: unknown) => { valid: boolean; errors: Fout[] };

async function validator(model: string): Promise<Validate> {
  return ((await import(`../../generated/${model}/dist/index.js`)) as { validate: Validate }).validate;
}

const clone = <T>(x: T): T => structuredClone(x);

/** A small valid Vroegsignalering message to break one rule at a time. */
function vroegsignaleringBericht() {
  return {
    startdatumLevering: '2025-01-01',
    einddatumLevering: '2025-03-31',
    aanleverdatumEnTijd: '2025-04-01T09:00:00Z',
    codeGegevensleverancier: 'LEV01',
    leveringen: [
      {
        teller: 1,
        gemeentecode: '0363',
        aanleverende_organisatie: {
          naam: 'Gemeente',
          'kvk-nummer': '12345678',
          contactpersoonen: [{ naam: 'A. de Vries' }],
        },
        vroegsignalen: [
          { ID: 'vs-1', signaalpartner: { type: 'Huur' }, client: { Achternaam: 'Jansen' } },
          { ID: 'vs-2', signaalpartner: { type: 'Water' }, client: { Achternaam: 'Bakker' } },
        ],
        vroegsignaalzaken: [
          {
            startdatum_matchtingperiode: '2025-01-01',
            einddatum_matchingperiode: '2025-01-31',
            vroegsignalen: [{ ID: 'vs-1' }, { ID: 'vs-2' }],
          },
        ],
      },
    ],
  };
}

function schuldhulpBericht() {
  return {
    startdatumLevering: '2025-01-01',
    einddatumLevering: '2025-03-31',
    aanleverdatumEnTijd: '2025-04-01T09:00:00Z',
    codeGegevensleverancier: 'LEV01',
    leveringen: [
      {
        teller: 1,
        aanleverende_organisatie: { '(Statutaire) Naam': 'Kredietbank', gemeentecode: '0363' },
        schuldhulptrajecten: [
          {
            gemeentecode: '0363',
            startdatum: '2025-01-10',
            einddatum: '2025-03-01',
            schuldregeling: { dwangakkoord: true, toegekend: '2025-02-01' },
          },
        ],
      },
    ],
  };
}

describe('generated validator: the checks JSON Schema cannot express', () => {
  it('accepts a message that follows every rule', async () => {
    expect(await (await validator('vroegsignalering'))(vroegsignaleringBericht())).toEqual({ valid: true, errors: [] });
    expect(await (await validator('schuldhulpverlening'))(schuldhulpBericht())).toEqual({ valid: true, errors: [] });
  });

  it('rejects a Vroegsignaalzaak that refers to a Vroegsignaal of another Levering', async () => {
    const bericht = vroegsignaleringBericht();
    const tweede = clone(bericht.leveringen[0]!);
    tweede.teller = 2;
    tweede.vroegsignalen = [{ ID: 'vs-9', signaalpartner: { type: 'Huur' }, client: { Achternaam: 'Smit' } }];
    tweede.vroegsignaalzaken = [
      {
        startdatum_matchtingperiode: '2025-01-01',
        einddatum_matchingperiode: '2025-01-31',
        vroegsignalen: [{ ID: 'vs-1' }],
      },
    ];
    bericht.leveringen.push(tweede);
    const result = (await validator('vroegsignalering'))(bericht);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        path: '/leveringen/1/vroegsignaalzaken/0/vroegsignalen/0/ID',
        element: 'Vroegsignaalzaak.vroegsignalen',
        message:
          'Vroegsignaalzaak verwijst naar Vroegsignaal "vs-1", maar die Vroegsignaal staat niet in dezelfde Levering',
      },
    ]);
  });

  it('rejects two Vroegsignalen with the same ID in one Levering, and allows it across Leveringen', async () => {
    const bericht = vroegsignaleringBericht();
    bericht.leveringen[0]!.vroegsignalen[1]!.ID = 'vs-1';
    const result = (await validator('vroegsignalering'))(bericht);
    // vs-2 is gone, so the zaak's reference to it dangles too.
    expect(result.errors.map((e) => [e.path, e.element])).toEqual([
      ['/leveringen/0/vroegsignalen/1/ID', 'Vroegsignaal.ID'],
      ['/leveringen/0/vroegsignaalzaken/0/vroegsignalen/1/ID', 'Vroegsignaalzaak.vroegsignalen'],
    ]);
    expect(result.errors[0]!.message).toContain('/leveringen/0/vroegsignalen/0/ID');

    const twee = vroegsignaleringBericht();
    twee.leveringen.push({ ...clone(twee.leveringen[0]!), teller: 2 });
    expect((await validator('vroegsignalering'))(twee).valid).toBe(true);
  });

  it('rejects a matchingperiode that ends before it starts', async () => {
    const bericht = vroegsignaleringBericht();
    bericht.leveringen[0]!.vroegsignaalzaken[0]!.einddatum_matchingperiode = '2024-12-31';
    const result = (await validator('vroegsignalering'))(bericht);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.path).toBe('/leveringen/0/vroegsignaalzaken/0/einddatum_matchingperiode');
    expect(result.errors[0]!.message).toMatch(
      /einddatum_matchingperiode \(2024-12-31\) ligt voor startdatum_matchtingperiode \(2025-01-01\)/,
    );
  });

  it('rejects a Schuldhulptraject whose einddatum lies before its startdatum', async () => {
    const bericht = schuldhulpBericht();
    bericht.leveringen[0]!.schuldhulptrajecten[0]!.einddatum = '2025-01-01';
    const result = (await validator('schuldhulpverlening'))(bericht);
    expect(result.errors.map((e) => e.path)).toEqual(['/leveringen/0/schuldhulptrajecten/0/einddatum']);
  });

  it('rejects dwangakkoord true without toegekend, as the published questions and answers say', async () => {
    const bericht = schuldhulpBericht();
    delete (bericht.leveringen[0]!.schuldhulptrajecten[0]!.schuldregeling as { toegekend?: string }).toegekend;
    const result = (await validator('schuldhulpverlening'))(bericht);
    expect(result.errors.map((e) => e.path)).toEqual([
      '/leveringen/0/schuldhulptrajecten/0/schuldregeling/dwangakkoord',
    ]);
    expect(result.errors[0]!.message).toMatch(/dwangakkoord is true terwijl toegekend geen waarde heeft/);
    const zonder = schuldhulpBericht();
    zonder.leveringen[0]!.schuldhulptrajecten[0]!.schuldregeling = { dwangakkoord: false } as never;
    expect((await validator('schuldhulpverlening'))(zonder).valid).toBe(true);
  });

  it('says what is wrong with a schema error in the terms of the model', async () => {
    const bericht = vroegsignaleringBericht() as Record<string, unknown>;
    delete (bericht.leveringen as { vroegsignalen: Record<string, unknown>[] }[])[0]!.vroegsignalen[0]!.ID;
    (bericht.leveringen as { vroegsignalen: Record<string, unknown>[] }[])[0]!.vroegsignalen[1]!.status = 'Opgepakt';
    const result = (await validator('vroegsignalering'))(bericht);
    expect(result.errors).toContainEqual({
      path: '/leveringen/0/vroegsignalen/0',
      element: 'Vroegsignaal',
      message: 'Vroegsignaal mist het verplichte veld "ID"',
    });
    const status = result.errors.find((e) => e.path === '/leveringen/0/vroegsignalen/1/status')!;
    expect(status.element).toBe('Vroegsignaal.status (EnumSignaalstatus)');
    expect(status.message).toContain('"Nog niet opgepakt"');
  });
});

interface StreamFout extends Fout {
  line: number;
  column: number;
}
interface StrictForm {
  validate: Validate;
  validateStream(
    bron: Iterable<Uint8Array>,
    opties?: { worker?: boolean },
  ): Promise<{ valid: boolean; errors: StreamFout[] }>;
}

async function strictForm(model: string): Promise<StrictForm> {
  return ((await import(`../../generated/${model}/dist/index.js`)) as { strict: StrictForm }).strict;
}

/** A Vroegsignalering message with every field its informatiemodel requires (kardinaliteit 1), valid in the strict form. */
function volledigVroegsignaleringBericht() {
  const client = {
    Voorletters: 'J',
    Achternaam: 'Jansen',
    Geboortedatum: '1980-05-01',
    Straatnaam: 'Dorpsstraat',
    Postcode: '1234AB',
    Huisnummer: '1',
    Plaatsnaam: 'Ergens',
  };
  const signaal = (ID: string) => ({
    ID,
    crisissignaal: false,
    warmeOverdracht: false,
    bedrag: 120,
    ontstaansdatum: '2024-11-01',
    signaaldatum: '2025-01-05',
    status: 'Nog niet opgepakt',
    signaalpartner: { type: 'Huur' },
    client,
  });
  const bericht = vroegsignaleringBericht();
  const levering = bericht.leveringen[0]!;
  levering.aanleverende_organisatie.contactpersoonen = [
    { naam: 'A. de Vries', telefoonnummer: '0201234567', email: 'a@example.nl', functietitel: 'Consulent' } as never,
  ];
  levering.vroegsignalen = [signaal('vs-1'), signaal('vs-2')] as never;
  levering.vroegsignaalzaken = [
    {
      resultaat: 'Niet opgepakt: andere reden',
      matchingsdatum: '2025-01-10',
      startdatum_matchtingperiode: '2025-01-01',
      datum_opgepakt: '2025-01-11',
      einddatum_matchingperiode: '2025-01-31',
      vroegsignalen: [{ ID: 'vs-1' }, { ID: 'vs-2' }],
    } as never,
  ];
  return bericht;
}

const bytes = (x: unknown): Uint8Array[] => [new TextEncoder().encode(JSON.stringify(x, null, 2))];

describe('the strict form of the validator: presence as the informatiemodel states it', () => {
  it('accepts a message with every field the informatiemodel requires, as compat does', async () => {
    const strict = await strictForm('vroegsignalering');
    const bericht = volledigVroegsignaleringBericht();
    expect(strict.validate(bericht), JSON.stringify(strict.validate(bericht).errors)).toEqual({
      valid: true,
      errors: [],
    });
    expect((await validator('vroegsignalering'))(bericht).valid).toBe(true);
  });

  it("rejects a Vroegsignaal without bedrag (kardinaliteit 1), which compat accepts, and says why in the model's terms", async () => {
    const strict = await strictForm('vroegsignalering');
    const bericht = volledigVroegsignaleringBericht();
    delete (bericht.leveringen[0]!.vroegsignalen[1] as { bedrag?: number }).bedrag;
    expect((await validator('vroegsignalering'))(bericht)).toEqual({ valid: true, errors: [] });
    const fout = {
      path: '/leveringen/0/vroegsignalen/1',
      element: 'Vroegsignaal',
      message:
        'Vroegsignaal mist het verplichte veld "bedrag" (het informatiemodel geeft attribuutsoort Vroegsignaal.bedrag kardinaliteit 1)',
    };
    expect(strict.validate(bericht)).toEqual({ valid: false, errors: [fout] });
    // The streaming validator gives the same error, with its place in the file, in one thread and with the worker.
    for (const worker of [false, true]) {
      const r = await strict.validateStream(bytes(bericht), { worker });
      expect(r.valid).toBe(false);
      expect(r.errors.map(({ path, element, message }) => ({ path, element, message }))).toEqual([fout]);
      expect(r.errors[0]!.line).toBeGreaterThan(1);
    }
  });

  it('names every missing field the informatiemodel requires in the small message that compat accepts', async () => {
    const bericht = vroegsignaleringBericht();
    expect((await validator('vroegsignalering'))(bericht).valid).toBe(true);
    const { errors } = (await strictForm('vroegsignalering')).validate(bericht);
    const ontbrekend = (path: string) =>
      errors
        .filter((e) => e.path === path)
        .map((e) => /"([^"]+)"/.exec(e.message)![1])
        .sort();
    expect(ontbrekend('/leveringen/0/vroegsignalen/0')).toEqual([
      'bedrag',
      'crisissignaal',
      'ontstaansdatum',
      'signaaldatum',
      'status',
      'warmeOverdracht',
    ]);
    // Client.Voorvoegsel, Burgerservicenummer and Huisnummertoevoeging are 0..1: not among them.
    expect(ontbrekend('/leveringen/0/vroegsignalen/0/client')).toEqual([
      'Geboortedatum',
      'Huisnummer',
      'Plaatsnaam',
      'Postcode',
      'Straatnaam',
      'Voorletters',
    ]);
    expect(ontbrekend('/leveringen/0/aanleverende_organisatie/contactpersoonen/0')).toEqual([
      'email',
      'functietitel',
      'telefoonnummer',
    ]);
    for (const e of errors)
      expect(e.message).toMatch(
        /mist het verplichte veld "[^"]+" \(het informatiemodel geeft (attribuutsoort|relatiesoort) [^ ]+ kardinaliteit (bron )?1/,
      );
  });

  it('Schuldhulpverlening: a Schuld without its schuldeiser (kardinaliteit 1) is invalid in strict, one without dwangakkoord (0..1) is not', async () => {
    const strict = await strictForm('schuldhulpverlening');
    const compat = await validator('schuldhulpverlening');
    const bericht = schuldhulpBericht();
    const traject = bericht.leveringen[0]!.schuldhulptrajecten[0]! as Record<string, unknown>;
    traject.client = [
      { Geboortedatum: '1980-05-01', Geslachtsaanduiding: 'Vrouw', Postcode: '1234AB', Huisnummer: '1' },
    ];
    traject.schulden = [{ bedrag: 100, schuldeiser: { naam: 'Energie BV' } }, { bedrag: 200 }];
    traject.schuldregeling = { toegekend: '2025-02-01' };
    (bericht.leveringen[0]!.aanleverende_organisatie as Record<string, unknown>).contactpersonen = [
      { naam: 'B', email: 'b@example.nl', telefoonnummer: '1', functietitel: 'C' },
    ];
    expect(compat(bericht)).toEqual({ valid: true, errors: [] });
    expect(strict.validate(bericht)).toEqual({
      valid: false,
      errors: [
        {
          path: '/leveringen/0/schuldhulptrajecten/0/schulden/1',
          element: 'Schuld',
          message:
            'Schuld mist het verplichte veld "schuldeiser" (het informatiemodel geeft relatiesoort Schuld.is verschuldigd aan kardinaliteit 1)',
        },
      ],
    });
  });
});

describe('mimgen validate --strict', () => {
  it('validates a delivery file in the strict form: exit 1 and the missing field, where plain validate exits 0', () => {
    assertBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'mimgen-strict-'));
    try {
      const bericht = volledigVroegsignaleringBericht();
      delete (bericht.leveringen[0]!.vroegsignaalzaken[0] as { resultaat?: string }).resultaat;
      const pad = join(dir, 'levering.json');
      writeFileSync(pad, JSON.stringify(bericht, null, 2));
      const compat = mimgen(['validate', '--model', 'vroegsignalering', pad]);
      expect(compat.status, compat.stderr).toBe(0);
      const strict = mimgen(['validate', '--model', 'vroegsignalering', '--strict', '--json', pad]);
      expect(strict.status, strict.stderr).toBe(1);
      const uit = JSON.parse(strict.stdout) as { valid: boolean; errors: { path: string; message: string }[] };
      expect(uit.errors.map((e) => [e.path, e.message])).toEqual([
        [
          '/leveringen/0/vroegsignaalzaken/0',
          'Vroegsignaalzaak mist het verplichte veld "resultaat" (het informatiemodel geeft attribuutsoort Vroegsignaalzaak.resultaat kardinaliteit 1)',
        ],
      ]);
      expect(strict.stderr).toContain('1 error(s) in the strict form');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The strict form's schema validator for a message in memory, as strict.validate() uses it. */
async function strictSchemaValidator(model: string): Promise<SchemaValidator> {
  const dist = `../../generated/${model}/dist`;
  const { eenhedenValidator } = (await import('@mimgen/runtime')) as unknown as {
    eenhedenValidator: (plan: unknown, v: unknown) => SchemaValidator;
  };
  const { VALIDATORS } = (await import(`${dist}/strict.js`)) as { VALIDATORS: unknown };
  const { STREAM_PLAN_STRICT } = (await import(`${dist}/tabellen.js`)) as { STREAM_PLAN_STRICT: unknown };
  return eenhedenValidator(STREAM_PLAN_STRICT, VALIDATORS);
}

describe.skipIf(!HAS_REFERENCE)("the strict form's unit validators agree with Ajv on the strict schema", () => {
  for (const model of CONFORMANCE_MODELS) {
    it(`${model.name}: the same errors (keyword, place, parameters) on the agreement corpus`, async () => {
      const validate = await strictSchemaValidator(model.name);
      const published = readJson<Schema>(join(publishedDir(model), 'json_schema_Uitwisselmodel.json'));
      const strict = compile(
        readJson<Schema>(join(ROOT, 'generated', model.name, 'uitwisselmodel.strict.schema.json')),
        true,
      );
      const examples: Example[] = model.examples.map((name) => ({
        name,
        doc: readJson(join(publishedDir(model), name)),
      }));
      const corpus = mutateExamples(examples, published, { seed: 0x5711c7, pairsPerExample: 50 });
      const verschil: string[] = [];
      let required = 0;
      for (const m of corpus) {
        const verwacht = verdict(strict, m.doc);
        required += verwacht.errors.filter((e) => e.keyword === 'required').length;
        const ons = validate(m.doc);
        const a = fouten(verwacht.errors);
        const b = fouten(validate.errors);
        if (ons !== verwacht.valid || a.join('\n') !== b.join('\n'))
          verschil.push(`${m.description}: Ajv ${a.join('; ')} | units ${b.join('; ')}`);
      }
      expect(verschil.slice(0, 5)).toEqual([]);
      expect(corpus.length).toBeGreaterThanOrEqual(1000);
      // The corpus leaves fields out, so the required fields of the strict form are put to the test.
      expect(required).toBeGreaterThan(100);
    });
  }
});

describe.skipIf(!HAS_REFERENCE)('generated validator agrees with Ajv on the compat schema', () => {
  for (const model of CONFORMANCE_MODELS) {
    it(`${model.name}: same verdict on the whole agreement corpus`, async () => {
      const validate = await validator(model.name);
      const published = readJson<Schema>(join(publishedDir(model), 'json_schema_Uitwisselmodel.json'));
      const compat = compile(readJson<Schema>(join(ROOT, 'generated', model.name, 'uitwisselmodel.schema.json')));
      const examples: Example[] = model.examples.map((name) => ({
        name,
        doc: readJson(join(publishedDir(model), name)),
      }));
      const corpus = mutateExamples(examples, published, { seed: 0xdda5, pairsPerExample: 150 });
      let zelfde = 0;
      let afgewezen = 0;
      const extra: string[] = [];
      const verschil: string[] = [];
      for (const m of corpus) {
        const ajv = verdict(compat, m.doc).valid;
        if (!ajv) afgewezen++;
        const ons = validate(m.doc);
        if (ons.valid === ajv) zelfde++;
        else if (
          ajv &&
          !ons.valid &&
          ons.errors.every((e) => !e.message.includes('mist') && !e.message.includes('kent geen'))
        ) {
          // The schema accepts it, but a rule JSON Schema cannot express rejects it (a duplicated ID, say).
          extra.push(`${m.description}: ${ons.errors.map((e) => e.message).join('; ')}`);
        } else verschil.push(`${m.description}: ajv ${ajv}, validate ${ons.valid}`);
      }
      console.log(
        `${model.name}: ${corpus.length} documents, ${zelfde} same verdict, ${extra.length} rejected only by the extra checks`,
      );
      expect(verschil).toEqual([]);
      expect(zelfde + extra.length).toBe(corpus.length);
      expect(corpus.length).toBeGreaterThanOrEqual(2000);
      // Both verdicts often, or agreeing would say little.
      expect(afgewezen).toBeGreaterThan(corpus.length / 20);
      expect(corpus.length - afgewezen).toBeGreaterThan(corpus.length / 20);
      // Every document the extra checks reject must really break one of them; none may be a schema matter.
      for (const e of extra) expect(e).toMatch(/verwijst naar|komt in deze|ligt voor|terwijl/);
    });
  }
});

type SchemaFout = { instancePath: string; keyword: string; params: Record<string, unknown> };
type SchemaValidator = ((data: unknown) => boolean) & { errors?: SchemaFout[] | null };

/** The package's schema validator for a message in memory: built from the streaming plan's unit validators. */
async function schemaValidator(model: string): Promise<SchemaValidator> {
  const dist = `../../generated/${model}/dist`;
  const { eenhedenValidator } = (await import('@mimgen/runtime')) as unknown as {
    eenhedenValidator: (plan: unknown, v: unknown) => SchemaValidator;
  };
  const { VALIDATORS } = (await import(`${dist}/validate.js`)) as { VALIDATORS: unknown };
  const { STREAM_PLAN } = (await import(`${dist}/tabellen.js`)) as { STREAM_PLAN: unknown };
  return eenhedenValidator(STREAM_PLAN, VALIDATORS);
}

/** Errors as a sorted list of keyword, place and parameters: the order of Ajv's errors follows the schema's. */
const fouten = (errors: readonly SchemaFout[] | null | undefined): string[] =>
  (errors ?? []).map((e) => `${e.keyword} ${e.instancePath} ${JSON.stringify(e.params)}`).sort();

describe('the schema validator made of the unit validators', () => {
  it('reports minItems and the same pair of equal items as Ajv on the whole schema (keys in any order)', async () => {
    const validate = await schemaValidator('vroegsignalering');
    const ajv = compile(
      readJson<Schema>(join(ROOT, 'generated', 'vroegsignalering', 'uitwisselmodel.schema.json')),
      true,
    );
    const levering = vroegsignaleringBericht().leveringen[0]!;
    const omgekeerd = Object.fromEntries(Object.entries(clone(levering)).reverse());
    const anders = { ...clone(levering), teller: 2 };
    const gevallen = [
      { ...vroegsignaleringBericht(), leveringen: [] },
      { ...vroegsignaleringBericht(), leveringen: [clone(levering), anders, omgekeerd, clone(anders)] },
      {
        ...vroegsignaleringBericht(),
        leveringen: [clone(levering), { ...anders, vroegsignalen: 'geen lijst' }, { teller: 'drie' }],
      },
      { ...vroegsignaleringBericht(), leveringen: 'geen lijst' },
      'geen object',
    ];
    for (const bericht of gevallen) {
      const verwacht = verdict(ajv, bericht);
      expect(validate(bericht)).toBe(verwacht.valid);
      expect(fouten(validate.errors)).toEqual(fouten(verwacht.errors));
    }
    expect(fouten((validate(gevallen[1]), validate.errors))).toContain('uniqueItems /leveringen {"i":3,"j":1}');
  });

  it('finds the same pair as Ajv in a long list too, compared by canonical JSON (keys in any order)', async () => {
    const validate = await schemaValidator('vroegsignalering');
    const ajv = compile(
      readJson<Schema>(join(ROOT, 'generated', 'vroegsignalering', 'uitwisselmodel.schema.json')),
      true,
    );
    const levering = vroegsignaleringBericht().leveringen[0]!;
    const lang = Array.from({ length: 40 }, (_, i) => ({ ...clone(levering), teller: i + 1 }));
    for (const [i, j] of [
      [37, 5],
      [12, 11],
      [39, 0],
    ] as const) {
      const lijst = clone(lang);
      lijst[i] = Object.fromEntries(Object.entries(clone(lijst[j]!)).reverse()) as typeof levering;
      if (i === 12) lijst[30] = clone(lijst[2]!);
      const bericht = { ...vroegsignaleringBericht(), leveringen: lijst };
      const verwacht = verdict(ajv, bericht);
      expect(validate(bericht)).toBe(false);
      expect(fouten(validate.errors)).toEqual(fouten(verwacht.errors));
    }
  });
});

describe.skipIf(!HAS_REFERENCE)(
  'the schema validator made of the unit validators agrees with Ajv on the compat schema',
  () => {
    for (const model of CONFORMANCE_MODELS) {
      it(`${model.name}: the same errors (keyword, place, parameters) on the whole agreement corpus`, async () => {
        const validate = await schemaValidator(model.name);
        const published = readJson<Schema>(join(publishedDir(model), 'json_schema_Uitwisselmodel.json'));
        const compat = compile(
          readJson<Schema>(join(ROOT, 'generated', model.name, 'uitwisselmodel.schema.json')),
          true,
        );
        const examples: Example[] = model.examples.map((name) => ({
          name,
          doc: readJson(join(publishedDir(model), name)),
        }));
        const corpus = mutateExamples(examples, published, { seed: 0xdda5, pairsPerExample: 150 });
        const verschil: string[] = [];
        let afgewezen = 0;
        for (const m of corpus) {
          const verwacht = verdict(compat, m.doc);
          if (!verwacht.valid) afgewezen++;
          const ons = validate(m.doc);
          const a = fouten(verwacht.errors);
          const b = fouten(validate.errors);
          if (ons !== verwacht.valid || a.join('\n') !== b.join('\n'))
            verschil.push(`${m.description}: Ajv ${a.join('; ')} | units ${b.join('; ')}`);
        }
        expect(verschil.slice(0, 5)).toEqual([]);
        expect(corpus.length).toBeGreaterThanOrEqual(2000);
        expect(afgewezen).toBeGreaterThan(corpus.length / 20);
      });
    }
  },
);

describe('package files', () => {
  it('ship no schema compiler at run time: the validator is precompiled', () => {
    for (const model of ['vroegsignalering', 'schuldhulpverlening']) {
      const code = readFileSync(join(ROOT, 'generated', model, 'dist', 'stream-validators.js'), 'utf8');
      expect(code).not.toMatch(/new Ajv|\.compile\(/);
      const index = readFileSync(join(ROOT, 'generated', model, 'dist', 'validate.js'), 'utf8');
      expect(index).not.toMatch(/from ['"]ajv['"]/);
      expect(readFileSync(join(ROOT, 'generated', model, 'dist', 'stream-validators-strict.js'), 'utf8')).not.toMatch(
        /new Ajv|\.compile\(/,
      );
    }
  });

  it("compile a strict validator only for the units the strict form changes: the envelope shares compat's", () => {
    for (const model of ['vroegsignalering', 'schuldhulpverlening']) {
      const strict = readFileSync(join(ROOT, 'generated', model, 'src', 'strict.ts'), 'utf8');
      // the message without its streamed lists holds no field the informatiemodel requires or bounds
      expect(strict).toMatch(/eenheid0: validators\.eenheid0,/);
      expect(strict).toMatch(/eenheid1: strictValidators\.eenheid1/);
      const code = readFileSync(join(ROOT, 'generated', model, 'dist', 'stream-validators-strict.js'), 'utf8');
      expect(code).not.toMatch(/\beenheid0\b/);
    }
  });
});
