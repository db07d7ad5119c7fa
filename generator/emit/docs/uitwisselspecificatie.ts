/** The exchange specification: the message level by level, the mapping, the strict differences, the schema and the examples. */
import { jsonText } from '../../common/text.ts';
import { modelKardinaliteit } from '../../derive/bericht.ts';
import type { Herkomst } from '../../derive/types.ts';
import type { Metadata } from '../../model/types.ts';
import { berichtSchema, COMPAT_SCHEMA, STRICT_SCHEMA, VERSCHILLEN, type Verschil } from '../json-schema/index.ts';
import { MAPPING, mappingRegels, type MappingBron } from '../mapping/index.ts';
import { modelKop, voorbeelden, type Context, type Pagina } from './context.ts';
import type { UmVeldInfo } from './bericht.ts';
import type { Link } from './helpers.ts';

export function uitwisselspecificatieView(ctx: Context) {
  const p: Pagina = 'uitwisselspecificatie';
  const { um } = ctx;
  const herkomst = (v: UmVeldInfo) => herkomstTekst(ctx, v.veld.herkomst, p);
  const typeLink = (v: UmVeldInfo): Link | undefined =>
    v.object
      ? { tekst: v.object.naam, href: ctx.href(p, v.object, p) }
      : v.veld.inhoud.soort === 'waarde'
        ? ctx.typeLink(v.veld.inhoud.type, p)
        : undefined;
  const compatType = (v: UmVeldInfo) =>
    v.veld.inhoud.soort === 'waarde' && v.veld.inhoud.compat ? v.veld.inhoud.compat.type.naam : undefined;

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
      via:
        n.via && n.ouder
          ? { naam: n.via.naam, ouder: { tekst: n.ouder.naam, href: ctx.href(p, n.ouder, p) } }
          : undefined,
      velden: n.velden.map((v) => ({
        naam: v.naam,
        type: typeLink(v),
        compatType: compatType(v),
        verplicht: v.verplicht,
        // Required by the strict schema only: the informatiemodel requires it, the published schema does not.
        strictVerplicht: !v.verplicht && modelKardinaliteit(v.veld)?.vereist === true,
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
    voorbeelden: voorbeelden(um).map((v, i) => ({
      naam: v.titel,
      anker: ctx.anker(p, `voorbeeld-${i}`),
      beschrijving: v.beschrijving,
      json: jsonText(v.bericht),
    })),
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
  if (
    h.soort === 'relatiesoort' &&
    !h.omgekeerd &&
    h.relatiesoort.definitie &&
    (v.veld.definitie === undefined || v.veld.definitie === objectDefinitie)
  ) {
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
      return {
        soort: 'attribuutsoort',
        link: ctx.link(h.attribuutsoort, p, `${h.attribuutsoort.eigenaar.naam}.${h.attribuutsoort.naam}`),
        tekst: undefined,
      };
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
      return {
        soort: 'attribuutsoort',
        link: ctx.link(el, p, `${bron.objecttype}.${bron.attribuutsoort}`),
        tekst: `${bron.objecttype}.${bron.attribuutsoort}`,
      };
    case 'relatiesoort':
      return {
        soort: bron.referentie
          ? 'relatiesoort, als verwijzing'
          : bron.omgekeerd
            ? 'relatiesoort (omgekeerd gevolgd)'
            : 'relatiesoort',
        link: ctx.link(el, p, `${bron.objecttype}.${bron.relatiesoort} → ${bron.doel}`),
        tekst: `${bron.objecttype}.${bron.relatiesoort} → ${bron.doel}`,
      };
    case 'objecttype':
      return { soort: 'objecttype', link: ctx.link(el, p, bron.objecttype), tekst: bron.objecttype };
    case 'toegevoegd':
      return { soort: 'toegevoegd', link: undefined, tekst: 'niet in het informatiemodel' };
  }
}
