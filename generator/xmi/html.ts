/**
 * Enterprise Architect keeps notes as a small subset of HTML with real line breaks: <b>, <i>, <u>,
 * <ul>/<ol>/<li>, <font>, <a href="$inet://...">, and entities. This turns them into Markdown: entities
 * decoded, lists as `- ` (or `1. `) lines, bold as `**`, italics as `_`, links as [text](url).
 */
import { Parser } from 'htmlparser2';

/** The tags of bold and italics, with the Markdown that opens and closes them alike. */
const EMPHASIS: Record<string, string> = { b: '**', strong: '**', i: '_', em: '_' };

interface ListState {
  ordered: boolean;
  count: number;
}

export function htmlToMarkdown(html: string | undefined): string | undefined {
  if (html === undefined) return undefined;
  const source = html.replace(/\r\n?/g, '\n');
  let out = '';
  const lists: ListState[] = [];
  const links: (string | undefined)[] = [];
  let inItem = 0;
  const newline = () => {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (Object.hasOwn(EMPHASIS, name)) {
          out += EMPHASIS[name];
          return;
        }
        switch (name) {
          case 'br':
            out += '\n';
            break;
          case 'p':
          case 'div':
            newline();
            break;
          case 'ul':
          case 'ol':
            newline();
            lists.push({ ordered: name === 'ol', count: 0 });
            break;
          case 'li': {
            newline();
            const list = lists[lists.length - 1] ?? { ordered: false, count: 0 };
            list.count++;
            const indent = '  '.repeat(Math.max(0, lists.length - 1));
            out += `${indent}${list.ordered ? `${list.count}.` : '-'} `;
            inItem++;
            break;
          }
          case 'a': {
            const href = attrs.href?.replace(/^\$inet:\/\//, '');
            const usable = href && /^(https?|mailto):/i.test(href) ? href : undefined;
            links.push(usable);
            if (usable) out += '[';
            break;
          }
          default:
            break;
        }
      },
      ontext(text) {
        // Inside a list the line breaks and tabs between the tags only lay out the HTML source.
        if (lists.length > 0 && /^\s*$/.test(text)) return;
        out += inItem > 0 ? text.replace(/\s*\n\s*/g, ' ') : text;
      },
      onclosetag(name) {
        if (Object.hasOwn(EMPHASIS, name)) {
          out += EMPHASIS[name];
          return;
        }
        switch (name) {
          case 'p':
          case 'div':
            newline();
            break;
          case 'ul':
          case 'ol':
            lists.pop();
            newline();
            break;
          case 'li':
            inItem = Math.max(0, inItem - 1);
            newline();
            break;
          case 'a': {
            const href = links.pop();
            if (href) out += `](${href})`;
            break;
          }
          default:
            break;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(source);
  parser.end();
  const text = out
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\*\*(\s*)\*\*/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text === '' ? undefined : text;
}
