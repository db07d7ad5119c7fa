import { posix } from 'node:path';
import { Findings, type Position } from '../diagnostics/findings.ts';
import { bedoeldU } from '../model/suggest.ts';
import { formatChecker, type FormatChecker } from '../model/structure.ts';
import type { Attribuutsoort, Informatiemodel, Objecttype, PrimitiefDatatype, TypeVerwijzing } from '../model/types.ts';
import { bronKardinaliteit, isMeervoud, modelView, unsafeNaam } from '../model/view.ts';
import { parseYamlFile, type YamlFile, type YamlPath } from '../model/yaml-source.ts';
import { BerichtView } from './bericht.ts';
import type { Herkomst, Lijst, UmInhoud, UmObject, UmVeld, Uitwisselmodel } from './types.ts';

type Raw = Record<string, unknown>;

let checker: FormatChecker | undefined;

/**
 * What the derivation takes from outside the model, from mimgen.config.yaml: the caller reads it, the
 * derivation does no I/O.
 */
export interface DeriveOptions {
  /** The package name that overrides `pakketnaam` of the derivation file (the config's `packages`). */
  pakketnaam?: string;
  /** The npm scope of the package when neither names it (the config's `scope`); default @ddas. */
  scope?: string;
  /** The model folder as the repository names it; default model/<folder name>. */
  modelmap?: string;
}

export interface DeriveResult {
  uitwisselmodel?: Uitwisselmodel;
  findings: Findings;
}

/**
 * Derives the uitwisselmodel from the informatiemodel as the derivation file says. Every reference to the
 * informatiemodel is checked; problems are findings positioned in the derivation file.
 */
export function deriveUitwisselmodel(
  path: string,
  bytes: Uint8Array,
  model: Informatiemodel,
  options: DeriveOptions = {},
): DeriveResult {
  checker ??= formatChecker('uitwisselmodel');
  const findings = new Findings();
  const file = parseYamlFile(path, bytes, findings);
  if (!file || file.data === undefined) return { findings };
  if (!checker.check(file, findings)) return { findings };
  const um = new Deriver(file, model, findings, options).run();
  return { uitwisselmodel: findings.hasErrors ? undefined : um, findings };
}

interface Uitgesteld {
  veld: UmVeld;
  doel: Objecttype;
  sleutel: string;
  at: Position;
}

class Deriver {
  private readonly objecten: UmObject[] = [];
  private readonly referenties: Uitgesteld[] = [];

  constructor(
    private readonly file: YamlFile,
    private readonly model: Informatiemodel,
    private readonly findings: Findings,
    private readonly options: DeriveOptions,
  ) {}

  private pos(path: YamlPath, key = false): Position {
    return this.file.position(path, key);
  }

  run(): Uitwisselmodel {
    const data = this.file.data as Raw;
    const head = data.uitwisselmodel as Raw;
    const datatypeDefs = ((data.datatypes as Raw[] | undefined) ?? []).flatMap((d, i) => {
      const datatype = this.primitief(d.datatype as string, ['datatypes', i, 'datatype']);
      return datatype ? [{ datatype, defNaam: d.defNaam as string, definitie: d.definitie as string | undefined }] : [];
    });
    const enumeraties = ((data.enumeraties as string[] | undefined) ?? []).flatMap((naam, i) => {
      const e = this.model.enumeraties.find((x) => x.naam === naam);
      if (!e)
        this.unresolved(
          ['enumeraties', i],
          'enumeratie',
          naam,
          this.model.enumeraties.map((x) => x.naam),
        );
      return e ? [e] : [];
    });
    const bericht = this.object(
      data.bericht as Raw,
      ['bericht'],
      undefined,
      (data.bericht as Raw).naam as string | undefined,
    );
    this.resolveReferenties();
    // Enumeraties the fields use but the list leaves out are added after it, in order of first use.
    for (const e of new BerichtView(bericht).enumeraties()) if (!enumeraties.includes(e)) enumeraties.push(e);
    return {
      naam: head.naam as string,
      versie: head.versie as string,
      schemaId: head.schemaId as string,
      definitie: head.definitie as string | undefined,
      herkomst: head.herkomst as string | undefined,
      // The config names the package over the model; a model named in neither gets the config's scope (or @ddas).
      pakketnaam:
        this.options.pakketnaam ??
        (head.pakketnaam as string | undefined) ??
        `${this.options.scope ?? '@ddas'}/${posix.basename(this.model.folder)}`,
      modelmap: this.options.modelmap ?? `model/${this.model.folder}`,
      informatiemodel: this.model,
      datatypeDefs,
      enumeraties,
      bericht,
      bron: this.pos(['uitwisselmodel'], true),
    };
  }

