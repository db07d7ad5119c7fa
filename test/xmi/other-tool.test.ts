/**
 * XMI 2.1 from a tool other than Enterprise Architect (issue 16, item 2), built in other-tool.ts: no EA
 * extension, UUIDs as ids, association ends the UML-standard way, stereotypes by profile elements or absent.
 * The associations, generalisations, datatypes, enumeraties and tagged values arrive, and every UML element
 * the import does not turn into model content is counted in a warning naming its kind: checked against an
 * independent reading of the file (htmlparser2, not the importer's parser), id by id.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import { loadInformatiemodel } from '../../generator/model/load.ts';
import { modelId } from '../../generator/xmi/convert.ts';
import { detectXmi, importXmi } from '../../generator/xmi/import.ts';
import { lineOf, mimgenInProcess, tempDir } from './helpers.ts';
import { NOT_IMPORTED, otherToolXmi, U } from './other-tool.ts';
import { syntheticXmi } from './synthetic.ts';

type Data = Record<string, unknown>;
type El = ReturnType<typeof DomUtils.getElementsByTagName>[number];

const TEXT = otherToolXmi();
const OPTIONS = { file: 'registratie.xmi', shared: [], map: new Map<string, string>(), omit: [], schema: 'x.json' };

/** Where the first element of each kind that is not imported stands (the package's first comment is its definitie). */
const FIRST: Record<string, string> = {
  'defaultValue uml:LiteralString': '<defaultValue',
  'ownedComment uml:Comment': `xmi:id="${U.notitie}"`,
  'ownedOperation uml:Operation': '<ownedOperation',
  'packagedElement uml:Dependency': 'uml:Dependency',
  'packagedElement uml:InstanceSpecification': 'uml:InstanceSpecification',
  'packagedElement uml:Signal': 'uml:Signal',
};

