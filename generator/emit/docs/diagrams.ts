/**
 * The data of the Mermaid class diagrams: classes with members, and relations between them. The partial
 * templates/docs/partials/klassendiagram.hbs writes them out; the ids made here are safe Mermaid names
 * (letters, digits, underscores), the labels are the model's own names, escaped by the template.
 */
import type { UmObject } from '../../derive/types.ts';
import type {
  Codelijst,
  Enumeratie,
  Gegevensgroeptype,
  Informatiemodel,
  Kardinaliteit,
  Objecttype,
} from '../../model/types.ts';
import { slug } from './anchors.ts';
import type { UmNiveau } from './bericht.ts';

/** A member: an attribute (naam, type, kardinaliteit) or an enumeration value (naam only). */
export interface Lid {
  naam: string;
  type: string | undefined;
  kardinaliteit: string | undefined;
}

export interface Klasse {
  id: string;
  label: string;
  stereotype: string | undefined;
  leden: Lid[];
  /** Whether the class is written with a body ({ ... }): Mermaid wants none for a class without members. */
  body: boolean;
}

export interface Relatie {
  van: string;
  naar: string;
  /** generalisatie, associatie, bidirectioneel, compositie, aggregatie, nesting or verwijzing. */
  soort: string;
  vanEind: Eind;
  naarEind: Eind;
  label: string | undefined;
}

/** What is written at one end of a relation: the role and the cardinality. */
export interface Eind {
  rol: string | undefined;
  kardinaliteit: string | undefined;
  /** Whether anything is written at this end. */
  label: boolean;
}

const GEEN: Eind = { rol: undefined, kardinaliteit: undefined, label: false };
const lid = (naam: string, type?: string, kardinaliteit?: string): Lid => ({ naam, type, kardinaliteit });

export interface Diagram {
  klassen: Klasse[];
  relaties: Relatie[];
}

class Ids {
  private readonly gebruikt = new Set<string>();
  private readonly perSleutel = new Map<unknown, string>();
  id(sleutel: unknown, prefix: string, voorstel: string): string {
    const bekend = this.perSleutel.get(sleutel);
    if (bekend) return bekend;
    const basis = `${prefix}_${slug(voorstel).replace(/-/g, '_') || 'x'}`;
    let id = basis;
    for (let n = 2; this.gebruikt.has(id); n++) id = `${basis}_${n}`;
    this.gebruikt.add(id);
    this.perSleutel.set(sleutel, id);
    return id;
  }
}

function klasse(id: string, label: string, stereotype: string | undefined, leden: Lid[]): Klasse {
  return { id, label, stereotype, leden, body: stereotype !== undefined || leden.length > 0 };
}

/** A class of the informatiemodel's diagrams. */
export type ImKlasse = Objecttype | Gegevensgroeptype | Enumeratie | Codelijst;

/** A relation of the informatiemodel between two of its classes. */
export interface ImRand {
  van: ImKlasse;
  naar: ImKlasse;
  relatie: Relatie;
}

/**
 * The informatiemodel's classes and relations, each with one Mermaid id for the whole model, from which any
 * part can be drawn: the whole model, a pakket with its neighbours, an objecttype with its neighbours.
 */
export class ImDiagrammen {
  /** Every class in the order the diagrams list them: objecttypen, gegevensgroeptypen, enumeraties, codelijsten. */
  readonly klassen: readonly ImKlasse[];
  /** Every relation, in the order the diagrams list them. */
  readonly randen: ImRand[] = [];
  private readonly ids = new Ids();
  private readonly perKlasse = new Map<ImKlasse, ImRand[]>();

  constructor(readonly im: Informatiemodel) {
    for (const ot of im.objecttypen) this.ids.id(ot, 'ot', ot.id);
    for (const g of im.gegevensgroeptypen) this.ids.id(g, 'gg', g.id);
    for (const e of im.enumeraties) this.ids.id(e, 'en', e.id);
    for (const c of im.codelijsten) this.ids.id(c, 'cl', c.id);
    this.klassen = [...im.objecttypen, ...im.gegevensgroeptypen, ...im.enumeraties, ...im.codelijsten];
    const objecttypen = new Set(im.objecttypen);
    const groepen = new Set(im.gegevensgroeptypen);
    const rand = (van: ImKlasse, naar: ImKlasse, relatie: Omit<Relatie, 'van' | 'naar'>) => {
      const r: ImRand = { van, naar, relatie: { van: this.id(van), naar: this.id(naar), ...relatie } };
      this.randen.push(r);
      for (const k of new Set([van, naar])) {
        const lijst = this.perKlasse.get(k);
        if (lijst) lijst.push(r);
        else this.perKlasse.set(k, [r]);
      }
    };
    for (const ot of im.objecttypen) {
      for (const sup of ot.supertypen) {
        if (objecttypen.has(sup))
          rand(sup, ot, { soort: 'generalisatie', vanEind: GEEN, naarEind: GEEN, label: undefined });
      }
      for (const r of ot.relatiesoorten) {
        if (!objecttypen.has(r.doel)) continue;
        rand(ot, r.doel, {
          soort:
            r.aggregatie === 'compositie'
              ? 'compositie'
              : r.aggregatie === 'gedeeld'
                ? 'aggregatie'
                : r.richting === 'bidirectioneel'
                  ? 'bidirectioneel'
                  : 'associatie',
          vanEind: eind(r.rolBron, r.kardinaliteitBron),
          naarEind: eind(r.rol, r.kardinaliteit),
          label: r.naam,
        });
      }
    }
    for (const ot of [...im.objecttypen, ...im.gegevensgroeptypen]) {
      for (const g of ot.gegevensgroepen) {
        if (groepen.has(g.type))
          rand(ot, g.type, {
            soort: 'compositie',
            vanEind: GEEN,
            naarEind: eind(undefined, g.kardinaliteit),
            label: g.naam,
          });
      }
    }
  }

