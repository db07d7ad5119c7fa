/**
 * Resolving the API section once its files are laid over one another (see load.ts): the merged data becomes
 * one ApiBeschrijving, and every problem found only now (a reference to a header, schema or scope that no
 * file defines, a signature header no antwoord carries) is a finding at the place that was written last.
 */
import type { Findings, Position } from '../diagnostics/findings.ts';
import { bedoeldU } from '../model/suggest.ts';
import type { YamlFile, YamlPath } from '../model/yaml-source.ts';
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

export type Raw = Record<string, unknown>;

/** Where a mapping or list of the merged data was written: every file that contributed to it, in order. */
export interface Oorsprong {
  file: YamlFile;
  path: YamlPath;
  /** The mapping or list as that file has it. */
  raw: object;
}

/** OpenAPI allows these characters in the names of components (headers, schemas, security schemes). */
const COMPONENT_NAAM = /^[A-Za-z0-9._-]+$/;
/** The characters of an HTTP field name (RFC 9110, token). */
const HEADER_NAAM = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FACETTEN = ['type', 'format', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'enum'] as const;

export class Resolver {
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
