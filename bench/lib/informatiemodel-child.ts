/**
 * Child process of the scale benchmark, for as long as `mimgen generate` refuses a model without a
 * derivation: what generating from the informatiemodel alone costs with what exists, in memory. Loads and
 * checks the informatiemodel (as lint does) and runs what needs only the informatiemodel: the informatiemodel
 * schema and the docs' informatiemodel diagrams, split. Prints the times (ms) as JSON.
 * Usage: node --import tsx bench/lib/informatiemodel-child.ts <model folder>
 */
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import { informatiemodelDiagrammen } from '../../generator/emit/docs/diagram-delen.ts';
import { emitInformatiemodelSchema } from '../../generator/emit/informatiemodel-schema/index.ts';
import { loadInformatiemodel } from '../../generator/model/load.ts';

const folder = process.argv[2]!;
const times: Record<string, number> = {};
const t0 = performance.now();
const { model } = loadInformatiemodel(folder, fileSystemReader);
times.load = performance.now() - t0;
if (!model) throw new Error(`${folder} does not load`);
let t = performance.now();
const files = emitInformatiemodelSchema(model, {});
times.informatiemodelSchema = performance.now() - t;
t = performance.now();
const delen = informatiemodelDiagrammen(model);
times.diagram = performance.now() - t;
times.total = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ times, files: files.size, pakketten: delen.pakketten?.length ?? 0 })}\n`);
