/**
 * MIM-XML bytes to a small element tree that knows where every element starts. Decoding follows XML: a byte
 * order mark, else the declaration's encoding, else UTF-8; bytes that do not match it are an error at their
 * place. Parsing is strict (saxes): a document that is not well-formed gives one error with its line and column.
 */
import type { SaxesAttributeNS } from 'saxes';
import { parseXmlTree } from '../common/xml-tree.ts';
import { finding, positionOfByte, type ErrorRule, type Finding, type Position } from '../diagnostics/findings.ts';

/** MIM-XML cannot be read at all: nothing is written (exit 2). */
export class MimXmlError extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => f.message).join('; '));
  }

  static at(at: Position, rule: ErrorRule, message: string): MimXmlError {
    return new MimXmlError([finding(at, 'error', rule, message)]);
  }
}

export interface XNode {
  local: string;
  uri: string;
  /** Attributes without a namespace by their name, xlink's as `xlink:<name>`, others as `{uri}name`. */
  attrs: Record<string, string>;
  children: XNode[];
  /** The element's own text (children's text not included). */
  text: string;
  line: number;
  column: number;
}

export const XLINK = 'http://www.w3.org/1999/xlink';
export const XHTML = 'http://www.w3.org/1999/xhtml';

const DECLARATION = /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/;

export function decodeMimXml(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  if (bytes.length === 0) throw MimXmlError.at({ file, line: 1, column: 1 }, 'empty-file', 'the file is empty');
  let encoding = 'utf-8';
  let offset = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) offset = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, offset] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, offset] = ['utf-16be', 2];
  else {
    const nul = bytes.subarray(0, 8192).indexOf(0);
    if (nul >= 0)
      throw MimXmlError.at(
        positionOfByte(file, bytes, nul),
        'not-xml',
        'the file holds binary data (a NUL byte), not XML text; UTF-16 needs its byte order mark',
      );
    const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
    const declared = DECLARATION.exec(head)?.[2]?.trim().toLowerCase();
    if (declared) {
      if (/^utf-?16/.test(declared))
        throw MimXmlError.at(
          { file, line: 1, column: 1 },
          'bad-encoding',
          `the declaration says ${declared}, but the file has no UTF-16 byte order mark and its first bytes are not UTF-16`,
        );
      try {
        new TextDecoder(declared);
      } catch {
        throw MimXmlError.at(
          { file, line: 1, column: head.toLowerCase().indexOf(declared, head.indexOf('encoding')) + 1 || 1 },
          'unknown-encoding',
          `the declaration names the encoding "${declared}", which is not known; write the file as UTF-8`,
        );
      }
      encoding = declared;
    }
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(offset));
    return { text, encoding };
  } catch {
    const at = firstBadByte(bytes, offset, encoding);
    throw MimXmlError.at(
      positionOfByte(file, bytes, at),
      'bad-encoding',
      `the bytes are not valid ${encoding} from here on; save the file as ${encoding} or declare the encoding it has`,
    );
  }
}

/** The first byte at which decoding fails (by halving), for the error's position. */
function firstBadByte(bytes: Uint8Array, offset: number, encoding: string): number {
  let lo = offset;
  let hi = bytes.length;
  const ok = (end: number) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(offset, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function parseMimXml(text: string, file: string): XNode {
  const { root, fout } = parseXmlTree<XNode>(text, file, {
    element: (tag, start) => {
      const attrs: Record<string, string> = {};
      for (const a of Object.values(tag.attributes) as SaxesAttributeNS[]) {
        if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
        const key = a.uri === '' ? a.local : a.uri === XLINK ? `xlink:${a.local}` : `{${a.uri}}${a.local}`;
        attrs[key] = a.value;
      }
      return { local: tag.local, uri: tag.uri, attrs, children: [], text: '', ...start };
    },
    tekst: (node, t) => {
      node.text += t;
    },
  });
  if (fout)
    throw MimXmlError.at(
      { file, line: fout.line, column: fout.column },
      'not-xml',
      `the file is not well-formed XML: ${fout.message}${fout.open ? ' (is the file cut short?)' : ''}`,
    );
  if (!root) throw MimXmlError.at({ file, line: 1, column: 1 }, 'not-xml', 'the file holds no XML element');
  return root;
}

/**
 * The text of an element whose content may be XHTML (MIM-XML's xhtmlText): its own text, or, where it holds
 * XHTML elements, their text with a blank line between block elements.
 */
export function textOf(node: XNode): string {
  if (node.children.length === 0) return node.text;
  const parts: string[] = [];
  if (node.text.trim() !== '') parts.push(node.text.trim());
  for (const c of node.children) {
    const t = textOf(c).trim();
    if (t !== '') parts.push(t);
  }
  return parts.join('\n\n');
}
