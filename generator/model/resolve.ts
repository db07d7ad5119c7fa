import { posix } from 'node:path';
import { typeNaam } from '../common/identifier.ts';
import type { Findings, Position } from '../diagnostics/findings.ts';
import { bedoeldU } from './suggest.ts';
import type {
  Attribuutsoort,
  Authentiek,
  Codelijst,
  Enumeratie,
  Gegevensgroep,
  Gegevensgroeptype,
  GestructureerdDatatype,
  Informatiemodel,
  Keuze,
  Metadata,
  ModelElement,
  Objecttype,
  Pakket,
  PrimitiefDatatype,
  Relatiesoort,
  TypeVerwijzing,
  Basis,
} from './types.ts';
import { resolveConstraints, resolveKardinaliteit, resolvePatroon } from './resolve-values.ts';
import { checkEnumTypedAsText, checkGeneralisaties, checkNameScopes, checkScope } from './checks.ts';
import { caseNote, int, isRaw, items, num, str, text, where, type Raw, type YamlLocation } from './raw.ts';
import { LENGTE_IN_NAAM, unsafeNaam } from './view.ts';
import type { YamlFile } from './yaml-source.ts';

export { parseKardinaliteit } from './resolve-values.ts';

/** The sections of a model file that hold named elements, with the kind of element each holds. */
export const COLLECTIONS = {
  objecttypen: 'objecttype',
  gegevensgroeptypen: 'gegevensgroeptype',
  enumeraties: 'enumeratie',
  codelijsten: 'codelijst',
  primitieveDatatypes: 'primitiefDatatype',
  gestructureerdeDatatypes: 'gestructureerdDatatype',
  keuzes: 'keuze',
} as const;

type Collection = keyof typeof COLLECTIONS;

/**
 * Resolves the parsed files into one typed informatiemodel, reporting every rule it breaks. Defensive:
 * it runs on files that failed the format check too, so that one run shows all problems.
 */
export function resolveInformatiemodel(folder: string, files: YamlFile[], findings: Findings): Informatiemodel {
  return new Resolver(folder, files, findings).run();
}

class Resolver {
  private readonly types = new Map<string, { element: ModelElement; location: YamlLocation }>();
  private readonly identifiers = new Map<string, { element: ModelElement; location: YamlLocation }>();
  private readonly ids = new Map<string, Position>();
  private readonly rawOf = new Map<ModelElement, { raw: Raw; location: YamlLocation }>();
  private readonly attribuutLocation = new Map<Attribuutsoort, YamlLocation>();
  private model!: Informatiemodel;

  constructor(
    private readonly folder: string,
    private readonly files: YamlFile[],
    private readonly findings: Findings,
  ) {}

  run(): Informatiemodel {
    this.model = this.header();
    // First every named element, so that references can be resolved regardless of file order.
    for (const file of this.files) {
      if (!isRaw(file.data)) continue;
      const pakket = this.pakketOf(file);
      for (const collection of Object.keys(COLLECTIONS) as Collection[]) {
        const items = file.data[collection];
        if (!Array.isArray(items)) continue;
        items.forEach((raw, i) => {
          if (!isRaw(raw) || typeof raw.naam !== 'string') return;
          this.declare(collection, raw, { file, path: [collection, i] }, pakket);
        });
      }
    }
    for (const [element, { raw, location }] of this.rawOf) this.fill(element, raw, location);
    const bronnen = { rawOf: this.rawOf, attribuutLocation: this.attribuutLocation };
    checkGeneralisaties(this.model, bronnen, this.findings);
    checkNameScopes(this.model, bronnen, this.findings);
    for (const o of this.model.objecttypen) o.constraints = resolveConstraints(this.findings, o, this.rawOf.get(o)!);
    for (const g of this.model.gegevensgroeptypen)
      g.constraints = resolveConstraints(this.findings, g, this.rawOf.get(g)!);
    checkEnumTypedAsText(this.model, bronnen, this.findings);
    return this.model;
  }

