/**
 * `mimgen diff` from the command line: generated compat schemas against the published ones, every side
 * kind (model folder, <rev>:<folder>, schema file), the output forms, and bad input with exit 2. And the
 * CHANGELOG.md hook of `generate` against a previous version recorded as a git revision.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../generator/cli/main.ts';
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import { vorigeVersie } from '../../generator/cli/previous-version.ts';
import { emitChangelog } from '../../generator/emit/changelog/index.ts';
import type { Finding } from '../../generator/diagnostics/findings.ts';
import type { LoadedModel } from '../../generator/pipeline.ts';
import type { SourceReader } from '../../generator/model/yaml-source.ts';
import { loadModel } from '../../generator/pipeline.ts';
import { basisIm, basisUm } from './basis.ts';
import { DATATYPES } from './helpers.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(repoRoot, 'bin/mimgen.js');
const referenceRoot = resolve(repoRoot, '../shared/reference');
const haveReference = existsSync(referenceRoot);
if (!haveReference)
  console.log(`skipping mimgen diff against the published schemas: ${referenceRoot} is absent (a clone outside CI)`);

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
function temp(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mimgen-diff-${label}-`));
  temps.push(dir);
  return dir;
}

/** `mimgen diff` as a process: the real binary, its exit code. */
function mimgen(args: string[], cwd = repoRoot): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, 'diff', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `mimgen diff` in this process (the same main(), without starting node each time), from the repository root. */
async function diffCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await main(['diff', ...args]);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

interface JsonChange {
  path: string;
  kind: string;
  breaksSenders: boolean;
  breaksReceivers: boolean;
  message: string;
}

const PUBLISHED = [
  { model: 'vroegsignalering', versie: 'v0.9' },
  { model: 'schuldhulpverlening', versie: 'v1.0' },
];

describe.skipIf(!haveReference)(
  'mimgen diff: generated compat schema against the published schema of the same version',
  () => {
    for (const { model, versie } of PUBLISHED) {
      const generated = join('generated', model, 'uitwisselmodel.schema.json');
      const published = join(referenceRoot, model, versie, 'json_schema_Uitwisselmodel.json');
      it(`${model} ${versie}: no change breaks anyone, either way round`, async () => {
        for (const [a, b] of [
          [published, generated],
          [generated, published],
        ] as const) {
          const r = a === published ? mimgen(['--json', a, b]) : await diffCli(['--json', a, b]);
          expect(r.stderr).not.toContain('error');
          expect(r.code).toBe(0);
          const { changes } = JSON.parse(r.stdout) as { changes: JsonChange[] };
          expect(changes.filter((c) => c.breaksSenders || c.breaksReceivers)).toEqual([]);
          // What it does report: the descriptions, which the project writes in its own words.
          expect(new Set(changes.map((c) => c.kind))).toEqual(new Set(['description-changed']));
        }
      });
      it(`${model} ${versie}: the model folder against the published schema gives the same`, async () => {
        const r = await diffCli(['--json', published, `model/${model}`]);
        expect(r.code).toBe(0);
        const { changes } = JSON.parse(r.stdout) as { changes: JsonChange[] };
        expect(changes.filter((c) => c.breaksSenders || c.breaksReceivers)).toEqual([]);
      });
    }
  },
);

describe('mimgen diff: output', () => {
  const dir = temp('out');
  const a = join(dir, 'a.json');
  const b = join(dir, 'b.json');
  writeFileSync(
    a,
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { s: { enum: ['x', 'y'], description: 'Een *status*.' } },
      additionalProperties: false,
    }),
  );
  writeFileSync(
    b,
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { s: { enum: ['x'], description: 'Een <status>.' }, t: { type: 'string' } },
      additionalProperties: false,
    }),
  );

  it('--json prints { changes: [ { path, kind, breaksSenders, breaksReceivers, message } ] }', async () => {
    const r = await diffCli(['--json', a, b]);
    expect(r.code).toBe(0);
    const { changes } = JSON.parse(r.stdout) as { changes: JsonChange[] };
    expect(
      changes.map(({ path, kind, breaksSenders, breaksReceivers }) => ({ path, kind, breaksSenders, breaksReceivers })),
    ).toEqual([
      { path: '/s', kind: 'description-changed', breaksSenders: false, breaksReceivers: false },
      { path: '/s', kind: 'enum-value-removed', breaksSenders: true, breaksReceivers: false },
      { path: '/t', kind: 'property-added', breaksSenders: false, breaksReceivers: true },
    ]);
    for (const c of changes)
      expect(Object.keys(c).slice(0, 5)).toEqual(['path', 'kind', 'breaksSenders', 'breaksReceivers', 'message']);
  });

  it('--markdown prints a changelog section grouped by breaking and non-breaking, with model text escaped', async () => {
    const r = await diffCli(['--markdown', a, b]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## Wijzigingen van /);
    const brekend = r.stdout.indexOf('### Brekende wijzigingen');
    const rest = r.stdout.indexOf('### Niet-brekende wijzigingen');
    expect(brekend).toBeGreaterThan(0);
    expect(rest).toBeGreaterThan(brekend);
    expect(r.stdout.slice(brekend, rest)).toContain('- `/s`: waarde "y" vervallen (**breekt verzenders**)');
    expect(r.stdout).toContain('\\*status\\*');
    expect(r.stdout).toContain('&lt;status&gt;');
  });

  it('the default output is a readable list; --fail-on-breaking exits 1 when something breaks', async () => {
    const r = await diffCli([a, b]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain('3 wijziging(en): 2 brekend');
    expect(r.stdout).toContain('BREEKT  /t  property-added');
    expect((await diffCli(['--fail-on-breaking', a, b])).code).toBe(1);
    expect((await diffCli(['--fail-on-breaking', a, a])).code).toBe(0);
  });
});

