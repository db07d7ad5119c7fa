/**
 * Generation from the informatiemodel alone (issue 15, item 1), through the real CLI (bin/mimgen.js):
 * (a) a small model folder made here, without uitwisselmodel.yaml, generates the docs (without the pages of
 *     the message), a package with the informatiemodel's types and informatiemodel.schema.json, and nothing of
 *     a message; `generate --check` and a mimgen.config.yaml with its own folders and package name work for it;
 * (b) Geonovum's MIM-testmodellen.xmi (../shared/reference/xmi), imported with `mimgen import-xmi`, lints without
 *     errors and generates with no derivation: the package type-checks with tsc, the schema compiles with Ajv
 *     2020 in strict mode, and every Mermaid diagram of the docs renders in Debian's chromium.
 * (b) skips, saying so, when ../shared/reference is absent (test/global-setup.ts fails the run under CI=true),
 * and its rendering when chromium is missing outside CI.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ajvMetFormats } from '../../generator/common/ajv.ts';
import { mermaidBlokken } from '../../scripts/render-mermaid.ts';
import { haveReference, referenceRoot, repoRoot as ROOT } from '../conformance/models.ts';
import { CHROMIUM, renderMermaid } from '../site/browser.ts';

const CI = process.env.CI === 'true';
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const TSC_OPTIONS = ['--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
const TSC_MORE = ['--target', 'es2022', '--lib', 'es2022', '--skipLibCheck', 'false'];

const temp = mkdtempSync(join(tmpdir(), 'mimgen-im-only-'));
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

/** Every file under a folder, relative, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dir.length + 1)
        .replaceAll('\\', '/'),
    )
    .sort();
}

/** What a model without a derivation generates, by path under generated/<model>/. */
const ARTEFACTEN = [
  'README.md',
  'dist/index.d.ts',
  'dist/index.js',
  'dist/informatiemodel.d.ts',
  'dist/informatiemodel.js',
  'docs/definities.md',
  'docs/hoofdlijnen.md',
  'docs/index.md',
  'docs/mkdocs-nav.yml',
  'informatiemodel.schema.json',
  'package.json',
  'src/index.ts',
  'src/informatiemodel.ts',
];

const MODEL = `informatiemodel:
  id: wijk
  naam: Wijkregister
  versie: "2.1"
  definitie: Een klein model zonder afleiding.
  gebruikt: [../gedeeld/datatypes.yaml]
objecttypen:
  - id: ot.subject
    naam: Subject
    definitie: Iets of iemand.
    indicatieAbstractObject: true
    attribuutsoorten:
      - id: subject.naam
        naam: naam
        type: AN
        kardinaliteit: "1"
        definitie: De naam.
  - id: ot.bewoner
    naam: Bewoner
    definitie: Iemand die in de wijk woont.
    supertypen: [Subject]
    attribuutsoorten:
      - id: bewoner.geboortedatum
        naam: geboortedatum
        type: Datum
        kardinaliteit: "0..1"
        definitie: Wanneer de bewoner geboren is.
      - id: bewoner.soort
        naam: soort
        type: Woonvorm
        kardinaliteit: "1"
        definitie: Hoe de bewoner woont.
    relatiesoorten:
      - id: bewoner.woning
        naam: woont in
        rol: woning
        doel: Woning
        kardinaliteit: "1..*"
        definitie: Waar de bewoner woont.
  - id: ot.woning
    naam: Woning
    definitie: Een plek om te wonen.
    attribuutsoorten:
      - id: woning.kamers
        naam: kamers
        type: Integer
        kardinaliteit: "1"
        definitie: Het aantal kamers.
enumeraties:
  - id: enum.woonvorm
    naam: Woonvorm
    definitie: Hoe iemand woont.
    waarden:
      - id: enum.woonvorm.huur
        naam: Huur
        definitie: In een huurwoning.
      - id: enum.woonvorm.koop
        naam: Koop
        definitie: In een koopwoning.
`;

/** A repository with one model, wijk, in `<models>/wijk` and the shared datatypes beside it. */
function repository(models = 'model'): string {
  const dir = mkdtempSync(join(temp, 'repo-'));
  mkdirSync(join(dir, models, 'gedeeld'), { recursive: true });
  cpSync(join(ROOT, 'test', 'fixtures', 'gedeeld', 'datatypes.yaml'), join(dir, models, 'gedeeld', 'datatypes.yaml'));
  mkdirSync(join(dir, models, 'wijk'));
  writeFileSync(join(dir, models, 'wijk', 'informatiemodel.yaml'), MODEL);
  return dir;
}

