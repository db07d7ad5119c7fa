/**
 * The validator page (issue 17, item 4): a delivery of 1,000,000 Vroegsignalen (MIMGEN_BENCH_RECORDS) written
 * to a temporary folder, validated by the page in headless Chromium (chosen in its input[type=file], timed
 * by the page's worker) and by `mimgen validate` on the same file in the same run. Prints MB/s of both, the
 * ratio (goal ≥ 0.5) and the tab's JS heap, sampled every 500 ms over the DevTools protocol
 * (Performance.getMetrics, JSHeapUsedSize of the page; the worker's heap via Runtime.getHeapUsage is not
 * reachable from the page's session, so the worker's own isolate is not in this figure).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeDelivery } from '../test/stream/delivery.ts';
import { openChromium, serve } from '../test/validator/browser.ts';
import { load, mb, rate, ratio, run } from './lib/measure.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RECORDS = Number(process.env.MIMGEN_BENCH_RECORDS ?? 1_000_000);
const tmp = mkdtempSync(join(tmpdir(), 'mimgen-bench-page-'));
try {
  const file = join(tmp, 'levering.json');
  const d = writeDelivery(file, { model: 'vroegsignalering', records: RECORDS });
  console.log(`validator page: ${RECORDS} Vroegsignalen, ${mb(d.bytes)}, load ${load()}`);
  const cli = run(
    process.execPath,
    [join(ROOT, 'bin/mimgen.js'), 'validate', '--model', 'vroegsignalering', file],
    ROOT,
  );
  const server = await serve(join(ROOT, 'generated'));
  const browser = await openChromium();
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${server.origin}/vroegsignalering/validator/index.html`);
    const heap: number[] = [];
    const meet = setInterval(async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const h = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
      if (h) heap.push(h / 1e6);
    }, 500);
    await page.setInputFiles('input[type=file]', file);
    await page.waitForFunction(
      () => {
        const u = document.querySelector('[role=status]')?.getAttribute('data-uitslag');
        return u && u !== 'bezig';
      },
      undefined,
      { timeout: 0, polling: 500 },
    );
    clearInterval(meet);
    const status = await page.textContent('[role=status]');
    const ms = Number(await page.getAttribute('[role=status]', 'data-ms'));
    const s = ms / 1000;
    console.log(`  page (Chromium worker): ${s.toFixed(1)} s, ${rate(d.bytes, s)}; ${status}`);
    console.log(`  mimgen validate:        ${cli.wall.toFixed(1)} s, ${rate(d.bytes, cli.wall)} (exit ${cli.status})`);
    console.log(`  page/CLI speed: ${ratio(d.bytes / s, d.bytes / cli.wall)} (goal >= 0.5)`);
    console.log(
      `  tab JS heap (CDP JSHeapUsedSize, ${heap.length} samples): min ${Math.min(...heap).toFixed(0)} MB, max ${Math.max(...heap).toFixed(0)} MB (goal flat < 256 MB)`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
