/** MIM-XML's objecttypen and gegevensgroeptypen, with their attribuutsoorten, gegevensgroepen, relatiesoorten and constraints. */
import { Datatypen } from './datatypes.ts';
import { HISTORIE, take } from './elements.ts';
import type { XNode } from './parse.ts';
import { META, slug, type Fields, type Raw } from './reader.ts';

export class Objecttypen extends Datatypen {
  protected objecttype(node: XNode): Raw | undefined {
    const kids = this.r.children(node, {
      ...META,
      populatie: 'unmapped',
      kwaliteit: 'unmapped',
      indicatieAbstractObject: 'mapped',
      supertypen: 'mapped',
      attribuutsoorten: 'mapped',
      gegevensgroepen: 'mapped',
      relatiesoorten: 'mapped',
      externeKoppelingen: 'unmapped',
      keuzen: 'unmapped',
      constraints: 'mapped',
    });
    const raw = this.meta(node, kids);
    if (!raw) return undefined;
    this.r.restKenmerken(this.r.kenmerken(kids), node);
    const supertypen: string[] = [];
    for (const s of kids.get('supertypen') ?? [])
      for (const g of this.r.children(s, { GeneralisatieObjecttypen: 'mapped' }).get('GeneralisatieObjecttypen') ??
        []) {
        const gk = this.r.children(g, {
          datumOpname: 'unmapped',
          mixin: 'unmapped',
          typeSupertype: 'unmapped',
          supertype: 'mapped',
        });
        const ref = this.ref(gk.get('supertype')?.[0], g, 'supertype');
        if (ref) supertypen.push(ref);
      }
    return {
      ...raw,
      indicatieAbstractObject: this.r.bool(kids, 'indicatieAbstractObject', node),
      supertypen,
      ...this.eigenschappen(kids, raw.id as string),
      relatiesoorten: this.list(kids, 'relatiesoorten', 'Relatiesoort', (n) => this.relatiesoort(n, raw.id as string)),
      constraints: this.constraints(kids, raw.id as string),
    };
  }

  protected gegevensgroeptype(node: XNode): Raw | undefined {
    const kids = this.r.children(node, {
      ...META,
      attribuutsoorten: 'mapped',
      gegevensgroepen: 'mapped',
      relatiesoorten: 'unmapped',
      constraints: 'mapped',
    });
    const raw = this.meta(node, kids);
    if (!raw) return undefined;
    this.r.restKenmerken(this.r.kenmerken(kids), node);
    return {
      ...raw,
      ...this.eigenschappen(kids, raw.id as string),
      constraints: this.constraints(kids, raw.id as string),
    };
  }

  protected eigenschappen(kids: Map<string, XNode[]>, owner: string): Raw {
    return {
      attribuutsoorten: this.list(kids, 'attribuutsoorten', 'Attribuutsoort', (n) => this.attribuutsoort(n, owner)),
      gegevensgroepen: this.list(kids, 'gegevensgroepen', 'Gegevensgroep', (n) => this.gegevensgroep(n, owner)),
    };
  }

  protected attribuutsoort(node: XNode, owner: string): Raw | undefined {
    const kids = this.r.children(node, {
      ...META,
      type: 'mapped',
      lengte: 'mapped',
      patroon: 'mapped',
      formeelPatroon: 'mapped',
      minimumwaardeInclusief: 'unmapped',
      maximumwaardeInclusief: 'unmapped',
      minimumwaardeExclusief: 'unmapped',
      maximumwaardeExclusief: 'unmapped',
      ...HISTORIE,
      kardinaliteit: 'mapped',
      authentiek: 'mapped',
      locatie: 'unmapped',
      indicatieAfleidbaar: 'unmapped',
      indicatieClassificerend: 'unmapped',
      mogelijkGeenWaarde: 'mapped',
      identificerend: 'mapped',
    });
    const raw = this.meta(node, kids, owner);
    if (!raw) return undefined;
    this.r.restKenmerken(this.r.kenmerken(kids), node);
    const type = this.ref(kids.get('type')?.[0], node, 'type');
    if (type === undefined) return undefined;
    return {
      ...raw,
      type,
      kardinaliteit: this.r.text(kids, 'kardinaliteit', node)?.trim(),
      authentiek: this.authentiek(kids, node),
      mogelijkGeenWaarde: this.r.bool(kids, 'mogelijkGeenWaarde', node),
      identificerend: this.r.bool(kids, 'identificerend', node),
      lengte: this.integer(kids, 'lengte', node),
      patroon: this.r.text(kids, 'patroon', node),
      formeelPatroon: this.r.text(kids, 'formeelPatroon', node),
      ...this.historie(kids, node),
    };
  }

