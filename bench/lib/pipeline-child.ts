/**
 * Child process of the generation benchmark: loads a model folder and runs every emitter, timing each step,
 * and prints the times (ms) as JSON. Usage: node --import tsx bench/lib/pipeline-child.ts <model folder>
 */
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import { EMITTERS, loadModel, voorbereiden } from '../../generator/pipeline.ts';

const folder = process.argv[2]!;
const times: Record<string, number> = {};
const t0 = performance.now();
voorbereiden();
const loaded = loadModel(folder, fileSystemReader);
times.load = performance.now() - t0;
if (!loaded.uitwisselmodel) throw new Error(`${folder} does not load: ${loaded.findings.slice(0, 3).map((f) => f.message).join('; ')}`);
// As emitModel runs them: together, each timed from the start to its result.
const t1 = performance.now();
const sizes = await Promise.all(
  EMITTERS.map(async (emit) => {
    const n = (await emit(loaded.uitwisselmodel!)).size;
    times[emit.name] = performance.now() - t1;
    return n;
  }),
);
const files = sizes.reduce((a, b) => a + b, 0);
times.pipeline = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ times, files, findings: loaded.findings.length })}\n`);
