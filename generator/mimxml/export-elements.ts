/**
 * The parts of the MIM-XML export that do not depend on the version or on how relations are modelled: the
 * metadata most elements begin with, the kenmerken, the datatypes (primitief, gestructureerd, enumeratie,
 * codelijst, keuze) and the small writers of values and references.
 */
import type {
  Codelijst,
  Datatype,
  Enumeratie,
  GestructureerdDatatype,
  Keuze,
  Metadata,
  Objecttype,
  PrimitiefDatatype,
  TypeVerwijzing,
} from '../model/types.ts';
import { el, type XmlElement } from './xml-writer.ts';

/** naam, alias, herkomst, definitie, herkomstDefinitie, toelichting, datumOpname: the order most MIM-XML types share. */
export function meta(e: Omit<Metadata, 'bron' | 'pakket' | 'id'>): XmlElement[] {
  return [
    el('mim:naam', e.naam),
    ...opt('mim:alias', e.alias),
    el('mim:herkomst', e.herkomst ?? ''),
    el('mim:definitie', e.definitie ?? ''),
    el('mim:herkomstDefinitie', e.herkomstDefinitie ?? ''),
    ...opt('mim:toelichting', e.toelichting),
    el('mim:datumOpname', e.datumOpname ?? ''),
  ];
}

export function primitief(d: PrimitiefDatatype): XmlElement {
  return el(
    'mim:PrimitiefDatatype',
    [
      ...meta(d),
      ...opt('mim:lengte', d.lengte?.toString()),
      ...opt('mim:patroon', d.patroon),
      ...opt('mim:formeelPatroon', d.formeelPatroon),
      ...kenmerken([
        ['basis', d.basis],
        ['formaat', d.formaat],
        ['lengteInNaam', d.lengteInNaam ? 'true' : undefined],
        ['minimumWaarde', d.minimumWaarde?.toString()],
        ['maximumWaarde', d.maximumWaarde?.toString()],
      ]),
    ],
    [['id', d.id]],
  );
}

export function gestructureerd(d: GestructureerdDatatype): XmlElement {
  return el(
    'mim:GestructureerdDatatype',
    [
      ...meta(d),
      ...list(
        'mim:dataElementen',
        d.dataElementen.map((e) =>
          el(
            'mim:DataElement',
            [
              el('mim:naam', e.naam),
              el('mim:definitie', e.definitie ?? ''),
              el('mim:datumOpname', ''),
              el('mim:type', [typeRef(e.type)]),
              el('mim:kardinaliteit', e.kardinaliteit.tekst),
            ],
            e.id !== undefined ? [['id', e.id]] : undefined,
          ),
        ),
      ),
    ],
    [['id', d.id]],
  );
}

export function enumeratie(d: Enumeratie): XmlElement {
  return el(
    'mim:Enumeratie',
    [
      ...meta(d),
      el(
        'mim:waarden',
        d.waarden.map((w) =>
          el(
            'mim:Waarde',
            [
              el('mim:naam', w.naam),
              ...opt('mim:definitie', w.definitie),
              ...opt('mim:toelichting', w.toelichting),
              el('mim:datumOpname', ''),
              ...opt('mim:code', w.code),
            ],
            w.id !== undefined ? [['id', w.id]] : undefined,
          ),
        ),
      ),
    ],
    [['id', d.id]],
  );
}

export function codelijst(d: Codelijst): XmlElement {
  return el('mim:Codelijst', [...meta(d), ...opt('mim:locatie', d.locatie)], [['id', d.id]]);
}

export function keuze(k: Keuze): XmlElement {
  const alternatieven = k.alternatieven;
  const isObjecttype = (t: TypeVerwijzing | Objecttype): t is Objecttype => 'soort' in t;
  const named = alternatieven.some((a) => a.naam !== undefined || a.definitie !== undefined);
  let keuze: XmlElement;
  if (!named && alternatieven.every((a) => isObjecttype(a.type))) {
    keuze = el(
      'mim:keuzeRelatiedoelen',
      alternatieven.map((a) =>
        el('mim:Relatiedoel', [ref('mim-ref:ObjecttypeRef', (a.type as Objecttype).id, (a.type as Objecttype).naam)]),
      ),
    );
  } else if (!named && alternatieven.every((a) => !isObjecttype(a.type))) {
    keuze = el(
      'mim:keuzeDatatypen',
      alternatieven.map((a) => typeRef(a.type as TypeVerwijzing)),
    );
  } else {
    keuze = el(
      'mim:keuzeAttributen',
      alternatieven.map((a) => {
        const type = isObjecttype(a.type)
          ? el('mim-ext:ConstructieRef', a.type.naam, [['xlink:href', `#${a.type.id}`]])
          : typeRef(a.type);
        return el('mim:Attribuutsoort', [
          el('mim:naam', a.naam ?? a.type.naam),
          el('mim:herkomst', ''),
          el('mim:definitie', a.definitie ?? ''),
          el('mim:herkomstDefinitie', ''),
          el('mim:datumOpname', ''),
          el('mim:type', [type]),
          el('mim:indicatieMaterieleHistorie', 'false'),
          el('mim:indicatieFormeleHistorie', 'false'),
          el('mim:kardinaliteit', '1'),
          el('mim:authentiek', ''),
          el('mim:indicatieAfleidbaar', 'false'),
          el('mim:indicatieClassificerend', 'false'),
          el('mim:mogelijkGeenWaarde', 'false'),
          ...kenmerken([['naamloos', a.naam === undefined ? 'true' : undefined]]),
        ]);
      }),
    );
  }
  return el(
    'mim:Keuze',
    [
      el('mim:naam', k.naam),
      ...opt('mim:alias', k.alias),
      ...opt('mim:herkomst', k.herkomst),
      ...opt('mim:definitie', k.definitie),
      ...opt('mim:herkomstDefinitie', k.herkomstDefinitie),
      ...opt('mim:toelichting', k.toelichting),
      el('mim:datumOpname', k.datumOpname ?? ''),
      keuze,
    ],
    [['id', k.id]],
  );
}

export function kenmerken(pairs: [string, string | undefined][]): XmlElement[] {
  const present = pairs.filter((p): p is [string, string] => p[1] !== undefined);
  return list(
    'mim-ext:kenmerken',
    present.map(([naam, waarde]) => el('mim-ext:Kenmerk', waarde, [['naam', naam]])),
  );
}

export const AGGREGATIE = { geen: 'Geen', compositie: 'Compositie', gedeeld: 'Gedeeld' } as const;

export function bool(b: boolean): string {
  return b ? 'true' : 'false';
}

export function opt(name: string, value: string | undefined): XmlElement[] {
  return value === undefined ? [] : [el(name, value)];
}

export function list(name: string, children: XmlElement[]): XmlElement[] {
  return children.length > 0 ? [el(name, children)] : [];
}

export function ref(name: string, id: string, text: string): XmlElement {
  return el(name, text, [['xlink:href', `#${id}`]]);
}

/** A datatype reference: to a keuze by KeuzeRef, to any other datatype by DatatypeRef; the text is the name as written. */
export function typeRef(t: TypeVerwijzing): XmlElement {
  const d: Datatype = t.datatype;
  return ref(d.soort === 'keuze' ? 'mim-ref:KeuzeRef' : 'mim-ref:DatatypeRef', d.id, t.naam);
}
