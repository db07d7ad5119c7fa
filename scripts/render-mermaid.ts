/**
 * Proves that every Mermaid diagram of the generated documentation renders: extracts each ```mermaid block
 * from generated/<model>/docs/*.md, and from the documentation of the test models under test/fixtures/docs/
 * (emitted in memory, never written), renders it with the `mermaid` package from node_modules in headless
 * Chromium (Debian's /usr/bin/chromium, driven by playwright-core; no browser is downloaded), and saves a
 * PNG of each diagram under test/.render/ (git-ignored). Exits 1 on any render error.
 *
 * The page and mermaid.min.js are served from a loopback HTTP server; every other request is refused and
 * the browser runs without network features, so nothing leaves the machine.
 *
 * With `--gemeentelijk <n>` (a multiple of 50) also the diagrams of the scale benchmark's synthetic model of n
 * objecttypen (bench/lib/synthetic.ts), split as the docs split a large model: at 1,000 objecttypen 1,033
 * diagrams, some ten minutes here.
 *
 *   npm run render-diagrams [-- --chromium /path/to/chromium] [-- --gemeentelijk 1000]
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { fileSystemReader } from '../generator/cli/fs-reader.ts';
import { emitDocs } from '../generator/emit/docs/index.ts';
import { loadModel } from '../generator/pipeline.ts';
import { writeGemeentelijkModel } from '../bench/lib/synthetic.ts';
import { invoerVan } from '../generator/emit/invoer.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'test', '.render');
const MERMAID = join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'docs');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  // No name resolves except the loopback address the page is served from.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

interface Diagram {
  /** Where the diagram comes from, for messages: file and line. */
  bron: string;
  /** PNG file name under test/.render/. */
  png: string;
  code: string;
}

/** Every ```mermaid block of a Markdown text, its indentation removed. */
export function mermaidBlokken(markdown: string): { regel: number; code: string }[] {
  const lines = markdown.split('\n');
  const blokken: { regel: number; code: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*mermaid\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      const t = line.trim();
      if (t.length >= fence.length && [...t].every((c) => c === fence[0])) break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    blokken.push({ regel: i + 1, code: body.join('\n') });
    i = j;
  }
  return blokken;
}

