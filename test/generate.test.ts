/**
 * `mimgen generate`: deterministic output (same bytes on every run, no clock, no paths, LF only, YAML key
 * order irrelevant), all files or none (a kill at any moment leaves the old or the new tree, and the next
 * run cleans up), and `--check` that finds stale and extra files.
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
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMap, parseDocument, visit } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { discoverModels, fileSystemReader } from '../generator/cli/fs-reader.ts';
import { validatorPage } from '../generator/cli/validator-page.ts';
import { recover, staleFiles, writeGenerated, type GeneratedTree } from '../generator/cli/writer.ts';
import { emitModel, loadModel } from '../generator/pipeline.ts';
import { invoerVan } from '../generator/emit/invoer.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const slowFs = join(repoRoot, 'test/helpers/slow-fs.mjs');

/** The models that generate: a derivation file and a committed generated schema. */
const MODELS = discoverModels(join(repoRoot, 'model')).filter(
  (m) =>
    existsSync(join(repoRoot, 'model', m, 'uitwisselmodel.yaml')) &&
    existsSync(join(repoRoot, 'generated', m, 'uitwisselmodel.schema.json')),
);

const temps: string[] = [];
function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mimgen-${label}-`));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir`, by path relative to it (with `/`), as text. */
function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The generated tree of `models` from a model folder root, in process, as files relative to generated/. */
async function generateInProcess(modelRoot: string, models: readonly string[] = MODELS): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const m of models) {
    const loaded = loadModel(join(modelRoot, m), fileSystemReader);
    const errors = loaded.findings.filter((f) => f.severity === 'error');
    expect(errors, `model ${m} in ${modelRoot} has errors`).toEqual([]);
    expect(loaded.uitwisselmodel, `model ${m} derives no uitwisselmodel`).toBeDefined();
    const files = await emitModel(invoerVan(loaded.uitwisselmodel!));
    // generate adds the validator page, bundled from the emitted package (as cli/generate.ts does).
    for (const [path, contents] of await validatorPage(m, loaded.informatiemodel!.naam, files))
      files.set(path, contents);
    for (const [path, contents] of files) out.set(`${m}/${path}`, contents);
  }
  return out;
}

/** The repository's models generated in process, once (generation takes a while; several tests look at it). */
let repoOutput: Promise<Map<string, string>> | undefined;
const generatedFromRepo = () => (repoOutput ??= generateInProcess(join(repoRoot, 'model')));

/**
 * A project copy that runs the CLI: everything at the top level (model/, generated/, bin/, generator/,
 * templates/, package.json, tsconfig.json, ...) but test/ and the VCS, with node_modules linked.
 */
