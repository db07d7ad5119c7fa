/**
 * Robustness, measured (issue 16, item 4, MIM-XML): 1,000 mutations of the MIM-XML files of the tests (the
 * exports of both DDAS models and of the test model with every construct, and Geonovum's four samples when
 * ../shared/reference is there), each imported by `mimgen import` in this process. The mutations are those of
 * test/fuzz/mutations.ts (truncation, dropped and duplicated elements, garbage attributes, wrong encodings); its
 * wrong idrefs look for XMI's reference attributes, so MIM-XML's own, xlink:href="#id", are mutated here the
 * same way (another id of the file, an id of none, empty, a space). No crash (exit 0, 1 or 2 only); every
 * problem printed as `file:line:col  severity  rule  message` inside the file; nothing half-written (exit 2:
 * no output folder; 0 or 1: informatiemodel.yaml and gedeeld/*.yaml only, each YAML; no temporary folders
 * left). A mutation counts as detected when the import refuses the file or reports a finding the unmutated
 * file does not give. The seed is fixed (FUZZ_SEED repeats another run) and printed with the figures.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import { exportMimXml } from '../../generator/mimxml/export.ts';
import { loadInformatiemodel } from '../../generator/model/load.ts';
import { MUTATION_KINDS, mutations, positionedFindings, random, seedFromEnv } from '../fuzz/mutations.ts';
import { memoryReader } from '../diff/helpers.ts';
import { mimgenInProcess, repoRoot, tempDir } from '../xmi/helpers.ts';
import { CONSTRUCTS, GEDEELD } from './constructs.ts';
import { MIM_XML_REFERENCE } from './helpers.ts';

const SEED = seedFromEnv(20_261_204);
const TOTAL = 1000;
const KINDS = [...MUTATION_KINDS.filter((k) => k !== 'wrong-idref'), 'wrong-href'] as const;
type Kind = (typeof KINDS)[number];
interface Case {
  kind: Kind;
  description: string;
  bytes: Uint8Array;
}

interface Source {
  name: string;
  /** The file's own name, which Geonovum's samples refer to themselves by. */
  file?: string;
  bytes: Uint8Array;
}

function ddas(naam: string): Source {
  const { model } = loadInformatiemodel(join(repoRoot, 'model', naam), fileSystemReader);
  return { name: `${naam}.xml`, bytes: Buffer.from(exportMimXml(model!, { versie: '1.2' })) };
}
const constructs = loadInformatiemodel(
  'model/t',
  memoryReader({ 'model/t/informatiemodel.yaml': CONSTRUCTS, 'model/gedeeld/gedeeld.yaml': GEDEELD }),
).model!;
const SOURCES: Source[] = [
  { name: 'constructs-1.1.1.xml', bytes: Buffer.from(exportMimXml(constructs, { versie: '1.1.1' })) },
  ddas('vroegsignalering'),
  ddas('schuldhulpverlening'),
  ...['1.1.1/relatiesoort1.xml', '1.1.1/relatierol1.xml', '1.2/relatiesoort1.xml', '1.2/relatierol1.xml']
    .map((f) => join(MIM_XML_REFERENCE, f))
    .filter((f) => existsSync(f))
    .map((f) => ({ name: f.split('/').slice(-2).join('-'), file: f.split('/').pop(), bytes: readFileSync(f) })),
];

/** xlink:href="#id" made another id of the file, an id of none, empty or a space (seeded, like the other kinds). */
function wrongHref(bytes: Uint8Array, next: () => number): Case {
  const text = Buffer.from(bytes).toString('latin1');
  const hrefs = [...text.matchAll(/xlink:href="([^"]*)"/g)].map((m) => ({ value: m[1]!, start: m.index + 12 }));
  const ids = [...new Set([...text.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!))];
  if (hrefs.length === 0 || ids.length === 0)
    return { ...mutations(bytes, 1, Math.floor(next() * 1e9), ['truncate'])[0]!, kind: 'truncate' };
  const r = hrefs[Math.floor(next() * hrefs.length)]!;
  const choice = next();
  const value =
    choice < 0.4
      ? `#${ids[Math.floor(next() * ids.length)]}`
      : choice < 0.8
        ? `#FUZZ_${Math.floor(next() * 1e6)}`
        : choice < 0.9
          ? ''
          : ' ';
  return {
    kind: 'wrong-href',
    description: `xlink:href="${r.value}" at byte ${r.start} made "${value}"`,
    bytes: Buffer.from(text.slice(0, r.start) + value + text.slice(r.start + r.value.length), 'latin1'),
  };
}

/** `count` mutations, the kinds in turn. */
function cases(bytes: Uint8Array, count: number, seed: number): Case[] {
  const next = random(seed);
  const per = mutations(
    bytes,
    count,
    seed + 1,
    MUTATION_KINDS.filter((k) => k !== 'wrong-idref'),
  );
  let j = 0;
  // The other kinds in turn, as mutations() gives them (a kind that finds nothing to mutate falls back on another).
  return Array.from({ length: count }, (_, i) =>
    i % KINDS.length === KINDS.length - 1 ? wrongHref(bytes, next) : (per[j++] as Case),
  );
}

const root = tempDir('mimxml-fuzz');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tally(findings: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f, (counts.get(f) ?? 0) + 1);
  return counts;
}