  private object(
    raw: Raw,
    path: YamlPath,
    objecttype: Objecttype | undefined,
    naam: string | undefined,
    gesloten?: unknown,
  ): UmObject {
    const object: UmObject = {
      naam: naam ?? objecttype?.naam ?? 'Object',
      definitie: (raw.definitie as string | undefined) ?? objecttype?.definitie,
      objecttype,
      gesloten: (gesloten ?? raw.gesloten) === true,
      velden: [],
      referentie: false,
      bron: this.pos(path),
    };
    if (!objecttype && naam === undefined) {
      this.findings.error(this.pos(path), 'missing-key', 'an added object needs a "naam" for its type; add one');
    }
    this.objecten.push(object);
    const velden = raw.velden as Raw[] | undefined;
    // Each derived field with the path of the entry that gave it: a field left out moves the others' indexes.
    const afgeleid: { veld: UmVeld; pad: YamlPath }[] = velden
      ? velden.flatMap((v, i) =>
          this.veld(v, [...path, 'velden', i], objecttype).map((veld) => ({
            veld,
            pad: [...path, 'velden', i, 'naam'],
          })),
        )
      : this.alleAttributen(objecttype, path).map((veld) => ({ veld, pad: path }));
    object.velden = afgeleid.map((a) => a.veld);
    const seen = new Set<string>();
    for (const { veld, pad } of afgeleid) {
      if (seen.has(veld.naam)) {
        this.findings.error(
          this.pos(pad),
          'duplicate-name',
          `the wire name "${veld.naam}" appears twice in ${object.naam}; keep one`,
        );
      }
      seen.add(veld.naam);
    }
    return object;
  }

  /** Without a list of velden an embedded objecttype brings all its attribuutsoorten, under their own names. */
  private alleAttributen(objecttype: Objecttype | undefined, path: YamlPath): UmVeld[] {
    if (!objecttype) return [];
    return modelView(this.model)
      .attribuutsoortenOf(objecttype)
      .map((a) => ({
        naam: a.naam,
        definitie: a.definitie,
        verplicht: false,
        lijst: isMeervoud(a.kardinaliteit) ? { uniek: false } : undefined,
        inhoud: this.waarde(a.type, a),
        herkomst: { soort: 'attribuutsoort', attribuutsoort: a },
        bron: this.pos(path),
      }));
  }

