/**
 * A small XML writer for the MIM-XML export: elements as data, written with two spaces of indentation, LF line
 * endings and nothing that depends on the run (no timestamps). Text is escaped so that it reads back as written:
 * `&`, `<`, `>` and a carriage return (which XML would otherwise turn into a line feed) in text, and quotes and
 * white space other than a space in attribute values.
 */

export interface XmlElement {
  name: string;
  attrs?: [string, string][];
  /** Text content; an element with neither text nor children is written empty (`<x/>`). */
  text?: string;
  children?: XmlElement[];
}

export function el(name: string, content?: string | XmlElement[], attrs?: [string, string][]): XmlElement {
  return typeof content === 'string' ? { name, text: content, attrs } : { name, children: content, attrs };
}

export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[c]!);
}

export function escapeAttribute(text: string): string {
  return text.replace(
    /[&<>"\r\n\t]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' })[c]!,
  );
}

/** The document: the XML declaration and the root element, ending with a line feed. */
export function writeXml(root: XmlElement): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', lines);
  return `${lines.join('\n')}\n`;
}

function write(e: XmlElement, indent: string, lines: string[]): void {
  const attrs = (e.attrs ?? []).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  const children = e.children ?? [];
  if (children.length > 0) {
    lines.push(`${indent}<${e.name}${attrs}>`);
    for (const c of children) write(c, `${indent}  `, lines);
    lines.push(`${indent}</${e.name}>`);
  } else if (e.text !== undefined && e.text !== '') {
    lines.push(`${indent}<${e.name}${attrs}>${escapeText(e.text)}</${e.name}>`);
  } else {
    lines.push(`${indent}<${e.name}${attrs}/>`);
  }
}