  protected gegevensgroep(node: XNode, owner: string): Raw | undefined {
    const kids = this.r.children(node, {
      ...META,
      ...HISTORIE,
      kardinaliteit: 'mapped',
      authentiek: 'unmapped',
      gegevensgroeptype: 'mapped',
    });
    const raw = this.meta(node, kids, owner);
    if (!raw) return undefined;
    this.r.restKenmerken(this.r.kenmerken(kids), node);
    const type = this.ref(kids.get('gegevensgroeptype')?.[0], node, 'gegevensgroeptype');
    if (type === undefined) return undefined;
    return {
      ...raw,
      type,
      kardinaliteit: this.r.text(kids, 'kardinaliteit', node)?.trim(),
      ...this.historie(kids, node),
    };
  }

  protected relatiesoort(node: XNode, owner: string): Raw | undefined {
    const kids = this.r.children(node, {
      ...META,
      ...HISTORIE,
      kardinaliteit: 'mapped',
      kardinaliteitBron: 'mapped',
      authentiek: 'mapped',
      indicatieAfleidbaar: 'unmapped',
      mogelijkGeenWaarde: 'mapped',
      identificerend: 'unmapped',
      unidirectioneel: 'mapped',
      aggregatietype: 'mapped',
      doel: 'mapped',
      relatierollen: 'mapped',
      relatieklasse: 'unmapped',
    });
    const raw = this.meta(node, kids, owner);
    if (!raw) return undefined;
    const kenmerken = this.r.kenmerken(kids);
    const unidirectioneelKenmerk = take(kenmerken, 'unidirectioneel');
    this.r.restKenmerken(kenmerken, node);
    const doel = this.ref(kids.get('doel')?.[0], node, 'doel');
    if (doel === undefined) return undefined;
    // Relatierol leidend (MIMFORMAT_Mim_relatierol.xsd): the roles carry the kardinaliteiten, and the Doel the
    // metadata of the relation's own end, which the relatiesoort then takes where it does not state it.
    const rollen = kids.get('relatierollen')?.[0];
    const rol: Record<
      'Bron' | 'Doel',
      { naam?: string; kardinaliteit?: string; kids?: Map<string, XNode[]>; node?: XNode }
    > = { Bron: {}, Doel: {} };
    if (rollen) {
      const rk = this.r.children(rollen, { Bron: 'mapped', Doel: 'mapped' });
      for (const kant of ['Bron', 'Doel'] as const) {
        const n = rk.get(kant)?.[0];
        if (!n) continue;
        const eigen = kant === 'Doel';
        const fields: Fields = { naam: 'mapped', kardinaliteit: 'mapped', aggregatietype: 'mapped' };
        for (const u of [
          'begrip',
          'alias',
          'herkomst',
          'definitie',
          'herkomstDefinitie',
          'toelichting',
          'datumOpname',
          'kardinaliteitBron',
          'identificerend',
        ])
          fields[u] = 'unmapped';
        for (const u of ['indicatieMaterieleHistorie', 'indicatieFormeleHistorie', 'authentiek', 'mogelijkGeenWaarde'])
          fields[u] = eigen ? 'mapped' : 'unmapped';
        const k = this.r.children(n, fields);
        this.r.restKenmerken(this.r.kenmerken(k), n);
        rol[kant] = {
          naam: this.r.text(k, 'naam', n)?.trim(),
          kardinaliteit: this.r.text(k, 'kardinaliteit', n)?.trim(),
          kids: k,
          node: n,
        };
      }
    }
    const doelrol = rol.Doel.kids && rol.Doel.node ? { kids: rol.Doel.kids, node: rol.Doel.node } : undefined;
    const of = <T>(read: (k: Map<string, XNode[]>, n: XNode) => T | undefined): T | undefined =>
      read(kids, node) ?? (doelrol ? read(doelrol.kids, doelrol.node) : undefined);
    let unidirectioneel = this.r.bool(kids, 'unidirectioneel', node);
    if (unidirectioneel === undefined && unidirectioneelKenmerk !== undefined)
      unidirectioneel = unidirectioneelKenmerk.trim() === 'true';
    const aggregaties = ['Geen', 'Compositie', 'Gedeeld'];
    const aggregatie = of((k, n) => {
      const t = this.r.text(k, 'aggregatietype', n)?.trim();
      if (t === undefined || aggregaties.includes(t)) return t;
      this.r.warning(
        k.get('aggregatietype')![0]!,
        `aggregatietype "${t}" is not one of ${aggregaties.join(', ')}; it is left out`,
      );
      return undefined;
    });
    return {
      ...raw,
      doel,
      rol: rol.Doel.naam,
      kardinaliteit: this.r.text(kids, 'kardinaliteit', node)?.trim() ?? rol.Doel.kardinaliteit,
      rolBron: rol.Bron.naam,
      kardinaliteitBron: this.r.text(kids, 'kardinaliteitBron', node)?.trim() ?? rol.Bron.kardinaliteit,
      richting: unidirectioneel === undefined ? undefined : unidirectioneel ? 'unidirectioneel' : 'bidirectioneel',
      aggregatie: aggregatie?.toLowerCase(),
      authentiek: of((k, n) => this.authentiek(k, n)),
      mogelijkGeenWaarde: of((k, n) => this.r.bool(k, 'mogelijkGeenWaarde', n)),
      indicatieMaterieleHistorie: of((k, n) => this.r.bool(k, 'indicatieMaterieleHistorie', n)),
      indicatieFormeleHistorie: of((k, n) => this.r.bool(k, 'indicatieFormeleHistorie', n)),
    };
  }

