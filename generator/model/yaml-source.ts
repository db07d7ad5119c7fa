import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
} from 'yaml';
import { snelLezen } from './yaml-snel.ts';
import { Findings, positionOfByte, UnreadableInput, type Position } from '../diagnostics/findings.ts';

/** Where model files come from. The CLI gives the file system; tests may give memory. */
export interface SourceReader {
  /** The names (not paths) of the `.yaml` files directly in a folder, or undefined when it is no folder. */
  listYaml(dir: string): string[] | undefined;
  /** The bytes of a file, or undefined when there is no such file. */
  read(path: string): Uint8Array | undefined;
}

export type YamlPath = readonly (string | number)[];

/** Where the values of one file start: an offset into its text for a path, undefined where there is none. */
interface Plaatsbepaling {
  offset(path: YamlPath, key: boolean): number | undefined;
}

/** One parsed YAML file that can say where any of its values stands. */
export class YamlFile {
  constructor(
    readonly path: string,
    private readonly lines: LineCounter,
    private readonly plaatsen: Plaatsbepaling,
    /** The plain data, or undefined where the document could not be turned into data. */
    readonly data: unknown,
  ) {}

  /** Position of the value at `path`; with `key`, of the key that holds it. Falls back to the nearest parent. */
  position(path: YamlPath, key = false): Position {
    for (let n = path.length; n >= 0; n--) {
      const at = this.plaatsen.offset(n === path.length ? path : path.slice(0, n), key && n === path.length);
      if (at !== undefined) {
        const { line, col } = this.lines.linePos(at);
        return { file: this.path, line, column: col };
      }
    }
    return { file: this.path, line: 1, column: 1 };
  }
}

/** The yaml library's line counter for a text it did not parse itself (js-yaml read it): every line's start. */
function lineCounter(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** Where values stand in a document of the yaml library: the careful way, for every file the fast way declines. */
class DocumentPlaatsen implements Plaatsbepaling {
  constructor(private readonly doc: Document.Parsed) {}

  offset(path: YamlPath, key: boolean): number | undefined {
    if (path.length === 0) return this.doc.contents?.range?.[0] ?? 0;
    const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && sameKey(p.key, last!));
      if (!pair) return undefined;
      const node = key ? pair.key : pair.value;
      // An empty value (`naam:`) has no text of its own; point at its key instead.
      const empty = isScalar(node) && node.range && node.range[0] === node.range[1];
      if (isNode(node) && node.range && !empty) return node.range[0];
      if (isNode(pair.key) && pair.key.range) return pair.key.range[0];
      return undefined;
    }
    if (isSeq(parent) && typeof last === 'number') {
      const item = parent.items[last];
      if (isNode(item) && item.range) return item.range[0];
    }
    return undefined;
  }
}

/** Whether a key node is the key the data has; a collection as key (`? [a, b]`) becomes text there. */
function sameKey(key: unknown, name: string | number): boolean {
  if (isScalar(key)) return String(key.value) === String(name);
  const bare = (s: string) => s.replace(/[\s"']/g, '');
  return isNode(key) && bare(JSON.stringify(key.toJSON())) === bare(String(name));
}

const MAX_DEPTH = 200;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Parses one YAML file, reporting syntax problems as findings. Throws UnreadableInput for bytes that are
 * not UTF-8 text, so that the caller can exit with 2.
 */
export function parseYamlFile(
  path: string,
  bytes: Uint8Array,
  findings: Findings,
  /** false: the yaml library only, not js-yaml first (the tests compare the two). */
  snel = true,
): YamlFile | undefined {
  if (bytes.length > MAX_FILE_BYTES) {
    // Parsing takes about half a second a megabyte; the largest real model file is a few dozen kilobytes.
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    findings.error(
      { file: path, line: 1, column: 1 },
      'file-too-large',
      `the file is ${mb(bytes.length)}, more than a model file may be (${mb(MAX_FILE_BYTES)}); split the model over several files`,
    );
    return undefined;
  }
  const text = decodeText(path, bytes);
  if (text.trim() === '') {
    findings.error({ file: path, line: 1, column: 1 }, 'empty-file', 'the file is empty; give it content or remove it');
    return undefined;
  }
  const gelezen = snel ? snelLezen(text) : undefined;
  if (gelezen) return new YamlFile(path, lineCounter(text), gelezen.index, gelezen.data);
  const lines = new LineCounter();
  // logLevel error: the library's warnings (a collection as key) would reach stderr as process warnings.
  const doc = metGewoneEnv(() =>
    parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' }),
  );
  let syntaxOk = true;
  const errorLines = new Set<number>();
  for (const e of doc.errors) {
    // Without prettyErrors the errors carry only offsets; the line counter turns them into positions.
    const { line, col: column } = lines.linePos(syntaxOffset(text, e.code, e.message, e.pos[0]));
    syntaxOk = false;
    // The parser often follows one mistake with more errors on the same line; the first says it best.
    if (errorLines.has(line)) continue;
    errorLines.add(line);
    if (e.code === 'RESOURCE_EXHAUSTION') {
      // The parser ran out of stack: nesting far deeper than any model.
      findings.error(
        { file: path, line, column },
        'too-deep',
        `the YAML nests too deeply to read (more than ${MAX_DEPTH} levels); a model never needs that`,
      );
      break;
    } else if (e.code === 'DUPLICATE_KEY') {
      const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*)/.exec(text.slice(e.pos[0]))![0].trim();
      findings.error(
        { file: path, line, column },
        'duplicate-key',
        `the key ${JSON.stringify(key)} appears twice in this mapping; remove or rename one of them`,
      );
    } else if (e.code === 'MULTIPLE_DOCS') {
      findings.error(
        { file: path, line, column },
        'yaml-syntax',
        'the file holds a second YAML document (after ---); a model file holds one',
      );
    } else if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY') {
      findings.error(
        { file: path, line, column },
        'yaml-syntax',
        `${firstLine(e.message)}; check the indentation of the lines that follow`,
      );
    } else {
      findings.error({ file: path, line, column }, 'yaml-syntax', `${firstLine(e.message)}; fix the YAML syntax`);
    }
  }
  for (const w of doc.warnings) {
    const { line, col: column } = lines.linePos(w.pos[0]);
    findings.warning({ file: path, line, column }, 'yaml-warning', firstLine(w.message));
  }
  if (!syntaxOk) return new YamlFile(path, lines, new DocumentPlaatsen(doc), undefined);
  if (doc.contents === null) {
    findings.error(
      { file: path, line: 1, column: 1 },
      'empty-file',
      'the file holds only comments; give it content or remove it',
    );
    return undefined;
  }
  const deep = tooDeep(doc.contents, 0);
  if (deep !== undefined) {
    const { line, col: column } = lines.linePos(deep);
    findings.error(
      { file: path, line, column },
      'too-deep',
      `the YAML nests more than ${MAX_DEPTH} levels deep here; a model never needs that`,
    );
    return new YamlFile(path, lines, new DocumentPlaatsen(doc), undefined);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const message = firstLine(String((e as Error).message));
    const { line, col: column } = lines.linePos(aliasOffset(doc));
    if (/excessive alias count/i.test(message)) {
      findings.error(
        { file: path, line, column },
        'too-many-aliases',
        'the aliases (*name) here expand to too many values (an alias bomb?); write the values out',
      );
    } else {
      findings.error({ file: path, line, column }, 'yaml-syntax', `${message}; fix the YAML`);
    }
    return new YamlFile(path, lines, new DocumentPlaatsen(doc), undefined);
  }
  return new YamlFile(path, lines, new DocumentPlaatsen(doc), data);
}

