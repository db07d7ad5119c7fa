/**
 * Enterprise Architect's quirks (issue 16, item 1), each with a file built here the way EA writes it:
 * - enumeration literals written as ownedAttributes with xmi:id="" (and empty ids on their bounds): an empty
 *   id names nothing and is no duplicate; the literals arrive as the enumeratie's waarden;
 * - an association end with multiplicity lower 0 upper 0 (an end left unset): imported as 0..0 with a
 *   warning at its place, and lint goes on flagging it in the model;
 * - one bad element never refuses a whole model: a file with a problem in each of several elements is
 *   written with everything else, each problem reported with file:line:col, exit 1.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import { loadInformatiemodel } from '../../generator/model/load.ts';
import { importXmi } from '../../generator/xmi/import.ts';
import { eaFile, enumeratie, id, klasse } from './ea-files.ts';
import { lineOf, mimgenInProcess, tempDir } from './helpers.ts';

type Data = Record<string, unknown>;

let root: string;
beforeAll(() => {
  root = tempDir('xmi-quirks');
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Writes the file, imports it with the command and lints what it wrote. */
async function importAndLint(name: string, text: string) {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'export.xml');
  writeFileSync(file, Buffer.from(text, 'latin1'));
  const out = join(dir, 'model', 'eigen');
  const run = await mimgenInProcess(['import-xmi', file, '--out', out]);
  const read = (f: string) => parse(readFileSync(join(out, f), 'utf8')) as Data;
  const lint = run.code === 2 ? [] : loadInformatiemodel(out, fileSystemReader).findings;
  return { run, file, out, read, lint };
}

const findingsOf = (stderr: string, severity: 'error' | 'warning') =>
  stderr.split('\n').filter((l) => l.includes(`  ${severity}  `));

