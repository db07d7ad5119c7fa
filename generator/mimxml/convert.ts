/**
 * The MIM-XML tree to the model format's data: the informatiemodel section, the own pakket's elements (its
 * mim:Domein) and one shared pakket per mim:View. References (`xlink:href="#id"`) become the names the model
 * format refers by; the name the reference writes is kept where it names the element (AN200 for AN).
 * Each element reads its children against what MIM-XML allows (reader.ts): a deviation is reported at its place
 * and the element is imported as far as it can be; an element without the naam (or type, or doel) the model
 * needs is left out with an error.
 */
import { posix } from 'node:path';
import { MimXmlError, type XNode } from './parse.ts';
import { META, MIM_CORE, MIM_EXT, MIM_REF, name, Reader, slug, type Fields, type Raw } from './reader.ts';

export interface Sections {
  objecttypen: Raw[];
  gegevensgroeptypen: Raw[];
  enumeraties: Raw[];
  codelijsten: Raw[];
  primitieveDatatypes: Raw[];
  gestructureerdeDatatypes: Raw[];
  keuzes: Raw[];
}

export interface Converted {
  informatiemodel: Raw;
  own: Sections;
  /** Shared pakketten (mim:View), each with the file it is written to (`gedeeld/<name>.yaml`). */
  views: { file: string; pakket: Raw; sections: Sections }[];
}

const AUTHENTIEK = [
  'Authentiek',
  'Basisgegeven',
  'Wettelijk gegeven',
  'Landelijk kerngegeven',
  'Gemeentelijk kerngegeven',
  'Overig',
];
const ELEMENTS = [
  'Objecttype',
  'Gegevensgroeptype',
  'PrimitiefDatatype',
  'GestructureerdDatatype',
  'Enumeratie',
  'Codelijst',
  'Referentielijst',
  'Keuze',
];
const HISTORIE: Fields = { indicatieMaterieleHistorie: 'mapped', indicatieFormeleHistorie: 'mapped' };

function sections(): Sections {
  return {
    objecttypen: [],
    gegevensgroeptypen: [],
    enumeraties: [],
    codelijsten: [],
    primitieveDatatypes: [],
    gestructureerdeDatatypes: [],
    keuzes: [],
  };
}

export function convert(r: Reader): Converted {
  return new Converter(r).run();
}

class Converter {
  private readonly out: Converted = { informatiemodel: {}, own: sections(), views: [] };

  constructor(private readonly r: Reader) {}

  run(): Converted {
    const root = this.r.root;
    if (
      !MIM_CORE.test(root.uri) ||
      !(root.local === 'Informatiemodel' || ELEMENTS.includes(root.local) || ['Domein', 'View'].includes(root.local))
    )
      throw MimXmlError.at(
        this.r.at(root),
        'not-mim-xml',
        `the root element is <${root.local}>${root.uri ? ` in ${root.uri}` : ''}, not a MIM-XML element (mim:Informatiemodel in http://www.geostandaarden.nl/mim/mim-core/<version>)`,
      );
    if (root.local === 'Informatiemodel') this.informatiemodel(root);
    else this.fragment(root);
    return this.out;
  }

  /** A file that holds one MIM element (as Geonovum's samples do): a model made up around it, named after the file. */
  private fragment(root: XNode): void {
    const naam = posix.basename(this.r.file.replaceAll('\\', '/')).replace(/\.[^.]*$/, '') || 'model';
    this.out.informatiemodel = { id: slug(naam) || 'model', naam, versie: '0' };
    this.r.unmapped(
      root,
      `root ${name(root)}`,
      `the file holds no mim:Informatiemodel; the model is named after the file, versie "0": give it its own metadata in informatiemodel.yaml`,
    );
    if (root.local === 'Domein' || root.local === 'View') this.pakketInhoud(root, this.out.own);
    else this.element(root, this.out.own);
  }

