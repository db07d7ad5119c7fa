/**
 * Scale (issue 15, item 4): the whole municipal data model. A synthetic model shaped like the Gemeentelijk
 * Gegevensmodel (bench/lib/synthetic.ts, writeGemeentelijkModel) at 100 and 1,000 objecttypen (at 1,000:
 * 5,000 attribuutsoorten, 1,500 relatiesoorten, 100 enumeraties, 20 pakketten, 100 generalisaties, a
 * derivation that delivers 200 objecttypen). Two cases, each in a child process of its own, wall time and
 * peak RSS of the child:
 *
 * - with the derivation: the real `mimgen generate <model>` in a project folder (load, lint, derive, every
 *   emitter, the type-check of the package, writing generated/);
 * - the informatiemodel alone: `mimgen generate` on the same model without uitwisselmodel.yaml (docs,
 *   the informatiemodel's types, informatiemodel.schema.json).
 *
 * Then the growth from 100 to 1,000 objecttypen, and the goals (under 5 s, under 1 GB, growth at most 12x)
 * beside the figures. Prints figures; it asserts nothing. MIMGEN_BENCH_RUNS (default 3): runs per case, the
 * best reported.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { best, HAS_TIME, load, run, type Run } from './lib/measure.ts';
import { writeGemeentelijkModel } from './lib/synthetic.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const MIMGEN = join(ROOT, 'bin', 'mimgen.js');
const SIZES = (process.env.MIMGEN_BENCH_SIZES ?? '100,1000').split(',').map(Number);
const RUNS = Number(process.env.MIMGEN_BENCH_RUNS ?? 3);
const GOAL = { wall: 5, rss: 1024, growth: 12 };

console.log(
  `scale: load average ${load()}, ${cpus().length} cores (${HAS_TIME ? 'peak RSS from /usr/bin/time -v' : 'no /usr/bin/time: no RSS'}), best of ${RUNS} runs`,
);
interface Rij {
  n: number;
  geval: string;
  r: Run & { slowest: number };
  opmerking: string;
}
const rijen: Rij[] = [];
const dir = mkdtempSync(join(tmpdir(), 'mimgen-gemeentelijk-'));
try {
  for (const n of SIZES) {
    const met = join(dir, `met${n}`);
    const zonder = join(dir, `zonder${n}`);
    mkdirSync(join(met, 'model'), { recursive: true });
    mkdirSync(join(zonder, 'model'), { recursive: true });
    const { telling } = writeGemeentelijkModel(join(met, 'model'), n);
    writeGemeentelijkModel(join(zonder, 'model'), n, false);
    console.log(
      `  model gemeentelijk${n}: ${telling.objecttypen} objecttypen, ${telling.attribuutsoorten} attribuutsoorten, ${telling.relatiesoorten} relatiesoorten, ${telling.enumeraties} enumeraties, ${telling.pakketten} pakketten, ${telling.generalisaties} generalisaties; derivation of ${telling.geleverd} objecttypen`,
    );
    const r = best(RUNS, () => run(NODE, [MIMGEN, 'generate', `gemeentelijk${n}`], met));
    rijen.push({ n, geval: 'with derivation', r, opmerking: 'mimgen generate, writes generated/' });

    const z = best(RUNS, () => run(NODE, [MIMGEN, 'generate', `gemeentelijk${n}`], zonder));
    rijen.push({ n, geval: 'informatiemodel only', r: z, opmerking: 'mimgen generate, no uitwisselmodel.yaml' });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** CPU time (user + system) of the child, from /usr/bin/time -v: what the machine's other work does not add to. */
const cpu = (r: Run): string => {
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1];
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1];
  return user && sys ? (Number(user) + Number(sys)).toFixed(2) : '?';
};
console.log('\n  objecttypen  case                  wall (s)  slowest  CPU (s)  peak RSS  exit  how');
for (const { n, geval, r, opmerking } of rijen)
  console.log(
    `  ${String(n).padStart(11)}  ${geval.padEnd(20)}  ${r.wall.toFixed(2).padStart(8)}  ${r.slowest.toFixed(2).padStart(7)}  ${cpu(r).padStart(7)}  ${(r.rss?.toFixed(0) ?? '?').padStart(5)} MB  ${String(r.status).padStart(4)}  ${opmerking}`,
  );
for (const geval of new Set(rijen.map((r) => r.geval))) {
  const xs = rijen.filter((r) => r.geval === geval);
  if (xs.length < 2) continue;
  const a = xs[0]!;
  const b = xs[xs.length - 1]!;
  const groei = b.r.wall / a.r.wall;
  console.log(
    `  ${geval}, ${a.n} -> ${b.n} objecttypen: wall ${groei.toFixed(1)}x (goal at most ${GOAL.growth}x), peak RSS ${((b.r.rss ?? 0) / (a.r.rss ?? 1)).toFixed(1)}x; at ${b.n}: ${b.r.wall.toFixed(2)} s (goal under ${GOAL.wall} s), ${b.r.rss?.toFixed(0)} MB (goal under ${GOAL.rss} MB)`,
  );
}
console.log(`load average at the end ${load()}`);
