/**
 * A corpus of malformed XMI files, each run through the CLI as a child process: every one gives a clear
 * `file:line:col  error  rule  message` line and no stack trace. A file that cannot be read as XMI at all
 * gives exit 2 and leaves no output folder behind; an error in one element (a dangling idref, a duplicate
 * id, a multiplicity that is no kardinaliteit) gives exit 1 with the rest of the model written.
 * The files are made in the test from a small synthetic EA export (test/xmi/synthetic.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.ts';
import { guid, syntheticXmi } from './synthetic.ts';

const BASE = syntheticXmi({ classes: 3, attributesPerClass: 2, enumerations: 1, valuesPerEnumeration: 2 });
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const once = (s: string, from: string, to: string) => {
  if (!s.includes(from)) throw new Error(`the base XMI has no ${from}`);
  return s.replace(from, to);
};
const lineOf = (s: string, needle: string) => s.slice(0, s.indexOf(needle)).split('\n').length;

interface Case {
  name: string;
  bytes: Buffer;
  rule: string;
  /** Text the message must hold. */
  message: RegExp;
  args?: string[];
  /** The line the error must point at, where that is known. */
  line?: number;
}

// EA names the type in the extension too; without that name an unknown idref cannot be resolved at all.
const danglingType = once(
  once(BASE, `<type xmi:idref="EAJava_String"/>`, `<type xmi:idref="EAID_DEADBEEF_0000_0000_0000_000000000000"/>`),
  '<properties type="String"/>',
  '',
);
const outsideType = once(
  once(BASE, `<type xmi:idref="${guid(5, 0)}"/>`, '<type xmi:idref="EAID_ELDERS"/>'),
  '<properties type="Enum0"/>',
  '<properties type="Elders"/>',
);
const duplicate = once(BASE, `xmi:id="${guid(2, 1)}"`, `xmi:id="${guid(2, 0)}"`);
const badUpper = BASE.replace(/(<upperValue [^>]*value=")1(")/, '$1x$2');
const lowerAboveUpper = BASE.replace(
  /(<lowerValue [^>]*value=")1("\/><upperValue [^>]*value=")1"/,
  (_, a: string, b: string) => `${a}7${b}2"`,
);
const noConnector = BASE.replace(/<connector xmi:idref="[^"]*" name="verwijstNaar">[\s\S]*?<\/connector>/g, '').replace(
  `<memberEnd xmi:idref="${guid(3, 0).replace('EAID_', 'EAID_src')}"/>`,
  '<memberEnd xmi:idref="EAID_src_missing"/>',
);