  private header(): Informatiemodel {
    const heads = this.files.filter((f) => isRaw(f.data) && isRaw(f.data.informatiemodel));
    const at = heads[0] ?? this.files[0];
    const folderName = posix.basename(this.folder);
    // A file that could not be read as a mapping may well hold the section; its own finding says enough.
    // So may a file whose "informatiemodel" is not a mapping; the format check reports that.
    const written = this.files.some((f) => isRaw(f.data) && Object.hasOwn(f.data, 'informatiemodel'));
    if (heads.length === 0 && !written && this.files.length > 0 && this.files.every((f) => isRaw(f.data))) {
      this.findings.error(
        at ? at.position([]) : { file: this.folder, line: 1, column: 1 },
        'missing-informatiemodel',
        `no file in ${this.folder} has an "informatiemodel" section; add one with id, naam and versie`,
      );
    }
    for (const extra of heads.slice(1)) {
      this.findings.error(
        extra.position(['informatiemodel'], true),
        'duplicate-informatiemodel',
        `a second "informatiemodel" section; a model has exactly one (the first is in ${heads[0]!.path})`,
      );
    }
    const raw = (heads[0]?.data as Raw | undefined)?.informatiemodel as Raw | undefined;
    const bron = heads[0] ? heads[0].position(['informatiemodel'], true) : { file: this.folder, line: 1, column: 1 };
    if (raw && heads[0])
      this.checkNaam(str(raw.naam), { file: heads[0], path: ['informatiemodel'] }, 'informatiemodel');
    return {
      id: str(raw?.id) ?? folderName,
      naam: str(raw?.naam) ?? folderName,
      versie: str(raw?.versie) ?? '0',
      definitie: str(raw?.definitie),
      toelichting: str(raw?.toelichting),
      herkomst: str(raw?.herkomst),
      basisUri: str(raw?.basisUri),
      mimVersie: str(raw?.mimVersie),
      folder: folderName,
      bron,
      pakketten: [],
      objecttypen: [],
      gegevensgroeptypen: [],
      enumeraties: [],
      codelijsten: [],
      primitieveDatatypes: [],
      gestructureerdeDatatypes: [],
      keuzes: [],
    };
  }

  private readonly pakketten = new Map<string, Pakket>();

  private pakketOf(file: YamlFile): Pakket {
    const data = file.data as Raw;
    const own = isRaw(data.informatiemodel) ? data.informatiemodel : undefined;
    const shared = isRaw(data.pakket) ? data.pakket : undefined;
    const inFolder = posix.dirname(file.path) === this.folder;
    const key = shared ? `pakket:${str(shared.id) ?? file.path}` : inFolder ? 'model' : `file:${file.path}`;
    let pakket = this.pakketten.get(key);
    if (!pakket) {
      const source = shared ?? own;
      pakket = {
        id: str(source?.id) ?? (inFolder ? this.model.id : file.path),
        naam: str(source?.naam) ?? (inFolder ? this.model.naam : posix.basename(file.path, '.yaml')),
        definitie: str(source?.definitie),
        herkomst: str(source?.herkomst),
        extern: !inFolder,
      };
      this.pakketten.set(key, pakket);
      this.model.pakketten.push(pakket);
    }
    return pakket;
  }

  private metadata(raw: Raw, location: YamlLocation, pakket: Pakket): Metadata {
    return {
      id: str(raw.id) ?? '',
      naam: str(raw.naam) ?? '',
      definitie: text(raw.definitie),
      toelichting: text(raw.toelichting),
      herkomst: text(raw.herkomst),
      herkomstDefinitie: text(raw.herkomstDefinitie),
      datumOpname: str(raw.datumOpname),
      alias: str(raw.alias),
      bron: location.file.position(location.path),
      pakket,
    };
  }

