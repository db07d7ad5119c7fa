/**
 * mimgen import of MIM-XML as other tools write it, and mimgen export's unhappy paths: Geonovum's samples (MIM
 * 1.1.1 and 1.2, relatiesoort and relatierol leidend) import; a file built here with a deviation of each kind is
 * written with every problem at its line and column (exit 1); input that cannot be read writes nothing (exit 2);
 * XMI goes to the XMI import; a folder with hand-written model files is not replaced.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lineOf, mimgenInProcess, repoRoot, tempDir } from '../xmi/helpers.ts';
import { otherToolXmi } from '../xmi/other-tool.ts';
import { MIM_XML_REFERENCE, samplesUnavailable } from './helpers.ts';

const temp = tempDir('mimxml-import');
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(temp, `run-${++n}`);

const POSITIONED = /^(.+):(\d+):(\d+) {2}(error|warning) {2}([a-z-]+) {2}(.+)$/;

/** The findings printed on stderr: every line but the summary must be one, positioned. */
function findings(stderr: string): { line: number; column: number; severity: string; rule: string; message: string }[] {
  return stderr
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('mimgen import'))
    .map((l) => {
      const m = POSITIONED.exec(l);
      expect(m, `a positioned finding: ${l}`).not.toBeNull();
      return { line: Number(m![2]), column: Number(m![3]), severity: m![4]!, rule: m![5]!, message: m![6]! };
    });
}

