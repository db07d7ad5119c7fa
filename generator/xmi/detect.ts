/**
 * Which kind of XMI a file is, from its first and last bytes, without parsing it: for `mimgen import`, which
 * chooses the importer by the format. Enterprise Architect names itself in xmi:Documentation (at the top)
 * and xmi:Extension (at the end); other tools write XMI without EA's extension. Both are read by the same
 * importXmi (import.ts), which falls back on UML's own ways where EA's extension says nothing.
 */

export type XmiFormaat = 'ea-xmi' | 'xmi';

const WINDOW = 16 * 1024;
const XMI_NAMESPACE =
  /xmlns:[A-Za-z_][\w.-]*\s*=\s*["']https?:\/\/(schema\.omg\.org|www\.omg\.org)\/(spec\/XMI\/|XMI["'])/;
const EA = /(exporter|extender)\s*=\s*["']Enterprise Architect["']|<xmi:exporter>\s*Enterprise Architect/;

/** 'ea-xmi' for an export of Enterprise Architect, 'xmi' for XMI of another tool, undefined for anything else. */
export function detectXmi(bytes: Uint8Array): XmiFormaat | undefined {
  const head = text(bytes.subarray(0, WINDOW), bytes);
  if (!XMI_NAMESPACE.test(head)) return undefined;
  const tail = bytes.length > WINDOW ? text(bytes.subarray(bytes.length - WINDOW), bytes) : '';
  return EA.test(head) || EA.test(tail) ? 'ea-xmi' : 'xmi';
}

/** Bytes as text, enough to find ASCII names: UTF-16 by its byte order mark, else byte by byte. */
function text(part: Uint8Array, whole: Uint8Array): string {
  if (whole[0] === 0xff && whole[1] === 0xfe) return new TextDecoder('utf-16le').decode(part);
  if (whole[0] === 0xfe && whole[1] === 0xff) return new TextDecoder('utf-16be').decode(part);
  return Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('latin1');
}
