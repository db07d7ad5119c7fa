/**
 * The documentation site (issue 17, items 2 and 3) built with Debian's mkdocs (`mkdocs build --strict`, as
 * `npm run site` does) and read in Debian's chromium, headless: every page loads without console errors and
 * asks nothing outside the site, every Mermaid diagram becomes an SVG with all the classes of its source, the
 * search finds `dwangakkoord`, each model with a validator page (generated/<name>/validator/) has it in its
 * navigation, and a screenshot of each kind of page lands in test-results/screenshots/ for CI to keep.
 *
 * Skipped, with a message, when mkdocs or chromium is missing outside CI; under CI=true their absence fails.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'node-html-parser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mermaidBlokken } from '../../scripts/render-mermaid.ts';
import { buildSite, DEFAULT_MKDOCS, type BuiltSite } from '../../scripts/site.ts';
import { drawnClassId, mermaidClasses } from './mermaid.ts';
import { CHROMIUM, launchChromium, serveFolder, type Chromium, type StaticServer } from './browser.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the screenshots go; CI keeps this folder (named in the README). */
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const CI = process.env.CI === 'true';
const missing = [DEFAULT_MKDOCS, CHROMIUM].filter((p) => !existsSync(p));
const skip = missing.length > 0 && !CI;
if (skip)
  console.warn(
    `test/site: skipped, ${missing.join(' and ')} not installed (apt-get install mkdocs mkdocs-material chromium); under CI=true this fails`,
  );

/** The models of generated/ that have a validator page, which the site must then link. */
const VALIDATORS = ['schuldhulpverlening', 'vroegsignalering'].filter((m) =>
  existsSync(join(ROOT, 'generated', m, 'validator', 'index.html')),
);

interface Visit {
  errors: string[];
  outside: string[];
  millis: number;
}