  private declare(collection: Collection, raw: Raw, location: YamlLocation, pakket: Pakket): void {
    const meta = this.metadata(raw, location, pakket);
    const kind = COLLECTIONS[collection];
    this.checkElement(raw, location, kind);
    let element: ModelElement;
    switch (kind) {
      case 'objecttype':
        element = {
          ...meta,
          soort: 'objecttype',
          indicatieAbstractObject: raw.indicatieAbstractObject === true,
          supertypen: [],
          attribuutsoorten: [],
          gegevensgroepen: [],
          relatiesoorten: [],
          constraints: [],
        } satisfies Objecttype;
        this.model.objecttypen.push(element);
        break;
      case 'gegevensgroeptype':
        element = {
          ...meta,
          soort: 'gegevensgroeptype',
          attribuutsoorten: [],
          gegevensgroepen: [],
          constraints: [],
        } satisfies Gegevensgroeptype;
        this.model.gegevensgroeptypen.push(element);
        break;
      case 'enumeratie':
        element = { ...meta, soort: 'enumeratie', waarden: [] } satisfies Enumeratie;
        this.model.enumeraties.push(element);
        break;
      case 'codelijst':
        element = { ...meta, soort: 'codelijst', locatie: str(raw.locatie) } satisfies Codelijst;
        this.model.codelijsten.push(element);
        break;
      case 'primitiefDatatype':
        element = {
          ...meta,
          soort: 'primitiefDatatype',
          basis: (str(raw.basis) ?? 'tekst') as Basis,
          formaat: str(raw.formaat) as PrimitiefDatatype['formaat'],
          lengteInNaam: raw.lengteInNaam === true,
          lengte: int(raw.lengte),
          minimumWaarde: num(raw.minimumWaarde),
          maximumWaarde: num(raw.maximumWaarde),
          patroon: str(raw.patroon),
          formeelPatroon: resolvePatroon(this.findings, raw.formeelPatroon, location),
        } satisfies PrimitiefDatatype;
        this.model.primitieveDatatypes.push(element);
        break;
      case 'gestructureerdDatatype':
        element = { ...meta, soort: 'gestructureerdDatatype', dataElementen: [] } satisfies GestructureerdDatatype;
        this.model.gestructureerdeDatatypes.push(element);
        break;
      case 'keuze':
        element = { ...meta, soort: 'keuze', alternatieven: [] } satisfies Keuze;
        this.model.keuzes.push(element);
        break;
    }
    const key = element.naam.toLowerCase();
    const earlier = this.types.get(key);
    if (earlier) {
      this.findings.error(
        location.file.position([...location.path, 'naam']),
        'duplicate-name',
        `${kind} "${element.naam}" has the name of ${earlier.element.soort} "${earlier.element.naam}" at ${where(earlier.location)}${caseNote(element.naam, earlier.element.naam)}; names of types must be unique in the model`,
      );
    } else {
      this.types.set(key, { element, location });
      // Names are data (issue 15, item 5): two names that differ only in what an identifier cannot hold
      // (`Deelplan/Veld`, `Deelplan Veld`) would become one TypeScript type.
      const identifier = typeNaam(element.naam);
      const zelfde = this.identifiers.get(identifier.toLowerCase());
      if (zelfde)
        this.findings.error(
          location.file.position([...location.path, 'naam']),
          'duplicate-name',
          `${kind} "${element.naam}" and ${zelfde.element.soort} "${zelfde.element.naam}" at ${where(zelfde.location)} both become the TypeScript type ${identifier}; rename one so that they differ in a letter or digit (keep the published spelling in alias)`,
        );
      else this.identifiers.set(identifier.toLowerCase(), { element, location });
    }
    this.rawOf.set(element, { raw, location });
  }

  /** Checks shared by every element that has an id, a naam and a definitie. */
  private checkElement(raw: Raw, location: YamlLocation, kind: string): void {
    const id = str(raw.id);
    if (id !== undefined) {
      const earlier = this.ids.get(id);
      const at = location.file.position([...location.path, 'id']);
      if (earlier) {
        this.findings.error(
          at,
          'duplicate-id',
          `id "${id}" is already used at ${earlier.file}:${earlier.line}:${earlier.column}; ids must be unique in the model`,
        );
      } else {
        this.ids.set(id, at);
      }
    }
    this.checkNaam(str(raw.naam), location, kind);
    if (text(raw.definitie) === undefined) {
      this.findings.warning(
        location.file.position([...location.path, 'naam']),
        'missing-definitie',
        `${kind} "${str(raw.naam) ?? '?'}" has no definitie; add one in your own words, with its source in herkomst`,
      );
    }
  }

  private checkRol(rol: string, location: YamlLocation): void {
    const problem = unsafeNaam(rol);
    if (problem)
      this.findings.error(
        location.file.position([...location.path, 'rol']),
        'unsafe-name',
        `rol ${JSON.stringify(rol)} ${problem}; choose another name`,
      );
  }

