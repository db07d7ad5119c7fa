/**
 * Bytes to text: the encoding comes from a byte order mark or the XML declaration (UTF-8 when neither
 * names one, as XML prescribes). Enterprise Architect writes windows-1252 as well as UTF-8. Decoding uses
 * the WHATWG TextDecoder that Node ships, which knows windows-1252, ISO-8859-x, UTF-16 and the rest.
 */
import { positionOfByte } from '../diagnostics/findings.ts';
import { XmiError } from './errors.ts';

const DECLARATION = /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/;

export interface Decoded {
  text: string;
  encoding: string;
}

export function decodeXmi(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0)
    throw XmiError.at(
      { file, line: 1, column: 1 },
      'empty-file',
      'the file is empty; export the package from Enterprise Architect as XMI 2.1',
    );
  let offset = 0;
  let bomEncoding: string | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bomEncoding = 'utf-8';
    offset = 3;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    bomEncoding = 'utf-16le';
    offset = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    bomEncoding = 'utf-16be';
    offset = 2;
  }
  if (!bomEncoding) {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      const at = positionOfByte(file, bytes, nul);
      throw XmiError.at(
        at,
        'not-xml',
        `the file holds binary data (a NUL byte at offset ${nul}); it is not an XMI export`,
      );
    }
  }
  let encoding = bomEncoding ?? 'utf-8';
  if (!bomEncoding || bomEncoding === 'utf-8') {
    // The declaration is ASCII in every encoding that needs no byte order mark.
    const head = Buffer.from(bytes.subarray(offset, offset + 400)).toString('latin1');
    const m = DECLARATION.exec(head);
    if (m) {
      const label = m[2]!.trim();
      const column = head.indexOf(m[2]!, m.index) + 1;
      let decoderEncoding: string;
      try {
        decoderEncoding = new TextDecoder(label).encoding;
      } catch {
        throw XmiError.at(
          { file, line: 1, column },
          'unknown-encoding',
          `the XML declaration names the encoding "${label}", which is not known; use UTF-8 or windows-1252`,
        );
      }
      if (bomEncoding && decoderEncoding !== 'utf-8') {
        throw XmiError.at(
          { file, line: 1, column },
          'unknown-encoding',
          `the file starts with a UTF-8 byte order mark but declares the encoding "${label}"`,
        );
      }
      if (decoderEncoding.startsWith('utf-16')) {
        throw XmiError.at(
          { file, line: 1, column },
          'unknown-encoding',
          `the XML declaration names "${label}", but the file has no UTF-16 byte order mark and reads as single bytes`,
        );
      }
      encoding = decoderEncoding;
    }
  }
  const body = bytes.subarray(offset);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    const bad = firstInvalid(body, encoding);
    throw XmiError.at(
      positionOfByte(file, body, bad),
      'bad-encoding',
      `the bytes at offset ${bad + offset} are not valid ${encoding}; the XML declaration must name the encoding the file is written in`,
    );
  }
  if (encoding.startsWith('utf-16')) {
    // With a UTF-16 byte order mark the declaration can only be read once decoded; it must not say otherwise.
    const m = DECLARATION.exec(text);
    const label = m?.[2]?.trim();
    let named: string | undefined;
    try {
      named = label === undefined ? undefined : new TextDecoder(label).encoding;
    } catch {
      named = label;
    }
    if (label !== undefined && !named?.startsWith('utf-16'))
      throw XmiError.at(
        { file, line: 1, column: text.indexOf(label, m!.index) + 1 },
        'unknown-encoding',
        `the file starts with a UTF-16 byte order mark but declares the encoding "${label}"; declare UTF-16 or write the file in ${label}`,
      );
  }
  return { text, encoding };
}

/** Offset of the first byte that does not decode, found line by line (the decoder does not say where). */
function firstInvalid(bytes: Uint8Array, encoding: string): number {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      for (let i = start + 1; i <= end; i++) {
        try {
          decoder.decode(bytes.subarray(start, i));
        } catch {
          // a sequence cut short decodes badly too; step back to its start
          let j = i - 1;
          while (j > start && (bytes[j]! & 0xc0) === 0x80) j--;
          return j;
        }
      }
      return start;
    }
    start = end + 1;
  }
  return 0;
}
