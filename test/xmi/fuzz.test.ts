/**
 * Robustness, measured (issue 16, item 4): 1,000 mutations (test/fuzz/mutations.ts: truncation, dropped and
 * duplicated elements, wrong idrefs, garbage attributes, wrong encodings) of the XMI files of the tests, each
 * imported by the command in this process. No crash (exit 0, 1 or 2 only, never an internal error); every
 * problem printed as `file:line:col  severity  rule  message` with a line and column inside the file; nothing
 * half-written (exit 2: no output folder; exit 0 or 1: the model files, each parsing as YAML; no temporary
 * folders left). A mutation counts as detected when the import refuses the file or reports a finding the
 * unmutated file does not give. The seed is fixed (FUZZ_SEED repeats another run) and printed with the
 * figures.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  MUTATION_KINDS,
  mutations,
  positionedFindings,
  seedFromEnv,
  type Mutation,
  type MutationKind,
} from '../fuzz/mutations.ts';
import {
  GGM_ONDERWIJS_XMI,
  MIM_TESTMODELLEN_XMI,
  mimgenInProcess,
  repoRoot,
  tempDir,
  VROEGSIGNALERING_XMI,
} from './helpers.ts';
import { quirksXmi } from './ea-files.ts';
import { otherToolXmi } from './other-tool.ts';
import { syntheticXmi } from './synthetic.ts';

const SEED = seedFromEnv(20_261_204);
const TOTAL = 1000;

interface Source {
  name: string;
  bytes: Uint8Array;
  args: string[];
}

const fixture = (f: string) => readFileSync(join(repoRoot, 'test/fixtures/xmi', f));
const SOURCES: Source[] = [
  {
    name: 'synthetic-ea.xmi',
    bytes: Buffer.from(syntheticXmi({ classes: 4, attributesPerClass: 3, enumerations: 1, valuesPerEnumeration: 3 })),
    args: [],
  },
  { name: 'other-tool.xmi', bytes: Buffer.from(otherToolXmi()), args: [] },
  { name: 'ea-quirks.xmi', bytes: Buffer.from(quirksXmi(), 'latin1'), args: [] },
  { name: 'every-warning.xmi', bytes: fixture('every-warning.xmi'), args: ['--package', 'Waarschuwingen'] },
  { name: 'every-error.xmi', bytes: fixture('every-error.xmi'), args: [] },
  ...[
    { file: VROEGSIGNALERING_XMI, pkg: 'Model Vroegsignalering' },
    { file: MIM_TESTMODELLEN_XMI, pkg: 'Test Domein' },
    { file: GGM_ONDERWIJS_XMI, pkg: 'Onderwijs' },
  ]
    .filter((r) => existsSync(r.file))
    .map((r) => ({ name: r.file.split('/').pop()!, bytes: readFileSync(r.file), args: ['--package', r.pkg] })),
];

interface Outcome {
  source: string;
  mutation: Mutation;
  code: number;
  detected: boolean;
  problems: string[];
}

let root: string;
beforeAll(() => {
  root = tempDir('xmi-fuzz');
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** How often each finding (without its position) is given. */
function tally(findings: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f, (counts.get(f) ?? 0) + 1);
  return counts;
}

const MODEL_FILES = new Set(['informatiemodel.yaml', 'objecttypen.yaml', 'datatypes.yaml']);

/** Imports `bytes` with the command; what it printed, its exit code and what is wrong with how it did it. */
async function importCase(dir: string, source: Source, bytes: Uint8Array) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, source.name);
  writeFileSync(file, bytes);
  const out = join(dir, 'model', 'uit');
  const problems: string[] = [];
  let run: { code: number; stdout: string; stderr: string };
  try {
    run = await mimgenInProcess(['import-xmi', file, '--out', out, ...source.args]);
  } catch (e) {
    return { code: -1, findings: [], problems: [`crash: ${(e as Error).stack ?? String(e)}`] };
  }
  if (![0, 1, 2].includes(run.code)) problems.push(`exit ${run.code}: ${run.stderr.slice(0, 2000)}`);
  const printed = positionedFindings(run.stderr, file, bytes, 'mimgen import-xmi: ');
  const findings = printed.findings;
  problems.push(...printed.problems);
  // Nothing half-written.
  const model = join(dir, 'model');
  const leftovers = existsSync(model) ? readdirSync(model).filter((e) => e !== 'uit') : [];
  if (leftovers.length > 0) problems.push(`left behind: ${leftovers.join(', ')}`);
  if (run.code === 2) {
    if (existsSync(out)) problems.push('exit 2, but the output folder was written');
  } else if (run.code === 0 || run.code === 1) {
    const written = existsSync(out) ? readdirSync(out) : [];
    if (!written.includes('informatiemodel.yaml')) problems.push(`exit ${run.code} without informatiemodel.yaml`);
    for (const f of written) {
      if (!MODEL_FILES.has(f)) problems.push(`unexpected file ${f}`);
      else
        try {
          parse(readFileSync(join(out, f), 'utf8'));
        } catch (e) {
          problems.push(`${f} is no YAML: ${(e as Error).message}`);
        }
    }
  }
  return { code: run.code, findings, problems };
}

