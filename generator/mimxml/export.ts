/**
 * The resolved informatiemodel as MIM-XML (Geonovum's serialisation of MIM models, the format Imvertor reads
 * and writes), for MIM 1.1.1 or 1.2, with relations modelled the "Relatiesoort leidend" way
 * (MIMFORMAT_Mim_relatiesoort.xsd). A pure function: the same model gives the same bytes.
 *
 * - The informatiemodel's own pakket is a mim:Domein; each shared pakket (model/gedeeld/...) a mim:View whose
 *   locatie is the shared file's path from the model folder, as `gebruikt` names it.
 * - Elements keep their model ids (`id="vroegsignaal"`), references are `xlink:href="#<id>"` with the name as
 *   the model writes it as the reference's text (`AN200` for a reference to AN with a length).
 * - Elements the XSD requires but the model does not state are written empty (`<mim:herkomst/>`), booleans
 *   the model has no place for (indicatieAfleidbaar, indicatieClassificerend) false.
 * - What the model states and MIM-XML has no element for goes into `mim-ext:kenmerken` under the model's key:
 *   the informatiemodel's versie and basisUri, a primitive datatype's basis, formaat, lengteInNaam and
 *   minimum/maximumWaarde, a constraint's id; a constraint's regel is its specificatieFormeel, as JSON.
 */
import { posix } from 'node:path';
import type {
  Attribuutsoort,
  Constraint,
  Gegevensgroep,
  Gegevensgroeptype,
  Informatiemodel,
  Metadata,
  Objecttype,
  Pakket,
  Regel,
  Relatiesoort,
} from '../model/types.ts';
import {
  AGGREGATIE,
  bool,
  codelijst,
  enumeratie,
  gestructureerd,
  kenmerken,
  keuze,
  list,
  meta,
  opt,
  primitief,
  ref,
  typeRef,
} from './export-elements.ts';
import { el, writeXml, type XmlElement } from './xml-writer.ts';

export type MimVersie = '1.1.1' | '1.2';
export const MIM_VERSIES: readonly MimVersie[] = ['1.1.1', '1.2'];

/** The core namespace of each version of the format (1.1.1 writes the namespace of MIM 1.1). */
export const MIM_NAMESPACE: Record<MimVersie, string> = {
  '1.1.1': 'http://www.geostandaarden.nl/mim/mim-core/1.1',
  '1.2': 'http://www.geostandaarden.nl/mim/mim-core/1.2',
};
export const MIM_REF_NAMESPACE = 'http://www.geostandaarden.nl/mim/mim-ref/1.0';
export const MIM_EXT_NAMESPACE = 'http://www.geostandaarden.nl/mim/mim-ext/1.0';
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

/** The values MIMVersie allows in each version of the format. */
const MIM_VERSIE_WAARDEN: Record<MimVersie, string[]> = {
  '1.1.1': ['1.0', '1.1', '1.1.0', '1.1.1'],
  '1.2': ['1.0', '1.1', '1.1.0', '1.1.1', '1.2'],
};

/** MIM's two ways of modelling relations: the relatiesoort leads (MIMFORMAT_Mim_relatiesoort.xsd) or its roles do (_relatierol). */
export type Relatiemodellering = 'relatiesoort' | 'relatierol';

export interface ExportOptions {
  versie: MimVersie;
  /** Default relatiesoort. */
  relatiemodellering?: Relatiemodellering;
}

/** The version of the format to write when none is asked for: the model's own MIM version when the format has it, else 1.2. */
export function defaultMimVersie(model: Informatiemodel): MimVersie {
  return MIM_VERSIES.includes(model.mimVersie as MimVersie) ? (model.mimVersie as MimVersie) : '1.2';
}

export function exportMimXml(model: Informatiemodel, options: ExportOptions): string {
  return writeXml(new Exporter(model, options.versie, options.relatiemodellering ?? 'relatiesoort').informatiemodel());
}

class Exporter {
  constructor(
    private readonly model: Informatiemodel,
    private readonly versie: MimVersie,
    private readonly relatiemodellering: Relatiemodellering,
  ) {}

