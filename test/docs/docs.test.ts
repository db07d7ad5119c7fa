/**
 * The generated documentation of both models: it names every element of the informatiemodel, its embedded
 * examples are valid messages, its anchors are unique and every internal link lands on one, and what is
 * committed under generated/<model>/docs/ is what the emitter writes.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DOCS, emitDocs } from '../../generator/emit/docs/index.ts';
import { berichtSchema } from '../../generator/emit/json-schema/index.ts';
import { codeBlokken, elementen, laadModel, mermaidDecode, renderDom } from './render.ts';
import { invoerVan } from '../../generator/emit/invoer.ts';

const addFormats = ajvFormats.default as unknown as (ajv: Ajv2020) => Ajv2020;
const ROOT = join(import.meta.dirname, '..', '..');

const MODELLEN = ['vroegsignalering', 'schuldhulpverlening'].map((naam) => {
  const um = laadModel(`model/${naam}`);
  return { naam, um, docs: emitDocs(invoerVan(um)) };
});
const VIJANDIG = (() => {
  const um = laadModel('test/fixtures/docs/vijandig');
  return { naam: 'vijandig (test model)', um, docs: emitDocs(invoerVan(um)) };
})();

const index = (docs: Map<string, string>): string => renderDom(pagina(docs, DOCS.index)).textContent;

function pagina(docs: Map<string, string>, path: string): string {
  const text = docs.get(path);
  if (text === undefined) throw new Error(`no ${path}`);
  return text;
}

/** The elements from a heading up to the next heading of the same or a higher level. */
function sectie(root: HTMLElement, kop: HTMLElement): HTMLElement[] {
  const level = Number(kop.tagName.slice(1));
  const children = elementen(root);
  const start = children.indexOf(kop);
  const result: HTMLElement[] = [];
  for (const el of children.slice(start + 1)) {
    if (/^H[1-6]$/.test(el.tagName) && Number(el.tagName.slice(1)) <= level) break;
    result.push(el);
  }
  return result;
}

function koppen(root: HTMLElement, tag: string): HTMLElement[] {
  return elementen(root).filter((n) => n.tagName === tag.toUpperCase());
}