  protected constraints(kids: Map<string, XNode[]>, owner: string): Raw[] {
    return this.list(kids, 'constraints', 'Constraint', (node) => {
      const k = this.r.children(node, { naam: 'mapped', specificatieTekst: 'mapped', specificatieFormeel: 'mapped' });
      const naam = this.r.text(k, 'naam', node)?.trim();
      if (naam === undefined) {
        this.r.error(node, 'mim-xml-structure', 'mim:Constraint has no mim:naam; it is left out');
        return undefined;
      }
      const kenmerken = this.r.kenmerken(k);
      const id = take(kenmerken, 'id');
      this.r.restKenmerken(kenmerken, node);
      const formeel = this.r.text(k, 'specificatieFormeel', node);
      let regel: unknown;
      if (formeel !== undefined) {
        try {
          regel = JSON.parse(formeel) as unknown;
        } catch {
          regel = undefined;
        }
        if (!regel || typeof regel !== 'object' || !('soort' in regel)) {
          regel = undefined;
          this.r.unmapped(
            k.get('specificatieFormeel')![0]!,
            'mim:Constraint/specificatieFormeel',
            'not a regel mimgen can check (JSON with soort); left out',
          );
        }
      }
      const specificatie = this.r.text(k, 'specificatieTekst', node) ?? naam;
      return { id: slug(id ?? '') || this.r.id(node, `${owner}.${naam}`), naam, specificatie, regel };
    });
  }
}
