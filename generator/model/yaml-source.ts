import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { Findings, UnreadableInput, type Positie } from './findings.ts';

/** Where model files come from. The CLI gives the file system; tests may give memory. */
export interface SourceReader {
  /** The names (not paths) of the `.yaml` files directly in a folder, or undefined when it is no folder. */
  listYaml(dir: string): string[] | undefined;
  /** The bytes of a file, or undefined when there is no such file. */
  read(path: string): Uint8Array | undefined;
}

export type YamlPath = readonly (string | number)[];

/** One parsed YAML file that can say where any of its values stands. */
export class YamlFile {
  constructor(
    readonly path: string,
    readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    /** The plain data, or undefined where the document could not be turned into data. */
    readonly data: unknown,
  ) {}

  /** Position of the value at `path`; with `key`, of the key that holds it. Falls back to the nearest parent. */
  positie(path: YamlPath, key = false): Positie {
    for (let n = path.length; n >= 0; n--) {
      const at = this.nodeAt(path.slice(0, n), key && n === path.length);
      if (at) return this.offset(at);
    }
    return { file: this.path, line: 1, column: 1 };
  }

  private nodeAt(path: YamlPath, key: boolean): number | undefined {
    if (path.length === 0) return this.doc.contents?.range?.[0] ?? 0;
    const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(last));
      if (!pair) return undefined;
      const node = key ? pair.key : pair.value;
      if (isNode(node) && node.range) return node.range[0];
      if (isNode(pair.key) && pair.key.range) return pair.key.range[0];
      return undefined;
    }
    if (isSeq(parent) && typeof last === 'number') {
      const item = parent.items[last];
      if (isNode(item) && item.range) return item.range[0];
    }
    return undefined;
  }

  private offset(offset: number): Positie {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.path, line, column: col };
  }
}

const MAX_DEPTH = 200;

/**
 * Parses one YAML file, reporting syntax problems as findings. Throws UnreadableInput for bytes that are
 * not UTF-8 text, so that the caller can exit with 2.
 */
export function parseYamlFile(path: string, bytes: Uint8Array, findings: Findings): YamlFile | undefined {
  const text = decodeText(path, bytes);
  if (text.trim() === '') {
    findings.error({ file: path, line: 1, column: 1 }, 'empty-file', 'the file is empty; give it content or remove it');
    return undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  let syntaxOk = true;
  for (const e of doc.errors) {
    const [line, column] = e.linePos?.[0] ? [e.linePos[0].line, e.linePos[0].col] : [1, 1];
    const duplicate = e.code === 'DUPLICATE_KEY';
    findings.error(
      { file: path, line, column },
      duplicate ? 'duplicate-key' : 'yaml-syntax',
      duplicate ? `${firstLine(e.message)}; remove or rename one of them` : `${firstLine(e.message)}; fix the YAML syntax`,
    );
    syntaxOk = false;
  }
  for (const w of doc.warnings) {
    const [line, column] = w.linePos?.[0] ? [w.linePos[0].line, w.linePos[0].col] : [1, 1];
    findings.warning({ file: path, line, column }, 'yaml-warning', firstLine(w.message));
  }
  if (!syntaxOk) return new YamlFile(path, doc, lines, undefined);
  const depth = nodeDepth(doc.contents, 0);
  if (depth > MAX_DEPTH) {
    findings.error({ file: path, line: 1, column: 1 }, 'too-deep', `the YAML nests more than ${MAX_DEPTH} levels deep; a model never needs that`);
    return new YamlFile(path, doc, lines, undefined);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    findings.error({ file: path, line: 1, column: 1 }, 'yaml-syntax', `${firstLine(String((e as Error).message))}; fix the YAML`);
    return new YamlFile(path, doc, lines, undefined);
  }
  return new YamlFile(path, doc, lines, data);
}

function nodeDepth(node: unknown, depth: number): number {
  if (depth > MAX_DEPTH) return depth;
  let max = depth;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      const child = isPair(item) ? item.value : item;
      max = Math.max(max, nodeDepth(child as Node | null, depth + 1));
      if (max > MAX_DEPTH) break;
    }
  }
  return max;
}

function decodeText(path: string, bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new UnreadableInput(positionOfByte(path, bytes, nul), 'the file holds binary data (a NUL byte), not YAML text');
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new UnreadableInput(positionOfByte(path, bytes, firstInvalidUtf8(bytes)), 'the file is not valid UTF-8; save it as UTF-8');
  }
}

function positionOfByte(path: string, bytes: Uint8Array, index: number): Positie {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file: path, line, column: index - lineStart + 1 };
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
  return lo;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
