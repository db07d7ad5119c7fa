/**
 * Child process of the validation benchmark: the usual way, the whole file read into one string, JSON.parse,
 * then Ajv compiled on the published schema. Prints the times as JSON.
 * Usage: node --import tsx bench/lib/usual.ts <file> <schema.json>
 */
import { readFileSync } from 'node:fs';
import { ajvMetFormats } from '../../generator/common/ajv.ts';

const [file, schemaFile] = process.argv.slice(2) as [string, string];
const t0 = process.hrtime.bigint();
const ajv = ajvMetFormats({ allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
const t1 = process.hrtime.bigint();
const doc = JSON.parse(readFileSync(file, 'utf8')) as unknown;
const t2 = process.hrtime.bigint();
const valid = validate(doc);
const t3 = process.hrtime.bigint();
const s = (a: bigint, b: bigint) => Number(b - a) / 1e9;
process.stdout.write(
  `${JSON.stringify({ compile: s(t0, t1), parse: s(t1, t2), validate: s(t2, t3), valid, errors: validate.errors?.length ?? 0 })}\n`,
);
