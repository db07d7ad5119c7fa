/**
 * The generated packages as an implementer gets them: `npm pack`, installed into a fresh project, a consumer
 * program compiled with `tsc --strict` and run with node; the published examples type-checked against the
 * message type, and a wrong enumeration value refused by the compiler.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_REFERENCE, leesVoorbeeld, MODELLEN, ROOT } from './support.ts';

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const TSC_OPTIONS = [
  '--strict',
  '--noEmit',
  '--module',
  'nodenext',
  '--moduleResolution',
  'nodenext',
  '--target',
  'es2022',
  '--lib',
  'es2022,dom',
  '--skipLibCheck',
  'false',
];

/** Where a wrong enumeration value is planted in each model's first example. */
const ENUM_VELD: Record<string, (string | number)[]> = {
  vroegsignalering: ['leveringen', 0, 'vroegsignalen', 0, 'signaalpartner', 'type'],
  schuldhulpverlening: ['leveringen', 0, 'schuldhulptrajecten', 0, 'begeleiding', 0, 'soort'],
};

const CONSUMER: Record<string, string> = {
  vroegsignalering: `
import { naarUitwisselmodel, validate, type Uitwisselmodel, type UitwisselmodelBron, type informatiemodel } from '@ddas/vroegsignalering';

const partner: informatiemodel.EnumSignaalpartner = 'Huur';
const signaal = { ID: 'vs-1', crisissignaal: false, signaalpartner: { type: partner }, client: { Achternaam: 'Jansen', Postcode: '1234AB' } };
const bron: UitwisselmodelBron = {
  startdatumLevering: '2025-01-01',
  einddatumLevering: '2025-03-31',
  aanleverdatumEnTijd: '2025-04-01T09:00:00Z',
  codeGegevensleverancier: 'LEV01',
  leveringen: [
    {
      teller: 1,
      gemeentecode: '0363',
      aanleverende_organisatie: { naam: 'Gemeente Amsterdam', contactpersonen: [{ naam: 'A. de Vries', email: 'a@example.org' }] },
      vroegsignalen: [signaal],
      vroegsignaalzaken: [{ resultaat: 'Verwijzing zonder contact', vroegsignalen: [signaal], contactpogingen: [{ soort: 'Brief', dagdeel: 'Ochtend' }] }],
    },
  ],
};
const bericht: Uitwisselmodel = naarUitwisselmodel(bron);
const result = validate(bericht);
console.log(JSON.stringify({ valid: result.valid, errors: result.errors, zaak: bericht.leveringen?.[0]?.vroegsignaalzaken }));
const fout = validate({ ...bericht, leveringen: [] });
console.log(JSON.stringify({ valid: fout.valid, errors: fout.errors }));
`,
  schuldhulpverlening: `
import { naarUitwisselmodel, validate, type Uitwisselmodel, type UitwisselmodelBron } from '@ddas/schuldhulpverlening';

const bron: UitwisselmodelBron = {
  startdatumLevering: '2025-01-01',
  einddatumLevering: '2025-03-31',
  aanleverdatumEnTijd: '2025-04-01T09:00:00Z',
  codeGegevensleverancier: 'LEV01',
  leveringen: [
    {
      teller: 1,
      aanleverende_organisatie: { '(Statutaire) Naam': 'Kredietbank', contactpersonen: [{ naam: 'B. Smit' }] },
      schuldhulptrajecten: [
        {
          gemeentecode: '0363',
          startdatum: '2025-01-10',
          client: [{ Geslachtsaanduiding: 'Vrouw', Postcode: '1234AB' }],
          schulden: [{ bedrag: 1200, schuldsoort: 'Zorg', schuldeiser: { naam: 'Zorgverzekeraar', KVKnummer: '12345678' } }],
        },
      ],
    },
  ],
};
const bericht: Uitwisselmodel = naarUitwisselmodel(bron);
const result = validate(bericht);
console.log(JSON.stringify({ valid: result.valid, errors: result.errors, schuld: bericht.leveringen[0]?.schuldhulptrajecten?.[0]?.schulden }));
const fout = validate({ ...bericht, leveringen: [] });
console.log(JSON.stringify({ valid: fout.valid, errors: fout.errors }));
`,
};

