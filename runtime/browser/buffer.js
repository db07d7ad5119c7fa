// The part of node:buffer the streaming validator uses, for browsers (bundled in its place by mimgen's
// validator page): a Uint8Array with toString over TextDecoder. Model-independent; see ../src/node.d.ts.
const utf8 = new TextDecoder('utf-8');
const fatal = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

function latin1(b, s, e) {
  let out = '';
  for (let i = s; i < e; i += 8192) out += String.fromCharCode.apply(null, b.subarray(i, Math.min(e, i + 8192)));
  return out;
}

export class Buffer extends Uint8Array {
  static from(data, byteOffset, length) {
    if (typeof data === 'string') {
      if (byteOffset === 'latin1') {
        const b = new Buffer(data.length);
        for (let i = 0; i < data.length; i++) b[i] = data.charCodeAt(i);
        return b;
      }
      const u = encoder.encode(data);
      return new Buffer(u.buffer, u.byteOffset, u.byteLength);
    }
    if (data instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && data instanceof SharedArrayBuffer))
      return new Buffer(data, byteOffset ?? 0, length ?? data.byteLength - (byteOffset ?? 0));
    const b = new Buffer(data.length);
    b.set(data);
    return b;
  }
  static alloc(size) {
    return new Buffer(size);
  }
  static concat(list, totalLength) {
    const n = totalLength ?? list.reduce((t, x) => t + x.length, 0);
    const b = new Buffer(n);
    let o = 0;
    for (const x of list) {
      if (o >= n) break;
      const stuk = o + x.length > n ? x.subarray(0, n - o) : x;
      b.set(stuk, o);
      o += stuk.length;
    }
    return b;
  }
  toString(encoding = 'utf8', start = 0, end = this.length) {
    if (start < 0) start = 0;
    if (end > this.length) end = this.length;
    if (end <= start) return '';
    return encoding === 'latin1' ? latin1(this, start, end) : utf8.decode(this.subarray(start, end));
  }
}

export function isAscii(b) {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false;
  return true;
}

export function isUtf8(b) {
  try {
    fatal.decode(b);
    return true;
  } catch {
    return false;
  }
}