async function importCase(dir: string, name: string, bytes: Uint8Array) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const out = join(dir, 'model', 'uit');
  const problems: string[] = [];
  let run: { code: number; stdout: string; stderr: string };
  try {
    run = await mimgenInProcess(['import', file, '--out', out]);
  } catch (e) {
    return { code: -1, findings: [], problems: [`crash: ${(e as Error).stack ?? String(e)}`] };
  }
  if (![0, 1, 2].includes(run.code)) problems.push(`exit ${run.code}: ${run.stderr.slice(0, 2000)}`);
  const printed = positionedFindings(run.stderr, file, bytes, 'mimgen import: ');
  const findings = printed.findings;
  problems.push(...printed.problems);
  const model = join(dir, 'model');
  const leftovers = existsSync(model) ? readdirSync(model).filter((e) => e !== 'uit') : [];
  if (leftovers.length > 0) problems.push(`left behind: ${leftovers.join(', ')}`);
  if (run.code === 2) {
    if (existsSync(out)) problems.push('exit 2, but the output folder was written');
  } else if (run.code === 0 || run.code === 1) {
    const written = existsSync(out) ? readdirSync(out) : [];
    if (!written.includes('informatiemodel.yaml')) problems.push(`exit ${run.code} without informatiemodel.yaml`);
    const files = written.flatMap((f) =>
      f === 'gedeeld' ? readdirSync(join(out, f)).map((g) => `gedeeld/${g}`) : [f],
    );
    for (const f of files) {
      if (f !== 'informatiemodel.yaml' && !/^gedeeld\/[a-z0-9][a-z0-9._-]*\.yaml$/.test(f))
        problems.push(`unexpected file ${f}`);
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

describe(`1,000 mutations of the MIM-XML files of the tests (seed ${SEED})`, () => {
  it(
    'imports each without a crash, with every problem positioned and nothing half-written',
    { timeout: 600_000 },
    async () => {
      const outcomes: {
        source: string;
        kind: Kind;
        description: string;
        code: number;
        detected: boolean;
        problems: string[];
      }[] = [];
      const share = Math.floor(TOTAL / SOURCES.length);
      let n = 0;
      const started = performance.now();
      for (const [s, source] of SOURCES.entries()) {
        const base = await importCase(join(root, `${s}-base`), source.file ?? source.name, source.bytes);
        expect(base.problems, `${source.name} unmutated`).toEqual([]);
        expect(base.code, `${source.name} unmutated`).not.toBe(2);
        const known = tally(base.findings);
        const count = s === 0 ? TOTAL - share * (SOURCES.length - 1) : share;
        for (const mutation of cases(source.bytes, count, SEED + s)) {
          const dir = join(root, `${s}-${n++}`);
          const r = await importCase(dir, source.file ?? source.name, mutation.bytes);
          const found = tally(r.findings);
          const detected = r.code === 2 || [...found].some(([f, c]) => c > (known.get(f) ?? 0));
          outcomes.push({
            source: source.name,
            kind: mutation.kind,
            description: mutation.description,
            code: r.code,
            detected,
            problems: r.problems,
          });
          rmSync(dir, { recursive: true, force: true });
        }
      }
      const seconds = (performance.now() - started) / 1000;

      const ran = outcomes.length;
      const detected = outcomes.filter((o) => o.detected).length;
      const table = KINDS.map((k) => {
        const of = outcomes.filter((o) => o.kind === k);
        const exit = (c: number) => of.filter((o) => o.code === c).length;
        return `  ${k.padEnd(18)} ${String(of.length).padStart(4)} ran, ${String(of.filter((o) => o.detected).length).padStart(4)} detected (exit 2: ${exit(2)}, exit 1: ${exit(1)}, exit 0: ${exit(0)})`;
      });
      console.log(
        [
          `MIM-XML fuzz, seed ${SEED} (FUZZ_SEED=${SEED} repeats it), over ${SOURCES.map((s) => s.name).join(', ')}:`,
          `  ${ran} ran in ${seconds.toFixed(1)} s, ${detected} detected (${((100 * detected) / ran).toFixed(1)}%), ${ran - detected} without a finding the unmutated file does not give`,
          ...table,
        ].join('\n'),
      );
      if (process.env.FUZZ_DUMP)
        writeFileSync(
          process.env.FUZZ_DUMP,
          outcomes
            .map((o) => `${o.detected ? 'seen  ' : 'unseen'} ${o.code} ${o.source} ${o.kind}: ${o.description}`)
            .join('\n'),
        );
      const failed = outcomes
        .filter((o) => o.problems.length > 0)
        .map((o) => `${o.source}: ${o.kind}: ${o.description}\n    ${o.problems.join('\n    ')}`);
      expect(failed, failed.slice(0, 10).join('\n')).toEqual([]);
      expect(ran).toBe(TOTAL);
      // A cut is always seen, and so is a reference made to name nothing.
      expect(
        outcomes.filter((o) => o.kind === 'truncate' && !o.detected).map((o) => `${o.source}: ${o.description}`),
      ).toEqual([]);
      expect(
        outcomes
          .filter((o) => o.kind === 'wrong-href' && /made "(#FUZZ_\d+|)"$/.test(o.description) && !o.detected)
          .map((o) => `${o.source}: ${o.description}`),
      ).toEqual([]);
      expect(detected / ran).toBeGreaterThan(0.5);
    },
  );
});
