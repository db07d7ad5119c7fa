/**
 * The fast way to read a model file: js-yaml for the data, with an index of where every key and value starts,
 * built from js-yaml's parse events. The yaml library builds a whole document of nodes to say where things
 * are, which took 0.8 s of the 4.5 s that `generate` needed for a model of 1,000 objecttypen; js-yaml and
 * this index take a tenth of that.
 *
 * It reads only plain YAML, the YAML every model file is: no anchors, aliases or tags, no collection as a
 * key, numbers as YAML 1.2's core schema writes them, one document. Anything else, and every file that has
 * a mistake, gets undefined here, and parseYamlFile reads it with the yaml library as before, which says
 * precisely what is wrong. So the fast way only ever answers for a file both libraries read alike.
 */
import { CORE_SCHEMA, load, type LoadOptions, type State } from 'js-yaml';
import type { YamlPath } from './yaml-source.ts';

/** Where a mapping's keys and values start, or a sequence's items (offsets into the text). */
type Plaatsen = Map<string, { key: number; value: number | undefined }> | number[];

/** Where the values of one file stand, looked up by path through the data. */
export class SnelleIndex {
  constructor(
    private readonly data: unknown,
    private readonly root: number,
    private readonly plaatsen: WeakMap<object, Plaatsen>,
  ) {}

  /** The offset of the value at `path` (with `key`, of its key), as the yaml library's nodes would give it. */
  offset(path: YamlPath, key: boolean): number | undefined {
    if (path.length === 0) return this.root;
    let parent: unknown = this.data;
    for (const step of path.slice(0, -1)) {
      if (typeof parent !== 'object' || parent === null) return undefined;
      parent = (parent as Record<string, unknown>)[String(step)];
    }
    if (typeof parent !== 'object' || parent === null) return undefined;
    const plaatsen = this.plaatsen.get(parent);
    const last = path[path.length - 1]!;
    if (plaatsen instanceof Map) {
      const pair = plaatsen.get(String(last));
      if (!pair) return undefined;
      // An empty value (`naam:`) has no text of its own: the key stands for it, as in the yaml library.
      return key ? pair.key : (pair.value ?? pair.key);
    }
    return plaatsen && typeof last === 'number' ? plaatsen[last] : undefined;
  }
}

/** One node being read: where js-yaml began it, and its children so far. */
interface Open {
  from: number;
  children: Gelezen[];
}
/** One node read: where its text starts (undefined for an empty node), its kind and value. */
interface Gelezen {
  start: number | undefined;
  kind: string | null;
  result: unknown;
}

/** Not plain YAML: the caller reads the file the careful way. */
class NietEenvoudig extends Error {}

/** As the yaml library's reading allows (yaml-source.ts); js-yaml's maxDepth (4.2, not in its types yet) stops deeper. */
const MAX_DEPTH = 200;
/** YAML 1.2 core schema numbers (the yaml library's); js-yaml reads more (0b1, 1_000) as numbers. */
const CORE_GETAL =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The data and index of a plain YAML file, or undefined when it is not one (see the module's comment). */
export function snelLezen(text: string): { data: unknown; index: SnelleIndex } | undefined {
  // A directive or document marker: the yaml library says where the content starts.
  if (/^(?:%|---|\.\.\.)/m.test(text)) return undefined;
  const plaatsen = new WeakMap<object, Plaatsen>();
  const stack: Open[] = [{ from: 0, children: [] }];
  const listener = (event: 'open' | 'close', state: State): void => {
    if (event === 'open') {
      stack.push({ from: state.position, children: [] });
      return;
    }
    const open = stack.pop()!;
    const kind = state.kind;
    const start = kind === null ? undefined : contentStart(text, open.from);
    if (start !== undefined && '!&*'.includes(text[start]!)) throw new NietEenvoudig('tag, anchor or alias');
    if (typeof state.result === 'number' && !CORE_GETAL.test(text.slice(start, state.position).trim()))
      throw new NietEenvoudig('a number outside YAML 1.2 core');
    // A node js-yaml read whole as a child (a flow mapping first tried as a key) is that child: known already.
    const known = typeof state.result === 'object' && state.result !== null && plaatsen.has(state.result);
    if (kind === 'mapping' && !known)
      plaatsen.set(state.result as object, mapPlaatsen(state.result as object, open.children));
    else if (kind === 'sequence' && !known)
      plaatsen.set(state.result as object, seqPlaatsen(state.result as unknown[], open.children));
    stack[stack.length - 1]!.children.push({ start, kind, result: state.result });
  };
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, json: false, maxDepth: MAX_DEPTH, listener } as LoadOptions);
  } catch {
    // A mistake, or something beyond plain YAML: the yaml library reads it and names the problem.
    return undefined;
  }
  const root = stack[0]!.children.at(-1)?.start;
  if (data === null || data === undefined || root === undefined) return undefined;
  return { data, index: new SnelleIndex(data, root, plaatsen) };
}

/**
 * Where a node's text starts: js-yaml reports a node where it began to look for it, before the spaces,
 * line breaks and comments that come first.
 */
function contentStart(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23 /* # */ && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    } else break;
  }
  return i;
}

/**
 * The keys and values of a mapping. js-yaml may try a node as a key before it reads it as something else, so
 * the mapping's own pairs are its last children, two for each key; they must name exactly its keys, each a
 * scalar, or the file is read the careful way.
 */
function mapPlaatsen(map: object, children: Gelezen[]): Plaatsen {
  const keys = Object.keys(map);
  const pairs = children.slice(children.length - 2 * keys.length);
  if (pairs.length !== 2 * keys.length) throw new NietEenvoudig('a mapping read otherwise');
  const uit = new Map<string, { key: number; value: number | undefined }>();
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i]!;
    const value = pairs[i + 1]!;
    if (key.kind !== 'scalar' || key.start === undefined) throw new NietEenvoudig('a key that is no scalar');
    const name = String(key.result);
    if (uit.has(name) || !Object.hasOwn(map, name)) throw new NietEenvoudig('a mapping read otherwise');
    uit.set(name, { key: key.start, value: value.start });
  }
  return uit;
}

/** The items of a sequence: its last children, one for each item, each with text of its own. */
function seqPlaatsen(seq: unknown[], children: Gelezen[]): Plaatsen {
  const items = children.slice(children.length - seq.length);
  if (items.length !== seq.length || items.some((c, i) => c.start === undefined || c.result !== seq[i]))
    throw new NietEenvoudig('a sequence read otherwise');
  return items.map((c) => c.start!);
}
