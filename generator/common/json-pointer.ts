/** JSON pointers (RFC 6901): what the messages, the schemas, the diff and the findings use to name a place in JSON. */

/** A name as a pointer segment: `~` and `/` escaped. */
export function pointerSegment(naam: string): string {
  return naam.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A pointer segment as the name it stands for. */
export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A pointer as a path of keys and array indexes (a segment of digits is an index). */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map(unescapeSegment)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