let root: string;
beforeAll(() => {
  root = tempDir('xmi-other');
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function imported(text: string) {
  const result = importXmi(Buffer.from(text, 'utf8'), OPTIONS);
  const objecttypen = parse(result.files.get('objecttypen.yaml')!) as Data;
  const datatypes = parse(result.files.get('datatypes.yaml')!) as Data;
  const informatiemodel = (parse(result.files.get('informatiemodel.yaml')!) as Data).informatiemodel as Data;
  const ot = (naam: string) => (objecttypen.objecttypen as Data[]).find((o) => o.naam === naam)!;
  return { result, objecttypen, datatypes, informatiemodel, ot };
}

describe('XMI 2.1 of another tool (MagicDraw-like: no EA extension, UUIDs, UML-standard ends)', () => {
  it('is told apart from an EA export without parsing it', () => {
    expect(detectXmi(Buffer.from(TEXT))).toBe('xmi');
    expect(detectXmi(Buffer.from(syntheticXmi({ classes: 2 })))).toBe('ea-xmi');
    expect(detectXmi(Buffer.from('<?xml version="1.0"?><catalog/>'))).toBeUndefined();
    expect(detectXmi(Buffer.from(''))).toBeUndefined();
    const { result } = imported(TEXT);
    expect(result.model.exporter).toEqual({ naam: 'MagicDraw Clean XMI Exporter', ea: false });
  });

  it('brings the associations, the UML-standard way round, with ends, kardinaliteiten and direction', () => {
    const { ot } = imported(TEXT);
    expect(ot('Persoon').relatiesoorten).toEqual([
      expect.objectContaining({
        id: modelId(U.woontIn),
        naam: 'woont in',
        doel: 'Gemeente',
        rol: 'woonplaats',
        kardinaliteit: '1',
        rolBron: 'inwoner',
        kardinaliteitBron: '0..*',
        richting: 'unidirectioneel',
        toelichting: 'Het woonadres.',
      }),
    ]);
    // Both ends navigable: one an ownedAttribute, the other a navigableOwnedEnd of the association.
    expect(ot('Gemeente').relatiesoorten).toEqual([
      expect.objectContaining({
        naam: 'bestuurt',
        doel: 'Persoon',
        rol: 'burgemeester',
        kardinaliteit: '0..1',
        rolBron: 'gemeente',
        richting: 'bidirectioneel',
      }),
    ]);
  });

  it('brings the generalisation, the datatypes, the enumeratie and the attributes with their types', () => {
    const { ot, datatypes } = imported(TEXT);
    expect(ot('Ingezetene').supertypen).toEqual(['Persoon']);
    expect((ot('Persoon').attribuutsoorten as Data[]).map((a) => `${a.naam}: ${a.type} ${a.kardinaliteit}`)).toEqual([
      'naam: CharacterString 1',
      // a lowerValue without a value is 0 in UML
      'geboortedatum: Datum 0..1',
      'status: Status 1',
      'adres: Adres 0..*',
      'postcode: Postcode 1',
    ]);
    expect(datatypes.gestructureerdeDatatypes).toEqual([
      expect.objectContaining({
        naam: 'Adres',
        dataElementen: [
          expect.objectContaining({ naam: 'straat', type: 'CharacterString' }),
          expect.objectContaining({ naam: 'huisnummer', type: 'Integer' }),
        ],
      }),
    ]);
    expect((datatypes.primitieveDatatypes as Data[]).find((p) => p.naam === 'Postcode')).toEqual(
      expect.objectContaining({ basis: 'tekst', formeelPatroon: '^[1-9][0-9]{3}[A-Z]{2}$' }),
    );
    expect((datatypes.enumeraties as Data[]).map((e) => [e.naam, (e.waarden as Data[]).map((w) => w.naam)])).toEqual([
      ['Status', ['actief', 'beëindigd']],
    ]);
  });

  it('brings the tagged values of the profile elements, as attributes and as child elements, and the comments', () => {
    const { ot, informatiemodel } = imported(TEXT);
    expect(informatiemodel).toEqual(
      expect.objectContaining({
        naam: 'Registratie',
        versie: '2.3',
        mimVersie: '1.1.1',
        basisUri: 'https://example.org/registratie',
        definitie: 'Een registratie van personen, als een ander hulpmiddel dan EA haar schrijft.',
      }),
    );
    expect(ot('Persoon')).toEqual(
      expect.objectContaining({ definitie: 'Een mens.', herkomst: 'BRP', toelichting: 'Ook wie niet meer leeft.' }),
    );
    const attrs = ot('Persoon').attribuutsoorten as Data[];
    expect(attrs[0]).toEqual(
      expect.objectContaining({ lengte: 200, authentiek: 'Authentiek', indicatieMaterieleHistorie: true }),
    );
    expect(attrs[1]!.definitie).toBe('De dag van geboorte.');
    expect(attrs[4]!.patroon).toBe('vier cijfers en twee letters');
  });

  it('counts every UML element it does not import in a warning naming its kind, at the first of them', () => {
    const { result } = imported(TEXT);
    expect(result.model.notImported).toEqual(NOT_IMPORTED);
    const warnings = result.model.findings.filter((f) => f.rule === 'not-imported');
    expect(warnings).toHaveLength(Object.keys(NOT_IMPORTED).length);
    for (const [kind, count] of Object.entries(NOT_IMPORTED)) {
      const w = warnings.find((f) => f.message.startsWith(`${count} ${kind} element`));
      expect(w, kind).toBeDefined();
      expect(w!.line, kind).toBe(lineOf(TEXT, FIRST[kind]!));
    }
  });

  it('drops nothing silently: each element of the package is model content, part of it, or counted', () => {
    const { result } = imported(TEXT);
    const yaml = [...result.files.values()].join('\n');
    const ids = new Set([...yaml.matchAll(/^\s*(?:- )?id: (.+)$/gm)].map((m) => m[1]!.trim()));
    const doc = parseDocument(TEXT, { xmlMode: true });
    const pkg = DomUtils.findOne((e) => e.attribs['xmi:id'] === U.pkg, doc.children, true)!;
    const elements = DomUtils.findAll((e) => e.attribs['xmi:id'] !== undefined, pkg.children);
    const byId = new Map(elements.map((e) => [e.attribs['xmi:id']!, e]));
    const counted = new Map<string, number>();
    const imports = (e: El | null | undefined): boolean => !!e && ids.has(modelId(e.attribs['xmi:id'] ?? ''));
    const parent = (e: El) => e.parent as El;
    const unexplained: string[] = [];
    for (const e of elements) {
      const kind = `${e.name} ${e.attribs['xmi:type']}`;
      // inside an element that is counted as a whole
      if (
        e !== pkg &&
        [...ancestors(e)].some((a) => !imports(a) && `${a.name} ${a.attribs['xmi:type']}` in NOT_IMPORTED)
      )
        continue;
      if (imports(e)) continue;
      if (e.attribs.association && imports(byId.get(e.attribs.association))) continue; // an end of an imported association
      if (e.name === 'generalization' && (imports(parent(e)) || parent(e).attribs['xmi:id'] === U.ingezetene)) continue;
      if (
        ['lowerValue', 'upperValue'].includes(e.name) &&
        (imports(parent(e)) || imports(byId.get(parent(e).attribs.association ?? '')))
      )
        continue;
      const first = DomUtils.getChildren(parent(e)).find((c) => 'name' in c && c.name === 'ownedComment');
      if (e.name === 'ownedComment' && first === e && (imports(parent(e)) || parent(e) === pkg)) continue; // its documentation
      if (kind in NOT_IMPORTED) {
        counted.set(kind, (counted.get(kind) ?? 0) + 1);
        continue;
      }
      unexplained.push(`${kind} ${e.attribs['xmi:id']}`);
    }
    expect(elements.length).toBeGreaterThanOrEqual(50);
    expect(unexplained).toEqual([]);
    expect(Object.fromEntries(counted)).toEqual(NOT_IMPORTED);

    function* ancestors(e: El): Generator<El> {
      for (let p = e.parent as El | null; p && p !== pkg; p = p.parent as El | null) yield p;
    }
  });

  it('imports through the command, exit 0 with warnings only, and lints without errors', async () => {
    const dir = join(root, 'registratie');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'registratie.xmi');
    writeFileSync(file, TEXT);
    const out = join(dir, 'model', 'registratie');
    const run = await mimgenInProcess(['import-xmi', file, '--out', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Data;
    expect(report.exporter).toBe('MagicDraw Clean XMI Exporter');
    expect(report.notImported).toEqual(NOT_IMPORTED);
    const errors = loadInformatiemodel(out, fileSystemReader).findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
    expect(readFileSync(join(out, 'objecttypen.yaml'), 'utf8')).toContain('naam: Ingezetene');
  });

  it('reads ownedMember as UML 2.0 tools write it for packagedElement: the same model', () => {
    const uml20 = TEXT.replaceAll('<packagedElement ', '<ownedMember ').replaceAll(
      '</packagedElement>',
      '</ownedMember>',
    );
    expect(uml20).not.toContain('packagedElement');
    const a = imported(TEXT);
    const b = imported(uml20);
    expect(b.objecttypen).toEqual(a.objecttypen);
    expect(b.datatypes).toEqual(a.datatypes);
    expect(b.result.model.notImported).toEqual(
      Object.fromEntries(
        Object.entries(NOT_IMPORTED).map(([k, v]) => [k.replace('packagedElement', 'ownedMember'), v]),
      ),
    );
  });

  it('without any stereotype, brings the same elements by their UML types, each class with a warning', () => {
    const bare = TEXT.replace(/^ {2}<MIM:[\s\S]*?(?:\/>|<\/MIM:\w+>)\n/gm, '');
    expect(bare).not.toContain('<MIM:');
    const { result, ot, datatypes } = imported(bare);
    const c = result.model.counts;
    expect([
      c.objecttypen,
      c.relatiesoorten,
      c.generalisaties,
      c.enumeraties,
      c.waarden,
      c.gestructureerdeDatatypes,
    ]).toEqual([3, 2, 1, 1, 2, 1]);
    expect(ot('Ingezetene').supertypen).toEqual(['Persoon']);
    expect((datatypes.primitieveDatatypes as Data[]).map((p) => p.naam)).toContain('Postcode');
    expect(
      result.model.findings.filter((f) => f.rule === 'missing-stereotype').map((f) => f.message.split(' has ')[0]),
    ).toEqual(['class "Persoon"', 'class "Gemeente"', 'class "Ingezetene"', 'enumeration "Status"']);
  });
});
