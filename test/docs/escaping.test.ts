/**
 * Text from the model cannot break the documentation it lands in. The test model under
 * test/fixtures/docs/vijandig has definitions holding `|`, `<script>`, `{{x}}`, `&#233;`, HTML lists,
 * Markdown and MkDocs syntax and multi-line text, and names that no Markdown or Mermaid identifier allows.
 * Its pages are rendered to HTML and the HTML is checked element by element.
 */
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { DOCS, emitDocs } from '../../generator/emit/docs/index.ts';
import { mdBlok, mdCel, mdInline, mdKop, mermaidTekst } from '../../generator/common/markdown.ts';
import { codeBlokken, elementen, laadModel, mermaidDecode, renderDom, renderHtml } from './render.ts';
import { invoerVan } from '../../generator/emit/invoer.ts';

const docs = emitDocs(invoerVan(laadModel('test/fixtures/docs/vijandig')));
const pages = new Map([...docs].filter(([p]) => p.endsWith('.md')).map(([p, text]) => [p, renderDom(text)]));
const definities = pages.get(DOCS.definities) as HTMLElement;

/** The element with this id and what follows it up to the next heading. */
function onder(root: HTMLElement, id: string): HTMLElement[] {
  const kop = root.querySelector(`[id="${id}"]`);
  if (!kop) throw new Error(`no #${id}`);
  const children = elementen(root);
  const result: HTMLElement[] = [];
  for (const el of children.slice(children.indexOf(kop) + 1)) {
    if (/^H[1-6]$/.test(el.tagName)) break;
    result.push(el);
  }
  return result;
}