/** tsc --strict over the package's sources and a consumer that imports its types from dist/. */
function typeCheck(dir: string, pkg: string): Run {
  const src = readFileSync(join(dir, pkg, 'src', 'informatiemodel.ts'), 'utf8');
  const namen = [...src.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]!);
  expect(namen.length).toBeGreaterThan(0);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(
    join(dir, 'consumer.ts'),
    `import type { informatiemodel } from './${pkg}/dist/index.js';\n` +
      namen.map((n, i) => `export type T${i} = informatiemodel.${n};\n`).join(''),
  );
  const r = spawnSync(
    process.execPath,
    [TSC, ...TSC_OPTIONS, ...TSC_MORE, join(pkg, 'src', 'index.ts'), 'consumer.ts'],
    { cwd: dir, encoding: 'utf8' },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The schema compiles with Ajv 2020 in strict mode, and so does every def in it. */
function compileSchema(path: string): number {
  const schema = JSON.parse(readFileSync(path, 'utf8')) as { $id?: string; $defs: Record<string, unknown> };
  const ajv = ajvMetFormats({ strict: true, allErrors: true });
  ajv.compile(schema);
  const id = schema.$id ?? '';
  for (const naam of Object.keys(schema.$defs))
    expect(ajv.getSchema(`${id}#/$defs/${naam.replaceAll('~', '~0').replaceAll('/', '~1')}`), naam).toBeDefined();
  return Object.keys(schema.$defs).length;
}

describe('a model without uitwisselmodel.yaml, made here', () => {
  let repo: string;
  let gen: Run;
  beforeAll(() => {
    repo = repository();
    gen = mimgen(['generate'], repo);
  }, 60_000);

  it('generates exit 0, with a warning that says what is left out and how to start a derivation', () => {
    expect(gen.code, gen.stdout + gen.stderr).toBe(0);
    expect(gen.stdout).toBe('');
    expect(gen.stderr).toContain('model/wijk/uitwisselmodel.yaml:1:1  warning  missing-derivation');
    expect(gen.stderr).toContain('mimgen derive --scaffold <objecttype>');
    expect(gen.stderr).toContain(`wrote ${ARTEFACTEN.length} file(s) for wijk`);
  });

  it('writes the docs, the package with the types and informatiemodel.schema.json, and nothing of a message', () => {
    expect(files(join(repo, 'generated', 'wijk'))).toEqual(ARTEFACTEN);
    const g = (p: string) => readFileSync(join(repo, 'generated', 'wijk', p), 'utf8');
    const index = g('docs/index.md');
    expect(index).toContain('| Uitwisselmodel | nog niet afgeleid |');
    expect(index).toContain('`mimgen derive --scaffold <objecttype>`');
    expect(index).not.toContain('uitwisselspecificatie.md');
    const hoofdlijnen = g('docs/hoofdlijnen.md');
    expect(hoofdlijnen).toContain('{#diagram-informatiemodel}');
    expect(hoofdlijnen).not.toContain('Het bericht');
    expect(hoofdlijnen).not.toContain('uitwisselspecificatie');
    expect(mermaidBlokken(hoofdlijnen)).toHaveLength(1);
    expect(g('docs/definities.md')).toContain('Bewoner');
    expect(g('docs/mkdocs-nav.yml')).not.toContain('Uitwisselspecificatie');
    const pkg = JSON.parse(g('package.json')) as Record<string, unknown>;
    expect(pkg.name).toBe('@ddas/wijk');
    expect(pkg.version).toBe('2.1.0');
    expect(Object.keys(pkg.exports as object)).toEqual(['.', './informatiemodel.schema.json', './package.json']);
    expect(pkg.dependencies).toBeUndefined();
    expect(g('src/informatiemodel.ts')).toContain('export interface Bewoner extends Subject');
    expect(g('README.md')).toContain('mimgen derive --scaffold');
    for (const f of ARTEFACTEN) expect(g(f)).not.toMatch(/uitwisselmodel\.schema|mapping\.json|validate\(/);
  });

  it('the package type-checks under tsc --strict, with a consumer of its types', () => {
    const tsc = typeCheck(join(repo), 'generated/wijk');
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  }, 60_000);

  it('the schema compiles with Ajv 2020 strict, a def per objecttype and enumeratie', () => {
    expect(compileSchema(join(repo, 'generated', 'wijk', 'informatiemodel.schema.json'))).toBeGreaterThanOrEqual(4);
  });

  it('generate --check: up to date after generate; a changed definitie makes the docs stale', () => {
    const check = mimgen(['generate', '--check'], repo);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stderr).toContain('generated/ is up to date');
    const file = join(repo, 'model', 'wijk', 'informatiemodel.yaml');
    writeFileSync(file, MODEL.replace('Iemand die in de wijk woont.', 'Iemand die hier woont.'));
    const stale = mimgen(['generate', '--check', 'wijk'], repo);
    writeFileSync(file, MODEL);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('stale: generated/wijk/docs/definities.md');
    expect(stale.stdout).toContain('stale: generated/wijk/informatiemodel.schema.json');
  });
});

describe('a model without uitwisselmodel.yaml under mimgen.config.yaml', () => {
  it("is read from the config's models folder, written to its output folder, under its package name", () => {
    const repo = repository('modellen');
    writeFileSync(
      join(repo, 'mimgen.config.yaml'),
      'models: modellen\noutput: uit\npackages:\n  wijk: "@gemeente/wijkregister"\n',
    );
    const gen = mimgen(['generate'], repo);
    expect(gen.code, gen.stdout + gen.stderr).toBe(0);
    expect(gen.stderr).toContain('modellen/wijk/uitwisselmodel.yaml:1:1  warning  missing-derivation');
    expect(files(join(repo, 'uit', 'wijk'))).toEqual(ARTEFACTEN);
    expect(existsSync(join(repo, 'generated'))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(repo, 'uit', 'wijk', 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('@gemeente/wijkregister');
    expect(readFileSync(join(repo, 'uit', 'wijk', 'src', 'index.ts'), 'utf8')).toContain('@gemeente/wijkregister');
    expect(readFileSync(join(repo, 'uit', 'wijk', 'docs', 'index.md'), 'utf8')).toContain('`modellen/wijk`');
    const check = mimgen(['generate', '--check'], repo);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stderr).toContain('uit/ is up to date');
  }, 60_000);
});

describe('a relatiesoort to a keuze tussen relatiedoelen, written by hand', () => {
  it('lint says what it is and what to write instead, at the doel', () => {
    const repo = repository();
    writeFileSync(
      join(repo, 'model', 'wijk', 'informatiemodel.yaml'),
      MODEL.replace('        doel: Woning\n', '        doel: Verblijf\n') +
        'keuzes:\n  - id: k.verblijf\n    naam: Verblijf\n    definitie: Waar iemand verblijft.\n' +
        '    alternatieven:\n      - type: Woning\n      - type: Subject\n',
    );
    const lint = mimgen(['lint'], repo);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(
      /^model\/wijk\/informatiemodel\.yaml:\d+:\d+ {2}error {2}wrong-kind {2}relatiesoort "woont in" points at keuze "Verblijf" \(a keuze tussen relatiedoelen\), which the model format has no relatiesoort for; write one relatiesoort per objecttype of the keuze$/m,
    );
  });
});

const XMI = join(referenceRoot, 'xmi', 'MIM-testmodellen.xmi');
if (!haveReference)
  console.log(`test/informatiemodel-only: the import of ${XMI} is skipped: ${referenceRoot} is absent`);

/** Every Mermaid diagram of the docs folder renders in chromium, without mermaid's error diagram. */
async function renderDiagrammen(docs: string): Promise<void> {
  const diagrammen = readdirSync(docs)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => mermaidBlokken(readFileSync(join(docs, f), 'utf8')).map((b) => ({ f, ...b })));
  expect(diagrammen.length).toBeGreaterThan(0);
  const getekend = await renderMermaid(diagrammen.map((d) => d.code));
  for (const [n, d] of diagrammen.entries()) {
    expect(getekend[n]!.fout, `${d.f}:${d.regel}\n${d.code}`).toBeUndefined();
    expect(getekend[n]!.knopen).toBeGreaterThan(0);
  }
}

describe.skipIf(!haveReference)('MIM-testmodellen.xmi imported, with no derivation', () => {
  let repo: string;
  let imported: Run;
  let lint: Run;
  let gen: Run;
  beforeAll(() => {
    repo = mkdtempSync(join(temp, 'xmi-'));
    mkdirSync(join(repo, 'model'));
    imported = mimgen(['import-xmi', XMI, '--package', 'Test Domein', '--out', 'testdomein'], repo);
    lint = mimgen(['lint', 'testdomein'], repo);
    gen = mimgen(['generate', 'testdomein'], repo);
  }, 120_000);

  it('imports; the relation to a keuze tussen relatiedoelen is left out, said at its place', () => {
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(
      /MIM-testmodellen\.xmi:\d+:\d+ {2}warning {2}unsupported-relation {2}relatiesoort "test relatiekeuze" of Test objecttype1 points at keuze "Test keuze - relatie"/,
    );
  });

  it('lints without errors: its only findings are the definities the XMI does not have', () => {
    // lint exits 1 on warnings too; each is missing-definitie, true of the file (those elements have no notes).
    expect(lint.stderr).toMatch(/testdomein: 0 error\(s\), \d+ warning\(s\)/);
    const regels = lint.stdout.trim().split('\n');
    expect(regels.length).toBeGreaterThan(0);
    for (const r of regels) expect(r).toMatch(/ {2}warning {2}missing-definitie {2}/);
  });

  it('generates every informatiemodel artefact and nothing of a message', () => {
    expect(gen.code, gen.stdout + gen.stderr).toBe(0);
    expect(files(join(repo, 'generated', 'testdomein'))).toEqual(ARTEFACTEN);
  });

  it('the package type-checks under tsc --strict', () => {
    const tsc = typeCheck(repo, 'generated/testdomein');
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  }, 60_000);

  it('the schema compiles with Ajv 2020 strict, every def', () => {
    expect(compileSchema(join(repo, 'generated', 'testdomein', 'informatiemodel.schema.json'))).toBeGreaterThan(9);
  });

  it.skipIf(!existsSync(CHROMIUM) && !CI)(
    "the docs' Mermaid diagrams render in chromium",
    () => renderDiagrammen(join(repo, 'generated', 'testdomein', 'docs')),
    120_000,
  );
});

/**
 * The GGM's onderwijs model (ggm-onderwijs-mim.xml): its 8 classes outside the export are left out with --omit (a
 * user's choice the import asks for). Its objecttypen Leerling and School have several associations named "heeft"
 * with unnamed ends; the import gives each UML's default end name as rol (unnamed-relation warnings), so lint
 * is clean and the model generates.
 */
const GGM = join(referenceRoot, 'xmi', 'ggm-onderwijs-mim.xml');
const BUITEN = ['Adres', 'IngeschrevenPersoon', 'NietNatuurlijkPersoon', 'Procesverbaal Onderwijs', 'Sportlocatie'];
const OMIT = [...BUITEN, 'Vastgoedobject', 'Verzuimmelding', 'Vrijstelling'].flatMap((n) => ['--omit', n]);

describe.skipIf(!haveReference)('ggm-onderwijs-mim.xml imported, with no derivation', () => {
  let repo: string;
  let imported: Run;
  let lint: Run;
  let gen: Run;
  beforeAll(() => {
    repo = mkdtempSync(join(temp, 'ggm-'));
    mkdirSync(join(repo, 'model'));
    imported = mimgen(['import-xmi', GGM, '--out', 'onderwijs', ...OMIT], repo);
    lint = mimgen(['lint', 'onderwijs'], repo);
    gen = mimgen(['generate', 'onderwijs'], repo);
  }, 120_000);

  it('imports; a repeated "heeft" with an unnamed end gets its target as rol, said at its place', () => {
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(
      /ggm-onderwijs-mim\.xml:\d+:\d+ {2}warning {2}unnamed-relation {2}relatiesoort "heeft" of Leerling to Inschrijving .* "inschrijving" as rol/,
    );
    const yaml = readFileSync(join(repo, 'model', 'onderwijs', 'objecttypen.yaml'), 'utf8');
    expect(yaml).toMatch(/naam: heeft\n\s+doel: Startkwalificatie\n\s+rol: startkwalificatie\n/);
  });

  it('lints without errors', () => {
    expect(lint.stderr).toMatch(/onderwijs: 0 error\(s\), \d+ warning\(s\)/);
    for (const r of lint.stdout.trim().split('\n')) expect(r).toMatch(/ {2}warning {2}missing-definitie {2}/);
  });

  it('generates every informatiemodel artefact and nothing of a message', () => {
    expect(gen.code, gen.stdout + gen.stderr).toBe(0);
    expect(files(join(repo, 'generated', 'onderwijs'))).toEqual(ARTEFACTEN);
  });

  it('the package type-checks under tsc --strict', () => {
    const tsc = typeCheck(repo, 'generated/onderwijs');
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  }, 60_000);

  it('the schema compiles with Ajv 2020 strict, every def', () => {
    expect(compileSchema(join(repo, 'generated', 'onderwijs', 'informatiemodel.schema.json'))).toBeGreaterThan(9);
  });

  it.skipIf(!existsSync(CHROMIUM) && !CI)(
    "the docs' Mermaid diagrams render in chromium",
    () => renderDiagrammen(join(repo, 'generated', 'onderwijs', 'docs')),
    120_000,
  );
});
