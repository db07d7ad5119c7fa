/**
 * The documentation emitter: Markdown pages for an MkDocs site (Material theme) written from the model
 * through the Handlebars templates in templates/docs/. A pure function of the uitwisselmodel and the
 * informatiemodel it comes from; the templates are read once when the module loads (see templates.ts).
 *
 * The views built here hold the model's text as it is; the templates' helpers escape it for where it lands.
 */
import { herkomstElement } from '../../derive/bericht.ts';
import type { Herkomst, Uitwisselmodel } from '../../derive/types.ts';
import type {
  Attribuutsoort,
  Codelijst,
  Datatype,
  Enumeratie,
  Gegevensgroep,
  Gegevensgroeptype,
  Informatiemodel,
  Keuze,
  Metadata,
  Objecttype,
  PrimitiefDatatype,
  GestructureerdDatatype,
  Relatiesoort,
  TypeVerwijzing,
} from '../../model/types.ts';
import { modelView, type ModelView } from '../../model/view.ts';
import { berichtSchema, COMPAT_SCHEMA, STRICT_SCHEMA, VERSCHILLEN, type Verschil } from '../json-schema/index.ts';
import { MAPPING, mappingRegels, type MappingBron } from '../mapping/index.ts';
import { OPENAPI } from '../openapi/index.ts';
import { jsonText } from '../../common/text.ts';
import { Ankers } from './anchors.ts';
import { apiAnkers, apiView } from './api.ts';
import { berichtNiveaus, type UmNiveau, type UmVeldInfo } from './bericht.ts';
import { informatiemodelDiagram, uitwisselmodelDiagram } from './diagrams.ts';
import type { Link } from './helpers.ts';
import { TEMPLATES } from './templates.ts';
import { voorbeeldBericht } from './voorbeeld.ts';

/** The generated pages, by path relative to generated/<model>/. */
export const DOCS = {
  index: 'docs/index.md',
  hoofdlijnen: 'docs/hoofdlijnen.md',
  definities: 'docs/definities.md',
  uitwisselspecificatie: 'docs/uitwisselspecificatie.md',
  /** Only for a model with an API section. */
  api: 'docs/api.md',
  nav: 'docs/mkdocs-nav.yml',
} as const;

type Pagina = 'index' | 'hoofdlijnen' | 'definities' | 'uitwisselspecificatie' | 'api';

/** An example message shown in the exchange specification. */
export interface Voorbeeld {
  titel: string;
  beschrijving: string;
  bericht: unknown;
}

/**
 * The example messages the exchange specification embeds. The project has no example files of its own yet,
 * so this is one message built from the model; the test suite validates every embedded example against the
 * compat schema.
 */
export function voorbeelden(um: Uitwisselmodel): Voorbeeld[] {
  return [
    {
      titel: 'Volledig bericht',
      beschrijving:
        'Een bericht waarin elk veld is ingevuld en elke lijst zo veel elementen heeft als zij moet hebben (ten minste één). ' +
        'De waarden zijn verzonnen; mimgen bouwt het voorbeeld uit het model op.',
      bericht: voorbeeldBericht(um),
    },
  ];
}

export function emitDocs(um: Uitwisselmodel): Map<string, string> {
  const ctx = new Context(um);
  return new Map([
    [DOCS.index, markdown(TEMPLATES.index(indexView(ctx)))],
    [DOCS.hoofdlijnen, markdown(TEMPLATES.hoofdlijnen(hoofdlijnenView(ctx)))],
    [DOCS.definities, markdown(TEMPLATES.definities(definitiesView(ctx)))],
    [DOCS.uitwisselspecificatie, markdown(TEMPLATES.uitwisselspecificatie(uitwisselspecificatieView(ctx)))],
    ...(um.api ? [[DOCS.api, markdown(TEMPLATES.api(apiPaginaView(ctx)))] as const] : []),
    [DOCS.nav, markdown(TEMPLATES.nav(navView(ctx)))],
  ]);
}

