/**
 * Import speed of `mimgen import-xmi` on a synthetic Enterprise Architect export of about 2 MB (classes with
 * attributes, associations, generalisations and enumerations, written as EA writes it, windows-1252), against
 * parsing the same bytes with saxes alone (decoding them with TextDecoder, as the import must, and nothing
 * else): the ratio says what the import costs beyond reading the XML. Goal: the import of 2 MB under 1 s.
 * Also the whole command (read, import, write the folder) and the peak resident memory.
 *
 *   node --import tsx bench/import-xmi.ts [megabytes, default 2] [attributes per class, default 8]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SaxesParser } from 'saxes';
import { importXmiCommand } from '../generator/cli/import-xmi.ts';
import { importXmi } from '../generator/xmi/import.ts';
import { syntheticXmi } from '../test/xmi/synthetic.ts';
import { mb, rate, ratio } from './lib/measure.ts';

const target = Number(process.argv[2] ?? 2) * 1e6;
const attributes = Number(process.argv[3] ?? 8);
const make = (classes: number) =>
  Buffer.from(
    syntheticXmi({
      classes,
      attributesPerClass: attributes,
      enumerations: Math.ceil(classes / 10),
      valuesPerEnumeration: 8,
      encoding: 'windows-1252',
    }),
    'latin1',
  );
// The size grows with the number of classes in a straight line: measure one, scale to the target.
const probe = make(50).length;
const classes = Math.max(2, Math.round((50 * target) / probe));
const bytes = make(classes);
const dir = mkdtempSync(join(tmpdir(), 'mimgen-bench-xmi-'));
const file = join(dir, 'synthetisch.xml');
writeFileSync(file, bytes);

/** The median and the spread of `n` runs of `f`, after one to warm up (module loading, JIT). */
function median(n: number, f: () => void): { median: number; min: number; max: number } {
  f();
  const runs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    f();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return { median: runs[Math.floor(n / 2)]!, min: runs[0]!, max: runs[n - 1]! };
}

const saxes = median(7, () => {
  const text = new TextDecoder('windows-1252').decode(bytes);
  const parser = new SaxesParser({ xmlns: true, position: true });
  let elements = 0;
  parser.on('opentag', () => elements++);
  parser.write(text).close();
});

const options = { file, shared: [], map: new Map<string, string>(), omit: [], schema: 'informatiemodel.schema.json' };
let result = importXmi(bytes, options);
const imported = median(7, () => {
  result = importXmi(bytes, options);
});

// The whole command: read, import, write the folder all at once.
const out = join(dir, 'model', 'synthetisch');
const t = performance.now();
const stderr = process.stderr.write.bind(process.stderr);
process.stderr.write = (() => true) as typeof process.stderr.write;
const code = importXmiCommand(file, { out });
process.stderr.write = stderr;
const command = performance.now() - t;

const c = result.model.counts;
const ms = (m: { median: number; min: number; max: number }) =>
  `median ${m.median.toFixed(0)} ms (min ${m.min.toFixed(0)}, max ${m.max.toFixed(0)}) over 7 runs`;
console.log(
  `synthetic EA XMI of ${mb(bytes.length)}: ${classes} classes, ${c.attribuutsoorten} attributes, ${c.relatiesoorten} associations, ${c.generalisaties} generalisations, ${c.enumeraties} enumerations with ${c.waarden} values`,
);
console.log(`saxes alone (decode and parse, no tree): ${ms(saxes)}, ${rate(bytes.length, saxes.median / 1000)}`);
console.log(
  `import in memory (decode, parse, convert, YAML): ${ms(imported)}, ${rate(bytes.length, imported.median / 1000)}`,
);
console.log(
  `import / saxes alone: ${ratio(imported.median, saxes.median)}; goal: import of 2 MB under 1 s (${imported.median < (1000 * bytes.length) / 2e6 ? 'met' : 'not met'} at this size)`,
);
console.log(
  `import-xmi command (read, import, write ${[...result.files.keys()].join(', ')}): ${command.toFixed(0)} ms, exit ${code}`,
);
console.log(`output: ${mb([...result.files.values()].reduce((n, f) => n + Buffer.byteLength(f), 0))} of YAML`);
console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
rmSync(dir, { recursive: true, force: true });
