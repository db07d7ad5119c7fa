// The part of node:crypto the streaming validator uses, for browsers: createHash('sha1') with update
// (bytes or text) and digest('base64' or 'hex'), synchronous as in Node. Model-independent. The block
// function works on 32-bit words in locals, one loop per round kind, so that V8 keeps it in registers.
const encoder = new TextEncoder();

class Sha1 {
  constructor() {
    this.h0 = 0x67452301;
    this.h1 = 0xefcdab89 | 0;
    this.h2 = 0x98badcfe | 0;
    this.h3 = 0x10325476;
    this.h4 = 0xc3d2e1f0 | 0;
    this.blok = new Uint8Array(64);
    this.vul = 0;
    this.lengte = 0;
    this.w = new Int32Array(80);
  }
  update(data) {
    const b = typeof data === 'string' ? encoder.encode(data) : data;
    this.lengte += b.length;
    let i = 0;
    if (this.vul > 0) {
      const n = Math.min(64 - this.vul, b.length);
      this.blok.set(b.subarray(0, n), this.vul);
      this.vul += n;
      i = n;
      if (this.vul < 64) return this;
      this.blokken(this.blok, 0, 64);
      this.vul = 0;
    }
    const eind = i + ((b.length - i) & ~63);
    if (eind > i) this.blokken(b, i, eind);
    if (eind < b.length) {
      this.blok.set(b.subarray(eind), 0);
      this.vul = b.length - eind;
    }
    return this;
  }
  /** The 64-byte blocks of b from van to tot. */
  blokken(b, van, tot) {
    const w = this.w;
    let h0 = this.h0;
    let h1 = this.h1;
    let h2 = this.h2;
    let h3 = this.h3;
    let h4 = this.h4;
    for (let o = van; o < tot; o += 64) {
      for (let t = 0; t < 16; t++) {
        const j = o + 4 * t;
        w[t] = (b[j] << 24) | (b[j + 1] << 16) | (b[j + 2] << 8) | b[j + 3];
      }
      for (let t = 16; t < 80; t++) {
        const x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
        w[t] = (x << 1) | (x >>> 31);
      }
      let a = h0;
      let c1 = h1;
      let c = h2;
      let d = h3;
      let e = h4;
      let t = 0;
      for (; t < 20; t++) {
        const tmp = (((a << 5) | (a >>> 27)) + (((c1 & c) | (~c1 & d)) + 0x5a827999) + e + w[t]) | 0;
        e = d;
        d = c;
        c = (c1 << 30) | (c1 >>> 2);
        c1 = a;
        a = tmp;
      }
      for (; t < 40; t++) {
        const tmp = (((a << 5) | (a >>> 27)) + ((c1 ^ c ^ d) + 0x6ed9eba1) + e + w[t]) | 0;
        e = d;
        d = c;
        c = (c1 << 30) | (c1 >>> 2);
        c1 = a;
        a = tmp;
      }
      for (; t < 60; t++) {
        const tmp = (((a << 5) | (a >>> 27)) + (((c1 & c) | (c1 & d) | (c & d)) + 0x8f1bbcdc) + e + w[t]) | 0;
        e = d;
        d = c;
        c = (c1 << 30) | (c1 >>> 2);
        c1 = a;
        a = tmp;
      }
      for (; t < 80; t++) {
        const tmp = (((a << 5) | (a >>> 27)) + ((c1 ^ c ^ d) + 0xca62c1d6) + e + w[t]) | 0;
        e = d;
        d = c;
        c = (c1 << 30) | (c1 >>> 2);
        c1 = a;
        a = tmp;
      }
      h0 = (h0 + a) | 0;
      h1 = (h1 + c1) | 0;
      h2 = (h2 + c) | 0;
      h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0;
    }
    this.h0 = h0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
  }
  digest(encoding) {
    const bits = this.lengte * 8;
    const pad = new Uint8Array((this.vul < 56 ? 56 : 120) - this.vul + 8);
    pad[0] = 0x80;
    const hoog = Math.floor(bits / 0x100000000);
    const n = pad.length;
    pad[n - 8] = hoog >>> 24;
    pad[n - 7] = hoog >>> 16;
    pad[n - 6] = hoog >>> 8;
    pad[n - 5] = hoog;
    pad[n - 4] = bits >>> 24;
    pad[n - 3] = bits >>> 16;
    pad[n - 2] = bits >>> 8;
    pad[n - 1] = bits;
    const lengte = this.lengte;
    this.update(pad);
    this.lengte = lengte;
    const uit = new Uint8Array(20);
    const h = [this.h0, this.h1, this.h2, this.h3, this.h4];
    for (let i = 0; i < 5; i++) {
      uit[4 * i] = h[i] >>> 24;
      uit[4 * i + 1] = h[i] >>> 16;
      uit[4 * i + 2] = h[i] >>> 8;
      uit[4 * i + 3] = h[i];
    }
    if (encoding === 'hex') return [...uit].map((x) => x.toString(16).padStart(2, '0')).join('');
    return btoa(String.fromCharCode(...uit));
  }
}

export function createHash(algorithm) {
  if (algorithm !== 'sha1') throw new Error(`createHash: only sha1 in the browser, not ${algorithm}`);
  return new Sha1();
}