  informatiemodel(): XmlElement {
    const m = this.model;
    const mimVersie = MIM_VERSIE_WAARDEN[this.versie].includes(m.mimVersie ?? '') ? m.mimVersie! : this.versie;
    const eigen: [string, string | undefined][] = [
      ['versie', m.versie],
      ['basisUri', m.basisUri],
      // The model's own MIM version where MIMVersie cannot say it (empty: the model names none).
      ['mimVersie', m.mimVersie === mimVersie ? undefined : (m.mimVersie ?? '')],
    ];
    const relatiemodellering = this.versie === '1.1.1' ? 'relatiemodelleringtype' : 'relatiemodelleringstype';
    return el(
      'mim:Informatiemodel',
      [
        el('mim:naam', m.naam),
        el('mim:herkomst', m.herkomst ?? ''),
        el('mim:definitie', m.definitie ?? ''),
        el('mim:herkomstDefinitie', ''),
        ...opt('mim:toelichting', m.toelichting),
        el('mim:datumOpname', ''),
        el('mim:informatiemodeltype', ''),
        el('mim:informatiedomein', ''),
        el(
          `mim:${relatiemodellering}`,
          this.relatiemodellering === 'relatierol' ? 'Relatierol leidend' : 'Relatiesoort leidend',
        ),
        el('mim:MIMVersie', mimVersie),
        el('mim:packages', [
          ...m.pakketten.filter((p) => !p.extern).map((p) => this.pakket(p, 'mim:Domein')),
          ...m.pakketten.filter((p) => p.extern).map((p) => this.pakket(p, 'mim:View')),
        ]),
        ...kenmerken(eigen),
      ],
      [
        ['xmlns:mim', MIM_NAMESPACE[this.versie]],
        ['xmlns:mim-ref', MIM_REF_NAMESPACE],
        ['xmlns:mim-ext', MIM_EXT_NAMESPACE],
        ['xmlns:xlink', XLINK_NAMESPACE],
        ['id', m.id],
      ],
    );
  }

  private pakket(p: Pakket, soort: 'mim:Domein' | 'mim:View'): XmlElement {
    const m = this.model;
    const of = <T extends Metadata>(list: T[]) => list.filter((e) => e.pakket === p);
    const datatypen = [
      ...of(m.primitieveDatatypes).map((d) => primitief(d)),
      ...of(m.gestructureerdeDatatypes).map((d) => gestructureerd(d)),
      ...of(m.enumeraties).map((d) => enumeratie(d)),
      ...of(m.codelijsten).map((d) => codelijst(d)),
    ];
    const objecttypen = of(m.objecttypen).map((o) => this.objecttype(o));
    const groepen = of(m.gegevensgroeptypen).map((g) => this.gegevensgroeptype(g));
    const keuzen = of(m.keuzes).map((k) => keuze(k));
    const source = p.extern ? this.first(p)?.bron.file : undefined;
    const locatie =
      source !== undefined ? posix.relative(posix.dirname(m.bron.file), source) || posix.basename(source) : p.id;
    return el(
      soort,
      [
        el('mim:naam', p.naam),
        el('mim:herkomst', p.herkomst ?? ''),
        el('mim:definitie', p.definitie ?? ''),
        el('mim:herkomstDefinitie', ''),
        el('mim:datumOpname', ''),
        ...(soort === 'mim:View' ? [el('mim:locatie', locatie)] : []),
        ...(datatypen.length > 0 ? [el('mim:datatypen', datatypen)] : []),
        ...(objecttypen.length > 0 ? [el('mim:objecttypen', objecttypen)] : []),
        ...(groepen.length > 0 ? [el('mim:gegevensgroeptypen', groepen)] : []),
        ...(keuzen.length > 0 ? [el('mim:keuzen', keuzen)] : []),
      ],
      [['id', p.id]],
    );
  }

  private first(p: Pakket): Metadata | undefined {
    const m = this.model;
    const all: Metadata[] = [
      ...m.objecttypen,
      ...m.gegevensgroeptypen,
      ...m.enumeraties,
      ...m.codelijsten,
      ...m.primitieveDatatypes,
      ...m.gestructureerdeDatatypes,
      ...m.keuzes,
    ];
    return all.find((e) => e.pakket === p);
  }