  private checkNaam(naam: string | undefined, location: YamlLocation, kind: string): void {
    if (naam === undefined) return;
    const at = location.file.position([...location.path, 'naam']);
    const problem = unsafeNaam(naam);
    if (problem)
      this.findings.error(
        at,
        'unsafe-name',
        `${kind} name ${JSON.stringify(naam)} ${problem}; choose another name (keep the published spelling in alias)`,
      );
  }

  private fill(element: ModelElement, raw: Raw, location: YamlLocation): void {
    switch (element.soort) {
      case 'objecttype':
        element.supertypen = this.supertypen(raw, location);
        element.attribuutsoorten = this.attribuutsoorten(element, raw, location);
        element.gegevensgroepen = this.gegevensgroepen(element, raw, location);
        element.relatiesoorten = this.relatiesoorten(element, raw, location);
        break;
      case 'gegevensgroeptype':
        element.attribuutsoorten = this.attribuutsoorten(element, raw, location);
        element.gegevensgroepen = this.gegevensgroepen(element, raw, location);
        break;
      case 'enumeratie':
        element.waarden = this.waarden(element, raw, location);
        break;
      case 'gestructureerdDatatype':
        element.dataElementen = items(raw.dataElementen).flatMap(({ raw: e, index }) => {
          const at: YamlLocation = { file: location.file, path: [...location.path, 'dataElementen', index] };
          if (typeof e.naam !== 'string') return [];
          this.checkNaam(e.naam, at, 'data-element');
          const type = this.typeVerwijzing(e.type, at, `data-element "${e.naam}"`);
          return type
            ? [
                {
                  id: str(e.id),
                  naam: e.naam,
                  definitie: text(e.definitie),
                  type,
                  kardinaliteit: resolveKardinaliteit(this.findings, e.kardinaliteit, at),
                },
              ]
            : [];
        });
        checkScope(
          `gestructureerd datatype ${element.naam}`,
          element.dataElementen.map((d, i) => ({
            naam: d.naam,
            bron: location.file.position([...location.path, 'dataElementen', i, 'naam']),
          })),
          this.findings,
        );
        break;
      case 'keuze':
        element.alternatieven = items(raw.alternatieven).flatMap(({ raw: a, index }) => {
          const at: YamlLocation = { file: location.file, path: [...location.path, 'alternatieven', index] };
          const target = this.lookup(a.type, at, 'type', `alternatief of keuze "${element.naam}"`);
          if (!target) return [];
          const type =
            target.soort === 'objecttype'
              ? target
              : target.soort === 'gegevensgroeptype'
                ? undefined
                : { datatype: target, naam: target.naam };
          if (!type) {
            this.findings.error(
              at.file.position([...at.path, 'type']),
              'wrong-kind',
              `a keuze chooses between datatypes or objecttypen, not gegevensgroeptype "${target.naam}"`,
            );
            return [];
          }
          return [{ naam: str(a.naam), definitie: text(a.definitie), type }];
        });
        break;
      default:
        break;
    }
  }

  private supertypen(raw: Raw, location: YamlLocation): Objecttype[] {
    if (!Array.isArray(raw.supertypen)) return [];
    return raw.supertypen.flatMap((naam, i) => {
      const at: YamlLocation = { file: location.file, path: [...location.path, 'supertypen', i] };
      const target = this.lookup(naam, at, undefined, `the supertype of objecttype "${str(raw.naam) ?? '?'}"`);
      if (!target) return [];
      if (target.soort !== 'objecttype') {
        this.findings.error(
          at.file.position(at.path),
          'wrong-kind',
          `supertype "${target.naam}" is ${target.soort === 'enumeratie' ? 'an' : 'a'} ${target.soort}; a generalisatie is between objecttypen`,
        );
        return [];
      }
      return [target];
    });
  }

