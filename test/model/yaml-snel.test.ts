/**
 * The fast way of reading a model file (js-yaml with an index of positions, generator/model/yaml-snel.ts)
 * against the careful way (the yaml library's document): for every file the fast way reads, the same data
 * and, for every key and value in it, the same line and column. And every file it must not read (tags,
 * anchors, numbers beyond YAML 1.2 core, mistakes) it declines, so that the yaml library names the problem.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGemeentelijkModel } from '../../bench/lib/synthetic.ts';
import { Findings } from '../../generator/diagnostics/findings.ts';
import { yamlFiles } from './yaml-files.ts';
import { parseYamlFile, type YamlFile, type YamlPath } from '../../generator/model/yaml-source.ts';
import { snelLezen } from '../../generator/model/yaml-snel.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const bytes = (text: string) => new TextEncoder().encode(text);

/** Every path to a key or value of the data. */
function paths(data: unknown, at: YamlPath = []): YamlPath[] {
  if (Array.isArray(data)) return [at, ...data.flatMap((v, i) => paths(v, [...at, i]))];
  if (typeof data === 'object' && data !== null)
    return [at, ...Object.entries(data).flatMap(([k, v]) => paths(v, [...at, k]))];
  return [at];
}

/** The two ways side by side: data, findings and every position; returns whether the fast way read it. */
function compare(name: string, text: string): boolean {
  // Files that are no UTF-8 text never reach either reader.
  if (text.includes('\0') || text.includes('\uFFFD')) return false;
  const careful = parseYamlFile(name, bytes(text), new Findings(), false);
  const findings = new Findings();
  const fast = parseYamlFile(name, bytes(text), findings);
  const tookFast = snelLezen(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) !== undefined;
  if (!tookFast) return false;
  expect(careful, name).toBeDefined();
  expect(fast!.data, name).toEqual(careful!.data);
  expect(findings.all, name).toEqual([]);
  const where = (f: YamlFile, p: YamlPath, key: boolean) => f.position(p, key);
  for (const p of paths(careful!.data)) {
    expect(where(fast!, p, false), `${name} ${JSON.stringify(p)}`).toEqual(where(careful!, p, false));
    expect(where(fast!, p, true), `${name} ${JSON.stringify(p)} (key)`).toEqual(where(careful!, p, true));
  }
  // A path that is not there falls back to the nearest parent the same way.
  for (const p of paths(careful!.data).slice(0, 50)) {
    const missing = [...p, 'geen-sleutel', 3];
    expect(where(fast!, missing, true), `${name} ${JSON.stringify(missing)}`).toEqual(where(careful!, missing, true));
  }
  return true;
}

describe('reading a model file the fast way', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'mimgen-yaml-snel-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("reads both DDAS models and the shared datatypes the fast way, alike to the yaml library's reading", () => {
    const files = yamlFiles(join(ROOT, 'model'));
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) expect(compare(file, readFileSync(file, 'utf8')), file).toBe(true);
  });

  it('reads the synthetic model of the benchmark the fast way, alike', () => {
    writeGemeentelijkModel(tmp, 100);
    const files = yamlFiles(tmp);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) expect(compare(file, readFileSync(file, 'utf8')), file).toBe(true);
  });

  it('reads every test fixture alike where it reads it, and leaves the rest to the yaml library', () => {
    const files = [...yamlFiles(join(ROOT, 'test', 'fixtures')), ...yamlFiles(join(ROOT, 'templates'))];
    let fast = 0;
    for (const file of files) if (compare(file, readFileSync(file, 'utf8'))) fast++;
    // Most fixtures are plain YAML with a mistake in the model, not in the YAML.
    expect(fast).toBeGreaterThan(files.length / 2);
  });

  it.each([
    ['comments before values and keys', 'a: # over a\n  b: 1 # over b\n# los\nc:\n  # voor d\n  - d\n'],
    ['empty values', 'a:\nb: ~\nc: null\nd:\n  e:\n'],
    ['block scalars', 'a: |\n  twee\n  regels\nb: >-\n  gevouwen\n  tekst\nc: 1\n'],
    ['quoted keys and values', '"a b": \'c\'\n\'d: e\': "f\\"g"\n"": leeg\n'],
    ['flow collections nested', 'a: { b: [1, { c: d }], e: {} }\nf: [[], [g, h]]\n'],
    ['compact sequences', 'a:\n- b\n- - c\n  - d\n- e: f\n  g: h\n'],
    ['multi-line plain scalars', 'a: een\n  twee\n  drie\nb: x\n'],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  - c\r\n  - d: e\r\n'],
    [
      'tabs after values and names with spaces, slashes and brackets',
      'Deelplan/Veld: x\t\nRijbewijs (Certificaat): y\n',
    ],
    [
      'numbers, booleans and nulls of YAML 1.2 core',
      'a: 1\nb: -2.5\nc: 1e3\nd: 0x1F\ne: 0o17\nf: .inf\ng: true\nh: False\ni: ~\nj: "1"\n',
    ],
    ['numbers as keys', '1: a\n2.5: b\n10: c\n'],
    ['text beyond the BMP', 'naam: "𝒜 en é"\nb: 𝒜𝒜\nc: x\n'],
    ['a scalar alone', 'gewoon tekst\n'],
    ['a sequence at the top', '- a\n- b: c\n'],
    ['a number with underscores, text in both', 'a: 1_000\n'],
    ['a key with a colon in its value', 'url: http://example.org/a:b\nt: "12:30"\n'],
  ])('reads %s alike', (_, text) => {
    expect(compare('t.yaml', text)).toBe(true);
  });

  it.each([
    ['an anchor and an alias', 'a: &x { b: 1 }\nc: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a local tag', 'a: !eigen b\n'],
    ['a binary number (not YAML 1.2 core)', 'a: 0b101\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a collection as a key', '? [a, b]\n: c\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a document marker', '---\na: 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['an unclosed flow sequence', 'a: [1, 2\nb: 3\n'],
    ['a bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['nesting deeper than 200 levels', `a: ${'['.repeat(300)}${']'.repeat(300)}\n`],
    ['only comments', '# niets\n'],
  ])('declines %s, which the yaml library reads', (_, text) => {
    expect(snelLezen(text)).toBeUndefined();
    // And the result is the careful reading, findings and all.
    const a = new Findings();
    const b = new Findings();
    const fast = parseYamlFile('t.yaml', bytes(text), a);
    const careful = parseYamlFile('t.yaml', bytes(text), b, false);
    expect(a.all).toEqual(b.all);
    expect(fast?.data).toEqual(careful?.data);
  });
});