describe.each(MODELLEN)('documentation of $naam', ({ naam, um, docs }) => {
  const im = um.informatiemodel;

  it('is what generated/ holds', () => {
    for (const [path, text] of docs) expect(readFileSync(join(ROOT, 'generated', naam, path), 'utf8'), path).toBe(text);
  });

  it('is the same on every run', () => {
    expect(emitDocs(invoerVan(laadModel(`model/${naam}`)))).toEqual(docs);
  });

  it("shows the package's own version next to the model's: the model's as semver before a release, release.json's after", () => {
    const versies = (d: Map<string, string>): string[] => {
      const index = renderDom(pagina(d, DOCS.index)).textContent;
      const definities = renderDom(pagina(d, DOCS.definities)).textContent;
      const rij = /Versie van het npm-pakket\s*\|?\s*([0-9.]+)/.exec(index)?.[1] ?? 'geen';
      const zin = /versie ([^,]+), npm-pakket \S+ versie ([0-9.]+)\)/.exec(definities);
      return [rij, zin?.[1] ?? 'geen', zin?.[2] ?? 'geen'];
    };
    const semver = `${im.versie}.0.0`.split('.').slice(0, 3).join('.');
    expect(index(docs)).toContain(`versie ${im.versie}`);
    expect(versies(docs)).toEqual([semver, im.versie, semver]);
    expect(versies(emitDocs(invoerVan(um), { pakketversie: '2.3.4' }))).toEqual(['2.3.4', im.versie, '2.3.4']);
  });

  it('names every objecttype, attribuutsoort and relatiesoort under its own heading', () => {
    const root = renderDom(pagina(docs, DOCS.definities));
    const h3 = koppen(root, 'h3');
    for (const ot of im.objecttypen) {
      const kop = h3.find((h) => h.text === ot.naam);
      expect(kop, `objecttype ${ot.naam}`).toBeDefined();
      const h4 = sectie(root, kop as HTMLElement)
        .filter((el) => el.tagName === 'H4')
        .map((el) => el.text);
      for (const a of ot.attribuutsoorten) expect(h4, `${ot.naam}.${a.naam}`).toContain(a.naam);
      for (const r of ot.relatiesoorten) expect(h4, `${ot.naam}.${r.naam}`).toContain(`${r.naam} → ${r.doel.naam}`);
    }
  });

  it('names every enumeratie and every value of it, in the table under its heading', () => {
    const root = renderDom(pagina(docs, DOCS.definities));
    for (const e of im.enumeraties) {
      const kop = koppen(root, 'h3').find((h) => h.text === e.naam);
      expect(kop, `enumeratie ${e.naam}`).toBeDefined();
      const tabel = sectie(root, kop as HTMLElement).find((el) => el.tagName === 'TABLE');
      const eersteCellen = (tabel?.querySelectorAll('tbody tr') ?? []).map((tr) => tr.querySelector('td')?.text);
      expect(eersteCellen).toEqual(e.waarden.map((w) => w.naam));
    }
  });

  it('draws every objecttype with its attribuutsoorten, every relatiesoort and every enumeratie value in the class diagram', () => {
    const [im_] = codeBlokken(pagina(docs, DOCS.hoofdlijnen)).filter((b) => b.info === 'mermaid');
    const code = mermaidDecode(im_?.content ?? '');
    for (const ot of im.objecttypen) {
      expect(code).toContain(`["${ot.naam}"]`);
      for (const a of ot.attribuutsoorten)
        expect(code).toContain(`\n    ${a.naam} : ${a.type.naam} [${a.kardinaliteit.tekst}]\n`);
      for (const r of ot.relatiesoorten)
        expect(code).toMatch(new RegExp(` : ${r.naam.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
    }
    for (const e of im.enumeraties) {
      expect(code).toContain(
        `["${e.naam}"] {\n    <<enumeration>>\n${e.waarden.map((w) => `    ${w.naam}\n`).join('')}  }`,
      );
    }
  });

  it('lists every field of the message in the mapping table', () => {
    const root = renderDom(pagina(docs, DOCS.uitwisselspecificatie));
    const kop = koppen(root, 'h2').find((h) => h.getAttribute('id') === 'mapping');
    const tabel = sectie(root, kop as HTMLElement).find((el) => el.tagName === 'TABLE');
    const paden = (tabel?.querySelectorAll('tbody tr') ?? []).map((tr) => tr.querySelector('td')?.text);
    const mapping = JSON.parse(readFileSync(join(ROOT, 'generated', naam, 'mapping.json'), 'utf8')) as {
      velden: { pad: string }[];
    };
    expect(paden).toEqual(mapping.velden.map((v) => v.pad));
  });
});

describe.each([...MODELLEN, VIJANDIG])('embedded examples of $naam', ({ um, docs }) => {
  const blokken = codeBlokken(pagina(docs, DOCS.uitwisselspecificatie)).filter((b) => b.info === 'json');
  const compat = berichtSchema(um, 'compat', []);

  it('embed the compat schema as generated', () => {
    const schemas = blokken.map((b) => JSON.parse(b.content) as Record<string, unknown>).filter((j) => '$schema' in j);
    expect(schemas).toEqual([compat]);
  });

  it('are valid against the compat schema', () => {
    const voorbeelden = blokken
      .map((b) => JSON.parse(b.content) as Record<string, unknown>)
      .filter((j) => !('$schema' in j));
    expect(voorbeelden.length).toBeGreaterThan(0);
    const validate = addFormats(new Ajv2020({ allErrors: true, strict: false })).compile(compat);
    for (const v of voorbeelden) expect(validate(v) ? [] : validate.errors).toEqual([]);
  });

  it('are valid against the strict schema too', () => {
    const voorbeelden = blokken
      .map((b) => JSON.parse(b.content) as Record<string, unknown>)
      .filter((j) => !('$schema' in j));
    const validate = addFormats(new Ajv2020({ allErrors: true, strict: false })).compile(
      berichtSchema(um, 'strict', []),
    );
    for (const v of voorbeelden) expect(validate(v) ? [] : validate.errors).toEqual([]);
  });
});

describe.each([...MODELLEN, VIJANDIG])('anchors and links of $naam', ({ docs }) => {
  const paginas = new Map(
    [...docs].filter(([p]) => p.endsWith('.md')).map(([p, text]) => [p.replace(/^docs\//, ''), renderDom(text)]),
  );

  it('give every heading an explicit anchor, unique on its page', () => {
    for (const [naam, root] of paginas) {
      for (const h of root.querySelectorAll('h1, h2, h3, h4, h5, h6'))
        expect(h.getAttribute('id'), `${naam}: ${h.text}`).toMatch(/^[a-z0-9-]+$/);
      const ids = root.querySelectorAll('[id]').map((el) => el.getAttribute('id'));
      const dubbel = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(dubbel, naam).toEqual([]);
    }
  });

  it('point every internal link at an anchor that exists', () => {
    let links = 0;
    for (const [naam, root] of paginas) {
      for (const a of root.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href') ?? '';
        if (/^[a-z]+:/.test(href)) continue;
        const m = /^([^#]*)#(.+)$/.exec(href);
        expect(m, `${naam}: link ${href} has no anchor`).not.toBeNull();
        const doel = m?.[1] === '' ? naam : (m?.[1] ?? '');
        const doelRoot = paginas.get(doel);
        expect(doelRoot, `${naam}: link to ${doel}`).toBeDefined();
        expect(doelRoot?.querySelector(`[id="${m?.[2]}"]`), `${naam}: link ${href}`).not.toBeNull();
        links++;
      }
    }
    expect(links).toBeGreaterThan(0);
  });

  it('have a nav fragment that lists every page', () => {
    const nav = parseYaml(pagina(docs, DOCS.nav)) as Record<string, Record<string, string>[]>[];
    expect(nav).toHaveLength(1);
    const entries = Object.values(nav[0] ?? {})[0] ?? [];
    const bestanden = entries.map((e) => Object.values(e)[0]?.replace(/^[^/]+\//, ''));
    expect(bestanden.sort()).toEqual([...paginas.keys()].sort());
  });
});
