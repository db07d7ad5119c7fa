/**
 * Renders the generated documentation the way the MkDocs site does, closely enough to check its structure:
 * markdown-it (CommonMark + tables, raw HTML allowed as Python-Markdown allows it) with two additions that
 * stand in for the MkDocs extensions the pages use:
 *
 * - `attr_list` on headings: `## Titel {#anker}` gives the heading that id (only a `{#...}` at the end of
 *   the heading's source, so escaped braces `\{` in the text never count, as in Python-Markdown);
 * - `admonition` and `pymdownx.details`: a `!!! type "titel"` or `??? type "titel"` line with a body indented
 *   by four spaces becomes `<div class="admonition type">` or `<details class="type">` around the body,
 *   which is rendered as Markdown in its own right.
 *
 * The HTML is then parsed (node-html-parser), so tests look at elements rather than grep text.
 */
import MarkdownIt from 'markdown-it';
import { HTMLElement, parse } from 'node-html-parser';
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import type { Uitwisselmodel } from '../../generator/derive/types.ts';
import { loadModel } from '../../generator/pipeline.ts';

const md = new MarkdownIt({ html: true });

md.core.ruler.after('block', 'heading-anker', (state) => {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length - 1; i++) {
    const open = tokens[i];
    const inline = tokens[i + 1];
    if (open?.type !== 'heading_open' || inline?.type !== 'inline') continue;
    const m = /\s+\{#([A-Za-z0-9_-]+)\}\s*$/.exec(inline.content);
    if (!m) continue;
    open.attrSet('id', m[1] ?? '');
    inline.content = inline.content.slice(0, m.index);
  }
});

/** Admonitions and collapsible blocks as HTML around their (dedented) Markdown body. */
export function admonities(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const m = /^(!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+"(.*)")?\s*$/.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] ?? '';
      if (l.startsWith('    ')) body.push(l.slice(4));
      else if (l.trim() === '') body.push('');
      else break;
    }
    const titel = md.renderInline(m[3] ?? m[2] ?? '');
    const inner = admonities(body.join('\n'));
    if (m[1] === '!!!')
      out.push(
        `<div class="admonition ${m[2]}">`,
        `<p class="admonition-title">${titel}</p>`,
        '',
        inner,
        '',
        '</div>',
        '',
      );
    else out.push(`<details class="${m[2]}">`, `<summary>${titel}</summary>`, '', inner, '', '</details>', '');
    i = j - 1;
  }
  return out.join('\n');
}

export function renderHtml(markdown: string): string {
  return md.render(admonities(markdown));
}

export function renderDom(markdown: string): HTMLElement {
  return parse(renderHtml(markdown));
}

/** The fenced code blocks of a page: their info string and content. */
export function codeBlokken(markdown: string): { info: string; content: string }[] {
  return md
    .parse(admonities(markdown), {})
    .filter((t) => t.type === 'fence')
    .map((t) => ({ info: t.info.trim(), content: t.content }));
}

/** A model folder loaded and derived; the test fails with the findings if it does not load. */
export function laadModel(folder: string): Uitwisselmodel {
  const loaded = loadModel(folder, fileSystemReader);
  if (!loaded.uitwisselmodel) throw new Error(`${folder} does not load: ${JSON.stringify(loaded.findings, null, 2)}`);
  return loaded.uitwisselmodel;
}

/** Mermaid's entity codes (#40;) back to characters. */
export function mermaidDecode(text: string): string {
  return text.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

/** The element children of a node (no text nodes). */
export function elementen(node: HTMLElement): HTMLElement[] {
  return node.childNodes.filter((n): n is HTMLElement => n instanceof HTMLElement);
}
