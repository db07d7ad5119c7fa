/**
 * mimgen.config.yaml, as a standard's own repository uses it: a folder outside mimgen with its models in a
 * folder of its own, the packages written to another, a package name of its own. lint, generate (and
 * --check), diff, import-xmi and validate --model all follow the config, and validate loads the package
 * generated in that folder. A bad config is every finding as file:line:col, exit 2, no stack trace.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../generator/cli/config.ts';
import { writeDelivery } from '../stream/delivery.ts';
import { syntheticXmi } from '../xmi/synthetic.ts';
import { assertBuilt, mimgen, noStack, ROOT } from './support.ts';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `mimgen-${prefix}-`));
  temps.push(d);
  return d;
}

/** A repository with vroegsignalering and the shared files under `modellen/`, and the given config. */
function repository(config: string | undefined): string {
  const dir = tempDir('config');
  for (const m of ['vroegsignalering', 'gedeeld'])
    cpSync(join(ROOT, 'model', m), join(dir, 'modellen', m), { recursive: true });
  // The previous version lives in this repository's git history, not in the copy's.
  rmSync(join(dir, 'modellen', 'vroegsignalering', 'vorige-versie.json'), { force: true });
  if (config !== undefined) writeFileSync(join(dir, 'mimgen.config.yaml'), config);
  // The generated package imports @mimgen/runtime and Ajv's formats, as in a repository that installed mimgen.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const CONFIG = [
  '# yaml-language-server: $schema=node_modules/mimgen/schema/mimgen.config.schema.json',
  'models: modellen',
  'output: out/pakketten',
  'packages:',
  '  vroegsignalering: "@gemeente/vroeg"',
  '',
].join('\n');

describe('a repository with mimgen.config.yaml', () => {
  let dir: string;
  beforeAll(() => {
    assertBuilt();
    dir = repository(CONFIG);
  });

  it('lint reads the models from the config’s folder', () => {
    const all = mimgen(['lint'], dir);
    expect(all.stderr).toContain('modellen/vroegsignalering: 0 error(s), 0 warning(s)');
    expect(all.status).toBe(0);
    const one = mimgen(['lint', 'vroegsignalering'], dir);
    expect(one.stderr).toContain('modellen/vroegsignalering: 0 error(s)');
    expect(one.status).toBe(0);
  });

  it('generate writes the output folder, with the package name of the config; --check then finds nothing stale', () => {
    const r = mimgen(['generate'], dir);
    expect(r.stderr).toContain('wrote');
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
    const pakket = join(dir, 'out', 'pakketten', 'vroegsignalering');
    const manifest = JSON.parse(readFileSync(join(pakket, 'package.json'), 'utf8')) as { name: string };
    expect(manifest.name).toBe('@gemeente/vroeg');
    expect(readFileSync(join(pakket, 'README.md'), 'utf8')).toContain('@gemeente/vroeg');
    // The documentation names the model folder as this repository has it.
    expect(readFileSync(join(pakket, 'docs', 'index.md'), 'utf8')).toContain('`modellen/vroegsignalering`');
    expect(existsSync(join(pakket, 'dist', 'index.js'))).toBe(true);

    const check = mimgen(['generate', '--check'], dir);
    expect(check.stderr).toContain('out/pakketten/ is up to date');
    expect(check.status).toBe(0);
    writeFileSync(join(pakket, 'mapping.json'), '{}\n');
    const stale = mimgen(['generate', '--check'], dir);
    expect(stale.stdout).toContain('stale: out/pakketten/vroegsignalering/mapping.json');
    expect(stale.status).toBe(1);
    expect(mimgen(['generate', 'vroegsignalering'], dir).status).toBe(0);
    // No half-built or moved-aside tree is left beside the output folder.
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['pakketten']);
  });

  it('validate --model loads the package generated in this folder', () => {
    expect(existsSync(join(dir, 'out', 'pakketten', 'vroegsignalering', 'dist', 'index.js'))).toBe(true);
    const geldig = join(dir, 'geldig.json');
    writeDelivery(geldig, { model: 'vroegsignalering', records: 20 });
    const ok = mimgen(['validate', '--model', 'vroegsignalering', geldig], dir);
    expect(ok.stderr).toContain(`${geldig} is valid (`);
    expect(ok.status).toBe(0);
    const fout = join(dir, 'fout.json');
    writeFileSync(fout, '{}\n');
    const bad = mimgen(['validate', '--model', 'vroegsignalering', '--json', fout], dir);
    expect(bad.status).toBe(1);
    expect((JSON.parse(bad.stdout) as { valid: boolean }).valid).toBe(false);

    // Where nothing was generated there is no package to load, whatever mimgen's own folder holds.
    const leeg = repository(CONFIG);
    const none = mimgen(['validate', '--model', 'vroegsignalering', geldig], leeg);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('out/pakketten/vroegsignalering/dist/index.js');
    expect(none.stderr).toContain('run mimgen generate');
  });

  it('diff finds a model by its name in the config’s folder, with the same package name on both sides', () => {
    const kopie = join(dir, 'kopie');
    cpSync(join(dir, 'modellen', 'vroegsignalering'), join(kopie, 'vroegsignalering'), { recursive: true });
    cpSync(join(dir, 'modellen', 'gedeeld'), join(kopie, 'gedeeld'), { recursive: true });
    const r = mimgen(['diff', 'vroegsignalering', 'kopie/vroegsignalering', '--json'], dir);
    expect(r.stderr).not.toContain('error');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { changes: unknown[] }).changes).toEqual([]);
  });

  it('import-xmi writes a bare --out name under the config’s models folder, its editor reference resolving there', () => {
    writeFileSync(join(dir, 'export.xml'), syntheticXmi({ classes: 3 }));
    const r = mimgen(['import-xmi', 'export.xml', '--out', 'geimporteerd'], dir);
    expect(r.status).toBe(0);
    const file = join(dir, 'modellen', 'geimporteerd', 'informatiemodel.yaml');
    expect(existsSync(file)).toBe(true);
    const first = readFileSync(file, 'utf8').split('\n')[0]!;
    const ref = /\$schema=(\S+)/.exec(first)?.[1];
    expect(ref).toBeDefined();
    expect(existsSync(join(dir, 'modellen', 'geimporteerd', ref!))).toBe(true);
  });
});

