/**
 * Every construct of the model format through MIM-XML and back, on a small model built here: the export
 * validates against Geonovum's XSD (xmllint) for MIM 1.1.1 and 1.2, and the import of it resolves to the same
 * model (compared as data, source positions left out). Text that XML must escape (&, <, quotes, line breaks, a
 * carriage return) arrives as it was written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportMimXml, type MimVersie, type Relatiemodellering } from '../../generator/mimxml/export.ts';
import { importMimXml } from '../../generator/mimxml/import.ts';
import { loadInformatiemodel } from '../../generator/model/load.ts';
import type { Informatiemodel } from '../../generator/model/types.ts';
import { memoryReader } from '../diff/helpers.ts';
import { CONSTRUCTS, GEDEELD } from './constructs.ts';
import { canon, xmllint, xsdUnavailable } from './helpers.ts';

function load(files: Record<string, string>, folder: string): Informatiemodel {
  const { model, findings } = loadInformatiemodel(folder, memoryReader(files));
  // The test model leaves most definities out: lint's missing-definitie warnings are not the import's business.
  const problems = findings
    .filter((f) => f.rule !== 'missing-definitie')
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);
  expect(problems, 'the model loads without findings').toEqual([]);
  return model!;
}

/** Export, import, load the import: the model that comes back. */
export function roundTrip(
  model: Informatiemodel,
  versie: MimVersie,
  relatiemodellering: Relatiemodellering = 'relatiesoort',
): { xml: string; back: Informatiemodel } {
  const xml = exportMimXml(model, { versie, relatiemodellering });
  const result = importMimXml(Buffer.from(xml), { file: 'test.xml', schema: 'schema.json' });
  expect(result.findings).toEqual([]);
  const files: Record<string, string> = {};
  for (const [path, text] of result.files) files[`uit/t/${path}`] = text;
  return { xml, back: load(files, 'uit/t') };
}

const model = load({ 'model/t/informatiemodel.yaml': CONSTRUCTS, 'model/gedeeld/gedeeld.yaml': GEDEELD }, 'model/t');
const temp = mkdtempSync(join(tmpdir(), 'mimgen-mimxml-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe.each(['1.1.1', '1.2'] as const)('every construct through MIM-XML %s', (versie) => {
  const { xml, back } = roundTrip(model, versie);

  it('comes back as the same model', () => {
    expect(canon(back)).toEqual(canon(model));
    expect(back.pakketten.map((p) => [p.naam, p.extern])).toEqual([
      ['Gedeelde datatypes', true],
      ['Test', false],
    ]);
  });

  it('uses the three forms of a keuze, the regels as JSON and the kenmerken for what MIM-XML has no element for', () => {
    for (const k of ['keuzeDatatypen', 'keuzeRelatiedoelen', 'keuzeAttributen']) expect(xml).toContain(`<mim:${k}>`);
    expect(xml).toContain('<mim-ext:Kenmerk naam="basis">geheelGetal</mim-ext:Kenmerk>');
    expect(xml).toContain('<mim-ext:Kenmerk naam="versie">1.0</mim-ext:Kenmerk>');
    expect(xml).toContain(
      '<mim:specificatieFormeel>{"soort":"datumvolgorde","vroegste":"startdatum","laatste":"einddatum"}',
    );
    expect(xml).toContain('<mim:locatie>../gedeeld/gedeeld.yaml</mim:locatie>');
    expect(xml).toContain('regel twee&#13;\nregel drie\ttab ]]&gt; einde');
  });

  it('is the same text on every run', () => {
    expect(exportMimXml(model, { versie })).toBe(xml);
    // The View's locatie is the shared file's path from the model folder, which the import puts in gedeeld/.
    const zonderLocatie = (x: string) => x.replace(/<mim:locatie>[^<]*gedeeld.yaml<\/mim:locatie>/, '');
    expect(zonderLocatie(exportMimXml(back, { versie }))).toBe(zonderLocatie(xml));
  });

  const skip = xsdUnavailable();
  it.skipIf(skip !== undefined)(`validates against MIMFORMAT_Mim_relatiesoort.xsd ${skip ?? ''}`, () => {
    const file = join(temp, `constructs-${versie}.xml`);
    writeFileSync(file, xml);
    const r = xmllint(file, versie);
    expect(r.output).toContain('validates');
    expect(r.status).toBe(0);
  });
});

describe.each(['1.1.1', '1.2'] as const)('relations the relatierol way (Relatierol leidend), MIM-XML %s', (versie) => {
  const { xml, back } = roundTrip(model, versie, 'relatierol');

  it('carries kardinaliteiten, rollen, richting and aggregatie on the roles and comes back as the same model', () => {
    expect(xml).toContain('Relatierol leidend');
    expect(xml).toMatch(/<mim:Doel>\s*<mim:naam>behandelaar<\/mim:naam>/);
    expect(canon(back)).toEqual(canon(model));
  });

  const skip = xsdUnavailable();
  it.skipIf(skip !== undefined)(`validates against MIMFORMAT_Mim_relatierol.xsd ${skip ?? ''}`, () => {
    const file = join(temp, `constructs-relatierol-${versie}.xml`);
    writeFileSync(file, xml);
    const r = xmllint(file, versie, 'relatierol');
    expect(r.output).toContain('validates');
    expect(r.status).toBe(0);
  });
});