  private informatiemodel(node: XNode): void {
    const kids = this.r.children(node, {
      ...META,
      alias: 'unmapped',
      herkomstDefinitie: 'unmapped',
      datumOpname: 'unmapped',
      informatiemodeltype: 'unmapped',
      informatiedomein: 'unmapped',
      // MIM-XML 1.1 names it relatiemodelleringtype, 1.2 relatiemodelleringstype.
      ...(node.uri.endsWith('/1.1') ? { relatiemodelleringtype: 'mapped' } : { relatiemodelleringstype: 'mapped' }),
      MIMVersie: 'mapped',
      MIMExtensie: 'unmapped',
      MIMExtensieVersie: 'unmapped',
      MIMTaal: 'unmapped',
      packages: 'mapped',
    });
    const k = this.r.kenmerken(kids);
    const naam = this.r.text(kids, 'naam', node);
    if (naam === undefined)
      this.r.error(node, 'mim-xml-structure', 'mim:Informatiemodel has no mim:naam; the model is named after its id');
    const versie = take(k, 'versie');
    if (versie === undefined)
      this.r.unmapped(
        node,
        'versie',
        'MIM-XML has no versie of the informatiemodel; written as "0": set it in informatiemodel.yaml',
      );
    const mimVersie = k.has('mimVersie') ? take(k, 'mimVersie') || undefined : this.r.text(kids, 'MIMVersie', node);
    this.out.informatiemodel = {
      id: this.r.id(node, naam ?? 'model'),
      naam: naam ?? node.attrs.id ?? 'model',
      versie: versie ?? '0',
      mimVersie,
      definitie: this.r.text(kids, 'definitie', node),
      toelichting: this.r.text(kids, 'toelichting', node),
      herkomst: this.r.text(kids, 'herkomst', node),
      basisUri: take(k, 'basisUri'),
    };
    this.r.restKenmerken(k, node);
    const packages = kids.get('packages')?.[0];
    if (!packages) return;
    const pk = this.r.children(packages, { Domein: 'mapped', View: 'mapped', Extern: 'unmapped' });
    for (const d of pk.get('Domein') ?? []) this.pakketInhoud(d, this.out.own);
    const files = new Set<string>();
    for (const v of pk.get('View') ?? []) {
      const vk = this.r.children(v, {
        ...META,
        locatie: 'mapped',
        datatypen: 'mapped',
        objecttypen: 'mapped',
        gegevensgroeptypen: 'mapped',
        keuzen: 'mapped',
        'mim-ext:constructies': 'unmapped',
      });
      const vnaam = this.r.text(vk, 'naam', v) ?? v.attrs.id ?? 'view';
      const locatie = this.r.text(vk, 'locatie', v);
      let base =
        slug(posix.basename((locatie ?? '').replaceAll('\\', '/')).replace(/\.ya?ml$/, '')) || slug(vnaam) || 'view';
      if (files.has(base)) {
        let i = 2;
        while (files.has(`${base}-${i}`)) i++;
        base = `${base}-${i}`;
      }
      files.add(base);
      const view = { file: `gedeeld/${base}.yaml`, pakket: {} as Raw, sections: sections() };
      view.pakket = {
        id: this.r.id(v, vnaam),
        naam: vnaam,
        definitie: this.r.text(vk, 'definitie', v),
        herkomst: this.r.text(vk, 'herkomst', v),
      };
      for (const u of ['alias', 'herkomstDefinitie', 'toelichting', 'datumOpname'])
        if (this.r.text(vk, u, v) !== undefined) this.r.unmapped(vk.get(u)![0]!, `mim:View/${u}`);
      this.inhoud(vk, view.sections);
      this.out.views.push(view);
    }
    if (this.out.views.length > 0) this.out.informatiemodel.gebruikt = this.out.views.map((v) => v.file);
  }

  /** A mim:Domein's elements go to the model's own pakket; its own metadata is the informatiemodel's. */
  private pakketInhoud(node: XNode, into: Sections): void {
    const kids = this.r.children(node, {
      ...META,
      locatie: 'unmapped',
      datatypen: 'mapped',
      objecttypen: 'mapped',
      gegevensgroeptypen: 'mapped',
      keuzen: 'mapped',
      'mim-ext:constructies': 'unmapped',
    });
    this.inhoud(kids, into);
  }