describe('a folder without mimgen.config.yaml', () => {
  it('gets the defaults: model/ and generated/', () => {
    expect(loadConfig(tempDir('leeg'))).toEqual({ models: 'model', output: 'generated', packages: {} });
  });

  it('an empty config or one of comments only is the defaults too', () => {
    for (const text of ['', '# nothing yet\n']) {
      const d = tempDir('leeg');
      writeFileSync(join(d, 'mimgen.config.yaml'), text);
      expect(loadConfig(d)).toEqual({ models: 'model', output: 'generated', packages: {} });
    }
  });

  it('the scope names a package the model does not name', () => {
    const d = tempDir('scope');
    writeFileSync(join(d, 'mimgen.config.yaml'), 'models: ./modellen/\nscope: "@gemeente"\n');
    expect(loadConfig(d)).toEqual({ models: 'modellen', output: 'generated', packages: {}, scope: '@gemeente' });
  });
});

describe('a bad mimgen.config.yaml', () => {
  beforeAll(assertBuilt);

  /** Runs lint in a repository with this config. */
  function lint(config: string) {
    return mimgen(['lint'], repository(config));
  }

  it('an unknown key: file:line:col, a suggestion, exit 2, no stack trace', () => {
    const r = lint('models: modellen\noutptu: out\n');
    expect(r.stderr).toContain('mimgen.config.yaml:2:1  error  unknown-key  unknown key "outptu"');
    expect(r.stderr).toContain('did you mean "output"?');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(noStack(r.stderr)).toBe(true);
  });

  it('broken YAML, a value of the wrong kind, a package name npm refuses: every error at once', () => {
    const syntax = lint('models: [modellen\n');
    expect(syntax.stderr).toMatch(/^mimgen\.config\.yaml:1:9  error  yaml-syntax  /m);
    expect(syntax.status).toBe(2);
    expect(noStack(syntax.stderr)).toBe(true);

    const r = lint('models: modellen\noutput: 3\npackages:\n  vroegsignalering: "Vroeg Signaal"\n');
    expect(r.stderr).toContain('mimgen.config.yaml:2:9  error  invalid-value  "output" must be a string');
    expect(r.stderr).toMatch(/mimgen\.config\.yaml:4:21 {2}error {2}invalid-value {2}.*"Vroeg Signaal".*lower case/);
    expect(r.status).toBe(2);
    expect(noStack(r.stderr)).toBe(true);
  });

  it('an output folder that would replace the repository or the models is refused', () => {
    const self = lint('models: modellen\noutput: .\n');
    expect(self.stderr).toMatch(/mimgen\.config\.yaml:2:9 {2}error {2}invalid-value {2}"output" is "\."/);
    expect(self.status).toBe(2);
    const over = lint('models: out/modellen\noutput: out\n');
    expect(over.stderr).toContain('lies in the output folder');
    expect(over.status).toBe(2);
    const absolute = lint('models: modellen\noutput: /tmp/out\n');
    expect(absolute.stderr).toContain('absolute path; write it relative to mimgen.config.yaml');
    expect(absolute.status).toBe(2);
  });

  it('a package name for a model that does not exist is a warning with a suggestion; the command runs', () => {
    const r = lint('models: modellen\npackages:\n  vroegsignaleing: "@gemeente/vroeg"\n');
    expect(r.stderr).toContain(
      'mimgen.config.yaml:3:3  warning  unknown-model  there is no model "vroegsignaleing" in modellen/',
    );
    expect(r.stderr).toContain('did you mean "vroegsignalering"?');
    expect(r.status).toBe(0);
  });

  it('loadConfig throws ConfigError with the findings', () => {
    const d = tempDir('fout');
    writeFileSync(join(d, 'mimgen.config.yaml'), 'model: x\n');
    let error: unknown;
    try {
      loadConfig(d);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).findings).toMatchObject([
      { file: `${d}/mimgen.config.yaml`, line: 1, column: 1, rule: 'unknown-key' },
    ]);
  });
});
