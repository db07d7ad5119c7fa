import { decodeHTML } from 'entities';

/**
 * Plain text from model text that may hold HTML as EA and the published documents write it: entities become
 * characters, list items become "- " lines, other tags go. Used wherever text lands outside HTML.
 */
export function plainText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const withLists = text
    .replace(/\r\n?/g, '\n')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<\/(li|ul|ol|p)>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(ul|ol|p|b|i|u|strong|em|span|font)[^>]*>/gi, '');
  return decodeHTML(withLists)
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** JSON as every generated JSON file is written: two spaces, a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