  private objecttype(o: Objecttype): XmlElement {
    return el(
      'mim:Objecttype',
      [
        ...meta(o),
        el('mim:indicatieAbstractObject', bool(o.indicatieAbstractObject)),
        ...list(
          'mim:supertypen',
          o.supertypen.map((s) =>
            el('mim:GeneralisatieObjecttypen', [
              el('mim:datumOpname', ''),
              el('mim:supertype', [ref('mim-ref:ObjecttypeRef', s.id, s.naam)]),
            ]),
          ),
        ),
        ...list(
          'mim:attribuutsoorten',
          o.attribuutsoorten.map((a) => this.attribuutsoort(a)),
        ),
        ...list(
          'mim:gegevensgroepen',
          o.gegevensgroepen.map((g) => this.gegevensgroep(g)),
        ),
        ...list(
          'mim:relatiesoorten',
          o.relatiesoorten.map((r) => this.relatiesoort(r)),
        ),
        ...this.constraints(o.constraints),
      ],
      [['id', o.id]],
    );
  }

  private gegevensgroeptype(g: Gegevensgroeptype): XmlElement {
    return el(
      'mim:Gegevensgroeptype',
      [
        ...meta(g),
        ...list(
          'mim:attribuutsoorten',
          g.attribuutsoorten.map((a) => this.attribuutsoort(a)),
        ),
        ...list(
          'mim:gegevensgroepen',
          g.gegevensgroepen.map((x) => this.gegevensgroep(x)),
        ),
        ...this.constraints(g.constraints),
      ],
      [['id', g.id]],
    );
  }

  private attribuutsoort(a: Attribuutsoort): XmlElement {
    // The length the type's name carries (AN200) is the type's; only a length stated besides it is written.
    const lengte = a.lengte !== undefined && a.lengte !== a.type.lengte ? String(a.lengte) : undefined;
    return el(
      'mim:Attribuutsoort',
      [
        ...meta(a),
        el('mim:type', [typeRef(a.type)]),
        ...opt('mim:lengte', lengte),
        ...opt('mim:patroon', a.patroon),
        ...opt('mim:formeelPatroon', a.formeelPatroon),
        el('mim:indicatieMaterieleHistorie', bool(a.indicatieMaterieleHistorie)),
        el('mim:indicatieFormeleHistorie', bool(a.indicatieFormeleHistorie)),
        el('mim:kardinaliteit', a.kardinaliteit.tekst),
        el('mim:authentiek', a.authentiek ?? ''),
        el('mim:indicatieAfleidbaar', 'false'),
        el('mim:indicatieClassificerend', 'false'),
        el('mim:mogelijkGeenWaarde', bool(a.mogelijkGeenWaarde)),
        el('mim:identificerend', bool(a.identificerend)),
      ],
      [['id', a.id]],
    );
  }

  private gegevensgroep(g: Gegevensgroep): XmlElement {
    return el(
      'mim:Gegevensgroep',
      [
        ...meta(g),
        el('mim:indicatieMaterieleHistorie', bool(g.indicatieMaterieleHistorie)),
        el('mim:indicatieFormeleHistorie', bool(g.indicatieFormeleHistorie)),
        el('mim:kardinaliteit', g.kardinaliteit.tekst),
        el('mim:authentiek', ''),
        el('mim:gegevensgroeptype', [ref('mim-ref:GegevensgroeptypeRef', g.type.id, g.type.naam)]),
      ],
      [['id', g.id]],
    );
  }

