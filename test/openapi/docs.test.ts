/**
 * The API page of the documentation (docs/api.md): for both models it says what openapi.json says (the
 * operation, every response code with its media type, the headers, the security, what is signed), and for a
 * test model whose API text holds markup (test/fixtures/docs/vijandig/api.yaml) it shows that text as the
 * characters it holds. The pages are rendered to HTML as the MkDocs site would (test/docs/render.ts).
 */
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { DOCS, emitDocs } from '../../generator/emit/docs/index.ts';
import { openApiDocument } from '../../generator/emit/openapi/index.ts';
import { laadModel, renderDom } from '../docs/render.ts';
import { invoerVan } from '../../generator/emit/invoer.ts';

function pagina(folder: string): { root: HTMLElement; tekst: string; doc: Record<string, unknown> } {
  const um = laadModel(folder);
  const md = emitDocs(invoerVan(um)).get(DOCS.api);
  if (md === undefined) throw new Error(`${folder} has no API page`);
  return { root: renderDom(md), tekst: md, doc: openApiDocument(um, um.api!) };
}

const cellen = (root: HTMLElement, kop: string) =>
  root
    .querySelectorAll('table')
    .filter((t) => t.querySelector('th')?.text === kop)
    .flatMap((t) => t.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => td.text.trim())));

describe.each(['vroegsignalering', 'schuldhulpverlening'])('the API page of %s', (naam) => {
  const { root, doc } = pagina(`model/${naam}`);
  const paths = doc.paths as Record<
    string,
    Record<string, { operationId: string; responses: Record<string, { content?: object }> }>
  >;

  it('has the title of openapi.json and a heading per operation', () => {
    expect(root.querySelector('h1')?.text).toBe((doc.info as { title: string }).title);
    const ops = Object.entries(paths).flatMap(([pad, m]) =>
      Object.keys(m).map((methode) => `${methode.toUpperCase()} ${pad}`),
    );
    expect(root.querySelectorAll('h3').map((h) => h.text)).toEqual(expect.arrayContaining(ops));
  });

  it('lists every response code with its media type, and marks the signed one', () => {
    const rijen = cellen(root, 'Status');
    const responses = paths['/gegevens']!.post!.responses;
    expect(rijen.map((r) => r[0])).toEqual(Object.keys(responses));
    for (const r of rijen) {
      const mediatypes = Object.keys(responses[r[0]!]!.content ?? {});
      for (const m of mediatypes) expect(r[2], `response ${r[0]}`).toContain(m);
    }
    expect(rijen.filter((r) => r[4] === 'ja').map((r) => r[0])).toEqual(['200']);
    expect(rijen[0]?.[3]).toContain('nlgov-adr-payload-sig');
  });

  it('names the security scheme, token URL and scope, and what is signed', () => {
    const tekst = root.text;
    expect(tekst).toContain('https://auth.gegevensuitwissel.com/token');
    expect(cellen(root, 'Scope').map((r) => r[0])).toEqual(['read']);
    const ondertekening = cellen(root, 'Kenmerk').filter((r) =>
      ['Digest van de body', 'Handtekening', 'Algoritme', 'Ondertekende antwoorden'].includes(r[0]!),
    );
    expect(ondertekening).toEqual([
      ['Digest van de body', 'header Digest'],
      ['Handtekening', 'header nlgov-adr-payload-sig'],
      ['Algoritme', 'PS256'],
      ['Ondertekende antwoorden', '200 van POST /gegevens'],
    ]);
  });

  it('describes every component header and schema under its own heading', () => {
    const components = doc.components as { headers: object; schemas: object };
    const koppen = root.querySelectorAll('h3').map((h) => h.text);
    expect(koppen).toEqual(
      expect.arrayContaining([...Object.keys(components.headers), ...Object.keys(components.schemas)]),
    );
  });
});

describe('the API page of a model whose API text holds markup', () => {
  const { root, tekst } = pagina('test/fixtures/docs/vijandig');

  it('has no script element and shows the title as the characters it holds', () => {
    expect(root.querySelectorAll('script')).toHaveLength(0);
    expect(root.querySelector('h1')?.text).toBe("API | met <script>alert('x')</script> en {{x}}");
    expect(root.querySelectorAll('h3').map((h) => h.text)).toContain('POST /x|y/<script>');
  });

  it('keeps every table row at the number of cells of its header', () => {
    const tabellen = root.querySelectorAll('table');
    expect(tabellen.length).toBeGreaterThan(5);
    for (const t of tabellen) {
      const n = t.querySelectorAll('thead th').length;
      for (const tr of t.querySelectorAll('tbody tr')) expect(tr.querySelectorAll('td').length, tr.text).toBe(n);
    }
  });

  it('shows a field name, a header name and an example with | and backticks as text, not markup', () => {
    const velden = cellen(root, 'Veld');
    expect(velden.map((r) => r[0])).toContain('a|b c {{x}} `d`');
    expect(cellen(root, 'Status')[0]?.[3]).toContain('X-Digest|`a`: Digest | x');
    expect(root.querySelectorAll('em, strong:not(:only-child)').map((e) => e.text)).not.toContain('nadruk');
    expect(tekst).not.toMatch(/^# geen kop/m);
  });
});
