// The part of node:buffer the streaming validator uses, for browsers (bundled in its place by mimgen's
// validator page): a Uint8Array with toString over TextDecoder. Model-independent; see ../src/node.d.ts.
// ignoreBOM: a TextDecoder drops a U+FEFF at the start of what it decodes, Node's toString keeps it.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const fatal = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();
// The WHATWG 'latin1' decoder is windows-1252: the same as ISO-8859-1 except for bytes 0x80-0x9F, which
// it maps partly to characters above U+00FF. Its (native) result is used when it has none of those.
const w1252 = new TextDecoder('latin1');
const BUITEN_LATIN1 = /[^\u0000-\u00ff]/;

function latin1(b, s, e) {
  const bytes = new Uint8Array(b.buffer, b.byteOffset + s, e - s);
  if (isAscii(bytes)) return utf8.decode(bytes);
  const snel = w1252.decode(bytes);
  if (!BUITEN_LATIN1.test(snel)) return snel;
  let out = '';
  for (let i = s; i < e; i += 8192) out += String.fromCharCode.apply(null, b.subarray(i, Math.min(e, i + 8192)));
  return out;
}

export class Buffer extends Uint8Array {
  /** The whole buffer as text, once latin1Slice has decoded it (null: it is not all ASCII). */
  tekst = undefined;
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
  // Node's undocumented fast paths of toString, which the streaming validator uses for each record of a chunk
  // when present. A TextDecoder call per record costs Chromium more than decoding the whole chunk once and
  // slicing each record out of that text (renderer CPU for 226 MB of Vroegsignalen: 8.2-8.7 s against
  // 5.0-5.6 s; String.fromCharCode per record 6.5 s). Where the whole buffer is ASCII, latin1 and UTF-8 are
  // the same and the UTF-8 decoder, the fastest, decodes it.
  latin1Slice(start, end) {
    if (this.tekst === undefined) this.tekst = isAscii(this) ? utf8.decode(this) : null;
    return this.tekst === null ? latin1(this, start, end) : this.tekst.slice(start, end);
  }
  utf8Slice(start, end) {
    return utf8.decode(new Uint8Array(this.buffer, this.byteOffset + start, end - start));
  }
}

/** Whether no byte has its high bit set: four bytes at a time where the bytes are aligned to a word. */
export function isAscii(b) {
  const n = b.length;
  let i = 0;
  const kop = Math.min(n, (4 - (b.byteOffset & 3)) & 3);
  for (; i < kop; i++) if (b[i] > 0x7f) return false;
  const woorden = (n - i) >> 2;
  if (woorden > 0) {
    const w = new Uint32Array(b.buffer, b.byteOffset + i, woorden);
    for (let k = 0; k < woorden; k += 256) {
      const eind = Math.min(woorden, k + 256);
      let of = 0;
      for (let j = k; j < eind; j++) of |= w[j];
      if (of & 0x80808080) return false;
    }
    i += woorden * 4;
  }
  for (; i < n; i++) if (b[i] > 0x7f) return false;
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
