/**
 * (3) The other EA exports in the reference folder import without crashing, with as many classes,
 * attributes and enumeration values as an independent reading of the file finds; and the HTML of EA
 * notes becomes Markdown.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importXmi } from '../../generator/xmi/import.ts';
import { htmlToMarkdown } from '../../generator/xmi/html.ts';
import { GGM_ONDERWIJS_XMI, MIM_TESTMODELLEN_XMI, readXmi } from './helpers.ts';

const MODELS = [
  { file: MIM_TESTMODELLEN_XMI, package: 'Test Domein' },
  { file: GGM_ONDERWIJS_XMI, package: 'Onderwijs' },
];

for (const m of MODELS) {
  const have = existsSync(m.file);
  if (!have) console.log(`skipping the import of ${m.file}: the reference folder is absent (a clone outside CI)`);
  describe.skipIf(!have)(`import of ${m.file.split('/').pop()} (package ${m.package})`, () => {
    it('imports with the counts of the XMI', () => {
      const result = importXmi(readFileSync(m.file), {
        file: m.file,
        package: m.package,
        shared: [],
        map: new Map(),
        omit: [],
        schema: 'x.json',
      });
      const xmi = readXmi(m.file, m.package);
      const classes = xmi.classes.filter((c) => c.umlType === 'uml:Class');
      const enums = xmi.classes.filter((c) => c.umlType === 'uml:Enumeration');
      const dataTypes = xmi.classes.filter((c) => c.umlType === 'uml:DataType');
      const c = result.model.counts;
      expect(c.objecttypen + c.gegevensgroeptypen).toBe(classes.length);
      // An attribute typed with an objecttype arrives as a relatiesoort, with a comment on its doel saying so.
      const alsRelatie =
        (result.files.get('objecttypen.yaml') ?? '').split('in the XMI, imported as a relatiesoort').length - 1;
      expect(c.attribuutsoorten + c.gegevensgroepen + alsRelatie).toBe(
        classes.reduce((n, k) => n + k.attributes.length, 0),
      );
      expect(c.enumeraties).toBe(enums.length);
      expect(c.waarden).toBe(enums.reduce((n, k) => n + k.literals.length, 0));
      expect(c.gestructureerdeDatatypes + c.keuzes + c.codelijsten).toBe(dataTypes.length);
      expect(c.generalisaties).toBe(classes.reduce((n, k) => n + k.generalisaties.length, 0));
      expect(result.files.get('informatiemodel.yaml')).toContain(`naam: ${m.package}`);
      console.log(`${m.package}: ${JSON.stringify(c)}`);
    });
  });
}

describe('EA notes to Markdown', () => {
  it('decodes entities, including those EA escaped twice', () => {
    expect(htmlToMarkdown('&#233;&#233;n &amp; twee &lt;drie&gt;')).toBe('één & twee <drie>');
  });
  it('turns lists into "- " lines and bold into **', () => {
    expect(
      htmlToMarkdown(
        'Client wordt onderscheiden door:\n<ul>\n\t<li><b>voorletters</b></li>\n\t<li>achternaam</li>\n</ul>',
      ),
    ).toBe('Client wordt onderscheiden door:\n- **voorletters**\n- achternaam');
  });
  it('numbers ordered lists, nests lists, keeps web links and drops EA element links', () => {
    expect(htmlToMarkdown('<ol><li>een<ul><li>a</li></ul></li><li>twee</li></ol>')).toBe('1. een\n  - a\n2. twee');
    expect(
      htmlToMarkdown('zie <a href="$inet://https://example.org/x">hier</a> en <a href="$element://{1234}">Zaak</a>'),
    ).toBe('zie [hier](https://example.org/x) en Zaak');
  });
  it('keeps paragraphs and drops empty notes', () => {
    expect(htmlToMarkdown('Eerste.\r\n\r\nTweede.\r\n')).toBe('Eerste.\n\nTweede.');
    expect(htmlToMarkdown('  \n ')).toBeUndefined();
  });
});
