/**
 * Two threads: a worker reads and scans, this thread validates. The worker's Scanner reports to a
 * Doorgever, whose events this thread replays on its Controleur; while this thread is the busier one, the
 * worker validates records itself (Verwerker) and sends their outcome instead (doorgever.ts).
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Fout, Regels } from '../controles.js';
import type { SchemaFout } from '../schema-validator.js';
import { Controleur } from './controleur.js';
import { Doorgever, speel, type Gebeurtenis } from './doorgever.js';
import type { ScanOpties } from './scanner-input.js';
import { Scanner } from './scanner.js';
import type { EenheidValidator, StreamOpties, StreamPlan, StreamResultaat } from './types.js';
import { Verwerker } from './verwerker.js';

/** Bytes read at a time, and the size of the chunks that travel between the threads. */
export const CHUNK: number = 1 << 20;

/** The worker's task: the limits, and a file to read itself (or chunks sent to it when null). */
export interface WerkOpdracht {
  /** The URL of the generated module that exports the model's STREAM_CONTEXT: the worker imports it. */
  contextModule: string;
  opties: ScanOpties;
  verdeling: 'balans' | 'werker' | 'hoofd';
  pad: string | null;
  /**
   * Shared with the main thread: as Int32 [0] chunks it has validated, [1] 1 when it wants no more; as
   * Float64 [1] the milliseconds it spent validating, [2] the milliseconds this thread spent working.
   */
  tellers: SharedArrayBuffer;
  /** Chunks the main thread is done with come back here, to be read into again: no new memory per chunk. */
  terug: WerkPoort;
}

/** The model's part of the streaming validator, the same in both threads. */
export interface StreamContext {
  plan: StreamPlan;
  validators: Readonly<Record<string, EenheidValidator>>;
  regels: Regels;
  melding: (e: SchemaFout) => Fout;
}

/** Chunks in flight between the threads: bounds the memory the two threads hold together. */
const IN_FLIGHT = 8;
/** Shared memory of the two threads: two Int32 counters, then the busy time of each thread. */
const TELLERS = 24;

/** The port of a worker thread, as far as the worker uses it. */
export interface WerkPoort {
  postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  close(): void;
}

