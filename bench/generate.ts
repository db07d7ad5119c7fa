/**
 * Generation: `mimgen generate --check` on both models (all the work of generate, nothing written), and the
 * pipeline on a synthetic model the size of the whole municipal data model, 50 to 500 objecttypen of ten
 * attribuutsoorten each (500 objecttypen: 5,000 attribuutsoorten), with wall time and peak RSS of each run,
 * in its own process. Prints figures and how they grow; it asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeSyntheticModel } from './lib/synthetic.ts';
import { HAS_TIME, load, run } from './lib/measure.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const SIZES = (process.env.MIMGEN_BENCH_SIZES ?? '50,100,200,500').split(',').map(Number);

console.log(`generate: load average ${load()} (${HAS_TIME ? 'peak RSS from /usr/bin/time -v' : 'no /usr/bin/time: no RSS'})`);
for (const args of [[], ['vroegsignalering'], ['schuldhulpverlening']]) {
  const r = run(NODE, [join(ROOT, 'bin', 'mimgen.js'), 'generate', '--check', ...args], ROOT);
  console.log(`  mimgen generate --check ${args.join(' ') || '(both models)'}: ${r.wall.toFixed(2)} s wall, peak RSS ${r.rss?.toFixed(0)} MB (exit ${r.status})`);
}
const start = run(NODE, [join(ROOT, 'bin', 'mimgen.js'), '--help'], ROOT);
console.log(`  (mimgen --help, the start-up alone: ${start.wall.toFixed(2)} s, peak RSS ${start.rss?.toFixed(0)} MB)`);

const dir = mkdtempSync(join(tmpdir(), 'mimgen-synthetic-'));
try {
  console.log('\nsynthetic models: load + every emitter in one process (times in s; wall and RSS of the whole process)');
  console.log('  objecttypen  attribuutsoorten  load   json-schema  mapping  package  docs   pipeline  process wall  peak RSS');
  const rows: { n: number; pipeline: number; wall: number; rss: number | undefined }[] = [];
  for (const n of SIZES) {
    const folder = writeSyntheticModel(dir, n);
    const r = run(NODE, ['--import', 'tsx', join(ROOT, 'bench', 'lib', 'pipeline-child.ts'), folder], ROOT);
    if (r.status !== 0) {
      console.log(`  ${n}: failed: ${r.stderr.slice(-400)}`);
      continue;
    }
    const { times } = JSON.parse(r.stdout) as { times: Record<string, number> };
    const s = (k: string) => ((times[k] ?? 0) / 1000).toFixed(2).padStart(5);
    console.log(
      `  ${String(n).padStart(11)}  ${String(n * 10).padStart(16)}  ${s('load')}  ${s('emitJsonSchemas').padStart(11)}  ${s('emitMapping').padStart(7)}  ${s('emitPackage').padStart(7)}  ${s('emitDocs')}  ${s('pipeline').padStart(8)}  ${r.wall.toFixed(2).padStart(12)}  ${r.rss?.toFixed(0).padStart(5)} MB`,
    );
    rows.push({ n, pipeline: times.pipeline! / 1000, wall: r.wall, rss: r.rss });
  }
  if (rows.length > 1) {
    const a = rows[0]!;
    const b = rows[rows.length - 1]!;
    console.log(
      `  from ${a.n} to ${b.n} objecttypen (${(b.n / a.n).toFixed(0)}x): pipeline ${(b.pipeline / a.pipeline).toFixed(1)}x, process wall ${(b.wall / a.wall).toFixed(1)}x, peak RSS ${((b.rss ?? 0) / (a.rss ?? 1)).toFixed(1)}x`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`load average at the end ${load()}`);