  private relatiesoort(r: Relatiesoort): XmlElement {
    if (this.relatiemodellering === 'relatierol') return this.relatierolLeidend(r);
    const rol = (naam: string) => [
      el('mim:naam', naam),
      el('mim:herkomst', ''),
      el('mim:herkomstDefinitie', ''),
      el('mim:datumOpname', ''),
    ];
    const rollen = [
      ...(r.rolBron !== undefined ? [el('mim:Bron', rol(r.rolBron))] : []),
      ...(r.rol !== undefined ? [el('mim:Doel', rol(r.rol))] : []),
    ];
    return el(
      'mim:Relatiesoort',
      [
        ...meta(r),
        el('mim:indicatieMaterieleHistorie', bool(r.indicatieMaterieleHistorie)),
        el('mim:indicatieFormeleHistorie', bool(r.indicatieFormeleHistorie)),
        el('mim:kardinaliteit', r.kardinaliteit.tekst),
        el('mim:kardinaliteitBron', r.kardinaliteitBron?.tekst ?? ''),
        el('mim:authentiek', r.authentiek ?? ''),
        el('mim:indicatieAfleidbaar', 'false'),
        el('mim:mogelijkGeenWaarde', bool(r.mogelijkGeenWaarde)),
        el('mim:unidirectioneel', bool(r.richting === 'unidirectioneel')),
        el('mim:aggregatietype', AGGREGATIE[r.aggregatie]),
        el('mim:doel', [ref('mim-ref:ObjecttypeRef', r.doel.id, r.doel.naam)]),
        ...list('mim:relatierollen', rollen),
      ],
      [['id', r.id]],
    );
  }

  /**
   * Relatierol leidend: the roles carry the kardinaliteit and the other metadata of each end, the Doel the
   * relatiesoort's own; MIM-XML 1.1.1 has no unidirectioneel there (a kenmerk) and wants aggregatietype and
   * kardinaliteitBron on each role.
   */
  private relatierolLeidend(r: Relatiesoort): XmlElement {
    const oud = this.versie === '1.1.1';
    const rol = (
      kant: 'mim:Bron' | 'mim:Doel',
      naam: string | undefined,
      kardinaliteit: string,
      eigen: boolean,
    ): XmlElement =>
      el(kant, [
        el('mim:naam', naam ?? ''),
        el('mim:herkomst', ''),
        el('mim:definitie', ''),
        el('mim:herkomstDefinitie', ''),
        el('mim:datumOpname', ''),
        el('mim:indicatieMaterieleHistorie', bool(eigen && r.indicatieMaterieleHistorie)),
        el('mim:indicatieFormeleHistorie', bool(eigen && r.indicatieFormeleHistorie)),
        el('mim:kardinaliteit', kardinaliteit),
        ...(oud ? [el('mim:kardinaliteitBron', '')] : []),
        el('mim:authentiek', eigen ? (r.authentiek ?? '') : ''),
        el('mim:mogelijkGeenWaarde', bool(eigen && r.mogelijkGeenWaarde)),
        ...(oud ? [el('mim:aggregatietype', AGGREGATIE[r.aggregatie])] : []),
      ]);
    const bron = r.rolBron !== undefined || r.kardinaliteitBron !== undefined;
    return el(
      'mim:Relatiesoort',
      [
        ...meta(r),
        ...(oud
          ? []
          : [
              el('mim:unidirectioneel', bool(r.richting === 'unidirectioneel')),
              el('mim:aggregatietype', AGGREGATIE[r.aggregatie]),
            ]),
        el('mim:doel', [ref('mim-ref:ObjecttypeRef', r.doel.id, r.doel.naam)]),
        el('mim:relatierollen', [
          ...(bron ? [rol('mim:Bron', r.rolBron, r.kardinaliteitBron?.tekst ?? '', false)] : []),
          rol('mim:Doel', r.rol, r.kardinaliteit.tekst, true),
        ]),
        ...kenmerken([['unidirectioneel', oud ? bool(r.richting === 'unidirectioneel') : undefined]]),
      ],
      [['id', r.id]],
    );
  }

  private constraints(constraints: Constraint[]): XmlElement[] {
    return list(
      'mim:constraints',
      constraints.map((c) =>
        el('mim:Constraint', [
          el('mim:naam', c.naam),
          el('mim:specificatieTekst', c.specificatie),
          ...opt('mim:specificatieFormeel', c.regel ? JSON.stringify(regel(c.regel)) : undefined),
          ...kenmerken([['id', c.id]]),
        ]),
      ),
    );
  }
}

/** A constraint's regel as the model writes it: attribuutsoorten by name. */
function regel(r: Regel): Record<string, unknown> {
  return r.soort === 'datumvolgorde'
    ? { soort: r.soort, vroegste: r.vroegste.naam, laatste: r.laatste.naam }
    : { soort: r.soort, als: r.als.naam, waarde: r.waarde, vereist: r.vereist.naam };
}
