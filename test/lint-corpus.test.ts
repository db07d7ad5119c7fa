/**
 * The corpus of broken models (test/fixtures/lint/, see its README) against `mimgen lint`.
 *
 * Spawning the CLI costs about a quarter to half a second a process (node, then loading the lint command), so:
 * - every case runs in process through the CLI's own entry `main(['lint', folder])`, which checks its
 *   exit code, output format and exact findings cheaply;
 * - the real CLI runs once over the whole corpus (text and --json), which checks the same findings as
 *   a user sees them, in one child process;
 * - the real CLI runs once per case for the cases that exit 2 and a representative few, once over the
 *   generated inputs (10 MB file, 10,000 levels of nesting), once for a missing folder and once over the
 *   real models.
 * That is about 14 processes; the rest of the suite's time is in process, including 300 random
 * mutations of the corpus files that must give positioned findings and never an exception.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../generator/cli/main.ts';
import { UnreadableInput } from '../generator/diagnostics/findings.ts';
import { loadInformatiemodel } from '../generator/model/load.ts';
import type { SourceReader } from '../generator/model/yaml-source.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'lint');
const CLI = join(ROOT, 'bin', 'mimgen.js');

interface ExpectedFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
  /** Text the message must contain. */
  message?: string;
}

interface Expected {
  exit: 0 | 1 | 2;
  findings: ExpectedFinding[];
}

interface Printed {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

/** `path:line:col  severity  rule-id  message`, as the issue and the design fix it. */
const FINDING_LINE = /^(.+?):(\d+):(\d+) {2}(error|warning) {2}([a-z][a-z0-9-]*) {2}(\S.*)$/;

const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function expected(name: string): Expected {
  return JSON.parse(readFileSync(join(CORPUS, name, 'expected.json'), 'utf8')) as Expected;
}

/** Parses the text output; every line must be a finding in the agreed format. */
function parseOutput(stdout: string): Printed[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const m = FINDING_LINE.exec(l);
      expect(m, `not in the format path:line:col  severity  rule-id  message: ${JSON.stringify(l)}`).not.toBeNull();
      return {
        file: m![1]!,
        line: Number(m![2]),
        column: Number(m![3]),
        severity: m![4]!,
        rule: m![5]!,
        message: m![6]!,
      };
    });
}

function noStackTrace(...outputs: string[]): void {
  for (const text of outputs) {
    expect(text).not.toMatch(/^\s+at .+/m);
    expect(text).not.toMatch(/\b\w*Error:/);
    expect(text).not.toMatch(/node:internal|internal error/);
  }
}

const key = (f: { file: string; line: number; column: number; severity: string; rule: string }) =>
  `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.rule}`;

/** Compares printed findings (paths relative to the case folder) with the expected ones, in a readable diff. */
function compare(actual: Printed[], want: ExpectedFinding[]): void {
  expect(actual.map(key).sort()).toEqual(want.map(key).sort());
  for (const w of want.filter((f) => f.message !== undefined)) {
    const got = actual.find((a) => key(a) === key(w) && a.message.includes(w.message!));
    expect(
      got,
      `${key(w)}: no message containing ${JSON.stringify(w.message)}; got ${actual.map((a) => a.message).join(' | ')}`,
    ).toBeDefined();
  }
}

