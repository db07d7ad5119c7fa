/** MIM-XML's datatypes to the model format's: primitieve and gestructureerde datatypes, enumeraties, codelijsten (and referentielijsten), keuzes. */
import { Elementen, HISTORIE, take } from './elements.ts';
import type { XNode } from './parse.ts';
import { META, type Fields, type Raw } from './reader.ts';

export class Datatypen extends Elementen {
  protected primitief(node: XNode): Raw | undefined {
    const m = this.datatypeMeta(node, { lengte: 'mapped', patroon: 'mapped', formeelPatroon: 'mapped' });
    if (!m) return undefined;
    const k = this.r.kenmerken(m.kids);
    const basis = take(k, 'basis');
    if (basis === undefined)
      this.r.unmapped(
        node,
        'mim:PrimitiefDatatype without basis',
        'MIM-XML does not say what the values are; taken as tekst',
      );
    const getal = (s: string | undefined) =>
      s !== undefined && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : undefined;
    const raw = {
      ...m.raw,
      basis: basis ?? 'tekst',
      formaat: take(k, 'formaat'),
      lengteInNaam: take(k, 'lengteInNaam') === 'true' ? true : undefined,
      lengte: this.integer(m.kids, 'lengte', node),
      minimumWaarde: getal(take(k, 'minimumWaarde')),
      maximumWaarde: getal(take(k, 'maximumWaarde')),
      patroon: this.r.text(m.kids, 'patroon', node),
      formeelPatroon: this.r.text(m.kids, 'formeelPatroon', node),
    };
    this.r.restKenmerken(k, node);
    return raw;
  }

  protected gestructureerd(node: XNode): Raw | undefined {
    const m = this.datatypeMeta(node, { patroon: 'unmapped', formeelPatroon: 'unmapped', dataElementen: 'mapped' });
    if (!m) return undefined;
    this.r.restKenmerken(this.r.kenmerken(m.kids), node);
    const dataElementen = this.list(m.kids, 'dataElementen', 'DataElement', (n) => {
      const fields: Fields = { ...META, type: 'mapped', kardinaliteit: 'mapped' };
      for (const u of [
        'alias',
        'herkomst',
        'herkomstDefinitie',
        'toelichting',
        'datumOpname',
        'lengte',
        'patroon',
        'formeelPatroon',
        'minimumwaardeInclusief',
        'maximumwaardeInclusief',
        'minimumwaardeExclusief',
        'maximumwaardeExclusief',
      ])
        fields[u] = 'unmapped';
      const k = this.r.children(n, fields);
      const naam = this.r.text(k, 'naam', n)?.trim();
      const type = this.ref(k.get('type')?.[0], n, 'type');
      if (naam === undefined) this.r.error(n, 'mim-xml-structure', 'mim:DataElement has no mim:naam; it is left out');
      if (naam === undefined || type === undefined) return undefined;
      this.r.restKenmerken(this.r.kenmerken(k), n);
      return {
        id: n.attrs.id !== undefined ? this.r.id(n, naam) : undefined,
        naam,
        definitie: this.r.text(k, 'definitie', n),
        type,
        kardinaliteit: this.r.text(k, 'kardinaliteit', n)?.trim(),
      };
    });
    return { ...m.raw, dataElementen };
  }

  protected enumeratie(node: XNode): Raw | undefined {
    const m = this.datatypeMeta(node, { waarden: 'mapped' });
    if (!m) return undefined;
    this.r.restKenmerken(this.r.kenmerken(m.kids), node);
    const waarden = this.list(m.kids, 'waarden', 'Waarde', (n) => {
      const k = this.r.children(n, {
        naam: 'mapped',
        definitie: 'mapped',
        herkomstDefinitie: 'unmapped',
        toelichting: 'mapped',
        datumOpname: 'unmapped',
        code: 'mapped',
      });
      const naam = this.r.text(k, 'naam', n)?.trim();
      if (naam === undefined) {
        this.r.error(n, 'mim-xml-structure', 'mim:Waarde has no mim:naam; it is left out');
        return undefined;
      }
      this.r.restKenmerken(this.r.kenmerken(k), n);
      return {
        id: n.attrs.id !== undefined ? this.r.id(n, `${m.raw.id as string}.${naam}`) : undefined,
        naam,
        code: this.r.text(k, 'code', n),
        definitie: this.r.text(k, 'definitie', n),
        toelichting: this.r.text(k, 'toelichting', n),
      };
    });
    return { ...m.raw, waarden };
  }