/** Blank lines collapsed, no trailing spaces (a Markdown line break), one final newline. */
function markdown(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd()}\n`;
}

/** Anchors of every page and the cross references between elements, built once per model in a fixed order. */
class Context {
  readonly im: Informatiemodel;
  readonly view: ModelView;
  readonly ankers: Record<Pagina, Ankers> = {
    index: new Ankers(),
    hoofdlijnen: new Ankers(),
    definities: new Ankers(),
    uitwisselspecificatie: new Ankers(),
    api: new Ankers(),
  };
  readonly niveaus: UmNiveau[];
  readonly inBericht = new Map<unknown, Link[]>();

  constructor(readonly um: Uitwisselmodel) {
    this.im = um.informatiemodel;
    this.view = modelView(this.im);
    const im = this.im;
    const def = this.ankers.definities;
    def.anker('pagina', 'definities');
    def.anker('objecttypen', 'objecttypen');
    for (const ot of im.objecttypen) {
      this.element(ot, 'objecttype');
      for (const a of ot.attribuutsoorten) this.element(a, 'attribuutsoort');
      for (const r of ot.relatiesoorten) this.element(r, 'relatiesoort');
    }
    def.anker('gegevensgroeptypen', 'gegevensgroeptypen');
    for (const g of im.gegevensgroeptypen) {
      this.element(g, 'gegevensgroeptype');
      for (const a of g.attribuutsoorten) this.element(a, 'attribuutsoort');
    }
    def.anker('enumeraties', 'enumeraties');
    for (const e of im.enumeraties) this.element(e, 'enumeratie');
    def.anker('codelijsten', 'codelijsten');
    for (const c of im.codelijsten) this.element(c, 'codelijst');
    def.anker('datatypen', 'datatypen');
    for (const d of im.primitieveDatatypes) this.element(d, 'datatype');
    for (const d of im.gestructureerdeDatatypes) this.element(d, 'datatype');
    for (const k of im.keuzes) this.element(k, 'keuze');

    const um_ = this.ankers.uitwisselspecificatie;
    um_.anker('pagina', 'uitwisselspecificatie');
    um_.anker('opbouw', 'opbouw-van-het-bericht');
    this.niveaus = berichtNiveaus(um);
    for (const n of this.niveaus) um_.anker(n.object, n.pad === '' ? 'bericht' : `bericht-${n.pad}`);
    for (const s of ['mapping', 'verschillen', 'schema', 'voorbeelden']) um_.anker(s, s);
    voorbeelden(um).forEach((v, i) => um_.anker(`voorbeeld-${i}`, `voorbeeld-${v.titel}`));

    const hl = this.ankers.hoofdlijnen;
    for (const s of ['hoofdlijnen', 'objecttypen', 'diagram-informatiemodel', 'enumeraties', 'diagram-uitwisselmodel']) hl.anker(s, s);
    if (um.api) {
      this.ankers.api.anker('pagina', um.api.titel);
      apiAnkers(um.api, this.ankers.api);
    }
    this.ankers.index.anker('pagina', im.naam);
    this.ankers.index.anker('inhoud', 'inhoud');

    for (const n of this.niveaus) {
      const naarNiveau = { tekst: n.pad === '' ? '/' : n.pad, href: this.href('uitwisselspecificatie', n.object, 'definities') };
      if (n.object.objecttype && !n.object.referentie) this.push(this.inBericht, n.object.objecttype, naarNiveau);
      for (const v of n.velden) {
        const bron = herkomstElement(v.veld.herkomst);
        if (bron) this.push(this.inBericht, bron, { tekst: v.pad, href: naarNiveau.href });
      }
    }
  }

  private element(el: Metadata, soort: string): void {
    this.ankers.definities.anker(el, el.id.startsWith(`${soort}.`) || el.id.startsWith(`${soort}-`) ? el.id : `${soort}-${el.id}`);
  }

  private push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }

  /** The link target of `sleutel` on page `op`, seen from page `van`. */
  href(op: Pagina, sleutel: unknown, van: Pagina): string {
    const anker = this.ankers[op].zoek(sleutel);
    if (anker === undefined) throw new Error(`no anchor for ${String(sleutel)} on ${op}`);
    return `${op === van ? '' : `${op}.md`}#${anker}`;
  }

  anker(op: Pagina, sleutel: unknown): string {
    return this.href(op, sleutel, op).slice(1);
  }

  /** A link to an element's definition, or undefined for an element the definitions do not hold. */
  link(el: Metadata | undefined, van: Pagina, tekst = el?.naam): Link | undefined {
    if (!el || this.ankers.definities.zoek(el) === undefined) return undefined;
    return { tekst: tekst ?? el.naam, href: this.href('definities', el, van) };
  }

  typeLink(t: TypeVerwijzing, van: Pagina): Link | undefined {
    return this.link(t.datatype, van, t.naam);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Views. Every field a template reads is present (undefined where the model has nothing), because the
// templates are compiled in strict mode.

interface Kenmerk {
  kenmerk: string;
  waarde: string | undefined;
  codeWaarde: string | undefined;
  links: Link[] | undefined;
}

const tekstKenmerk = (kenmerk: string, waarde: string | undefined): Kenmerk => ({ kenmerk, waarde, codeWaarde: undefined, links: undefined });
const codeKenmerk = (kenmerk: string, codeWaarde: string | undefined): Kenmerk => ({ kenmerk, waarde: undefined, codeWaarde, links: undefined });
const linkKenmerk = (kenmerk: string, links: (Link | undefined)[]): Kenmerk => ({
  kenmerk,
  waarde: undefined,
  codeWaarde: undefined,
  links: links.filter((l): l is Link => l !== undefined),
});
const jaNee = (b: boolean) => (b ? 'ja' : 'nee');

/** Only the rows that have a value. */
function kenmerken(...rijen: Kenmerk[]): Kenmerk[] {
  return rijen.filter((r) => (r.waarde !== undefined && r.waarde !== '') || r.codeWaarde !== undefined || (r.links !== undefined && r.links.length > 0));
}

function metadataKenmerken(el: Metadata): Kenmerk[] {
  return [
    codeKenmerk('Id', el.id),
    tekstKenmerk('Alias', el.alias),
    tekstKenmerk('Herkomst', el.herkomst),
    tekstKenmerk('Herkomst definitie', el.herkomstDefinitie),
    tekstKenmerk('Datum opname', el.datumOpname),
    tekstKenmerk('Pakket', el.pakket.naam),
  ];
}

function modelKop(ctx: Context) {
  const { im, um } = ctx;
  return {
    naam: im.naam,
    versie: im.versie,
    definitie: im.definitie,
    toelichting: im.toelichting,
    herkomst: im.herkomst,
    folder: im.folder,
    map: um.modelmap,
    umNaam: um.naam,
    umVersie: um.versie,
    pakketnaam: um.pakketnaam,
    schemaId: um.schemaId,
  };
}

function indexView(ctx: Context) {
  const p: Pagina = 'index';
  return {
    model: modelKop(ctx),
    anker: ctx.anker(p, 'pagina'),
    inhoudAnker: ctx.anker(p, 'inhoud'),
    bestanden: { openapi: OPENAPI },
    links: {
      hoofdlijnen: ctx.href('hoofdlijnen', 'hoofdlijnen', p),
      definities: ctx.href('definities', 'pagina', p),
      uitwisselspecificatie: ctx.href('uitwisselspecificatie', 'pagina', p),
      api: ctx.um.api ? ctx.href('api', 'pagina', p) : undefined,
    },
    kenmerken: kenmerken(
      tekstKenmerk('Informatiemodel', `${ctx.im.naam}, versie ${ctx.im.versie}`),
      tekstKenmerk('MIM-versie', ctx.im.mimVersie),
      tekstKenmerk('Uitwisselmodel', `${ctx.um.naam}, versie ${ctx.um.versie}`),
      codeKenmerk('JSON Schema', ctx.um.schemaId),
      codeKenmerk('npm-pakket', ctx.um.pakketnaam),
      tekstKenmerk('Herkomst', ctx.im.herkomst),
      tekstKenmerk('Basis-URI', ctx.im.basisUri),
    ),
    aantallen: {
      objecttypen: ctx.im.objecttypen.length,
      enumeraties: ctx.im.enumeraties.length,
      velden: mappingRegels(ctx.um).length,
    },
  };
}

function hoofdlijnenView(ctx: Context) {
  const p: Pagina = 'hoofdlijnen';
  const a = (s: string) => ctx.anker(p, s);
  return {
    model: modelKop(ctx),
    ankers: { pagina: a('hoofdlijnen'), objecttypen: a('objecttypen'), diagramIm: a('diagram-informatiemodel'), enumeraties: a('enumeraties'), diagramUm: a('diagram-uitwisselmodel') },
    objecttypen: ctx.im.objecttypen.map((ot) => ({
      link: ctx.link(ot, p),
      definitie: ot.definitie,
      pakket: ot.pakket.naam,
      aantalAttributen: ot.attribuutsoorten.length,
      relaties: ot.relatiesoorten.map((r) => ctx.link(r.doel, p)).filter((l): l is Link => l !== undefined),
    })),
    enumeraties: ctx.im.enumeraties.map((e) => ({ link: ctx.link(e, p), waarden: e.waarden.map((w) => w.naam).join(', ') })),
    imDiagram: informatiemodelDiagram(ctx.im),
    umDiagram: uitwisselmodelDiagram(ctx.niveaus),
    niveaus: ctx.niveaus.map((n) => ({
      link: { tekst: n.object.naam, href: ctx.href('uitwisselspecificatie', n.object, p) },
      pad: n.pad === '' ? '/' : n.pad,
      niveau: n.niveau,
      definitie: n.object.definitie ?? n.object.objecttype?.definitie,
    })),
    links: { definities: ctx.href('definities', 'pagina', p), uitwisselspecificatie: ctx.href('uitwisselspecificatie', 'pagina', p) },
  };
}

function definitiesView(ctx: Context) {
  const p: Pagina = 'definities';
  const { im } = ctx;
  const link = (el: Metadata | undefined) => ctx.link(el, p);
  const inBericht = (el: unknown) => ctx.inBericht.get(el) ?? [];
  const gebruik = (d: Datatype | Gegevensgroeptype) =>
    ctx.view.usages(d).map((a) => ctx.link(a, p, `${a.eigenaar.naam}.${a.naam}`)).filter((l): l is Link => l !== undefined);

  const attribuut = (a: Attribuutsoort) => ({
    naam: a.naam,
    anker: ctx.anker(p, a),
    link: link(a),
    type: ctx.typeLink(a.type, p),
    kardinaliteit: a.kardinaliteit.tekst,
    definitie: a.definitie,
    toelichting: a.toelichting,
    kenmerken: kenmerken(
      linkKenmerk('Type', [ctx.typeLink(a.type, p)]),
      tekstKenmerk('Kardinaliteit', a.kardinaliteit.tekst),
      tekstKenmerk('Lengte', a.lengte?.toString()),
      tekstKenmerk('Patroon', a.patroon),
      codeKenmerk('Formeel patroon', a.formeelPatroon),
      tekstKenmerk('Authentiek', a.authentiek),
      tekstKenmerk('Mogelijk geen waarde', jaNee(a.mogelijkGeenWaarde)),
      tekstKenmerk('Identificerend', jaNee(a.identificerend)),
      tekstKenmerk('Indicatie materiële historie', jaNee(a.indicatieMaterieleHistorie)),
      tekstKenmerk('Indicatie formele historie', jaNee(a.indicatieFormeleHistorie)),
      ...metadataKenmerken(a),
      linkKenmerk('In het bericht', inBericht(a)),
    ),
  });
  const gegevensgroep = (g: Gegevensgroep) => ({
    naam: g.naam,
    type: link(g.type),
    kardinaliteit: g.kardinaliteit.tekst,
    definitie: g.definitie,
  });
  const relatie = (r: Relatiesoort) => ({
    naam: r.naam,
    kopTekst: `${r.naam} → ${r.doel.naam}`,
    anker: ctx.anker(p, r),
    link: link(r),
    doel: link(r.doel),
    rol: r.rol,
    kardinaliteit: r.kardinaliteit.tekst,
    definitie: r.definitie,
    toelichting: r.toelichting,
    kenmerken: kenmerken(
      linkKenmerk('Bron', [link(r.eigenaar)]),
      linkKenmerk('Doel', [link(r.doel)]),
      tekstKenmerk('Rol', r.rol),
      tekstKenmerk('Kardinaliteit', r.kardinaliteit.tekst),
      tekstKenmerk('Rol aan de bronkant', r.rolBron),
      tekstKenmerk('Kardinaliteit aan de bronkant', r.kardinaliteitBron?.tekst),
      tekstKenmerk('Richting', r.richting),
      tekstKenmerk('Aggregatie', r.aggregatie),
      tekstKenmerk('Authentiek', r.authentiek),
      tekstKenmerk('Mogelijk geen waarde', jaNee(r.mogelijkGeenWaarde)),
      tekstKenmerk('Indicatie materiële historie', jaNee(r.indicatieMaterieleHistorie)),
      tekstKenmerk('Indicatie formele historie', jaNee(r.indicatieFormeleHistorie)),
      ...metadataKenmerken(r),
      linkKenmerk('In het bericht', inBericht(r)),
    ),
  });
  const constraints = (owner: Objecttype | Gegevensgroeptype) => owner.constraints.map((c) => ({ naam: c.naam, specificatie: c.specificatie }));

  const objecttype = (ot: Objecttype) => ({
    naam: ot.naam,
    anker: ctx.anker(p, ot),
    definitie: ot.definitie,
    toelichting: ot.toelichting,
    kenmerken: kenmerken(
      ...metadataKenmerken(ot),
      tekstKenmerk('Abstract', jaNee(ot.indicatieAbstractObject)),
      linkKenmerk('Supertypen', ot.supertypen.map(link)),
      linkKenmerk('Subtypen', ctx.view.subtypen(ot).map(link)),
      linkKenmerk('Doel van', ctx.view.incomingRelatiesoorten(ot).map((r) => ctx.link(r, p, `${r.eigenaar.naam}.${r.naam}`))),
      linkKenmerk('In het bericht', inBericht(ot)),
    ),
    attribuutsoorten: ot.attribuutsoorten.map(attribuut),
    gegevensgroepen: ot.gegevensgroepen.map(gegevensgroep),
    relatiesoorten: ot.relatiesoorten.map(relatie),
    constraints: constraints(ot),
  });
  const gegevensgroeptype = (g: Gegevensgroeptype) => ({
    naam: g.naam,
    anker: ctx.anker(p, g),
    definitie: g.definitie,
    toelichting: g.toelichting,
    kenmerken: kenmerken(...metadataKenmerken(g), linkKenmerk('Gebruikt door', gebruik(g))),
    attribuutsoorten: g.attribuutsoorten.map(attribuut),
    gegevensgroepen: g.gegevensgroepen.map(gegevensgroep),
    relatiesoorten: [] as ReturnType<typeof relatie>[],
    constraints: constraints(g),
  });
  const enumeratie = (e: Enumeratie) => ({
    naam: e.naam,
    anker: ctx.anker(p, e),
    definitie: e.definitie,
    toelichting: e.toelichting,
    kenmerken: kenmerken(
      ...metadataKenmerken(e),
      linkKenmerk('Gebruikt door', gebruik(e)),
      codeKenmerk('In het schema', ctx.um.enumeraties.includes(e) ? `$defs/${e.naam}` : undefined),
    ),
    heeftCodes: e.waarden.some((w) => w.code !== undefined),
    heeftToelichting: e.waarden.some((w) => w.toelichting !== undefined),
    waarden: e.waarden.map((w) => ({ naam: w.naam, codeWaarde: w.code, definitie: w.definitie, toelichting: w.toelichting })),
  });
  const codelijst = (c: Codelijst) => ({
    naam: c.naam,
    anker: ctx.anker(p, c),
    definitie: c.definitie,
    toelichting: c.toelichting,
    kenmerken: kenmerken(...metadataKenmerken(c), tekstKenmerk('Locatie', c.locatie), linkKenmerk('Gebruikt door', gebruik(c))),
  });
  const dataElement = (e: GestructureerdDatatype['dataElementen'][number]) => ({
    naam: e.naam,
    type: ctx.typeLink(e.type, p),
    kardinaliteit: e.kardinaliteit.tekst,
    definitie: e.definitie,
  });
  const alternatief = (alt: Keuze['alternatieven'][number]) => ({
    naam: alt.naam,
    type: 'datatype' in alt.type ? ctx.typeLink(alt.type, p) : link(alt.type),
    definitie: alt.definitie,
  });
  const datatype = (d: PrimitiefDatatype | GestructureerdDatatype | Keuze, rijen: Kenmerk[]) => ({
    naam: d.naam,
    anker: ctx.anker(p, d),
    definitie: d.definitie,
    toelichting: d.toelichting,
    kenmerken: kenmerken(...rijen, ...metadataKenmerken(d), linkKenmerk('Gebruikt door', gebruik(d))),
    elementen: d.soort === 'gestructureerdDatatype' ? d.dataElementen.map(dataElement) : [],
    alternatieven: d.soort === 'keuze' ? d.alternatieven.map(alternatief) : [],
  });
  const defNaam = (d: PrimitiefDatatype) => ctx.um.datatypeDefs.find((x) => x.datatype === d)?.defNaam;
  const primitief = (d: PrimitiefDatatype) =>
    datatype(d, [
      tekstKenmerk('Soort', 'primitief datatype'),
      tekstKenmerk('Basis', d.basis),
      tekstKenmerk('Formaat', d.formaat),
      tekstKenmerk('Lengte', d.lengte?.toString() ?? (d.lengteInNaam ? `in de naam: ${d.naam}200 is hoogstens 200 lang` : undefined)),
      tekstKenmerk('Minimumwaarde', d.minimumWaarde?.toString()),
      tekstKenmerk('Maximumwaarde', d.maximumWaarde?.toString()),
      tekstKenmerk('Patroon', d.patroon),
      codeKenmerk('Formeel patroon', d.formeelPatroon),
      codeKenmerk('In het schema', defNaam(d) === undefined ? undefined : `$defs/${defNaam(d)}`),
    ]);

  return {
    model: modelKop(ctx),
    ankers: {
      pagina: ctx.anker(p, 'pagina'),
      objecttypen: ctx.anker(p, 'objecttypen'),
      gegevensgroeptypen: ctx.anker(p, 'gegevensgroeptypen'),
      enumeraties: ctx.anker(p, 'enumeraties'),
      codelijsten: ctx.anker(p, 'codelijsten'),
      datatypen: ctx.anker(p, 'datatypen'),
    },
    objecttypen: im.objecttypen.map(objecttype),
    gegevensgroeptypen: im.gegevensgroeptypen.map(gegevensgroeptype),
    enumeraties: im.enumeraties.map(enumeratie),
    codelijsten: im.codelijsten.map(codelijst),
    datatypen: [
      ...im.primitieveDatatypes.map(primitief),
      ...im.gestructureerdeDatatypes.map((d) => datatype(d, [tekstKenmerk('Soort', 'gestructureerd datatype')])),
      ...im.keuzes.map((k) => datatype(k, [tekstKenmerk('Soort', 'keuze')])),
    ],
  };
}

function uitwisselspecificatieView(ctx: Context) {
  const p: Pagina = 'uitwisselspecificatie';
  const { um } = ctx;
  const herkomst = (v: UmVeldInfo) => herkomstTekst(ctx, v.veld.herkomst, p);
  const typeLink = (v: UmVeldInfo): Link | undefined =>
    v.object ? { tekst: v.object.naam, href: ctx.href(p, v.object, p) } : v.veld.inhoud.soort === 'waarde' ? ctx.typeLink(v.veld.inhoud.type, p) : undefined;
  const compatType = (v: UmVeldInfo) => (v.veld.inhoud.soort === 'waarde' && v.veld.inhoud.compat ? v.veld.inhoud.compat.type.naam : undefined);

  const verschillen: Verschil[] = [];
  berichtSchema(um, 'strict', verschillen);
  const perId = (bron: MappingBron): Metadata | undefined => {
    const el = bron.soort === 'toegevoegd' ? undefined : ctx.view.element(bron.id);
    return el && 'soort' in el && el.soort === bron.soort ? el : undefined;
  };

  return {
    model: modelKop(ctx),
    bestanden: { compat: COMPAT_SCHEMA, strict: STRICT_SCHEMA, verschillen: VERSCHILLEN, mapping: MAPPING },
    ankers: {
      pagina: ctx.anker(p, 'pagina'),
      opbouw: ctx.anker(p, 'opbouw'),
      mapping: ctx.anker(p, 'mapping'),
      verschillen: ctx.anker(p, 'verschillen'),
      schema: ctx.anker(p, 'schema'),
      voorbeelden: ctx.anker(p, 'voorbeelden'),
    },
    definitie: um.definitie,
    herkomst: um.herkomst,
    links: { definities: ctx.href('definities', 'pagina', p) },
    niveaus: ctx.niveaus.map((n) => ({
      kopTekst: `Niveau ${n.niveau}: ${n.object.naam}`,
      anker: ctx.anker(p, n.object),
      pad: n.pad === '' ? '/' : n.pad,
      definitie: n.object.definitie ?? n.object.objecttype?.definitie,
      objecttype: n.object.objecttype ? ctx.link(n.object.objecttype, p) : undefined,
      referentie: n.object.referentie,
      gesloten: n.object.gesloten,
      via: n.via && n.ouder ? { naam: n.via.naam, ouder: { tekst: n.ouder.naam, href: ctx.href(p, n.ouder, p) } } : undefined,
      velden: n.velden.map((v) => ({
        naam: v.naam,
        type: typeLink(v),
        compatType: compatType(v),
        verplicht: v.verplicht,
        kardinaliteit: v.kardinaliteit,
        definitie: veldDefinitie(v),
        toelichting: v.veld.toelichting,
        herkomst: herkomst(v),
      })),
    })),
    mapping: mappingRegels(um).map((r) => ({
      pad: r.pad,
      type: r.type,
      verplicht: r.verplicht,
      kardinaliteit: r.kardinaliteit,
      herkomst: mappingHerkomst(ctx, r.bron, perId(r.bron), p),
    })),
    verschillen,
    schema: jsonText(berichtSchema(um, 'compat', [])),
    voorbeelden: voorbeelden(um).map((v, i) => ({ naam: v.titel, anker: ctx.anker(p, `voorbeeld-${i}`), beschrijving: v.beschrijving, json: jsonText(v.bericht) })),
  };
}

/**
 * What a field means. A field for a relation carries the definition of the object it holds (as the
 * published schema has it); the exchange specification shows the relation's own definition there, which
 * says what the field is for, unless the derivation gave the field a text of its own or follows the
 * relation backwards.
 */
function veldDefinitie(v: UmVeldInfo): string | undefined {
  const h = v.veld.herkomst;
  const objectDefinitie = v.object?.definitie ?? v.object?.objecttype?.definitie;
  if (h.soort === 'relatiesoort' && !h.omgekeerd && h.relatiesoort.definitie && (v.veld.definitie === undefined || v.veld.definitie === objectDefinitie)) {
    return h.relatiesoort.definitie;
  }
  return v.veld.definitie ?? objectDefinitie;
}

interface HerkomstView {
  soort: string;
  link: Link | undefined;
  tekst: string | undefined;
}

function herkomstTekst(ctx: Context, h: Herkomst, p: Pagina): HerkomstView {
  switch (h.soort) {
    case 'attribuutsoort':
      return { soort: 'attribuutsoort', link: ctx.link(h.attribuutsoort, p, `${h.attribuutsoort.eigenaar.naam}.${h.attribuutsoort.naam}`), tekst: undefined };
    case 'relatiesoort': {
      const r = h.relatiesoort;
      return {
        soort: h.omgekeerd ? 'relatiesoort (omgekeerd gevolgd)' : 'relatiesoort',
        link: ctx.link(r, p, `${r.eigenaar.naam}.${r.naam} → ${r.doel.naam}`),
        tekst: undefined,
      };
    }
    case 'objecttype':
      return { soort: 'objecttype', link: ctx.link(h.objecttype, p), tekst: undefined };
    case 'toegevoegd':
      return { soort: 'toegevoegd', link: undefined, tekst: 'niet in het informatiemodel' };
  }
}

function mappingHerkomst(ctx: Context, bron: MappingBron, el: Metadata | undefined, p: Pagina): HerkomstView {
  switch (bron.soort) {
    case 'attribuutsoort':
      return { soort: 'attribuutsoort', link: ctx.link(el, p, `${bron.objecttype}.${bron.attribuutsoort}`), tekst: `${bron.objecttype}.${bron.attribuutsoort}` };
    case 'relatiesoort':
      return {
        soort: bron.referentie ? 'relatiesoort, als verwijzing' : bron.omgekeerd ? 'relatiesoort (omgekeerd gevolgd)' : 'relatiesoort',
        link: ctx.link(el, p, `${bron.objecttype}.${bron.relatiesoort} → ${bron.doel}`),
        tekst: `${bron.objecttype}.${bron.relatiesoort} → ${bron.doel}`,
      };
    case 'objecttype':
      return { soort: 'objecttype', link: ctx.link(el, p, bron.objecttype), tekst: bron.objecttype };
    case 'toegevoegd':
      return { soort: 'toegevoegd', link: undefined, tekst: 'niet in het informatiemodel' };
  }
}

function apiPaginaView(ctx: Context) {
  const p: Pagina = 'api';
  return {
    anker: ctx.anker(p, 'pagina'),
    ...apiView(ctx.um, ctx.um.api!, ctx.ankers.api, { uitwisselspecificatie: ctx.href('uitwisselspecificatie', 'pagina', p) }, modelKop(ctx)),
  };
}

function navView(ctx: Context) {
  return {
    model: modelKop(ctx),
    map: ctx.im.folder,
    paginas: [
      { titel: 'Overzicht', bestand: `${ctx.im.folder}/index.md` },
      { titel: 'Op hoofdlijnen', bestand: `${ctx.im.folder}/hoofdlijnen.md` },
      { titel: 'Definities', bestand: `${ctx.im.folder}/definities.md` },
      { titel: 'Uitwisselspecificatie', bestand: `${ctx.im.folder}/uitwisselspecificatie.md` },
      ...(ctx.um.api ? [{ titel: 'API', bestand: `${ctx.im.folder}/api.md` }] : []),
    ],
  };
}

