/**
 * Real parts for the browser tests of the built site: a static HTTP server on 127.0.0.1 (node:http) over a
 * folder, that counts what it could not serve, and Debian's chromium, headless, through playwright-core, in a
 * fresh profile and with no network features, so that nothing leaves the machine.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  // No name resolves but the loopback address the site is served from.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.gz': 'application/gzip',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  origin: string;
  /** The paths asked for that the folder does not have. */
  missing: string[];
  close(): Promise<void>;
}

/** Serves `folder` on 127.0.0.1 at a free port; a folder's URL serves its index.html. */
export function serveFolder(folder: string): Promise<StaticServer> {
  const missing: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(folder, path));
    if (!file.startsWith(folder + sep) && file !== folder) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      missing.push(path);
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        missing,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's chromium, headless, in a new profile (removed on close). */
export async function launchChromium(): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'mimgen-site-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What mermaid drew of one diagram: its error (a throw, or mermaid's own error diagram) and the nodes drawn. */
export interface Getekend {
  fout: string | undefined;
  knopen: number;
}

/** Renders Mermaid sources one by one with the project's mermaid in a blank page of a fresh chromium. */
export async function renderMermaid(codes: string[]): Promise<Getekend[]> {
  const mermaidJs = join(import.meta.dirname, '..', '..', 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: mermaidJs });
    const uit: Getekend[] = [];
    for (const [n, code] of codes.entries()) {
      uit.push(
        await page.evaluate(
          async ({ code, id }) => {
            const mermaid = (
              window as unknown as {
                mermaid: { initialize(c: object): void; render(id: string, code: string): Promise<{ svg: string }> };
              }
            ).mermaid;
            mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
            try {
              const { svg } = await mermaid.render(id, code);
              const out = document.getElementById('out')!;
              out.innerHTML = svg;
              const tekst = out.querySelector('svg')?.textContent ?? '';
              return {
                fout: /syntax error/i.test(tekst) ? 'error diagram' : undefined,
                knopen: out.querySelectorAll('g.node').length,
              };
            } catch (e) {
              return { fout: String(e), knopen: 0 };
            }
          },
          { code, id: `d${n}` },
        ),
      );
    }
    return uit;
  } finally {
    await browser.close();
  }
}
