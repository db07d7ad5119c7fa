/**
 * Child processes of the exchange API benchmark (the client is plain JavaScript in bench/api.ts, run by
 * node without tsx, so that its peak RSS is the client's alone):
 *
 *   node --import tsx bench/lib/api-child.ts server <config.json>   serves until its stdin closes
 *   node --import tsx bench/lib/api-child.ts baseline <config.json>
 *
 * The server serves `records` Vroegsignalen from a source that makes them as they are pulled (as a database
 * cursor would). The baseline makes the same records and puts each page's message through JSON.stringify
 * and JSON.parse. Each prints one line of JSON (figures, RSS after each tenth of the pages, maxRSS).
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import type * as Pakket from '../../generated/vroegsignalering/dist/index.js';
import { envelope, PACKAGE, vroegsignalen } from '../../test/api/support.ts';
import { vroegsignaal } from '../../test/stream/delivery.ts';

interface Config {
  records: number;
  pageSize: number;
  key: string;
  chain: string[];
  root: string;
  jwks: Pakket.GegevensHandlerOptions<Pakket.Uitwisselmodel>['jwks'];
  issuer: string;
  audience: string;
  token: string;
}

const [role, configPath] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath!, 'utf8')) as Config;
const pkg = (await import(PACKAGE)) as typeof Pakket;
const mb = (): number => Math.round(process.memoryUsage().rss / 1e6);
const maxRss = (): number => Math.round((process.resourceUsage().maxRSS * 1024) / 1e6);
const print = (o: object): void => void process.stdout.write(`${JSON.stringify(o)}\n`);

if (role === 'server') {
  const { source, log } = vroegsignalen(config.records, { pause: 5_000 });
  const curve: number[] = [];
  const pages = Math.ceil(config.records / config.pageSize);
  const handler = pkg.createGegevensHandler({
    source: ((q: Pakket.PageQuery) => {
      if (q.page % Math.max(1, Math.round(pages / 10)) === 0) curve.push(mb());
      return source(q);
    }) as Pakket.GegevensSource<Pakket.Uitwisselmodel>,
    key: config.key,
    chain: config.chain,
    jwks: config.jwks,
    issuer: config.issuer,
    audience: config.audience,
  });
  const server = createServer(handler);
  server.listen(0, '127.0.0.1', () => print({ port: (server.address() as { port: number }).port }));
  process.stdin.resume();
  process.stdin.on('end', () => {
    print({ pulled: log.pulled, pages: log.queries.length, curve, maxRss: maxRss() });
    server.closeAllConnections();
    server.close();
  });
} else if (role === 'baseline') {
  // The same records, page by page: made, then JSON.stringify of the page's message and JSON.parse of it.
  let bytes = 0;
  let make = 0;
  let json = 0;
  for (let offset = 0; offset < config.records; offset += config.pageSize) {
    const t0 = performance.now();
    const records = [];
    for (let g = offset; g < Math.min(config.records, offset + config.pageSize); g++)
      records.push(vroegsignaal(0, g, g, true));
    const t1 = performance.now();
    const text = JSON.stringify({ gegevens: envelope(records), paginering: { pageSize: config.pageSize } });
    const back = JSON.parse(text) as { gegevens: { leveringen: { vroegsignalen: unknown[] }[] } };
    if (back.gegevens.leveringen[0]!.vroegsignalen.length !== records.length) throw new Error('lost records');
    bytes += Buffer.byteLength(text);
    make += t1 - t0;
    json += performance.now() - t1;
  }
  print({ make: make / 1000, json: json / 1000, bytes, maxRss: maxRss() });
}