describe.skipIf(skip)('the documentation site in chromium', () => {
  let out: string;
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Chromium;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'mimgen-site-'));
    site = await buildSite(out);
    console.log(`test/site: mkdocs build --strict of ${site.pages.length} pages in ${Math.round(site.millis)} ms`);
    server = await serveFolder(out);
    browser = await launchChromium();
    // Not emptied: other browser tests (the validator's) may write their screenshots here too.
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  /** Opens a page of the site and waits until every diagram on it is drawn (or failed, which logs an error). */
  async function visit(path: string, use?: (page: Page) => Promise<void>): Promise<Visit> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const outside: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    // Named here with its URL: chromium's console error for it does not say what was missing (a favicon.ico, say).
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(`${server.origin}/`) && !/^(data|blob):/.test(r.url())) outside.push(r.url());
    });
    const started = performance.now();
    try {
      await page.goto(`${server.origin}/${path}`, { waitUntil: 'load' });
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('div.mermaid')].every(
            (d) => d.querySelector('svg') !== null || d.getAttribute('data-processed') === 'true',
          ),
        undefined,
        { timeout: 30_000 },
      );
      const millis = performance.now() - started;
      await use?.(page);
      return { errors, outside, millis };
    } finally {
      await page.close();
    }
  }

  it('has every page of the nav, each model with its validator page when there is one', () => {
    for (const page of site.pages) expect(existsSync(join(out, page)), page).toBe(true);
    expect(existsSync(join(out, 'assets/javascripts/mermaid.min.js'))).toBe(true);
    expect(site.validators).toEqual(VALIDATORS);
    for (const model of VALIDATORS) {
      expect(site.pages).toContain(`${model}/validator/index.html`);
      const html = readFileSync(join(out, model, 'index.html'), 'utf8');
      expect(html, `${model}/index.html links its validator page in the navigation`).toContain(
        'href="validator/index.html"',
      );
    }
  });

  /** The kinds of page, each with the page whose screenshot shows it. */
  const KINDS: Record<string, string> = {
    index: 'index.html',
    'model-overzicht': 'vroegsignalering/index.html',
    hoofdlijnen: 'vroegsignalering/hoofdlijnen.html',
    definities: 'schuldhulpverlening/definities.html',
    uitwisselspecificatie: 'vroegsignalering/uitwisselspecificatie.html',
    api: 'vroegsignalering/api.html',
    ...Object.fromEntries(VALIDATORS.map((m) => [`validator-${m}`, `${m}/validator/index.html`])),
  };

  interface Seen extends Visit {
    path: string;
    diagrams: { svg: boolean; nodes: { id: string; text: string }[] }[];
    /** The first diagram's width against its box: fitted, after a click (own size), after another click. */
    zoom?: { fitted: [number, number]; zoomed: [number, number]; again: [number, number] };
  }

  /** Every page of the site visited once (each visit costs chromium the parsing of mermaid): what it showed. */
  let all: Promise<Seen[]> | undefined;
  const visitAll = (): Promise<Seen[]> =>
    (all ??= (async () => {
      const seen: Seen[] = [];
      for (const path of site.pages) {
        let diagrams: Seen['diagrams'] = [];
        let zoom: Seen['zoom'];
        const visited = await visit(path, async (page) => {
          diagrams = await page.$$eval('div.mermaid', (divs) =>
            divs.map((d) => ({
              svg: d.querySelector('svg') !== null,
              nodes: [...d.querySelectorAll('svg g.node')].map((g) => ({ id: g.id, text: g.textContent ?? '' })),
            })),
          );
          const first = page.locator('div.mermaid').first();
          const svg = first.locator('svg');
          const widths = (): Promise<[number, number]> =>
            first.evaluate((d) => [
              Math.round(d.querySelector('svg')!.getBoundingClientRect().width),
              Math.round(d.getBoundingClientRect().width),
            ]);
          if (diagrams.length > 0) {
            await page.waitForSelector('div.mermaid[role="button"]');
            await svg.scrollIntoViewIfNeeded();
          }
          for (const [kind, at] of Object.entries(KINDS)) {
            // As a reader sees it: the viewport, at the first diagram where there is one.
            if (at === path) await page.screenshot({ path: join(SCREENSHOTS, `${kind}.png`) });
          }
          if (diagrams.length > 0) {
            const fitted = await widths();
            await first.click();
            const zoomed = await widths();
            const kind = Object.entries(KINDS).find(([, at]) => at === path)?.[0];
            if (kind) await page.screenshot({ path: join(SCREENSHOTS, `${kind}-vergroot.png`) });
            await first.click();
            zoom = { fitted, zoomed, again: await widths() };
            if (kind) {
              // The whole first diagram at its own size: a viewport wide enough, its box not clipping it.
              await page.setViewportSize({ width: Math.max(1280, zoomed[0] + 700), height: 900 });
              await first.evaluate((d) => {
                d.classList.add('mimgen-zoom');
                (d as HTMLElement).style.overflow = 'visible';
                (d as HTMLElement).style.maxHeight = 'none';
              });
              await svg.screenshot({ path: join(SCREENSHOTS, `${kind}-diagram.png`) });
              await page.setViewportSize({ width: 1280, height: 900 });
            }
          }
        });
        seen.push({ path, diagrams, ...visited, ...(zoom ? { zoom } : {}) });
      }
      return seen;
    })());

  it('has every link within the site point at a file that exists, and at an id on it when it names one', () => {
    const html = readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .map((f) => f.split('\\').join('/'))
      .sort();
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string): Set<string> => {
      let set = ids.get(file);
      if (!set) {
        const root = parse(readFileSync(join(out, file), 'utf8'));
        set = new Set(root.querySelectorAll('[id]').map((e) => e.getAttribute('id') ?? ''));
        ids.set(file, set);
      }
      return set;
    };
    const broken: string[] = [];
    let links = 0;
    for (const file of html) {
      const root = parse(readFileSync(join(out, file), 'utf8'));
      for (const el of root.querySelectorAll('a[href], link[href], script[src], img[src]')) {
        const ref = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
        if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) continue;
        links++;
        const [path = '', fragment] = ref.split('#');
        let target =
          path === ''
            ? file
            : normalize(join(dirname(file), decodeURI(path)))
                .split('\\')
                .join('/');
        if (target.endsWith('/') || (existsSync(join(out, target)) && !target.includes('.')))
          target = join(target, 'index.html');
        if (target.startsWith('..') || !existsSync(join(out, target))) {
          broken.push(`${file}: ${ref} (no ${target})`);
          continue;
        }
        if (fragment && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment)))
          broken.push(`${file}: ${ref} (no id "${fragment}" on ${target})`);
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(500);
    console.log(`test/site: ${links} links within the site checked on ${html.length} HTML files`);
  });

  it('opens from the file system too: diagrams drawn, only the search (which needs HTTP) failing', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(pathToFileURL(join(out, 'vroegsignalering', 'hoofdlijnen.html')).href, { waitUntil: 'load' });
      await page.waitForFunction(
        () => [...document.querySelectorAll('div.mermaid')].every((d) => d.querySelector('svg') !== null),
        undefined,
        { timeout: 30_000 },
      );
      await page.click('a[href="definities.html"]');
      expect(relative(out, fileURLToPath(page.url()))).toBe(join('vroegsignalering', 'definities.html'));
    } finally {
      await page.close();
    }
    expect(errors.filter((e) => !/search_index\.json|ERR_FAILED|Failed to fetch/.test(e))).toEqual([]);
  }, 120_000);

  it('loads every page without console errors and without a request outside the site', async () => {
    const seen = await visitAll();
    for (const { path, errors, outside } of seen) {
      expect(errors, path).toEqual([]);
      expect(outside, path).toEqual([]);
    }
    expect(server.missing).toEqual([]);
    console.log(
      `test/site: pages loaded, diagrams drawn: ${seen.map((s) => `${s.path} ${Math.round(s.millis)} ms`).join(', ')}`,
    );
  }, 300_000);

  it('renders every Mermaid diagram to an SVG with all the classes of its source', async () => {
    let diagrams = 0;
    for (const { path, diagrams: rendered, zoom } of await visitAll()) {
      if (path.includes('/validator/') || path === 'index.html') continue;
      const [model, file] = path.split('/') as [string, string];
      const markdown = readFileSync(join(ROOT, 'generated', model, 'docs', file.replace(/\.html$/, '.md')), 'utf8');
      const sources = mermaidBlokken(markdown).map((b) => b.code);
      expect(rendered.length, `${path}: diagrams on the page`).toBe(sources.length);
      rendered.forEach((r, i) => {
        const where = `${path}, diagram ${i + 1}`;
        expect(r.svg, where).toBe(true);
        const classes = mermaidClasses(sources[i]!);
        expect(classes.size, where).toBeGreaterThan(0);
        const drawn = new Map(r.nodes.map((n) => [drawnClassId(n.id), n.text]));
        for (const [id, label] of classes) {
          expect(drawn.has(id), `${where}: class ${id} drawn (nodes: ${[...drawn.keys()].join(', ')})`).toBe(true);
          if (label !== undefined) expect(drawn.get(id), `${where}: class ${id} labelled`).toContain(label);
        }
        expect(drawn.size, `${where}: no class more than the source`).toBe(classes.size);
      });
      if (rendered.length > 0) {
        // Fitted to its box, at its own (larger) size once clicked, fitted again after another click.
        const { fitted, zoomed, again } = zoom!;
        expect(fitted[0], `${path}: fitted`).toBeLessThanOrEqual(fitted[1]);
        expect(zoomed[0], `${path}: clicked, at its own size`).toBeGreaterThan(zoomed[1]);
        expect(again, `${path}: clicked again`).toEqual(fitted);
      }
      diagrams += rendered.length;
    }
    expect(diagrams).toBeGreaterThanOrEqual(4);
    console.log(`test/site: ${diagrams} diagrams drawn with all their classes`);
  }, 300_000);

  it('writes a screenshot of each kind of page', async () => {
    await visitAll();
    const written = Object.keys(KINDS).map((kind) => `${kind}.png`);
    for (const file of [...written, 'hoofdlijnen-diagram.png', 'hoofdlijnen-vergroot.png'])
      expect(existsSync(join(SCREENSHOTS, file)), file).toBe(true);
    console.log(
      `test/site: screenshots in ${SCREENSHOTS}: ${[...written, 'hoofdlijnen-vergroot.png', 'hoofdlijnen-diagram.png'].join(', ')}`,
    );
  }, 300_000);

  it('finds dwangakkoord with the site search', async () => {
    const { errors } = await visit('index.html', async (page) => {
      await page.locator('input.md-search__input').click();
      await page.keyboard.type('dwangakkoord');
      await page.waitForSelector('.md-search-result__item', { timeout: 30_000 });
      const results = await page.$$eval('.md-search-result__item a', (links) =>
        links.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent ?? '' })),
      );
      expect(results.length).toBeGreaterThan(0);
      expect(results.some((r) => /\/schuldhulpverlening\/definities\.html/.test(r.href))).toBe(true);
      expect(
        results.every((r) => r.href.includes('/schuldhulpverlening/')),
        JSON.stringify(results),
      ).toBe(true);
      expect(results.some((r) => /dwangakkoord/i.test(r.text))).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, 'zoeken-dwangakkoord.png') });
    });
    expect(errors).toEqual([]);
  }, 120_000);

  it.skipIf(VALIDATORS.length === 0)(
    "links each error of the validator page to the model's page in the site, at an id it has",
    async () => {
      const model = VALIDATORS.includes('vroegsignalering') ? 'vroegsignalering' : VALIDATORS[0]!;
      const page = await browser.context.newPage();
      try {
        await page.goto(`${server.origin}/${model}/validator/index.html`);
        // A delivery with one string value where a list belongs: the error's place is a field of the model.
        await page.setInputFiles('input[type=file]', {
          name: 'kapot.json',
          mimeType: 'application/json',
          buffer: Buffer.from('{"leveringen": "geen lijst"}'),
        });
        await page.waitForFunction(() => {
          const u = document.querySelector('[role=status]')?.getAttribute('data-uitslag');
          return u && u !== 'bezig';
        });
        const href = await page.getAttribute('table tbody tr td a', 'href');
        expect(href).toMatch(/^\.\.\/[a-z]+\.html#[a-z0-9-]+$/);
        await page.click('table tbody tr td a');
        await page.waitForLoadState('load');
        const url = new URL(page.url());
        expect(url.pathname).toMatch(new RegExp(`^/${model}/[a-z]+\\.html$`));
        expect(await page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`).count()).toBe(1);
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});
