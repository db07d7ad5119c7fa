/**
 * The API section (model/<name>/api.yaml and the shared files it uses) as input: a broken file gets every
 * problem at once as a finding at file:line:col, in the file that causes it, never a stack trace; laying a
 * model's file over a shared one merges named things by name and lets the model's file win; the real
 * models load clean.
 */
import { describe, expect, it } from 'vitest';
import { loadApi } from '../../generator/api/load.ts';
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import { formatFinding, type Finding } from '../../generator/diagnostics/findings.ts';
import { loadModel } from '../../generator/pipeline.ts';
import { memoryReader } from '../diff/helpers.ts';

const GEDEELD = `# yaml-language-server: $schema=../../schema/api.schema.json
api:
  id: gedeeld.api
  versie: 1.0.0
  beveiliging:
    naam: OAuth2
    tokenUrl: https://auth.example/token
    scopes:
      - naam: read
    vereist: [read]
schemas:
  - naam: Bericht
    bericht: compat
  - naam: Paginering
    velden:
      - { naam: page, verplicht: true, type: integer, minimum: 1 }
operaties:
  - id: postGegevens
    pad: /gegevens
    methode: post
    verzoek:
      verplicht: true
      inhoud: { mediatype: application/json, component: Paginering }
    antwoorden:
      - status: "200"
        beschrijving: Gedeelde tekst
        inhoud: { mediatype: application/json, component: Bericht }
      - status: "400"
        beschrijving: Fout
`;

const EIGEN = `# yaml-language-server: $schema=../../schema/api.schema.json
api:
  id: t.api
  gebruikt: [../gedeeld/api.yaml]
  titel: Test-API
  beveiliging:
    scopes:
      - naam: read
        beschrijving: Lezen
operaties:
  - id: postGegevens
    samenvatting: Eigen samenvatting
    antwoorden:
      - status: "200"
        beschrijving: Eigen tekst
`;

function laad(eigen: string, gedeeld = GEDEELD) {
  const result = loadApi('model/t', memoryReader({ 'model/t/api.yaml': eigen, 'model/gedeeld/api.yaml': gedeeld }));
  if (!result) throw new Error('no api.yaml found');
  return result;
}

