/**
 * The round trip of issue 16, item 3, for both DDAS models, through the commands: `mimgen export` writes MIM-XML
 * (valid against the XSD), `mimgen import` reads it into a fresh model folder beside the uitwisselmodel
 * derivation and the API section (copied, as a maintainer would keep them), and that folder lints as clean as
 * the model itself and generates the committed generated/<model>/ byte for byte: the same files, the same
 * contents. MIM-XML 1.1.1 and 1.2 import to the same model files.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import { validatorPage } from '../../generator/cli/validator-page.ts';
import { emitModel, loadModel } from '../../generator/pipeline.ts';
import { mimgenInProcess, repoRoot, tempDir } from '../xmi/helpers.ts';
import { xmllint, xsdUnavailable } from './helpers.ts';
import { invoerVan } from '../../generator/emit/invoer.ts';

const temp = tempDir('mimxml-round-trip');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** The import's files without their header comment, which names the file imported. */
function modelFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [p, text] of filesUnder(dir)) out.set(p, text.replace(/^(#.*\n)+/, ''));
  return out;
}

const skipXsd = xsdUnavailable();

describe.each(['vroegsignalering', 'schuldhulpverlening'])('%s: export, import, generate', (naam) => {
  const xml = join(temp, `${naam}.xml`);
  const uit = join(temp, 'model', naam);

  it('exports, and imports without a finding', async () => {
    const exp = await mimgenInProcess(['export', join(repoRoot, 'model', naam), '--format', 'mim-xml', '--out', xml]);
    expect(exp.code, exp.stderr).toBe(0);
    const imp = await mimgenInProcess(['import', xml, '--out', uit]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stderr).toContain('0 error(s), 0 warning(s)');
    expect([...filesUnder(uit).keys()]).toEqual([
      'gedeeld/datatypes.yaml',
      'gedeeld/gemeentelijk.yaml',
      'informatiemodel.yaml',
    ]);
  });

  it.skipIf(skipXsd !== undefined)(`validates against MIMFORMAT_Mim_relatiesoort.xsd ${skipXsd ?? ''}`, () => {
    const r = xmllint(xml, '1.1.1');
    expect(r.output).toContain('validates');
    expect(r.status).toBe(0);
  });

  it('lints as the model does and generates generated/ byte for byte', async () => {
    for (const f of ['uitwisselmodel.yaml', 'api.yaml']) cpSync(join(repoRoot, 'model', naam, f), join(uit, f));
    mkdirSync(join(temp, 'model', 'gedeeld'), { recursive: true });
    cpSync(
      join(repoRoot, 'model', 'gedeeld', 'gegevensuitwissel-api.yaml'),
      join(temp, 'model', 'gedeeld', 'gegevensuitwissel-api.yaml'),
    );
    const opties = { modelmap: `model/${naam}` };
    const origineel = loadModel(join(repoRoot, 'model', naam), fileSystemReader, opties);
    const terug = loadModel(uit, fileSystemReader, opties);
    const regels = (l: typeof terug) => l.findings.map((f) => `${f.severity} ${f.rule} ${f.message}`);
    expect(regels(terug)).toEqual(regels(origineel));
    expect(terug.findings).toEqual([]);
    const generated = filesUnder(join(repoRoot, 'generated', naam));
    const emitted = await emitModel(invoerVan(terug.uitwisselmodel!), {});
    // generate adds the validator page, bundled from the emitted package (as cli/generate.ts does).
    for (const [path, contents] of await validatorPage(naam, terug.informatiemodel!.naam, emitted))
      emitted.set(path, contents);
    expect([...emitted.keys()].sort()).toEqual([...generated.keys()].sort());
    const verschil = [...emitted].filter(([p, text]) => generated.get(p) !== text).map(([p]) => p);
    expect(verschil).toEqual([]);
  }, 120_000);

  it.each(['1.1.1', '1.2'])(
    'exports the relatierol way (MIM-XML %s), valid, and imports to the same model files',
    async (versie) => {
      const xmlRol = join(temp, `${naam}-relatierol-${versie}.xml`);
      const uitRol = join(temp, `relatierol-${versie}`, naam);
      const exp = await mimgenInProcess([
        'export',
        join(repoRoot, 'model', naam),
        '--mim-versie',
        versie,
        '--relatiemodellering',
        'relatierol',
        '--out',
        xmlRol,
      ]);
      expect(exp.code, exp.stderr).toBe(0);
      expect(exp.stderr).toContain('MIMFORMAT_Mim_relatierol.xsd');
      if (skipXsd === undefined)
        expect(xmllint(xmlRol, versie as '1.1.1' | '1.2', 'relatierol').output).toContain('validates');
      const imp = await mimgenInProcess(['import', xmlRol, '--out', uitRol]);
      expect(imp.code, imp.stderr).toBe(0);
      expect(imp.stderr).toContain('0 error(s), 0 warning(s)');
      const alleenModel = (m: Map<string, string>) =>
        new Map([...m].filter(([p]) => p.startsWith('gedeeld/') || p === 'informatiemodel.yaml'));
      expect(modelFiles(uitRol)).toEqual(alleenModel(modelFiles(uit)));
    },
  );

  it('imports MIM-XML 1.2 of the model to the same model files', async () => {
    const xml12 = join(temp, `${naam}-1.2.xml`);
    const uit12 = join(temp, '1.2', naam);
    const exp = await mimgenInProcess(['export', join(repoRoot, 'model', naam), '--mim-versie', '1.2', '--out', xml12]);
    expect(exp.code, exp.stderr).toBe(0);
    expect(readFileSync(xml12, 'utf8')).toContain('xmlns:mim="http://www.geostandaarden.nl/mim/mim-core/1.2"');
    const imp = await mimgenInProcess(['import', xml12, '--out', uit12]);
    expect(imp.code, imp.stderr).toBe(0);
    const zonderAfgeleid = (m: Map<string, string>) =>
      new Map([...m].filter(([p]) => p.startsWith('gedeeld/') || p === 'informatiemodel.yaml'));
    expect(modelFiles(uit12)).toEqual(zonderAfgeleid(modelFiles(uit)));
    if (skipXsd === undefined) expect(xmllint(xml12, '1.2').status).toBe(0);
  });
});