/** Runs in the worker thread (stream-worker.js): reads (or receives) chunks, scans them, sends the reports. */
export function werk(poort: WerkPoort, opdracht: WerkOpdracht, context: StreamContext): void {
  const tellers = new Int32Array(opdracht.tellers, 0, 2);
  const tijden = new Float64Array(opdracht.tellers, 8, 2);
  let gestuurd = 0;
  // While the main thread has been busier, this one validates the records of a chunk itself: the load balances.
  const verwerker = new Verwerker(context.plan, context.validators, context.regels, context.melding);
  const zelf =
    opdracht.verdeling === 'werker'
      ? () => true
      : opdracht.verdeling === 'hoofd'
        ? () => false
        : () => tijden[0]! > tijden[1]!;
  const doorgever = new Doorgever(context.plan, verwerker, zelf);
  const scanner = new Scanner(context.plan, opdracht.opties, doorgever);
  const stuur = (chunk: Uint8Array | null): void => {
    const { gebeurtenissen, overdracht } = doorgever.neem();
    const transfer = chunk ? [...overdracht, chunk.buffer as ArrayBuffer] : overdracht;
    gestuurd++;
    poort.postMessage({ soort: 'deel', chunk, gebeurtenissen, bytes: scanner.bytes }, transfer);
  };
  const klaar = (): void => {
    scanner.end();
    const { gebeurtenissen } = doorgever.neem();
    poort.postMessage({ soort: 'klaar', gebeurtenissen, bytes: scanner.bytes });
    poort.close();
  };
  if (opdracht.pad === null) {
    poort.on('message', (m) => {
      const bericht = m as { soort: string; data?: Uint8Array };
      if (bericht.soort === 'chunk') {
        const begin = performance.now();
        doorgever.stop = Atomics.load(tellers, 1) === 1;
        scanner.write(bericht.data!);
        stuur(bericht.data!);
        tijden[1] = tijden[1]! + (performance.now() - begin);
      } else if (bericht.soort === 'einde') klaar();
    });
    return;
  }
  let fd = -1;
  const pool: ArrayBuffer[] = [];
  try {
    fd = openSync(opdracht.pad, 'r');
    for (;;) {
      // Wait while the main thread has enough to do; it counts what it has done in tellers[0].
      for (;;) {
        const gedaan = Atomics.load(tellers, 0);
        if (Atomics.load(tellers, 1) === 1 || gestuurd - gedaan < IN_FLIGHT) break;
        Atomics.wait(tellers, 0, gedaan, 100);
      }
      doorgever.stop = Atomics.load(tellers, 1) === 1;
      if (scanner.gestopt) break;
      const begin = performance.now();
      const terug = opdracht.terug as unknown as MessagePort;
      for (let m = receiveMessageOnPort(terug); m; m = receiveMessageOnPort(terug)) pool.push(m.message as ArrayBuffer);
      const buf = new Uint8Array(pool.pop() ?? new ArrayBuffer(CHUNK));
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      scanner.write(chunk);
      stuur(chunk);
      tijden[1] = tijden[1]! + (performance.now() - begin);
    }
  } catch (e) {
    poort.postMessage({ soort: 'leesfout', message: (e as Error).message, code: (e as { code?: string }).code });
    poort.close();
    return;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
  klaar();
}

/** The worker thread's module, in the folder above this one. */
const WERKER = new URL('../stream-worker.js', import.meta.url);

/**
 * Validates with two threads: the worker (stream-worker.js) reads and scans, this thread
 * parses and validates. `bron`: a file path (the worker reads it), or chunks from anywhere.
 */
export async function valideerMetWerker(
  contextModule: string,
  context: StreamContext,
  opties: StreamOpties,
  bron: string | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<StreamResultaat> {
  if (typeof bron === 'string') {
    const s = statSync(bron);
    if (!s.isFile()) throw Object.assign(new Error(`${bron} is not a file`), { code: 'EISDIR' });
  }
  const controleur = new Controleur(
    context.plan,
    context.validators,
    context.regels,
    context.melding,
    opties,
    typeof bron === 'string' ? herlezer(bron) : undefined,
  );
  const gedeeld = new SharedArrayBuffer(TELLERS);
  const kanaal = new MessageChannel();
  const pool: ArrayBuffer[] = [];
  const tellers = new Int32Array(gedeeld, 0, 2);
  const tijden = new Float64Array(gedeeld, 8, 2);
  const opdracht: WerkOpdracht = {
    contextModule,
    opties: { maxRecordBytes: opties.maxRecordBytes, maxDepth: opties.maxDepth, herleesbaar: typeof bron === 'string' },
    pad: typeof bron === 'string' ? bron : null,
    tellers: gedeeld,
    verdeling: opties.verdeling ?? 'balans',
    terug: kanaal.port2 as unknown as WerkPoort,
  };
  const elu = performance.eventLoopUtilization();
  // The worker runs the package's plain JavaScript: none of this process's flags (a loader, --input-type) apply.
  // A small young generation keeps its memory low: what it allocates per chunk is short-lived.
  const worker = new Worker(WERKER, {
    workerData: opdracht,
    execArgv: [],
    transferList: [kanaal.port2],
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  let inFlight = 0;
  let verder: (() => void) | null = null;
  let bytes = 0;
  let gedaan = false;
  const resultaat = new Promise<StreamResultaat>((resolve, reject) => {
    const einde = (r: StreamResultaat | Error): void => {
      if (gedaan) return;
      gedaan = true;
      void worker.terminate();
      kanaal.port1.close();
      verder?.();
      if (r instanceof Error) reject(r);
      else resolve(r);
    };
    worker.on('message', (m) => {
      const bericht = m as {
        soort: string;
        chunk?: Uint8Array | null;
        gebeurtenissen?: Gebeurtenis[];
        bytes?: number;
        message?: string;
        code?: string;
      };
      if (gedaan) return;
      if (bericht.soort === 'deel') {
        speel(controleur, bericht.gebeurtenissen!, bericht.chunk ?? null);
        // Done with the chunk: back to the worker to read into (a file), or into the pool here (chunks from a stream).
        const buffer = bericht.chunk?.buffer as ArrayBuffer | undefined;
        if (buffer && buffer.byteLength === CHUNK) {
          if (typeof bron === 'string') kanaal.port1.postMessage(buffer, [buffer]);
          else pool.push(buffer);
        }
        // This thread's busy time, receiving the messages and collecting garbage included.
        tijden[0] = performance.eventLoopUtilization(elu).active;
        bytes = bericht.bytes!;
        opties.onProgress?.({ bytes, records: controleur.aantal });
        Atomics.add(tellers, 0, 1);
        Atomics.notify(tellers, 0);
        if (controleur.gestopt()) {
          Atomics.store(tellers, 1, 1);
          Atomics.notify(tellers, 0);
          return einde(controleur.resultaat(bytes));
        }
        if (typeof bron !== 'string') {
          inFlight--;
          const v = verder;
          verder = null;
          v?.();
        }
      } else if (bericht.soort === 'klaar') {
        speel(controleur, bericht.gebeurtenissen!, null);
        einde(controleur.resultaat(bericht.bytes!));
      } else if (bericht.soort === 'leesfout') einde(Object.assign(new Error(bericht.message), { code: bericht.code }));
    });
    worker.on('error', (e) => einde(e));
    worker.on('exit', () => einde(new Error('the validation worker stopped unexpectedly')));
  });
  if (typeof bron !== 'string') {
    try {
      for await (const c of bron) {
        if (gedaan) break;
        if (c.length === 0) continue;
        while (inFlight >= IN_FLIGHT && !gedaan) await new Promise<void>((r) => (verder = r));
        if (gedaan) break;
        for (let i = 0; i < c.length; i += CHUNK) {
          const stuk = c.subarray(i, i + CHUNK);
          const kopie = new Uint8Array(pool.pop() ?? new ArrayBuffer(CHUNK), 0, stuk.length);
          kopie.set(stuk);
          inFlight++;
          worker.postMessage({ soort: 'chunk', data: kopie }, [kopie.buffer as ArrayBuffer]);
        }
      }
      if (!gedaan) worker.postMessage({ soort: 'einde' });
    } catch (e) {
      gedaan = true;
      void worker.terminate();
      throw e;
    }
  }
  return resultaat;
}

/** The hash of a byte range of a file, read again. */
function herlezer(pad: string): (van: number, tot: number) => string {
  return (van, tot) => {
    const h = createHash('sha1');
    const buf = new Uint8Array(CHUNK);
    const fd = openSync(pad, 'r');
    try {
      for (let p = van; p < tot;) {
        const n = readSync(fd, buf, 0, Math.min(CHUNK, tot - p), p);
        if (n === 0) break;
        h.update(buf.subarray(0, n));
        p += n;
      }
    } finally {
      closeSync(fd);
    }
    return h.digest('base64');
  };
}