  private veld(raw: Raw, path: YamlPath, context: Objecttype | undefined): UmVeld[] {
    const naam = raw.naam as string;
    const problem = unsafeNaam(naam);
    if (problem) {
      this.findings.error(
        this.pos([...path, 'naam']),
        'unsafe-name',
        `wire name ${JSON.stringify(naam)} ${problem}; choose another name`,
      );
      return [];
    }
    const kinds = ['attribuut', 'relatie', 'objecttype', 'toegevoegd'].filter((k) => raw[k] !== undefined);
    if (kinds.length > 1) {
      this.findings.error(
        this.pos([...path, kinds[1]!], true),
        'conflicting-keys',
        `field "${naam}" says both ${kinds.join(' and ')}; a field comes from one place`,
      );
      return [];
    }
    const base = {
      naam,
      toelichting: raw.toelichting as string | undefined,
      verplicht: raw.verplicht === true,
      lijst: this.lijst(raw.lijst),
      bron: this.pos(path),
    };
    const kind = kinds[0] ?? 'attribuut';

    if (kind === 'toegevoegd') {
      const t = raw.toegevoegd as Raw;
      const herkomst: Herkomst = { soort: 'toegevoegd' };
      if (t.object !== undefined) {
        const object = this.object(
          t.object as Raw,
          [...path, 'toegevoegd', 'object'],
          undefined,
          (t.object as Raw).naam as string | undefined,
        );
        return [
          {
            ...base,
            definitie: (raw.definitie as string | undefined) ?? (t.definitie as string | undefined) ?? object.definitie,
            inhoud: { soort: 'object', object },
            herkomst,
          },
        ];
      }
      if (typeof t.type !== 'string') {
        this.findings.error(
          this.pos([...path, 'toegevoegd'], true),
          'missing-key',
          `added field "${naam}" needs a "type" or an "object"`,
        );
        return [];
      }
      const type = this.type(t.type, [...path, 'toegevoegd', 'type']);
      if (!type) return [];
      return [
        {
          ...base,
          definitie: (raw.definitie as string | undefined) ?? (t.definitie as string | undefined) ?? undefined,
          inhoud: this.waarde(type, undefined, raw.compat, path),
          herkomst,
        },
      ];
    }

    if (kind === 'objecttype') {
      const objecttype = this.model.objecttypen.find((o) => o.naam === raw.objecttype);
      if (!objecttype) {
        this.unresolved(
          [...path, 'objecttype'],
          'objecttype',
          raw.objecttype as string,
          this.model.objecttypen.map((o) => o.naam),
        );
        return [];
      }
      const object = this.object(raw, path, objecttype, undefined);
      return [
        {
          ...base,
          definitie: (raw.definitie as string | undefined) ?? objecttype.definitie,
          inhoud: { soort: 'object', object },
          herkomst: { soort: 'objecttype', objecttype },
        },
      ];
    }

    if (!context) {
      this.findings.error(
        this.pos([...path, 'naam']),
        'unresolved-reference',
        `field "${naam}" belongs to an added object, so it cannot come from an attribuutsoort or relatiesoort; mark it "toegevoegd" or embed an "objecttype"`,
      );
      return [];
    }

    if (kind === 'relatie') {
      const view = modelView(this.model);
      const relaties = view.relatiesoortenOf(context);
      const wanted = raw.relatie as string;
      // By its property name (rol, else naam; unique within the objecttype by lint), else by naam, else by id. A
      // subtype and its supertype, or two supertypes, may each have a relatiesoort of one naam with different
      // rollen (issue 15, item 5): that naam is ambiguous, the rol or the id says which.
      const byEigenschap = relaties.filter((r) => (r.rol ?? r.naam) === wanted);
      const kandidaten = byEigenschap.length > 0 ? byEigenschap : relaties.filter((r) => r.naam === wanted);
      if (kandidaten.length > 1) {
        this.findings.error(
          this.pos([...path, 'relatie']),
          'ambiguous-reference',
          `relatiesoort "${wanted}" of ${context.naam} is ambiguous: ${kandidaten
            .map((r) => `${r.id} (${r.eigenaar.naam} → ${r.doel.naam})`)
            .join(
              ', ',
            )}; write the rol or the id of the one you mean, such as "relatie: ${kandidaten[0]!.rol ?? kandidaten[0]!.id}"`,
        );
        return [];
      }
      const heen = kandidaten[0] ?? relaties.find((r) => r.id === wanted);
      // A relation drawn towards this objecttype (or a supertype of it) can be followed back by its rolBron.
      const naar = view.incomingRelatiesoorten(context, { inherited: true });
      const terug = heen ? undefined : naar.find((r) => r.rolBron === wanted);
      const relatie = heen ?? terug;
      if (!relatie) {
        const terugRollen = naar.filter((r) => r.rolBron).map((r) => r.rolBron!);
        this.unresolved([...path, 'relatie'], `relatiesoort of ${context.naam}`, wanted, [
          ...relaties.map((r) => r.rol ?? r.naam),
          ...terugRollen,
        ]);
        return [];
      }
      const doel = heen ? relatie.doel : relatie.eigenaar;
      const kardinaliteit = heen ? relatie.kardinaliteit : bronKardinaliteit(relatie);
      const herkomst: Herkomst = { soort: 'relatiesoort', relatiesoort: relatie, omgekeerd: !heen };
      const lijst = base.lijst ?? (isMeervoud(kardinaliteit) ? { uniek: false } : undefined);
      const definitie = (raw.definitie as string | undefined) ?? doel.definitie;
      if (typeof raw.referentie === 'string') {
        if (raw.velden !== undefined) {
          this.findings.error(
            this.pos([...path, 'velden'], true),
            'conflicting-keys',
            `field "${naam}" is a reference by key; it cannot list velden too`,
          );
        }
        const placeholder: UmObject = {
          naam: `${doel.naam}Referentie`,
          definitie,
          objecttype: doel,
          gesloten: true,
          velden: [],
          referentie: true,
          bron: this.pos(path),
        };
        const veld: UmVeld = { ...base, lijst, definitie, inhoud: { soort: 'object', object: placeholder }, herkomst };
        this.referenties.push({ veld, doel, sleutel: raw.referentie, at: this.pos([...path, 'referentie']) });
        return [veld];
      }
      const object = this.object(raw, path, doel, undefined);
      return [{ ...base, lijst, definitie, inhoud: { soort: 'object', object }, herkomst }];
    }

    const wanted = (raw.attribuut as string | undefined) ?? naam;
    const waar: YamlPath = [...path, raw.attribuut !== undefined ? 'attribuut' : 'naam'];
    const view = modelView(this.model);
    const attributen = view.attribuutsoortenOf(context);
    const attribuut = attributen.find((a) => a.naam === wanted);
    const groep = attribuut ? undefined : view.gegevensgroepenOf(context).find((g) => g.naam === wanted);
    if (groep) {
      this.findings.error(
        this.pos(waar),
        'gegevensgroep-in-derivation',
        `"${wanted}" is a gegevensgroep of ${context.naam} (of type ${groep.type.naam}), which a derivation cannot deliver yet; leave the field out, or model what the message needs as attribuutsoorten of ${context.naam}`,
      );
      return [];
    }
    if (!attribuut) {
      this.unresolved(
        waar,
        `attribuutsoort of ${context.naam}`,
        wanted,
        attributen.map((a) => a.naam),
      );
      return [];
    }
    const lijst = base.lijst ?? (isMeervoud(attribuut.kardinaliteit) ? { uniek: false } : undefined);
    return [
      {
        ...base,
        lijst,
        definitie: (raw.definitie as string | undefined) ?? attribuut.definitie,
        inhoud: this.waarde(attribuut.type, attribuut, raw.compat, path),
        herkomst: { soort: 'attribuutsoort', attribuutsoort: attribuut },
      },
    ];
  }