const kort = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`);

describe('loading the API section', () => {
  it('lays the model file over the shared file: names merged by name, the model file wins, order kept', () => {
    const { api, findings } = laad(EIGEN);
    expect(findings).toEqual([]);
    expect(api?.titel).toBe('Test-API');
    expect(api?.versie).toBe('1.0.0');
    expect(api?.beveiliging).toEqual({
      naam: 'OAuth2',
      tokenUrl: 'https://auth.example/token',
      scopes: [{ naam: 'read', beschrijving: 'Lezen' }],
      vereist: ['read'],
    });
    const op = api?.operaties[0];
    expect(op?.samenvatting).toBe('Eigen samenvatting');
    expect(op?.pad).toBe('/gegevens');
    expect(op?.antwoorden.map((a) => `${a.status} ${a.beschrijving}`)).toEqual(['200 Eigen tekst', '400 Fout']);
    expect(op?.antwoorden[0]?.inhoud).toEqual({ mediatype: 'application/json', component: 'Bericht', gesloten: false });
    expect(api?.schemas.map((s) => s.naam)).toEqual(['Bericht', 'Paginering']);
  });

  it('is absent for a model without api.yaml', () => {
    expect(loadApi('model/t', memoryReader({ 'model/t/informatiemodel.yaml': 'informatiemodel: {}' }))).toBeUndefined();
  });

  it('reports a YAML syntax error at its line and column', () => {
    const { api, findings } = laad(EIGEN.replace('  titel: Test-API', '  titel: "Test-API'));
    expect(api).toBeUndefined();
    expect(kort(findings)).toEqual(['model/t/api.yaml:5:10 yaml-syntax']);
  });

  it('reports an unknown key with a suggestion, in the file that has it', () => {
    const { findings } = laad(EIGEN.replace('  titel: Test-API', '  titell: Test-API'));
    expect(findings.map(formatFinding)).toEqual([
      'model/t/api.yaml:5:3  error  unknown-key  unknown key "titell" in kop; did you mean "titel"?',
    ]);
  });

  it('reports a reference to a schema no file defines where it is written, with a suggestion, also in the shared file', () => {
    const { findings } = laad(EIGEN, GEDEELD.replace('component: Paginering }', 'component: Pagineringg }'));
    expect(kort(findings)).toEqual(['model/gedeeld/api.yaml:23:57 unresolved-reference']);
    expect(findings[0]?.message).toMatch(/the schema "Pagineringg".*did you mean "Paginering"\?/);
  });

  it('reports a missing shared file at the entry that names it', () => {
    const { findings } = laad(EIGEN.replace('../gedeeld/api.yaml', '../gedeeld/apii.yaml'));
    expect(kort(findings)).toEqual(['model/t/api.yaml:4:14 unresolved-reference']);
    expect(findings[0]?.message).toContain('model/gedeeld/apii.yaml');
  });

  it('reports what the merged API lacks at the element that lacks it, and a status given twice in one file', () => {
    const { findings } = laad(
      EIGEN.replace('  titel: Test-API\n', '').replace(
        '      - status: "200"\n        beschrijving: Eigen tekst\n',
        '      - status: "201"\n      - status: "201"\n',
      ),
    );
    expect(findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      '2:1 missing-key the API lacks "titel", in this file or a shared file it uses; add it',
      '13:9 missing-key the antwoord 201 of the operatie "postGegevens" lacks "beschrijving", in this file or a shared file it uses; add it',
      '14:9 missing-key the antwoord 201 of the operatie "postGegevens" lacks "beschrijving", in this file or a shared file it uses; add it',
      '14:17 duplicate-name status "201" appears twice in "antwoorden"; keep one',
    ]);
  });

  it('reports a veld that is a reference and a value at once, an undeclared scope and a broken pattern, all at once', () => {
    const gedeeld = GEDEELD.replace(
      '{ naam: page, verplicht: true, type: integer, minimum: 1 }',
      '{ naam: page, component: Bericht, type: integer, pattern: "[a-" }',
    ).replace('    methode: post\n', '    methode: post\n    scopes: [write]\n');
    const { findings } = laad(EIGEN, gedeeld);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
      'model/gedeeld/api.yaml:16 conflicting-keys',
      'model/gedeeld/api.yaml:16 invalid-pattern',
      'model/gedeeld/api.yaml:21 unresolved-reference',
    ]);
    expect(findings[2]?.message).toContain('the scope "write" is not declared under beveiliging.scopes');
  });

  it('refuses a shared file that uses itself, and a header name that is no HTTP field name', () => {
    const rond = laad(EIGEN, GEDEELD.replace('  versie: 1.0.0\n', '  versie: 1.0.0\n  gebruikt: [api.yaml]\n'));
    expect(rond.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      'model/gedeeld/api.yaml:5:14 invalid-value',
    ]);
    const header = laad(
      EIGEN.replace(
        '        beschrijving: Eigen tekst\n',
        '        beschrijving: Eigen tekst\n        headers:\n          - { naam: "Bad Header", schema: { type: string } }\n',
      ),
    );
    expect(header.findings.map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      '17 invalid-value the header "Bad Header" is no HTTP header name',
    ]);
  });

  it('gives a file that is not UTF-8 as unreadable input, not a stack trace', () => {
    const reader = memoryReader({ 'model/t/api.yaml': 'x' });
    const bytes = new Uint8Array([0x61, 0x70, 0x69, 0x3a, 0xff, 0x0a]);
    expect(() =>
      loadApi('model/t', { ...reader, read: (p) => (p.endsWith('api.yaml') ? bytes : reader.read(p)) }),
    ).toThrow(/not valid UTF-8/);
  });

  it('surfaces its findings through loadModel, so that lint and generate report them', () => {
    const files: Record<string, string> = {};
    for (const f of ['informatiemodel.yaml', 'objecttypen.yaml', 'enumeraties.yaml', 'uitwisselmodel.yaml']) {
      files[`model/vroegsignalering/${f}`] = new TextDecoder().decode(
        fileSystemReader.read(`model/vroegsignalering/${f}`),
      );
    }
    for (const f of ['datatypes.yaml', 'gemeentelijk.yaml', 'gegevensuitwissel-api.yaml'])
      files[`model/gedeeld/${f}`] = new TextDecoder().decode(fileSystemReader.read(`model/gedeeld/${f}`));
    files['model/vroegsignalering/api.yaml'] = new TextDecoder()
      .decode(fileSystemReader.read('model/vroegsignalering/api.yaml'))
      .replace('  titel:', '  title:');
    const loaded = loadModel('model/vroegsignalering', memoryReader(files));
    expect(loaded.findings.filter((f) => f.severity === 'error').map(formatFinding)).toEqual([
      expect.stringMatching(
        /^model\/vroegsignalering\/api\.yaml:7:3 {2}error {2}unknown-key {2}unknown key "title" in kop; did you mean "titel"\?$/,
      ),
    ]);
    expect(loaded.uitwisselmodel?.api).toBeUndefined();
  });
});

describe.each(['vroegsignalering', 'schuldhulpverlening'])('the API section of %s', (naam) => {
  it('loads without findings and becomes part of the uitwisselmodel', () => {
    const loaded = loadModel(`model/${naam}`, fileSystemReader);
    expect(loaded.findings.map(formatFinding)).toEqual([]);
    expect(loaded.uitwisselmodel?.api?.operaties.map((o) => `${o.methode} ${o.pad} ${o.id}`)).toEqual([
      'post /gegevens postGegevens',
    ]);
  });
});