function copyProject(label: string): string {
  const dir = tempDir(label);
  for (const entry of readdirSync(repoRoot)) {
    if (entry === 'node_modules' || entry === 'test' || entry.startsWith('.')) continue;
    cpSync(join(repoRoot, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function startCli(cwd: string, args: string[], env: Record<string, string> = {}, preload?: string) {
  const child = spawn(process.execPath, [...(preload ? ['--import', preload] : []), 'bin/mimgen.js', ...args], {
    cwd,
    env: { ...process.env, ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolveRun) =>
    child.on('close', (code, signal) => resolveRun({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

const runCli = (cwd: string, args: string[]): Promise<Run> => startCli(cwd, args).done;

/**
 * A project copy whose generated/<first model> is exactly what the copy's own generator makes (the
 * repository's generated/ may lag behind while the generator is being worked on). The kill test leaves one
 * behind; otherwise one is made with a `generate` run.
 */
let settledCopy: string | undefined;
async function settledProject(): Promise<string> {
  if (settledCopy) return settledCopy;
  const dir = copyProject('settled');
  const run = await runCli(dir, ['generate', MODELS[0]!]);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  settledCopy = dir;
  return dir;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('generate is deterministic', () => {
  // The CLI check of the repository runs in its own process while the in-process tests below use this one.
  let repoCheck: Promise<Run>;
  beforeAll(() => {
    repoCheck = runCli(repoRoot, ['generate', '--check', ...MODELS]);
  });
  afterAll(async () => {
    await repoCheck;
  });

  it('finds the models to check', () => {
    expect(MODELS).toContain('vroegsignalering');
  });

  it('gives identical bytes when the pipeline runs twice in process (the second time with the clock set to 2001), and matches the committed generated/', async () => {
    const first = await generatedFromRepo();
    // the emitters may not read the clock: the second run sees another date
    vi.useFakeTimers({ now: new Date('2001-02-03T04:05:06Z'), toFake: ['Date'] });
    let second: Map<string, string>;
    try {
      expect(new Date().getUTCFullYear()).toBe(2001);
      second = await generateInProcess(join(repoRoot, 'model'));
    } finally {
      vi.useRealTimers();
    }
    expect(first.size).toBeGreaterThan(0);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, contents] of first)
      expect(second.get(path) === contents, `${path} differs between two runs`).toBe(true);
    for (const m of MODELS) {
      const committed = readTree(join(repoRoot, 'generated', m));
      const fresh = new Map(
        [...first].filter(([p]) => p.startsWith(`${m}/`)).map(([p, c]) => [p.slice(m.length + 1), c]),
      );
      expect([...committed.keys()].sort(), `files in generated/${m}`).toEqual([...fresh.keys()].sort());
      for (const [path, contents] of fresh)
        expect(committed.get(path) === contents, `generated/${m}/${path} is stale`).toBe(true);
    }
  });

  it('`generate --check` exits 0 on the committed generated/', async () => {
    const run = await repoCheck;
    expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
    expect(run.stdout).not.toMatch(/stale:/);
  });

  it('writes LF line endings only, no absolute paths and no timestamps', async () => {
    const inProcess = await generatedFromRepo();
    const onDisk = new Map(
      MODELS.flatMap((m) => [...readTree(join(repoRoot, 'generated', m))].map(([p, c]) => [`${m}/${p}`, c] as const)),
    );
    const paths = [repoRoot, '/work/', '/tmp/', tmpdir(), ...(homedir().length > 1 ? [homedir()] : [])];
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const local = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const now = new Date();
    const days = [
      ...new Set([
        day(now),
        local(now),
        day(new Date(now.getTime() - 86_400_000)),
        day(new Date(now.getTime() + 86_400_000)),
      ]),
    ];
    const timestamp = new RegExp(`(${days.join('|')})[T ]\\d{2}:\\d{2}`);
    for (const [source, files] of [
      ['in process', inProcess],
      ['on disk', onDisk],
    ] as const) {
      expect(files.size, source).toBeGreaterThan(0);
      for (const [path, contents] of files) {
        expect(contents.includes('\r'), `${source} ${path} has a CR`).toBe(false);
        expect(contents.endsWith('\n'), `${source} ${path} does not end with a newline`).toBe(true);
        for (const p of paths) expect(contents.includes(p), `${source} ${path} holds the path ${p}`).toBe(false);
        expect(contents.match(timestamp)?.[0], `${source} ${path} holds a timestamp of today`).toBeUndefined();
        if (path.endsWith('.json')) expect(() => JSON.parse(contents), `${source} ${path} is not JSON`).not.toThrow();
      }
    }
  });

  it('gives the same output when the keys of every YAML mapping are reversed', async () => {
    const copy = join(tempDir('reordered'), 'model');
    cpSync(join(repoRoot, 'model'), copy, { recursive: true });
    let rewritten = 0;
    const walk = (d: string): void => {
      for (const entry of readdirSync(d)) {
        const path = join(d, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.ya?ml$/.test(entry)) {
          const text = readFileSync(path, 'utf8');
          const doc = parseDocument(text);
          expect(doc.errors, path).toEqual([]);
          visit(doc, {
            Map(_, map) {
              if (isMap(map)) map.items.reverse();
            },
          });
          const reversed = doc.toString();
          // the same data, in another order
          expect(parseDocument(reversed).toJS()).toEqual(doc.toJS());
          if (reversed !== text) rewritten++;
          writeFileSync(path, reversed);
        }
      }
    };
    walk(copy);
    expect(rewritten).toBeGreaterThan(0);
    const original = await generatedFromRepo();
    const reordered = await generateInProcess(copy);
    expect([...reordered.keys()]).toEqual([...original.keys()]);
    for (const [path, contents] of original) {
      const other = reordered.get(path)!;
      if (other === contents) continue;
      const a = contents.split('\n');
      const b = other.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      expect.fail(
        `${path} changes when YAML keys are reordered; first difference at line ${line + 1}:\n  before: ${a[line]}\n  after:  ${b[line]}`,
      );
    }
  });
});

describe('the writer: all files or none', () => {
  const tree = (contents: string): GeneratedTree =>
    new Map([
      [
        'alpha',
        new Map([
          ['a.json', `{"a":"${contents}"}\n`],
          ['sub/b.txt', `${contents}\n`],
        ]),
      ],
    ]);

  it('writes the tree, keeps folders of other models, and leaves nothing behind', () => {
    const root = tempDir('writer');
    mkdirSync(join(root, 'generated/beta'), { recursive: true });
    writeFileSync(join(root, 'generated/beta/keep.json'), '{}\n');
    writeGenerated(root, tree('one'));
    expect(readTree(join(root, 'generated'))).toEqual(
      new Map([
        ['alpha/a.json', '{"a":"one"}\n'],
        ['alpha/sub/b.txt', 'one\n'],
        ['beta/keep.json', '{}\n'],
      ]),
    );
    expect(readdirSync(root)).toEqual(['generated']);
    expect(staleFiles(root, tree('one'))).toEqual([]);
  });

  it('recover() puts back a tree moved aside by a run killed between the two renames', () => {
    const root = tempDir('recover');
    mkdirSync(join(root, '.generated.old-123/alpha'), { recursive: true });
    writeFileSync(join(root, '.generated.old-123/alpha/a.json'), 'old\n');
    mkdirSync(join(root, '.generated.tmp-123/alpha'), { recursive: true });
    writeFileSync(join(root, '.generated.tmp-123/alpha/a.json'), 'new but not swapped in\n');
    recover(root);
    expect(readdirSync(root)).toEqual(['generated']);
    expect(readTree(join(root, 'generated'))).toEqual(new Map([['alpha/a.json', 'old\n']]));
  });

  it('recover() removes a half-built tree and a stale moved-aside tree when generated/ is in place', () => {
    const root = tempDir('recover2');
    mkdirSync(join(root, 'generated/alpha'), { recursive: true });
    writeFileSync(join(root, 'generated/alpha/a.json'), 'current\n');
    mkdirSync(join(root, '.generated.old-7/alpha'), { recursive: true });
    writeFileSync(join(root, '.generated.old-7/alpha/a.json'), 'older\n');
    mkdirSync(join(root, '.generated.tmp-8'), { recursive: true });
    recover(root);
    expect(readdirSync(root)).toEqual(['generated']);
    expect(readTree(join(root, 'generated'))).toEqual(new Map([['alpha/a.json', 'current\n']]));
  });

  it('staleFiles() lists changed, missing and extra files', () => {
    const root = tempDir('stale');
    writeGenerated(root, tree('one'));
    writeFileSync(join(root, 'generated/alpha/a.json'), '{"a":"onE"}\n');
    rmSync(join(root, 'generated/alpha/sub/b.txt'));
    writeFileSync(join(root, 'generated/alpha/extra.md'), 'x\n');
    expect(staleFiles(root, tree('one'))).toEqual([
      'generated/alpha/a.json',
      'generated/alpha/extra.md',
      'generated/alpha/sub/b.txt',
    ]);
  });
});

describe('a killed `generate` leaves the old or the new generated/, and the next run cleans up', () => {
  // The CLI runs generate only the first model (a full run type-checks generated code and takes seconds);
  // the writer carries the other models' folders over, so the whole generated/ tree is still compared.
  const model = MODELS[0]!;
  const leftovers = (dir: string) => readdirSync(dir).filter((e) => e.startsWith('.generated.'));

  /**
   * The new tree of a project copy: its generated/ with the model's folder as the copy's own generator code
   * makes it (imported from the copy, so that it is the code the CLI runs there even while the repository's
   * generator is being edited).
   */
  async function newTreeOf(dir: string, oldTree: Map<string, string>): Promise<Map<string, string>> {
    const pipeline = (await import(
      pathToFileURL(join(dir, 'generator/pipeline.ts')).href
    )) as typeof import('../generator/pipeline.ts');
    const reader = (await import(
      pathToFileURL(join(dir, 'generator/cli/fs-reader.ts')).href
    )) as typeof import('../generator/cli/fs-reader.ts');
    const loaded = pipeline.loadModel(join(dir, 'model', model), reader.fileSystemReader);
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const newTree = new Map([...oldTree].filter(([p]) => !p.startsWith(`${model}/`)));
    const page = (await import(
      pathToFileURL(join(dir, 'generator/cli/validator-page.ts')).href
    )) as typeof import('../generator/cli/validator-page.ts');
    const files = await pipeline.emitModel(invoerVan(loaded.uitwisselmodel!));
    // generate adds the validator page, bundled from the emitted package (as cli/generate.ts does).
    for (const [path, contents] of await page.validatorPage(model, loaded.informatiemodel!.naam, files))
      files.set(path, contents);
    for (const [path, contents] of files) newTree.set(`${model}/${path}`, contents);
    const changed = [...newTree].filter(([p, c]) => oldTree.get(p) !== c).map(([p]) => p);
    expect(changed.length, 'the changed definitie must change the output').toBeGreaterThan(0);
    return new Map([...newTree].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** Changes a definitie in a project copy's model, so that its output differs from its generated/. */
  function changeDefinitie(dir: string): void {
    const file = join(dir, 'model', model, 'uitwisselmodel.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const definitie = doc.getIn(['uitwisselmodel', 'definitie']);
    expect(typeof definitie, `uitwisselmodel.definitie of ${model}`).toBe('string');
    doc.setIn(['uitwisselmodel', 'definitie'], `${String(definitie)} Gewijzigd voor de killtest.`);
    writeFileSync(file, doc.toString());
  }

  /** A project copy with one definitie changed, its old tree, and (computed when first asked for) its new tree. */
  function changedProject(label: string) {
    const dir = copyProject(label);
    changeDefinitie(dir);
    const oldTree = readTree(join(dir, 'generated'));
    let computed: Promise<Map<string, string>> | undefined;
    return { dir, oldTree, newTree: () => (computed ??= newTreeOf(dir, oldTree)) };
  }

  type State = 'old' | 'new' | 'old, moved aside between the two renames';

  /** What a kill left: generated/ is whole (old or new), or absent with the whole old tree beside it. */
  async function inspect(
    dir: string,
    oldTree: Map<string, string>,
    newTreeOf: () => Promise<Map<string, string>>,
    what: string,
  ): Promise<State> {
    const target = join(dir, 'generated');
    if (existsSync(target)) {
      const now = readTree(target);
      const same = (t: Map<string, string>) => now.size === t.size && [...t].every(([p, c]) => now.get(p) === c);
      if (same(oldTree)) return 'old';
      const newTree = await newTreeOf();
      if (same(newTree)) return 'new';
      const half = [...new Set([...newTree.keys(), ...now.keys()])].filter(
        (p) => now.get(p) !== newTree.get(p) && now.get(p) !== oldTree.get(p),
      );
      expect.fail(
        `${what}: generated/ is neither the old nor the new tree (${half.join(', ')}; leftovers ${leftovers(dir).join(', ')})`,
      );
    }
    const aside = leftovers(dir).filter((e) => e.startsWith('.generated.old-'));
    expect(
      aside.length,
      `${what}: generated/ is gone and no tree was moved aside (leftovers: ${leftovers(dir).join(', ')})`,
    ).toBe(1);
    expect(readTree(join(dir, aside[0]!)), `${what}: the tree moved aside is not the old tree`).toEqual(oldTree);
    return 'old, moved aside between the two renames';
  }

  /** The next run: exit 0, generated/ is the new tree, nothing left beside it. */
  async function nextRunRecovers(dir: string, newTree: Map<string, string>, what: string) {
    const run = await runCli(dir, ['generate', model]);
    expect(run.code, `${what}: the next generate fails: ${run.stdout}${run.stderr}`).toBe(0);
    expect(leftovers(dir), `${what}: leftovers after the next run`).toEqual([]);
    expect(readTree(join(dir, 'generated')), `${what}: generated/ after the next run`).toEqual(newTree);
  }

  it('at fixed moments after the start (50, 150, 300, 600 ms)', async () => {
    const { dir, oldTree, newTree } = changedProject('kill-timed');
    const seen: string[] = [];
    for (const ms of [50, 150, 300, 600]) {
      const { child, done } = startCli(dir, ['generate', model]);
      await sleep(ms);
      child.kill('SIGKILL');
      const run = await done;
      const state = await inspect(dir, oldTree, newTree, `killed after ${ms} ms`);
      seen.push(
        `${ms} ms: ${run.signal === 'SIGKILL' ? 'killed' : `finished first (exit ${run.code})`}, ${state}, leftovers [${leftovers(dir).join(', ')}]`,
      );
      if (state !== 'old' || leftovers(dir).length > 0) {
        await nextRunRecovers(dir, await newTree(), `killed after ${ms} ms`);
        break;
      }
    }
    console.log(`kill test, fixed moments: ${seen.join('; ')}`);
    // a kill before the writer starts leaves the old tree and nothing beside it
    if (readTree(join(dir, 'generated')).size === oldTree.size) expect(leftovers(dir)).toEqual([]);
  });

  it('between the two renames, then (the next run) half-way through writing, then (the run after) before the old tree is removed', async () => {
    // test/helpers/slow-fs.mjs makes the child's file-system calls on the generated tree wait, so that the
    // moments between them are wide enough to hit reliably. The three runs follow each other in one project
    // copy, so each run also has to clean up what the killed run before it left.
    const env = { MIMGEN_TEST_FS_DELAY_MS: '10', MIMGEN_TEST_SWAP_DELAY_MS: '400' };
    const { dir, oldTree, newTree } = changedProject('kill-writer');
    const has = (prefix: string, pid: number | undefined) => existsSync(join(dir, `${prefix}${pid}`));
    const steps: {
      what: string;
      when: (pid: number | undefined) => boolean;
      wait: number;
      expect: State;
      left: (pid: number | undefined) => string[];
    }[] = [
      {
        what: 'between moving the old tree aside and moving the new one in',
        when: (pid) => has('.generated.old-', pid) && !existsSync(join(dir, 'generated')),
        wait: 50,
        expect: 'old, moved aside between the two renames',
        left: (pid) => [`.generated.old-${pid}`, `.generated.tmp-${pid}`],
      },
      {
        // the run first puts the moved-aside tree back and removes the other run's half-built one
        what: 'half-way through writing the new tree (in the run after the previous kill)',
        when: (pid) => has('.generated.tmp-', pid),
        wait: 100,
        expect: 'old',
        left: (pid) => [`.generated.tmp-${pid}`],
      },
      {
        what: 'after the swap, before the old tree is removed (in the run after that)',
        when: (pid) => has('.generated.old-', pid) && existsSync(join(dir, 'generated')),
        wait: 50,
        expect: 'new',
        left: (pid) => [`.generated.old-${pid}`],
      },
    ];
    for (const step of steps) {
      const { child, done } = startCli(dir, ['generate', model], env, slowFs);
      let exited = false;
      void done.then(() => (exited = true));
      while (!exited && !step.when(child.pid)) await sleep(2);
      await sleep(step.wait);
      child.kill('SIGKILL');
      const run = await done;
      expect(run.signal, `${step.what}: the run ended before it could be killed (exit ${run.code}) ${run.stderr}`).toBe(
        'SIGKILL',
      );
      const state = await inspect(dir, oldTree, newTree, `killed ${step.what}`);
      expect(state, `killed ${step.what}; leftovers ${leftovers(dir).join(', ')}`).toBe(step.expect);
      // only this run's leftovers: what the runs before it left has been cleaned up
      expect(leftovers(dir).sort(), `leftovers after a kill ${step.what}`).toEqual(step.left(child.pid).sort());
      if (step.expect === 'old' && leftovers(dir).length === 1) {
        // really half-way: the temporary tree holds some, not all, of the new files
        expect(readTree(join(dir, leftovers(dir)[0]!)).size, 'files in the half-built tree').toBeLessThan(
          (await newTree()).size,
        );
      }
    }
    // and the writer's recover() (which every run calls first) cleans up the last one
    recover(dir);
    expect(leftovers(dir)).toEqual([]);
    expect(readTree(join(dir, 'generated'))).toEqual(await newTree());
    settledCopy = dir;
  });
});

describe('generate --check', () => {
  it('exits 1 and lists a file with one byte changed and a file that should not be there, and writes nothing', async () => {
    const dir = await settledProject();
    const model = MODELS[0]!;
    const file = join(dir, 'generated', model, 'mapping.json');
    const changed = readFileSync(file);
    const at = changed.indexOf('"');
    changed[at] = "'".charCodeAt(0);
    writeFileSync(file, changed);
    writeFileSync(join(dir, 'generated', model, 'extra.json'), '{}\n');
    const before = readTree(join(dir, 'generated'));

    const run = await runCli(dir, ['generate', '--check', model]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([
      `stale: generated/${model}/extra.json`,
      `stale: generated/${model}/mapping.json`,
    ]);
    expect(run.stderr).toMatch(/2 stale file/);
    // --check writes nothing
    expect(readTree(join(dir, 'generated'))).toEqual(before);
    expect(readdirSync(dir).filter((e) => e.startsWith('.generated.'))).toEqual([]);
  });
});
