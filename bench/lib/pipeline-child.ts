/**
 * Child process of the generation benchmark: where the time goes. Loads a model folder and runs every
 * emitter one after the other, each timed, and prints the times (ms) as JSON. Run with MIMGEN_WERKERS=0 the
 * package emitter's worker work happens in line too, so each figure is that stage's own cost in one thread.
 * Usage: node --import tsx bench/lib/pipeline-child.ts <model folder>
 */
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import { EMITTERS, loadModel } from '../../generator/pipeline.ts';
import { invoerVan } from '../../generator/emit/invoer.ts';

const folder = process.argv[2]!;
const times: Record<string, number> = {};
const t0 = performance.now();
const loaded = loadModel(folder, fileSystemReader);
times.load = performance.now() - t0;
if (!loaded.uitwisselmodel)
  throw new Error(
    `${folder} does not load: ${loaded.findings
      .slice(0, 3)
      .map((f) => f.message)
      .join('; ')}`,
  );
let files = 0;
for (const emit of EMITTERS) {
  const t = performance.now();
  files += (await emit(invoerVan(loaded.uitwisselmodel), {})).size;
  times[emit.name] = performance.now() - t;
}
times.pipeline = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ times, files, findings: loaded.findings.length })}\n`);