function relativeTo(dir: string, findings: Printed[]): Printed[] {
  return findings.map((f) => ({ ...f, file: relative(dir, resolve(ROOT, f.file)).replaceAll('\\', '/') || '.' }));
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real CLI in a child process, from the repository root; killed (and so failed) after `timeout` ms. */
function cli(args: string[], timeout = 50_000): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, MIMGEN_DEBUG: '', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
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
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('the lint corpus', () => {
  it('has at least 40 broken models, each with an expected.json', () => {
    const broken = cases.filter((c) => !c.startsWith('valid'));
    expect(broken.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect(existsSync(join(CORPUS, c, 'expected.json')), `${c}/expected.json`).toBe(true);
  });

  it.each(cases)('%s', async (name) => {
    const want = expected(name);
    if (name.startsWith('valid')) expect(want).toEqual({ exit: 0, findings: [] });
    else {
      expect([1, 2]).toContain(want.exit);
      expect(want.findings.length).toBeGreaterThan(0);
    }
    const dir = join(CORPUS, name);
    const run = await inProcess(['lint', dir]);
    noStackTrace(run.stdout, run.stderr);
    expect(run.code).toBe(want.exit);
    compare(relativeTo(dir, parseOutput(run.stdout)), want.findings);
  });
});

describe('the real CLI on the corpus', () => {
  const folders = cases.map((c) => `test/fixtures/lint/${c}`);

  /** Splits the findings of a run over several folders by the case they belong to. */
  function byCase(findings: Printed[]): Map<string, Printed[]> {
    const result = new Map<string, Printed[]>(cases.map((c) => [c, []]));
    for (const f of findings) {
      const name = cases.find(
        (c) => f.file === `test/fixtures/lint/${c}` || f.file.startsWith(`test/fixtures/lint/${c}/`),
      );
      expect(name, `a finding outside the corpus: ${key(f)}`).toBeDefined();
      result.get(name!)!.push(f);
    }
    return result;
  }

  let text: Run;
  let json: Run;
  beforeAll(async () => {
    [text, json] = await Promise.all([cli(['lint', ...folders]), cli(['lint', '--json', ...folders])]);
  });

  it('prints every expected finding of every case, and nothing else, in one run', () => {
    noStackTrace(text.stdout, text.stderr);
    expect(text.code).toBe(2); // some cases are unreadable
    for (const [name, findings] of byCase(parseOutput(text.stdout))) {
      compare(relativeTo(join(CORPUS, name), findings), expected(name).findings);
    }
  });

  it('prints the same findings as JSON with --json', () => {
    noStackTrace(json.stdout, json.stderr);
    expect(json.code).toBe(text.code);
    const parsed = JSON.parse(json.stdout) as { findings: Printed[] };
    for (const f of parsed.findings) {
      expect(Object.keys(f).sort()).toEqual(['column', 'file', 'line', 'message', 'rule', 'severity']);
    }
    const asText = parsed.findings.map(
      (f) => `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.rule}  ${f.message}`,
    );
    expect(asText).toEqual(text.stdout.split('\n').filter((l) => l !== ''));
  });

  // Each case's exit code on its own, for every case that exits 2 and a few that stand for the rest.
  const representative = [
    'valid',
    'yaml-tab-indentation',
    'billion-laughs',
    'unknown-key-attribuutsoort',
    'unresolved-reference-type',
    'missing-definitie',
  ];
  const individually = [...new Set([...representative, ...cases.filter((c) => expected(c).exit === 2)])];

  it.concurrent.each(individually)('%s on its own', async (name) => {
    const want = expected(name);
    const run = await cli(['lint', `test/fixtures/lint/${name}`]);
    noStackTrace(run.stdout, run.stderr);
    expect(run.code).toBe(want.exit);
    compare(relativeTo(join(CORPUS, name), parseOutput(run.stdout)), want.findings);
  });

  it('gives exit 2 for a model folder that does not exist', async () => {
    const missing = 'test/fixtures/lint-does-not-exist';
    expect(existsSync(join(ROOT, missing))).toBe(false);
    const run = await cli(['lint', missing]);
    noStackTrace(run.stdout, run.stderr);
    expect(run.code).toBe(2);
    expect(parseOutput(run.stdout).map(key)).toEqual([`${missing}:1:1  error  unreadable`]);
    expect(parseOutput(run.stdout)[0]!.message).toBe('no such model folder');
  });
});

describe('the real CLI on generated inputs', () => {
  const temp = mkdtempSync(join(tmpdir(), 'mimgen-lint-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  const HEAD = 'informatiemodel:\n  id: t\n  naam: T\n  versie: "1"\n';
  const inputs: Record<string, () => string> = {
    // A model of some 60,000 objecttypen: far more than a model file may hold.
    big: () => {
      let text = `${HEAD}objecttypen:\n`;
      for (let i = 0; text.length < 10 * 1024 * 1024; i++) {
        text += `  - id: ot.o${i}\n    naam: O${i}\n    definitie: Objecttype ${i} van een heel groot model.\n`;
      }
      return text;
    },
    'deep-flow': () => `${HEAD}x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    'deep-block': () => `${HEAD}x:\n  ${'- '.repeat(10_000)}a\n`,
    'deep-lines': () => {
      let text = `${HEAD}x:\n`;
      for (let i = 0; i < 300; i++) text += `${' '.repeat(i + 2)}-\n`;
      return text;
    },
  };
  let run: Run;
  let found: Map<string, Printed[]>;
  beforeAll(async () => {
    for (const [name, make] of Object.entries(inputs)) {
      mkdirSync(join(temp, name));
      writeFileSync(join(temp, name, 'a.yaml'), make());
    }
    // One process for all; alone on a machine it takes about a second, so 50 s means it hangs.
    run = await cli(['lint', ...Object.keys(inputs).map((name) => join(temp, name))]);
    found = new Map(Object.keys(inputs).map((name) => [name, []]));
    for (const f of relativeTo(temp, parseOutput(run.stdout))) {
      const [name, ...rest] = f.file.split('/');
      found.get(name!)!.push({ ...f, file: rest.join('/') });
    }
  });

  it('ends without a stack trace, with exit 1', () => {
    noStackTrace(run.stdout, run.stderr);
    expect(run.code).toBe(1);
  });

  it('refuses a 10 MB model file', () => {
    expect(found.get('big')!.map(key)).toEqual(['a.yaml:1:1  error  file-too-large']);
    expect(found.get('big')![0]!.message).toMatch(/10\.0 MB/);
  });

  it('refuses 10,000 levels of [ at the level that is too deep', () => {
    // Line 5 is `x: [[[...`; the 201st bracket stands in column 4 + 200.
    expect(found.get('deep-flow')!.map(key)).toEqual(['a.yaml:5:204  error  too-deep']);
  });

  it('refuses 10,000 levels of - on their line', () => {
    // The parser runs out of stack somewhere on line 6; where exactly depends on the stack size.
    expect(found.get('deep-block')!.map((f) => `${f.file}:${f.line}  ${f.severity}  ${f.rule}`)).toEqual([
      'a.yaml:6  error  too-deep',
    ]);
  });

  it('refuses 300 levels of block nesting at the 201st', () => {
    // Line 6 holds level 1 (the sequence under x); level 201 is the item on line 206, column 203.
    expect(found.get('deep-lines')!.map(key)).toEqual(['a.yaml:206:203  error  too-deep']);
  });
});

describe('mutated corpus files', () => {
  it('give findings with positions, never an exception (but unreadable input)', () => {
    let seed = 20_241_231;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const sources = cases.flatMap((c) =>
      readdirSync(join(CORPUS, c))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => readFileSync(join(CORPUS, c, f), 'utf8')),
    );
    const shared = readFileSync(join(ROOT, 'test', 'fixtures', 'gedeeld', 'datatypes.yaml'));
    const pieces = [
      '[',
      ']',
      '{',
      '}',
      ':',
      '- ',
      '&a ',
      '*a',
      '!!str ',
      '%YAML 1.1\n',
      '---\n',
      '\t',
      '"',
      "'",
      '\n',
      '  ',
      '#',
      '? ',
      '|',
      '>',
      '__proto__',
      '\u2028',
      '\r',
    ];
    for (let i = 0; i < 300; i++) {
      let text = pick(sources);
      for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
        const at = Math.floor(random() * text.length);
        text =
          random() < 0.3
            ? text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 10))
            : text.slice(0, at) + pick(pieces) + text.slice(at);
      }
      const reader: SourceReader = {
        listYaml: (dir) => (dir === 'fuzz/m' ? ['a.yaml'] : undefined),
        read: (path) =>
          path === 'fuzz/m/a.yaml'
            ? new TextEncoder().encode(text)
            : path.endsWith('/datatypes.yaml')
              ? shared
              : undefined,
      };
      try {
        for (const f of loadInformatiemodel('fuzz/m', reader).findings) {
          expect(
            f.line >= 1 && f.column >= 1 && f.rule.length > 0 && f.message !== '',
            JSON.stringify({ f, text }),
          ).toBe(true);
        }
      } catch (e) {
        if (!(e instanceof UnreadableInput)) throw new Error(`${String(e)} on ${JSON.stringify(text)}`);
      }
    }
  });
});

describe('the real models', () => {
  /** Every folder under model/ with a file that holds an informatiemodel section. */
  const models = readdirSync(join(ROOT, 'model'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .filter((name) =>
      readdirSync(join(ROOT, 'model', name))
        .filter((f) => f.endsWith('.yaml'))
        .some((f) => /^informatiemodel\s*:/m.test(readFileSync(join(ROOT, 'model', name, f), 'utf8'))),
    )
    .sort();

  it('are there', () => {
    expect(models).toEqual(expect.arrayContaining(['schuldhulpverlening', 'vroegsignalering']));
  });

  it('lint clean, warnings included', async () => {
    const run = await cli(['lint', ...models.map((name) => `model/${name}`)]);
    noStackTrace(run.stdout, run.stderr);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(0);
  });
});