const skipSamples = samplesUnavailable();
describe.skipIf(skipSamples !== undefined)(`Geonovum's samples ${skipSamples ?? ''}`, () => {
  it.each([
    ['1.1.1', 'relatiesoort1.xml'],
    ['1.1.1', 'relatierol1.xml'],
    ['1.2', 'relatiesoort1.xml'],
    ['1.2', 'relatierol1.xml'],
  ])(
    'MIM %s %s imports: the objecttype with its relatiesoort to itself, every finding positioned',
    async (versie, naam) => {
      const file = join(MIM_XML_REFERENCE, versie, naam);
      const out = join(fresh(), 'model', 'voorbeeld');
      const r = await mimgenInProcess(['import', file, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const lines = readFileSync(file, 'utf8').split('\n').length;
      for (const f of findings(r.stderr)) expect(f.line).toBeLessThanOrEqual(lines);
      expect(r.stderr).toContain('the file holds no mim:Informatiemodel');
      const data = parse(readFileSync(join(out, 'informatiemodel.yaml'), 'utf8')) as {
        objecttypen: { id: string; naam: string; relatiesoorten: Record<string, string>[] }[];
      };
      const [ot] = data.objecttypen;
      expect(ot).toMatchObject({ id: 'id1', naam: 'naam' });
      expect(ot!.relatiesoorten[0]).toMatchObject({ naam: 'relatiesoort', doel: 'naam', kardinaliteit: '0..1' });
      // Relatierol leidend: the kardinaliteiten are the roles'; relatiesoort leidend: the relatiesoort's.
      expect(ot!.relatiesoorten[0]!.kardinaliteitBron).toBe(naam.startsWith('relatierol') ? '0..1' : '1');
      const lint = await mimgenInProcess(['lint', out]);
      expect(lint.stdout + lint.stderr).not.toMatch(/ error /);
    },
  );
});

// Each deviation on a line of its own; the comment names the rule it gives.
const AFWIJKINGEN = `<?xml version="1.0" encoding="UTF-8"?>
<mim:Informatiemodel xmlns:mim="http://www.geostandaarden.nl/mim/mim-core/1.2" xmlns:mim-ref="http://www.geostandaarden.nl/mim/mim-ref/1.0" xmlns:mim-ext="http://www.geostandaarden.nl/mim/mim-ext/1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xhtml="http://www.w3.org/1999/xhtml" id="m">
  <mim:naam>Afwijkingen</mim:naam>
  <mim:definitie><xhtml:p>Eerste alinea.</xhtml:p><xhtml:p>Tweede &amp; laatste.</xhtml:p></mim:definitie>
  <mim:informatiemodeltype>Logisch</mim:informatiemodeltype>
  <mim:MIMVersie>1.2</mim:MIMVersie>
  <mim:packages>
    <mim:Domein id="d">
      <mim:naam>Afwijkingen</mim:naam>
      <mim:objecttypen>
        <mim:Objecttype id="persoon">
          <mim:naam>Persoon</mim:naam>
          <mim:begrip>http://example.org/persoon</mim:begrip>
          <mim:definitie>Een mens.</mim:definitie>
          <mim:indicatieAbstractObject>misschien</mim:indicatieAbstractObject>
          <mim:kleur>blauw</mim:kleur>
          <mim:attribuutsoorten>
            <mim:Attribuutsoort id="persoon.naam">
              <mim:naam>naam</mim:naam>
              <mim:definitie>De naam.</mim:definitie>
              <mim:type><mim-ref:DatatypeRef xlink:href="#an">AN200</mim-ref:DatatypeRef></mim:type>
              <mim:lengte>veel</mim:lengte>
              <mim:kardinaliteit>1</mim:kardinaliteit>
              <mim:authentiek>Misschien</mim:authentiek>
              <mim:indicatieAfleidbaar>true</mim:indicatieAfleidbaar>
            </mim:Attribuutsoort>
            <mim:Attribuutsoort id="persoon.zonder-type">
              <mim:naam>zonderType</mim:naam>
            </mim:Attribuutsoort>
            <mim:Attribuutsoort id="persoon.ergens">
              <mim:naam>ergens</mim:naam>
              <mim:type><mim-ref:DatatypeRef xlink:href="#nergens">Woonplaats</mim-ref:DatatypeRef></mim:type>
            </mim:Attribuutsoort>
            <mim:Attribuutsoort id="persoon.naam">
              <mim:naam>tweedeNaam</mim:naam>
              <mim:type><mim:Datatype>CharacterString</mim:Datatype></mim:type>
            </mim:Attribuutsoort>
          </mim:attribuutsoorten>
        </mim:Objecttype>
        <mim:Objecttype id="naamloos"><mim:definitie>Zonder naam.</mim:definitie></mim:Objecttype>
      </mim:objecttypen>
      <mim:datatypen>
        <mim:PrimitiefDatatype id="an"><mim:naam>AN</mim:naam><mim:datumOpname/></mim:PrimitiefDatatype>
        <mim:Referentielijst id="landen"><mim:naam>Landen</mim:naam><mim:locatie>https://example.org/landen</mim:locatie></mim:Referentielijst>
      </mim:datatypen>
    </mim:Domein>
  </mim:packages>
</mim:Informatiemodel>
`;

describe('MIM-XML that deviates from the XSD', () => {
  it('is written with every deviation at its line and column, exit 1', async () => {
    const dir = fresh();
    mkdirSync(dir);
    const file = join(dir, 'afwijkingen.xml');
    writeFileSync(file, AFWIJKINGEN);
    const out = join(dir, 'model', 'afwijkingen');
    const r = await mimgenInProcess(['import', file, '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    const got = findings(r.stderr).map((f) => `${f.line} ${f.severity} ${f.rule} ${f.message}`);
    const at = (needle: string) => lineOf(AFWIJKINGEN, needle);
    const expected: [string, string, string][] = [
      ['<mim:informatiemodeltype>', 'warning mim-xml-not-mapped', 'mim:Informatiemodel/informatiemodeltype (1x)'],
      ['<mim:Informatiemodel', 'warning mim-xml-not-mapped', 'versie (1x): MIM-XML has no versie'],
      ['<mim:begrip>', 'warning mim-xml-not-mapped', 'mim:Objecttype/begrip (1x)'],
      ['misschien', 'warning mim-xml-structure', '<mim:indicatieAbstractObject> of mim:Objecttype is "misschien"'],
      ['<mim:kleur>', 'warning mim-xml-structure', '<mim:kleur> has no place in mim:Objecttype'],
      ['<mim:lengte>veel', 'warning mim-xml-structure', 'is "veel", not a whole number'],
      ['Misschien</mim:authentiek>', 'warning mim-xml-structure', 'authentiek "Misschien" is not one of'],
      ['<mim:indicatieAfleidbaar>true', 'warning mim-xml-not-mapped', 'mim:Attribuutsoort/indicatieAfleidbaar (1x)'],
      ['<mim:Attribuutsoort id="persoon.zonder-type">', 'error mim-xml-structure', 'has no mim:type; it is left out'],
      ['#nergens', 'error mim-xml-reference', 'xlink:href="#nergens" names no element of this file'],
      [
        '<mim:Attribuutsoort id="persoon.naam">\n              <mim:naam>tweedeNaam',
        'error duplicate-id',
        'the id "persoon.naam"',
      ],
      ['<mim:Objecttype id="naamloos">', 'error mim-xml-structure', 'mim:Objecttype has no mim:naam'],
      ['<mim:PrimitiefDatatype', 'warning mim-xml-not-mapped', 'mim:PrimitiefDatatype without basis (1x)'],
      ['<mim:Referentielijst', 'warning mim-xml-not-mapped', 'mim:Referentielijst (1x)'],
    ];
    for (const [needle, kind, message] of expected) {
      const line = needle.includes('\n') ? at(needle) : at(needle);
      expect(
        got.some((g) => g.startsWith(`${line} ${kind} `) && g.includes(message)),
        `${kind} at line ${line}: ${message}\n${got.join('\n')}`,
      ).toBe(true);
    }
    // Beside them, each element that lacks children the XSD requires says which, at the element.
    const lacks = got.filter((g) => g.includes('which MIM-XML requires there'));
    expect(lacks.every((g) => / warning mim-xml-structure /.test(g))).toBe(true);
    expect(lacks).toContainEqual(
      expect.stringMatching(new RegExp(`^2 .*mim:Informatiemodel lacks .*mim:relatiemodelleringstype`)),
    );
    expect(lacks).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${at('<mim:Attribuutsoort id="persoon.naam">')} .*mim:indicatieClassificerend, mim:mogelijkGeenWaarde,`,
        ),
      ),
    );
    expect(lacks).toHaveLength(9);
    expect(got).toHaveLength(expected.length + lacks.length);

    const data = parse(readFileSync(join(out, 'informatiemodel.yaml'), 'utf8')) as Record<string, unknown>;
    expect(data.informatiemodel).toMatchObject({ id: 'm', naam: 'Afwijkingen', versie: '0' });
    expect((data.informatiemodel as { definitie: string }).definitie).toBe('Eerste alinea.\n\nTweede & laatste.');
    const persoon = (data.objecttypen as { naam: string; attribuutsoorten: Record<string, unknown>[] }[])[0]!;
    expect(persoon.attribuutsoorten.map((a) => [a.naam, a.type])).toEqual([
      ['naam', 'AN200'],
      ['ergens', 'Woonplaats'],
      ['tweedeNaam', 'CharacterString'],
    ]);
    expect(persoon.attribuutsoorten[2]!.id).toBe('persoon.naam-2');
    expect(data.codelijsten).toEqual([{ id: 'landen', naam: 'Landen', locatie: 'https://example.org/landen' }]);
    // Lint goes on reporting what the import could not resolve.
    const lint = await mimgenInProcess(['lint', out]);
    expect(lint.stdout).toMatch(/unresolved-reference .*Woonplaats/);
  });
});

describe('input that cannot be read writes nothing (exit 2)', () => {
  const goed = Buffer.from(AFWIJKINGEN);
  it.each([
    ['empty', Buffer.alloc(0), 'empty-file', 1],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), 'not-xml', 1],
    [
      'bad UTF-8',
      Buffer.concat([goed.subarray(0, 300), Buffer.from([0xe9, 0x41]), goed.subarray(300)]),
      'bad-encoding',
      AFWIJKINGEN.slice(0, 300).split('\n').length,
    ],
    ['unknown encoding', Buffer.from(AFWIJKINGEN.replace('UTF-8', 'klingon-8')), 'unknown-encoding', 1],
    ['truncated', goed.subarray(0, 2000), 'not-xml', undefined],
    ['not MIM-XML', Buffer.from('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>\n'), 'not-mim-xml', 2],
  ] as const)('%s', async (_, bytes, rule, line) => {
    const dir = fresh();
    mkdirSync(dir);
    const file = join(dir, 'in.xml');
    writeFileSync(file, bytes);
    const out = join(dir, 'model', 'uit');
    const r = await mimgenInProcess(['import', file, '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    const [f] = findings(r.stderr);
    expect(f!.rule).toBe(rule);
    if (line !== undefined) expect(f!.line).toBe(line);
    expect(r.stderr).toContain('nothing written');
    expect(existsSync(join(dir, 'model'))).toBe(false);
  });
});

describe('mimgen import chooses the importer by the format', () => {
  it('sends XMI of another tool to the XMI import', async () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, 'model.xmi'), otherToolXmi());
    const r = await mimgenInProcess(['import', join(dir, 'model.xmi'), '--out', join(dir, 'model', 'x')]);
    expect(r.stderr).toContain('mimgen import-xmi: wrote');
    expect([0, 1]).toContain(r.code);
  });

  it('refuses the XMI options for MIM-XML, and a folder with hand-written model files without --replace', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'model', 'uit'), { recursive: true });
    const file = join(dir, 'm.xml');
    writeFileSync(file, AFWIJKINGEN);
    const opties = await mimgenInProcess(['import', file, '--out', join(dir, 'model', 'uit'), '--package', 'P']);
    expect(opties.code).toBe(2);
    expect(opties.stderr).toContain('--package apply to XMI; this file is MIM-XML');

    writeFileSync(join(dir, 'model', 'uit', 'eigen.yaml'), 'objecttypen: []\n');
    writeFileSync(join(dir, 'model', 'uit', 'uitwisselmodel.yaml'), '# de afleiding\n');
    const r = await mimgenInProcess(['import', file, '--out', join(dir, 'model', 'uit')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/out-not-empty .*eigen\.yaml/);
    const replaced = await mimgenInProcess(['import', file, '--out', join(dir, 'model', 'uit'), '--replace']);
    expect(replaced.code).toBe(1);
    expect(readdirSync(join(dir, 'model', 'uit')).sort()).toEqual(['informatiemodel.yaml', 'uitwisselmodel.yaml']);
    // A second import replaces what the first wrote, without --replace.
    const again = await mimgenInProcess(['import', file, '--out', join(dir, 'model', 'uit')]);
    expect(again.code).toBe(1);
    expect(readFileSync(join(dir, 'model', 'uit', 'uitwisselmodel.yaml'), 'utf8')).toBe('# de afleiding\n');
  });
});

describe('mimgen export refuses what it cannot do, and writes nothing', () => {
  const model = join(repoRoot, 'model', 'vroegsignalering');
  it.each([
    [['--mim-versie', '2.0'], 2, '--mim-versie 2.0: write 1.1.1 or 1.2'],
    [['--format', 'xmi'], 2, 'the export writes mim-xml'],
    [['--relatiemodellering', 'relatieklasse'], 2, 'write relatiesoort or relatierol'],
  ])('%j', async (args, code, message) => {
    const out = join(fresh(), 'm.xml');
    mkdirSync(join(out, '..'));
    const r = await mimgenInProcess(['export', model, ...args, '--out', out]);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it('into a folder that does not exist: exit 2', async () => {
    const r = await mimgenInProcess(['export', model, '--out', join(fresh(), 'nergens', 'm.xml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist');
  });

  it('of a model with errors: exit 1, the errors listed', async () => {
    const out = join(fresh(), 'm.xml');
    mkdirSync(join(out, '..'));
    const r = await mimgenInProcess([
      'export',
      join(repoRoot, 'test/fixtures/lint/unresolved-reference-doel'),
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('unresolved-reference');
    expect(existsSync(out)).toBe(false);
  });
});
