/**
 * What every page of the documentation shares: the anchors of every page and the cross references between
 * elements (built once per model, in a fixed order, so that anchors do not move), the page-independent rows
 * of a definition (kenmerken), and the model's heading.
 */
import { herkomstElement } from '../../derive/bericht.ts';
import type { Uitwisselmodel } from '../../derive/types.ts';
import type { Informatiemodel, Metadata, TypeVerwijzing } from '../../model/types.ts';
import type { ModelInvoer } from '../invoer.ts';
import { modelView, type ModelView } from '../../model/view.ts';
import { pakketVersie } from '../../release/index.ts';
import { Ankers } from './anchors.ts';
import { apiAnkers } from './api.ts';
import { berichtNiveaus, type UmNiveau } from './bericht.ts';
import {
  informatiemodelDiagrammen,
  pakketPaginas,
  type InformatiemodelDiagrammen,
  type PakketPagina,
} from './diagram-delen.ts';
import type { Link } from './helpers.ts';
import { voorbeeldBericht } from './voorbeeld.ts';

export type Pagina = 'index' | 'hoofdlijnen' | 'definities' | 'uitwisselspecificatie' | 'api';

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

/** Anchors of every page and the cross references between elements, built once per model in a fixed order. */
export class Context {
  readonly im: Informatiemodel;
  readonly view: ModelView;
  readonly ankers: Record<Pagina, Ankers> = {
    index: new Ankers(),
    hoofdlijnen: new Ankers(),
    definities: new Ankers(),
    uitwisselspecificatie: new Ankers(),
    api: new Ankers(),
  };
  /** The message's levels; none without a derivation. */
  readonly niveaus: UmNiveau[];
  readonly inBericht = new Map<unknown, Link[]>();
  /** The uitwisselmodel, when the model has a derivation: the pages about the message need it. */
  readonly bericht: Uitwisselmodel | undefined;

  /** The package's own version (issue 19): release.json's, else the model's version as semver. */
  readonly pakketversie: string;
  /** The informatiemodel's class diagrams, split when the model is large (diagram-delen.ts). */
  readonly imDiagrammen: InformatiemodelDiagrammen;
  /** The pages of the pakketten's diagrams, when they are split; none for a model that fits one diagram. */
  readonly pakketPaginas: PakketPagina[];

  constructor(
    readonly invoer: ModelInvoer,
    releaseVersie?: string,
  ) {
    const um = invoer.uitwisselmodel;
    this.pakketversie = pakketVersie(releaseVersie, invoer.informatiemodel.versie);
    this.bericht = um;
    this.im = invoer.informatiemodel;
    this.view = modelView(this.im);
    this.imDiagrammen = informatiemodelDiagrammen(this.im);
    this.pakketPaginas = pakketPaginas(this.imDiagrammen);
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
    this.niveaus = um ? berichtNiveaus(um) : [];
    for (const n of this.niveaus) um_.anker(n.object, n.pad === '' ? 'bericht' : `bericht-${n.pad}`);
    for (const s of ['mapping', 'verschillen', 'schema', 'voorbeelden']) um_.anker(s, s);
    if (um) voorbeelden(um).forEach((v, i) => um_.anker(`voorbeeld-${i}`, `voorbeeld-${v.titel}`));

    const hl = this.ankers.hoofdlijnen;
    for (const s of ['hoofdlijnen', 'objecttypen', 'diagram-informatiemodel', 'enumeraties', 'diagram-uitwisselmodel'])
      hl.anker(s, s);
    if (um?.api) {
      this.ankers.api.anker('pagina', um.api.titel);
      apiAnkers(um.api, this.ankers.api);
    }
    this.ankers.index.anker('pagina', im.naam);
    this.ankers.index.anker('inhoud', 'inhoud');

    for (const n of this.niveaus) {
      const naarNiveau = {
        tekst: n.pad === '' ? '/' : n.pad,
        href: this.href('uitwisselspecificatie', n.object, 'definities'),
      };
      if (n.object.objecttype && !n.object.referentie) this.push(this.inBericht, n.object.objecttype, naarNiveau);
      for (const v of n.velden) {
        const bron = herkomstElement(v.veld.herkomst);
        if (bron) this.push(this.inBericht, bron, { tekst: v.pad, href: naarNiveau.href });
      }
    }
  }

  /** The uitwisselmodel, for the pages that exist only with one (uitwisselspecificatie, api). */
  get um(): Uitwisselmodel {
    if (!this.bericht) throw new Error('a page about the message asked for, but the model has no uitwisselmodel');
    return this.bericht;
  }

  private element(el: Metadata, soort: string): void {
    this.ankers.definities.anker(
      el,
      el.id.startsWith(`${soort}.`) || el.id.startsWith(`${soort}-`) ? el.id : `${soort}-${el.id}`,
    );
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

// Views. Every field a template reads is present (undefined where the model has nothing), because the
// templates are compiled in strict mode.

export interface Kenmerk {
  kenmerk: string;
  waarde: string | undefined;
  codeWaarde: string | undefined;
  links: Link[] | undefined;
}

export const tekstKenmerk = (kenmerk: string, waarde: string | undefined): Kenmerk => ({
  kenmerk,
  waarde,
  codeWaarde: undefined,
  links: undefined,
});
export const codeKenmerk = (kenmerk: string, codeWaarde: string | undefined): Kenmerk => ({
  kenmerk,
  waarde: undefined,
  codeWaarde,
  links: undefined,
});
export const linkKenmerk = (kenmerk: string, links: (Link | undefined)[]): Kenmerk => ({
  kenmerk,
  waarde: undefined,
  codeWaarde: undefined,
  links: links.filter((l): l is Link => l !== undefined),
});
export const jaNee = (b: boolean) => (b ? 'ja' : 'nee');

/** Only the rows that have a value. */
export function kenmerken(...rijen: Kenmerk[]): Kenmerk[] {
  return rijen.filter(
    (r) =>
      (r.waarde !== undefined && r.waarde !== '') ||
      r.codeWaarde !== undefined ||
      (r.links !== undefined && r.links.length > 0),
  );
}

export function metadataKenmerken(el: Metadata): Kenmerk[] {
  return [
    codeKenmerk('Id', el.id),
    tekstKenmerk('Alias', el.alias),
    tekstKenmerk('Herkomst', el.herkomst),
    tekstKenmerk('Herkomst definitie', el.herkomstDefinitie),
    tekstKenmerk('Datum opname', el.datumOpname),
    tekstKenmerk('Pakket', el.pakket.naam),
  ];
}

export function modelKop(ctx: Context) {
  const { im, bericht: um, invoer } = ctx;
  return {
    naam: im.naam,
    versie: im.versie,
    definitie: im.definitie,
    toelichting: im.toelichting,
    herkomst: im.herkomst,
    folder: im.folder,
    map: invoer.modelmap,
    umNaam: um?.naam,
    umVersie: um?.versie,
    pakketnaam: invoer.pakketnaam,
    pakketversie: ctx.pakketversie,
    schemaId: um?.schemaId,
  };
}
