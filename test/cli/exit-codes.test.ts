/**
 * The exit codes of `generate` and `import-xmi` as the README gives them: 0 done, 1 findings (an error in a model,
 * stale files, a reference outside the export), 2 input that cannot be read or used. A test of exit 2 also checks
 * that the message names the input and its problem, so that a crash (exit 70, test/cli/internal-error.test.ts)
 * can never pass for bad input; and that nothing was written.
 *
 * generate reads model/ of the current folder, so it runs as a child process in a repository of its own (four
 * processes, started together); import-xmi takes paths and runs in this process through main([...]). The stale
 * files of `generate --check` are tested in test/generate.test.ts.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../generator/cli/main.ts';
import { assertBuilt, noStack, ROOT } from './support.ts';

const CORPUS = join(ROOT, 'test', 'fixtures', 'lint');
const EVERY_WARNING = join(ROOT, 'test', 'fixtures', 'xmi', 'every-warning.xmi');
const EVERY_ERROR = join(ROOT, 'test', 'fixtures', 'xmi', 'every-error.xmi');

const temp = mkdtempSync(join(tmpdir(), 'mimgen-exit-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The compiled CLI in a child process in `cwd`, nothing compiled at run time (test/cli/support.ts). */
function child(args: string[], cwd: string): Promise<Run> {
  return new Promise((done, fail) => {
    const p = spawn(
      process.execPath,
      ['--import', join(ROOT, 'test', 'helpers', 'no-tsx.mjs'), join(ROOT, 'bin', 'mimgen.js'), ...args],
      {
        cwd,
        env: { ...process.env, MIMGEN_DEBUG: '', NO_COLOR: '1' },
      },
    );
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.on('error', fail);
    p.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** The CLI's entry in this process, its output captured. */
async function inProcess(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The files and folders under `dir`, for "nothing written". */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => p.replaceAll('\\', '/'))
    .sort();
}

describe('mimgen generate', () => {
  /**
   * model/klein lints clean and generates (test/fixtures/lint/valid-derivation); model/zonder has no
   * uitwisselmodel.yaml; model/kapot has a file that is not UTF-8.
   */
  function repository(): string {
    const dir = mkdtempSync(join(temp, 'repo-'));
    const model = readFileSync(join(CORPUS, 'valid-derivation', 'a.yaml'), 'utf8').replace(
      '../../gedeeld/',
      '../gedeeld/',
    );
    mkdirSync(join(dir, 'model', 'gedeeld'), { recursive: true });
    cpSync(
      join(ROOT, 'test', 'fixtures', 'gedeeld', 'datatypes.yaml'),
      join(dir, 'model', 'gedeeld', 'datatypes.yaml'),
    );
    for (const name of ['klein', 'zonder', 'kapot']) {
      mkdirSync(join(dir, 'model', name));
      writeFileSync(join(dir, 'model', name, 'a.yaml'), model);
    }
    cpSync(join(CORPUS, 'valid-derivation', 'uitwisselmodel.yaml'), join(dir, 'model', 'klein', 'uitwisselmodel.yaml'));
    writeFileSync(
      join(dir, 'model', 'kapot', 'b.yaml'),
      Buffer.concat([Buffer.from('objecttypen:\n  - id: ot.x\n    naam: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    // The generated package is type-checked against @mimgen/runtime, as in a repository that installed mimgen.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return dir;
  }

  let repo: string;
  let before: string[];
  let both: Run;
  let check: Run;
  let unreadable: Run;
  let noFolder: Run;
  let afterRefusals: string[];
  beforeAll(async () => {
    assertBuilt();
    repo = repository();
    before = tree(repo);
    // --check before anything is written; generate writes after the runs that must find the tree unchanged.
    [check, unreadable, noFolder] = await Promise.all([
      child(['generate', '--check', 'zonder'], repo),
      child(['generate', 'kapot'], repo),
      child(['generate', 'bestaat-niet'], repo),
    ]);
    afterRefusals = tree(repo);
    both = await child(['generate', 'klein', 'zonder'], repo);
  });

  it('a model without uitwisselmodel.yaml: exit 0, a warning, its informatiemodel generated and nothing of a message', () => {
    expect(both.code, both.stdout + both.stderr).toBe(0);
    expect(both.stdout).toBe('');
    expect(both.stderr).toContain(
      'model/zonder/uitwisselmodel.yaml:1:1  warning  missing-derivation  the model has no uitwisselmodel.yaml: only the informatiemodel is generated',
    );
    expect(both.stderr).toContain('mimgen derive --scaffold <objecttype>');
    expect(noStack(both.stderr)).toBe(true);
    const zonder = tree(repo).filter((f) => f.startsWith('generated/zonder/'));
    expect(zonder).toEqual(expect.arrayContaining(['generated/zonder/informatiemodel.schema.json']));
    expect(zonder.some((f) => f.includes('uitwisselmodel'))).toBe(false);
    expect(tree(repo)).toContain('generated/klein/uitwisselmodel.schema.json');
  });

  it('--check on a model without uitwisselmodel.yaml that was never generated: exit 1, its files stale', () => {
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain('stale: generated/zonder/informatiemodel.schema.json');
    expect(check.stderr).toContain('warning  missing-derivation');
    expect(afterRefusals).toEqual(before);
  });

  it('a model file that is not UTF-8: exit 2, the file, line and column and what is wrong, nothing written', () => {
    expect(unreadable.code, unreadable.stdout + unreadable.stderr).toBe(2);
    expect(unreadable.stderr).toMatch(
      /^model\/kapot\/b\.yaml:3:\d+ {2}error {2}unreadable {2}the file is not valid UTF-8/m,
    );
    expect(unreadable.stderr).not.toContain('internal error');
    expect(noStack(unreadable.stderr)).toBe(true);
    expect(afterRefusals).toEqual(before);
  });

  it('a model that does not exist: exit 2, the folder named', () => {
    expect(noFolder.code, noFolder.stdout + noFolder.stderr).toBe(2);
    expect(noFolder.stderr).toContain('model/bestaat-niet:1:1  error  unreadable  no such model folder');
    expect(noFolder.stderr).not.toContain('internal error');
    expect(afterRefusals).toEqual(before);
  });
});

describe('mimgen import-xmi', () => {
  let n = 0;
  /** A fresh folder with an --out under model/ that does not exist yet. */
  function place(): { dir: string; out: string } {
    const dir = join(temp, `import-${++n}`);
    mkdirSync(dir);
    return { dir, out: join(dir, 'model', 'uit') };
  }

  it('exit 0: imported, with the warnings, when the reference outside the export is left out', async () => {
    const { out } = place();
    const r = await inProcess([
      'import-xmi',
      EVERY_WARNING,
      '--package',
      'Waarschuwingen',
      '--out',
      out,
      '--omit',
      'Woonplaats',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('  warning  missing-type  ');
    expect(r.stderr).not.toMatch(/ {2}error {2}/);
    expect(readdirSync(out).sort()).toEqual(['datatypes.yaml', 'informatiemodel.yaml', 'objecttypen.yaml']);
  });

  it('exit 1: imported, with an external-reference error for the class outside the export', async () => {
    const { out } = place();
    const r = await inProcess(['import-xmi', EVERY_WARNING, '--package', 'Waarschuwingen', '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      /every-warning\.xmi:33:6 {2}error {2}external-reference {2}"Woonplaats" \(EAID_0000BEEF_1A2B_4C3D_8E9F_00000000BEEF\) is outside the export/,
    );
    expect(r.stderr).toContain('1 external reference(s), 1 unresolved');
    expect(readdirSync(out).sort()).toEqual(['datatypes.yaml', 'informatiemodel.yaml', 'objecttypen.yaml']);
    // The model keeps the reference, with a comment that says what to do.
    expect(readFileSync(join(out, 'objecttypen.yaml'), 'utf8')).toMatch(
      /type: Woonplaats # outside the export \(EAID_0000BEEF_1A2B_4C3D_8E9F_00000000BEEF\); map it with --map/,
    );
  });

  it('exit 2 on every error the file holds at once, and nothing written', async () => {
    const { dir, out } = place();
    const r = await inProcess(['import-xmi', EVERY_ERROR, '--out', out, '--map', 'Elders=Nergens']);
    expect(r.code, r.stderr).toBe(2);
    const errors = r.stderr.split('\n').filter((l) => l.includes('  error  '));
    expect(
      errors.map((l) =>
        l
          .replace(/^.*every-error\.xmi:/, '')
          .split('  ')
          .slice(0, 3)
          .join(' '),
      ),
    ).toEqual([
      '29:4 error missing-id',
      '15:6 error dangling-idref',
      '21:6 error invalid-multiplicity',
      '1:1 error unknown-map-target',
    ]);
    expect(r.stderr).toContain('mimgen import-xmi: 4 error(s); nothing written');
    expect(tree(dir)).toEqual([]);
  });

  it('exit 1 on errors in the file alone: every one reported with its place, the model written with them', async () => {
    const { out } = place();
    const r = await inProcess(['import-xmi', EVERY_ERROR, '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.includes('  error  '));
    expect(
      errors.map((l) =>
        l
          .replace(/^.*every-error\.xmi:/, '')
          .split('  ')
          .slice(0, 3)
          .join(' '),
      ),
    ).toEqual([
      '29:4 error missing-id',
      '15:6 error dangling-idref',
      '21:6 error invalid-multiplicity',
      '25:6 error external-reference',
    ]);
    expect(r.stderr).toContain('4 error(s): the model was written with them');
    expect(readdirSync(out).sort()).toEqual(['datatypes.yaml', 'informatiemodel.yaml', 'objecttypen.yaml']);
    const objecttypen = readFileSync(join(out, 'objecttypen.yaml'), 'utf8');
    expect(objecttypen).toContain('kardinaliteit: 3..1');
    expect(objecttypen).toContain('type: EAID_DEADBEEF_0000_0000_0000_000000000000');
    expect(objecttypen).toContain('naam: Naamloos');
  });

  it('exit 2 on input that cannot be read: the file named, what is wrong, nothing written', async () => {
    const { dir, out } = place();
    const folder = join(dir, 'een-map.xmi');
    mkdirSync(folder);
    const cases: [string[], string][] = [
      [
        [join(dir, 'bestaat-niet.xmi'), '--out', out],
        `${join(dir, 'bestaat-niet.xmi')}:1:1  error  unreadable  cannot read the file; check the path`,
      ],
      [[folder, '--out', out], `${folder}:1:1  error  unreadable  cannot read the file; check the path`],
      [
        [EVERY_WARNING, '--package', 'Waarschuwingen', '--out', out, '--map-file', join(dir, 'geen-kaart.yaml')],
        `${join(dir, 'geen-kaart.yaml')}:1:1  error  unreadable  cannot read the map file`,
      ],
      [
        [EVERY_WARNING, '--package', 'Waarschuwingen', '--out', out, '--shared', join(dir, 'geen-gedeeld')],
        `${join(dir, 'geen-gedeeld')}:1:1  error  unreadable  --shared names no file or folder`,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await inProcess(['import-xmi', ...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.split('\n')).toContain(message);
      expect(r.stderr).toContain('1 error(s); nothing written');
      expect(r.stderr).not.toContain('internal error');
    }
    expect(tree(dir)).toEqual(['een-map.xmi']);
  });
});
