import { decodeHTML } from 'entities';

/**
 * Plain text from model text that may hold HTML as EA and the published documents write it: entities become
 * characters, list items become "- " lines, other tags go. Used wherever text lands outside HTML.
 */
export function plainText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  // Most model text is plain already: one check instead of seven passes.
  if (!/[<&\r]|[ \t]\n|\n\n\n/.test(text)) return text.trim();
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

/**
 * A pure function of one string, remembered: the emitters turn the same names and definitions into text many
 * times (a type name in every table that uses it). Forgets all after `max` distinct inputs, so that a
 * long-running process does not grow without bound.
 */
export function memoize<T>(f: (text: string) => T, max = 100_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let uit = cache.get(text);
    if (uit === undefined && !cache.has(text)) {
      if (cache.size >= max) cache.clear();
      uit = f(text);
      cache.set(text, uit);
    }
    return uit as T;
  };
}
