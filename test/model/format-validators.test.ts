/**
 * The validators of mimgen's own file formats, compiled ahead by `npm run build`
 * (scripts/format-validators.mjs, dist/format-validators/): used when they were compiled from the schema as it
 * is, never when the schema changed since, and saying exactly what a validator compiled at run time says.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Findings } from '../../generator/diagnostics/findings.ts';
import { FORMATEN, FormatChecker, formatChecker } from '../../generator/model/structure.ts';
import { yamlFiles } from './yaml-files.ts';
import { parseYamlFile } from '../../generator/model/yaml-source.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every YAML file of the tests and the models: right and wrong files of every format, to check with each. */
const FILES = [...yamlFiles(join(ROOT, 'model')), ...yamlFiles(join(ROOT, 'test', 'fixtures'))]
  .map((path) => {
    try {
      return parseYamlFile(path, readFileSync(path), new Findings());
    } catch {
      return undefined; // not text: never reaches a format checker
    }
  })
  .filter((f) => f?.data !== undefined);

describe.each(FORMATEN)('the format %s', (formaat) => {
  const tekst = readFileSync(join(ROOT, 'schema', `${formaat}.schema.json`), 'utf8');

  it('is checked by the validator the build compiled (run npm run build if not)', () => {
    expect(formatChecker(formaat).vooraf).toBe(true);
  });

  it('is not checked by that validator once the schema differs from what it was compiled from', () => {
    const anders = tekst.replace('"type"', ' "type"');
    expect(anders).not.toBe(tekst);
    expect(formatChecker(formaat, anders).vooraf).toBe(false);
  });

  it('gives the same findings, file for file, as a validator compiled at run time', () => {
    const vooraf = formatChecker(formaat);
    const nu = new FormatChecker(JSON.parse(tekst));
    expect(nu.vooraf).toBe(false);
    let afgewezen = 0;
    for (const file of FILES) {
      const a = new Findings();
      const b = new Findings();
      expect(vooraf.check(file!, a), file!.path).toBe(nu.check(file!, b));
      expect(a.all, file!.path).toEqual(b.all);
      if (a.all.length > 0) afgewezen++;
    }
    // Most files are of another format: each format's checker has plenty to refuse, with every kind of message.
    expect(afgewezen).toBeGreaterThan(10);
  });
});