  private waarde(
    type: TypeVerwijzing,
    attribuut: Attribuutsoort | undefined,
    compat?: unknown,
    path?: YamlPath,
  ): UmInhoud {
    const inhoud: UmInhoud = {
      soort: 'waarde',
      type,
      lengte: attribuut?.lengte ?? type.lengte,
      formeelPatroon: attribuut?.formeelPatroon,
    };
    if (compat && path) {
      const c = compat as Raw;
      const compatType = typeof c.type === 'string' ? this.type(c.type, [...path, 'compat', 'type']) : type;
      if (compatType) inhoud.compat = { type: compatType, toelichting: c.toelichting as string };
    }
    return inhoud;
  }

  private lijst(raw: unknown): Lijst | undefined {
    if (raw === undefined) return undefined;
    const r = raw as Raw;
    return {
      minimaal: r.minimaal as number | undefined,
      maximaal: r.maximaal as number | undefined,
      uniek: r.uniek === true,
    };
  }

  private type(naam: string, path: YamlPath): TypeVerwijzing | undefined {
    const view = modelView(this.model);
    const type = view.datatype(naam);
    if (!type)
      this.unresolved(
        path,
        'datatype',
        naam,
        view.datatypen.map((d) => d.naam),
      );
    return type;
  }

  private primitief(naam: string, path: YamlPath): PrimitiefDatatype | undefined {
    const d = this.model.primitieveDatatypes.find((x) => x.naam === naam);
    if (!d)
      this.unresolved(
        path,
        'primitief datatype',
        naam,
        this.model.primitieveDatatypes.map((x) => x.naam),
      );
    return d;
  }

  /** A reference by key copies the key field of the object it refers to, wherever that object is embedded. */
  private resolveReferenties(): void {
    for (const { veld, doel, sleutel, at } of this.referenties) {
      const doelen = this.objecten.filter((o) => o.objecttype === doel && !o.referentie);
      const key = doelen.flatMap((o) => o.velden).find((v) => v.naam === sleutel);
      if (!key) {
        const where =
          doelen.length === 0
            ? `no object in the message embeds ${doel.naam}`
            : `${doel.naam} in the message has no field "${sleutel}"`;
        this.findings.error(
          at,
          'unresolved-reference',
          `the reference by key "${sleutel}" cannot be resolved: ${where}`,
        );
        continue;
      }
      if (!key.verplicht) {
        // A reference is its key: an optional key (say from a 0..1 attribuutsoort) could leave a reference
        // that refers to nothing, and the mapping would have no key to copy (issue 15, item 5).
        this.findings.error(
          at,
          'optional-key',
          `the reference by key "${sleutel}" needs a key that every ${doel.naam} has, but field "${sleutel}" of ${doel.naam} in the message (line ${key.bron.line}) is optional; write "verplicht: true" there, or refer by another key`,
        );
        continue;
      }
      if (veld.inhoud.soort === 'object') veld.inhoud.object.velden = [{ ...key, verplicht: true, lijst: undefined }];
    }
  }

  private unresolved(path: YamlPath, what: string, naam: string, known: string[]): void {
    this.findings.error(
      this.pos(path),
      'unresolved-reference',
      `${what} "${naam}" does not exist in the informatiemodel ${this.model.naam}${bedoeldU(naam, known)}`,
    );
  }
}