describe('documentation of a model whose text holds markup', () => {
  it('has no script element on any page', () => {
    for (const [path, root] of pages) expect(root.querySelectorAll('script'), path).toHaveLength(0);
  });

  it('keeps every table row at the number of cells of its header', () => {
    let tabellen = 0;
    for (const [path, root] of pages) {
      for (const table of root.querySelectorAll('table')) {
        tabellen++;
        const kolommen = table.querySelectorAll('thead th').length;
        for (const tr of table.querySelectorAll('tbody tr'))
          expect(tr.querySelectorAll('td').length, `${path}: ${tr.text}`).toBe(kolommen);
      }
    }
    expect(tabellen).toBeGreaterThan(5);
  });

  it('shows the definition of an objecttype as the characters it holds', () => {
    const def = onder(definities, 'objecttype-wsnp-traject').find((el) => el.classList.contains('admonition'));
    const p = def?.querySelectorAll('p').find((x) => !x.classList.contains('admonition-title'));
    expect(p?.text).toBe(
      "Een traject | met een pijp, <script>alert('x')</script>, {{x}}, café en *geen* _nadruk_ [geen link](http://x) <b>.",
    );
    expect(p?.querySelectorAll('em, strong, a, b, script')).toHaveLength(0);
  });

  it('turns an HTML list and lines into a Markdown list and paragraphs, and block syntax into text', () => {
    const details = onder(definities, 'objecttype-wsnp-traject').find(
      (el) => el.tagName === 'DETAILS' && el.querySelector('summary')?.text === 'Toelichting',
    );
    expect(details).toBeDefined();
    const body = elementen(details as HTMLElement).filter((n) => n.tagName !== 'SUMMARY');
    expect(body.map((el) => el.tagName)).toEqual(['P', 'P', 'UL', 'P', 'P', 'P']);
    expect(body.map((el) => el.text.trim())).toEqual([
      'Eerste regel.',
      'Tweede regel met',
      'een\ntwee & drie',
      '# geen kop',
      '1. geen lijst',
      '!!! geen admonitie',
    ]);
    expect(body[2]?.querySelectorAll('li').map((li) => li.text)).toEqual(['een', 'twee & drie']);
  });

  it('keeps a multi-line definition with | and a list in one table cell, its lines apart', () => {
    const tabel = onder(definities, 'objecttype-wsnp-traject').find((el) => el.tagName === 'TABLE');
    const rij = tabel?.querySelectorAll('tbody tr').find((tr) => tr.querySelector('td')?.text === '(Statutaire) Naam');
    const cellen = rij?.querySelectorAll('td') ?? [];
    expect(cellen.map((td) => td.text)).toEqual([
      '(Statutaire) Naam',
      'AN200',
      '0..1',
      'Regel een | cel twee\nregel twee <script>x</script> {{x}} é\n- alfa\n- beta',
    ]);
    expect(cellen[3]?.querySelectorAll('br')).toHaveLength(3);
    expect(cellen[3]?.querySelectorAll('script')).toHaveLength(0);
  });

  it('shows an attribuutsoort definition as paragraphs and a list', () => {
    const blok = onder(definities, 'attribuutsoort-wsnp-traject-statutaire-naam');
    expect(blok.slice(0, 3).map((el) => el.tagName)).toEqual(['P', 'P', 'UL']);
    expect(blok[1]?.text).toBe('regel twee <script>x</script> {{x}} é');
    expect(blok[2]?.querySelectorAll('li').map((li) => li.text)).toEqual(['alfa', 'beta']);
  });

  it('writes names with markup characters as headings, links and cells that show them', () => {
    expect(definities.querySelector('#attribuutsoort-wsnp-traject-kwaad')?.text).toBe('a|b c {{x}} `d`');
    expect(definities.querySelector('#relatiesoort-wsnp-traject-verklaring')?.text).toBe(
      'heeft: [verklaring] "x" → WSNP-verklaring',
    );
    const link = definities
      .querySelectorAll('a')
      .find((a) => a.getAttribute('href') === '#attribuutsoort-wsnp-traject-kwaad');
    expect(link?.text).toBe('a|b c {{x}} `d`');
    expect(definities.querySelectorAll('code').map((c) => c.text)).not.toContain('d');
    const waarden = onder(definities, 'enumeratie-soort')
      .find((el) => el.tagName === 'TABLE')
      ?.querySelectorAll('tbody tr')
      .map((tr) => tr.querySelectorAll('td').map((td) => td.text));
    expect(waarden).toEqual([
      ['a|b', 'Waarde met | pijp'],
      ['<script>alert(1)</script>', '{{x}} é'],
      ['{{x}}', ''],
      ['(geen) methode()', ''],
    ]);
  });

  it('does not turn doubled ~ or = into strikethrough or marks', () => {
    const p = onder(definities, 'objecttype-basis').find((el) => el.classList.contains('admonition'));
    expect(p?.text).toContain('~~doorgehaald~~, ==gemarkeerd== en %% geen commentaar.');
    expect(p?.querySelectorAll('s, del, mark')).toHaveLength(0);
  });

  it('writes the class diagrams with every name as a label that shows it', () => {
    const [im] = codeBlokken(docs.get(DOCS.hoofdlijnen) ?? '').filter((b) => b.info === 'mermaid');
    const code = im?.content ?? '';
    // Nothing from the model reaches Mermaid's syntax: no quote, bracket, brace, colon or % in a label.
    for (const label of code.matchAll(/\["([^"]*)"\]/g)) expect(label[1]).not.toMatch(/[[\]{}():%<>|`]/);
    const decoded = mermaidDecode(code);
    expect(decoded).toContain('class ot_wsnp_traject["WSNP-traject"]');
    expect(decoded).toContain('class ot_basis["Basis {x}"]');
    expect(decoded).toContain('    (Statutaire) Naam : AN200 [0..1]\n');
    expect(decoded).toContain('    <script>alert(1)</script>\n');
    expect(decoded).toContain(
      'ot_wsnp_traject "1" --> "verklaring|en 0..*" ot_wsnp_verklaring : heeft: [verklaring] "x"',
    );
    expect(decoded).toContain('ot_basis <|-- ot_wsnp_verklaring');
  });
});

describe('escaping functions', () => {
  it('render to the text they were given', () => {
    const hostile = 'a | b * c _ d ` e [f](g) {{h}} <script> &amp; &#233; ~~s~~ ==m== \\ # 1. - x';
    const shown = 'a | b * c _ d ` e [f](g) {{h}} <script> & é ~~s~~ ==m== \\ # 1. - x';
    expect(renderDom(mdInline(hostile)).text.trim()).toBe(shown);
    expect(renderDom(`# ${mdKop(hostile)} {#x}`).querySelector('h1')?.text).toBe(shown);
    expect(renderDom(`| k |\n| --- |\n| ${mdCel(`${hostile}\nregel 2`)} |`).querySelector('td')?.text).toBe(
      `${shown}\nregel 2`,
    );
  });

  it('leave an _ between word characters alone, and escape it elsewhere', () => {
    expect(mdInline('datum_opgepakt')).toBe('datum_opgepakt');
    expect(mdInline('_nadruk_ en __sterk__')).toBe('\\_nadruk\\_ en \\_\\_sterk\\_\\_');
    expect(renderDom(mdInline('_a_ b_c_ __d__')).querySelectorAll('em, strong')).toHaveLength(0);
  });

  it('keep lines that look like block syntax as text', () => {
    const html = renderHtml(
      mdBlok('# kop\n> quote\n1. een\n+ plus\n* ster\n---\n=== x\n    code\n!!! note\n??? info\n: def'),
    );
    const root = renderDom(
      mdBlok('# kop\n> quote\n1. een\n+ plus\n* ster\n---\n=== x\n    code\n!!! note\n??? info\n: def'),
    );
    expect(root.querySelectorAll('h1, h2, blockquote, ol, ul, hr, pre, div, details')).toHaveLength(0);
    expect(root.querySelectorAll('p').map((p) => p.text)).toEqual([
      '# kop',
      '> quote',
      '1. een',
      '+ plus',
      '* ster',
      '---',
      '=== x',
      'code',
      '!!! note',
      '??? info',
      ': def',
    ]);
    expect(html).not.toContain('<script');
  });

  it('leave Mermaid only safe characters', () => {
    expect(mermaidTekst('a"b]c{d}e:f%g<h>i(j)k~l;m#n')).toBe(
      'a#34;b#93;c#123;d#125;e#58;f#37;g#60;h#62;i#40;j#41;k#126;l#59;m#35;n',
    );
    expect(mermaidTekst('-a-b*')).toBe('#45;a-b#42;');
  });
});
