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
import { toolFile } from '../common/tool-files.ts';
import { Findings, type Finding, type Position } from '../diagnostics/findings.ts';
import { API_FILE } from '../model/load.ts';
import { bedoeldU } from '../model/suggest.ts';
import { FormatChecker } from '../model/structure.ts';
import { parseYamlFile, type SourceReader, type YamlFile, type YamlPath } from '../model/yaml-source.ts';
import type {
  ApiAntwoord,
  ApiBeschrijving,
  ApiHeader,
  ApiInhoud,
  ApiOperatie,
  ApiSchema,
  ApiVeld,
  ApiVerzoek,
  Beveiliging,
  Json,
  Methode,
  Ondertekening,
  Waarde,
} from './types.ts';

export interface ApiLoadResult {
  /** Present when there is no error. */
  api?: ApiBeschrijving;
  findings: Finding[];
}

type Raw = Record<string, unknown>;

let checker: FormatChecker | undefined;

/** Where a mapping or list of the merged data was written: every file that contributed to it, in order. */
interface Oorsprong {
  file: YamlFile;
  path: YamlPath;
  /** The mapping or list as that file has it. */
  raw: object;
}

/**
 * Loads `<folder>/api.yaml` with the shared files it uses. Returns undefined when the model has no API
 * section; throws UnreadableInput (from the YAML reader) only for a file that is not text at all.
 */
