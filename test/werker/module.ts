/** A module for the worker tests: a function that answers, one that fails with an error class of its own. */
export class EigenFout extends Error {}

export async function verdubbel(invoer: {
  getallen: number[];
  kaart: Map<string, number>;
}): Promise<Map<string, number>> {
  const paren: [string, number][] = [...invoer.kaart].map(([k, v]) => [k, v * 2]);
  return new Map(paren.concat(invoer.getallen.map((n, i): [string, number] => [`n${i}`, n * 2])));
}

export function faal(reden: string): never {
  throw new EigenFout(`kapot: ${reden}`);
}

/** Work that never ends: a process that waited for it would never stop. */
export function traag(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
