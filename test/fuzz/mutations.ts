/**
 * Mutations of XML files for robustness tests: bytes in, mutated bytes out, each with its kind and what was
 * done, drawn from a seeded generator so that a run can be repeated (FUZZ_SEED). Format-independent: it
 * knows XML (elements, attributes, the declaration), not XMI or MIM-XML, so any XML importer's tests can use
 * it. Elements and attributes are found on the bytes read as latin1, which keeps every byte as it was (a
 * cut may fall inside a multi-byte character, as a real truncation may).
 *
 *   const cases = mutations(bytes, 100, seed);   // or mutate(bytes, random(seed)) one at a time
 */

export const MUTATION_KINDS = [
  'truncate',
  'drop-element',
  'duplicate-element',
  'wrong-idref',
  'garbage-attribute',
  'wrong-encoding',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Mutation {
  kind: MutationKind;
  /** What was done, enough to redo it by hand: offsets, names, values. */
  description: string;
  bytes: Uint8Array;
}

/** The seed of a run: FUZZ_SEED when set (to repeat a run), else a fixed one. */
export function seedFromEnv(fallback: number): number {
  const given = process.env.FUZZ_SEED;
  return given !== undefined && /^\d+$/.test(given) ? Number(given) : fallback;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` mutations of `bytes`, the kinds taken in turn so that each is equally present. */
export function mutations(
  bytes: Uint8Array,
  count: number,
  seed: number,
  kinds: readonly MutationKind[] = MUTATION_KINDS,
): Mutation[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => mutate(bytes, next, kinds[i % kinds.length]!));
}

/** One mutation of the given kind (else one drawn at random). */
export function mutate(bytes: Uint8Array, next: () => number, kind?: MutationKind): Mutation {
  const k = kind ?? pick(next, MUTATION_KINDS);
  const text = latin1(bytes);
  switch (k) {
    case 'truncate': {
      // a cut that takes more than trailing white space
      const at = Math.floor(next() * text.trimEnd().length);
      return { kind: k, description: `cut after byte ${at} of ${text.length}`, bytes: bytesOf(text.slice(0, at)) };
    }
    case 'drop-element': {
      const e = pickElement(text, next);
      if (!e) return mutate(bytes, next, 'truncate');
      return {
        kind: k,
        description: `dropped <${e.name}> at byte ${e.start}`,
        bytes: bytesOf(text.slice(0, e.start) + text.slice(e.end)),
      };
    }
    case 'duplicate-element': {
      const e = pickElement(text, next);
      if (!e) return mutate(bytes, next, 'truncate');
      return {
        kind: k,
        description: `duplicated <${e.name}> at byte ${e.start}`,
        bytes: bytesOf(text.slice(0, e.end) + text.slice(e.start, e.end) + text.slice(e.end)),
      };
    }
    case 'wrong-idref': {
      const refs = references(text);
      if (refs.length === 0) return mutate(bytes, next, 'garbage-attribute');
      const r = pick(next, refs);
      const ids = [...new Set(refs.map((x) => x.value))];
      const choice = next();
      const value =
        choice < 0.4 ? pick(next, ids) : choice < 0.8 ? `FUZZ_${Math.floor(next() * 1e6)}` : choice < 0.9 ? '' : ' ';
      return {
        kind: k,
        description: `${r.name}="${r.value}" at byte ${r.start} made "${value}"`,
        bytes: bytesOf(text.slice(0, r.start) + value + text.slice(r.start + r.value.length)),
      };
    }
    case 'garbage-attribute': {
      const tags = startTags(text);
      if (tags.length === 0) return mutate(bytes, next, 'truncate');
      const t = pick(next, tags);
      const value = garbage(next);
      const attrs = [...t.attrs];
      if (attrs.length > 0 && next() < 0.6) {
        const a = pick(next, attrs);
        return {
          kind: k,
          description: `${a.name}="${a.value}" at byte ${a.start} made "${value}"`,
          bytes: bytesOf(text.slice(0, a.start) + value + text.slice(a.start + a.value.length)),
        };
      }
      const name = pick(next, ['fuzz', 'name', 'xmi:id', 'xmi:type', 'value', 'lower', 'upper', 'fuzz:x']);
      const at = t.start + 1 + t.name.length;
      return {
        kind: k,
        description: `added ${name}="${value}" to <${t.name}> at byte ${t.start}`,
        bytes: bytesOf(`${text.slice(0, at)} ${name}="${value}"${text.slice(at)}`),
      };
    }
    case 'wrong-encoding':
      return wrongEncoding(bytes, text, next);
  }
}

// ----- encodings -----

function wrongEncoding(bytes: Uint8Array, text: string, next: () => number): Mutation {
  const k = 'wrong-encoding' as const;
  const variant = Math.floor(next() * 7);
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const declared = /^(\uFEFF?<\?xml[^>]*?encoding\s*=\s*["'])([^"']*)(["'])/.exec(text);
  switch (variant) {
    case 0:
      return { kind: k, description: 'UTF-16LE without a byte order mark', bytes: utf16le(utf8, false) };
    case 1:
      return { kind: k, description: 'UTF-16LE with a byte order mark', bytes: utf16le(utf8, true) };
    case 2: {
      // what was written as UTF-8 read back and written as windows-1252, the declaration left as it was
      const chars = [...utf8].map((c) => (c.charCodeAt(0) < 256 ? c : '?')).join('');
      const isUtf8 = !declared || /^utf-?8$/i.test(declared[2]!);
      if (isUtf8 && chars !== text)
        return { kind: k, description: 'written as latin1, declaration unchanged', bytes: bytesOf(chars) };
      const at = Math.floor(next() * text.length);
      return {
        kind: k,
        description: `byte e9 (latin1 é) put at byte ${at}`,
        bytes: bytesOf(`${text.slice(0, at)}\xe9${text.slice(at)}`),
      };
    }
    case 3: {
      const label = pick(next, ['klingon-8', 'UTF-16', 'EBCDIC-US', 'ISO-8859-5', 'UTF-32', '']);
      if (!declared) {
        const out = `<?xml version="1.0" encoding="${label}"?>\n${text}`;
        return { kind: k, description: `a declaration with encoding "${label}" added`, bytes: bytesOf(out) };
      }
      const out = text.replace(declared[0], `${declared[1]}${label}${declared[3]}`);
      return { kind: k, description: `declared encoding "${declared[2]}" made "${label}"`, bytes: bytesOf(out) };
    }
    case 4: {
      const at = Math.floor(next() * text.length);
      const bad = pick(next, ['\xff', '\xc3', '\xe2\x82', '\x80', '\xfe\xff']);
      return {
        kind: k,
        description: `bytes ${[...bad].map((c) => c.charCodeAt(0).toString(16)).join(' ')} put at byte ${at}`,
        bytes: bytesOf(text.slice(0, at) + bad + text.slice(at)),
      };
    }
    case 5: {
      const at = Math.floor(next() * text.length);
      return {
        kind: k,
        description: `a NUL byte put at byte ${at}`,
        bytes: bytesOf(`${text.slice(0, at)}\0${text.slice(at)}`),
      };
    }
    default:
      return {
        kind: k,
        description: 'a UTF-16BE byte order mark before UTF-8 bytes',
        bytes: bytesOf(`\xfe\xff${text}`),
      };
  }
}

function utf16le(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

// ----- XML, found on the text -----

interface Attr {
  name: string;
  value: string;
  /** Offset of the value (after the quote). */
  start: number;
}

interface Tag {
  name: string;
  start: number;
  end: number;
  selfClosing: boolean;
  attrs: Attr[];
}

const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function startTags(text: string): Tag[] {
  return tags(text).filter((t) => t.start >= 0 && !t.closing) as Tag[];
}

function tags(text: string): (Tag & { closing: boolean })[] {
  const result: (Tag & { closing: boolean })[] = [];
  for (const m of text.matchAll(TAG)) {
    const start = m.index;
    const attrs: Attr[] = [];
    const attrText = m[3] ?? '';
    const attrOffset = start + 1 + m[1]!.length + m[2]!.length;
    for (const a of attrText.matchAll(ATTR)) {
      const value = a[3] ?? a[4] ?? '';
      attrs.push({ name: a[1]!, value, start: attrOffset + a.index + a[0].indexOf(a[2]!) + 1 });
    }
    result.push({
      name: m[2]!,
      start,
      end: start + m[0].length,
      selfClosing: m[4] === '/',
      closing: m[1] === '/',
      attrs,
    });
  }
  return result;
}

/** Every element but the root, with its extent (start tag to end tag). */
function elements(text: string): { name: string; start: number; end: number }[] {
  const result: { name: string; start: number; end: number }[] = [];
  const stack: Tag[] = [];
  for (const t of tags(text)) {
    if (t.closing) {
      const open = stack.pop();
      if (open && stack.length > 0) result.push({ name: open.name, start: open.start, end: t.end });
    } else if (t.selfClosing) {
      if (stack.length > 0) result.push({ name: t.name, start: t.start, end: t.end });
    } else stack.push(t);
  }
  return result;
}

function pickElement(text: string, next: () => number) {
  const list = elements(text);
  return list.length > 0 ? pick(next, list) : undefined;
}

/** Attributes whose value is an id of the file or names one (idref, type, general, base_…, memberEnd …). */
function references(text: string): Attr[] {
  const all = tags(text).flatMap((t) => t.attrs);
  const isId = (a: Attr) => /(^|:)id$/i.test(a.name);
  const ids = new Set(all.filter((a) => isId(a) && a.value !== '').map((a) => a.value));
  const REF = /(^|:)(idref|ref|type|general|association|memberEnd|supplier|client|classifier)$|^base_/i;
  return all.filter((a) => !isId(a) && a.name !== 'xmi:type' && (ids.has(a.value) || REF.test(a.name)));
}

// ----- values -----

function garbage(next: () => number): string {
  return pick(next, [
    '',
    ' ',
    '-1',
    '*',
    '0',
    '99999999999999999999',
    'NaN',
    '1..0',
    'uml:Nothing',
    'EAJava_Onbekend',
    '&amp;&lt;&gt;&quot;',
    '&#x0;',
    '&undefined;',
    '\u00e9\u00eb\u00ef',
    'x'.repeat(2000),
    '<',
    '"',
    '{}[]()$^|\\',
  ]);
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function bytesOf(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}

/**
 * The findings a command printed on stderr as `<file>:line:col  severity  rule  message`, and a problem for
 * every line that is not positioned so or points outside the file (`bytes`). `command` is the CLI's own
 * prefix for its summary lines (`mimgen import: `), which carry no position.
 */
export function positionedFindings(
  stderr: string,
  file: string,
  bytes: Uint8Array,
  command: string,
): { findings: string[]; problems: string[] } {
  const lines = 1 + bytes.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0);
  const findings: string[] = [];
  const problems: string[] = [];
  const prefix = `${file}:`;
  for (const line of stderr.split('\n')) {
    if (line === '' || line.startsWith(command)) continue;
    const m = /^(\d+):(\d+) {2}(error|warning) {2}([a-z-]+) {2}(.+)$/.exec(
      line.startsWith(prefix) ? line.slice(prefix.length) : '',
    );
    if (!m) {
      problems.push(`not positioned: ${line.slice(0, 300)}`);
      continue;
    }
    const [l, c] = [Number(m[1]), Number(m[2])];
    if (l < 1 || c < 1 || l > lines) problems.push(`position ${l}:${c} outside the file (${lines} lines): ${line}`);
    findings.push(`${m[3]} ${m[4]} ${m[5]}`);
  }
  return { findings, problems };
}