function run(cmd: string, args: string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('generated packages install and work in a fresh project', () => {
  let project: string;

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'mimgen-consumer-'));
    // The runtime is installed from its tarball too: it is not on the registry yet, and this is the one the packages were generated against.
    const tarballs = [join(ROOT, 'runtime'), ...MODELLEN.map((m) => join(ROOT, 'generated', m.naam))].map((map) => {
      const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', project], {
        cwd: map,
        encoding: 'utf8',
      });
      return join(project, out.trim().split('\n').pop()!);
    });
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
    );
    const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs], project);
    if (install.status !== 0) throw new Error(`npm install of the packed tarballs failed:\n${install.out}`);
  }, 180_000);

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  for (const model of MODELLEN) {
    it(`${model.naam}: a consumer compiles with tsc --strict, builds a message with the mapping functions and validates it`, () => {
      writeFileSync(join(project, `${model.naam}.ts`), CONSUMER[model.naam]!);
      const tsc = run(
        process.execPath,
        [TSC, ...TSC_OPTIONS.filter((o) => o !== '--noEmit'), '--outDir', 'out', `${model.naam}.ts`],
        project,
      );
      expect(tsc.out).toBe('');
      expect(tsc.status).toBe(0);
      const node = run(process.execPath, [join('out', `${model.naam}.js`)], project);
      expect(node.status, node.out).toBe(0);
      const [goed, fout] = node.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { valid: boolean; errors: { path: string; message: string }[] });
      expect(goed!.errors).toEqual([]);
      expect(goed!.valid).toBe(true);
      expect(fout!.valid).toBe(false);
      expect(fout!.errors[0]!.path).toBe('/leveringen');
    });

    it(`${model.naam}: the package exports its schemas`, () => {
      const check = `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);
        const s = require('@ddas/${model.naam}/uitwisselmodel.schema.json'); const t = require('@ddas/${model.naam}/uitwisselmodel.strict.schema.json');
        console.log(s.title, t.$schema);`;
      writeFileSync(join(project, `exports-${model.naam}.mjs`), check);
      const node = run(process.execPath, [`exports-${model.naam}.mjs`], project);
      expect(node.out.trim()).toBe('Uitwisselmodel https://json-schema.org/draft/2020-12/schema');
    });

    describe.skipIf(!HAS_REFERENCE)(`${model.naam}: published examples as typed values`, () => {
      for (const voorbeeld of model.voorbeelden) {
        it(`${voorbeeld} compiles as Uitwisselmodel`, () => {
          const file = `${model.naam}-${voorbeeld}.ts`;
          writeFileSync(join(project, file), typedExample(model.naam, leesVoorbeeld(model, voorbeeld)));
          const tsc = run(process.execPath, [TSC, ...TSC_OPTIONS, file], project);
          expect(tsc.out).toBe('');
          expect(tsc.status).toBe(0);
        });
      }

      it(`${model.voorbeelden[0]} with a wrong enumeration value does not compile`, () => {
        const doc = leesVoorbeeld(model, model.voorbeelden[0]) as Record<string, unknown>;
        const pad = ENUM_VELD[model.naam]!;
        let node: Record<string | number, unknown> = doc;
        for (const p of pad.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
        expect(typeof node[pad.at(-1)!], `the example has a value at ${pad.join('/')}`).toBe('string');
        node[pad.at(-1)!] = 'Geen bestaande waarde';
        const file = `${model.naam}-fout.ts`;
        writeFileSync(join(project, file), typedExample(model.naam, doc));
        const tsc = run(process.execPath, [TSC, ...TSC_OPTIONS, file], project);
        expect(tsc.status).not.toBe(0);
        expect(tsc.out).toMatch(/error TS2322: Type '"Geen bestaande waarde"' is not assignable to type/);
      });
    });
  }
});

function typedExample(model: string, doc: unknown): string {
  return `import type { Uitwisselmodel } from '@ddas/${model}';\n\nexport const voorbeeld: Uitwisselmodel = ${JSON.stringify(doc, null, 2)};\n`;
}

// Keep the README's promise checked: the import line it shows is the one the consumers use.
it('the README of each package shows the import that works', () => {
  for (const model of MODELLEN) {
    const readme = readFileSync(join(ROOT, 'generated', model.naam, 'README.md'), 'utf8');
    expect(readme).toContain(`import { validate, type Uitwisselmodel } from '@ddas/${model.naam}';`);
  }
});