  private inhoud(kids: Map<string, XNode[]>, into: Sections): void {
    const groups: [string, Fields][] = [
      [
        'datatypen',
        {
          PrimitiefDatatype: 'mapped',
          GestructureerdDatatype: 'mapped',
          Enumeratie: 'mapped',
          Codelijst: 'mapped',
          Referentielijst: 'mapped',
        },
      ],
      ['objecttypen', { Objecttype: 'mapped' }],
      ['gegevensgroeptypen', { Gegevensgroeptype: 'mapped' }],
      ['keuzen', { Keuze: 'mapped' }],
    ];
    for (const [local, fields] of groups)
      for (const g of kids.get(local) ?? []) {
        const ek = this.r.children(g, fields);
        for (const e of g.children.filter((c) => (ek.get(c.local) ?? []).includes(c))) this.element(e, into);
      }
  }

  private element(e: XNode, into: Sections): void {
    switch (e.local) {
      case 'Objecttype':
        return push(into.objecttypen, this.objecttype(e));
      case 'Gegevensgroeptype':
        return push(into.gegevensgroeptypen, this.gegevensgroeptype(e));
      case 'PrimitiefDatatype':
        return push(into.primitieveDatatypes, this.primitief(e));
      case 'GestructureerdDatatype':
        return push(into.gestructureerdeDatatypes, this.gestructureerd(e));
      case 'Enumeratie':
        return push(into.enumeraties, this.enumeratie(e));
      case 'Codelijst':
      case 'Referentielijst':
        return push(into.codelijsten, this.codelijst(e));
      case 'Keuze':
        return push(into.keuzes, this.keuze(e));
    }
  }

  /** id, naam and the metadata MIM gives most elements; undefined (with an error) without a naam. */
  private meta(node: XNode, kids: Map<string, XNode[]>, owner?: string): Raw | undefined {
    // The model format has an alias for objecttypen and attribuutsoorten only.
    const alias = ['Objecttype', 'Attribuutsoort'].includes(node.local);
    if (!alias && this.r.text(kids, 'alias', node) !== undefined)
      this.r.unmapped(kids.get('alias')![0]!, `${name(node)}/alias`);
    const naam = this.r.text(kids, 'naam', node)?.trim();
    if (naam === undefined) {
      this.r.error(
        node,
        'mim-xml-structure',
        `${name(node)} has no mim:naam; it is left out (a model element is known by its name)`,
      );
      return undefined;
    }
    return {
      id: this.r.id(node, owner ? `${owner}.${naam}` : naam),
      naam,
      definitie: this.r.text(kids, 'definitie', node),
      toelichting: this.r.text(kids, 'toelichting', node),
      herkomst: this.r.text(kids, 'herkomst', node),
      herkomstDefinitie: this.r.text(kids, 'herkomstDefinitie', node),
      datumOpname: this.r.text(kids, 'datumOpname', node),
      alias: alias ? this.r.text(kids, 'alias', node) : undefined,
    };
  }

