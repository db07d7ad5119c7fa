/** The generated packages' streaming validators as the tests use them. */
import { join } from 'node:path';
import { repoRoot } from '../conformance/models.ts';
// The package's own declarations: the tests read the results in the shapes implementers get them.
import type { StreamFout, StreamOpties, StreamResultaat } from '../../generated/vroegsignalering/dist/index.js';

export const ROOT = repoRoot;

export type { StreamFout, StreamOpties, StreamResultaat };
export interface Pakket {
  validate(value: unknown): { valid: boolean; errors: { path: string; message: string; element: string }[] };
  validateFile(pad: string, opties?: StreamOpties): Promise<StreamResultaat>;
  validateStream(
    bron: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    opties?: StreamOpties,
  ): Promise<StreamResultaat>;
  createStreamValidator(opties?: StreamOpties): { write(chunk: Uint8Array): boolean; end(): StreamResultaat };
  STREAM_PLAN: { eenheden: { pad: string[]; naam: string; record: boolean }[] };
}

export async function pakket(model: string): Promise<Pakket> {
  return (await import(join(ROOT, 'generated', model, 'dist', 'index.js'))) as Pakket;
}

/** Validates bytes in this thread, fed in chunks of `size` bytes. */
export function inChunks(p: Pakket, bytes: Uint8Array, size: number, opties: StreamOpties = {}): StreamResultaat {
  const v = p.createStreamValidator(opties);
  for (let i = 0; i < bytes.length; i += size) if (!v.write(bytes.subarray(i, i + size))) break;
  return v.end();
}

/** Line and column (from 1, UTF-16 code units) of a byte offset, counted independently of the validator. */
export function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = Buffer.from(bytes.buffer, bytes.byteOffset, offset);
  let line = 1;
  let lineStart = 0;
  for (let i = before.indexOf(10); i !== -1; i = before.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: before.subarray(lineStart).toString('utf8').length + 1 };
}
