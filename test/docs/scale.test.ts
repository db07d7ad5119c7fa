/**
 * Scale (issue 15, item 4), not timed (bench/gemeentelijk.ts measures): the synthetic model of 1,000
 * objecttypen (bench/lib/synthetic.ts) generates with the real `mimgen generate`, and every part of its
 * split informatiemodel diagram (a page per pakket) stays within MAX_KLASSEN classes; a sample of them renders in Debian's
 * chromium (skipped outside CI when chromium is missing). The message's own diagram ("Het bericht") is
 * split too; all are checked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGemeentelijkModel } from '../../bench/lib/synthetic.ts';
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import { informatiemodelDiagrammen, MAX_KLASSEN } from '../../generator/emit/docs/diagram-delen.ts';
import { loadInformatiemodel } from '../../generator/model/load.ts';
import { mermaidBlokken } from '../../scripts/render-mermaid.ts';
import { CHROMIUM, renderMermaid } from '../site/browser.ts';
import { mermaidClasses } from '../site/mermaid.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'mimgen-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a model of 1,000 objecttypen', () => {
  /** Every diagram of the docs, the pakket pages' first, then hoofdlijnen's (the parts of the message). */
  let diagrammen: string[] = [];

  it('generates, with a page per pakket whose diagrams have at most MAX_KLASSEN classes', () => {
    mkdirSync(join(dir, 'model'));
    writeGemeentelijkModel(join(dir, 'model'), 1000);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'mimgen.js'), 'generate', 'gemeentelijk1000'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const docs = join(dir, 'generated', 'gemeentelijk1000', 'docs');
    const lees = (f: string) => readFileSync(join(docs, f), 'utf8');
    const hoofdlijnen = lees('hoofdlijnen.md');
    // hoofdlijnen lists the pakketten, each linking to its page, which exists and is in the nav.
    const sectie = hoofdlijnen.slice(
      hoofdlijnen.indexOf('{#diagram-informatiemodel}'),
      hoofdlijnen.indexOf('{#enumeraties}'),
    );
    expect(mermaidBlokken(sectie)).toEqual([]);
    const paginas = [...sectie.matchAll(/^\| \[Pakket \d+\]\((pakket-[a-z0-9-]+\.md)\) \| (\d+) \| (\d+) \|$/gm)];
    expect(paginas).toHaveLength(20);
    expect(
      readdirSync(docs)
        .filter((f) => f.startsWith('pakket-'))
        .sort(),
    ).toEqual(paginas.map((m) => m[1]!).sort());
    const nav = lees('mkdocs-nav.yml');
    let imDiagrammen = 0;
    for (const [, bestand, klassen, aantal] of paginas) {
      expect(nav).toContain(`"gemeentelijk1000/${bestand}"`);
      const pagina = lees(bestand!);
      const blokken = mermaidBlokken(pagina).map((b) => b.code);
      // 50 objecttypen and 5 enumeraties, too large for one diagram: a diagram per objecttype, one of the enumeraties.
      expect(blokken).toHaveLength(Number(aantal));
      expect(Number(klassen)).toBe(55);
      expect(pagina).toContain('](hoofdlijnen.md#diagram-informatiemodel)');
      imDiagrammen += blokken.length;
      diagrammen.push(...blokken);
    }
    expect(imDiagrammen).toBe(1000 + 20);
    // The message's parts stay on hoofdlijnen (200 record lists: 441 objects in 13 parts).
    const bericht = mermaidBlokken(hoofdlijnen).map((b) => b.code);
    expect(bericht.length).toBeGreaterThan(1);
    diagrammen.push(...bericht);
    for (const code of diagrammen) expect(mermaidClasses(code).size).toBeLessThanOrEqual(MAX_KLASSEN);
  }, 60_000);

  const CI = process.env.CI === 'true';
  it.skipIf(!existsSync(CHROMIUM) && !CI)(
    'renders a sample of its diagrams in chromium: every 50th and the last (a part of the message)',
    async () => {
      expect(diagrammen.length).toBeGreaterThan(0);
      const sample = diagrammen.filter((_, i) => i % 50 === 0 || i === diagrammen.length - 1);
      const getekend = await renderMermaid(sample);
      for (const [n, code] of sample.entries()) {
        expect(getekend[n]!.fout, code).toBeUndefined();
        expect(getekend[n]!.knopen).toBe(mermaidClasses(code).size);
      }
    },
    120_000,
  );
});

describe('splitting the informatiemodel diagram', () => {
  const root = join(dir, 'klein');
  mkdirSync(join(root, 'model'), { recursive: true });
  const { folder } = writeGemeentelijkModel(join(root, 'model'), 100, false);
  const im = loadInformatiemodel(folder, fileSystemReader).model!;

  it('keeps a model within the maximum as one diagram with every class and relation', () => {
    const d = informatiemodelDiagrammen(im, 1000);
    expect(d.pakketten).toBeUndefined();
    expect(d.geheel!.klassen).toHaveLength(100 + 10);
    expect(d.geheel!.relaties).toHaveLength(150 + 10);
  });

  it('draws a pakket that fits with its own classes in full and its neighbours by name', () => {
    const d = informatiemodelDiagrammen(im, 105);
    expect(d.pakketten!.map((p) => p.pakket.naam)).toEqual(['Pakket 0', 'Pakket 1']);
    for (const p of d.pakketten!) {
      const diagram = p.diagram!;
      expect(diagram.klassen.length).toBeLessThanOrEqual(105);
      const eigen = diagram.klassen.filter((k) => k.leden.length > 0);
      expect(eigen).toHaveLength(55);
      expect(diagram.klassen.length).toBeGreaterThan(55);
      expect(p.objecttypen).toEqual([]);
    }
  });

  it('draws each objecttype of a pakket that does not fit with its neighbours, leaving out what exceeds the maximum', () => {
    const d = informatiemodelDiagrammen(im, 3);
    const p = d.pakketten![0]!;
    expect(p.diagram).toBeUndefined();
    expect(p.objecttypen).toHaveLength(50);
    for (const o of p.objecttypen) {
      expect(o.diagram.klassen.length).toBeLessThanOrEqual(3);
      expect(o.diagram.klassen.filter((k) => k.leden.length > 0).map((k) => k.label)).toEqual([o.objecttype.naam]);
    }
    expect(p.objecttypen.some((o) => o.weggelaten > 0)).toBe(true);
    // The five enumeraties of the pakket, at most three a diagram.
    expect(p.overige.map((x) => x.klassen.length)).toEqual([3, 2]);
  });
});
