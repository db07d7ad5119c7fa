/**
 * Start-up of the CLI against a bare node in the same run: `node -e 0`, `mimgen --help`, `mimgen --version`
 * and `mimgen lint vroegsignalering`, the median wall time of RUNS runs each. The commands take turns, so
 * that a busy moment of the machine falls on all of them alike. Runs the compiled CLI (dist/), as an
 * installed mimgen does; `npm run bench` builds first. Goal: --help within 3× a bare node start.
 *
 *   node --import tsx bench/startup.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { load } from './lib/measure.ts';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Math.max(10, Number(process.argv[2] ?? 15));
const BIN = join(ROOT, 'bin', 'mimgen.js');

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.log('dist/ is not built; run npm run build (npm run bench does)');
  process.exit(0);
}

const commands: { label: string; args: string[] }[] = [
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: 'mimgen --help', args: [BIN, '--help'] },
  { label: 'mimgen --version', args: [BIN, '--version'] },
  { label: 'mimgen lint vroegsignalering', args: [BIN, 'lint', 'vroegsignalering'] },
];

function once(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return ms;
}

// One run of each first: the file system cache warm, as for a developer who runs mimgen twice.
for (const c of commands) once(c.args);
const times = commands.map(() => [] as number[]);
for (let i = 0; i < RUNS; i++) commands.forEach((c, j) => times[j]!.push(once(c.args)));

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const medians = times.map(median);
const bare = medians[0]!;
console.log(`start-up, median of ${RUNS} runs (wall time; load ${load()}; node ${process.version}):`);
commands.forEach((c, j) => {
  const sorted = [...times[j]!].sort((a, b) => a - b);
  console.log(
    `  ${c.label.padEnd(30)} ${medians[j]!.toFixed(0).padStart(5)} ms  ${(medians[j]! / bare).toFixed(2)}× bare node  (fastest ${sorted[0]!.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms)`,
  );
});
const help = medians[1]! / bare;
console.log(`  --help at ${help.toFixed(2)}× a bare node start: ${help <= 3 ? 'within' : 'over'} the goal of 3×`);