describe('mimgen diff: bad input gives a clear error and exit 2', () => {
  const dir = temp('bad');
  const schema = join(dir, 'ok.json');
  writeFileSync(schema, '{"type": "object"}\n');

  it('a schema file with a trailing comma: the line and column of the comma', () => {
    const file = join(dir, 'trailing.json');
    writeFileSync(file, '{\n  "type": "object",\n  "properties": {\n    "a": { "type": "string" },\n  }\n}\n');
    const r = mimgen([file, schema]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:4:30  error  diff-input  trailing comma before '}'`);
    expect(r.stdout).toBe('');
  });

  it('other invalid JSON, with its position', async () => {
    const file = join(dir, 'invalid.json');
    writeFileSync(file, '{\n  "type": "object"\n  "required": []\n}\n');
    const r = await diffCli([schema, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3:3  error  diff-input  invalid JSON: expected ',' or a closing bracket`);
  });

  const gevallen: [string, string | Buffer, RegExp][] = [
    ['empty.json', '', /the file is empty/],
    ['list.json', '[1, 2]', /not a JSON Schema: the file holds a list/],
    [
      'delivery.json',
      '{"startdatumLevering": "2024-01-01", "leveringen": []}',
      /not a JSON Schema: the object has none of the JSON Schema keywords/,
    ],
    [
      'meta.json',
      '{"type": "object", "required": "a"}',
      /:1:32 .*not a valid JSON Schema 2020-12: \/required must be array/,
    ],
    [
      'latin1.json',
      Buffer.from([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]),
      /not valid UTF-8/,
    ],
  ];
  for (const [naam, inhoud, fout] of gevallen) {
    it(`${naam}: ${fout.source}`, async () => {
      const file = join(dir, naam);
      writeFileSync(file, inhoud);
      const r = await diffCli([file, schema]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(fout);
    });
  }

  it('a path that does not exist, a folder that is no model, an unknown revision, a path missing at a revision', async () => {
    expect(await diffCli([join(dir, 'nope.json'), schema])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no such file or folder/),
    });
    expect(await diffCli([dir, schema])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/not a model folder/),
    });
    expect(await diffCli(['no-such-revision-xyz:model/vroegsignalering', schema])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown git revision "no-such-revision-xyz"/),
    });
    expect(await diffCli(['HEAD:model/no-such-model', schema])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/revision HEAD has no file or folder model\/no-such-model/),
    });
  });

  it('a model with errors: its findings, exit 2', async () => {
    const r = await diffCli(['test/fixtures/lint/duplicate-id', 'model/vroegsignalering']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a model that loads');
    expect(r.stderr).toContain('duplicate-id');
  });

  it('--json and --markdown together is a usage error', async () => {
    expect(await diffCli(['--json', '--markdown', schema, schema])).toMatchObject({
      code: 2,
      stderr: 'mimgen diff: choose one of --json and --markdown\n',
    });
  });
});

/** A git repository in a temp folder holding the base test model; returns its folder. */
function repo(): string {
  const dir = temp('repo');
  const git = (...args: string[]): string =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args],
      { cwd: dir, encoding: 'utf8' },
    );
  git('init', '-q');
  mkdirSync(join(dir, 'model/t'), { recursive: true });
  mkdirSync(join(dir, 'model/gedeeld'), { recursive: true });
  writeFileSync(join(dir, 'model/t/informatiemodel.yaml'), stringify(basisIm()));
  writeFileSync(join(dir, 'model/t/uitwisselmodel.yaml'), stringify(basisUm()));
  writeFileSync(join(dir, 'model/gedeeld/datatypes.yaml'), stringify(DATATYPES));
  git('add', '.');
  git('commit', '-q', '-m', 'v1');
  git('tag', 'v1');
  return dir;
}

function metHeropend(dir: string): void {
  const im = basisIm();
  im.enumeraties[0].waarden.push({ id: 'enum-status.heropend', naam: 'Heropend', definitie: 'De zaak is heropend.' });
  writeFileSync(join(dir, 'model/t/informatiemodel.yaml'), stringify(im));
}