  private attribuutsoorten(
    eigenaar: Objecttype | Gegevensgroeptype,
    raw: Raw,
    location: YamlLocation,
  ): Attribuutsoort[] {
    return items(raw.attribuutsoorten).flatMap(({ raw: a, index }) => {
      const at: YamlLocation = { file: location.file, path: [...location.path, 'attribuutsoorten', index] };
      if (typeof a.naam !== 'string') return [];
      this.checkElement(a, at, 'attribuutsoort');
      const kardinaliteit = resolveKardinaliteit(this.findings, a.kardinaliteit, at);
      const formeelPatroon = resolvePatroon(this.findings, a.formeelPatroon, at);
      const type = this.typeVerwijzing(a.type, at, `attribuutsoort "${a.naam}"`);
      if (!type) return [];
      const lengte =
        int(a.lengte) ??
        type.lengte ??
        (type.datatype.soort === 'primitiefDatatype' ? type.datatype.lengte : undefined);
      const attribuutsoort: Attribuutsoort = {
        ...this.metadata(a, at, eigenaar.pakket),
        soort: 'attribuutsoort',
        eigenaar,
        type,
        kardinaliteit,
        authentiek: str(a.authentiek) as Authentiek | undefined,
        mogelijkGeenWaarde: a.mogelijkGeenWaarde === true,
        identificerend: a.identificerend === true,
        lengte,
        patroon: str(a.patroon),
        formeelPatroon,
        indicatieMaterieleHistorie: a.indicatieMaterieleHistorie === true,
        indicatieFormeleHistorie: a.indicatieFormeleHistorie === true,
      };
      this.attribuutLocation.set(attribuutsoort, at);
      return [attribuutsoort];
    });
  }

  private gegevensgroepen(eigenaar: Objecttype | Gegevensgroeptype, raw: Raw, location: YamlLocation): Gegevensgroep[] {
    return items(raw.gegevensgroepen).flatMap(({ raw: g, index }) => {
      const at: YamlLocation = { file: location.file, path: [...location.path, 'gegevensgroepen', index] };
      if (typeof g.naam !== 'string') return [];
      this.checkElement(g, at, 'gegevensgroep');
      const kardinaliteit = resolveKardinaliteit(this.findings, g.kardinaliteit, at);
      const type = this.lookup(g.type, at, 'type', `gegevensgroep "${g.naam}"`);
      if (!type) return [];
      if (type.soort !== 'gegevensgroeptype') {
        this.findings.error(
          at.file.position([...at.path, 'type']),
          'wrong-kind',
          `gegevensgroep "${g.naam}" must have a gegevensgroeptype, not ${type.soort} "${String(g.type)}"`,
        );
        return [];
      }
      return [
        {
          ...this.metadata(g, at, eigenaar.pakket),
          soort: 'gegevensgroep',
          eigenaar,
          type,
          kardinaliteit,
          indicatieMaterieleHistorie: g.indicatieMaterieleHistorie === true,
          indicatieFormeleHistorie: g.indicatieFormeleHistorie === true,
        } satisfies Gegevensgroep,
      ];
    });
  }

  private relatiesoorten(eigenaar: Objecttype, raw: Raw, location: YamlLocation): Relatiesoort[] {
    return items(raw.relatiesoorten).flatMap(({ raw: r, index }) => {
      const at: YamlLocation = { file: location.file, path: [...location.path, 'relatiesoorten', index] };
      if (typeof r.naam !== 'string') return [];
      this.checkElement(r, at, 'relatiesoort');
      if (typeof r.rol === 'string') this.checkRol(r.rol, at);
      const kardinaliteit = resolveKardinaliteit(this.findings, r.kardinaliteit, at);
      const kardinaliteitBron =
        r.kardinaliteitBron === undefined
          ? undefined
          : resolveKardinaliteit(this.findings, r.kardinaliteitBron, at, 'kardinaliteitBron');
      const doel = this.lookup(r.doel, at, 'doel', `relatiesoort "${r.naam}"`);
      if (!doel) return [];
      if (doel.soort !== 'objecttype') {
        this.findings.error(
          at.file.position([...at.path, 'doel']),
          'wrong-kind',
          doel.soort === 'keuze'
            ? `relatiesoort "${r.naam}" points at keuze "${doel.naam}" (a keuze tussen relatiedoelen), which the model format has no relatiesoort for; write one relatiesoort per objecttype of the keuze`
            : `relatiesoort "${r.naam}" must point at an objecttype, not ${doel.soort} "${doel.naam}"; use an attribuutsoort for a datatype`,
        );
        return [];
      }
      return [
        {
          ...this.metadata(r, at, eigenaar.pakket),
          soort: 'relatiesoort',
          eigenaar,
          doel,
          rol: str(r.rol),
          kardinaliteit,
          rolBron: str(r.rolBron),
          kardinaliteitBron,
          richting: r.richting === 'bidirectioneel' ? 'bidirectioneel' : 'unidirectioneel',
          aggregatie: r.aggregatie === 'compositie' || r.aggregatie === 'gedeeld' ? r.aggregatie : 'geen',
          authentiek: str(r.authentiek) as Authentiek | undefined,
          mogelijkGeenWaarde: r.mogelijkGeenWaarde === true,
          indicatieMaterieleHistorie: r.indicatieMaterieleHistorie === true,
          indicatieFormeleHistorie: r.indicatieFormeleHistorie === true,
        } satisfies Relatiesoort,
      ];
    });
  }