  private objecttype(node: XNode): Raw | undefined {
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

  private gegevensgroeptype(node: XNode): Raw | undefined {
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

  private eigenschappen(kids: Map<string, XNode[]>, owner: string): Raw {
    return {
      attribuutsoorten: this.list(kids, 'attribuutsoorten', 'Attribuutsoort', (n) => this.attribuutsoort(n, owner)),
      gegevensgroepen: this.list(kids, 'gegevensgroepen', 'Gegevensgroep', (n) => this.gegevensgroep(n, owner)),
    };
  }

  private list(kids: Map<string, XNode[]>, local: string, item: string, read: (n: XNode) => Raw | undefined): Raw[] {
    const out: Raw[] = [];
    for (const l of kids.get(local) ?? [])
      for (const n of this.r.children(l, { [item]: 'mapped' }).get(item) ?? []) push(out, read(n));
    return out;
  }

  private attribuutsoort(node: XNode, owner: string): Raw | undefined {
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

  private gegevensgroep(node: XNode, owner: string): Raw | undefined {
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

  private relatiesoort(node: XNode, owner: string): Raw | undefined {
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

  private constraints(kids: Map<string, XNode[]>, owner: string): Raw[] {
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

  private datatypeMeta(node: XNode, extra: Fields): { raw: Raw; kids: Map<string, XNode[]> } | undefined {
    const kids = this.r.children(node, { ...META, supertypen: 'unmapped', ...extra });
    const raw = this.meta(node, kids);
    return raw ? { raw, kids } : undefined;
  }

  private primitief(node: XNode): Raw | undefined {
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

  private gestructureerd(node: XNode): Raw | undefined {
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

  private enumeratie(node: XNode): Raw | undefined {
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

  private codelijst(node: XNode): Raw | undefined {
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

  private keuze(node: XNode): Raw | undefined {
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

  private historie(kids: Map<string, XNode[]>, node: XNode): Raw {
    return {
      indicatieMaterieleHistorie: this.r.bool(kids, 'indicatieMaterieleHistorie', node),
      indicatieFormeleHistorie: this.r.bool(kids, 'indicatieFormeleHistorie', node),
    };
  }

  private authentiek(kids: Map<string, XNode[]>, node: XNode): string | undefined {
    const t = this.r.text(kids, 'authentiek', node)?.trim();
    if (t === undefined || AUTHENTIEK.includes(t)) return t;
    this.r.warning(
      kids.get('authentiek')![0]!,
      `authentiek "${t}" is not one of ${AUTHENTIEK.join(', ')}; it is left out`,
    );
    return undefined;
  }

  private integer(kids: Map<string, XNode[]>, local: string, node: XNode): number | undefined {
    const t = this.r.text(kids, local, node)?.trim();
    if (t === undefined) return undefined;
    if (/^\d+$/.test(t)) return Number(t);
    this.r.warning(
      kids.get(local)![0]!,
      `<mim:${local}> of ${name(node)} is "${t}", not a whole number; it is left out`,
    );
    return undefined;
  }

  /** The name a reference in `container` (mim:type, mim:doel, mim:supertype) refers by; undefined with an error when there is none. */
  private ref(container: XNode | undefined, owner: XNode, what: string): string | undefined {
    if (!container) {
      this.r.error(owner, 'mim-xml-structure', `${name(owner)} has no mim:${what}; it is left out`);
      return undefined;
    }
    const refs = container.children;
    if (refs.length === 0) {
      this.r.error(
        container,
        'mim-xml-structure',
        `mim:${what} of ${name(owner)} refers to nothing; ${name(owner)} is left out`,
      );
      return undefined;
    }
    for (const extra of refs.slice(1))
      this.r.warning(extra, `mim:${what} holds one reference; <${name(extra)}> is left out`);
    return this.refNode(refs[0]!, owner, what);
  }

  private refNode(ref: XNode, owner: XNode, what: string): string | undefined {
    const written = ref.text.trim() || ref.attrs.label?.trim() || undefined;
    if (MIM_CORE.test(ref.uri) && ref.local === 'Datatype') {
      if (written === undefined)
        this.r.error(ref, 'mim-xml-structure', `mim:Datatype in mim:${what} of ${name(owner)} names no datatype`);
      return written;
    }
    if (!(ref.uri === MIM_REF || ref.uri === MIM_EXT) || !ref.local.endsWith('Ref')) {
      this.r.warning(ref, `<${name(ref)}> is no reference; mim:${what} of ${name(owner)} is left out`);
      return undefined;
    }
    const href = ref.attrs['xlink:href'];
    if (href === undefined) {
      this.r.error(ref, 'mim-xml-structure', `${name(ref)} has no xlink:href`);
      return written;
    }
    const target = this.r.resolve(href);
    const targetNaam = target ? this.naamOf(target) : undefined;
    if (targetNaam === undefined) {
      this.r.error(
        ref,
        'mim-xml-reference',
        `${name(ref)} xlink:href="${href}" names no element of this file${written ? ` (it says "${written}")` : ''}; it is written as "${written ?? href}", which lint reports until it names a model element`,
      );
      return written ?? href;
    }
    // The name as written where it names the element, also with a length (AN200 for AN).
    if (
      written !== undefined &&
      (written === targetNaam || (written.startsWith(targetNaam) && /^\d+$/.test(written.slice(targetNaam.length))))
    )
      return written;
    return targetNaam;
  }

  private naamOf(node: XNode): string | undefined {
    const n = node.children.find((c) => MIM_CORE.test(c.uri) && c.local === 'naam');
    const t = n?.text.trim();
    return t ? t : undefined;
  }
}

function take(k: Map<string, { value: string }>, naam: string): string | undefined {
  const v = k.get(naam)?.value;
  k.delete(naam);
  return v;
}

function push(list: Raw[], raw: Raw | undefined): void {
  if (raw) list.push(raw);
}