describe('mimgen diff between git revisions', () => {
  it('<rev>:<folder> against the working tree, run inside the repository', () => {
    const dir = repo();
    metHeropend(dir);
    const r = mimgen(['--json', 'v1:model/t', 'model/t'], dir);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const { changes } = JSON.parse(r.stdout) as { changes: JsonChange[] };
    expect(changes).toEqual([
      expect.objectContaining({
        path: 'EnumStatus.Heropend',
        kind: 'enumeration-value-added',
        breaksSenders: false,
        breaksReceivers: true,
      }),
    ]);
    // From a sub-folder, the path after the revision is relative to where the command runs, as a folder path is.
    const sub = mimgen(['--json', 'v1:t', 't'], join(dir, 'model'));
    expect(sub.code).toBe(0);
    expect((JSON.parse(sub.stdout) as { changes: JsonChange[] }).changes).toHaveLength(1);
  });
});

/** What generate does for a changelog: read the previous version, then run the changelog emitter. */
function changelogBestanden(
  folder: string,
  loaded: LoadedModel,
  r: SourceReader,
  dir: string,
): { files: Map<string, string>; findings: Finding[] } {
  const { vorige, findings } = vorigeVersie(folder, loaded, r, dir);
  return { files: loaded.uitwisselmodel ? emitChangelog(loaded.uitwisselmodel, vorige) : new Map(), findings };
}

describe('generate: CHANGELOG.md against the previous version recorded in vorige-versie.json', () => {
  const reader = (dir: string): SourceReader => ({
    listYaml: (d) => fileSystemReader.listYaml(join(dir, d)),
    read: (p) => fileSystemReader.read(join(dir, p)),
  });

  it('none without a record', () => {
    const dir = repo();
    const r = reader(dir);
    expect(changelogBestanden('model/t', loadModel('model/t', r), r, dir)).toEqual({ files: new Map(), findings: [] });
  });

  it('the changes since the recorded revision, breaking first, deterministic and without local paths', () => {
    const dir = repo();
    metHeropend(dir);
    writeFileSync(join(dir, 'model/t/vorige-versie.json'), JSON.stringify({ versie: '1.0', revisie: 'v1' }));
    const r = reader(dir);
    const een = changelogBestanden('model/t', loadModel('model/t', r), r, dir);
    const twee = changelogBestanden('model/t', loadModel('model/t', r), r, dir);
    expect(een.findings).toEqual([]);
    const tekst = een.files.get('CHANGELOG.md')!;
    expect(twee.files.get('CHANGELOG.md')).toBe(tekst);
    expect(tekst).toMatch(/^# Changelog Bericht/);
    expect(tekst).toContain('## Versie 1.0, ten opzichte van 1.0');
    expect(tekst).toContain('### Brekende wijzigingen');
    expect(tekst).toContain('waarde "Heropend" aan enumeratie EnumStatus toegevoegd');
    expect(tekst).toContain('(**breekt ontvangers**)');
    expect(tekst).not.toContain(dir);
  });

  it('falls back to the schema generated at the revision when the model of then does not load', () => {
    const dir = repo();
    const git = (...args: string[]): string =>
      execFileSync(
        'git',
        ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args],
        { cwd: dir, encoding: 'utf8' },
      );
    mkdirSync(join(dir, 'generated/t'), { recursive: true });
    writeFileSync(
      join(dir, 'generated/t/uitwisselmodel.schema.json'),
      JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' }),
    );
    writeFileSync(join(dir, 'model/t/informatiemodel.yaml'), 'informatiemodel: [not, the, format]\n');
    git('add', '.');
    git('commit', '-q', '-m', 'old format');
    git('tag', 'v0');
    writeFileSync(join(dir, 'model/t/informatiemodel.yaml'), stringify(basisIm()));
    writeFileSync(join(dir, 'model/t/vorige-versie.json'), JSON.stringify({ versie: '0.1', revisie: 'v0' }));
    const r = reader(dir);
    const { files, findings } = changelogBestanden('model/t', loadModel('model/t', r), r, dir);
    expect(findings).toEqual([]);
    expect(files.get('CHANGELOG.md')).toContain('het schema dat op revisie v0 gegenereerd was');
  });

  it('a bad record or an unknown revision is a finding in vorige-versie.json', () => {
    const dir = repo();
    const r = reader(dir);
    writeFileSync(join(dir, 'model/t/vorige-versie.json'), '{ "versie": "1.0", "revisie": "v9" }');
    expect(changelogBestanden('model/t', loadModel('model/t', r), r, dir).findings).toEqual([
      expect.objectContaining({
        file: 'model/t/vorige-versie.json',
        severity: 'error',
        rule: 'previous-version',
        message: 'unknown git revision "v9"',
      }),
    ]);
    writeFileSync(join(dir, 'model/t/vorige-versie.json'), '{ "versie": "1.0", "revisie": "v1", }');
    expect(changelogBestanden('model/t', loadModel('model/t', r), r, dir).findings).toEqual([
      expect.objectContaining({ file: 'model/t/vorige-versie.json', line: 1, column: 35, rule: 'previous-version' }),
    ]);
    writeFileSync(join(dir, 'model/t/vorige-versie.json'), '{ "version": "1.0" }');
    expect(changelogBestanden('model/t', loadModel('model/t', r), r, dir).findings[0]!.message).toMatch(
      /unknown key\(s\) "version"/,
    );
  });
});
