/**
 * What a standard's maintainer and an implementer do, end to end, with nothing of this repository but the
 * packed tarballs: `npm pack` of mimgen and of @mimgen/runtime, installed into an empty folder;
 * `npx mimgen init`, `npx mimgen lint`, `npx mimgen generate` and `npx mimgen validate` there; then the
 * generated package, packed, installed with the runtime into a fresh consumer that compiles under
 * `tsc --strict`, builds a message with the mapping functions and validates it, in memory and from a file.
 * The tarballs' dependencies come from the npm registry (CI reaches it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot as ROOT } from '../conformance/models.ts';

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const MODEL = 'bibliotheek';

function run(cmd: string, args: string[], cwd: string): { status: number | null; out: string; stdout: string } {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      FORCE_COLOR: '0',
    },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

function pack(map: string, doel: string): string {
  // The build ran before the tests (npm test builds first); --ignore-scripts packs exactly that build.
  const out = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', doel], {
    cwd: map,
    encoding: 'utf8',
  });
  return join(doel, out.trim().split('\n').pop()!);
}

/** A delivery of the scaffold's model (one objecttype Melding), valid and with two errors. */
const GOED = {
  aanleverdatumEnTijd: '2026-01-05T09:00:00Z',
  meldingen: [
    { kenmerk: 'M-1', meldingsdatum: '2026-01-02', status: 'Ontvangen', spoed: true },
    { kenmerk: 'M-2', meldingsdatum: '2026-01-03', status: 'In behandeling', omschrijving: 'Tweede melding' },
  ],
};
const FOUT = {
  aanleverdatumEnTijd: '2026-01-05T09:00:00Z',
  meldingen: [
    { kenmerk: 'M-1', meldingsdatum: '2026-01-02', status: 'Verdwenen' },
    { kenmerk: 'M-2', status: 'Afgehandeld' },
  ],
};

/** An implementer's program: informatiemodel-shaped data through the mapping functions, then validated. */
const CONSUMER = `import { writeFileSync } from 'node:fs';
import { naarUitwisselmodel, validate, validateFile, type Uitwisselmodel, type UitwisselmodelBron } from '${MODEL}';

const bron: UitwisselmodelBron = ${JSON.stringify(GOED, null, 2)};
const bericht: Uitwisselmodel = naarUitwisselmodel(bron);
const paths = (errors: readonly { path: string }[]) => errors.map((e) => e.path);
const geheugen = validate(bericht);
writeFileSync('levering.json', JSON.stringify(bericht, null, 2));
const bestand = await validateFile('levering.json');
const fout = validate(${JSON.stringify(FOUT)});
writeFileSync('fout.json', JSON.stringify(${JSON.stringify(FOUT)}, null, 2));
const foutBestand = await validateFile('fout.json');
console.log(JSON.stringify({
  geheugen: { valid: geheugen.valid, paths: paths(geheugen.errors) },
  bestand: { valid: bestand.valid, paths: paths(bestand.errors) },
  fout: { valid: fout.valid, paths: paths(fout.errors) },
  foutBestand: { valid: foutBestand.valid, paths: paths(foutBestand.errors) },
}));
`;

let werk: string;
let repo: string;
let tarballs: { mimgen: string; runtime: string };

beforeAll(() => {
  werk = mkdtempSync(join(tmpdir(), 'mimgen-maintainer-'));
  tarballs = { mimgen: pack(ROOT, werk), runtime: pack(join(ROOT, 'runtime'), werk) };
  repo = join(werk, 'standaard');
  mkdirSync(repo);
  // The runtime's tarball beside mimgen's: it is not on the registry yet.
  const install = run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', tarballs.mimgen, tarballs.runtime],
    repo,
  );
  if (install.status !== 0) throw new Error(`npm install of the packed mimgen failed:\n${install.out}`);
}, 300_000);

afterAll(() => {
  if (werk) rmSync(werk, { recursive: true, force: true });
});

