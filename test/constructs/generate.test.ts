/**
 * Issue 15, item 5: a model that lints clean generates. A model made here holds what real models do and the DDAS
 * models do not (the constructs and the decision for each are in the README, "Constructs of issue 15"):
 * a subtype and its supertype each with a relatiesoort `heeft` (one with a rol, one without), an objecttype with
 * three supertypen of which two have a relatiesoort `ligt in`, relatiesoorten without rol, names with slashes,
 * spaces, brackets and a leading digit (`Deelplan/Veld`, `Rijbewijs /Certificaat`, `Ruimtelijk (object)`,
 * `3D-gebied`, `2e voornaam`; an enumeratie `Soort/Type` with waarden `1e keus` and `a/b "c"`, a gegevensgroep
 * `post/adres` of gegevensgroeptype `Adres (post)`), an email address as the message's only format, a reference by key, and a
 * message not named Uitwisselmodel. Through the real CLI (bin/mimgen.js): it lints clean, generates, the package
 * type-checks with tsc --strict, every schema compiles with Ajv 2020 strict and the names reach schema keys,
 * types and docs. Then each construct that is refused, made from the same model by one change, is refused by
 * lint with its message at its file:line:col (the lint corpus holds the same cases as fixtures).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ajvMetFormats } from '../../generator/common/ajv.ts';
import { repoRoot as ROOT } from '../conformance/models.ts';

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const temp = mkdtempSync(join(tmpdir(), 'mimgen-constructs-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function mimgen(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'mimgen.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MIMGEN_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EMAIL = `  - id: dt.email
    naam: Email
    basis: tekst
    formaat: email
    definitie: Een e-mailadres.
`;

const MODEL = `informatiemodel:
  id: lastig
  naam: Lastig register
  versie: "1.0"
  definitie: Een model met wat MIM toestaat en echte modellen doen.
  gebruikt: [../gedeeld/datatypes.yaml]
objecttypen:
  - id: ot.subject
    naam: Subject
    definitie: Iets of iemand.
    indicatieAbstractObject: true
    attribuutsoorten:
      - id: subject.id
        naam: identificatie
        type: AN
        kardinaliteit: "0..1"
        definitie: Het kenmerk, als het bekend is.
      - id: subject.email
        naam: e-mail adres
        type: Email
        kardinaliteit: "0..1"
        definitie: Waar het subject te bereiken is.
    relatiesoorten:
      - id: subject.heeft
        naam: heeft
        doel: Deelplan/Veld
        kardinaliteit: "0..*"
        definitie: De deelplannen van het subject.
  - id: ot.kadastraal
    naam: Kadastraal object
    definitie: Iets in het kadaster.
    relatiesoorten:
      - id: kadastraal.ligtin
        naam: ligt in
        doel: Gemeente
        kardinaliteit: "1"
        definitie: De gemeente.
  - id: ot.ruimtelijk
    naam: Ruimtelijk (object)
    definitie: Iets met een plek.
    relatiesoorten:
      - id: ruimtelijk.ligtin
        naam: ligt in
        doel: 3D-gebied
        rol: gebied
        kardinaliteit: "0..1"
        definitie: Het gebied.
  - id: ot.persoon
    naam: Persoon
    definitie: Iemand.
    supertypen: [Subject, Kadastraal object, Ruimtelijk (object)]
    attribuutsoorten:
      - id: persoon.naam
        naam: naam (volledig)
        type: AN
        kardinaliteit: "1"
        definitie: De naam.
      - id: persoon.2e
        naam: 2e voornaam
        type: AN
        kardinaliteit: "0..1"
        definitie: De tweede voornaam.
      - id: persoon.soort
        naam: soort/type
        type: Soort/Type
        kardinaliteit: "0..1"
        definitie: Wat voor persoon.
    gegevensgroepen:
      - id: persoon.post
        naam: post/adres
        type: Adres (post)
        kardinaliteit: "0..1"
        definitie: Het postadres.
    relatiesoorten:
      - id: persoon.heeft
        naam: heeft
        doel: Rijbewijs /Certificaat
        rol: rijbewijzen
        kardinaliteit: "0..*"
        definitie: De rijbewijzen.
  - id: ot.deelplan
    naam: Deelplan/Veld
    definitie: Een deel van een plan.
    attribuutsoorten:
      - id: deelplan.code
        naam: code
        type: AN
        kardinaliteit: "1"
        definitie: De code.
  - id: ot.deelplan2
    naam: Deelplan Veld 2
    definitie: Iets anders met bijna dezelfde naam.
    attribuutsoorten:
      - id: deelplan2.code
        naam: code
        type: AN
        kardinaliteit: "1"
        definitie: De code.
  - id: ot.rijbewijs
    naam: Rijbewijs /Certificaat
    definitie: Een bewijs van rijvaardigheid.
    attribuutsoorten:
      - id: rijbewijs.cat
        naam: categorie
        type: AN
        kardinaliteit: "1"
        definitie: De categorie.
  - id: ot.gemeente
    naam: Gemeente
    definitie: Een gemeente.
    attribuutsoorten:
      - id: gemeente.code
        naam: code
        type: AN4
        kardinaliteit: "1"
        definitie: De gemeentecode.
  - id: ot.gebied
    naam: 3D-gebied
    definitie: Een gebied in drie dimensies.
    attribuutsoorten:
      - id: gebied.code
        naam: code
        type: AN
        kardinaliteit: "1"
        definitie: De code.
gegevensgroeptypen:
  - id: ggt.post
    naam: Adres (post)
    definitie: Een postadres.
    attribuutsoorten:
      - id: post.straat
        naam: straat/weg
        type: AN
        kardinaliteit: "1"
        definitie: De straat.
enumeraties:
  - id: enum.soort
    naam: Soort/Type
    definitie: Soorten.
    waarden:
      - id: enum.soort.1
        naam: 1e keus
        definitie: De eerste.
      - id: enum.soort.2
        naam: a/b "c"
        definitie: De tweede.
`;

const DERIVATION = `uitwisselmodel:
  naam: Levering aan CBS
  versie: "1.0"
  schemaId: https://example.org/lastig.json
  pakketnaam: "@test/lastig"
  definitie: De levering.
datatypes:
  - { datatype: Email, defNaam: email }
bericht:
  naam: Levering aan CBS
  gesloten: true
  velden:
    - naam: gemeenten
      objecttype: Gemeente
      lijst: {}
      velden:
        - naam: code
          verplicht: true
    - naam: personen/alle
      objecttype: Persoon
      lijst: {}
      velden:
        - naam: identificatie
        - naam: e-mail adres
        - naam: naam (volledig)
        - naam: 2e voornaam
        - naam: soort/type
        - naam: rijbewijzen
          relatie: rijbewijzen
          velden:
            - naam: categorie
        - naam: deelplannen
          relatie: heeft
          velden:
            - naam: code
        - naam: gemeente
          relatie: ligt in
          referentie: code
`;

/** A repository with the model lastig (changed by `wijzig`) and the shared datatypes beside it. */
function repository(wijzig: { model?: (s: string) => string; derivation?: (s: string) => string } = {}): string {
  const dir = mkdtempSync(join(temp, 'repo-'));
  mkdirSync(join(dir, 'model', 'gedeeld'), { recursive: true });
  mkdirSync(join(dir, 'model', 'lastig'));
  cpSync(join(ROOT, 'test', 'fixtures', 'gedeeld', 'datatypes.yaml'), join(dir, 'model', 'gedeeld', 'datatypes.yaml'));
  writeFileSync(
    join(dir, 'model', 'gedeeld', 'datatypes.yaml'),
    readFileSync(join(dir, 'model', 'gedeeld', 'datatypes.yaml'), 'utf8') + EMAIL,
  );
  writeFileSync(join(dir, 'model', 'lastig', 'informatiemodel.yaml'), (wijzig.model ?? ((s) => s))(MODEL));
  writeFileSync(join(dir, 'model', 'lastig', 'uitwisselmodel.yaml'), (wijzig.derivation ?? ((s) => s))(DERIVATION));
  return dir;
}

