/**
 * Markdown for text that mimgen does not control (names and messages from a model, a schema or git), shared
 * by the diff, the changelog, init and the pull-request comment. The documentation's own escaping, which
 * knows where on a page text lands, is in emit/docs/escape.ts.
 */

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