describe('EA: enumeration literals as ownedAttributes with xmi:id=""', () => {
  const WAARDEN = Array.from({ length: 400 }, (_, i) => `Waarde ${i}`);
  const SOORTEN = ['Ja', 'Nee', 'Onbekend'];
  const text = eaFile(
    [
      klasse(1, 'Persoon', [
        { n: 2, naam: 'status', type: id(10) },
        { n: 3, naam: 'soort', type: id(11) },
        { n: 4, naam: 'naam', type: 'EAJava_String' },
      ]),
      enumeratie(10, 'Status', WAARDEN),
      enumeratie(11, 'Soort', SOORTEN),
    ].join('\n'),
    `		<MIM:Objecttype base_Class="${id(1)}"/>\n		<MIM:Enumeratie base_Enumeration="${id(10)}"/>\n		<MIM:Enumeratie base_Enumeration="${id(11)}"/>`,
    [
      `			<element xmi:idref="${id(1)}" xmi:type="uml:Class" name="Persoon"><properties documentation="Een persoon." stereotype="Objecttype"/></element>`,
      // EA's extension describes the literals of Soort by name: one with the GUID EA keeps, one with xmi:idref="" too
      `			<element xmi:idref="${id(11)}" xmi:type="uml:Enumeration" name="Soort"><properties stereotype="Enumeratie"/><attributes>` +
        `<attribute xmi:idref="EAID_1111AAAA_2222_3333_4444_555566667777" name="Ja"><documentation value="Wel zo."/><tags><tag name="Code" value="J"/></tags></attribute>` +
        `<attribute xmi:idref="" name="Nee"><documentation value="Niet zo."/></attribute></attributes></element>`,
    ].join('\n'),
  );

  it('has the literals as the waarden, in EA order, with unique ids, no duplicate-id and exit 0; lint is clean', async () => {
    expect(text.match(/xmi:id=""/g)!.length).toBe(3 * (WAARDEN.length + SOORTEN.length));
    const { run, read, lint } = await importAndLint('empty-ids', text);
    expect(run.stderr).not.toContain('duplicate-id');
    expect(findingsOf(run.stderr, 'error')).toEqual([]);
    expect(run.code, run.stderr).toBe(0);
    const enumeraties = read('datatypes.yaml').enumeraties as Data[];
    const status = enumeraties.find((e) => e.naam === 'Status')!;
    const soort = enumeraties.find((e) => e.naam === 'Soort')!;
    expect((status.waarden as Data[]).map((w) => w.naam)).toEqual(WAARDEN);
    expect((soort.waarden as Data[]).map((w) => w.naam)).toEqual(SOORTEN);
    const ids = [...(status.waarden as Data[]), ...(soort.waarden as Data[])].map((w) => w.id);
    expect(new Set(ids).size).toBe(WAARDEN.length + SOORTEN.length);
    expect(lint.filter((f) => f.severity === 'error')).toEqual([]);
    // What EA's extension says of a literal arrives by its name; with a GUID there, that is the id.
    expect(soort.waarden).toEqual([
      { id: 'eaid-1111aaaa-2222-3333-4444-555566667777', naam: 'Ja', code: 'J', definitie: 'Wel zo.' },
      { id: 'eaid-0000000b-1a2b-4c3d-8e9f-00000000000b.nee', naam: 'Nee', definitie: 'Niet zo.' },
      { id: 'eaid-0000000b-1a2b-4c3d-8e9f-00000000000b.onbekend', naam: 'Onbekend' },
    ]);
    expect(run.stderr).not.toContain('dangling-idref');
  });

  it('an empty id that something refers to is a dangling reference, not a duplicate', async () => {
    const broken = text.replace(`<type xmi:idref="EAJava_String"/>`, '<type xmi:idref=""/>');
    const result = importXmi(Buffer.from(broken, 'latin1'), {
      file: 'x.xml',
      shared: [],
      map: new Map(),
      omit: [],
      schema: 'x.json',
    });
    const rules = result.model.findings.map((f) => f.rule);
    expect(rules).not.toContain('duplicate-id');
    // An empty idref is no reference: EA's extension gives no type, so the attribute is a CharacterString, with a warning.
    expect(result.model.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(rules).toContain('missing-type');
  });
});

describe('EA: an association end with multiplicity 0..0 (an end left unset)', () => {
  const assoc = id(20);
  const uml = [
    klasse(1, 'Zaak', [{ n: 2, naam: 'nummer', type: 'EAJava_String' }]).replace(
      '\t\t\t</packagedElement>',
      `				<ownedAttribute xmi:type="uml:Property" xmi:id="EAID_dst000020" visibility="public" association="${assoc}" isStatic="false" aggregation="none">
					<type xmi:idref="${id(5)}"/>
					<lowerValue xmi:type="uml:LiteralInteger" xmi:id="EAID_LI_dst_L" value="0"/>
					<upperValue xmi:type="uml:LiteralUnlimitedNatural" xmi:id="EAID_LI_dst_U" value="0"/>
				</ownedAttribute>
			</packagedElement>`,
    ),
    klasse(5, 'Betrokkene', [{ n: 6, naam: 'rol', type: 'EAJava_String' }]),
    `			<packagedElement xmi:type="uml:Association" xmi:id="${assoc}" name="heeftBetrokkene" visibility="public">
				<memberEnd xmi:idref="EAID_dst000020"/>
				<memberEnd xmi:idref="EAID_src000020"/>
				<ownedEnd xmi:type="uml:Property" xmi:id="EAID_src000020" visibility="public" association="${assoc}">
					<type xmi:idref="${id(1)}"/>
					<lowerValue xmi:type="uml:LiteralInteger" xmi:id="EAID_LI_src_L" value="1"/>
					<upperValue xmi:type="uml:LiteralUnlimitedNatural" xmi:id="EAID_LI_src_U" value="1"/>
				</ownedEnd>
			</packagedElement>`,
  ].join('\n');
  const text = eaFile(
    uml,
    `		<MIM:Objecttype base_Class="${id(1)}"/>\n		<MIM:Objecttype base_Class="${id(5)}"/>\n		<MIM:Relatiesoort base_Association="${assoc}"/>`,
    '',
    `			<connector xmi:idref="${assoc}" name="heeftBetrokkene"><source xmi:idref="${id(1)}"><model type="Class" name="Zaak"/><type multiplicity="1"/></source><target xmi:idref="${id(5)}"><model type="Class" name="Betrokkene"/><role name="betrokkene"/><type multiplicity="0..0"/></target><properties ea_type="Association" stereotype="Relatiesoort" direction="Source -&gt; Destination"/></connector>`,
  );

  it('imports the relation with kardinaliteit 0..0, warns at the end, writes the rest, and lint flags it', async () => {
    const { run, file, read, lint } = await importAndLint('unset-end', text);
    expect(run.code, run.stderr).toBe(0);
    const line = lineOf(text, 'xmi:id="EAID_LI_dst_U"');
    expect(run.stderr).toContain(
      `${file}:${line}:6  warning  unset-multiplicity  relatiesoort "heeftBetrokkene" of Zaak has the multiplicity 0..0`,
    );
    const zaak = (read('objecttypen.yaml').objecttypen as Data[]).find((o) => o.naam === 'Zaak')!;
    expect(zaak.relatiesoorten).toEqual([
      expect.objectContaining({
        naam: 'heeftBetrokkene',
        doel: 'Betrokkene',
        kardinaliteit: '0..0',
        kardinaliteitBron: '1',
      }),
    ]);
    expect(zaak.attribuutsoorten).toEqual([expect.objectContaining({ naam: 'nummer' })]);
    const flagged = lint.filter((f) => f.rule === 'invalid-kardinaliteit');
    expect(flagged.map((f) => [f.severity, f.message])).toEqual([
      ['error', expect.stringContaining('kardinaliteit "0..0" is not valid')],
    ]);
  });
});

describe('one bad element never refuses a whole model', () => {
  const uml = [
    klasse(1, 'Goed', [
      { n: 2, naam: 'een', type: 'EAJava_String' },
      { n: 3, naam: 'twee', type: 'EAJava_int', lower: '0' },
    ]),
    // a type that names nothing and that the extension gives no name for
    klasse(4, 'Verwijzend', [{ n: 5, naam: 'kapot', type: 'EAID_NERGENS' }]),
    // an id used a second time
    klasse(6, 'Dubbel', [{ n: 2, naam: 'drie', type: 'EAJava_String' }]),
    // a multiplicity that is no kardinaliteit
    klasse(7, 'Telling', [{ n: 8, naam: 'aantal', type: 'EAJava_int', lower: 'veel' }]),
    // a class without an id
    '			<packagedElement xmi:type="uml:Class" name="Zonder" visibility="public"/>',
    // an association without types at its ends
    `			<packagedElement xmi:type="uml:Association" xmi:id="${id(30)}" name="los" visibility="public">
				<memberEnd xmi:idref="${id(31)}"/>
				<memberEnd xmi:idref="${id(32)}"/>
				<ownedEnd xmi:type="uml:Property" xmi:id="${id(31)}" association="${id(30)}"/>
				<ownedEnd xmi:type="uml:Property" xmi:id="${id(32)}" association="${id(30)}"/>
			</packagedElement>`,
    enumeratie(40, 'Kleur', ['rood', 'groen']),
  ].join('\n');
  const profile = [1, 4, 6, 7].map((n) => `		<MIM:Objecttype base_Class="${id(n)}"/>`).join('\n');
  const text = eaFile(uml, profile, '');

  it('writes everything else, reports each problem at its place, exit 1', async () => {
    const { run, file, read, lint } = await importAndLint('bad-elements', text);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toContain('nothing written');
    const at = (needle: string) => `${file}:${lineOf(text, needle)}:`;
    const errors = findingsOf(run.stderr, 'error');
    const expected: [string, string][] = [
      [at('EAID_NERGENS'), 'dangling-idref'],
      [at(`name="drie"`), 'duplicate-id'],
      [at('value="veel"'), 'invalid-multiplicity'],
      [at('name="Zonder"'), 'missing-id'],
      [at(`xmi:id="${id(32)}"`), 'dangling-idref'],
    ];
    for (const [place, rule] of expected)
      expect(
        errors.some((l) => l.startsWith(place) && l.includes(`  error  ${rule}  `)),
        `${place} ${rule} in\n${run.stderr}`,
      ).toBe(true);
    // and the bounds of the attribute whose id is used twice carry ids made from it: used twice as well
    expect(errors.filter((l) => l.includes('  duplicate-id  '))).toHaveLength(3);
    expect(errors).toHaveLength(expected.length + 2);
    const objecttypen = (read('objecttypen.yaml').objecttypen as Data[]).map((o) => o.naam).sort();
    expect(objecttypen).toEqual(['Dubbel', 'Goed', 'Telling', 'Verwijzend', 'Zonder']);
    const goed = (read('objecttypen.yaml').objecttypen as Data[]).find((o) => o.naam === 'Goed')!;
    expect((goed.attribuutsoorten as Data[]).map((a) => `${a.naam} ${a.type} ${a.kardinaliteit}`)).toEqual([
      'een CharacterString 1',
      'twee Integer 0..1',
    ]);
    // What was written as it stands, lint goes on reporting.
    const linted = lint.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.message}`);
    expect(linted).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^invalid-kardinaliteit kardinaliteit "veel\.\.1"/),
        expect.stringMatching(/^unresolved-reference .*"EAID_NERGENS"/),
        expect.stringMatching(/^duplicate-id /),
      ]),
    );
    expect(((read('datatypes.yaml').enumeraties as Data[])[0]!.waarden as Data[]).map((w) => w.naam)).toEqual([
      'rood',
      'groen',
    ]);
  });
});

describe('several associations of one name whose ends have no role (GGM: Leerling heeft ...)', () => {
  // Zaak heeft Betrokkene, heeft Document (no roles), heeft Besluit (role "genomen besluit"), betrokkene Betrokkene.
  const ends = [
    { n: 20, naam: 'heeft', doel: 5, doelNaam: 'Betrokkene', rol: '' },
    { n: 21, naam: 'heeft', doel: 7, doelNaam: 'Document', rol: '' },
    { n: 22, naam: 'heeft', doel: 9, doelNaam: 'Besluit', rol: 'genomen besluit' },
    { n: 23, naam: 'betrokkene', doel: 5, doelNaam: 'Betrokkene', rol: '' },
  ];
  const attributes = ends.map(
    (
      e,
    ) => `				<ownedAttribute xmi:type="uml:Property" xmi:id="EAID_dst${e.n}" ${e.rol ? `name="${e.rol}" ` : ''}visibility="public" association="${id(e.n)}">
					<type xmi:idref="${id(e.doel)}"/>
				</ownedAttribute>`,
  );
  const associations = ends.map(
    (e) => `			<packagedElement xmi:type="uml:Association" xmi:id="${id(e.n)}" name="${e.naam}" visibility="public">
				<memberEnd xmi:idref="EAID_dst${e.n}"/>
				<memberEnd xmi:idref="EAID_src${e.n}"/>
				<ownedEnd xmi:type="uml:Property" xmi:id="EAID_src${e.n}" visibility="public" association="${id(e.n)}">
					<type xmi:idref="${id(1)}"/>
				</ownedEnd>
			</packagedElement>`,
  );
  const text = eaFile(
    [
      klasse(1, 'Zaak', [{ n: 2, naam: 'nummer', type: 'EAJava_String' }]).replace(
        '\t\t\t</packagedElement>',
        `${attributes.join('\n')}\n			</packagedElement>`,
      ),
      klasse(5, 'Betrokkene', [{ n: 6, naam: 'naam', type: 'EAJava_String' }]),
      klasse(7, 'Document', [{ n: 8, naam: 'titel', type: 'EAJava_String' }]),
      klasse(9, 'Besluit', [{ n: 10, naam: 'datum', type: 'EAJava_String' }]),
      ...associations,
    ].join('\n'),
    [1, 5, 7, 9].map((n) => `\t\t<MIM:Objecttype base_Class="${id(n)}"/>`).join('\n') +
      ends.map((e) => `\n\t\t<MIM:Relatiesoort base_Association="${id(e.n)}"/>`).join(''),
    '',
    ends
      .map(
        (e) =>
          `			<connector xmi:idref="${id(e.n)}" name="${e.naam}"><source xmi:idref="${id(1)}"><model type="Class" name="Zaak"/><type multiplicity="1"/></source><target xmi:idref="${id(e.doel)}"><model type="Class" name="${e.doelNaam}"/>${e.rol ? `<role name="${e.rol}"/>` : ''}<type multiplicity="0..*"/></target><properties ea_type="Association" stereotype="Relatiesoort" direction="Source -&gt; Destination"/></connector>`,
      )
      .join('\n'),
  );

  it("gives a repeated name without a role UML's default end name as rol, keeps a role, takes no default in use", async () => {
    const { run, read, lint } = await importAndLint('repeated-names', text);
    expect(run.code, run.stderr).toBe(0);
    const zaak = (read('objecttypen.yaml').objecttypen as Data[]).find((o) => o.naam === 'Zaak')!;
    const rels = (zaak.relatiesoorten as Data[]).map((r) => [r.naam, r.doel, r.rol]);
    expect(rels).toEqual(
      expect.arrayContaining([
        // "betrokkene" is the name of another relation of Zaak: no default, and no clash left either
        ['heeft', 'Betrokkene', undefined],
        ['heeft', 'Document', 'document'],
        ['heeft', 'Besluit', 'genomen besluit'],
        ['betrokkene', 'Betrokkene', undefined],
      ]),
    );
    const gegeven = findingsOf(run.stderr, 'warning').filter((l) => l.includes('as rol'));
    expect(gegeven).toEqual([expect.stringContaining('relatiesoort "heeft" of Zaak to Document')]);
    expect(gegeven[0]).toMatch(/:\d+:\d+ {2}warning {2}unnamed-relation {2}/);
    expect(lint.filter((f) => f.rule === 'duplicate-name')).toEqual([]);
  });
});
