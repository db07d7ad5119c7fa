/**
 * The validator page (issue 17, item 4): a delivery of 1,000,000 Vroegsignalen (MIMGEN_BENCH_RECORDS) written
 * to a temporary folder, validated by the page in headless Chromium (chosen in its input[type=file], timed
 * by the page's worker) and by `mimgen validate` on the same file in the same run, before and after the page
 * (the machine is shared: the ratio is taken against the faster of the two). Prints MB/s of both, the ratio
 * (goal >= 0.5), the CPU seconds each spent (the page's renderer and browser processes from /proc, the CLI's
 * from /usr/bin/time), and the JS heap sampled every 500 ms over the DevTools protocol: the page's
 * (Performance.getMetrics, JSHeapUsedSize) and each of its Web Workers' (Runtime.getHeapUsage through
 * Target.setAutoAttach, bench/lib/workers.ts), goal flat under 256 MB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeDelivery } from '../test/stream/delivery.ts';
import { openChromium, serve } from '../test/validator/browser.ts';
import { cpuVanKinderen, cpuVerschil } from './lib/cpu.ts';
import { load, mb, rate, ratio, run, type Run } from './lib/measure.ts';
import { Werkers } from './lib/workers.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RECORDS = Number(process.env.MIMGEN_BENCH_RECORDS ?? 1_000_000);

/** User + system seconds of a run under /usr/bin/time -v, when it ran under it. */
function cpuVan(r: Run): number | undefined {
  const u = /User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1];
  const s = /System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1];
  return u && s ? Number(u) + Number(s) : undefined;
}

const heapRegel = (naam: string, h: number[]): string =>
  h.length === 0
    ? `  ${naam}: no samples`
    : `  ${naam}: ${h.length} samples, min ${Math.min(...h).toFixed(0)} MB, max ${Math.max(...h).toFixed(0)} MB (goal flat < 256 MB)`;

const tmp = mkdtempSync(join(tmpdir(), 'mimgen-bench-page-'));
try {
  const file = join(tmp, 'levering.json');
  const d = writeDelivery(file, { model: 'vroegsignalering', records: RECORDS });
  console.log(`validator page: ${RECORDS} Vroegsignalen, ${mb(d.bytes)}, load ${load()}`);
  const cli = (): Run =>
    run(process.execPath, [join(ROOT, 'bin/mimgen.js'), 'validate', '--model', 'vroegsignalering', file], ROOT);
  const cliVoor = cli();
  const server = await serve(join(ROOT, 'generated'));
  const browser = await openChromium();
  let pagina: { s: number; status: string; cpu: Map<string, number>; heap: number[]; werkerHeap: number[][] };
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const werkers = await Werkers.volg(cdp);
    await cdp.send('Performance.enable');
    await page.goto(`${server.origin}/vroegsignalering/validator/index.html`);
    const heap: number[] = [];
    const werkerHeap: number[][] = [];
    let bezig = false;
    const meet = setInterval(async () => {
      if (bezig) return;
      bezig = true;
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const h = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
        if (h) heap.push(h / 1e6);
        // Per worker, in the order they started: the page's worker, then the one it starts to read and scan.
        for (const w of werkers.sessies.filter((s) => s.actief)) {
          const r = await werkers.send(w, 'Runtime.getHeapUsage');
          if (r && typeof r.usedSize === 'number')
            (werkerHeap[werkers.sessies.indexOf(w)] ??= []).push(r.usedSize / 1e6);
        }
      } finally {
        bezig = false;
      }
    }, 500);
    const cpuVoor = cpuVanKinderen();
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
    const cpu = cpuVerschil(cpuVoor, cpuVanKinderen());
    const status = (await page.textContent('[role=status]')) ?? '';
    const ms = Number(await page.getAttribute('[role=status]', 'data-ms'));
    pagina = { s: ms / 1000, status, cpu, heap, werkerHeap };
  } finally {
    await browser.close();
    await server.close();
  }
  const cliNa = cli();
  const snelste = Math.min(cliVoor.wall, cliNa.wall);
  const cpuPagina = [...pagina.cpu].map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
  const cpuCli = [cliVoor, cliNa].map(cpuVan).filter((c) => c !== undefined);
  console.log(`  page (Chromium, two workers): ${pagina.s.toFixed(1)} s, ${rate(d.bytes, pagina.s)}; ${pagina.status}`);
  for (const [naam, r] of [
    ['before', cliVoor],
    ['after', cliNa],
  ] as const)
    console.log(
      `  mimgen validate, ${naam} the page: ${r.wall.toFixed(1)} s, ${rate(d.bytes, r.wall)} (exit ${r.status})`,
    );
  console.log(
    `  page/CLI speed: ${ratio(d.bytes / pagina.s, d.bytes / snelste)} against the faster CLI run (goal >= 0.5); load ${load()}`,
  );
  console.log(
    `  CPU: page ${cpuPagina || 'n/a'}; CLI ${cpuCli.map((c) => `${c.toFixed(1)} s`).join(' and ') || 'n/a'}`,
  );
  console.log(heapRegel('tab JS heap (CDP JSHeapUsedSize)', pagina.heap));
  pagina.werkerHeap.forEach((h, i) =>
    console.log(
      heapRegel(`worker ${i + 1} JS heap (CDP Runtime.getHeapUsage, ${i === 0 ? 'validates' : 'reads and scans'})`, h),
    ),
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
