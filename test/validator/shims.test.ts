/**
 * The browser's stand-ins for node:buffer and node:crypto (runtime/browser/buffer.js and crypto.js, bundled
 * into the validator page's worker) against Node's own, on the calls the stream engine makes: the same text,
 * the same answers, the same digests. They run here in Node, whose TextDecoder and TextEncoder are the WHATWG
 * ones a browser has; the validator page's agreement test checks the bundle in Chromium on whole deliveries.
 */
import { Buffer as NodeBuffer, isAscii as nodeIsAscii, isUtf8 as nodeIsUtf8 } from 'node:buffer';
import { createHash as nodeCreateHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../conformance/models.ts';

interface ShimBuffer extends Uint8Array {
  toString(encoding?: string, start?: number, end?: number): string;
  latin1Slice?(start: number, end: number): string;
  utf8Slice?(start: number, end: number): string;
}
interface ShimBufferClass {
  new (n: number): ShimBuffer;
  from(
    data: string | ArrayBufferLike | ArrayLike<number>,
    offsetOrEncoding?: number | string,
    length?: number,
  ): ShimBuffer;
  alloc(n: number): ShimBuffer;
  concat(list: Uint8Array[], totalLength?: number): ShimBuffer;
}
const shim = (await import(pathToFileURL(join(repoRoot, 'runtime/browser/buffer.js')).href)) as {
  Buffer: ShimBufferClass;
  isAscii(b: Uint8Array): boolean;
  isUtf8(b: Uint8Array): boolean;
};
const shimCrypto = (await import(pathToFileURL(join(repoRoot, 'runtime/browser/crypto.js')).href)) as {
  createHash(algorithm: string): {
    update(data: Uint8Array | string): unknown;
    digest(encoding: 'base64' | 'hex'): string;
  };
};

/** A small deterministic generator (xorshift32), so a failing case can be found again. */
function random(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

/** Byte strings that stress UTF-8 decoding: BOMs, truncated, overlong and surrogate sequences, and random ones. */
function bytes(): number[][] {
  const fixed = [
    [],
    [0xef, 0xbb, 0xbf],
    [0xef, 0xbb, 0xbf, 0x41],
    [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x7b],
    [0x41, 0xef, 0xbb, 0xbf],
    [0x22, 0xef, 0xbb, 0xbf, 0x22],
    [0xff, 0x41],
    [0xe2, 0x82],
    [0xe2, 0x82, 0xac],
    [0xed, 0xa0, 0x80],
    [0xf0, 0x9f, 0x98, 0x80],
    [0xf0, 0x9f, 0x98],
    [0xc0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [...new TextEncoder().encode('{"naam":"Müller-Łukasz €","x":"😀"}')],
    Array.from({ length: 256 }, (_, i) => i),
  ];
  const r = random(0xdda5);
  const alphabet = [
    0x22, 0x41, 0x7b, 0x7d, 0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xff,
  ];
  for (let k = 0; k < 2000; k++) {
    const n = Math.floor(r() * 24);
    fixed.push(
      Array.from({ length: n }, () =>
        r() < 0.6 ? alphabet[Math.floor(r() * alphabet.length)]! : Math.floor(r() * 256),
      ),
    );
  }
  return fixed;
}

describe('the browser stand-ins for node:buffer and node:crypto', () => {
  it('decode UTF-8 and latin1 as Node does, a BOM at the start of a slice included', () => {
    const verschil: string[] = [];
    for (const b of bytes()) {
      const s = shim.Buffer.from(b);
      const n = NodeBuffer.from(b);
      for (let start = 0; start <= b.length; start += Math.max(1, b.length >> 2))
        for (const end of [b.length, Math.max(start, b.length - 1)]) {
          for (const enc of ['utf8', 'latin1']) {
            const a = s.toString(enc, start, end);
            const e = n.toString(enc as BufferEncoding, start, end);
            if (a !== e) verschil.push(`${enc} [${b}] ${start}-${end}: ${JSON.stringify(a)} ≠ ${JSON.stringify(e)}`);
          }
          // Node's fast paths, which the engine calls when a Buffer has them.
          const nf = n as unknown as {
            latin1Slice(s: number, e: number): string;
            utf8Slice(s: number, e: number): string;
          };
          if (s.latin1Slice && s.latin1Slice(start, end) !== nf.latin1Slice(start, end))
            verschil.push(`latin1Slice [${b}] ${start}-${end}`);
          if (s.utf8Slice && s.utf8Slice(start, end) !== nf.utf8Slice(start, end))
            verschil.push(`utf8Slice [${b}] ${start}-${end}`);
        }
      if (s.toString() !== n.toString()) verschil.push(`toString() [${b}]`);
    }
    expect(verschil.slice(0, 10)).toEqual([]);
  });

  it('isUtf8 and isAscii answer as Node does, at any alignment', () => {
    const verschil: string[] = [];
    for (const b of bytes())
      for (let o = 0; o < Math.min(4, b.length + 1); o++) {
        const s = shim.Buffer.from(b).subarray(o);
        const n = NodeBuffer.from(b).subarray(o);
        if (shim.isUtf8(s) !== nodeIsUtf8(n)) verschil.push(`isUtf8 [${b}] from ${o}`);
        if (shim.isAscii(s) !== nodeIsAscii(n)) verschil.push(`isAscii [${b}] from ${o}`);
      }
    // Long runs, where isAscii may look at several bytes at once.
    const lang = new Uint8Array(4099).fill(0x41);
    for (const plek of [0, 1, 2, 3, 1000, 4095, 4096, 4097, 4098]) {
      const b = lang.slice();
      b[plek] = 0x80;
      for (const o of [0, 1, 3])
        if (shim.isAscii(shim.Buffer.from(b).subarray(o)) !== nodeIsAscii(NodeBuffer.from(b).subarray(o)))
          verschil.push(`isAscii 0x80 at ${plek} from ${o}`);
    }
    expect(verschil).toEqual([]);
  });

  it('Buffer.from, alloc, concat and subarray as Node', () => {
    for (const tekst of ['', '[]', 'Müller €😀', '\ufeff{"a":1}'])
      for (const enc of [undefined, 'utf8', 'latin1'] as const) {
        if (enc === 'latin1' && /[^\u0000-\u00ff]/.test(tekst)) continue;
        expect([...shim.Buffer.from(tekst, enc)]).toEqual([...NodeBuffer.from(tekst, enc)]);
      }
    const bron = new Uint8Array([1, 2, 3, 4, 5, 6]);
    // A view over the same memory, or a copy, as in Node.
    const view = shim.Buffer.from(bron.buffer, 1, 3);
    bron[1] = 9;
    expect([...view]).toEqual([9, 3, 4]);
    const kopie = shim.Buffer.from(bron.subarray(0, 2));
    bron[0] = 7;
    expect([...kopie]).toEqual([1, 9]);
    // subarray of a Buffer is a Buffer (toString with an encoding), over the same memory.
    const sub = shim.Buffer.from([0x41, 0x42, 0x43]).subarray(1) as ShimBuffer;
    expect(sub).toBeInstanceOf(shim.Buffer);
    expect(sub.toString('latin1')).toBe('BC');
    expect([...shim.Buffer.alloc(3)]).toEqual([0, 0, 0]);
    const a = [new Uint8Array([1, 2]), shim.Buffer.from([3, 4, 5])];
    for (const n of [undefined, 0, 3, 5, 7])
      expect([...shim.Buffer.concat(a, n)]).toEqual([...NodeBuffer.concat(a, n)]);
    expect(shim.Buffer.concat(a)).toBeInstanceOf(shim.Buffer);
  });

  it('sha1 digests as Node, over any split of the updates, bytes and text', () => {
    const r = random(17);
    let ongelijk = 0;
    for (let len = 0; len < 300; len++) {
      const data = Uint8Array.from({ length: len }, () => Math.floor(r() * 256));
      for (const deel of [0, 1, 55, 56, 63, 64, 65, 128, 200]) {
        const k = Math.min(deel, len);
        const s = shimCrypto.createHash('sha1');
        const n = nodeCreateHash('sha1');
        for (const h of [s, n]) {
          h.update(data.subarray(0, k));
          h.update(data.subarray(k));
          h.update(`\n/meldingen/${len}\nMüller €😀`);
        }
        const enc = len % 2 ? 'base64' : 'hex';
        if (s.digest(enc) !== n.digest(enc)) ongelijk++;
      }
    }
    expect(ongelijk).toBe(0);
    const groot = new Uint8Array(3 << 20).map((_, i) => i * 7);
    const s = shimCrypto.createHash('sha1');
    s.update(groot);
    expect(s.digest('base64')).toBe(nodeCreateHash('sha1').update(groot).digest('base64'));
  });
});
