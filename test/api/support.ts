/**
 * What the exchange API's tests and benchmark stand on besides the cryptography (pki.ts): servers on
 * 127.0.0.1, and a source of Vroegsignalen for the generated package @ddas/vroegsignalering, page by page.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../conformance/models.ts';
import { vroegsignaal } from '../stream/delivery.ts';
import type { PageQuery, SourcePage } from '@mimgen/runtime/api';

export interface Listening {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 at a free port. */
export async function listen(listener: RequestListener | Server): Promise<Listening> {
  const server = typeof listener === 'function' ? createServer(listener) : listener;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The generated package, as implementers import it. */
export const PACKAGE = join(repoRoot, 'generated', 'vroegsignalering', 'dist', 'index.js');

/** The message around the records: one Levering of one gemeente. */
export function envelope(records: AsyncIterable<unknown> | Iterable<unknown>): Record<string, unknown> {
  return {
    startdatumLevering: '2025-01-01',
    einddatumLevering: '2025-12-31',
    aanleverdatumEnTijd: '2026-01-15T10:30:00Z',
    codeGegevensleverancier: 'SOFT-123',
    leveringen: [
      {
        teller: 1,
        gemeentecode: '0363',
        aanleverende_organisatie: {
          naam: 'Gemeente Amsterdam',
          'kvk-nummer': '34366966',
          contactpersoonen: [{ naam: 'J. de Vries', email: 'j.devries@example.org' }],
        },
        vroegsignalen: records,
        vroegsignaalzaken: [],
      },
    ],
  };
}

/** What a source did: records pulled, and whether its generator was released (its finally ran). */
export interface SourceLog {
  pulled: number;
  released: number;
  queries: PageQuery[];
}

/**
 * A source of `total` Vroegsignalen (full records), asked page by page: an async generator per page that
 * yields to the event loop every `pause` records. `fault(page, i)` may throw or alter a record.
 */
export function vroegsignalen(
  total: number,
  options: {
    pause?: number;
    fault?: (page: number, index: number, record: Record<string, unknown>) => Record<string, unknown>;
    full?: boolean;
  } = {},
): { source: (q: PageQuery) => SourcePage<Record<string, unknown>>; log: SourceLog } {
  const log: SourceLog = { pulled: 0, released: 0, queries: [] };
  const pause = options.pause ?? 500;
  const source = (q: PageQuery): SourcePage<Record<string, unknown>> => {
    log.queries.push(q);
    async function* page(): AsyncGenerator<Record<string, unknown>> {
      try {
        const end = Math.min(total, q.offset + q.pageSize);
        for (let g = q.offset; g < end; g++) {
          if ((g - q.offset) % pause === pause - 1) await new Promise((r) => setImmediate(r));
          let record = vroegsignaal(0, g, g, options.full ?? true);
          if (options.fault) record = options.fault(q.page, g, record);
          log.pulled++;
          yield record;
        }
      } finally {
        log.released++;
      }
    }
    return { totalRecords: total, gegevens: envelope(page()) };
  };
  return { source, log };
}