  /** The relations a class has, either end. */
  randenVan(k: ImKlasse): readonly ImRand[] {
    return this.perKlasse.get(k) ?? [];
  }

  /**
   * A diagram of the classes in `vol` with their members and those in `naam` by name alone, with the relations
   * of which one end is in `vol` and the other shown. Only the relations of `vol` are looked at, so that the
   * thousand small diagrams of a large model cost what they hold, not the model's size each.
   */
  diagram(vol: ReadonlySet<ImKlasse>, naam: ReadonlySet<ImKlasse> = new Set()): Diagram {
    const klassen = [...new Set([...vol, ...naam])];
    const plek = this.plek();
    klassen.sort((x, y) => plek.klassen.get(x)! - plek.klassen.get(y)!);
    const randen = new Set<ImRand>();
    for (const k of vol)
      for (const r of this.randenVan(k))
        if ((vol.has(r.van) || naam.has(r.van)) && (vol.has(r.naar) || naam.has(r.naar))) randen.add(r);
    return {
      klassen: klassen.map((k) => this.klasse(k, vol.has(k))),
      relaties: [...randen].sort((x, y) => plek.randen.get(x)! - plek.randen.get(y)!).map((r) => r.relatie),
    };
  }

  /** The whole model as one diagram. */
  geheel(): Diagram {
    return { klassen: this.klassen.map((k) => this.klasse(k, true)), relaties: this.randen.map((r) => r.relatie) };
  }

  private plekken: { klassen: Map<ImKlasse, number>; randen: Map<ImRand, number> } | undefined;
  private plek() {
    this.plekken ??= {
      klassen: new Map(this.klassen.map((k, i) => [k, i])),
      randen: new Map(this.randen.map((r, i) => [r, i])),
    };
    return this.plekken;
  }

  private id(k: ImKlasse): string {
    return this.ids.id(k, 'x', 'x');
  }

  private klasse(k: ImKlasse, vol: boolean): Klasse {
    const id = this.id(k);
    switch (k.soort) {
      case 'objecttype':
        return klasse(
          id,
          k.naam,
          k.indicatieAbstractObject ? 'abstract' : undefined,
          vol
            ? [
                ...k.attribuutsoorten.map((a) => lid(a.naam, a.type.naam, a.kardinaliteit.tekst)),
                ...k.gegevensgroepen.map((g) => lid(g.naam, g.type.naam, g.kardinaliteit.tekst)),
              ]
            : [],
        );
      case 'gegevensgroeptype':
        return klasse(
          id,
          k.naam,
          'gegevensgroeptype',
          vol ? k.attribuutsoorten.map((a) => lid(a.naam, a.type.naam, a.kardinaliteit.tekst)) : [],
        );
      case 'enumeratie':
        return klasse(id, k.naam, 'enumeration', vol ? k.waarden.map((w) => lid(w.naam)) : []);
      default:
        return klasse(id, k.naam, 'codelijst', []);
    }
  }
}

/** The informatiemodel as one diagram: objecttypen with attribuutsoorten, relatiesoorten, generalisaties, enumeraties. */
export function informatiemodelDiagram(im: Informatiemodel): Diagram {
  return new ImDiagrammen(im).geheel();
}

function eind(rol: string | undefined, k: Kardinaliteit | undefined | string): Eind {
  const kardinaliteit = typeof k === 'string' ? k : k?.tekst;
  const r = rol === '' ? undefined : rol;
  return { rol: r, kardinaliteit, label: r !== undefined || kardinaliteit !== undefined };
}

/**
 * The message as it is nested: every object of the message with its value fields, nested objects, references;
 * the objects in `alleenNaam` by name alone (a part of a split diagram: see diagram-delen.ts).
 */
export function uitwisselmodelDiagram(niveaus: UmNiveau[], alleenNaam: ReadonlySet<UmObject> = new Set()): Diagram {
  const ids = new Ids();
  const id = (o: UmObject, pad: string) => ids.id(o, 'um', pad === '' ? 'bericht' : pad);
  const klassen: Klasse[] = [];
  const relaties: Relatie[] = [];
  for (const n of niveaus) {
    klassen.push(
      klasse(
        id(n.object, n.pad),
        n.object.naam,
        n.object.referentie ? 'referentie' : undefined,
        alleenNaam.has(n.object)
          ? []
          : n.velden.filter((v) => v.object === undefined).map((v) => lid(v.naam, v.typeNaam, v.kardinaliteit)),
      ),
    );
  }
  for (const n of niveaus) {
    for (const v of n.velden) {
      const kind = v.object && niveaus.find((k) => k.object === v.object);
      if (kind)
        relaties.push({
          van: id(n.object, n.pad),
          naar: id(kind.object, kind.pad),
          soort: 'nesting',
          vanEind: GEEN,
          naarEind: eind(undefined, v.kardinaliteit),
          label: v.naam,
        });
    }
    if (n.object.referentie) {
      const doel = niveaus.find(
        (k) => !k.object.referentie && k.object.objecttype !== undefined && k.object.objecttype === n.object.objecttype,
      );
      if (doel) {
        const sleutels = n.object.velden.map((v) => v.naam).join(', ');
        relaties.push({
          van: id(n.object, n.pad),
          naar: id(doel.object, doel.pad),
          soort: 'verwijzing',
          vanEind: GEEN,
          naarEind: GEEN,
          label: `verwijst met ${sleutels}`,
        });
      }
    }
  }
  return { klassen, relaties };
}