const CASES: Case[] = [
  { name: 'empty file', bytes: Buffer.alloc(0), rule: 'empty-file', message: /empty/, line: 1 },
  { name: 'only white space', bytes: utf8('   \n\n  '), rule: 'not-xml', message: /not well-formed XML|holds no XML/ },
  {
    name: 'truncated half-way',
    bytes: utf8(BASE.slice(0, Math.floor(BASE.length / 2))),
    rule: 'not-xml',
    message: /cut short|unclosed|not well-formed/,
  },
  {
    name: 'truncated after the root tag',
    bytes: utf8(BASE.slice(0, BASE.indexOf('<uml:Model'))),
    rule: 'not-xml',
    message: /not well-formed/,
  },
  { name: 'plain text', bytes: utf8('This is not an export.\n'), rule: 'not-xml', message: /not well-formed XML/ },
  {
    name: 'JSON',
    bytes: utf8('{"informatiemodel": {"naam": "x"}}\n'),
    rule: 'not-xml',
    message: /not well-formed XML/,
  },
  {
    name: 'binary data',
    bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]),
    rule: 'not-xml',
    message: /binary data/,
    line: 3,
  },
  {
    name: 'XML but not XMI',
    bytes: utf8('<?xml version="1.0"?>\n<catalog><book id="1"/></catalog>\n'),
    rule: 'not-xmi',
    message: /root element <catalog>, not an XMI export/,
    line: 2,
  },
  {
    name: 'XMI 1.1 (UML 1.3)',
    bytes: utf8('<?xml version="1.0"?>\n<XMI xmi.version="1.1" xmlns:UML="omg.org/UML1.3"><XMI.content/></XMI>\n'),
    rule: 'not-xmi',
    message: /XMI 1\.x/,
  },
  {
    name: 'XMI without uml:Model',
    bytes: utf8(BASE.replace(/<uml:Model[\s\S]*<\/uml:Model>/, '')),
    rule: 'not-xmi',
    message: /no uml:Model/,
  },
  {
    name: 'unknown encoding',
    bytes: utf8(BASE.replace('encoding="UTF-8"', 'encoding="klingon-8"')),
    rule: 'unknown-encoding',
    message: /"klingon-8", which is not known/,
    line: 1,
  },
  {
    name: 'windows-1252 bytes declared UTF-8',
    bytes: Buffer.concat([
      utf8(BASE.slice(0, BASE.indexOf('Klasse0'))),
      Buffer.from([0x4b, 0xe9]),
      utf8(BASE.slice(BASE.indexOf('Klasse0') + 2)),
    ]),
    rule: 'bad-encoding',
    message: /not valid utf-8/,
  },
  {
    name: 'UTF-16 declared without a byte order mark',
    bytes: utf8(BASE.replace('encoding="UTF-8"', 'encoding="UTF-16"')),
    rule: 'unknown-encoding',
    message: /UTF-16/,
  },
  {
    name: 'mismatched closing tag',
    bytes: utf8(once(BASE, '</ownedAttribute>', '</ownedAttributes>')),
    rule: 'not-xml',
    message: /not well-formed/,
  },
  {
    name: 'undeclared namespace prefix',
    bytes: utf8(BASE.replace(' xmlns:MIM="http://www.sparxsystems.com/profiles/MIM/1.1.1"', '')),
    rule: 'not-xml',
    message: /prefix/i,
  },
  {
    name: 'entity expansion (billion laughs)',
    bytes: utf8(
      BASE.replace(
        '<xmi:XMI',
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<xmi:XMI',
      ).replace('Klasse0"', 'Klasse0&b;"'),
    ),
    rule: 'not-xml',
    message: /entity/i,
  },
  {
    name: 'package that is not there',
    bytes: utf8(BASE),
    args: ['--package', 'Geen model'],
    rule: 'missing-package',
    message: /no package named "Geen model".*"Synthetisch model"/,
  },
  {
    name: 'package named in another case',
    bytes: utf8(BASE),
    args: ['--package', 'synthetisch model'],
    rule: 'missing-package',
    message: /did you mean "Synthetisch model"/,
  },
  {
    name: 'map target that no model defines',
    bytes: utf8(outsideType),
    args: ['--map', 'Elders=Nergens'],
    rule: 'unknown-map-target',
    message: /--map Elders=Nergens: no shared model file/,
  },
];

// The package copied whole beside itself: every id is used twice, and the copy is no second package to choose.
const packageStart = BASE.indexOf('\t\t<packagedElement xmi:type="uml:Package"');
const packageEnd = BASE.indexOf('\n\t\t</packagedElement>\n') + '\n\t\t</packagedElement>\n'.length;
const packageTwice = BASE.slice(0, packageEnd) + BASE.slice(packageStart, packageEnd) + BASE.slice(packageEnd);

/** Errors in one element: the rest is imported and written, the error reported at its place, exit 1. */
const ELEMENT_ERRORS: Case[] = [
  {
    name: 'package copied beside itself',
    bytes: utf8(packageTwice),
    rule: 'duplicate-id',
    message: /xmi:id "EAPK_00000001_1A2B_4C3D_8E9F_000000000001" is used a second time/,
    line: packageTwice.slice(0, packageEnd).split('\n').length,
  },
  {
    name: 'dangling type idref',
    bytes: utf8(danglingType),
    rule: 'dangling-idref',
    message: /"EAID_DEADBEEF_0000_0000_0000_000000000000".*|attribuutsoort "attribuut0_0" of Klasse0/,
    line: lineOf(danglingType, 'EAID_DEADBEEF'),
  },
  {
    name: 'dangling memberEnd without connector',
    bytes: utf8(noConnector),
    rule: 'dangling-idref',
    message: /memberEnd of association "verwijstNaar" .* names xmi:idref "EAID_src_missing"/,
    line: lineOf(noConnector, 'EAID_src_missing'),
  },
  {
    name: 'duplicate xmi:id',
    bytes: utf8(duplicate),
    rule: 'duplicate-id',
    message: new RegExp(`xmi:id "${guid(2, 0)}" is used a second time`),
  },
  { name: 'multiplicity that is no number', bytes: utf8(badUpper), rule: 'invalid-multiplicity', message: /upper "x"/ },
  {
    name: 'multiplicity with lower above upper',
    bytes: utf8(lowerAboveUpper),
    rule: 'invalid-multiplicity',
    message: /lower "7" upper "2"/,
  },
];

