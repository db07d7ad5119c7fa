/**
 * Part of `npm run build`: compiles the validators of mimgen's own file formats (schema/<format>.schema.json)
 * ahead, as Ajv's standalone code, to dist/format-validators/<format>.cjs, where formatChecker
 * (generator/model/structure.ts) finds them. Compiling the informatiemodel's schema took a quarter of a second
 * of every run of mimgen. Each module carries the fingerprint of the schema text it was compiled from, so a
 * schema changed after the build is compiled at run time again, never checked by a stale validator.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FORMATEN, formatValidatorCode, voorafPad } from '../dist/model/structure.js';

const root = new URL('../', import.meta.url);
mkdirSync(new URL('dist/format-validators/', root), { recursive: true });
for (const formaat of FORMATEN) {
  const tekst = readFileSync(new URL(`schema/${formaat}.schema.json`, root), 'utf8');
  writeFileSync(fileURLToPath(new URL(voorafPad(formaat), root)), formatValidatorCode(tekst));
}