/**
 * Runs `f` with process.env as a plain object. The yaml library looks up process.env.LOG_TOKENS for every
 * token it reads and LOG_STREAM for every node, and each lookup in the real process.env asks the operating
 * system's environment: a fifth of the time a large model file took to parse (0.1 s of the 0.5 s for the
 * 1.2 MB of the benchmark's model of 500 objecttypen). Parsing is synchronous, so nothing else sees the copy.
 */
function metGewoneEnv<T>(f: () => T): T {
  const env = process.env;
  process.env = { ...env };
  try {
    return f();
  } finally {
    process.env = env;
  }
}

/**
 * The parser reports an unclosed quote or flow collection where it ran out of text; the place to fix is
 * where it was opened, so look back for the opening character.
 */
function syntaxOffset(text: string, code: string, message: string, offset: number): number {
  let opener: number | undefined;
  if (code === 'RESOURCE_EXHAUSTION') opener = tooDeepFlow(text);
  else if (/missing closing "quote/i.test(message)) opener = openingQuote(text, offset, '"');
  else if (/missing closing 'quote/i.test(message)) opener = openingQuote(text, offset, "'");
  else if (/flow sequence/i.test(message)) opener = openingBracket(text, offset, '[', ']');
  else if (/flow map/i.test(message)) opener = openingBracket(text, offset, '{', '}');
  return opener ?? offset;
}

/** The quoted scalar runs up to `offset`, so its opening quote is the last one before that is not escaped. */
function openingQuote(text: string, offset: number, quote: string): number | undefined {
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"' && /(^|[^\\])(\\\\)*\\$/.test(text.slice(Math.max(0, i - 16), i))) continue;
    if (quote === "'" && text[i - 1] === "'") {
      i--;
      continue;
    }
    return i;
  }
  return undefined;
}

/** Where flow collections ([ and {) first nest deeper than MAX_DEPTH: the stack overflow itself happens wherever it happens. */
function tooDeepFlow(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** The nearest bracket before `offset` that is not closed before it. */
function openingBracket(text: string, offset: number, open: string, close: string): number | undefined {
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open && depth-- === 0) return i;
  }
  return undefined;
}

/** Where toJS gave up: the first alias without an anchor before it, else the first alias (an alias bomb). */
function aliasOffset(doc: Document.Parsed): number {
  const anchors = new Set<string>();
  let first: number | undefined;
  let unresolved: number | undefined;
  visit(doc, {
    Node(_, node) {
      if (!isAlias(node)) {
        if (node.anchor) anchors.add(node.anchor);
        return undefined;
      }
      first ??= node.range?.[0];
      if (anchors.has(node.source)) return undefined;
      unresolved = node.range?.[0];
      return visit.BREAK;
    },
  });
  return unresolved ?? first ?? 0;
}

/** The offset of the first node nested deeper than MAX_DEPTH, keys included, or undefined. */
function tooDeep(node: unknown, depth: number): number | undefined {
  if (!isNode(node)) return undefined;
  if (depth > MAX_DEPTH) return node.range?.[0] ?? 0;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      const found = isPair(item)
        ? (tooDeep(item.key, depth + 1) ?? tooDeep(item.value, depth + 1))
        : tooDeep(item, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function decodeText(path: string, bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new UnreadableInput(
      positionOfByte(path, bytes, nul),
      'the file holds binary data (a NUL byte), not YAML text',
    );
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new UnreadableInput(
      positionOfByte(path, bytes, firstInvalidUtf8(bytes)),
      'the file is not valid UTF-8; save it as UTF-8',
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest prefix that fails to decode.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // A sequence left unfinished fails only on the byte after it: the problem starts at its lead byte.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, lo));
  } catch {
    lo--;
    while (lo > 0 && (bytes[lo]! & 0xc0) === 0x80) lo--;
  }
  return lo;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
