/** The page of definitions: every element of the informatiemodel with its metadata, types and where it is used. */
import type {
  Attribuutsoort,
  Codelijst,
  Datatype,
  Enumeratie,
  Gegevensgroep,
  Gegevensgroeptype,
  GestructureerdDatatype,
  Keuze,
  Metadata,
  Objecttype,
  PrimitiefDatatype,
  Relatiesoort,
} from '../../model/types.ts';
import {
  codeKenmerk,
  jaNee,
  kenmerken,
  linkKenmerk,
  metadataKenmerken,
  modelKop,
  tekstKenmerk,
  type Context,
  type Kenmerk,
  type Pagina,
} from './context.ts';
import type { Link } from './helpers.ts';

export function definitiesView(ctx: Context) {
  const p: Pagina = 'definities';
  const { im } = ctx;
  const link = (el: Metadata | undefined) => ctx.link(el, p);
  const inBericht = (el: unknown) => ctx.inBericht.get(el) ?? [];
  const gebruik = (d: Datatype | Gegevensgroeptype) =>
    ctx.view
      .usages(d)
      .map((a) => ctx.link(a, p, `${a.eigenaar.naam}.${a.naam}`))
      .filter((l): l is Link => l !== undefined);

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
  const constraints = (owner: Objecttype | Gegevensgroeptype) =>
    owner.constraints.map((c) => ({ naam: c.naam, specificatie: c.specificatie }));

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
      linkKenmerk(
        'Doel van',
        ctx.view.incomingRelatiesoorten(ot).map((r) => ctx.link(r, p, `${r.eigenaar.naam}.${r.naam}`)),
      ),
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
      codeKenmerk('In het schema', ctx.bericht?.enumeraties.includes(e) ? `$defs/${e.naam}` : undefined),
    ),
    heeftCodes: e.waarden.some((w) => w.code !== undefined),
    heeftToelichting: e.waarden.some((w) => w.toelichting !== undefined),
    waarden: e.waarden.map((w) => ({
      naam: w.naam,
      codeWaarde: w.code,
      definitie: w.definitie,
      toelichting: w.toelichting,
    })),
  });
  const codelijst = (c: Codelijst) => ({
    naam: c.naam,
    anker: ctx.anker(p, c),
    definitie: c.definitie,
    toelichting: c.toelichting,
    kenmerken: kenmerken(
      ...metadataKenmerken(c),
      tekstKenmerk('Locatie', c.locatie),
      linkKenmerk('Gebruikt door', gebruik(c)),
    ),
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
  const defNaam = (d: PrimitiefDatatype) => ctx.bericht?.datatypeDefs.find((x) => x.datatype === d)?.defNaam;
  const primitief = (d: PrimitiefDatatype) =>
    datatype(d, [
      tekstKenmerk('Soort', 'primitief datatype'),
      tekstKenmerk('Basis', d.basis),
      tekstKenmerk('Formaat', d.formaat),
      tekstKenmerk(
        'Lengte',
        d.lengte?.toString() ?? (d.lengteInNaam ? `in de naam: ${d.naam}200 is hoogstens 200 lang` : undefined),
      ),
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
