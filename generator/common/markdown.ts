/**
 * Markdown, in one place: escaping of model text for each place it lands in the generated documentation, and
 * (at the end) the two helpers for one-line foreign text that the diff, the changelog, init and the
 * pull-request comment use.
 *
 * Model text for the documentation. Model text may hold what
 * imported (EA) text holds: HTML entities, `<ul><li>` lists, `<br>`, line breaks; and anything a model author
 * types: `|`, `*`, `<script>`, `{{x}}`. Each function first turns the text into plain characters
 * ({@link plainText}), then escapes it for its target, so that text is always shown as the characters it
 * holds and never becomes markup.
 *
 * The target is MkDocs (Python-Markdown with the extensions listed in mkdocs-nav.yml) as well as any
 * CommonMark renderer. Only escapes that both understand are used: a backslash before the characters that
 * Python-Markdown lets be escaped (its core set plus `|` of the tables extension), numeric character
 * references for the rest.
 */
import { memoize, plainText } from './text.ts';

/** Characters that would start inline markup, each with what is written instead. */
const INLINE: Record<string, string> = {
  '\\': '\\\\',
  '`': '\\`',
  '*': '\\*',
  _: '\\_',
  '[': '\\[',
  ']': '\\]',
  '{': '\\{',
  '}': '\\}',
  '|': '\\|',
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
};

const WOORD = /^[\p{L}\p{N}]$/u;

/** The lines of a text as plain characters: entities decoded, HTML lists as `- ` lines, other tags gone. */
export function textLines(text: string | undefined): string[] {
  const plain = plainText(text);
  if (!plain) return [];
  return plain.split('\n').map((l) => l.trim());
}

/**
 * One line of plain text escaped for inline Markdown (a paragraph, a list item, a table cell, a link text);
 * in a heading also `#`, so that none closes it.
 */
function escapeLine(line: string, kop = false): string {
  return (
    line
      .replace(kop ? /[\\`*_[\]{}|<>&#]/g : /[\\`*_[\]{}|<>&]/g, (c, i: number) =>
        // An _ between two letters or digits (datum_opgepakt) starts or ends no emphasis in CommonMark or
        // Python-Markdown; it stays as it is, which keeps names readable and table-of-contents entries clean.
        c === '_' && WOORD.test(line.charAt(i - 1)) && WOORD.test(line.charAt(i + 1)) ? c : (INLINE[c] ?? `\\${c}`),
      )
      // Doubled ~ = ^ are strikethrough, mark and caret in common Markdown extensions (pymdownx, GFM).
      .replace(/~~|==|\^\^/g, (pair) => `&#${pair.charCodeAt(0)};`.repeat(2))
  );
}

/** Escapes what a line would start as a block: a heading, a list, a quote, an admonition, a rule. */
function escapeLineStart(line: string): string {
  const m = /^(\d+)([.)])/.exec(line);
  if (m) return `${m[1]}\\${m[2]}${line.slice(m[0].length)}`;
  const first = line.charAt(0);
  if ('#+-!'.includes(first)) return `\\${line}`;
  if ('=:?'.includes(first)) return `&#${first.charCodeAt(0)};${line.slice(1)}`;
  return line;
}

/** Inline Markdown on one line: line breaks in the text become spaces. */
export const mdInline = inline(' ');

/** The text of a heading: inline Markdown, and `#` escaped so that none closes the heading. */
export const mdKop = inline(' ', true);

/** A table cell: inline Markdown, the lines of the text kept apart by `<br>`. */
export const mdCel = inline('<br>');

/** The non-empty lines of a text, each escaped as inline Markdown, joined by `tussen`; remembered per text. */
function inline(tussen: string, kop = false): (text: string | undefined) => string {
  const opgemaakt = memoize((text: string) =>
    textLines(text)
      .filter((l) => l !== '')
      .map((l) => escapeLine(l, kop))
      .join(tussen),
  );
  return (text) => (text === undefined ? '' : opgemaakt(text));
}

