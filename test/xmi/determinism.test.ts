/**
 * (5) Re-import: the same XMI gives the same bytes, and a change of one attribute in EA gives a YAML diff
 * of only that attribute, also when the change is a rename (the id comes from the EA GUID).
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importXmi } from '../../generator/xmi/import.ts';
import { runCli, tempDir, VROEGSIGNALERING_XMI } from './helpers.ts';
import { syntheticXmi } from './synthetic.ts';

const options = (file: string, pkg?: string) => ({
  file,
  package: pkg,
  shared: [],
  map: new Map<string, string>(),
  omit: [],
  schema: '../../schema/informatiemodel.schema.json',
});

/** The lines that differ between two texts of the same length in lines (an in-place change). */
function changedLines(a: string, b: string): { old: string; new: string; at?: number }[] {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y.length, 'the change moved lines').toBe(x.length);
  return x.flatMap((line, i) => (line === y[i] ? [] : [{ old: line, new: y[i]! }]));
}

function imported(bytes: Buffer | string, file: string, pkg?: string): Map<string, string> {
  return importXmi(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, options(file, pkg)).files;
}

let root: string;
beforeAll(() => {
  root = tempDir('xmi-det');
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('re-importing a synthetic export', () => {
  const base = syntheticXmi({ classes: 12, attributesPerClass: 3, enumerations: 2 });

  it('gives identical bytes twice, through the CLI too', () => {
    expect(imported(base, 'a.xml')).toEqual(imported(base, 'a.xml'));
    const file = join(root, 'synthetic.xml');
    writeFileSync(file, base);
    const out = join(root, 'model', 'synthetisch');
    expect(runCli(['import-xmi', file, '--out', out]).status).toBe(0);
    const first = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    expect(runCli(['import-xmi', file, '--out', out]).status).toBe(0);
    const second = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    expect(second).toEqual(first);
    for (const text of Object.values(first)) expect(text).not.toMatch(/\r|\d{4}-\d\d-\d\dT\d\d:|mimgen-xmi-det/);
  });

  it('shows a changed multiplicity as that one line', () => {
    // attribuut1_5 of Klasse5: upper 1 → * in the UML part
    const changed = base.replace(
      /(name="attribuut1_5"[\s\S]*?<upperValue [^>]*value=")1"/,
      (_, a: string) => `${a}-1"`,
    );
    const before = imported(base, 'a.xml').get('objecttypen.yaml')!;
    const after = imported(changed, 'a.xml').get('objecttypen.yaml')!;
    const diff = changedLines(before, after);
    expect(diff).toHaveLength(1);
    expect(diff[0]!.new.trim()).toBe('kardinaliteit: 0..*');
    const lines = after.split('\n');
    const at = before.split('\n').findIndex((line, i) => line !== lines[i]);
    expect(lines.slice(at - 3, at).join('\n')).toContain('naam: attribuut1_5');
  });

  it('shows a rename as the naam line only: the id stays', () => {
    const changed = base.replaceAll('name="attribuut2_3"', 'name="hernoemd"');
    const diff = changedLines(
      imported(base, 'a.xml').get('objecttypen.yaml')!,
      imported(changed, 'a.xml').get('objecttypen.yaml')!,
    );
    expect(diff).toEqual([{ old: '        naam: attribuut2_3', new: '        naam: hernoemd' }]);
  });

  it('shows a renamed class as its naam and the references to it, nothing moves', () => {
    const changed = base.replaceAll('name="Klasse4"', 'name="Klasse4b"');
    const diff = changedLines(
      imported(base, 'a.xml').get('objecttypen.yaml')!,
      imported(changed, 'a.xml').get('objecttypen.yaml')!,
    );
    expect(diff.map((d) => d.new.trim())).toEqual(['doel: Klasse4b', 'naam: Klasse4b']);
  });
});

const have = existsSync(VROEGSIGNALERING_XMI);
describe.skipIf(!have)('re-importing the Vroegsignalering export after a change in EA', () => {
  const original = have ? readFileSync(VROEGSIGNALERING_XMI) : Buffer.alloc(0);
  const text = new TextDecoder('windows-1252').decode(original);
  const encode = (s: string) => Buffer.from(s, 'latin1'); // the changes are ASCII; the rest round-trips
  const files = (b: Buffer) => imported(b, VROEGSIGNALERING_XMI, 'Model Vroegsignalering');

  it('gives identical bytes twice', () => {
    expect(files(original)).toEqual(files(original));
    expect(encode(text).equals(original)).toBe(true);
  });

  it('shows a changed type of one attribute as that one line', () => {
    // Contactpoging.datum: EAJava_Date → EAJava_boolean
    const changed = text.replace(
      /(name="datum" [^>]*>[\s\S]*?<type xmi:idref=")EAJava_Date"/,
      (_, a: string) => `${a}EAJava_boolean"`,
    );
    const diff = changedLines(
      files(original).get('objecttypen.yaml')!,
      files(encode(changed)).get('objecttypen.yaml')!,
    );
    expect(diff).toEqual([{ old: '        type: Datum', new: '        type: Boolean' }]);
  });

  it('shows a renamed attribute as its naam line', () => {
    const changed = text.replaceAll('name="bereikt"', 'name="contactGelegd"');
    const diff = changedLines(
      files(original).get('objecttypen.yaml')!,
      files(encode(changed)).get('objecttypen.yaml')!,
    );
    expect(diff).toEqual([{ old: '        naam: bereikt', new: '        naam: contactGelegd' }]);
  });
});
