/**
 * A starting derivation (`mimgen derive --scaffold <objecttype>`): from a resolved informatiemodel and the
 * name of one objecttype, the text of a `uitwisselmodel.yaml` that lints clean and generates, for a
 * maintainer to edit rather than to write from nothing. A pure function: the command reads the model and
 * writes the file.
 *
 * What the message holds:
 *
 * - The envelope is minimal: the message, named after the informatiemodel (and with its version, and a schemaId
 *   under its basisUri or a placeholder URN), with one list, the records (the given objecttype,
 *   `gesloten`). A period or a delivery moment, as the DDAS messages have, belongs to a delivery protocol, not to
 *   every exchange; the header of the file shows how to add such a field.
 * - Each record holds every attribuutsoort of its objecttype, inherited ones first (ModelView), under its own
 *   name, required where the informatiemodel requires a value, a list where it allows more than one.
 * - Its relatiesoorten (its own, then inherited ones) are followed breadth first. A relation to an objecttype
 *   that is not embedded yet embeds it there; that place is the objecttype's one full embedding. A
 *   compositie embeds its part wherever its whole stands (a part has no life outside its whole), as long as
 *   the part is not on the path above already. Every other relation is a reference by key: to an objecttype
 *   on the path above (a cycle), to one embedded elsewhere, and to one more than `diepte` (default 3)
 *   relations below its list. An objecttype that is referred to but embedded nowhere gets a list of its own
 *   in the envelope, scaffolded the same way, so that every reference has an object to point at.
 * - A reference names the key field of its target: the target's identificerend attribuutsoort when it has
 *   exactly one (and it holds one value), otherwise a field `ID` that the derivation adds (`toegevoegd`, as
 *   the DDAS messages do), first in every embedding of the target. Embedding instead is not always possible
 *   (a cycle cannot be embedded), so a key is added wherever one is missing. A key field is required.
 * - Wire names are the model's names: an attribuutsoort's naam, a relatiesoort's rol (or its naam when it has
 *   no rol), the objecttype's naam for a list of the envelope. A name the derivation refuses as a wire name
 *   (a slash, say) or one already used in the object gets a safe, unique variant, with the model name beside
 *   it (`attribuut:`, `relatie:`).
 * - What the derivation cannot express is left out and listed in the file's header: gegevensgroepen (the
 *   derivation has no gegevensgroep field yet) and an inherited relatiesoort whose rol or naam a nearer one
 *   takes (the derivation finds the nearer one by that name).
 *
 * The data is laid out with the yaml library's Document API, which quotes every scalar correctly (names such
 * as `(Statutaire) Naam`, `yes` or `1.0`) and attaches a comment to the field it explains; the header's prose
 * is the Handlebars template templates/derive/uitwisselmodel.yaml.hbs.
 */
import { Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { pointerSegment } from '../common/json-pointer.ts';
import { textTemplate } from '../common/tool-files.ts';
import { finding, type Finding } from '../diagnostics/findings.ts';
import { bedoeldU } from '../model/suggest.ts';
import type {
  Attribuutsoort,
  Informatiemodel,
  Kardinaliteit,
  Objecttype,
  PrimitiefDatatype,
  Relatiesoort,
} from '../model/types.ts';
import { isMeervoud, modelView, unsafeNaam, type ModelView } from '../model/view.ts';

/** How many relations below a list of the envelope an objecttype is still embedded. */
export const SCAFFOLD_DIEPTE = 3;

/** The wire name of the key field the derivation adds to an objecttype without a usable identificerend attribuutsoort. */
export const SLEUTEL_ID = 'ID';

export interface ScaffoldOptions {
  /** Path from the model folder to the derivation format's JSON Schema, for the YAML language server's first line. */
  schema: string;
  /** How many relations below a list of the envelope an objecttype is still embedded (default 3, at least 1). */
  diepte?: number;
}

export interface ScaffoldSamenvatting {
  /** The objecttypen embedded, each once, in the order they were reached. */
  ingebed: string[];
  /** How many relations became a reference by key. */
  referenties: number;
  /** The lists of the envelope: the records first, then those for objecttypen referred to but embedded nowhere. */
  lijsten: string[];
  /** The objecttypen that got an added key field. */
  sleutels: string[];
  /** What the derivation cannot express and the scaffold left out, as `Objecttype.element`. */
  weggelaten: string[];
}

export type ScaffoldResult =
  { tekst: string; samenvatting: ScaffoldSamenvatting; finding?: undefined } | { finding: Finding; tekst?: undefined };

/** Why a relation is a reference by key. */
type Reden = 'cyclus' | 'elders' | 'diepte';

/** An object of the message being planned: an objecttype at one place. */
interface Plek {
  objecttype: Objecttype;
  /** The objecttypen from its list down to it, itself included. */
  pad: readonly Objecttype[];
  /** Relations below its list: 0 for a list of the envelope. */
  diepte: number;
  /** JSON pointer of the place, `*` standing for every item of a list (for the comments). */
  pointer: string;
  /** The wire name of the field that holds it. */
  naam: string;
  velden: PlanVeld[];
}

type PlanVeld =
  | { soort: 'attribuut'; attribuut: Attribuutsoort }
  | { soort: 'ingebed'; relatie: Relatiesoort; plek: Plek }
  | { soort: 'referentie'; relatie: Relatiesoort; reden: Reden };

/** The fields of an objecttype: the same wherever it is embedded. */
interface Veldnamen {
  attributen: { attribuut: Attribuutsoort; naam: string }[];
  relaties: { relatie: Relatiesoort; sleutel: string; naam: string }[];
  /** The relatiesoorten the derivation cannot reach by name, and the gegevensgroepen: left out. */
  weggelaten: Weggelaten[];
  /** The wire names taken by the fields above, for the added key. */
  bezet: Set<string>;
}

interface Weggelaten {
  element: string;
  type: string;
  gegevensgroep: boolean;
}

interface HeaderView {
  schema: string;
  objecttype: string;
  informatiemodel: string;
  versie: string;
  diepte: number;
  records: string;
  extraLijsten: string[];
  sleutels: string[];
  sleutelNaam: string;
  placeholder: boolean;
  weggelaten: Weggelaten[];
}

let header: ((view: HeaderView) => string) | undefined;

/**
 * The text of a uitwisselmodel.yaml with `objecttype` as its record, or a finding (under the informatiemodel
 * section) when the model has no objecttype of that name.
 */
export function scaffoldUitwisselmodel(
  model: Informatiemodel,
  objecttype: string,
  options: ScaffoldOptions,
): ScaffoldResult {
  const record = model.objecttypen.find((o) => o.naam === objecttype);
  if (!record) {
    const namen = model.objecttypen.map((o) => o.naam);
    const hint =
      bedoeldU(objecttype, namen) || (namen.length === 0 ? '; it has no objecttypen' : `; it has ${opsomming(namen)}`);
    return {
      finding: finding(
        model.bron,
        'error',
        'unresolved-reference',
        `objecttype "${objecttype}" does not exist in the informatiemodel ${model.naam}${hint}`,
      ),
    };
  }
  const view = modelView(model);
  const diepte = Math.max(1, Math.floor(options.diepte ?? SCAFFOLD_DIEPTE));
  const namen = new Namen(view);
  const plan = new Planner(view, namen, diepte).plan(record);
  // The objecttypen referred to that have no identificerend attribuutsoort to be referred to by: they get an ID.
  const toegevoegd = [...plan.sleutels].filter(([, k]) => k === undefined).map(([o]) => o.naam);
  const sleutelType = idType(model);
  if (!sleutelType && toegevoegd.length > 0) {
    return {
      finding: finding(
        model.bron,
        'error',
        'unresolved-reference',
        `the informatiemodel ${model.naam} has no primitive datatype for the key field ${SLEUTEL_ID} that references to ${opsomming(toegevoegd)} need; add one (such as CharacterString)`,
      ),
    };
  }

  const doc = new Document();
  const render = new Renderer(doc, namen, plan, sleutelType?.naam ?? '', diepte);
  const lijsten = plan.lijsten.map((l) => render.lijst(l));
  const envelope = doc.createNode({ naam: model.naam, gesloten: true, velden: lijsten }) as YAMLMap;
  doc.contents = doc.createNode({
    uitwisselmodel: { naam: model.naam, versie: model.versie, schemaId: schemaId(model) },
    bericht: envelope,
  });

  const weggelaten = [
    ...new Map([...plan.ingebed.keys()].flatMap((o) => namen.van(o).weggelaten).map((w) => [w.element, w])).values(),
  ];
  header ??= textTemplate<HeaderView>('derive/uitwisselmodel.yaml.hbs');
  const tekst =
    header({
      schema: options.schema,
      objecttype: eenRegel(record.naam),
      informatiemodel: eenRegel(model.naam),
      versie: eenRegel(model.versie),
      diepte,
      records: eenRegel(plan.lijsten[0]!.naam),
      extraLijsten: plan.lijsten.slice(1).map((l) => eenRegel(l.objecttype.naam)),
      sleutels: toegevoegd.map(eenRegel),
      sleutelNaam: SLEUTEL_ID,
      placeholder: schemaId(model).startsWith('urn:example:'),
      weggelaten: weggelaten.map((w) => ({ ...w, element: eenRegel(w.element), type: eenRegel(w.type) })),
    }) + doc.toString({ lineWidth: 0, indentSeq: true });
  return {
    tekst,
    samenvatting: {
      ingebed: [...plan.ingebed.keys()].map((o) => o.naam),
      referenties: plan.referenties,
      lijsten: plan.lijsten.map((l) => l.objecttype.naam),
      sleutels: toegevoegd,
      weggelaten: weggelaten.map((w) => w.element),
    },
  };
}

interface Plan {
  /** The lists of the envelope: the records first. */
  lijsten: Plek[];
  /** Every objecttype embedded, with its one full embedding (the first place it was reached). */
  ingebed: Map<Objecttype, Plek>;
  /** The objecttypen referred to by key: their identificerend attribuutsoort, or undefined for an added key. */
  sleutels: Map<Objecttype, Attribuutsoort | undefined>;
  referenties: number;
}

/** Plans the message breadth first: which relation embeds, which refers by key, which lists the envelope needs. */
class Planner {
  private readonly ingebed = new Map<Objecttype, Plek>();
  private readonly sleutels = new Map<Objecttype, Attribuutsoort | undefined>();
  private readonly lijstNamen = new Set<string>();
  private referenties = 0;

  constructor(
    private readonly view: ModelView,
    private readonly namen: Namen,
    private readonly diepte: number,
  ) {}

  plan(record: Objecttype): Plan {
    const lijsten: Plek[] = [];
    const zonderPlek: Objecttype[] = [];
    let volgende: Objecttype | undefined = record;
    while (volgende) {
      const naam = uniek(veiligeNaam(volgende.naam), this.lijstNamen);
      const lijst: Plek = {
        objecttype: volgende,
        pad: [volgende],
        diepte: 0,
        pointer: `/${pointerSegment(naam)}/*`,
        naam,
        velden: [],
      };
      lijsten.push(lijst);
      this.ingebed.set(volgende, lijst);
      const rij: Plek[] = [lijst];
      for (let i = 0; i < rij.length; i++) this.vul(rij[i]!, rij, zonderPlek);
      // An objecttype referred to beyond the depth and embedded nowhere gets a list of its own.
      volgende = zonderPlek.find((o) => !this.ingebed.has(o));
    }
    return { lijsten, ingebed: this.ingebed, sleutels: this.sleutels, referenties: this.referenties };
  }

  private vul(plek: Plek, rij: Plek[], zonderPlek: Objecttype[]): void {
    const o = plek.objecttype;
    for (const attribuut of this.view.attribuutsoortenOf(o)) plek.velden.push({ soort: 'attribuut', attribuut });
    for (const { relatie, naam } of this.namen.van(o).relaties) {
      const doel = relatie.doel;
      if (plek.pad.includes(doel)) this.verwijs(plek, relatie, 'cyclus');
      else if (plek.diepte >= this.diepte) {
        this.verwijs(plek, relatie, 'diepte');
        if (!this.ingebed.has(doel) && !zonderPlek.includes(doel)) zonderPlek.push(doel);
      } else if (!this.ingebed.has(doel) || relatie.aggregatie === 'compositie') {
        const kind: Plek = {
          objecttype: doel,
          pad: [...plek.pad, doel],
          diepte: plek.diepte + 1,
          pointer: `${plek.pointer}/${pointerSegment(naam)}${isMeervoud(relatie.kardinaliteit) ? '/*' : ''}`,
          naam,
          velden: [],
        };
        if (!this.ingebed.has(doel)) this.ingebed.set(doel, kind);
        plek.velden.push({ soort: 'ingebed', relatie, plek: kind });
        rij.push(kind);
      } else this.verwijs(plek, relatie, 'elders');
    }
  }

  private verwijs(plek: Plek, relatie: Relatiesoort, reden: Reden): void {
    plek.velden.push({ soort: 'referentie', relatie, reden });
    this.referenties++;
    if (!this.sleutels.has(relatie.doel)) this.sleutels.set(relatie.doel, identificatie(this.view, relatie.doel));
  }
}

/** The wire names of an objecttype's fields, the same wherever it is embedded; made once per objecttype. */
class Namen {
  private readonly cache = new Map<Objecttype, Veldnamen>();

  constructor(private readonly view: ModelView) {}

  van(o: Objecttype): Veldnamen {
    let namen = this.cache.get(o);
    if (namen) return namen;
    const bezet = new Set<string>();
    const attributen = this.view
      .attribuutsoortenOf(o)
      .map((attribuut) => ({ attribuut, naam: uniek(veiligeNaam(attribuut.naam), bezet) }));
    const relaties = bereikbareRelaties(this.view, o).map((relatie) => ({
      relatie,
      sleutel: relatieSleutel(relatie),
      naam: uniek(veiligeNaam(relatieSleutel(relatie)), bezet),
    }));
    const bereikbaar = new Set(relaties.map((r) => r.relatie));
    const weggelaten: Weggelaten[] = [
      ...[o, ...this.view.ancestors(o)]
        .flatMap((x) => x.gegevensgroepen)
        .map((g) => ({ element: `${g.eigenaar.naam}.${g.naam}`, type: g.type.naam, gegevensgroep: true })),
      ...this.view
        .relatiesoortenOf(o)
        .filter((r) => !bereikbaar.has(r))
        .map((r) => ({ element: `${r.eigenaar.naam}.${r.naam}`, type: r.doel.naam, gegevensgroep: false })),
    ];
    namen = { attributen, relaties, weggelaten, bezet };
    this.cache.set(o, namen);
    return namen;
  }
}

/** Lays the plan out as YAML nodes. */
class Renderer {
  constructor(
    private readonly doc: Document,
    private readonly namen: Namen,
    private readonly plan: Plan,
    private readonly sleutelType: string,
    private readonly diepte: number,
  ) {}

  /** A list of the envelope: the objecttype under its own name. */
  lijst(plek: Plek): YAMLMap {
    const eerste = plek === this.plan.lijsten[0];
    const node = this.doc.createNode({
      naam: plek.naam,
      objecttype: plek.objecttype.naam,
      ...(eerste ? { verplicht: true } : {}),
      lijst: this.flow({}),
      gesloten: true,
      velden: this.velden(plek),
    }) as YAMLMap;
    if (!eerste)
      node.commentBefore = ` ${plek.objecttype.naam}: referred to more than ${this.diepte} relations below a list, and embedded nowhere else`;
    return node;
  }

  /** The wire name of the key field of an objecttype that is referred to. */
  private sleutelNaam(o: Objecttype): string {
    const namen = this.namen.van(o);
    const attribuut = this.plan.sleutels.get(o);
    if (attribuut) return namen.attributen.find((a) => a.attribuut === attribuut)!.naam;
    let naam = SLEUTEL_ID;
    for (let i = 2; namen.bezet.has(naam); i++) naam = `${SLEUTEL_ID}_${i}`;
    return naam;
  }

  private velden(plek: Plek): YAMLSeq {
    const o = plek.objecttype;
    const namen = this.namen.van(o);
    const items: unknown[] = [];
    const sleutel = this.plan.sleutels.has(o) ? this.plan.sleutels.get(o) : null;
    if (sleutel === undefined) {
      items.push({
        naam: this.sleutelNaam(o),
        toegevoegd: this.flow({
          type: this.sleutelType,
          definitie: `De sleutel van ${o.naam} in het bericht, waarmee verwijzingen naar ${o.naam} het object aanwijzen.`,
        }),
        verplicht: true,
      });
    }
    for (const veld of plek.velden) {
      if (veld.soort === 'attribuut') {
        const a = veld.attribuut;
        const naam = namen.attributen.find((x) => x.attribuut === a)!.naam;
        items.push({
          naam,
          ...(naam !== a.naam ? { attribuut: a.naam } : {}),
          ...(vereist(a.kardinaliteit, a.mogelijkGeenWaarde) || a === sleutel ? { verplicht: true } : {}),
          ...this.lijstVan(a.kardinaliteit),
        });
        continue;
      }
      const r = namen.relaties.find((x) => x.relatie === veld.relatie)!;
      const basis = {
        naam: r.naam,
        relatie: r.sleutel,
        ...(vereist(veld.relatie.kardinaliteit, veld.relatie.mogelijkGeenWaarde) ? { verplicht: true } : {}),
        ...this.lijstVan(veld.relatie.kardinaliteit),
      };
      if (veld.soort === 'ingebed') {
        items.push({ ...basis, velden: this.velden(veld.plek) });
        continue;
      }
      const node = this.doc.createNode({ ...basis, referentie: this.sleutelNaam(veld.relatie.doel) }) as YAMLMap;
      node.commentBefore = ` ${this.reden(veld.relatie.doel, veld.reden)}`;
      items.push(node);
    }
    return this.doc.createNode(items) as YAMLSeq;
  }

  private reden(doel: Objecttype, reden: Reden): string {
    const waar = this.plan.ingebed.get(doel)!.pointer;
    if (reden === 'cyclus') return `a reference by key: ${doel.naam} holds this object (a cycle), at ${waar}`;
    if (reden === 'diepte')
      return `a reference by key: more than ${this.diepte} relations below the list; ${doel.naam} is at ${waar}`;
    return `a reference by key: ${doel.naam} is embedded at ${waar}`;
  }

  private lijstVan(k: Kardinaliteit): { lijst?: YAMLMap } {
    if (!isMeervoud(k)) return {};
    return {
      lijst: this.flow({
        ...(k.min > 0 ? { minimaal: k.min } : {}),
        ...(k.max !== undefined ? { maximaal: k.max } : {}),
      }),
    };
  }

  private flow(value: Record<string, unknown>): YAMLMap {
    const node = this.doc.createNode(value) as YAMLMap;
    node.flow = true;
    return node;
  }
}

/** The informatiemodel requires a value: at least one, and not `mogelijkGeenWaarde`. */
function vereist(k: Kardinaliteit, mogelijkGeenWaarde: boolean): boolean {
  return k.min >= 1 && !mogelijkGeenWaarde;
}

/** The name by which the derivation finds a relatiesoort: its rol, or its naam when it has none. */
function relatieSleutel(r: Relatiesoort): string {
  return r.rol ?? r.naam;
}

/**
 * The relatiesoorten of an objecttype (its own, then inherited ones) that the derivation finds by their
 * rol or naam: it takes the first with that rol, else the first with that naam, so a relatiesoort whose
 * name a nearer one takes cannot be reached.
 */
function bereikbareRelaties(view: ModelView, o: Objecttype): Relatiesoort[] {
  const alle = view.relatiesoortenOf(o);
  return alle.filter((r) => {
    const sleutel = relatieSleutel(r);
    return (alle.find((x) => x.rol === sleutel) ?? alle.find((x) => x.naam === sleutel)) === r;
  });
}

/** The identificerend attribuutsoort a reference can use as key: exactly one, holding one value; else undefined. */
function identificatie(view: ModelView, o: Objecttype): Attribuutsoort | undefined {
  const ids = view.attribuutsoortenOf(o).filter((a) => a.identificerend);
  return ids.length === 1 && !isMeervoud(ids[0]!.kardinaliteit) ? ids[0] : undefined;
}

/** The datatype of an added key: text without a format or pattern (CharacterString, AN), else any text, else any primitive. */
function idType(model: Informatiemodel): PrimitiefDatatype | undefined {
  const p = model.primitieveDatatypes;
  const kaal = (d: PrimitiefDatatype): boolean =>
    d.basis === 'tekst' && !d.formaat && !d.patroon && !d.formeelPatroon && d.lengte === undefined;
  return (
    p.find((d) => d.naam === 'CharacterString' && kaal(d)) ??
    p.find((d) => d.naam === 'AN' && kaal(d)) ??
    p.find(kaal) ??
    p.find((d) => d.basis === 'tekst') ??
    p[0]
  );
}

/** The `$id` of the message schema: under the model's basisUri, or a placeholder URN (RFC 6963's example namespace). */
function schemaId(model: Informatiemodel): string {
  if (model.basisUri) {
    try {
      const basis = model.basisUri.endsWith('/') ? model.basisUri : `${model.basisUri}/`;
      return new URL('uitwisselmodel.schema.json', basis).href;
    } catch {
      // Not a URL: the placeholder below.
    }
  }
  const folder = model.folder.replaceAll('\\', '/').split('/').filter(Boolean).pop() ?? 'model';
  return `urn:example:${encodeURIComponent(folder)}:uitwisselmodel.schema.json`;
}

/** A name the derivation takes as a wire name (see unsafeNaam): control characters and slashes replaced, a reserved name suffixed. */
function veiligeNaam(naam: string): string {
  let s = naam
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[/\\]/g, '-')
    .replace(/\.{2,}/g, '.')
    .trim();
  if (s === '') s = 'veld';
  return unsafeNaam(s) ? `${s}_` : s;
}

/** `naam`, or `naam_2`, `naam_3`, ... when it is taken; the result is taken from then on. */
function uniek(naam: string, bezet: Set<string>): string {
  let n = naam;
  for (let i = 2; bezet.has(n); i++) n = `${naam}_${i}`;
  bezet.add(n);
  return n;
}

/** Text for one comment line. */
function eenRegel(tekst: string): string {
  return tekst.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function opsomming(namen: string[]): string {
  const quoted = namen.slice(0, 8).map((n) => `"${n}"`);
  return namen.length > 8 ? `${quoted.join(', ')} and ${namen.length - 8} more` : quoted.join(', ');
}