/**
 * A block of Markdown: every line of the text its own paragraph, `- ` lines (from HTML lists or typed as
 * such) a Markdown list with a blank line before and after it, every line indented by `indent` spaces (for
 * the body of an admonition).
 */
export function mdBlok(text: string | undefined, indent = 0): string {
  const blocks: string[][] = [];
  let list: string[] | undefined;
  // Blank lines carry no meaning here (every line is a paragraph already), so they do not end a list.
  for (const line of textLines(text).filter((l) => l !== '')) {
    const item = /^[-•]\s+(.*)$/.exec(line);
    if (item) {
      if (!list) blocks.push((list = []));
      list.push(`- ${escapeLine(item[1] ?? '')}`);
      continue;
    }
    list = undefined;
    blocks.push([escapeLineStart(escapeLine(line))]);
  }
  const pad = ' '.repeat(indent);
  return blocks.map((b) => b.map((l) => pad + l).join('\n')).join('\n\n');
}

/** The title of an admonition or collapsible block, written between double quotes. */
export function mdTitel(text: string | undefined): string {
  return mdInline(text).replace(/"/g, '&quot;');
}

/** A link whose text comes from the model and whose target is an anchor the emitter made. */
export function mdLink(text: string | undefined, href: string): string {
  if (!/^[A-Za-z0-9._/-]*(#[A-Za-z0-9_-]+)?$/.test(href)) throw new Error(`unsafe link target ${href}`);
  return `[${mdInline(text)}](${href})`;
}

/**
 * A code span when the text allows one (no backtick, no `|`, one line: a code span in a table cell cannot
 * hold a `|` the same way in every Markdown dialect), escaped inline text otherwise.
 */
export function mdCodeOrInline(text: string): string {
  return /^[^`|\n\r]+$/.test(text) && text.trim() === text ? `\`${text}\`` : mdInline(text);
}

/** A fenced code block, the fence longer than any run of backticks in the text, every line indented. */
export function mdCodeBlok(text: string, taal: string, indent = 0): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const pad = ' '.repeat(indent);
  const body = text.replace(/\n$/, '').split('\n');
  return [`${fence}${taal}`, ...body, fence].map((l) => (l === '' ? l : pad + l)).join('\n');
}

/**
 * Text inside a Mermaid label or class member. Letters, digits, spaces and `,.'/_` stay as they are, and so do
 * `-` and `*` inside the text; everything else becomes a Mermaid entity code (`#40;` for `(`), which Mermaid
 * replaces before it parses the diagram and shows as the character. So no quote, bracket, brace, colon, `%%`,
 * `~`, `<<`, or leading or trailing `+-#~*$` can end a label, start a comment, a generic or a stereotype, turn
 * a member into a method or give it a classifier.
 */
export function mermaidTekst(text: string | undefined): string {
  const chars = [...mdPlainLine(text)];
  return chars
    .map((c, i) =>
      /^[\p{L}\p{N} ,.'/_]$/u.test(c) || (/^[-*]$/.test(c) && i > 0 && i < chars.length - 1)
        ? c
        : `#${c.codePointAt(0)};`,
    )
    .join('');
}

/** A YAML scalar: a JSON string is a valid YAML flow scalar. */
export function yamlTekst(text: string | undefined): string {
  return JSON.stringify(mdPlainLine(text));
}

function mdPlainLine(text: string | undefined): string {
  return textLines(text)
    .filter((l) => l !== '')
    .join(' ');
}

/**
 * Text safe inside a Markdown line that does not start with it: one line, and every character that can start
 * syntax there (emphasis, code, links, HTML, entities, tables, strikethrough, a closing heading sequence)
 * escaped.
 */
export function mdText(s: string): string {
  return s
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~#]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** A code span that holds any text on one line: the fence is longer than any run of backticks inside it. */
export function mdCodeSpan(s: string): string {
  const flat = s.replace(/\r?\n|\r/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((x) => x.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
