/**
 * Every rule of the registry (generator/diagnostics/rules.ts) fires on a fixture: the real command runs on it and
 * prints a finding under that rule id, with the severity the registry declares, at a line and column of the file
 * it names. TRIGGERS is typed Record<RuleId, Trigger>, so a rule added to the registry without a trigger here does
 * not type-check (npm run typecheck covers test/), and a test checks its keys against the registry at run time too.
 * Where a rule belongs to several steps (unknown-key in a model file, in uitwisselmodel.yaml, in api.yaml and in
 * mimgen.config.yaml), every step the registry names has a case of its own.
 *
 * Cost: the commands that do not depend on the current folder (lint of a model folder, import-xmi with paths) run
 * in this process through the CLI's entry main([...]), which is cheap; those that read mimgen.config.yaml or
 * model/ of the current folder (generate, a bad config) run as child processes in a temporary repository: three,
 * started together before the first test. The generate run is the slow one (it emits the one model that loads).
 *
 * The fixtures: the lint corpus (test/fixtures/lint/), test/fixtures/xmi/every-warning.xmi and every-error.xmi, and
 * inputs made here: a file too large, nesting too deep, two API sections, a few bytes that are not XMI, two JSON
 * Schemas for the diff, the temporary repositories.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../generator/cli/main.ts';
import { isRuleId, RULES, type RuleId, type Severity, type Stage } from '../../generator/diagnostics/rules.ts';
import { assertBuilt, ROOT } from '../cli/support.ts';

const CORPUS = join(ROOT, 'test', 'fixtures', 'lint');
const XMI = join(ROOT, 'test', 'fixtures', 'xmi');
const EVERY_WARNING = join(XMI, 'every-warning.xmi');
const EVERY_ERROR = join(XMI, 'every-error.xmi');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Case {
  /** The step that reports the finding here: one of the rule's stages in the registry. */
  stage: Stage;
  /** What fires the rule, as a reader of this table (and of a failure) wants to know it. */
  fixture: string;
  run: () => Promise<Run>;
  /** The exit code the run ends with. */
  exit: number;
  /** The end of the path the finding names (forward slashes). */
  file: string;
  /** For a rule declared "error or warning": the severity this case gives. */
  severity?: Severity;
  /** Text the message must contain. */
  message: string | RegExp;
}

type Trigger = readonly [Case, ...Case[]];

// ----- running the CLI -----

