/**
 * Streaming validation of large deliveries: MB/s and peak RSS of `mimgen validate` (a child process, run as a
 * user runs it), against (a) JSON.parse of the same bytes alone, the ceiling, and (b) JSON.parse plus Ajv on
 * the published schema, the usual way, where the file fits in one string. Deliveries of 1,000,000 and 100,000
 * Vroegsignalen (with their Vroegsignaalzaken and Contactpogingen) and of 200,000 Schuldhulptrajecten are
 * written to a temporary folder first, two-space indented like the published examples, 10,000 records per
 * Levering. Prints figures and ratios; it asserts nothing. The machine's load average is printed beside them:
 * throughput on a shared machine is only comparable within one run.
 *
 * MIMGEN_BENCH_RECORDS sets the size of the large Vroegsignalering delivery (default 1,000,000).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeDelivery, type Model } from '../test/stream/delivery.ts';
import { best, HAS_TIME, load, mb, rate, ratio, run } from './lib/measure.ts';

const ROOT = resolve(import.meta.dirname, '..');
const REFERENCE = resolve(ROOT, '../shared/reference');
const PUBLISHED: Record<Model, string> = {
  vroegsignalering: join(REFERENCE, 'vroegsignalering', 'v0.9', 'json_schema_Uitwisselmodel.json'),
  schuldhulpverlening: join(REFERENCE, 'schuldhulpverlening', 'v1.0', 'json_schema_Uitwisselmodel.json'),
};
const GROOT = Number(process.env.MIMGEN_BENCH_RECORDS ?? 1_000_000);
/** A JavaScript string holds at most 2^29 - 24 UTF-16 code units; the usual way needs the whole file in one. */
const MAX_STRING = 2 ** 29 - 24;
const NODE = process.execPath;

/** The package without the CLI around it: node, the generated dist, nothing else. */
const API = `
const [model, file, mode] = process.argv.slice(1);
const pkg = await import(${JSON.stringify(`${ROOT}/generated/`)} + model + '/dist/index.js');
const t0 = process.hrtime.bigint();
const size = (await import('node:fs')).statSync(file).size;
const curve = [];
const r = await pkg.validateFile(file, { ...(mode === 'single' ? { worker: false } : {}), onProgress: (v) => { if (v.bytes >= (curve.length + 1) * size / 4) curve.push(Math.round(process.memoryUsage().rss / 1e6)); } });
const s = Number(process.hrtime.bigint() - t0) / 1e9;
process.stdout.write(JSON.stringify({ valid: r.valid, errors: r.errors.length, records: r.records, seconds: s, curve }) + '\\n');
process.stderr.write('maxRSS ' + process.resourceUsage().maxRSS + '\\n');
`;

/** The validate command on its own: tsx and generator/cli/validate.ts, not main.ts with every command. */
const LAZY = `
const [model, file] = process.argv.slice(1);
const { validateCommand } = await import(${JSON.stringify(`${ROOT}/generator/cli/validate.ts`)});
process.exitCode = await validateCommand(file, { model, json: true });
`;

const dir = mkdtempSync(join(tmpdir(), 'mimgen-bench-'));
console.log(
  `validate-stream: load average ${load()} (2 cores: ${HAS_TIME ? 'peak RSS from /usr/bin/time -v' : 'peak RSS reported by each child'})`,
);

interface Levering {
  naam: string;
  model: Model;
  file: string;
  bytes: number;
  records: number;
  ranges: string;
}