function diagrammen(gemeentelijk: number | undefined): Diagram[] {
  const result: Diagram[] = [];
  const add = (bron: string, prefix: string, markdown: string) => {
    mermaidBlokken(markdown).forEach((b, n) =>
      result.push({ bron: `${bron}:${b.regel}`, png: `${prefix}-${n + 1}.png`, code: b.code }),
    );
  };
  const generated = join(ROOT, 'generated');
  for (const model of readdirSync(generated).sort()) {
    const docs = join(generated, model, 'docs');
    if (!isDir(docs)) continue;
    for (const file of readdirSync(docs)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const path = join(docs, file);
      add(relative(ROOT, path), `${model}-${file.replace(/\.md$/, '')}`, readFileSync(path, 'utf8'));
    }
  }
  if (isDir(FIXTURES)) {
    for (const model of readdirSync(FIXTURES).sort()) {
      const folder = join(FIXTURES, model);
      const loaded = loadModel(relative(ROOT, folder), fileSystemReader);
      if (!loaded.uitwisselmodel)
        throw new Error(`test model ${relative(ROOT, folder)} does not load: ${JSON.stringify(loaded.findings)}`);
      for (const [path, text] of emitDocs(invoerVan(loaded.uitwisselmodel))) {
        if (path.endsWith('.md'))
          add(
            `${relative(ROOT, folder)} → ${path}`,
            `fixture-${model}-${path.replace(/^docs\//, '').replace(/\.md$/, '')}`,
            text,
          );
      }
    }
  }
  if (gemeentelijk !== undefined) {
    // The synthetic model of the scale benchmark, written to a temporary folder and emitted in memory.
    const tmp = mkdtempSync(join(tmpdir(), 'mimgen-gemeentelijk-'));
    try {
      const { folder } = writeGemeentelijkModel(tmp, gemeentelijk);
      const loaded = loadModel(folder, fileSystemReader);
      if (!loaded.uitwisselmodel)
        throw new Error(`the synthetic model does not load: ${JSON.stringify(loaded.findings.slice(0, 3))}`);
      for (const [path, text] of emitDocs(invoerVan(loaded.uitwisselmodel)))
        if (path.endsWith('.md'))
          add(
            `gemeentelijk${gemeentelijk} → ${path}`,
            `gemeentelijk${gemeentelijk}-${path.replace(/^docs\//, '').replace(/\.md$/, '')}`,
            text,
          );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return result;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><style>body { margin: 0; background: white; } #out { display: inline-block; padding: 16px; }</style>
<script src="/mermaid.min.js"></script></head>
<body><div id="out"></div></body></html>`;

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (req.url === '/mermaid.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(MERMAID));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const i = args.indexOf('--chromium');
  const executablePath = (i >= 0 ? args[i + 1] : undefined) ?? '/usr/bin/chromium';
  const g = args.indexOf('--gemeentelijk');
  const lijst = diagrammen(g >= 0 ? Number(args[g + 1] ?? 1000) : undefined);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  const server = await serve();
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), 'mimgen-chromium-'));
  const fouten: string[] = [];
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1600, height: 1200 },
    });
    try {
      await context.route('**/*', (route) =>
        route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort(),
      );
      const page = context.pages()[0] ?? (await context.newPage());
      const paginafouten: string[] = [];
      page.on('pageerror', (e) => paginafouten.push(e.message));
      await page.goto(`${origin}/`);
      await page.evaluate(() => {
        (window as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({
          startOnLoad: false,
          securityLevel: 'strict',
        });
      });
      for (const [n, d] of lijst.entries()) {
        const result = await page.evaluate(
          async ({ code, id }) => {
            const mermaid = (
              window as unknown as { mermaid: { render(id: string, code: string): Promise<{ svg: string }> } }
            ).mermaid;
            const out = document.getElementById('out') as HTMLElement;
            out.innerHTML = '';
            try {
              const { svg } = await mermaid.render(id, code);
              out.innerHTML = svg;
              const el = out.querySelector('svg');
              if (!el) return { fout: 'no svg element' };
              // Mermaid scales its SVG to the page; show it at its own size.
              const max = /max-width:\s*([\d.]+)px/.exec(el.getAttribute('style') ?? '');
              if (max) el.style.width = `${max[1]}px`;
              const box = el.getBoundingClientRect();
              // The text the diagram shows: its labels, without the CSS of its <style> element.
              const kopie = el.cloneNode(true) as SVGSVGElement;
              for (const style of kopie.querySelectorAll('style')) style.remove();
              const tekst = kopie.textContent ?? '';
              if (/syntax error/i.test(tekst)) return { fout: 'Mermaid drew its error diagram' };
              if (/#\d+;/.test(tekst)) return { fout: `an entity code was not replaced: ${/#\d+;/.exec(tekst)?.[0]}` };
              if (box.width < 10 || box.height < 10) return { fout: `the diagram is ${box.width}×${box.height}` };
              return { fout: undefined, klassen: el.querySelectorAll('g.node').length };
            } catch (e) {
              return { fout: e instanceof Error ? e.message : String(e) };
            }
          },
          { code: d.code, id: `diagram${n}` },
        );
        if (result.fout) {
          fouten.push(`${d.bron}: ${result.fout}`);
          continue;
        }
        writeFileSync(join(OUT, d.png), await page.locator('#out').screenshot());
        process.stdout.write(`ok  ${d.bron}  ${result.klassen} classes  → test/.render/${d.png}\n`);
      }
      fouten.push(...paginafouten.map((e) => `page error: ${e}`));
    } finally {
      await context.close();
    }
  } finally {
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  for (const f of fouten) process.stderr.write(`FAIL ${f}\n`);
  process.stdout.write(
    `render-diagrams: ${lijst.length - fouten.length} of ${lijst.length} diagram(s) rendered; PNGs in test/.render/\n`,
  );
  if (lijst.length === 0) {
    process.stderr.write('render-diagrams: no diagrams found; run npm run generate first\n');
    return 1;
  }
  return fouten.length > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`render-diagrams: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