describe(`1,000 mutations of the XMI files of the tests (seed ${SEED})`, () => {
  const outcomes: Outcome[] = [];

  it(
    'imports each without a crash, with every problem positioned and nothing half-written',
    { timeout: 600_000 },
    async () => {
      const share = Math.floor(TOTAL / SOURCES.length);
      let n = 0;
      for (const [s, source] of SOURCES.entries()) {
        const base = await importCase(join(root, `${s}-base`), source, source.bytes);
        expect(base.problems, `${source.name} unmutated`).toEqual([]);
        expect(base.code, `${source.name} unmutated`).not.toBe(2);
        const known = tally(base.findings);
        const count = s === 0 ? TOTAL - share * (SOURCES.length - 1) : share;
        for (const mutation of mutations(source.bytes, count, SEED + s)) {
          const dir = join(root, `${s}-${n++}`);
          const r = await importCase(dir, source, mutation.bytes);
          const found = tally(r.findings);
          const detected = r.code === 2 || [...found].some(([f, n]) => n > (known.get(f) ?? 0));
          outcomes.push({ source: source.name, mutation, code: r.code, detected, problems: r.problems });
          rmSync(dir, { recursive: true, force: true });
        }
      }

      const ran = outcomes.length;
      const detected = outcomes.filter((o) => o.detected).length;
      const table = MUTATION_KINDS.map((k: MutationKind) => {
        const of = outcomes.filter((o) => o.mutation.kind === k);
        const exit = (c: number) => of.filter((o) => o.code === c).length;
        return `  ${k.padEnd(18)} ${String(of.length).padStart(4)} ran, ${String(of.filter((o) => o.detected).length).padStart(4)} detected (exit 2: ${exit(2)}, exit 1: ${exit(1)}, exit 0: ${exit(0)})`;
      });
      console.log(
        [
          `XMI fuzz, seed ${SEED} (FUZZ_SEED=${SEED} repeats it), over ${SOURCES.map((s) => s.name).join(', ')}:`,
          `  ${ran} ran, ${detected} detected (${((100 * detected) / ran).toFixed(1)}%), ${ran - detected} without a finding the unmutated file does not give`,
          ...table,
        ].join('\n'),
      );

      // FUZZ_DUMP=<file> writes each case's source, kind, description, exit code and whether it was detected.
      if (process.env.FUZZ_DUMP)
        writeFileSync(
          process.env.FUZZ_DUMP,
          outcomes
            .map(
              (o) =>
                `${o.detected ? 'seen  ' : 'unseen'} ${o.code} ${o.source} ${o.mutation.kind}: ${o.mutation.description}`,
            )
            .join('\n'),
        );
      const failed = outcomes
        .filter((o) => o.problems.length > 0)
        .map((o) => `${o.source}: ${o.mutation.kind}: ${o.mutation.description}\n    ${o.problems.join('\n    ')}`);
      expect(failed, failed.slice(0, 10).join('\n')).toEqual([]);
      expect(ran).toBe(TOTAL);
      // A cut is always seen. A dropped or duplicated element, a garbage attribute or another encoding
      // sometimes changes nothing the model holds (an extension's empty tag, ISO-8859-5 for ASCII bytes).
      for (const k of ['truncate'] as const)
        expect(
          outcomes
            .filter((o) => o.mutation.kind === k && !o.detected)
            .map((o) => `${o.source}: ${o.mutation.description}`),
          k,
        ).toEqual([]);
      expect(detected / ran).toBeGreaterThan(0.5);
    },
  );
});