describe('a model with the constructs of issue 15, item 5, made here', () => {
  let repo: string;
  let lint: Run;
  let gen: Run;
  const g = (p: string) => readFileSync(join(repo, 'generated', 'lastig', p), 'utf8');
  beforeAll(() => {
    repo = repository();
    lint = mimgen(['lint'], repo);
    gen = mimgen(['generate'], repo);
    // The package's dependencies (@mimgen/runtime, ajv) resolve from mimgen's own node_modules.
    symlinkSync(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  }, 120_000);

  it('lints clean', () => {
    expect(lint.stdout).toBe('');
    expect(lint.stderr).toContain('model/lastig: 0 error(s), 0 warning(s)');
    expect(lint.code).toBe(0);
  });

  it('generates, with no internal error', () => {
    expect(gen.stderr).not.toContain('internal error');
    expect(gen.code, gen.stdout + gen.stderr).toBe(0);
    expect(gen.stderr).toMatch(/wrote \d+ file\(s\) for lastig/);
  });

  it('the package type-checks under tsc --strict', () => {
    const r = spawnSync(
      process.execPath,
      [
        TSC,
        '--strict',
        '--noEmit',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--skipLibCheck',
        join('generated', 'lastig', 'src', 'index.ts'),
      ],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);

  it('every schema compiles with Ajv 2020 strict; the names are keys, reached by escaped JSON pointers', () => {
    for (const f of [
      'informatiemodel.schema.json',
      'uitwisselmodel.schema.json',
      'uitwisselmodel.strict.schema.json',
    ]) {
      const schema = JSON.parse(g(f)) as { $id?: string; $defs?: Record<string, unknown> };
      const ajv = ajvMetFormats({ strict: true, allErrors: true });
      ajv.compile(schema);
      for (const naam of Object.keys(schema.$defs ?? {}))
        expect(
          ajv.getSchema(`${schema.$id ?? ''}#/$defs/${naam.replaceAll('~', '~0').replaceAll('/', '~1')}`),
          `${f} ${naam}`,
        ).toBeDefined();
    }
    const im = JSON.parse(g('informatiemodel.schema.json')) as { $defs: Record<string, unknown> };
    for (const naam of [
      'Deelplan/Veld',
      'Rijbewijs /Certificaat',
      'Ruimtelijk (object)',
      '3D-gebied',
      'Deelplan Veld 2',
    ])
      expect(Object.keys(im.$defs)).toContain(naam);
  });

  it('names reach TypeScript as identifiers that do not collide, the docs as text, the message under its own name', () => {
    const types = g('src/informatiemodel.ts');
    for (const t of ['DeelplanVeld ', 'DeelplanVeld2 ', 'RijbewijsCertificaat ', 'RuimtelijkObject ', '_3DGebied '])
      expect(types).toContain(`export interface ${t}`);
    expect(types).toContain('"naam (volledig)": string;');
    expect(types).toContain('"2e voornaam"?: string;');
    expect(types).toContain('export type SoortType = "1e keus" | "a/b \\"c\\"";');
    expect(types).toContain('"post/adres"?: AdresPost;');
    expect(g('src/uitwisselmodel.ts')).toMatch(/export interface LeveringAanCBS\b/);
    expect(g('docs/definities.md')).toContain('### Deelplan/Veld {#objecttype-ot-deelplan}');
  });

  it('the email-only message validates an address (the format check inlined, not an ajv-formats require)', async () => {
    const mod = (await import(join(repo, 'generated', 'lastig', 'dist', 'index.js'))) as {
      validate(data: unknown): { valid: boolean; errors: { path: string; message: string }[] };
    };
    const bericht = (email: string) => ({
      gemeenten: [{ code: '0363' }],
      'personen/alle': [{ 'e-mail adres': email, 'naam (volledig)': 'A. Jansen', gemeente: { code: '0363' } }],
    });
    expect(mod.validate(bericht('a.jansen@example.org'))).toEqual({ valid: true, errors: [] });
    const fout = mod.validate(bericht('geen adres'));
    expect(fout.valid).toBe(false);
    // A wire name with a slash is one JSON pointer segment: escaped.
    expect(fout.errors.map((e) => e.path)).toEqual(['/personen~1alle/0/e-mail adres']);
  });
});

/** Each refused construct: one change to the clean model, the finding at its place, with what to change. */
const REFUSED: { what: string; wijzig: Parameters<typeof repository>[0]; finding: RegExp }[] = [
  {
    what: 'a subtype repeats a relatiesoort name of its supertype, neither with a rol',
    wijzig: { model: (s) => s.replace('        rol: rijbewijzen\n', '') },
    finding:
      /^model\/lastig\/informatiemodel\.yaml:\d+:15 {2}error {2}duplicate-name {2}"heeft" of Persoon repeats "heeft" that Persoon inherits from Subject; give the relatiesoort a rol/m,
  },
  {
    what: 'two supertypen each with a relatiesoort "ligt in" without rol',
    wijzig: { model: (s) => s.replace('        rol: gebied\n', '') },
    finding:
      /^model\/lastig\/informatiemodel\.yaml:\d+:17 {2}error {2}duplicate-name {2}Persoon inherits "ligt in" from both Kadastraal object \(line \d+\) and Ruimtelijk \(object\) \(line \d+\); give the relatiesoort a rol/m,
  },
  {
    what: 'two names that become one TypeScript identifier',
    wijzig: { model: (s) => s.replace('naam: Deelplan Veld 2\n', 'naam: Deelplan Veld\n') },
    finding:
      /^model\/lastig\/informatiemodel\.yaml:\d+:11 {2}error {2}duplicate-name {2}objecttype "Deelplan Veld" and objecttype "Deelplan\/Veld" at .* both become the TypeScript type DeelplanVeld; rename one/m,
  },
  {
    what: 'a reference by key whose key may be absent',
    wijzig: { derivation: (s) => s.replace('          verplicht: true\n', '') },
    finding:
      /^model\/lastig\/uitwisselmodel\.yaml:\d+:23 {2}error {2}optional-key {2}the reference by key "code" needs a key that every Gemeente has, .* write "verplicht: true" there/m,
  },
  {
    what: 'a relatiesoort named in the derivation by a naam that fits two',
    wijzig: {
      model: (s) =>
        s.replace(
          '        naam: heeft\n        doel: Deelplan/Veld\n',
          '        naam: heeft\n        rol: deelplannen\n        doel: Deelplan/Veld\n',
        ),
    },
    finding:
      /^model\/lastig\/uitwisselmodel\.yaml:\d+:20 {2}error {2}ambiguous-reference {2}relatiesoort "heeft" of Persoon is ambiguous: .*write the rol or the id/m,
  },
];

describe('the constructs that are refused, each by lint at its place', () => {
  for (const r of REFUSED)
    it(r.what, () => {
      const run = mimgen(['lint'], repository(r.wijzig));
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(r.finding);
      expect(run.stdout.trim().split('\n')).toHaveLength(1);
    });
});
