/**
 * The MIM-XML tree to the model format's data: the informatiemodel section, the own pakket's elements (its
 * mim:Domein) and one shared pakket per mim:View. References (`xlink:href="#id"`) become the names the model
 * format refers by; the name the reference writes is kept where it names the element (AN200 for AN).
 * Each element reads its children against what MIM-XML allows (reader.ts): a deviation is reported at its place
 * and the element is imported as far as it can be; an element without the naam (or type, or doel) the model
 * needs is left out with an error.
 */
import { posix } from 'node:path';
import { push, take } from './elements.ts';
import { Objecttypen } from './objecttypen.ts';
import { MimXmlError, type XNode } from './parse.ts';
import { META, MIM_CORE, name, Reader, slug, type Fields, type Raw } from './reader.ts';

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
class Converter extends Objecttypen {
  private readonly out: Converted = { informatiemodel: {}, own: sections(), views: [] };

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
}
