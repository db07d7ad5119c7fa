/**
 * MIM-XML both ways on a synthetic model (bench/lib/synthetic.ts) exported to about 2 MB of MIM-XML: the import
 * (`importMimXml`: decode, parse, convert, YAML) against parsing the same bytes with saxes alone (TextDecoder and
 * saxes, nothing else), as a ratio, and the export of the resolved model. Goal as for XMI: an import of 2 MB under
 * 1 s. Figures only, printed.
 *
 *   node --import tsx bench/import-mim-xml.ts [megabytes, default 2]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SaxesParser } from 'saxes';
import { fileSystemReader } from '../generator/cli/fs-reader.ts';
import { exportMimXml } from '../generator/mimxml/export.ts';
import { importMimXml } from '../generator/mimxml/import.ts';
import { loadInformatiemodel } from '../generator/model/load.ts';
import type { Informatiemodel } from '../generator/model/types.ts';
import { writeSyntheticModel } from './lib/synthetic.ts';
import { mb, rate, ratio } from './lib/measure.ts';

const target = Number(process.argv[2] ?? 2) * 1e6;
const dir = mkdtempSync(join(tmpdir(), 'mimgen-bench-mimxml-'));
const model = (n: number): Informatiemodel => {
  const loaded = loadInformatiemodel(writeSyntheticModel(dir, n), fileSystemReader);
  if (!loaded.model) throw new Error('the synthetic model does not load');
  return loaded.model;
};
// The size grows with the number of objecttypen in a straight line: measure one, scale to the target.
const probe = Buffer.byteLength(exportMimXml(model(20), { versie: '1.2' }));
const n = Math.max(2, Math.round((20 * target) / probe));
const im = model(n);

function median(runs: number, f: () => void): { median: number; min: number; max: number } {
  f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, min: times[0]!, max: times[runs - 1]! };
}
const ms = (m: { median: number; min: number; max: number }) =>
  `median ${m.median.toFixed(0)} ms (min ${m.min.toFixed(0)}, max ${m.max.toFixed(0)}) over 7 runs`;

let xml = '';
const exported = median(7, () => {
  xml = exportMimXml(im, { versie: '1.2' });
});
const bytes = Buffer.from(xml);
const saxes = median(7, () => {
  const text = new TextDecoder('utf-8').decode(bytes);
  const parser = new SaxesParser({ xmlns: true, position: true });
  let elements = 0;
  parser.on('opentag', () => elements++);
  parser.write(text).close();
});
let result = importMimXml(bytes, { file: 'synthetisch.xml', schema: 'informatiemodel.schema.json' });
const imported = median(7, () => {
  result = importMimXml(bytes, { file: 'synthetisch.xml', schema: 'informatiemodel.schema.json' });
});
const c = result.counts;
console.log(
  `synthetic model of ${n} objecttypen as MIM-XML 1.2: ${mb(bytes.length)}; import gives ${c.objecttypen} objecttypen, ${c.attribuutsoorten} attribuutsoorten, ${c.relatiesoorten} relatiesoorten, ${c.enumeraties} enumeraties, ${result.findings.length} findings`,
);
console.log(`export (resolved model to MIM-XML text): ${ms(exported)}, ${rate(bytes.length, exported.median / 1000)}`);
console.log(`saxes alone (decode and parse, no tree): ${ms(saxes)}, ${rate(bytes.length, saxes.median / 1000)}`);
console.log(
  `import in memory (decode, parse, convert, YAML): ${ms(imported)}, ${rate(bytes.length, imported.median / 1000)}`,
);
console.log(
  `import / saxes alone: ${ratio(imported.median, saxes.median)}; goal: import of 2 MB under 1 s (${imported.median < (1000 * bytes.length) / 2e6 ? 'met' : 'not met'} at this size)`,
);
console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
rmSync(dir, { recursive: true, force: true });
