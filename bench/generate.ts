/**
 * Generation: `mimgen generate --check` on both models (all the work of generate, nothing written), and the
 * real `mimgen generate` on a synthetic model the size of the whole municipal data model, 50 to 500
 * objecttypen of ten attribuutsoorten each (500 objecttypen: 5,000 attribuutsoorten), in a project folder of
 * its own: wall time and peak RSS of the command, which writes every file. Then where the time goes: the
 * same pipeline in one thread (MIMGEN_WERKERS=0), one stage after the other, each timed: what each stage
 * costs, and how much the worker thread saves. Prints figures and how they grow; it asserts nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeSyntheticModel } from './lib/synthetic.ts';
import { V8_BATCH_FLAGS } from '../bin/v8-batch.js';
import { best, HAS_TIME, load, run } from './lib/measure.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const MIMGEN = join(ROOT, 'bin', 'mimgen.js');
const SIZES = (process.env.MIMGEN_BENCH_SIZES ?? '50,100,200,500').split(',').map(Number);
/** Runs per size; the best is reported (the machine's other work only ever adds time). */
const RUNS = Number(process.env.MIMGEN_BENCH_RUNS ?? 3);

function grootte(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true }))
    n += e.isDirectory() ? grootte(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}

console.log(
  `generate: load average ${load()} (${HAS_TIME ? 'peak RSS from /usr/bin/time -v' : 'no /usr/bin/time: no RSS'})`,
);
for (const args of [[], ['vroegsignalering'], ['schuldhulpverlening']]) {
  const r = run(NODE, [MIMGEN, 'generate', '--check', ...args], ROOT);
  console.log(
    `  mimgen generate --check ${args.join(' ') || '(both models)'}: ${r.wall.toFixed(2)} s wall, peak RSS ${r.rss?.toFixed(0)} MB (exit ${r.status})`,
  );
}
const start = run(NODE, [MIMGEN, '--help'], ROOT);
console.log(`  (mimgen --help, the start-up alone: ${start.wall.toFixed(2)} s, peak RSS ${start.rss?.toFixed(0)} MB)`);

const dir = mkdtempSync(join(tmpdir(), 'mimgen-synthetic-'));
try {
  console.log(
    `\nsynthetic models: \`mimgen generate <model>\` in a project folder of its own, writing generated/ (best of ${RUNS} runs)`,
  );
  console.log('  objecttypen  attribuutsoorten  wall (s)  slowest run  peak RSS  files written');
  const rows: { n: number; wall: number; rss: number | undefined }[] = [];
  for (const n of SIZES) {
    const project = join(dir, `project${n}`);
    mkdirSync(project);
    writeSyntheticModel(join(project, 'model'), n);
    const r = best(RUNS, () => run(NODE, [MIMGEN, 'generate', `synthetisch${n}`], project));
    if (r.status !== 0) {
      console.log(`  ${n}: failed (exit ${r.status}): ${r.stderr.slice(-400)}`);
      continue;
    }
    const out = join(project, 'generated', `synthetisch${n}`);
    console.log(
      `  ${String(n).padStart(11)}  ${String(n * 10).padStart(16)}  ${r.wall.toFixed(2).padStart(8)}  ${r.slowest.toFixed(2).padStart(11)}  ${r.rss?.toFixed(0).padStart(5)} MB  ${(grootte(out) / 1e6).toFixed(1)} MB`,
    );
    rows.push({ n, wall: r.wall, rss: r.rss });
  }
  if (rows.length > 1) {
    const a = rows[0]!;
    const b = rows[rows.length - 1]!;
    console.log(
      `  from ${a.n} to ${b.n} objecttypen (${(b.n / a.n).toFixed(0)}x): wall ${(b.wall / a.wall).toFixed(1)}x, peak RSS ${((b.rss ?? 0) / (a.rss ?? 1)).toFixed(1)}x`,
    );
    for (let i = 1; i < rows.length; i++) {
      const p = rows[i - 1]!;
      const q = rows[i]!;
      console.log(
        `    ${p.n} -> ${q.n}: +${(q.wall - p.wall).toFixed(2)} s, ${(((q.wall - p.wall) / (q.n - p.n)) * 1000).toFixed(1)} ms per objecttype`,
      );
    }
  }

  const n = SIZES[SIZES.length - 1]!;
  console.log(`\nwhere the time goes at ${n} objecttypen: the pipeline in one thread, one stage after the other (s)`);
  const folder = join(dir, `project${n}`, 'model', `synthetisch${n}`);
  // With the V8 flags that mimgen runs its batch commands with, so that the stages cost what they cost there.
  const r = run(
    NODE,
    [...V8_BATCH_FLAGS, '--import', 'tsx', join(ROOT, 'bench', 'lib', 'pipeline-child.ts'), folder],
    ROOT,
    { ...process.env, MIMGEN_WERKERS: '0' },
  );
  if (r.status === 0) {
    const { times } = JSON.parse(r.stdout) as { times: Record<string, number> };
    console.log(
      `  ${Object.entries(times)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`)
        .join(', ')}`,
    );
    const gemeten = rows.find((x) => x.n === n);
    if (gemeten)
      console.log(
        `  the command with its worker thread: ${gemeten.wall.toFixed(2)} s wall; in one thread the pipeline alone takes ${(times.pipeline! / 1000).toFixed(2)} s`,
      );
  } else console.log(`  failed: ${r.stderr.slice(-400)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`load average at the end ${load()}`);