  private waarden(enumeratie: Enumeratie, raw: Raw, location: YamlLocation): Enumeratie['waarden'] {
    const result = items(raw.waarden).flatMap(({ raw: w, index }) => {
      if (typeof w.naam !== 'string') return [];
      const at = location.file.position([...location.path, 'waarden', index, 'naam']);
      if (/[\u0000-\u001f\u007f]/.test(w.naam)) {
        this.findings.error(
          at,
          'unsafe-name',
          `waarde ${JSON.stringify(w.naam)} of enumeratie "${enumeratie.naam}" holds a control character; remove it`,
        );
      }
      return [
        {
          id: str(w.id),
          naam: w.naam,
          code: str(w.code),
          definitie: text(w.definitie),
          toelichting: text(w.toelichting),
          bron: at,
        },
      ];
    });
    checkScope(`enumeratie ${enumeratie.naam}`, result, this.findings);
    const codes = result.filter((w) => w.code !== undefined).map((w) => ({ naam: w.code!, bron: w.bron }));
    checkScope(`the codes of enumeratie ${enumeratie.naam}`, codes, this.findings);
    return result;
  }

  private typeVerwijzing(value: unknown, location: YamlLocation, what: string): TypeVerwijzing | undefined {
    const target = this.lookup(value, location, 'type', what);
    if (!target) return undefined;
    if (target.soort === 'objecttype' || target.soort === 'gegevensgroeptype') {
      const hint =
        target.soort === 'objecttype'
          ? 'use a relatiesoort to point at an objecttype'
          : 'use a gegevensgroep for a gegevensgroeptype';
      this.findings.error(
        location.file.position([...location.path, 'type']),
        'wrong-kind',
        `${what} is typed with ${target.soort} "${target.naam}"; ${hint}`,
      );
      return undefined;
    }
    const naam = value as string;
    const m = LENGTE_IN_NAAM.exec(naam);
    const lengte = m && target.naam !== naam ? Number(m[2]) : undefined;
    return { datatype: target, naam, lengte };
  }

  /** Finds a type, objecttype or gegevensgroeptype by name, reporting an unresolved reference. */
  private lookup(
    value: unknown,
    location: YamlLocation,
    key: string | undefined,
    what: string,
  ): ModelElement | undefined {
    if (typeof value !== 'string') return undefined;
    const at = location.file.position(key ? [...location.path, key] : location.path);
    const exact = this.types.get(value.toLowerCase());
    if (exact) {
      if (exact.element.naam !== value) {
        this.findings.error(
          at,
          'unresolved-reference',
          `${what} refers to "${value}", but the model spells it "${exact.element.naam}"`,
        );
        return undefined;
      }
      return exact.element;
    }
    const m = LENGTE_IN_NAAM.exec(value);
    if (m) {
      const base = this.types.get(m[1]!.toLowerCase())?.element;
      if (base?.soort === 'primitiefDatatype' && base.lengteInNaam && base.naam === m[1] && Number(m[2]) > 0)
        return base;
    }
    const names = [...this.types.values()].map((t) => t.element.naam);
    this.findings.error(
      at,
      'unresolved-reference',
      `${what} refers to "${value}", which the model does not define${bedoeldU(value, names)}`,
    );
    return undefined;
  }
}
