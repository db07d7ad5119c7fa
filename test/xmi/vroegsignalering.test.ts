/**
 * Importing the Enterprise Architect export of Vroegsignalering (package "Model Vroegsignalering"):
 * (1) the import has the same objecttypen, attribuutsoorten, relaties and enumeratiewaarden as the XMI,
 *     checked one by one against an independent reading of the file, and lints clean apart from the
 *     references to classes outside the export;
 * (2) with those references mapped to model/gedeeld (Client, AanleverendeOrganisatie) and the rest left
 *     out, the import replaces the hand-written informatiemodel of model/vroegsignalering, and generation
 *     still conforms to the published schema v0.9. The EA export is an older snapshot than the published
 *     model: the differences, listed in the toelichtingen of the hand-written model, are asserted to be
 *     exactly those and then applied (see KNOWN DIFFERENCES below).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import { loadInformatiemodel } from '../../generator/model/load.ts';
import { emitModel, loadModel } from '../../generator/pipeline.ts';
import { importXmi } from '../../generator/xmi/import.ts';
import { mutateExamples, type Example, type Json, type Schema } from '../conformance/mutations.ts';
import {
  kardinaliteit,
  readXmi,
  readYaml,
  referenceRoot,
  repoRoot,
  runCli,
  tempDir,
  VROEGSIGNALERING_XMI,
  type XmiReading,
} from './helpers.ts';
import { invoerVan } from '../../generator/emit/invoer.ts';

const addFormats = ajvFormats.default as unknown as (ajv: Ajv2020) => Ajv2020;
const have = existsSync(VROEGSIGNALERING_XMI);
if (!have)
  console.log(`skipping the Vroegsignalering XMI import tests: ${VROEGSIGNALERING_XMI} is absent (a clone outside CI)`);

const PACKAGE = 'Model Vroegsignalering';
const OUTSIDE = ['Client', 'Gemeente', 'NietNatuurlijkPersoon', 'Rechtspersoon', 'Zaak'];
/** How EA's types in this export map to the model's datatypes; other types are classes of the package. */
const EA_TYPES: Record<string, string> = { boolean: 'Boolean', Date: 'Datum', bedrag: 'Bedrag' };

type Data = Record<string, unknown>;
const list = (v: unknown) => (Array.isArray(v) ? (v as Data[]) : []);

