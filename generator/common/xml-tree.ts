/**
 * XML text to a tree of the caller's own nodes, each knowing where it starts. Parsing is strict (saxes): a
 * document that is not well-formed gives one XmlSyntaxFout with its line and column. The XMI and the MIM-XML
 * import share this and differ only in how they name elements and attributes.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** Why the text is no XML document, and where. */
export interface XmlSyntaxFout {
  line: number;
  column: number;
  /** saxes's message without its own file:line:col prefix. */
  message: string;
  /** The document ended with elements still open: it may have been cut short. */
  open: boolean;
  /** The parser stopped at the end of the text. */
  aanHetEind: boolean;
}

export interface XmlBoom<N> {
  /** A node for an opened element, starting at `start`, below `parent` (undefined for the root). */
  element(tag: SaxesTagNS, start: { line: number; column: number }, parent: N | undefined): N;
  /** Text or CDATA directly inside `node`. */
  tekst(node: N, t: string): void;
}

/** The root node, undefined for text without an element, or the syntax error that stopped the parser. */
export function parseXmlTree<N extends { children: N[] }>(
  text: string,
  file: string,
  boom: XmlBoom<N>,
): { root?: N; fout?: XmlSyntaxFout } {
  const parser = new SaxesParser({ xmlns: true, position: true, fileName: file });
  const stack: N[] = [];
  let root: N | undefined;
  let start = { line: 1, column: 1 };
  parser.on('opentagstart', (tag) => {
    start = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) };
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = stack[stack.length - 1];
    const node = boom.element(tag, start, parent);
    if (parent) parent.children.push(node);
    else root ??= node;
    stack.push(node);
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) boom.tekst(top, t);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (e) => {
    throw e;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    return {
      fout: {
        line: parser.line,
        column: Math.max(1, parser.column),
        message: (e as Error).message.replace(/^[^:]*:\d+:\d+: /, ''),
        open: stack.length > 0,
        aanHetEind: parser.position >= text.length - 1,
      },
    };
  }
  return { root };
}
