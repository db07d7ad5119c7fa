/**
 * The informatiemodel schema compiles with Ajv 2020 in strict mode, every def and every `$ref` in it, for both
 * DDAS models and every test model under test/fixtures that loads without errors (among them
 * test/fixtures/docs/vijandig, whose names hold quotes, braces, pipes and spaces).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import { INFORMATIEMODEL_SCHEMA } from '../../generator/emit/informatiemodel-schema/index.ts';
import { loadInformatiemodel } from '../../generator/model/load.ts';
import type { Informatiemodel } from '../../generator/model/types.ts';
import { loadModel } from '../../generator/pipeline.ts';
import { ROOT } from '../package/support.ts';
import { Defs } from './helpers.ts';

/** Every def of the schema, by the kind of element it is for. */
function verwachteDefs(im: Informatiemodel): string[] {
  return [
    ...im.objecttypen,
    ...im.gegevensgroeptypen,
    ...im.enumeraties,
    ...im.codelijsten,
    ...im.primitieveDatatypes,
    ...im.gestructureerdeDatatypes,
    ...im.keuzes,
  ].map((e) => e.naam);
}

describe('the informatiemodel schema of each DDAS model', () => {
  for (const naam of ['vroegsignalering', 'schuldhulpverlening']) {
    it(`${naam}: compiles, has a def per element, and is the file in generated/`, () => {
      const { informatiemodel, uitwisselmodel } = loadModel(join(ROOT, 'model', naam), fileSystemReader);
      const defs = new Defs(informatiemodel!, { naast: uitwisselmodel!.schemaId });
      defs.compileerAlles();
      expect(defs.namen.filter((n) => !n.endsWith('.verwijzing')).sort()).toEqual(
        verwachteDefs(informatiemodel!).sort(),
      );
      expect(defs.schema.$id).toBe(uitwisselmodel!.schemaId.replace(/[^/]+$/, INFORMATIEMODEL_SCHEMA));
      expect(JSON.parse(readFileSync(join(ROOT, 'generated', naam, INFORMATIEMODEL_SCHEMA), 'utf8'))).toEqual(
        defs.schema,
      );
    });
  }
});

/** The folders under test/fixtures that hold a model which loads without errors. */
function testModellen(): string[] {
  const folders: string[] = [];
  const zoek = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const pad = join(dir, e.name);
      if (readdirSync(pad).some((f) => f.endsWith('.yaml'))) folders.push(pad);
      else zoek(pad);
    }
  };
  zoek(join(ROOT, 'test/fixtures'));
  return folders.sort();
}

describe('the informatiemodel schema of every test model that loads', () => {
  const geladen = testModellen().flatMap((folder) => {
    try {
      const l = loadInformatiemodel(folder, fileSystemReader);
      return l.model && !l.findings.some((f) => f.severity === 'error') ? [{ folder, model: l.model }] : [];
    } catch {
      return []; // unreadable input (the lint fixtures of binary data): nothing to generate from
    }
  });

  it('includes the hostile model of the documentation tests', () => {
    expect(existsSync(join(ROOT, 'test/fixtures/docs/vijandig'))).toBe(true);
    expect(geladen.map((l) => l.folder.slice(ROOT.length + 1))).toContain('test/fixtures/docs/vijandig');
  });

  for (const { folder, model } of geladen) {
    it(`${folder.slice(ROOT.length + 1)} compiles, every $ref resolving`, () => {
      const defs = new Defs(model!);
      defs.compileerAlles();
      expect(defs.namen.filter((n) => !n.endsWith('.verwijzing')).sort()).toEqual(verwachteDefs(model!).sort());
    });
  }

  it('keeps the hostile names as keys and refers to them by escaped pointers', () => {
    const { model } = loadInformatiemodel(join(ROOT, 'test/fixtures/docs/vijandig'), fileSystemReader);
    const defs = new Defs(model!);
    expect(defs.namen).toContain('Soort "x" {y}');
    const kwaad = (defs.def('WSNP-traject').properties as Record<string, Record<string, unknown>>)[
      'a|b <i>c {{x}} `d`'
    ]!;
    expect(kwaad.items).toEqual({ $ref: '#/$defs/Soort%20%22x%22%20%7By%7D' });
    expect(defs.geldig('WSNP-traject', { 'a|b <i>c {{x}} `d`': ['{{x}}', '<script>alert(1)</script>'] })).toBe(true);
    expect(defs.geldig('WSNP-traject', { 'a|b <i>c {{x}} `d`': ['{{y}}'] })).toBe(false);
  });
});