const temp = mkdtempSync(join(tmpdir(), 'mimgen-rules-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A run made once, however many cases look at its output. */
function once(make: () => Promise<Run>): () => Promise<Run> {
  let run: Promise<Run> | undefined;
  return () => (run ??= make());
}

const made = new Set<() => Promise<Run>>();
/** Every run the cases asked for, to check all their output for rule ids the registry does not know. */
function tracked(run: () => Promise<Run>): () => Promise<Run> {
  made.add(run);
  return run;
}

/** The CLI's entry in this process, its output captured. */
async function inProcess(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The compiled CLI in a child process in `cwd` (see test/cli/support.ts: nothing is compiled at run time). */
function child(args: string[], cwd: string): Promise<Run> {
  return new Promise((done, fail) => {
    const p = spawn(
      process.execPath,
      ['--import', join(ROOT, 'test', 'helpers', 'no-tsx.mjs'), join(ROOT, 'bin', 'mimgen.js'), ...args],
      {
        cwd,
        env: { ...process.env, MIMGEN_DEBUG: '', NO_COLOR: '1' },
      },
    );
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.on('error', fail);
    p.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const lintRuns = new Map<string, () => Promise<Run>>();
/** `mimgen lint test/fixtures/lint/<name>`, in process. */
function lint(name: string): () => Promise<Run> {
  if (!lintRuns.has(name)) lintRuns.set(name, tracked(once(() => inProcess(['lint', join(CORPUS, name)]))));
  return lintRuns.get(name)!;
}

/** `mimgen lint` over inputs too big to commit (as test/lint-corpus.test.ts makes them): 11 MB, 300 levels. */
const lintGenerated = tracked(
  once(() => {
    const head = 'informatiemodel:\n  id: t\n  naam: T\n  versie: "1"\n';
    mkdirSync(join(temp, 'groot'));
    writeFileSync(join(temp, 'groot', 'a.yaml'), `${head}# ${'x'.repeat(11 * 1024 * 1024)}\n`);
    mkdirSync(join(temp, 'diep'));
    let deep = `${head}x:\n`;
    for (let i = 0; i < 300; i++) deep += `${' '.repeat(i + 2)}-\n`;
    writeFileSync(join(temp, 'diep', 'a.yaml'), deep);
    return inProcess(['lint', join(temp, 'groot'), join(temp, 'diep')]);
  }),
);

/**
 * `mimgen lint` over two models with an API section (api.yaml) made here: one whose file breaks the format, one
 * whose content does (the loader checks the content only when the format holds).
 */
const lintApi = tracked(
  once(() => {
    mkdirSync(join(temp, 'gedeeld'));
    cpSync(join(ROOT, 'test', 'fixtures', 'gedeeld', 'datatypes.yaml'), join(temp, 'gedeeld', 'datatypes.yaml'));
    const api = {
      'api-formaat': [
        'api:',
        '  id: t.api',
        '  titel: T',
        '  versie: 1.0.0',
        '  vresie: 2',
        'operaties:',
        '  - id: post',
        '    samenvatting: x',
        '    antwoorden:',
        '      - status: 200',
      ],
      'api-inhoud': [
        'api:',
        '  id: t.api',
        '  versie: 1.0.0',
        '  beveiliging: { naam: OAuth2, tokenUrl: "https://auth.example/token", scopes: [{ naam: read }], vereist: [read] }',
        'schemas:',
        '  - naam: Bericht',
        '    bericht: compat',
        '  - naam: Paginering',
        '    velden:',
        '      - { naam: page, verplicht: true, type: integer, pattern: "[z-a" }',
        '      - { naam: size, component: Bericht, type: integer }',
        'operaties:',
        '  - id: postGegevens',
        '    pad: /gegevens',
        '    methode: post',
        '    verzoek: { verplicht: true, inhoud: { mediatype: application/json, component: Pagineringg } }',
        '    antwoorden:',
        '      - { status: "200", beschrijving: Antwoord, inhoud: { mediatype: application/json, component: Bericht } }',
        '      - { status: "200", beschrijving: Nog eens }',
      ],
    };
    for (const [name, lines] of Object.entries(api)) {
      mkdirSync(join(temp, 'api', name), { recursive: true });
      for (const f of ['a.yaml', 'uitwisselmodel.yaml'])
        cpSync(join(CORPUS, 'valid-derivation', f), join(temp, 'api', name, f));
      writeFileSync(join(temp, 'api', name, 'api.yaml'), `${lines.join('\n')}\n`);
    }
    return inProcess(['lint', ...Object.keys(api).map((name) => join(temp, 'api', name))]);
  }),
);

let importCount = 0;
/** `mimgen import-xmi <file> --out <a new folder> ...`, in process; `bytes` are written to a file of their own first. */
function importXmi(input: string | { bytes: string | Buffer }, ...args: string[]): () => Promise<Run> {
  return tracked(
    once(() => {
      const dir = join(temp, `import-${++importCount}`);
      mkdirSync(dir);
      let file = input as string;
      if (typeof input !== 'string') {
        file = join(dir, 'export.xmi');
        writeFileSync(file, input.bytes);
      }
      return inProcess(['import-xmi', file, '--out', join(dir, 'model', 'uit'), ...args]);
    }),
  );
}

/** An import whose --out is a file, not a folder. */
const importToFile = tracked(
  once(() => {
    const file = join(temp, 'een-bestand.yaml');
    writeFileSync(file, 'pakket: {}\n');
    return inProcess(['import-xmi', EVERY_WARNING, '--package', 'Waarschuwingen', '--out', file]);
  }),
);

/** An import into a folder that holds a model file no import wrote. */
const importIntoForeignFolder = tracked(
  once(() => {
    const out = join(temp, 'eigen', 'model', 'uit');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'objecttypen.yaml'), 'objecttypen: []\n');
    return inProcess(['import-xmi', EVERY_WARNING, '--package', 'Waarschuwingen', '--out', out]);
  }),
);

/** An import with a --map-file whose omit is not a list. */
const importWithBadMapFile = tracked(
  once(() => {
    const file = join(temp, 'kaart.yaml');
    writeFileSync(file, 'map:\n  Woonplaats: Plaats\nomit: Nergens\n');
    return importXmi(EVERY_WARNING, '--package', 'Waarschuwingen', '--map-file', file)();
  }),
);

/**
 * A repository of its own for the commands that read the current folder: a config that names a model that does
 * not exist, a model without uitwisselmodel.yaml (and with a release.json whose versie is not semver), and a model
 * with a vorige-versie.json that cannot be used.
 */
function repository(config: string | undefined, withModels: boolean): string {
  const dir = mkdtempSync(join(temp, 'repo-'));
  if (config !== undefined) {
    if (config === '<folder>') mkdirSync(join(dir, 'mimgen.config.yaml'));
    else writeFileSync(join(dir, 'mimgen.config.yaml'), config);
  }
  if (withModels) {
    const model = readFileSync(join(CORPUS, 'valid-derivation', 'a.yaml'), 'utf8').replace(
      '../../gedeeld/',
      '../gedeeld/',
    );
    mkdirSync(join(dir, 'model', 'gedeeld'), { recursive: true });
    cpSync(
      join(ROOT, 'test', 'fixtures', 'gedeeld', 'datatypes.yaml'),
      join(dir, 'model', 'gedeeld', 'datatypes.yaml'),
    );
    for (const name of ['klein', 'zonder']) {
      mkdirSync(join(dir, 'model', name));
      writeFileSync(join(dir, 'model', name, 'a.yaml'), model);
    }
    cpSync(join(CORPUS, 'valid-derivation', 'uitwisselmodel.yaml'), join(dir, 'model', 'klein', 'uitwisselmodel.yaml'));
    writeFileSync(join(dir, 'model', 'klein', 'vorige-versie.json'), '{ "versie": "0.9" }\n');
    writeFileSync(join(dir, 'model', 'zonder', 'release.json'), '{\n  "versie": "1.0"\n}\n');
    // The generated package is type-checked against @mimgen/runtime, as in a repository that installed mimgen.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  }
  return dir;
}

const generateInRepository = tracked(
  once(() => child(['generate'], repository('packages:\n  bestaatniet: "@gemeente/bestaatniet"\n', true))),
);
const lintWithBadConfig = tracked(once(() => child(['lint'], repository('modles: model\noutput: 3\n', false))));
const lintWithConfigFolder = tracked(once(() => child(['lint'], repository('<folder>', false))));

/** `mimgen diff` of a JSON Schema with a trailing comma and one that reads, in process. */
const diffBadSchema = tracked(
  once(() => {
    const bad = join(temp, 'komma.schema.json');
    const good = join(temp, 'goed.schema.json');
    writeFileSync(bad, '{\n  "type": "object",\n  "properties": {\n    "a": { "type": "string" },\n  }\n}\n');
    writeFileSync(good, '{ "type": "object" }\n');
    return inProcess(['diff', bad, good]);
  }),
);

/** The XMI export with every warning, with one of its ids given to a second element. */
const duplicateXmiId = () => ({
  bytes: readFileSync(EVERY_WARNING, 'utf8').replace(
    'xmi:id="EAID_00000014_1A2B_4C3D_8E9F_000000000014"',
    'xmi:id="EAID_00000002_1A2B_4C3D_8E9F_000000000002"',
  ),
});

// ----- the triggers -----

const warnings = importXmi(EVERY_WARNING, '--package', 'Waarschuwingen', '--omit', 'Nergens');
const errors = importXmi(EVERY_ERROR, '--map', 'Elders=Nergens');
const W = {
  stage: 'import',
  fixture: 'test/fixtures/xmi/every-warning.xmi --package Waarschuwingen --omit Nergens',
  run: warnings,
  exit: 1,
  file: 'test/fixtures/xmi/every-warning.xmi',
} as const;
const API = {
  stage: 'api',
  fixture: 'api.yaml of two models made here (api-formaat, api-inhoud)',
  run: lintApi,
  exit: 1,
  file: 'api-inhoud/api.yaml',
} as const;
const E = {
  stage: 'import',
  fixture: 'test/fixtures/xmi/every-error.xmi --map Elders=Nergens',
  run: errors,
  exit: 2,
  file: 'test/fixtures/xmi/every-error.xmi',
} as const;

/** `mimgen import <file> --out <a new folder>` of MIM-XML made here, in process. */
function importMimXml(bytes: string): () => Promise<Run> {
  return tracked(
    once(() => {
      const dir = join(temp, `import-${++importCount}`);
      mkdirSync(dir);
      const file = join(dir, 'model.xml');
      writeFileSync(file, bytes);
      return inProcess(['import', file, '--out', join(dir, 'model', 'uit')]);
    }),
  );
}

/** MIM-XML with a deviation of each kind: an element out of place, an objecttype without naam, a dangling href, a begrip. */
const MIM_XML_FOUTEN = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<mim:Informatiemodel xmlns:mim="http://www.geostandaarden.nl/mim/mim-core/1.2" xmlns:mim-ref="http://www.geostandaarden.nl/mim/mim-ref/1.0" xmlns:xlink="http://www.w3.org/1999/xlink">',
  '  <mim:naam>Fouten</mim:naam>',
  '  <mim:kleur>blauw</mim:kleur>',
  '  <mim:packages>',
  '    <mim:Domein id="d">',
  '      <mim:naam>Fouten</mim:naam>',
  '      <mim:objecttypen>',
  '        <mim:Objecttype id="naamloos"/>',
  '        <mim:Objecttype id="persoon">',
  '          <mim:naam>Persoon</mim:naam>',
  '          <mim:begrip>http://example.org/begrip/persoon</mim:begrip>',
  '          <mim:relatiesoorten>',
  '            <mim:Relatiesoort>',
  '              <mim:naam>woont</mim:naam>',
  '              <mim:doel><mim-ref:ObjecttypeRef xlink:href="#nergens">Adres</mim-ref:ObjecttypeRef></mim:doel>',
  '            </mim:Relatiesoort>',
  '          </mim:relatiesoorten>',
  '        </mim:Objecttype>',
  '      </mim:objecttypen>',
  '    </mim:Domein>',
  '  </mim:packages>',
  '</mim:Informatiemodel>',
  '',
].join('\n');
const mimXmlFouten = importMimXml(MIM_XML_FOUTEN);
const M = {
  stage: 'import',
  fixture: 'MIM-XML with a deviation of each kind, made here',
  run: mimXmlFouten,
  exit: 1,
  file: 'model.xml',
} as const;

/** A case of the lint corpus: the folder's expected.json lists the finding too. */
function corpus(stage: Stage, name: string, file: string, message: string | RegExp): Case {
  return {
    stage,
    fixture: `test/fixtures/lint/${name}`,
    run: lint(name),
    exit: expectedExit(name),
    file: `${name}/${file}`,
    message,
  };
}

function expectedExit(name: string): number {
  return (JSON.parse(readFileSync(join(CORPUS, name, 'expected.json'), 'utf8')) as { exit: number }).exit;
}

const TRIGGERS: Record<RuleId, Trigger> = {
  usage: [
    {
      stage: 'cli',
      fixture: 'import-xmi --map without "="',
      run: importXmi(EVERY_WARNING, '--package', 'Waarschuwingen', '--map', 'Woonplaats'),
      exit: 2,
      file: '--map',
      message: '--map Woonplaats: write <EA name or id>=<model name>',
    },
    {
      stage: 'cli',
      fixture: 'import-xmi --out naming a file',
      run: importToFile,
      exit: 2,
      file: 'een-bestand.yaml',
      message: '--out names a file, not a folder',
    },
  ],
  unreadable: [
    corpus('yaml', 'binary-garbage', 'a.yaml', 'binary'),
    {
      stage: 'config',
      fixture: 'mimgen.config.yaml that is a folder',
      run: lintWithConfigFolder,
      exit: 2,
      file: 'mimgen.config.yaml',
      message: 'is not a file',
    },
  ],
  'file-too-large': [
    {
      stage: 'yaml',
      fixture: 'an 11 MB model file, made here',
      run: lintGenerated,
      exit: 1,
      file: 'groot/a.yaml',
      message: /11\.0 MB/,
    },
  ],
  'empty-file': [
    corpus('yaml', 'empty-file', 'a.yaml', 'the file is empty'),
    {
      stage: 'import',
      fixture: 'an empty XMI file, made here',
      run: importXmi({ bytes: '' }),
      exit: 2,
      file: 'export.xmi',
      message: 'the file is empty',
    },
  ],
  'yaml-syntax': [corpus('yaml', 'yaml-unclosed-quote', 'a.yaml', 'Missing closing "quote')],
  'yaml-warning': [corpus('yaml', 'yaml-warning-unknown-tag', 'a.yaml', 'Unresolved tag: !naam')],
  'duplicate-key': [corpus('yaml', 'duplicate-key', 'a.yaml', '"naam" appears twice')],
  'too-deep': [
    {
      stage: 'yaml',
      fixture: '300 levels of nesting, made here',
      run: lintGenerated,
      exit: 1,
      file: 'diep/a.yaml',
      message: 'nests more than',
    },
  ],
  'too-many-aliases': [corpus('yaml', 'billion-laughs', 'a.yaml', 'expand to too many values')],
  'unknown-key': [
    corpus('informatiemodel', 'unknown-key-objecttype', 'a.yaml', 'allowed keys are'),
    corpus('uitwisselmodel', 'derivation-unknown-key', 'uitwisselmodel.yaml', 'did you mean "verplicht"?'),
    { ...API, file: 'api-formaat/api.yaml', message: 'unknown key "vresie" in kop; did you mean "versie"?' },
    {
      stage: 'config',
      fixture: 'mimgen.config.yaml with "modles"',
      run: lintWithBadConfig,
      exit: 2,
      file: 'mimgen.config.yaml',
      message: 'did you mean "models"?',
    },
  ],
  'missing-key': [
    corpus('informatiemodel', 'missing-key-objecttype-id', 'a.yaml', 'objecttype lacks the required key "id"'),
    corpus('uitwisselmodel', 'derivation-missing-key-added', 'uitwisselmodel.yaml', 'needs a "type" or an "object"'),
    { ...API, message: 'the API lacks "titel"' },
  ],
  'invalid-value': [
    corpus('informatiemodel', 'invalid-value-bad-date', 'a.yaml', 'not a date written as YYYY-MM-DD'),
    corpus('uitwisselmodel', 'derivation-invalid-value', 'uitwisselmodel.yaml', '"gesloten" must be a boolean'),
    { ...API, file: 'api-formaat/api.yaml', message: '"status" must be a string, not number 200' },
    {
      stage: 'config',
      fixture: 'mimgen.config.yaml with output: 3',
      run: lintWithBadConfig,
      exit: 2,
      file: 'mimgen.config.yaml',
      message: '"output" must be a string',
    },
  ],
  'missing-informatiemodel': [
    corpus('informatiemodel', 'missing-informatiemodel', 'a.yaml', 'has an "informatiemodel" section'),
  ],
  'duplicate-informatiemodel': [
    corpus('informatiemodel', 'duplicate-informatiemodel', 'b.yaml', 'a second "informatiemodel" section'),
  ],
  'duplicate-id': [
    corpus('informatiemodel', 'duplicate-id', 'a.yaml', 'id "ot.persoon" is already used'),
    {
      stage: 'import',
      fixture: 'every-warning.xmi with an xmi:id used twice, made here, --package Waarschuwingen',
      run: importXmi(duplicateXmiId(), '--package', 'Waarschuwingen'),
      exit: 1,
      file: 'export.xmi',
      message: 'is used a second time',
    },
  ],
  'duplicate-name': [
    corpus('informatiemodel', 'duplicate-name-objecttypen', 'a.yaml', 'has the name of objecttype "Persoon"'),
    corpus(
      'uitwisselmodel',
      'derivation-duplicate-name',
      'uitwisselmodel.yaml',
      'the wire name "naam" appears twice in Persoon',
    ),
    { ...API, message: 'status "200" appears twice in "antwoorden"' },
  ],
  'unsafe-name': [
    corpus('informatiemodel', 'unsafe-name-reserved', 'a.yaml', 'reserved'),
    corpus('uitwisselmodel', 'derivation-unsafe-name', 'uitwisselmodel.yaml', 'wire name "__proto__" is reserved'),
  ],
  'missing-definitie': [
    corpus('informatiemodel', 'missing-definitie', 'a.yaml', 'objecttype "Persoon" has no definitie'),
  ],
  'wrong-kind': [
    corpus(
      'informatiemodel',
      'wrong-kind-relatie-doel',
      'a.yaml',
      'must point at an objecttype, not primitiefDatatype "Datum"',
    ),
  ],
  'ambiguous-reference': [
    corpus(
      'uitwisselmodel',
      'derivation-ambiguous-reference',
      'uitwisselmodel.yaml',
      'relatiesoort "heeft" of Persoon is ambiguous',
    ),
  ],
  'gegevensgroep-in-derivation': [
    corpus(
      'uitwisselmodel',
      'derivation-gegevensgroep',
      'uitwisselmodel.yaml',
      'which a derivation cannot deliver yet',
    ),
  ],
  'optional-key': [
    corpus('uitwisselmodel', 'derivation-optional-key', 'uitwisselmodel.yaml', 'write "verplicht: true" there'),
  ],
  'unresolved-reference': [
    corpus(
      'informatiemodel',
      'unresolved-reference-type',
      'a.yaml',
      'refers to "Datm", which the model does not define; did you mean "Datum"?',
    ),
    corpus(
      'uitwisselmodel',
      'derivation-unresolved-reference',
      'uitwisselmodel.yaml',
      'objecttype "Persn" does not exist in the informatiemodel T; did you mean "Persoon"?',
    ),
    {
      ...API,
      message:
        'refers to the schema "Pagineringg", which no file of the api section defines under schemas; did you mean "Paginering"?',
    },
  ],
  'invalid-kardinaliteit': [
    corpus('informatiemodel', 'invalid-kardinaliteit', 'a.yaml', 'kardinaliteit "2..1" is not valid'),
  ],
  'invalid-pattern': [
    corpus('informatiemodel', 'invalid-pattern', 'a.yaml', 'is not a valid regular expression'),
    { ...API, message: 'the pattern of the veld "page" of the schema "Paginering" is no regular expression' },
  ],
  'invalid-constraint': [corpus('informatiemodel', 'invalid-constraint', 'a.yaml', 'datumvolgorde compares dates')],
  'generalisatie-cycle': [corpus('informatiemodel', 'generalisatie-cycle-2', 'a.yaml', 'A → B → A')],
  'generalisatie-too-deep': [corpus('informatiemodel', 'generalisatie-too-deep', 'a.yaml', 'is 50 objecttypen long')],
  'enum-typed-as-text': [
    corpus('informatiemodel', 'enum-typed-as-text', 'a.yaml', 'while the enumeratie "geslacht" exists'),
  ],
  'conflicting-keys': [
    corpus(
      'uitwisselmodel',
      'derivation-conflicting-keys',
      'uitwisselmodel.yaml',
      'field "naam" says both attribuut and relatie',
    ),
    {
      ...API,
      message:
        'the veld "size" of the schema "Paginering" is a reference (component) and says what its value is (type)',
    },
  ],
  'unknown-model': [
    {
      stage: 'config',
      fixture: 'mimgen.config.yaml naming a package for the model "bestaatniet"',
      run: generateInRepository,
      exit: 1,
      file: 'mimgen.config.yaml',
      message: 'there is no model "bestaatniet" in model/',
    },
  ],
  'missing-derivation': [
    {
      stage: 'generate',
      fixture:
        'generate: model/zonder has no uitwisselmodel.yaml (exit 1 for the previous-version error of the same run)',
      run: generateInRepository,
      exit: 1,
      file: 'model/zonder/uitwisselmodel.yaml',
      message: 'the model has no uitwisselmodel.yaml: only the informatiemodel is generated',
    },
  ],
  'diff-input': [
    {
      stage: 'diff',
      fixture: 'diff of a JSON Schema with a trailing comma, made here',
      run: diffBadSchema,
      exit: 2,
      file: 'komma.schema.json',
      message: "trailing comma before '}'",
    },
  ],
  'previous-version': [
    {
      stage: 'changelog',
      fixture: 'generate: model/klein/vorige-versie.json without a revisie',
      run: generateInRepository,
      exit: 1,
      file: 'model/klein/vorige-versie.json',
      message: '"revisie" must be a non-empty string',
    },
  ],
  'release-file': [
    {
      stage: 'release',
      fixture: 'generate: model/zonder/release.json with "versie": "1.0" (not semver)',
      run: generateInRepository,
      exit: 1,
      file: 'model/zonder/release.json',
      message: '"versie" must be a semver version x.y.z, not "1.0"',
    },
  ],
  'not-xml': [
    {
      stage: 'import',
      fixture: 'plain text, made here',
      run: importXmi({ bytes: 'This is not an export.\n' }),
      exit: 2,
      file: 'export.xmi',
      message: 'not well-formed XML',
    },
  ],
  'bad-encoding': [
    {
      stage: 'import',
      fixture: 'windows-1252 bytes declared UTF-8, made here',
      run: importXmi({ bytes: Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<x>Caf\xe9</x>\n', 'latin1') }),
      exit: 2,
      file: 'export.xmi',
      message: 'not valid utf-8',
    },
  ],
  'unknown-encoding': [
    {
      stage: 'import',
      fixture: 'encoding="klingon-8", made here',
      run: importXmi({ bytes: '<?xml version="1.0" encoding="klingon-8"?>\n<x/>\n' }),
      exit: 2,
      file: 'export.xmi',
      message: '"klingon-8", which is not known',
    },
  ],
  'not-xmi': [
    {
      stage: 'import',
      fixture: 'XML that is no XMI, made here',
      run: importXmi({ bytes: '<?xml version="1.0"?>\n<catalog><book/></catalog>\n' }),
      exit: 2,
      file: 'export.xmi',
      message: 'not an XMI export',
    },
  ],
  'missing-package': [
    {
      ...W,
      fixture: 'every-warning.xmi without --package (it has three)',
      run: importXmi(EVERY_WARNING),
      exit: 2,
      message: 'choose one with --package',
    },
  ],
  'ambiguous-package': [
    {
      ...W,
      fixture: 'every-warning.xmi --package Elders (two are named so)',
      run: importXmi(EVERY_WARNING, '--package', 'Elders'),
      exit: 2,
      message: '2 packages are named "Elders"',
    },
  ],
  'missing-id': [{ ...E, message: 'uml:Class "Naamloos" has no xmi:id' }],
  'dangling-idref': [
    {
      ...W,
      severity: 'warning',
      message:
        'names xmi:idref "EAID_dst000016_GONE", which no element of the file has; the end is read from EA\'s connector',
    },
    {
      ...E,
      severity: 'error',
      message: 'names xmi:idref "EAID_DEADBEEF_0000_0000_0000_000000000000", which no element of the file has',
    },
  ],
  'unnamed-element': [{ ...W, message: 'has no name and is left out' }],
  'name-whitespace': [{ ...W, message: 'the name " geboortedatum " has white space' }],
  referentielijst: [{ ...W, message: 'referentielijst "Landen" is imported as a codelijst' }],
  'unknown-stereotype': [{ ...W, message: 'class "Verhuizing" has the stereotype «Gebeurtenis»' }],
  'missing-stereotype': [{ ...W, message: 'class "Kaal" has no MIM stereotype' }],
  'assumed-basis': [{ ...W, message: 'primitief datatype "Kenteken" says nothing about what its values are' }],
  'foreign-relation': [{ ...W, message: 'association "kent" from "Buitenstaander" (outside the package)' }],
  'unsupported-relation': [{ ...W, message: 'association "bereikbaarOp" starts at gegevensgroeptype Contact' }],
  'unnamed-relation': [{ ...W, message: 'the association from Persoon to Adres' }],
  relatieklasse: [{ ...W, message: 'relatieklasse "Bewoning" is imported as a relatiesoort' }],
  'unsupported-generalisatie': [{ ...W, message: 'Persoon specialises gegevensgroeptype Contact' }],
  'missing-type': [{ ...W, message: 'attribuutsoort "opmerking" of Persoon has no type in EA' }],
  'invalid-multiplicity': [{ ...E, message: 'lower "3" upper "1"' }],
  'unset-multiplicity': [{ ...W, message: 'the source end of relatiesoort "?" of Persoon has the multiplicity 0..0' }],
  'not-imported': [
    { ...W, message: '1 ownedOperation element is not turned into model content (the first here: "verhuis")' },
  ],
  'invalid-tag': [{ ...W, message: 'tag "Lengte" of attribuutsoort "bsn" of Persoon is "negen"' }],
  'ignored-tag': [{ ...W, message: 'Informatiedomein (1x)' }],
  'external-reference': [
    { ...W, message: '"Woonplaats" (EAID_0000BEEF_1A2B_4C3D_8E9F_00000000BEEF) is outside the export' },
  ],
  'unused-mapping': [{ ...W, message: '"Nergens" in --map/--omit matches no reference' }],
  'unknown-map-target': [{ ...E, message: '--map Elders=Nergens: no shared model file' }],
  'invalid-map-file': [
    {
      ...W,
      fixture: 'every-warning.xmi with a --map-file whose omit is no list',
      run: importWithBadMapFile,
      exit: 2,
      file: 'kaart.yaml',
      message: '"omit" must be a list of EA names or ids',
    },
  ],
  'not-mim-xml': [
    {
      stage: 'import',
      fixture: 'XML that is neither XMI nor MIM-XML, made here',
      run: importMimXml('<?xml version="1.0"?>\n<catalog xmlns="urn:boeken"><book/></catalog>\n'),
      exit: 2,
      file: 'model.xml',
      message: 'not a MIM-XML element',
    },
  ],
  'mim-xml-structure': [
    { ...M, severity: 'warning', message: '<mim:kleur> has no place in mim:Informatiemodel' },
    { ...M, severity: 'error', message: 'mim:Objecttype has no mim:naam; it is left out' },
  ],
  'mim-xml-reference': [{ ...M, message: 'xlink:href="#nergens" names no element of this file' }],
  'mim-xml-not-mapped': [{ ...M, message: 'mim:Objecttype/begrip (1x)' }],
  'out-not-empty': [
    {
      ...W,
      fixture: 'every-warning.xmi into a folder with a hand-written model file',
      run: importIntoForeignFolder,
      exit: 2,
      file: 'eigen/model/uit',
      message: 'objecttypen.yaml',
    },
  ],
};

/** Steps the registry names for a rule that no input can reach through the CLI; reported to the lead. */
const UNREACHABLE_STAGES: readonly string[] = [];

// ----- the findings a run prints -----

/** `path:line:col  severity  rule-id  message`. */
const FINDING_LINE = /^(.+?):(\d+):(\d+) {2}(error|warning) {2}([a-z][a-z0-9-]*) {2}(\S.*)$/;

interface Printed {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

function findings(run: Run): Printed[] {
  return `${run.stdout}\n${run.stderr}`
    .split('\n')
    .map((l) => FINDING_LINE.exec(l))
    .filter((m) => m !== null)
    .map((m) => ({
      file: m[1]!.replaceAll('\\', '/'),
      line: Number(m[2]),
      column: Number(m[3]),
      severity: m[4]!,
      rule: m[5]!,
      message: m[6]!,
    }));
}

function matches(f: Printed, rule: RuleId, c: Case, severity: string): boolean {
  const message = typeof c.message === 'string' ? f.message.includes(c.message) : c.message.test(f.message);
  return (
    f.rule === rule && f.severity === severity && f.file.endsWith(c.file) && f.line >= 1 && f.column >= 1 && message
  );
}

async function check(rule: RuleId, c: Case, severity: string): Promise<void> {
  const run = await c.run();
  const all = findings(run);
  const shown = `${c.fixture}: exit ${run.code}\n${run.stdout}${run.stderr}`;
  expect(run.stderr, `no crash: ${shown}`).not.toMatch(/internal error|^\s+at /m);
  expect(run.code, shown).toBe(c.exit);
  expect(
    all.some((f) => matches(f, rule, c, severity)),
    `a ${severity} ${rule} naming …${c.file} with ${String(c.message)} in ${shown}`,
  ).toBe(true);
}

// ----- the tests -----

const ids = Object.keys(RULES) as RuleId[];

beforeAll(() => {
  assertBuilt();
  // The child processes run while the cases in process do.
  for (const run of [generateInRepository, lintWithBadConfig, lintWithConfigFolder]) run().catch(() => undefined);
});

describe('the rules registry', () => {
  it('has a trigger for every rule and for nothing else', () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual(Object.keys(RULES).sort());
  });

  it('has a case for every step the registry names for a rule, and none for a step it does not name', () => {
    const missing: string[] = [];
    for (const id of ids) {
      const stages = new Set(TRIGGERS[id].map((c) => c.stage));
      for (const s of stages) expect(RULES[id].stages as readonly Stage[], `${id}: a case for ${s}`).toContain(s);
      for (const s of RULES[id].stages) if (!stages.has(s)) missing.push(`${id} in ${s}`);
    }
    expect(missing).toEqual(UNREACHABLE_STAGES);
  });

  it('gives each rule declared "error or warning" a case of each severity', () => {
    for (const id of ids.filter((i) => RULES[i].severity === 'error or warning')) {
      expect(TRIGGERS[id].map((c) => c.severity).sort(), id).toEqual(['error', 'warning']);
    }
  });
});

describe('every rule fires on its fixture, with the declared severity, at a position in the file it names', () => {
  it.each(ids)('%s', async (id) => {
    const declared = RULES[id].severity;
    for (const c of TRIGGERS[id]) {
      if (declared === 'error or warning')
        expect(c.severity, `${id}: say which severity ${c.fixture} gives`).toBeDefined();
      else expect(c.severity ?? declared, `${id}: ${c.fixture}`).toBe(declared);
      await check(id, c, c.severity ?? declared);
    }
  });

  it('no run prints a rule id that the registry does not declare', async () => {
    const printed = new Set<string>();
    for (const run of made) for (const f of findings(await run())) printed.add(f.rule);
    expect([...printed].filter((r) => !isRuleId(r))).toEqual([]);
    expect(printed.size).toBeGreaterThan(50);
  });
});
