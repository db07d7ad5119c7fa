/**
 * How long validating the largest published example takes in-process: the package's precompiled validator
 * (Ajv standalone code plus the extra checks) against compiling the compat schema with Ajv at run time.
 * Prints figures and ratios; it asserts nothing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ajvMetFormats } from '../generator/common/ajv.ts';

const ROOT = resolve(import.meta.dirname, '..');
const REFERENCE = resolve(ROOT, '../shared/reference');

const VOORBEELDEN = [
  ['vroegsignalering', 'v0.9', ['enkelvoudigVoorbeeld', 'meervoudigVoorbeeld']],
  ['schuldhulpverlening', 'v1.0', ['enkelvoudigVoorbeeld', 'meervoudigVoorbeeld', 'meerdereLeveringenVoorbeeld']],
] as const;

function microseconds(run: () => void, minimumMs = 300): number {
  for (let i = 0; i < 200; i++) run();
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < BigInt(minimumMs) * 1_000_000n) {
    for (let i = 0; i < 100; i++) run();
    n += 100;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / 1000 / n;
}

if (!existsSync(REFERENCE)) {
  console.log(`validate-example: skipped, ${REFERENCE} is absent`);
  process.exit(0);
}

for (const [model, versie, voorbeelden] of VOORBEELDEN) {
  const grootste = [...voorbeelden]
    .map((v) => join(REFERENCE, model, versie, `${v}.json`))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  const doc = JSON.parse(readFileSync(grootste, 'utf8')) as unknown;
  const { validate } = (await import(join(ROOT, 'generated', model, 'dist', 'index.js'))) as {
    validate: (v: unknown) => { valid: boolean };
  };
  const schema = JSON.parse(
    readFileSync(join(ROOT, 'generated', model, 'uitwisselmodel.schema.json'), 'utf8'),
  ) as object;

  const precompiled = microseconds(() => validate(doc));
  const compileOnce = microseconds(() => {
    ajvMetFormats({ allErrors: true }).compile(schema)(doc);
  }, 1000);
  const compiled = ajvMetFormats({ allErrors: true }).compile(schema);
  const warm = microseconds(() => compiled(doc));
  console.log(
    `${model} ${grootste.split('/').pop()} (${statSync(grootste).size} bytes): ` +
      `precompiled validate() ${precompiled.toFixed(1)} µs; ` +
      `compile at run time + validate ${compileOnce.toFixed(0)} µs (${(compileOnce / precompiled).toFixed(0)}x); ` +
      `Ajv already compiled, schema only ${warm.toFixed(1)} µs`,
  );
}