export function loadApi(folder: string, reader: SourceReader): ApiLoadResult | undefined {
  const path = posix.join(posix.normalize(folder.replaceAll('\\', '/')), API_FILE);
  const bytes = reader.read(path);
  if (bytes === undefined) return undefined;
  checker ??= new FormatChecker(JSON.parse(toolFile('schema/api.schema.json')) as Record<string, unknown>);
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

// ---------------------------------------------------------------------------------------------------------
// Resolving

/** OpenAPI allows these characters in the names of components (headers, schemas, security schemes). */
const COMPONENT_NAAM = /^[A-Za-z0-9._-]+$/;
/** The characters of an HTTP field name (RFC 9110, token). */
const HEADER_NAAM = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FACETTEN = ['type', 'format', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'enum'] as const;

class Resolver {
  private headerNamen: string[] = [];
  private schemaNamen: string[] = [];
  private scopeNamen: string[] | undefined;

  constructor(
    private readonly oorsprong: WeakMap<object, Oorsprong[]>,
    private readonly findings: Findings,
  ) {}

  /** Where a merged mapping stands (the last file that wrote it), or where its key `key` was written last. */
  private pos(raw: object, key?: string): Position {
    const bronnen = this.oorsprong.get(raw) ?? [];
    if (key !== undefined) {
      for (let i = bronnen.length - 1; i >= 0; i--) {
        const bron = bronnen[i]!;
        if (key in bron.raw) return bron.file.position([...bron.path, key]);
      }
    }
    const laatste = bronnen[bronnen.length - 1];
    return laatste ? laatste.file.position(laatste.path, true) : { file: '?', line: 1, column: 1 };
  }

  private vereist<T>(raw: Raw, key: string, wat: string): T | undefined {
    const value = raw[key] as T | undefined;
    if (value === undefined)
      this.findings.error(
        this.pos(raw),
        'missing-key',
        `${wat} lacks "${key}", in this file or a shared file it uses; add it`,
      );
    return value;
  }

  api(data: Raw): ApiBeschrijving {
    const kop = data.api as Raw;
    const headersRaw = (data.headers as Raw[] | undefined) ?? [];
    const schemasRaw = (data.schemas as Raw[] | undefined) ?? [];
    this.headerNamen = headersRaw.map((h) => h.naam as string);
    this.schemaNamen = schemasRaw.map((s) => s.naam as string);
    const beveiliging = kop.beveiliging === undefined ? undefined : this.beveiliging(kop.beveiliging as Raw);
    this.scopeNamen = beveiliging?.scopes.map((s) => s.naam);
    if (beveiliging)
      for (const [i, s] of beveiliging.vereist.entries()) this.scope(s, kop.beveiliging as Raw, 'vereist', i);
    const api: ApiBeschrijving = {
      id: kop.id as string,
      titel: this.vereist<string>(kop, 'titel', 'the API') ?? '',
      beschrijving: kop.beschrijving as string | undefined,
      versie: this.vereist<string>(kop, 'versie', 'the API') ?? '',
      herkomst: kop.herkomst as string | undefined,
      contact: kop.contact as ApiBeschrijving['contact'],
      servers: ((kop.servers as Raw[] | undefined) ?? []).map((s) => ({
        url: s.url as string,
        beschrijving: s.beschrijving as string | undefined,
      })),
      beveiliging,
      ondertekening: kop.ondertekening as Ondertekening | undefined,
      headers: headersRaw.map((h) => this.header(h, true)),
      schemas: schemasRaw.map((s) => this.schema(s)),
      operaties: ((data.operaties as Raw[] | undefined) ?? []).map((o) => this.operatie(o)),
      bron: this.pos(kop),
    };
    this.ondertekening(api, kop);
    this.uniekePaden(api);
    return api;
  }

  private beveiliging(raw: Raw): Beveiliging {
    const naam = this.vereist<string>(raw, 'naam', 'beveiliging') ?? '';
    if (naam && !COMPONENT_NAAM.test(naam))
      this.findings.error(
        this.pos(raw, 'naam'),
        'invalid-value',
        `the security scheme "${naam}" may hold only letters, digits, ".", "_" and "-" (OpenAPI's rule for component names)`,
      );
    const scopes = ((raw.scopes as Raw[] | undefined) ?? []).map((s) => ({
      naam: s.naam as string,
      beschrijving: s.beschrijving as string | undefined,
    }));
    if (scopes.length === 0)
      this.findings.error(
        this.pos(raw),
        'missing-key',
        'beveiliging lacks "scopes", in this file or a shared file it uses; name the scopes the token may carry',
      );
    return {
      naam,
      tokenUrl: this.vereist<string>(raw, 'tokenUrl', 'beveiliging') ?? '',
      scopes,
      vereist: (raw.vereist as string[] | undefined) ?? [],
    };
  }

  private scope(naam: string, raw: Raw, key: string, index: number): void {
    if (this.scopeNamen === undefined) {
      this.findings.error(
        this.pos(raw, key),
        'unresolved-reference',
        `the scope "${naam}" needs a "beveiliging" in the api section that declares it`,
      );
    } else if (!this.scopeNamen.includes(naam)) {
      const bronnen = this.oorsprong.get(raw[key] as object) ?? [];
      const laatste = bronnen[bronnen.length - 1];
      const at = laatste ? laatste.file.position([...laatste.path, index]) : this.pos(raw, key);
      this.findings.error(
        at,
        'unresolved-reference',
        `the scope "${naam}" is not declared under beveiliging.scopes${bedoeldU(naam, this.scopeNamen)}`,
      );
    }
  }

  private waarde(raw: Raw, wat: string): Waarde {
    const w: Waarde = {};
    for (const f of FACETTEN) if (raw[f] !== undefined) (w as Record<string, unknown>)[f] = raw[f];
    if (raw.beschrijving !== undefined) w.beschrijving = raw.beschrijving as string;
    if (raw.voorbeeld !== undefined) w.voorbeeld = raw.voorbeeld as Json;
    if (w.pattern !== undefined) {
      try {
        new RegExp(w.pattern, 'u');
      } catch (e) {
        this.findings.error(
          this.pos(raw, 'pattern'),
          'invalid-pattern',
          `the pattern of ${wat} is no regular expression: ${(e as Error).message}`,
        );
      }
    }
    if (w.minimum !== undefined && w.maximum !== undefined && w.minimum > w.maximum) {
      this.findings.error(
        this.pos(raw, 'maximum'),
        'invalid-value',
        `the maximum of ${wat} (${w.maximum}) is below its minimum (${w.minimum})`,
      );
    }
    if (w.enum !== undefined && w.type !== undefined && w.enum.some((e) => !past(e, w.type!))) {
      this.findings.error(
        this.pos(raw, 'enum'),
        'invalid-value',
        `a value under enum of ${wat} is not of type ${w.type}`,
      );
    }
    return w;
  }

  private component(raw: Raw, soort: 'header' | 'schema', wat: string): string | undefined {
    const naam = raw.component as string | undefined;
    if (naam === undefined) return undefined;
    const bekend = soort === 'header' ? this.headerNamen : this.schemaNamen;
    if (!bekend.includes(naam)) {
      this.findings.error(
        this.pos(raw, 'component'),
        'unresolved-reference',
        `${wat} refers to the ${soort} "${naam}", which no file of the api section defines under ${soort}s${bedoeldU(naam, bekend)}`,
      );
    }
    const facetten = FACETTEN.filter((f) => raw[f] !== undefined);
    if (facetten.length > 0 || raw.schema !== undefined) {
      this.findings.error(
        this.pos(raw, 'component'),
        'conflicting-keys',
        `${wat} is a reference (component) and says what its value is (${[...facetten, ...(raw.schema !== undefined ? ['schema'] : [])].join(', ')}); keep one`,
      );
    }
    return naam;
  }

  private header(raw: Raw, isComponent: boolean): ApiHeader {
    const naam = raw.naam as string;
    const wat = `the header "${naam}"`;
    if (!(isComponent ? COMPONENT_NAAM : HEADER_NAAM).test(naam)) {
      this.findings.error(
        this.pos(raw, 'naam'),
        'invalid-value',
        isComponent
          ? `${wat} may hold only letters, digits, ".", "_" and "-" (OpenAPI's rule for component names)`
          : `${wat} is no HTTP header name`,
      );
    }
    if (isComponent && raw.component !== undefined) {
      this.findings.error(
        this.pos(raw, 'component'),
        'invalid-value',
        `${wat} under headers defines a header; "component" belongs to the headers of an antwoord`,
      );
    }
    const component = isComponent ? undefined : this.component(raw, 'header', wat);
    if (component === undefined && raw.schema === undefined) {
      this.findings.error(
        this.pos(raw),
        'missing-key',
        `${wat} lacks "schema"${isComponent ? '' : ' (or a "component" it refers to)'}; say what its value is`,
      );
    }
    return {
      naam,
      ...(component !== undefined ? { component } : {}),
      ...(raw.beschrijving !== undefined ? { beschrijving: raw.beschrijving as string } : {}),
      ...(raw.verplicht !== undefined ? { verplicht: raw.verplicht as boolean } : {}),
      ...(raw.voorbeeld !== undefined ? { voorbeeld: raw.voorbeeld as Json } : {}),
      ...(raw.schema !== undefined ? { schema: this.waarde(raw.schema as Raw, wat) } : {}),
      bron: this.pos(raw, 'naam'),
    };
  }

  private veld(raw: Raw, eigenaar: string): ApiVeld {
    const naam = raw.naam as string;
    const wat = `the veld "${naam}" of ${eigenaar}`;
    const component = this.component(raw, 'schema', wat);
    if (component === undefined && raw.type === undefined && raw.enum === undefined) {
      this.findings.error(
        this.pos(raw),
        'missing-key',
        `${wat} lacks "type" (or a "component" it refers to); say what its value is`,
      );
    }
    return {
      naam,
      verplicht: raw.verplicht === true,
      ...(component !== undefined ? { component } : {}),
      ...this.waarde(raw, wat),
      bron: this.pos(raw, 'naam'),
    };
  }

  private velden(raw: Raw, eigenaar: string): ApiVeld[] {
    return ((raw.velden as Raw[] | undefined) ?? []).map((v) => this.veld(v, eigenaar));
  }

  private schema(raw: Raw): ApiSchema {
    const naam = raw.naam as string;
    const wat = `the schema "${naam}"`;
    if (!COMPONENT_NAAM.test(naam))
      this.findings.error(
        this.pos(raw, 'naam'),
        'invalid-value',
        `${wat} may hold only letters, digits, ".", "_" and "-" (OpenAPI's rule for component names)`,
      );
    if (raw.bericht !== undefined && (raw.velden !== undefined || raw.gesloten !== undefined)) {
      this.findings.error(
        this.pos(raw, 'bericht'),
        'conflicting-keys',
        `${wat} is the uitwisselmodel's message (bericht) and has velden or gesloten of its own; keep one`,
      );
    } else if (raw.bericht === undefined && raw.velden === undefined) {
      this.findings.error(
        this.pos(raw),
        'missing-key',
        `${wat} lacks "velden" (or "bericht: compat" for the uitwisselmodel's message)`,
      );
    }
    return {
      naam,
      ...(raw.beschrijving !== undefined ? { beschrijving: raw.beschrijving as string } : {}),
      ...(raw.bericht !== undefined ? { bericht: raw.bericht as 'compat' } : {}),
      gesloten: raw.gesloten === true,
      velden: this.velden(raw, wat),
      bron: this.pos(raw, 'naam'),
    };
  }

  private inhoud(raw: Raw, wat: string): ApiInhoud {
    const mediatype = this.vereist<string>(raw, 'mediatype', wat) ?? '';
    const component = this.component(raw, 'schema', wat);
    if (component !== undefined && (raw.velden !== undefined || raw.gesloten !== undefined)) {
      this.findings.error(
        this.pos(raw, 'component'),
        'conflicting-keys',
        `${wat} refers to a schema (component) and has velden of its own; keep one`,
      );
    } else if (component === undefined && raw.velden === undefined) {
      this.findings.error(
        this.pos(raw),
        'missing-key',
        `${wat} lacks "component" or "velden"; say what the body holds`,
      );
    }
    return {
      mediatype,
      ...(component !== undefined ? { component } : {}),
      gesloten: raw.gesloten === true,
      ...(raw.velden !== undefined ? { velden: this.velden(raw, wat) } : {}),
    };
  }

  private operatie(raw: Raw): ApiOperatie {
    const id = raw.id as string;
    const wat = `the operatie "${id}"`;
    const scopes = raw.scopes as string[] | undefined;
    scopes?.forEach((s, i) => this.scope(s, raw, 'scopes', i));
    const verzoekRaw = raw.verzoek as Raw | undefined;
    const verzoek: ApiVerzoek | undefined = verzoekRaw && {
      verplicht: verzoekRaw.verplicht === true,
      ...(verzoekRaw.beschrijving !== undefined ? { beschrijving: verzoekRaw.beschrijving as string } : {}),
      ...(verzoekRaw.inhoud !== undefined
        ? { inhoud: this.inhoud(verzoekRaw.inhoud as Raw, `the verzoek of ${wat}`) }
        : {}),
    };
    const antwoorden = ((raw.antwoorden as Raw[] | undefined) ?? []).map((a) => this.antwoord(a, wat));
    if (antwoorden.length === 0)
      this.findings.error(
        this.pos(raw),
        'missing-key',
        `${wat} lacks "antwoorden"; OpenAPI requires at least one response`,
      );
    return {
      id,
      pad: this.vereist<string>(raw, 'pad', wat) ?? '/',
      methode: this.vereist<Methode>(raw, 'methode', wat) ?? 'get',
      ...(raw.samenvatting !== undefined ? { samenvatting: raw.samenvatting as string } : {}),
      ...(raw.beschrijving !== undefined ? { beschrijving: raw.beschrijving as string } : {}),
      ...(scopes !== undefined ? { scopes } : {}),
      ...(verzoek !== undefined ? { verzoek } : {}),
      antwoorden: [...antwoorden].sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0)),
      bron: this.pos(raw, 'id'),
    };
  }

  private antwoord(raw: Raw, operatie: string): ApiAntwoord {
    const status = raw.status as string;
    const wat = `the antwoord ${status} of ${operatie}`;
    const headers = ((raw.headers as Raw[] | undefined) ?? []).map((h) => this.header(h, false));
    return {
      status,
      beschrijving: this.vereist<string>(raw, 'beschrijving', wat) ?? '',
      headers,
      ...(raw.inhoud !== undefined ? { inhoud: this.inhoud(raw.inhoud as Raw, wat) } : {}),
      bron: this.pos(raw, 'status'),
    };
  }

  /** The headers that ondertekening names must be headers of some antwoord. */
  private ondertekening(api: ApiBeschrijving, kop: Raw): void {
    const o = kop.ondertekening as Raw | undefined;
    if (!o) return;
    const namen = [
      ...new Set(api.operaties.flatMap((op) => op.antwoorden.flatMap((a) => a.headers.map((h) => h.naam)))),
    ];
    for (const key of ['digestHeader', 'handtekeningHeader']) {
      const naam = o[key] as string | undefined;
      if (naam !== undefined && !namen.includes(naam)) {
        this.findings.error(
          this.pos(o, key),
          'unresolved-reference',
          `ondertekening names the header "${naam}", which no antwoord carries${bedoeldU(naam, namen)}`,
        );
      }
    }
  }

  /** Two operaties on one path and method would be one operation in OpenAPI. */
  private uniekePaden(api: ApiBeschrijving): void {
    const gezien = new Map<string, string>();
    for (const op of api.operaties) {
      const key = `${op.methode} ${op.pad}`;
      const eerder = gezien.get(key);
      if (eerder !== undefined)
        this.findings.error(
          op.bron,
          'duplicate-name',
          `the operaties "${eerder}" and "${op.id}" are both ${op.methode.toUpperCase()} ${op.pad}; an operation is one path and method`,
        );
      else gezien.set(key, op.id);
    }
  }
}

function past(value: string | number | boolean, type: NonNullable<Waarde['type']>): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
  }
}