describe('mimgen installed in a standard repository of its own', () => {
  it('the tarball holds the compiled tool and nothing of its tests, sources or generated packages', () => {
    const lijst = execFileSync('tar', ['-tzf', tarballs.mimgen], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(lijst).toEqual(
      expect.arrayContaining([
        'package/bin/mimgen.js',
        'package/dist/cli/main.js',
        'package/dist/cli/main.d.ts',
        'package/schema/informatiemodel.schema.json',
        // mermaid's browser build for mimgen site (scripts/copy-mermaid.mjs), with its licence.
        'package/dist/site/mermaid.min.js',
        'package/dist/site/mermaid.LICENSE',
      ]),
    );
    expect(
      lijst.filter(
        (f) =>
          /^package\/(test|generated|model|generator|runtime)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')),
      ),
    ).toEqual([]);
  });

  it('npx mimgen --version names the installed version', () => {
    const r = run('npx', ['mimgen', '--version'], repo);
    expect(r.status, r.out).toBe(0);
    expect(r.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );
  });

  it('init scaffolds the repository; lint passes and generate writes the package, in that folder', () => {
    const init = run('npx', ['mimgen', 'init', '.', '--model', MODEL], repo);
    expect(init.status, init.out).toBe(0);
    for (const f of [
      'mimgen.config.yaml',
      'README.md',
      '.github/workflows/mimgen.yml',
      `model/${MODEL}/uitwisselmodel.yaml`,
    ])
      expect(existsSync(join(repo, f)), f).toBe(true);
    // The editor's schema reference of each model file resolves in this repository.
    for (const f of readdirSync(join(repo, 'model', MODEL))) {
      const eerste = readFileSync(join(repo, 'model', MODEL, f), 'utf8').split('\n')[0]!;
      const schema = /\$schema=(\S+)/.exec(eerste)?.[1];
      expect(schema, `${f}: ${eerste}`).toBeDefined();
      expect(existsSync(join(repo, 'model', MODEL, schema!)), `${f} points at ${schema}`).toBe(true);
    }
    const lint = run('npx', ['mimgen', 'lint'], repo);
    expect(lint.status, lint.out).toBe(0);
    const generate = run('npx', ['mimgen', 'generate'], repo);
    expect(generate.status, generate.out).toBe(0);
    expect(existsSync(join(repo, 'generated', MODEL, 'dist', 'index.js'))).toBe(true);
    const check = run('npx', ['mimgen', 'generate', '--check'], repo);
    expect(check.status, check.out).toBe(0);
    const pakket = JSON.parse(readFileSync(join(repo, 'generated', MODEL, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pakket.dependencies['@mimgen/runtime']).toBe(
      (JSON.parse(readFileSync(join(ROOT, 'runtime', 'package.json'), 'utf8')) as { version: string }).version,
    );
  });

  it('validate --model uses the package generated in this folder: exit 0 on a valid delivery, 1 with the place of each error', () => {
    writeFileSync(join(repo, 'goed.json'), JSON.stringify(GOED, null, 2));
    writeFileSync(join(repo, 'fout.json'), JSON.stringify(FOUT, null, 2));
    const goed = run('npx', ['mimgen', 'validate', '--model', MODEL, 'goed.json'], repo);
    expect(goed.status, goed.out).toBe(0);
    const fout = run('npx', ['mimgen', 'validate', '--model', MODEL, '--json', 'fout.json'], repo);
    expect(fout.status, fout.out).toBe(1);
    const uitslag = JSON.parse(fout.stdout) as {
      valid: boolean;
      errors: { path: string; line: number; column: number; message: string }[];
    };
    expect(uitslag.valid).toBe(false);
    expect(uitslag.errors.map((e) => e.path)).toEqual(['/meldingen/0/status', '/meldingen/1']);
    expect(uitslag.errors[1]!.message).toMatch(/meldingsdatum/);
    expect(uitslag.errors.every((e) => e.line > 1 && e.column > 1)).toBe(true);
  });

  it.skipIf(!existsSync('/usr/bin/mkdocs') && process.env.CI !== 'true')(
    "site builds the docs site with the mermaid build shipped in mimgen's package, not the mermaid package",
    () => {
      // The release workflow's docs job runs it in a standard's repository (test/release/history.test.ts).
      expect(existsSync(join(repo, 'node_modules', 'mermaid'))).toBe(false);
      const site = run('npx', ['mimgen', 'site', '--out', 'site', '--as', '1.0.0'], repo);
      expect(site.status, site.out).toBe(0);
      expect(site.out).toMatch(/mimgen site: \d+ pages, validator pages of bibliotheek, as version 1\.0\.0/);
      expect(existsSync(join(repo, 'site', MODEL, 'definities.html'))).toBe(true);
      expect(
        readFileSync(join(repo, 'site', 'assets', 'javascripts', 'mermaid.min.js')).equals(
          readFileSync(join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js')),
        ),
      ).toBe(true);
    },
    120_000,
  );

  it('a model without uitwisselmodel.yaml: the installed tool generates its informatiemodel, and --check passes', () => {
    const zonder = join(repo, 'model', 'alleen-im');
    mkdirSync(zonder);
    for (const f of readdirSync(join(repo, 'model', MODEL)).filter((f) => f !== 'uitwisselmodel.yaml'))
      writeFileSync(join(zonder, f), readFileSync(join(repo, 'model', MODEL, f)));
    const generate = run('npx', ['mimgen', 'generate'], repo);
    expect(generate.status, generate.out).toBe(0);
    expect(generate.out).toContain('model/alleen-im/uitwisselmodel.yaml:1:1  warning  missing-derivation');
    const uit = join(repo, 'generated', 'alleen-im');
    for (const f of ['informatiemodel.schema.json', 'src/informatiemodel.ts', 'dist/index.d.ts', 'docs/hoofdlijnen.md'])
      expect(existsSync(join(uit, f)), f).toBe(true);
    expect(existsSync(join(uit, 'uitwisselmodel.schema.json'))).toBe(false);
    expect(readFileSync(join(uit, 'docs', 'index.md'), 'utf8')).toContain('mimgen derive --scaffold');
    const check = run('npx', ['mimgen', 'generate', '--check'], repo);
    expect(check.status, check.out).toBe(0);
  });
});

describe('the generated package and the runtime, packed, in a fresh consumer', () => {
  let consumer: string;

  beforeAll(() => {
    consumer = join(werk, 'consumer');
    mkdirSync(consumer);
    const pakket = pack(join(repo, 'generated', MODEL), werk);
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
    );
    // @types/node for the consumer's own use of node:fs; the package and the runtime need none.
    const typesNode = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
    ).devDependencies['@types/node']!;
    const install = run(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', tarballs.runtime, pakket, `@types/node@${typesNode}`],
      consumer,
    );
    if (install.status !== 0) throw new Error(`npm install of the generated package failed:\n${install.out}`);
  }, 300_000);

  it('compiles under tsc --strict, builds a message with the mapping functions, validates it in memory and from a file', () => {
    writeFileSync(join(consumer, 'consumer.ts'), CONSUMER);
    const tsc = run(
      process.execPath,
      [
        TSC,
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--lib',
        'es2022',
        '--types',
        'node',
        '--skipLibCheck',
        'false',
        '--outDir',
        'out',
        'consumer.ts',
      ],
      consumer,
    );
    expect(tsc.out).toBe('');
    expect(tsc.status).toBe(0);
    const node = run(process.execPath, [join('out', 'consumer.js')], consumer);
    expect(node.status, node.out).toBe(0);
    const uit = JSON.parse(node.stdout) as Record<string, { valid: boolean; paths: string[] }>;
    expect(uit).toEqual({
      geheugen: { valid: true, paths: [] },
      bestand: { valid: true, paths: [] },
      fout: { valid: false, paths: ['/meldingen/0/status', '/meldingen/1'] },
      foutBestand: { valid: false, paths: ['/meldingen/0/status', '/meldingen/1'] },
    });
  });

  it('a wrong enumeration value in the source of the mapping does not compile', () => {
    writeFileSync(
      join(consumer, 'fout.ts'),
      `import { naarUitwisselmodel } from '${MODEL}';\nnaarUitwisselmodel({ aanleverdatumEnTijd: '2026-01-01T09:00:00Z', meldingen: [{ kenmerk: 'M-1', meldingsdatum: '2026-01-01', status: 'Verdwenen' }] });\n`,
    );
    const tsc = run(
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
        '--lib',
        'es2022',
        '--types',
        'node',
        'fout.ts',
      ],
      consumer,
    );
    expect(tsc.status).not.toBe(0);
    expect(tsc.out).toMatch(/error TS2322: Type '"Verdwenen"' is not assignable/);
  });
});
