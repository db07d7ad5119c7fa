/**
 * generator/site/: the site's build folder as a pure function of the generated docs (no mkdocs needed):
 * where each model's pages and validator page go, the nav, mkdocs.yml, and clear errors for docs that cannot
 * make a site. Also the reading of Mermaid sources that the browser test compares with the drawn SVG.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildSiteFiles, SiteError, type SiteModel } from '../../generator/site/index.ts';
import { drawnClassId, mermaidClasses } from './mermaid.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function docs(name: string): Map<string, string> {
  const folder = join(ROOT, 'generated', name, 'docs');
  return new Map(readdirSync(folder).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
}

const models = (): SiteModel[] => [
  { name: 'vroegsignalering', docs: docs('vroegsignalering') },
  { name: 'schuldhulpverlening', docs: docs('schuldhulpverlening') },
];

function config(text: string): Record<string, unknown> {
  const doc = parseDocument(text, {
    customTags: [{ tag: '!!python/name:pymdownx.superfences.fence_div_format', resolve: (s: string) => s }],
  });
  expect(doc.errors).toEqual([]);
  return doc.toJS() as Record<string, unknown>;
}

describe('the site build folder', () => {
  it('puts each model under its name with the nav of its fragment, after a home page, sorted by name', () => {
    const site = buildSiteFiles({ models: models(), mermaid: 'mermaid()' });
    const files = [...site.files.keys()];
    expect(files).toContain('docs/vroegsignalering/definities.md');
    expect(files).toContain('docs/schuldhulpverlening/hoofdlijnen.md');
    expect(files.some((f) => f.endsWith('mkdocs-nav.yml'))).toBe(false);
    expect(site.files.get('docs/assets/javascripts/mermaid.min.js')).toBe('mermaid()');
    expect(String(site.files.get('docs/assets/javascripts/mermaid-init.js'))).toContain('.run({ nodes: nodes })');
    expect(String(site.files.get('docs/assets/stylesheets/mimgen.css'))).toContain('.mimgen-zoom');
    const yml = config(String(site.files.get('mkdocs.yml')));
    expect(yml.use_directory_urls).toBe(false);
    expect(yml.strict).toBe(true);
    expect((yml.theme as Record<string, unknown>).font).toBe(false);
    expect(yml.extra_javascript).toEqual(['assets/javascripts/mermaid.min.js', 'assets/javascripts/mermaid-init.js']);
    expect(yml.extra_css).toEqual(['assets/stylesheets/mimgen.css']);
    expect(yml.extra).toBeUndefined();
    const nav = yml.nav as Record<string, unknown>[];
    expect(nav.map((e) => Object.keys(e)[0])).toEqual(['Start', 'Schuldhulpverlening', 'Vroegsignalering']);
    expect(nav[2]).toEqual({
      Vroegsignalering: [
        { Overzicht: 'vroegsignalering/index.md' },
        { 'Op hoofdlijnen': 'vroegsignalering/hoofdlijnen.md' },
        { Definities: 'vroegsignalering/definities.md' },
        { Uitwisselspecificatie: 'vroegsignalering/uitwisselspecificatie.md' },
        { API: 'vroegsignalering/api.md' },
      ],
    });
    expect(site.pages[0]).toBe('index.md');
    expect(site.pages).toHaveLength(11);
    const home = String(site.files.get('docs/index.md'));
    expect(home).toContain('[Vroegsignalering](vroegsignalering/index.md)');
    expect(home).not.toContain('validatiepagina');
  });

  it("adds a model's validator page to the model's nav when the folder has an index.html", () => {
    const [vs, shv] = models() as [SiteModel, SiteModel];
    const validator = new Map<string, string>([
      ['index.html', '<!doctype html><script id="plaatsen" data-docs="../docs/">{}</script>'],
      ['worker.js', 'self.onmessage = null;'],
    ]);
    const site = buildSiteFiles({
      models: [
        { ...vs, validator },
        { ...shv, validator: new Map([['worker.js', '']]) },
      ],
      mermaid: '',
    });
    // Its error links go to the model's HTML pages beside it in the site, not to the package's Markdown.
    expect(site.files.get('docs/vroegsignalering/validator/index.html')).toBe(
      '<!doctype html><script id="plaatsen" data-docs="../" data-ext=".html">{}</script>',
    );
    expect(site.files.get('docs/vroegsignalering/validator/worker.js')).toBe('self.onmessage = null;');
    const nav = config(String(site.files.get('mkdocs.yml'))).nav as Record<string, Record<string, string>[]>[];
    expect(nav[2]!.Vroegsignalering!.at(-1)).toEqual({ Validator: 'vroegsignalering/validator/index.html' });
    expect(nav[1]!.Schuldhulpverlening!.some((e) => 'Validator' in e)).toBe(false);
    expect(site.pages).toContain('vroegsignalering/validator/index.html');
    expect(String(site.files.get('docs/index.md'))).toContain('validatiepagina');
  });

  it('refuses a validator page that does not say where the docs are', () => {
    const [vs] = models() as [SiteModel];
    expect(() =>
      buildSiteFiles({ models: [{ ...vs, validator: new Map([['index.html', '<!doctype html>']]) }], mermaid: '' }),
    ).toThrow(
      new SiteError(
        'generated/vroegsignalering/validator/index.html does not say where the docs are (data-docs="../docs/"): run npm run generate',
      ),
    );
  });

  it("turns on Material's version selector for a site kept beside other versions", () => {
    const site = buildSiteFiles({ models: models(), mermaid: '', version: '1.2.0', siteName: 'Test' });
    const yml = config(String(site.files.get('mkdocs.yml')));
    expect(yml.extra).toEqual({ version: { provider: 'mike' } });
    expect(yml.site_name).toBe('Test');
  });

  it("keeps a section of the model's nav (a large model's diagram pages per pakket) as a section, each page checked", () => {
    const nav = `- Groot:\n    - Overzicht: "groot/index.md"\n    - Klassendiagrammen per pakket:\n        - Pakket A: "groot/pakket-a.md"\n        - Pakket B: "groot/pakket-b.md"\n`;
    const groot = new Map([
      ['index.md', '# Groot\n'],
      ['pakket-a.md', '# A\n'],
      ['pakket-b.md', '# B\n'],
      ['mkdocs-nav.yml', nav],
    ]);
    const site = buildSiteFiles({ models: [{ name: 'groot', docs: groot }], mermaid: '' });
    expect(site.pages).toEqual(['index.md', 'groot/index.md', 'groot/pakket-a.md', 'groot/pakket-b.md']);
    expect((config(String(site.files.get('mkdocs.yml'))).nav as unknown[])[1]).toEqual({
      Groot: [
        { Overzicht: 'groot/index.md' },
        { 'Klassendiagrammen per pakket': [{ 'Pakket A': 'groot/pakket-a.md' }, { 'Pakket B': 'groot/pakket-b.md' }] },
      ],
    });
    // The home page lists the model's pages, not the pages of a section.
    expect(String(site.files.get('docs/index.md'))).not.toContain('pakket-a.md');
    groot.delete('pakket-b.md');
    expect(() => buildSiteFiles({ models: [{ name: 'groot', docs: groot }], mermaid: '' })).toThrow(
      new SiteError(
        'generated/groot/docs/mkdocs-nav.yml names "groot/pakket-b.md", which is not in generated/groot/docs/',
      ),
    );
  });

  it('refuses docs that cannot make a site, saying what to do', () => {
    expect(() => buildSiteFiles({ models: [], mermaid: '' })).toThrow(
      new SiteError('no model has documentation under generated/: run npm run generate'),
    );
    const [vs] = models() as [SiteModel];
    const without = new Map(vs.docs);
    without.delete('mkdocs-nav.yml');
    expect(() => buildSiteFiles({ models: [{ ...vs, docs: without }], mermaid: '' })).toThrow(
      'generated/vroegsignalering/docs/mkdocs-nav.yml is missing: run npm run generate',
    );
    const lost = new Map(vs.docs);
    lost.delete('api.md');
    expect(() => buildSiteFiles({ models: [{ ...vs, docs: lost }], mermaid: '' })).toThrow(
      'generated/vroegsignalering/docs/mkdocs-nav.yml names "vroegsignalering/api.md", which is not in generated/vroegsignalering/docs/',
    );
    const flat = new Map(vs.docs).set(
      'mkdocs-nav.yml',
      '- "Overzicht": "vroegsignalering/index.md"\n- "API": "vroegsignalering/api.md"\n',
    );
    expect(() => buildSiteFiles({ models: [{ ...vs, docs: flat }], mermaid: '' })).toThrow(SiteError);
  });
});

describe('the classes of a Mermaid classDiagram', () => {
  it('reads declared classes with their labels and the ends of relations', () => {
    const classes = mermaidClasses(
      [
        'classDiagram',
        '  direction LR',
        '  class ot_a["A"] {',
        '    naam : AN20 [1]',
        '  }',
        '  class en_b["EnumB"] {',
        '    <<enumeration>>',
        '  }',
        '  ot_a --> "rol 1..*" ot_c : heeft',
        '  ot_a *-- "1" en_b : waarde',
        '  ot_d <|-- ot_a',
        '  ot_a ..> ot_e : verwijst',
      ].join('\n'),
    );
    expect([...classes]).toEqual([
      ['ot_a', 'A'],
      ['en_b', 'EnumB'],
      ['ot_c', undefined],
      ['ot_d', undefined],
      ['ot_e', undefined],
    ]);
  });

  it('reads the class id from the id of a node mermaid drew', () => {
    expect(drawnClassId('mermaid-0-classId-ot_client-3')).toBe('ot_client');
    expect(drawnClassId('classId-um_leveringen_vroegsignalen-12')).toBe('um_leveringen_vroegsignalen');
  });
});