let root: string;
beforeAll(() => {
  root = tempDir('xmi-bad');
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Runs the CLI on the case's bytes and checks the error it must give: its rule, message and place. */
function run(c: Case): { r: ReturnType<typeof runCli>; out: string; dir: string } {
  const dir = join(root, c.name.replace(/[^a-z0-9]+/gi, '-'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'export.xml');
  writeFileSync(file, c.bytes);
  const out = join(dir, 'model', 'out');
  const r = runCli(['import-xmi', file, '--out', out, ...(c.args ?? [])]);
  expect(r.stderr, 'no stack trace').not.toMatch(/\n\s+at |internal error|TypeError|RangeError/);
  const lines = r.stderr.split('\n').filter((l) => /  error  /.test(l));
  expect(lines.length, r.stderr).toBeGreaterThan(0);
  const pattern = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)  error  ${c.rule}  (.+)$`);
  const match = lines.map((l) => pattern.exec(l)).find((m) => m !== null);
  expect(match, `expected a ${c.rule} error in:\n${r.stderr}`).toBeTruthy();
  expect(match![3]).toMatch(c.message);
  if (c.line !== undefined) expect(Number(match![1]), r.stderr).toBe(c.line);
  return { r, out, dir };
}

describe('malformed XMI gives a clear error, exit 2 and nothing written', () => {
  it('has a corpus of at least 15 malformed files', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    it(c.name, () => {
      const { r, out, dir } = run(c);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/nothing written/);
      expect(existsSync(out)).toBe(false);
      expect(
        existsSync(join(dir, 'model')) ? readdirSync(join(dir, 'model')).filter((e) => /\.(tmp|old)-\d+$/.test(e)) : [],
      ).toEqual([]);
    });
  }

  it('reports every dangling reference of a file at once, each with the id and the element that holds it', () => {
    const text = BASE.replace(`<type xmi:idref="EAJava_String"/>`, '<type xmi:idref="EAID_GONE_1"/>')
      .replace(`<type xmi:idref="EAJava_int"/>`, '<type xmi:idref="EAID_GONE_2"/>')
      .replace('<properties type="String"/>', '')
      .replace('<properties type="int"/>', '');
    const dir = join(root, 'several');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'x.xml'), text);
    const r = runCli(['import-xmi', join(dir, 'x.xml'), '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /error  dangling-idref  attribuutsoort "attribuut\d_\d" of Klasse\d names xmi:idref "EAID_GONE_1"/,
    );
    expect(r.stderr).toMatch(
      /error  dangling-idref  attribuutsoort "attribuut\d_\d" of Klasse\d names xmi:idref "EAID_GONE_2"/,
    );
  });

  it('leaves an existing output folder as it was when the import fails', () => {
    const dir = join(root, 'keep');
    const out = join(dir, 'model', 'm');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'uitwisselmodel.yaml'), 'uitwisselmodel: {}\n');
    writeFileSync(join(dir, 'bad.xml'), BASE.slice(0, 500));
    const r = runCli(['import-xmi', join(dir, 'bad.xml'), '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.xml:\d+:\d+ {2}error {2}not-xml {2}the file is not well-formed XML/);
    expect(r.stderr).toContain('nothing written');
    expect(readdirSync(out)).toEqual(['uitwisselmodel.yaml']);
  });

  it('refuses to throw away hand-written model files without --replace', () => {
    const dir = join(root, 'foreign');
    const out = join(dir, 'model', 'm');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'objecttypen.yaml'), 'objecttypen: []\n');
    writeFileSync(join(dir, 'ok.xml'), BASE);
    const r = runCli(['import-xmi', join(dir, 'ok.xml'), '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error  out-not-empty  .*objecttypen\.yaml.*--replace/);
    expect(readdirSync(out)).toEqual(['objecttypen.yaml']);
    const again = runCli(['import-xmi', join(dir, 'ok.xml'), '--out', out, '--replace']);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['datatypes.yaml', 'informatiemodel.yaml', 'objecttypen.yaml']);
  });
});

describe('an error in one element does not refuse the model: the rest is written, exit 1', () => {
  for (const c of ELEMENT_ERRORS) {
    it(c.name, () => {
      const { r, out } = run(c);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).not.toMatch(/nothing written/);
      expect(readdirSync(out).sort()).toEqual(['datatypes.yaml', 'informatiemodel.yaml', 'objecttypen.yaml']);
      // The other classes arrive whole.
      const objecttypen = readFileSync(join(out, 'objecttypen.yaml'), 'utf8');
      for (const k of ['Klasse0', 'Klasse1', 'Klasse2']) expect(objecttypen).toContain(`naam: ${k}`);
    });
  }
});