  protected codelijst(node: XNode): Raw | undefined {
    const referentielijst = node.local === 'Referentielijst';
    const extra: Fields = {
      locatie: 'mapped',
      doelformaat: 'unmapped',
      waardeItem: 'unmapped',
      profielspecificatie: 'unmapped',
    };
    for (const u of [
      'minimumwaardeInclusief',
      'maximumwaardeInclusief',
      'minimumwaardeExclusief',
      'maximumwaardeExclusief',
      'referentieElementen',
    ])
      extra[u] = 'unmapped';
    const m = this.datatypeMeta(node, extra);
    if (!m) return undefined;
    if (referentielijst)
      this.r.unmapped(node, 'mim:Referentielijst', 'the model format has no referentielijst; imported as a codelijst');
    this.r.restKenmerken(this.r.kenmerken(m.kids), node);
    return { ...m.raw, locatie: this.r.text(m.kids, 'locatie', node) };
  }

  protected keuze(node: XNode): Raw | undefined {
    const m = this.datatypeMeta(node, {
      keuzeAttributen: 'mapped',
      keuzeDatatypen: 'mapped',
      keuzeRelatiedoelen: 'mapped',
    });
    if (!m) return undefined;
    this.r.restKenmerken(this.r.kenmerken(m.kids), node);
    const alternatieven: Raw[] = [];
    for (const a of this.list(m.kids, 'keuzeAttributen', 'Attribuutsoort', (n) => {
      const k = this.r.children(
        n,
        Object.fromEntries(
          Object.keys({
            ...META,
            type: 1,
            lengte: 1,
            patroon: 1,
            formeelPatroon: 1,
            ...HISTORIE,
            kardinaliteit: 1,
            authentiek: 1,
            indicatieAfleidbaar: 1,
            indicatieClassificerend: 1,
            mogelijkGeenWaarde: 1,
            identificerend: 1,
            locatie: 1,
          }).map((f) => [f, ['naam', 'definitie', 'type', 'kardinaliteit'].includes(f) ? 'mapped' : 'unmapped']),
        ) as Fields,
      );
      const kenmerken = this.r.kenmerken(k);
      const naamloos = take(kenmerken, 'naamloos') === 'true';
      this.r.restKenmerken(kenmerken, n);
      const type = this.ref(k.get('type')?.[0], n, 'type');
      if (type === undefined) return undefined;
      // An alternative is one value: a kardinaliteit other than 1 has no place in the model format.
      const kardinaliteit = this.r.text(k, 'kardinaliteit', n)?.trim();
      if (kardinaliteit !== undefined && kardinaliteit !== '1')
        this.r.unmapped(k.get('kardinaliteit')![0]!, 'mim:Keuze/keuzeAttributen/Attribuutsoort/kardinaliteit');
      return {
        naam: naamloos ? undefined : this.r.text(k, 'naam', n)?.trim(),
        type,
        definitie: this.r.text(k, 'definitie', n),
      };
    }))
      alternatieven.push(a);
    for (const d of m.kids.get('keuzeDatatypen') ?? [])
      for (const c of d.children) {
        const type = this.refNode(c, d, 'keuzeDatatypen');
        if (type !== undefined) alternatieven.push({ type });
      }
    for (const d of m.kids.get('keuzeRelatiedoelen') ?? [])
      for (const c of this.r.children(d, { Relatiedoel: 'mapped' }).get('Relatiedoel') ?? []) {
        const type = this.ref(c, c, 'Relatiedoel');
        if (type !== undefined) alternatieven.push({ type });
      }
    return { ...m.raw, alternatieven };
  }
}
