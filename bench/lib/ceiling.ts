/**
 * Child process of the validation benchmark: JSON.parse of a delivery's bytes alone, the ceiling. The file is
 * read in one piece per Levering (a file of a million records is over the 512 MiB a string can hold); the time
 * of JSON.parse alone (the string already decoded) and of reading, decoding and parsing together are printed
 * as JSON. Usage: node --import tsx bench/lib/ceiling.ts <file> <ranges.json>
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

const [file, rangesFile] = process.argv.slice(2) as [string, string];
const ranges = JSON.parse(readFileSync(rangesFile, 'utf8')) as [number, number][];
const fd = openSync(file, 'r');
let parse = 0n;
let all = 0n;
let bytes = 0;
for (const [start, length] of ranges) {
  const t0 = process.hrtime.bigint();
  const buf = Buffer.allocUnsafe(length);
  readSync(fd, buf, 0, length, start);
  const text = buf.toString('utf8');
  const t1 = process.hrtime.bigint();
  JSON.parse(text);
  const t2 = process.hrtime.bigint();
  parse += t2 - t1;
  all += t2 - t0;
  bytes += length;
}
closeSync(fd);
process.stdout.write(`${JSON.stringify({ bytes, parse: Number(parse) / 1e9, all: Number(all) / 1e9 })}\n`);
