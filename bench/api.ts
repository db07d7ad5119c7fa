/**
 * The exchange API: 1,000,000 Vroegsignalen served by the generated package's createGegevensHandler and
 * fetched by its fetchGegevens over 127.0.0.1, in pages of 25,000, each page signed (JAdES, PS256) and
 * validated by the server, verified (signature, chain, Digest) and validated by the client. Server and
 * client run in processes of their own (the server in bench/lib/api-child.ts, the client with node and the
 * package alone, as CBS would run it), so each has its own peak RSS; the figures
 * are records per second and both peaks, with the RSS after every tenth of the pages (flat: memory does not
 * grow with the delivery), against JSON.stringify plus JSON.parse of the same records, page by page, in
 * the same run (a ratio). The PKI, the authorisation server's keys and the token are made here, as in the
 * tests. Prints figures; asserts nothing.
 *
 * MIMGEN_BENCH_API_RECORDS sets the number of Vroegsignalen (default 1,000,000).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { AUDIENCE, ISSUER, makeAuthority, makePki } from '../test/api/pki.ts';
import { load, mb, ratio } from './lib/measure.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CHILD = join(ROOT, 'bench', 'lib', 'api-child.ts');
const RECORDS = Number(process.env.MIMGEN_BENCH_API_RECORDS ?? 1_000_000);
const PAGE = 25_000;

/** The client: node and the generated package, nothing else; each ID once, RSS after every tenth of the pages. */
const CLIENT = `
const [configPath, url] = process.argv.slice(1);
const config = JSON.parse((await import('node:fs')).readFileSync(configPath, 'utf8'));
const pkg = await import(${JSON.stringify(join(ROOT, 'generated', 'vroegsignalering', 'dist', 'index.js'))});
const seen = new Uint8Array(config.records);
let records = 0, twice = 0, pages = 0;
const curve = [];
const t = performance.now();
for await (const page of pkg.fetchGegevens({ url, token: config.token, trustedRoots: [config.root], request: { pageSize: config.pageSize } })) {
  pages++;
  for (const r of page.records()) {
    const n = Number(r.record.ID.slice(-7));
    if (seen[n]) twice++;
    seen[n] = 1;
    records++;
  }
  if (page.page % Math.max(1, Math.round(page.paginering.totalPages / 10)) === 0) curve.push(Math.round(process.memoryUsage().rss / 1e6));
}
process.stdout.write(JSON.stringify({ seconds: (performance.now() - t) / 1000, pages, records, twice, curve, maxRss: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6) }) + '\\n');
`;

const dir = mkdtempSync(join(tmpdir(), 'mimgen-bench-api-'));
try {
  console.log(
    `api: load average ${load()} (2 cores); ${RECORDS.toLocaleString('en')} Vroegsignalen in pages of ${PAGE.toLocaleString('en')}, server and client in their own processes`,
  );
  const [pki, auth] = await Promise.all([makePki(), makeAuthority()]);
  const config = join(dir, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      records: RECORDS,
      pageSize: PAGE,
      key: pki.valid.key,
      chain: pki.valid.chain,
      root: pki.root,
      jwks: auth.jwks,
      issuer: ISSUER,
      audience: AUDIENCE,
      token: await auth.token({}, { expiresIn: '2h' }),
    }),
  );

  const server = spawn(process.execPath, ['--import', 'tsx', CHILD, 'server', config], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: server.stdout })[Symbol.asyncIterator]();
  const { port } = JSON.parse((await lines.next()).value as string) as { port: number };
  const client = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', CLIENT, config, `http://127.0.0.1:${port}/gegevens`],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  );
  server.stdin.end();
  const s = JSON.parse((await lines.next()).value as string) as {
    pulled: number;
    pages: number;
    curve: number[];
    maxRss: number;
  };
  if (client.status !== 0) throw new Error(`the client failed (exit ${client.status})`);
  const c = JSON.parse(client.stdout) as {
    seconds: number;
    pages: number;
    records: number;
    twice: number;
    curve: number[];
    maxRss: number;
  };

  const base = spawnSync(process.execPath, ['--import', 'tsx', CHILD, 'baseline', config], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const b = JSON.parse(base.stdout) as { make: number; json: number; bytes: number; maxRss: number };

  const rate = (n: number, sec: number): string => `${Math.round(n / sec).toLocaleString('en')} records/s`;
  console.log(
    `\n  served and fetched     ${c.records.toLocaleString('en')} records in ${c.pages} pages, ${c.twice} twice, in ${c.seconds.toFixed(1)} s: ${rate(c.records, c.seconds)}, ${(b.bytes / 1e6 / c.seconds).toFixed(0)} MB/s of JSON (${mb(b.bytes)})`,
  );
  console.log(
    `  server                 peak RSS ${s.maxRss} MB (RSS every tenth of the pages: ${s.curve.join(', ')} MB); pulled ${s.pulled.toLocaleString('en')} records for ${s.pages} pages; each page written, validated, hashed and signed`,
  );
  console.log(
    `  client                 peak RSS ${c.maxRss} MB (RSS every tenth of the pages: ${c.curve.join(', ')} MB); each page verified (signature, chain, Digest), parsed and validated`,
  );
  console.log(
    `  baseline               making the records ${b.make.toFixed(1)} s, JSON.stringify + JSON.parse of each page ${b.json.toFixed(1)} s: ${rate(RECORDS, b.make + b.json)} (peak RSS ${b.maxRss} MB)`,
  );
  console.log(
    `      ratio API / (making + JSON.stringify + JSON.parse): ${ratio(c.seconds, b.make + b.json)}; API / JSON.stringify + JSON.parse alone: ${ratio(c.seconds, b.json)}`,
  );
  console.log(`load average at the end ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
