// The part of node:crypto the streaming validator uses, for browsers: createHash('sha1') with update
// (bytes or text) and digest('base64'), synchronous as in Node. Model-independent.
const encoder = new TextEncoder();

class Sha1 {
  constructor() {
    this.h = new Int32Array([0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0]);
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
      this.verwerk(this.blok, 0);
      this.vul = 0;
    }
    for (; i + 64 <= b.length; i += 64) this.verwerk(b, i);
    if (i < b.length) {
      this.blok.set(b.subarray(i), 0);
      this.vul = b.length - i;
    }
    return this;
  }
  verwerk(b, o) {
    const w = this.w;
    for (let t = 0; t < 16; t++)
      w[t] = (b[o + 4 * t] << 24) | (b[o + 4 * t + 1] << 16) | (b[o + 4 * t + 2] << 8) | b[o + 4 * t + 3];
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
      w[t] = (x << 1) | (x >>> 31);
    }
    let [a, bb, c, d, e] = this.h;
    for (let t = 0; t < 80; t++) {
      const f =
        t < 20
          ? ((bb & c) | (~bb & d)) + 0x5a827999
          : t < 40
            ? (bb ^ c ^ d) + 0x6ed9eba1
            : t < 60
              ? ((bb & c) | (bb & d) | (c & d)) + 0x8f1bbcdc
              : (bb ^ c ^ d) + 0xca62c1d6;
      const tmp = (((a << 5) | (a >>> 27)) + f + e + w[t]) | 0;
      e = d;
      d = c;
      c = (bb << 30) | (bb >>> 2);
      bb = a;
      a = tmp;
    }
    const h = this.h;
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + bb) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0;
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
    for (let i = 0; i < 5; i++) {
      uit[4 * i] = this.h[i] >>> 24;
      uit[4 * i + 1] = this.h[i] >>> 16;
      uit[4 * i + 2] = this.h[i] >>> 8;
      uit[4 * i + 3] = this.h[i];
    }
    if (encoding === 'hex') return [...uit].map((x) => x.toString(16).padStart(2, '0')).join('');
    return btoa(String.fromCharCode(...uit));
  }
}

export function createHash(algorithm) {
  if (algorithm !== 'sha1') throw new Error(`createHash: only sha1 in the browser, not ${algorithm}`);
  return new Sha1();
}
