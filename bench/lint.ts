/**
 * How long linting the models takes inside the process: `node --import tsx bench/lint.ts [runs]`.
 *
 * Loads every model under model/ (both DDAS models) N times, the way `mimgen lint` does (informatiemodel
 * and derivation), and prints the time of the first (cold) run and the mean of the rest, per lint of all
 * models together. Figures only; the tests do not time anything.
 */
import { fileSystemReader, discoverModels } from '../generator/cli/fs-reader.ts';
import { loadInformatiemodel } from '../generator/model/load.ts';
import { loadModel } from '../generator/pipeline.ts';

const runs = Number(process.argv[2] ?? 50);
const folders = discoverModels('model').map((m) => `model/${m}`);
if (folders.length === 0) {
  process.stderr.write('bench/lint.ts: no models under model/; run it from the repository root\n');
  process.exit(2);
}

function measure(label: string, lint: (folder: string) => { findings: unknown[] }): void {
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i <= runs; i++) {
    const start = performance.now();
    findings = 0;
    for (const folder of folders) findings += lint(folder).findings.length;
    times.push(performance.now() - start);
  }
  const [cold, ...warm] = times;
  const mean = warm.reduce((a, b) => a + b, 0) / warm.length;
  const sorted = [...warm].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  process.stdout.write(
    `${label.padEnd(36)} first ${cold!.toFixed(1).padStart(7)} ms   mean ${mean.toFixed(1).padStart(6)} ms   median ${median.toFixed(1).padStart(6)} ms   (${findings} findings)\n`,
  );
}

process.stdout.write(`${folders.join(' + ')}, ${runs} runs after the first\n`);
measure('informatiemodel (load + check)', (f) => loadInformatiemodel(f, fileSystemReader));
measure('lint (informatiemodel + derivation)', (f) => loadModel(f, fileSystemReader));
