/**
 * The validator page (issue 17, item 1) in a real Chromium: the published examples are valid, a broken copy
 * is invalid with the line and column the Node runtime gives, no request leaves the page's origin, and the
 * browser build of the stream engine agrees with the Node runtime on the stream agreement corpus.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODELS, publishedDir, readJson, repoRoot } from '../conformance/models.ts';
import { mutateExamples, type Example, type Schema } from '../conformance/mutations.ts';
import { HAS_REFERENCE } from '../package/support.ts';
import { inChunks, pakket } from '../stream/support.ts';
import { HAS_CHROMIUM, openChromium, serve, type Served } from './browser.ts';

interface Uitslag {
  valid: boolean;
  errors: { line: number; column: number; path: string; message: string }[];
}

let server: Served;
let browser: Awaited<ReturnType<typeof openChromium>>;
const verzoeken: string[] = [];

/** What the worker answered for one document: its result, or why there is none (a crash, no answer in time). */
type Antwoord = { uitslag: Uitslag } | { mislukt: string };

/** How long one corpus document may take in the worker before the test calls it a hang. */
const PER_DOCUMENT_MS = 10_000;

/**
 * Validates texts with the page's own worker, one after another. A document that crashes the worker (its
 * `error` or `messageerror` event, or a `fout` message) or gets no answer within `ms` is answered with
 * `mislukt` instead of stopping the run, and the next document gets a fresh worker; after `maxMislukt` such
 * documents the run stops (the answers then end early).
 */
async function inWerker(page: Page, teksten: string[], maxMislukt: number, ms = PER_DOCUMENT_MS): Promise<Antwoord[]> {
  return page.evaluate(
    async ({ teksten, maxMislukt, ms }) => {
      const uit: Antwoord[] = [];
      let mislukt = 0;
      let w: Worker | undefined;
      for (const t of teksten) {
        if (mislukt >= maxMislukt) break;
        w ??= new Worker('werker.js');
        const werker = w;
        const a = await new Promise<Antwoord>((klaar) => {
          const klok = setTimeout(() => klaar({ mislukt: `no answer within ${ms} ms` }), ms);
          const af = (antwoord: Antwoord) => {
            clearTimeout(klok);
            klaar(antwoord);
          };
          werker.onmessage = ({ data }) => {
            if (data.soort === 'klaar') af({ uitslag: { valid: data.resultaat.valid, errors: data.resultaat.errors } });
            else if (data.soort !== 'voortgang') af({ mislukt: `the worker reported: ${data.bericht}` });
          };
          werker.onerror = (e) => {
            e.preventDefault();
            af({ mislukt: `the worker crashed: ${e.message || 'error event'}` });
          };
          werker.onmessageerror = () => af({ mislukt: 'the worker could not read a message (messageerror)' });
          werker.postMessage({ bestand: new File([t], 'levering.json') });
        });
        if ('mislukt' in a) {
          mislukt++;
          werker.terminate();
          w = undefined;
        }
        uit.push(a);
      }
      w?.terminate();
      return uit;
    },
    { teksten, maxMislukt, ms },
  );
}

async function pagina(model: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('request', (r) => verzoeken.push(r.url()));
  await page.goto(`${server.origin}/${model}/validator/index.html`);
  return page;
}

