/**
 * Import speed of `mimgen import-xmi` on a synthetic Enterprise Architect export of 500 classes (with
 * attributes, associations, generalisations and enumerations), written as EA writes it (windows-1252).
 * Prints the time of each phase and the peak resident memory.
 *
 *   node --import tsx bench/import-xmi.ts [classes] [attributes per class]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importXmiCommand } from '../generator/cli/import-xmi.ts';
import { importXmi } from '../generator/xmi/import.ts';
import { syntheticXmi } from '../test/xmi/synthetic.ts';

const classes = Number(process.argv[2] ?? 500);
const attributes = Number(process.argv[3] ?? 8);
const text = syntheticXmi({
  classes,
  attributesPerClass: attributes,
  enumerations: Math.ceil(classes / 10),
  valuesPerEnumeration: 8,
  encoding: 'windows-1252',
});
const bytes = Buffer.from(text, 'latin1');
const dir = mkdtempSync(join(tmpdir(), 'mimgen-bench-xmi-'));
const file = join(dir, 'synthetisch.xml');
writeFileSync(file, bytes);

const options = { file, shared: [], map: new Map<string, string>(), omit: [], schema: 'informatiemodel.schema.json' };
// Warm up once (module loading, JIT), then measure the median of five in-memory imports.
importXmi(bytes, options);
const runs: number[] = [];
let result = importXmi(bytes, options);
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  result = importXmi(bytes, options);
  runs.push(performance.now() - t);
}
runs.sort((a, b) => a - b);

// The whole command: read, import, write the folder all at once.
const out = join(dir, 'model', 'synthetisch');
const t = performance.now();
const stderr = process.stderr.write.bind(process.stderr);
process.stderr.write = (() => true) as typeof process.stderr.write;
const code = importXmiCommand(file, { out });
process.stderr.write = stderr;
const command = performance.now() - t;

const c = result.model.counts;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
console.log(
  `synthetic XMI: ${classes} classes, ${c.attribuutsoorten} attributes, ${c.relatiesoorten} associations, ${c.generalisaties} generalisations, ${c.enumeraties} enumerations with ${c.waarden} values; ${mb(bytes.length)}`,
);
console.log(
  `import in memory (decode, parse, convert, YAML): median ${runs[2]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)}, max ${runs[4]!.toFixed(0)}) over 5 runs`,
);
console.log(
  `import-xmi command (read, import, write ${[...result.files.keys()].join(', ')}): ${command.toFixed(0)} ms, exit ${code}`,
);
console.log(`output: ${mb([...result.files.values()].reduce((n, f) => n + Buffer.byteLength(f), 0))} of YAML`);
console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
rmSync(dir, { recursive: true, force: true });
