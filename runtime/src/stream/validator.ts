/**
 * The entry points: a validator fed chunk by chunk in this thread, and what a generated package exports,
 * which validates in this thread or with the worker thread.
 */
import { createReadStream } from 'node:fs';
import type { Fout, Regels } from '../controles.js';
import type { SchemaFout } from '../schema-validator.js';
import { Controleur } from './controleur.js';
import { Scanner } from './scanner.js';
import type { EenheidValidator, StreamOpties, StreamPlan, StreamResultaat, Voortgang } from './types.js';
import { CHUNK, valideerMetWerker, type StreamContext } from './worker.js';

/**
 * Validates a delivery fed to it chunk by chunk, in this thread: `write(chunk)` for each chunk (false: stop
 * feeding, validation has stopped), `end()` for the result. The caller may reuse a chunk after `write`.
 */
export class StreamValidator {
  private readonly controleur: Controleur;
  private readonly scanner: Scanner;
  private readonly onProgress: ((voortgang: Voortgang) => void) | undefined;

  constructor(
    plan: StreamPlan,
    validators: Readonly<Record<string, EenheidValidator>>,
    regels: Regels,
    melding: (e: SchemaFout) => Fout,
    opties: StreamOpties = {},
  ) {
    this.controleur = new Controleur(plan, validators, regels, melding, opties);
    this.scanner = new Scanner(plan, opties, this.controleur);
    this.onProgress = opties.onProgress;
  }

  write(chunk: Uint8Array): boolean {
    const verder = this.scanner.write(chunk);
    this.onProgress?.({ bytes: this.scanner.bytes, records: this.controleur.aantal });
    return verder;
  }

  end(): StreamResultaat {
    this.scanner.end();
    return this.controleur.resultaat(this.scanner.bytes);
  }
}

/** Feeds a single-thread validator from any source of byte chunks and returns its result. */
export async function valideerBron(
  validator: StreamValidator,
  bron: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<StreamResultaat> {
  for await (const chunk of bron) if (!validator.write(chunk)) break;
  return validator.end();
}

/** A file as chunks of 1 MiB. */
export function leesBestand(pad: string): AsyncIterable<Uint8Array> {
  return createReadStream(pad, { highWaterMark: CHUNK });
}

/** What a generated package exports for streaming validation, made from its model's part. */
export interface StreamValidatie {
  /** A validator to feed chunk by chunk (write, then end), for a server that receives a delivery in parts. */
  createStreamValidator(opties?: StreamOpties): StreamValidator;
  /**
   * Validates a delivery from any source of byte chunks (a file stream, an HTTP request body) in bounded
   * memory; by default a worker thread scans while this thread validates (worker: false: all in this thread).
   */
  validateStream(
    bron: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    opties?: StreamOpties,
  ): Promise<StreamResultaat>;
  /** Validates a delivery file of any size, read in chunks of 1 MiB (by default in a worker thread, as validateStream). */
  validateFile(pad: string, opties?: StreamOpties): Promise<StreamResultaat>;
}

/**
 * The streaming functions of a generated package. `contextModule` is the URL of the package's module that
 * exports `context` as STREAM_CONTEXT: the worker thread imports the model from there.
 */
export function streamValidatie(context: StreamContext, contextModule: string): StreamValidatie {
  const createStreamValidator = (opties?: StreamOpties): StreamValidator =>
    new StreamValidator(context.plan, context.validators, context.regels, context.melding, opties);
  return {
    createStreamValidator,
    validateStream(bron, opties = {}) {
      if (opties.worker === false) return valideerBron(createStreamValidator(opties), bron);
      return valideerMetWerker(contextModule, context, opties, bron);
    },
    validateFile(pad, opties = {}) {
      if (opties.worker === false) return valideerBron(createStreamValidator(opties), leesBestand(pad));
      return valideerMetWerker(contextModule, context, opties, pad);
    },
  };
}