function schrijf(naam: string, model: Model, records: number): Levering {
  const file = join(dir, `${naam}.json`);
  const t = performance.now();
  const info = writeDelivery(file, { model, records, perLevering: 10_000 });
  const ranges = join(dir, `${naam}.ranges.json`);
  writeFileSync(ranges, JSON.stringify(info.leveringRanges));
  const n = info.records + info.zaken;
  console.log(
    `  wrote ${naam}: ${mb(info.bytes)}, ${n.toLocaleString('en')} records (${info.leveringen} Leveringen) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  return { naam, model, file, bytes: info.bytes, records: n, ranges };
}

try {
  const leveringen = [
    schrijf(`vroegsignalering-${GROOT}`, 'vroegsignalering', GROOT),
    schrijf('vroegsignalering-100000', 'vroegsignalering', 100_000),
    schrijf('schuldhulpverlening-200000', 'schuldhulpverlening', 200_000),
  ];
  const klein = join(dir, 'klein.json');
  writeFileSync(klein, '{}');
  // What starting `mimgen validate` costs (tsx, the CLI's imports), measured on a file of two bytes.
  const start = best(3, () =>
    run(NODE, [join(ROOT, 'bin', 'mimgen.js'), 'validate', '--model', 'vroegsignalering', klein]),
  );
  console.log(
    `\n  mimgen validate on a 2-byte file (start-up): ${start.wall.toFixed(2)} s, peak RSS ${start.rss?.toFixed(0)} MB`,
  );

  const rss: Record<string, number | undefined> = {};
  for (const l of leveringen) {
    console.log(`\n${l.naam}: ${mb(l.bytes)}, ${l.records.toLocaleString('en')} records`);
    const cli = best(2, () =>
      run(NODE, [join(ROOT, 'bin', 'mimgen.js'), 'validate', '--model', l.model, l.file, '--json']),
    );
    const cliOk =
      cli.status === 0 ? 'valid' : `exit ${cli.status}: ${cli.stdout.slice(0, 200)}${cli.stderr.slice(-300)}`;
    const netto = cli.wall - start.wall;
    console.log(
      `  mimgen validate       ${cli.wall.toFixed(2)} s  ${rate(l.bytes, cli.wall)} (${rate(l.bytes, netto)} without start-up)  peak RSS ${cli.rss?.toFixed(0)} MB  ${cliOk}`,
    );
    // The validate command loaded on its own, as main.ts would load it if it imported each command when run.
    const alleen = run(NODE, ['--import', 'tsx', '--input-type=module', '-e', LAZY, l.model, l.file]);
    console.log(
      `  validate command only ${alleen.wall.toFixed(2)} s  ${rate(l.bytes, alleen.wall)}  peak RSS ${alleen.rss?.toFixed(0)} MB (tsx and generator/cli/validate.ts, without the other commands' imports)`,
    );
    const api = best(2, () => run(NODE, ['--input-type=module', '-e', API, l.model, l.file]));
    const apiR = JSON.parse(api.stdout) as { seconds: number; valid: boolean; curve: number[] };
    console.log(
      `  package validateFile  ${apiR.seconds.toFixed(2)} s  ${rate(l.bytes, apiR.seconds)}  peak RSS ${api.rss?.toFixed(0)} MB (two threads; node and the package only; RSS at 1/4, 2/4, 3/4, 4/4 of the file: ${apiR.curve.join(', ')} MB)`,
    );
    const single = run(NODE, ['--input-type=module', '-e', API, l.model, l.file, 'single']);
    const singleR = JSON.parse(single.stdout) as { seconds: number };
    console.log(
      `  ... in one thread     ${singleR.seconds.toFixed(2)} s  ${rate(l.bytes, singleR.seconds)}  peak RSS ${single.rss?.toFixed(0)} MB`,
    );
    rss[l.naam] = cli.rss;
    rss[`${l.naam} api`] = api.rss;

    const ceilingRun = best(2, () =>
      run(NODE, ['--import', 'tsx', join(ROOT, 'bench', 'lib', 'ceiling.ts'), l.file, l.ranges]),
    );
    const ceiling = JSON.parse(ceilingRun.stdout) as { bytes: number; parse: number; all: number };
    console.log(
      `  (a) JSON.parse alone  ${ceiling.parse.toFixed(2)} s  ${rate(l.bytes, ceiling.parse)}; read + decode + JSON.parse ${ceiling.all.toFixed(2)} s  ${rate(l.bytes, ceiling.all)} (one Levering at a time)`,
    );
    console.log(
      `      ratio mimgen validate / JSON.parse alone: ${ratio(ceiling.parse, netto)} without start-up, ${ratio(ceiling.parse, cli.wall)} with; / read + decode + JSON.parse: ${ratio(ceiling.all, netto)}; package API / JSON.parse alone: ${ratio(ceiling.parse, apiR.seconds)}`,
    );

    if (l.bytes > MAX_STRING) {
      console.log(
        `  (b) JSON.parse + Ajv  skipped: ${mb(l.bytes)} does not fit in one JavaScript string (at most ${mb(MAX_STRING)}), so the usual way cannot read it`,
      );
    } else if (
      !PUBLISHED[l.model] ||
      !run(NODE, ['-e', `require('fs').accessSync(${JSON.stringify(PUBLISHED[l.model])})`]).status === false
    ) {
      console.log(`  (b) JSON.parse + Ajv  skipped: ${REFERENCE} is absent`);
    } else {
      const usualRun = run(NODE, [
        '--import',
        'tsx',
        join(ROOT, 'bench', 'lib', 'usual.ts'),
        l.file,
        PUBLISHED[l.model],
      ]);
      if (usualRun.status !== 0) console.log(`  (b) JSON.parse + Ajv  failed: ${usualRun.stderr.slice(-300)}`);
      else {
        const u = JSON.parse(usualRun.stdout) as {
          compile: number;
          parse: number;
          validate: number;
          valid: boolean;
          errors: number;
        };
        const s = u.parse + u.validate;
        console.log(
          `  (b) JSON.parse + Ajv  ${s.toFixed(2)} s  ${rate(l.bytes, s)} (read + parse ${u.parse.toFixed(2)} s, Ajv ${u.validate.toFixed(2)} s, compile ${u.compile.toFixed(2)} s)  peak RSS ${usualRun.rss?.toFixed(0)} MB  ${u.valid ? 'valid' : `${u.errors} errors`}`,
        );
        console.log(
          `      ratio mimgen validate / (b): ${ratio(s, netto)} without start-up; peak RSS ${ratio(cli.rss ?? 0, usualRun.rss ?? 1)} of (b)'s`,
        );
      }
    }
  }
  const groot = `vroegsignalering-${GROOT}`;
  console.log(
    `\npeak RSS from 100,000 to ${GROOT.toLocaleString('en')} Vroegsignalen: mimgen validate ${rss['vroegsignalering-100000']?.toFixed(0)} -> ${rss[groot]?.toFixed(0)} MB; package API ${rss['vroegsignalering-100000 api']?.toFixed(0)} -> ${rss[`${groot} api`]?.toFixed(0)} MB`,
  );
  console.log(`load average at the end ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