async function kies(page: Page, naam: string, tekst: string): Promise<{ status: string; rijen: string[][] }> {
  await page.setInputFiles('input[type=file]', {
    name: naam,
    mimeType: 'application/json',
    buffer: Buffer.from(tekst),
  });
  await page.waitForFunction(() => {
    const u = document.querySelector('[role=status]')?.getAttribute('data-uitslag');
    return u && u !== 'bezig';
  });
  const status = (await page.textContent('[role=status]')) ?? '';
  const rijen = await page.$$eval('table tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
  return { status, rijen };
}

describe.skipIf(!HAS_CHROMIUM || !HAS_REFERENCE)('validator page in Chromium', () => {
  beforeAll(async () => {
    server = await serve(join(repoRoot, 'generated'));
    browser = await openChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    // Every request of every page stayed on the page's origin.
    expect(verzoeken.length).toBeGreaterThan(0);
    expect(verzoeken.filter((u) => !u.startsWith(`${server.origin}/`))).toEqual([]);
  });

  for (const model of MODELS) {
    it(`${model.name}: the published examples are valid, a broken copy is invalid at the right line and column`, async () => {
      const page = await pagina(model.name);
      expect(await page.locator('input[type=file]').count()).toBe(1);
      expect(await page.textContent('body')).toContain('geen enkel');
      for (const naam of model.examples) {
        const { status, rijen } = await kies(page, naam, readFileSync(join(publishedDir(model), naam), 'utf8'));
        expect(status, naam).toMatch(/^Geldig/);
        expect(rijen).toEqual([]);
      }
      // A broken copy: the first string value of the example becomes a number; the Node runtime says where.
      const tekst = readFileSync(join(publishedDir(model), model.examples[0]!), 'utf8');
      const kapot = tekst.replace(/("[^"]+":\s*)"[^"]*"/, '$1 12');
      const p = await pakket(model.name);
      const node = inChunks(p, Buffer.from(kapot), 1 << 20);
      expect(node.valid).toBe(false);
      const { status, rijen } = await kies(page, 'kapot.json', kapot);
      expect(status).toMatch(/^Ongeldig/);
      expect(rijen[0]!.slice(0, 4)).toEqual([
        String(node.errors[0]!.line),
        String(node.errors[0]!.column),
        node.errors[0]!.path || '/',
        node.errors[0]!.message,
      ]);
      const link = await page.getAttribute('table tbody tr td a', 'href');
      expect(link).toMatch(/^\.\.\/docs\/definities\.md#/);
      await page.close();
    }, 60_000);

    if (model.name === 'vroegsignalering')
      it('a worker that crashes or does not answer: the page ends with an error verdict, the corpus run names the document', async () => {
        // The page with a stand-in for its worker that throws on a file with "crash" in it, never answers one
        // with "hang", and calls anything else valid; and the page without its worker script.
        const map = mkdtempSync(join(tmpdir(), 'mimgen-werker-'));
        const bron = join(repoRoot, 'generated', model.name, 'validator');
        cpSync(bron, join(map, 'kapot'), { recursive: true });
        writeFileSync(
          join(map, 'kapot', 'werker.js'),
          `self.onmessage = ({ data }) => {
  const tekst = new FileReaderSync().readAsText(data.bestand);
  if (tekst.includes('crash')) throw new Error('kapot in de werker');
  if (tekst.includes('hang')) return;
  self.postMessage({ soort: 'klaar', resultaat: { valid: true, errors: [], records: 0 }, bytes: 0, ms: 0 });
};
`,
        );
        cpSync(bron, join(map, 'zonder'), { recursive: true });
        rmSync(join(map, 'zonder', 'werker.js'));
        const los = await serve(map);
        const page = await browser.context.newPage();
        const eigen: string[] = [];
        page.on('request', (r) => eigen.push(r.url()));
        try {
          await page.goto(`${los.origin}/kapot/index.html`);
          const antwoorden = await inWerker(page, ['{}', 'crash', '[]', 'hang', '{}'], 5, 1000);
          expect(antwoorden).toEqual([
            { uitslag: { valid: true, errors: [] } },
            { mislukt: expect.stringMatching(/^the worker crashed: .*kapot in de werker/) },
            { uitslag: { valid: true, errors: [] } },
            { mislukt: 'no answer within 1000 ms' },
            { uitslag: { valid: true, errors: [] } },
          ]);
          // After maxMislukt failures the run stops.
          expect(await inWerker(page, ['crash', '{}'], 1, 1000)).toHaveLength(1);
          const crash = await kies(page, 'crash.json', 'crash');
          expect(await page.getAttribute('[role=status]', 'data-uitslag')).toBe('fout');
          expect(crash.status).toMatch(/^De controle is afgebroken door een fout .*kapot in de werker/);
          expect(crash.rijen).toEqual([]);
          // A file after the crash gets a new worker and its verdict.
          expect((await kies(page, 'goed.json', '{}')).status).toMatch(/^Geldig/);
          await page.goto(`${los.origin}/zonder/index.html`);
          const zonder = await kies(page, 'levering.json', '{}');
          expect(await page.getAttribute('[role=status]', 'data-uitslag')).toBe('fout');
          expect(zonder.status).toMatch(/^De controle kon niet starten/);
          expect(eigen.filter((u) => !u.startsWith(`${los.origin}/`))).toEqual([]);
        } finally {
          await page.close();
          await los.close();
          rmSync(map, { recursive: true, force: true });
        }
      }, 60_000);

    // Both models. schuldhulpverlening's corpus is 31,468 documents (vroegsignalering's 5,832): each is one File
    // through the page's worker, 2-6 ms apiece in Chromium (the Blob read and the messages, not the engine),
    // 185-206 s in all on 2 shared cores; it was skipped as a hang because that exceeded the 300 s this test
    // had. No document hangs: a document that does (or crashes the worker) now fails the test by its number
    // and mutation within PER_DOCUMENT_MS, so the test as a whole may take as long as the corpus needs.
    it(`${model.name}: the browser build agrees with the Node runtime on the stream agreement corpus`, async () => {
      const p = await pakket(model.name);
      const published = readJson<Schema>(join(publishedDir(model), 'json_schema_Uitwisselmodel.json'));
      const examples: Example[] = model.examples.map((name) => ({
        name,
        doc: readJson(join(publishedDir(model), name)),
      }));
      const corpus = mutateExamples(examples, published, { seed: 0xdda5, pairsPerExample: 150 });
      const teksten = corpus.map((m) => JSON.stringify(m.doc, null, 2));
      const page = await pagina(model.name);
      // In batches: one evaluate with the whole corpus is more than a tab's message takes. A document the
      // worker crashes on or does not answer is named (its mutation) instead of the test timing out.
      const begin = performance.now();
      const antwoorden: Antwoord[] = [];
      const mislukt: string[] = [];
      for (let i = 0; i < teksten.length && mislukt.length < 3; i += 200) {
        const deel = await inWerker(page, teksten.slice(i, i + 200), 3 - mislukt.length);
        deel.forEach((a, j) => {
          if ('mislukt' in a) mislukt.push(`document ${i + j} (${corpus[i + j]!.description}): ${a.mislukt}`);
        });
        antwoorden.push(...deel);
      }
      const browserMs = performance.now() - begin;
      expect(mislukt).toEqual([]);
      const browserUitslag = antwoorden.map((a) => ('uitslag' in a ? a.uitslag : undefined)!);
      const verschil: string[] = [];
      let afgewezen = 0;
      teksten.forEach((t, i) => {
        const n = inChunks(p, Buffer.from(t), 1 << 20);
        if (!n.valid) afgewezen++;
        const b = browserUitslag[i]!;
        const sleutel = (e: Uitslag['errors'][number]) => `${e.line}:${e.column} ${e.path} ${e.message}`;
        if (n.valid !== b.valid || JSON.stringify(n.errors.map(sleutel)) !== JSON.stringify(b.errors.map(sleutel)))
          verschil.push(
            `${corpus[i]!.description}: node ${JSON.stringify(n.errors)}, browser ${JSON.stringify(b.errors)}`,
          );
      });
      console.log(
        `${model.name}: ${corpus.length} documents in Chromium, ${afgewezen} rejected, ${verschil.length} differences (browser ${Math.round(browserMs / 1000)} s, Node ${Math.round((performance.now() - begin - browserMs) / 1000)} s)`,
      );
      expect(verschil.slice(0, 10)).toEqual([]);
      expect(corpus.length).toBeGreaterThanOrEqual(2000);
      await page.close();
    }, 1_200_000);
  }
});
