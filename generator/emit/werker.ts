/**
 * A worker thread that runs the exported functions of one module, so that an emitter can do its heaviest
 * part beside the main thread (the package's TypeScript is type-checked there while the main thread writes
 * Ajv's code and the documentation). A JavaScript module (mimgen compiled, in dist/) is imported as it is;
 * a TypeScript module (the sources, under tests and the benchmark) through tsx, and where tsx cannot be
 * found the function runs in this thread, with the same result.
 *
 * One worker per module, started on first use (or early, by `werkerVoor`, so that it loads while the model
 * does) and kept for the next model; it does not keep the process alive while it has nothing to do.
 */
import { Worker } from 'node:worker_threads';

/** An error thrown in the worker, with the name of its class there. */
export class WerkerFout extends Error {
  constructor(
    readonly soort: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Werker {
  /** Calls `functie(invoer)` of the module; input and result travel as structured clones. */
  voer<A, R>(functie: string, invoer: A): Promise<R>;
  /**
   * Work done ahead in case it is needed: it does not keep the process alive (a command that stops early,
   * on an error in the model, does not wait for it), and without a worker thread it is not done at all.
   */
  vooruit(functie: string): void;
}

type Antwoord = { id: number; uitkomst: unknown } | { id: number; fout: { soort: string; message: string } };

const werkers = new Map<string, Werker>();

/** The worker of a module: started now if it is not running yet. */
export function werkerVoor(module: URL): Werker {
  let werker = werkers.get(module.href);
  if (!werker) {
    werker = start(module);
    werkers.set(module.href, werker);
  }
  return werker;
}

function start(module: URL): Werker {
  // MIMGEN_WERKERS=0 runs everything in the main thread: for profiling, and to test that the result is the same.
  if (process.env.MIMGEN_WERKERS === '0') return inDezeThread(module);
  let laad: string[];
  if (/\.[cm]?js$/.test(module.pathname)) {
    laad = [`const m = await import(${JSON.stringify(module.href)});`];
  } else {
    let api: string;
    try {
      api = import.meta.resolve('tsx/esm/api');
    } catch {
      return inDezeThread(module);
    }
    laad = [
      `import { tsImport } from ${JSON.stringify(api)};`,
      `const m = await tsImport(${JSON.stringify(module.href)}, ${JSON.stringify(module.href)});`,
    ];
  }
  const code = [
    `import { parentPort } from 'node:worker_threads';`,
    ...laad,
    `parentPort.on('message', async ({ id, functie, invoer }) => {`,
    `  try {`,
    `    parentPort.postMessage({ id, uitkomst: await m[functie](invoer) });`,
    `  } catch (e) {`,
    `    parentPort.postMessage({ id, fout: { soort: e?.constructor?.name ?? 'Error', message: e instanceof Error ? e.message : String(e) } });`,
    `  }`,
    `});`,
  ].join('\n');
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
  worker.unref();
  // Once it runs, the worker holds the process again until it is told otherwise: nothing to wait for, no hold.
  worker.once('online', () => laatLos());
  // houdt: a job whose answer someone waits for keeps the process alive until it comes.
  const wachtend = new Map<number, { resolve: (x: unknown) => void; reject: (e: Error) => void; houdt: boolean }>();
  const laatLos = (): void => {
    if (![...wachtend.values()].some((x) => x.houdt)) worker.unref();
  };
  let volgende = 0;
  const stuur = (
    functie: string,
    invoer: unknown,
    w: { resolve: (x: unknown) => void; reject: (e: Error) => void; houdt: boolean },
  ): void => {
    const id = volgende++;
    wachtend.set(id, w);
    if (w.houdt) worker.ref();
    worker.postMessage({ id, functie, invoer });
  };
  const faal = (e: Error): void => {
    for (const w of wachtend.values()) w.reject(e);
    wachtend.clear();
    werkers.delete(module.href);
  };
  worker.on('message', (a: Antwoord) => {
    const w = wachtend.get(a.id);
    if (!w) return;
    wachtend.delete(a.id);
    laatLos();
    if ('fout' in a) w.reject(new WerkerFout(a.fout.soort, a.fout.message));
    else w.resolve(a.uitkomst);
  });
  worker.on('error', faal);
  worker.on('exit', (code) => faal(new Error(`the worker thread of ${module.pathname} stopped (exit code ${code})`)));
  return {
    vooruit(functie: string): void {
      stuur(functie, undefined, { resolve: () => undefined, reject: () => undefined, houdt: false });
    },
    voer<A, R>(functie: string, invoer: A): Promise<R> {
      return new Promise<R>((resolve, reject) =>
        stuur(functie, invoer, { resolve: resolve as (x: unknown) => void, reject, houdt: true }),
      );
    },
  };
}

function inDezeThread(module: URL): Werker {
  let m: Promise<Record<string, (invoer: unknown) => unknown>> | undefined;
  return {
    async voer<A, R>(functie: string, invoer: A): Promise<R> {
      m ??= import(module.href) as Promise<Record<string, (invoer: unknown) => unknown>>;
      return (await (
        await m
      )[functie]!(invoer)) as R;
    },
    // In one thread, work ahead is only work earlier: it is done when it is needed.
    vooruit: () => undefined,
  };
}