let root: string;
beforeAll(() => {
  root = tempDir('xmi-vs');
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A copy of model/ without the hand-written informatiemodel of vroegsignalering (its derivation stays). */
function modelCopy(name: string): string {
  const dir = join(root, name);
  cpSync(join(repoRoot, 'model'), join(dir, 'model'), { recursive: true });
  return dir;
}

function shared(): { gebruikt: string; data: unknown }[] {
  return ['datatypes.yaml', 'gemeentelijk.yaml'].map((f) => ({
    gebruikt: `../gedeeld/${f}`,
    data: readYaml(join(repoRoot, 'model/gedeeld', f)),
  }));
}

describe.skipIf(!have)('import of the Vroegsignalering EA export', () => {
  let xmi: XmiReading;
  let imported: { objecttypen: Data[]; enumeraties: Data[]; files: Map<string, string> };
  let lintFindings: ReturnType<typeof loadInformatiemodel>['findings'];
  let externals: string[];

  beforeAll(() => {
    xmi = readXmi(VROEGSIGNALERING_XMI, PACKAGE);
    const result = importXmi(readFileSync(VROEGSIGNALERING_XMI), {
      file: VROEGSIGNALERING_XMI,
      package: PACKAGE,
      shared: shared(),
      map: new Map(),
      omit: [],
      schema: '../../schema/informatiemodel.schema.json',
    });
    externals = result.model.externals.filter((e) => e.status !== 'datatype').map((e) => e.naam);
    const dir = modelCopy('plain');
    const folder = join(dir, 'model/vroegsignalering');
    for (const f of ['enumeraties.yaml', 'informatiemodel.yaml', 'objecttypen.yaml']) rmSync(join(folder, f));
    for (const [name, text] of result.files) writeFileSync(join(folder, name), text);
    const objecttypen = parse(result.files.get('objecttypen.yaml')!) as Data;
    const datatypes = parse(result.files.get('datatypes.yaml')!) as Data;
    imported = {
      objecttypen: list(objecttypen.objecttypen),
      enumeraties: list(datatypes.enumeraties),
      files: result.files,
    };
    lintFindings = loadInformatiemodel(folder, fileSystemReader).findings;
  });

  it('lists exactly the classes outside the export as external references', () => {
    expect(externals).toEqual(OUTSIDE);
    // and they are the ids the XMI refers to without defining them
    const named = [...xmi.namesOutside.values()].filter((n) => OUTSIDE.includes(n));
    expect(new Set(named)).toEqual(new Set(OUTSIDE));
  });

  it('lints clean apart from the external references (and the definitions the export lacks)', () => {
    const errors = lintFindings.filter((f) => f.severity === 'error');
    expect(
      errors.every((f) => f.rule === 'unresolved-reference'),
      errors.map((f) => f.message).join('\n'),
    ).toBe(true);
    const named = errors.map((f) => /refers to "([^"]+)"/.exec(f.message)?.[1]).sort();
    expect(named).toEqual([...OUTSIDE].sort());
    // The only warnings: elements the EA export gives no notes (definitie).
    expect([...new Set(lintFindings.filter((f) => f.severity === 'warning').map((f) => f.rule))]).toEqual([
      'missing-definitie',
    ]);
  });

  it('has the objecttypen and enumeraties of the package, and nothing else', () => {
    const classes = xmi.classes.filter((c) => c.umlType === 'uml:Class').map((c) => c.naam);
    const enums = xmi.classes.filter((c) => c.umlType === 'uml:Enumeration').map((c) => c.naam);
    expect(imported.objecttypen.map((o) => o.naam).sort()).toEqual(classes.sort());
    expect(imported.enumeraties.map((e) => e.naam).sort()).toEqual(enums.sort());
    expect(classes).toHaveLength(4);
    expect(enums).toHaveLength(5);
  });

  it('has every attribute with its name, type and multiplicity, in EA order', () => {
    let checked = 0;
    for (const c of xmi.classes.filter((x) => x.umlType === 'uml:Class')) {
      const o = imported.objecttypen.find((x) => x.naam === c.naam)!;
      const attrs = list(o.attribuutsoorten);
      expect(
        attrs.map((a) => a.naam),
        c.naam,
      ).toEqual(c.attributes.map((a) => a.naam));
      for (const a of c.attributes) {
        const got = attrs.find((x) => x.naam === a.naam)!;
        expect(got.type, `${c.naam}.${a.naam}`).toBe(EA_TYPES[a.eaType] ?? a.eaType);
        expect(got.kardinaliteit, `${c.naam}.${a.naam}`).toBe(kardinaliteit(a.lower, a.upper));
        checked++;
      }
    }
    expect(checked).toBe(16);
  });

  it('has every relation with its name, target and both multiplicities, and every generalisation', () => {
    for (const a of xmi.associations) {
      const o = imported.objecttypen.find((x) => x.naam === a.bron)!;
      const r = list(o.relatiesoorten).find((x) => x.naam === a.naam);
      expect(r, `${a.bron}.${a.naam}`).toBeDefined();
      expect(r!.doel).toBe(a.doel);
      expect(r!.kardinaliteit, `${a.bron}.${a.naam}`).toBe(kardinaliteit(a.doelLower, a.doelUpper));
      expect(r!.kardinaliteitBron, `${a.bron}.${a.naam}`).toBe(kardinaliteit(a.bronLower, a.bronUpper));
      expect(r!.richting).toBe('unidirectioneel');
    }
    const total = imported.objecttypen.reduce((n, o) => n + list(o.relatiesoorten).length, 0);
    expect(total).toBe(xmi.associations.length);
    expect(total).toBe(6);
    for (const c of xmi.classes.filter((x) => x.umlType === 'uml:Class')) {
      const o = imported.objecttypen.find((x) => x.naam === c.naam)!;
      expect((o.supertypen as string[] | undefined) ?? [], c.naam).toEqual(c.generalisaties);
    }
  });

  it('has every enumeratiewaarde, in EA order', () => {
    for (const c of xmi.classes.filter((x) => x.umlType === 'uml:Enumeration')) {
      const e = imported.enumeraties.find((x) => x.naam === c.naam)!;
      expect(
        list(e.waarden).map((w) => w.naam),
        c.naam,
      ).toEqual(c.literals);
    }
  });

  it('gives every element a stable id from its EA GUID', () => {
    const ids = imported.objecttypen.flatMap((o) => [
      o.id,
      ...list(o.attribuutsoorten).map((a) => a.id),
      ...list(o.relatiesoorten).map((r) => r.id),
    ]);
    for (const id of ids) expect(id).toMatch(/^eaid-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
    const contactpoging = imported.objecttypen.find((o) => o.naam === 'Contactpoging')!;
    expect(contactpoging.id).toBe('eaid-c7000efd-826c-4e47-bd80-075a6ef4e558');
  });

  it('turns the HTML and entities of EA notes into text', () => {
    const zaak = imported.objecttypen.find((o) => o.naam === 'Vroegsignaalzaak')!;
    expect(zaak.definitie).toContain('behandeling van één of meerdere');
    expect(String(zaak.definitie)).not.toMatch(/&#|&amp;|<\w/);
  });
});

describe.skipIf(!have)('the imported Vroegsignalering model replaces the hand-written informatiemodel', () => {
  const handwritten = {
    objecttypen: () => list(readYaml(join(repoRoot, 'model/vroegsignalering/objecttypen.yaml')).objecttypen),
    enumeraties: () => list(readYaml(join(repoRoot, 'model/vroegsignalering/enumeraties.yaml')).enumeraties),
  };
  let folder: string;
  let objecttypen: Data[];
  let enumeraties: Data[];
  let cli: ReturnType<typeof runCli>;

  beforeAll(() => {
    const dir = modelCopy('mapped');
    folder = join(dir, 'model/vroegsignalering');
    const mapFile = join(root, 'map.yaml');
    writeFileSync(
      mapFile,
      stringify({
        map: { Client: 'Client', NietNatuurlijkPersoon: 'AanleverendeOrganisatie' },
        omit: ['Zaak', 'Gemeente', 'Rechtspersoon'],
      }),
    );
    cli = runCli([
      'import-xmi',
      VROEGSIGNALERING_XMI,
      '--package',
      PACKAGE,
      '--out',
      folder,
      '--map-file',
      mapFile,
      '--replace',
    ]);
    objecttypen = list(readYaml(join(folder, 'objecttypen.yaml')).objecttypen);
    enumeraties = list(readYaml(join(folder, 'datatypes.yaml')).enumeraties);
  });

  it('imports through the CLI with every external reference mapped or left out (exit 0)', () => {
    expect(cli.stderr).not.toMatch(/\n\s+at /);
    expect(cli.status, cli.stderr).toBe(0);
    expect(existsSync(join(folder, 'uitwisselmodel.yaml'))).toBe(true);
    for (const gone of ['enumeraties.yaml', 'objecttypen.yaml'])
      expect(existsSync(join(folder, gone))).toBe(gone === 'objecttypen.yaml');
    const header = readYaml(join(folder, 'informatiemodel.yaml')).informatiemodel as Data;
    expect(header.gebruikt).toEqual(['../gedeeld/datatypes.yaml', '../gedeeld/gemeentelijk.yaml']);
    const zaak = objecttypen.find((o) => o.naam === 'Vroegsignaalzaak')!;
    expect(list(zaak.relatiesoorten).find((r) => r.naam === 'opgepaktDoor')!.doel).toBe('AanleverendeOrganisatie');
    expect(zaak.supertypen).toBeUndefined();
  });

  it('agrees with the hand-written model apart from the known differences, which it then takes over', () => {
    // KNOWN DIFFERENCES 1: enumeratiewaarden. The toelichting of each of these three enumeraties in
    // model/vroegsignalering/enumeraties.yaml says how the EA export differs; assert exactly that.
    const published = handwritten.enumeraties();
    const waarden = (e: Data | undefined) => list(e?.waarden).map((w) => w.naam as string);
    const quoted = (text: unknown) => [...String(text).matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    for (const naam of ['EnumEindresultaat', 'EnumSignaalstatus']) {
      const p = published.find((e) => e.naam === naam)!;
      expect(waarden(enumeraties.find((e) => e.naam === naam)), naam).toEqual(quoted(p.toelichting));
    }
    const contactsoort = published.find((e) => e.naam === 'EnumContactsoort')!;
    expect(String(contactsoort.toelichting)).toContain('kent de waarde Administratief nog niet');
    expect(waarden(enumeraties.find((e) => e.naam === 'EnumContactsoort'))).toEqual(
      waarden(contactsoort).filter((w) => w !== 'Administratief'),
    );
    for (const p of published) {
      const e = enumeraties.find((x) => x.naam === p.naam)!;
      if (!['EnumEindresultaat', 'EnumSignaalstatus', 'EnumContactsoort'].includes(p.naam as string))
        expect(waarden(e), String(p.naam)).toEqual(waarden(p));
      e.waarden = list(p.waarden).map((w) => ({ id: w.id, naam: w.naam }));
    }
    expect(enumeraties.map((e) => e.naam).sort()).toEqual(published.map((e) => e.naam).sort());

    // KNOWN DIFFERENCES 2: rolnamen. The EA export names the relations but not their roles; the
    // hand-written model takes the role names from the uitwisselmodel and says so in the toelichting.
    const hand = handwritten.objecttypen();
    expect(objecttypen.map((o) => o.naam).sort()).toEqual(hand.map((o) => o.naam).sort());
    for (const h of hand) {
      const o = objecttypen.find((x) => x.naam === h.naam)!;
      const shape = (a: Data) => ({ naam: a.naam, type: a.type, kardinaliteit: a.kardinaliteit });
      expect(list(o.attribuutsoorten).map(shape), String(h.naam)).toEqual(list(h.attribuutsoorten).map(shape));
      const rel = (r: Data) => ({
        naam: r.naam,
        doel: r.doel,
        kardinaliteit: r.kardinaliteit,
        kardinaliteitBron: r.kardinaliteitBron,
        richting: r.richting,
        aggregatie: r.aggregatie,
      });
      const byNaam = (a: Data, b: Data) => String(a.naam).localeCompare(String(b.naam));
      expect(list(o.relatiesoorten).map(rel).sort(byNaam), String(h.naam)).toEqual(
        list(h.relatiesoorten).map(rel).sort(byNaam),
      );
      for (const r of list(o.relatiesoorten)) {
        const hr = list(h.relatiesoorten).find((x) => x.naam === r.naam)!;
        expect(r.rol ?? r.rolBron).toBeUndefined();
        expect(String(hr.toelichting), `${h.naam}.${hr.naam}`).toMatch(
          /zonder rolnamen|geen rolnamen|NietNatuurlijkPersoon/,
        );
        if (hr.rol) r.rol = hr.rol;
        if (hr.rolBron) r.rolBron = hr.rolBron;
      }
    }
    // Nothing else is taken from the hand-written model.
    writeFileSync(join(folder, 'objecttypen.yaml'), stringify({ objecttypen }));
    const datatypes = readYaml(join(folder, 'datatypes.yaml'));
    writeFileSync(join(folder, 'datatypes.yaml'), stringify({ ...datatypes, enumeraties }));
  });

  it('generates a compat schema that conforms to the published schema v0.9', async () => {
    const loaded = loadModel(folder, fileSystemReader);
    const errors = loaded.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
    const compat = JSON.parse(
      (await emitModel(invoerVan(loaded.uitwisselmodel!))).get('uitwisselmodel.schema.json')!,
    ) as Schema;

    // Structurally the schema the hand-written model gives, leaving the prose aside.
    const reference = loadModel(join(repoRoot, 'model/vroegsignalering'), fileSystemReader);
    const expected = JSON.parse(
      (await emitModel(invoerVan(reference.uitwisselmodel!))).get('uitwisselmodel.schema.json')!,
    ) as Schema;
    expect(withoutProse(compat)).toEqual(withoutProse(expected));

    // Accepts the published examples and gives the published schema's verdict on their mutations.
    const dir = join(referenceRoot, 'vroegsignalering/v0.9');
    const publishedSchema = JSON.parse(readFileSync(join(dir, 'json_schema_Uitwisselmodel.json'), 'utf8')) as Schema;
    const examples: Example[] = ['enkelvoudigVoorbeeld.json', 'meervoudigVoorbeeld.json'].map((name) => ({
      name,
      doc: JSON.parse(readFileSync(join(dir, name), 'utf8')) as Json,
    }));
    const compile = (s: Schema) => addFormats(new Ajv2020({ strict: false })).compile(s);
    const ours = compile(compat);
    const theirs = compile(publishedSchema);
    for (const e of examples) expect(ours(e.doc), `${e.name}: ${JSON.stringify(ours.errors)}`).toBe(true);
    const mutations = mutateExamples(examples, publishedSchema, { seed: 0x61, pairsPerExample: 100 });
    expect(mutations.length).toBeGreaterThan(500);
    const disagreements = mutations.filter((m) => ours(m.doc) !== theirs(m.doc)).map((m) => m.description);
    expect(disagreements.slice(0, 10)).toEqual([]);
  });
});

/** The schema without descriptions and titles, so that only its structure is compared. */
function withoutProse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProse);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'description' && k !== 'title' && k !== '$comment')
        .map(([k, v]) => [k, withoutProse(v)]),
    );
  }
  return value;
}
