/**
 * XML text to a small element tree that knows where every element starts. Parsing is strict (saxes): a
 * document that is not well-formed gives one error with its line and column.
 */
import type { SaxesAttributeNS } from 'saxes';
import { parseXmlTree } from '../common/xml-tree.ts';
import { XmiError } from './errors.ts';

/** XMI's namespace as EA (schema.omg.org/spec/XMI/2.1), MagicDraw (www.omg.org/spec/XMI/20131001) and Eclipse (www.omg.org/XMI) write it. */
export const XMI_NS = /^https?:\/\/(schema\.omg\.org|www\.omg\.org)\/(spec\/XMI\/|XMI$)/;
/** UML's namespace: the OMG's, or Eclipse UML2's (Papyrus). */
export const UML_NS = /^https?:\/\/((schema\.omg\.org|www\.omg\.org)\/spec\/UML\/|www\.eclipse\.org\/uml2\/)/;

export interface XNode {
  /** The name with a normalised prefix: `xmi:` and `uml:` for those namespaces whatever prefix the file uses. */
  name: string;
  local: string;
  prefix: string;
  uri: string;
  /** Attributes by name, with the same prefix normalisation. */
  attrs: Record<string, string>;
  children: XNode[];
  parent: XNode | undefined;
  line: number;
  column: number;
  /** The element's own text, where it has any besides white space (a comment's body, a tag's value). */
  text?: string;
}

/** Normalised names by namespace, prefix and local name: a file has few, and every element and attribute asks. */
const names = new Map<string, string>();

function normalise(prefix: string, local: string, uri: string): string {
  const key = `${uri}\u0000${prefix}\u0000${local}`;
  let name = names.get(key);
  if (name === undefined) {
    name = XMI_NS.test(uri)
      ? `xmi:${local}`
      : UML_NS.test(uri)
        ? `uml:${local}`
        : prefix
          ? `${prefix}:${local}`
          : local;
    if (names.size < 10_000) names.set(key, name);
  }
  return name;
}

export function parseXml(text: string, file: string): XNode {
  const { root, fout } = parseXmlTree<XNode>(text, file, {
    element: (tag, start, parent) => {
      const attrs: Record<string, string> = {};
      for (const a of Object.values(tag.attributes) as SaxesAttributeNS[]) {
        if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
        attrs[normalise(a.prefix, a.local, a.uri)] = a.value;
      }
      const name = normalise(tag.prefix, tag.local, tag.uri);
      return { name, local: tag.local, prefix: tag.prefix, uri: tag.uri, attrs, children: [], parent, ...start };
    },
    tekst: (node, t) => {
      if (node.text !== undefined || t.trim() !== '') node.text = (node.text ?? '') + t;
    },
  });
  if (fout) {
    const hint = /unclosed|unexpected end|missing/i.test(fout.message) || (fout.open && fout.aanHetEind);
    throw XmiError.at(
      { file, line: fout.line, column: fout.column },
      'not-xml',
      `the file is not well-formed XML: ${fout.message}${hint ? ' (is the file cut short?)' : ''}`,
    );
  }
  if (!root) throw XmiError.at({ file, line: 1, column: 1 }, 'not-xml', 'the file holds no XML element');
  return root;
}

/** An element a package owns: `packagedElement`, or `ownedMember` as tools on UML 2.0 write it (StarUML, ArgoUML). */
export function isPackaged(node: XNode): boolean {
  return node.name === 'packagedElement' || node.name === 'ownedMember';
}

/** The child elements with this (normalised) name. */
export function kids(node: XNode, name: string): XNode[] {
  return node.children.filter((c) => c.name === name);
}

export function kid(node: XNode | undefined, name: string): XNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** Every descendant, depth first in document order. */
export function* descendants(node: XNode): Generator<XNode> {
  // A stack rather than nested generators, whose cost grows with the depth of every element.
  const stack: XNode[] = [...node.children].reverse();
  while (stack.length > 0) {
    const c = stack.pop()!;
    yield c;
    for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]!);
  }
}
