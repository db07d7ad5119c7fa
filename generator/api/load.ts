/**
 * Loading the API section of a model: model/<name>/api.yaml and the shared API files it names under
 * `gebruikt`, each checked against schema/api.schema.json, laid over one another (the shared files first, the
 * model's own last) and resolved into one ApiBeschrijving. Every problem is a finding at the place in the
 * file that causes it, including those found only after merging (a reference to a schema no file defines).
 *
 * Laying over: mappings merge key by key; lists of named things merge by their key (servers by url, scopes,
 * headers, schemas and velden by naam, operaties by id, antwoorden by status), the shared file's order first
 * and the new ones after it; anything else the later file says replaces what the earlier one said.
 */
import { posix } from 'node:path';
import { Findings, type Finding } from '../diagnostics/findings.ts';
import { API_FILE } from '../model/load.ts';
import { formatChecker, type FormatChecker } from '../model/structure.ts';
import { parseYamlFile, type SourceReader, type YamlFile, type YamlPath } from '../model/yaml-source.ts';
import type { ApiBeschrijving } from './types.ts';
import { Resolver, type Oorsprong, type Raw } from './resolve.ts';

export interface ApiLoadResult {
  /** Present when there is no error. */
  api?: ApiBeschrijving;
  findings: Finding[];
}

let checker: FormatChecker | undefined;

/**
 * Loads `<folder>/api.yaml` with the shared files it uses. Returns undefined when the model has no API
 * section; throws UnreadableInput (from the YAML reader) only for a file that is not text at all.
 */
export function loadApi(folder: string, reader: SourceReader): ApiLoadResult | undefined {
  const path = posix.join(posix.normalize(folder.replaceAll('\\', '/')), API_FILE);
  const bytes = reader.read(path);
  if (bytes === undefined) return undefined;
  checker ??= formatChecker('api');
  const findings = new Findings();
  const loader = new Lader(reader, findings);
  const data = loader.laag(path, bytes, []);
  if (data === undefined) return { findings: findings.sorted() };
  const api = new Resolver(loader.oorsprong, findings).api(data);
  return { api: findings.hasErrors ? undefined : api, findings: findings.sorted() };
}

// ---------------------------------------------------------------------------------------------------------
// Reading and laying over

/** The key that identifies an item of a list under this key, for merging; undefined: the list is replaced. */
const SLEUTELS: Record<string, string> = {
  servers: 'url',
  scopes: 'naam',
  headers: 'naam',
  schemas: 'naam',
  velden: 'naam',
  operaties: 'id',
  antwoorden: 'status',
};

const MAX_DIEPTE = 8;

class Lader {
  /** Every mapping and list of the data, read or merged, with the places it was written. */
  readonly oorsprong = new WeakMap<object, Oorsprong[]>();

  constructor(
    private readonly reader: SourceReader,
    private readonly findings: Findings,
  ) {}

  /** One file laid over the files it uses, or undefined where a file could not be read. */
  laag(path: string, bytes: Uint8Array, keten: string[]): Raw | undefined {
    const file = parseYamlFile(path, bytes, this.findings);
    if (!file || file.data === undefined) return undefined;
    if (!checker!.check(file, this.findings)) return undefined;
    const data = file.data as Raw;
    this.markeer(file, data, []);
    this.dubbeleNamen(file, data, []);
    const gebruikt = ((data.api as Raw).gebruikt as string[] | undefined) ?? [];
    let onder: Raw | undefined;
    let compleet = true;
    gebruikt.forEach((g, index) => {
      const at = file.position(['api', 'gebruikt', index]);
      const target = posix.normalize(g.startsWith('/') ? g : posix.join(posix.dirname(path), g));
      if ([...keten, path].includes(target)) {
        this.findings.error(
          at,
          'invalid-value',
          `"${g}" uses this file again (${[...keten, path, target].join(' → ')}); a shared API file cannot use itself`,
        );
        compleet = false;
        return;
      }
      if (keten.length >= MAX_DIEPTE) {
        this.findings.error(
          at,
          'invalid-value',
          `shared API files nest more than ${MAX_DIEPTE} deep here; an API needs one or two`,
        );
        compleet = false;
        return;
      }
      const shared = this.reader.read(target);
      if (shared === undefined) {
        this.findings.error(
          at,
          'unresolved-reference',
          `the shared API file "${target}" does not exist; correct the path (it is relative to this file)`,
        );
        compleet = false;
        return;
      }
      const laag = this.laag(target, shared, [...keten, path]);
      if (laag === undefined) compleet = false;
      else onder = onder === undefined ? laag : (this.merge(onder, laag, undefined) as Raw);
    });
    if (!compleet) return undefined;
    return onder === undefined ? data : (this.merge(onder, data, undefined) as Raw);
  }

  /** Records where every mapping and list of a file's data stands. */
  private markeer(file: YamlFile, value: unknown, path: YamlPath): void {
    if (value === null || typeof value !== 'object') return;
    this.oorsprong.set(value, [{ file, path, raw: value }]);
    if (Array.isArray(value)) value.forEach((v, i) => this.markeer(file, v, [...path, i]));
    else for (const [k, v] of Object.entries(value)) this.markeer(file, v, [...path, k]);
  }

  /** A name given twice in one list of one file is a mistake: merging would silently keep the last. */
  private dubbeleNamen(file: YamlFile, value: unknown, path: YamlPath): void {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      const sleutel = SLEUTELS[String(path[path.length - 1])];
      const gezien = new Set<unknown>();
      value.forEach((item, i) => {
        const id =
          sleutel !== undefined && item !== null && typeof item === 'object' ? (item as Raw)[sleutel] : undefined;
        if (id !== undefined) {
          if (gezien.has(id))
            this.findings.error(
              file.position([...path, i, sleutel!]),
              'duplicate-name',
              `${sleutel} "${String(id)}" appears twice in "${String(path[path.length - 1])}"; keep one`,
            );
          gezien.add(id);
        }
        this.dubbeleNamen(file, item, [...path, i]);
      });
    } else {
      for (const [k, v] of Object.entries(value)) this.dubbeleNamen(file, v, [...path, k]);
    }
  }

  /** `boven` laid over `onder`. `sleutel` is the key that holds both (for the identity of list items). */
  private merge(onder: unknown, boven: unknown, sleutel: string | undefined): unknown {
    const isMap = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (isMap(onder) && isMap(boven)) {
      const result: Raw = {};
      for (const [k, v] of Object.entries(onder)) result[k] = k in boven ? this.merge(v, boven[k], k) : v;
      for (const [k, v] of Object.entries(boven)) if (!(k in onder)) result[k] = v;
      this.oorsprong.set(result, [...(this.oorsprong.get(onder) ?? []), ...(this.oorsprong.get(boven) ?? [])]);
      return result;
    }
    const id = sleutel === undefined ? undefined : SLEUTELS[sleutel];
    if (id !== undefined && Array.isArray(onder) && Array.isArray(boven)) {
      const key = (item: unknown) => (isMap(item) ? item[id] : undefined);
      const result = onder.map((item) => {
        const over = boven.find((b) => key(b) !== undefined && key(b) === key(item));
        return over === undefined ? item : this.merge(item, over, undefined);
      });
      for (const b of boven) if (key(b) === undefined || !onder.some((item) => key(item) === key(b))) result.push(b);
      this.oorsprong.set(result, [...(this.oorsprong.get(onder) ?? []), ...(this.oorsprong.get(boven) ?? [])]);
      return result;
    }
    return boven;
  }
}
