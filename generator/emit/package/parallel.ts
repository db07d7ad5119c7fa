/**
 * The work of the package emitter that does not need the TypeScript project: formatting the message types
 * (prettier, as json-schema-to-typescript does it) and the Ajv standalone code of the validators. It runs in a
 * worker thread beside the building and type-checking of the TypeScript, which is what takes longest; the
 * result is the same as running it in line (and that is what happens where no worker can be started).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DEFAULT_OPTIONS } from 'json-schema-to-typescript';
import { streamValidatorCode } from './validator-code.ts';

export interface ParallelOpdracht {
  /** json-schema-to-typescript's output, not yet formatted. */
  types: string;
  /** The style json-schema-to-typescript's formatting is asked for. */
  stijl: Record<string, unknown>;
  eenheden: object[];
}

export interface ParallelUitkomst {
  /** The formatted message types: wanted first, by the type-check. */
  types: Promise<string>;
  streamValidators: Promise<string>;
}

const require = createRequire(import.meta.url);

/** Formats as json-schema-to-typescript does with `format: true`: its default style, the options' style over it. */
export async function formatTypes(code: string, stijl: Record<string, unknown>): Promise<string> {
  // The prettier json-schema-to-typescript itself uses.
  const prettier = require(require.resolve('prettier', { paths: [require.resolve('json-schema-to-typescript')] })) as {
    format: (code: string, options: object) => Promise<string>;
  };
  return prettier.format(code, { parser: 'typescript', ...DEFAULT_OPTIONS.style, ...stijl });
}

/** Runs the work, in the worker thread or in line. */
export async function werk(o: ParallelOpdracht, stuur: (deel: 'types' | 'streamValidators', tekst: string) => void): Promise<void> {
  stuur('types', await formatTypes(o.types, o.stijl));
  stuur('streamValidators', streamValidatorCode(o.eenheden as Record<string, unknown>[]));
}

function inLijn(o: ParallelOpdracht): ParallelUitkomst {
  const alles = (async () => {
    const uit: Record<string, string> = {};
    await werk(o, (deel, tekst) => (uit[deel] = tekst));
    return uit;
  })();
  return { types: alles.then((u) => u.types!), streamValidators: alles.then((u) => u.streamValidators!) };
}

/**
 * Starts the work in a worker thread, which loads this module through tsx (the generator's TypeScript runs
 * through tsx everywhere); falls back to running it in line when tsx is not there.
 */
export function parallel(o: ParallelOpdracht): ParallelUitkomst {
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    return inLijn(o);
  }
  const code = [
    `import { tsImport } from ${JSON.stringify(api)};`,
    `import { parentPort, workerData } from 'node:worker_threads';`,
    `const m = await tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)});`,
    `await m.werk(workerData, (deel, tekst) => parentPort.postMessage({ deel, tekst }));`,
  ].join('\n');
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData: o });
  const wachtend = new Map<string, { resolve: (t: string) => void; reject: (e: Error) => void }>();
  const beloften = Object.fromEntries(
    (['types', 'streamValidators'] as const).map((deel) => [deel, new Promise<string>((resolve, reject) => wachtend.set(deel, { resolve, reject }))]),
  ) as unknown as ParallelUitkomst;
  const faal = (e: Error): void => {
    for (const w of wachtend.values()) w.reject(e);
    wachtend.clear();
  };
  worker.on('message', (m: { deel: string; tekst: string }) => {
    wachtend.get(m.deel)?.resolve(m.tekst);
    wachtend.delete(m.deel);
    if (wachtend.size === 0) void worker.terminate();
  });
  worker.on('error', faal);
  worker.on('exit', () => faal(new Error('the worker of the package emitter stopped before it was done')));
  // A rejection nobody waits for yet must not end the process; the emitter awaits every promise.
  for (const b of Object.values(beloften) as Promise<string>[]) b.catch(() => undefined);
  return beloften;
}
