/**
 * The data of the Mermaid class diagrams: classes with members, and relations between them. The partial
 * templates/docs/partials/klassendiagram.hbs writes them out; the ids made here are safe Mermaid names
 * (letters, digits, underscores), the labels are the model's own names, escaped by the template.
 */
import type { UmObject } from '../../derive/types.ts';
import type { Informatiemodel, Kardinaliteit } from '../../model/types.ts';
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

/** The informatiemodel: objecttypen with attribuutsoorten, relatiesoorten, generalisaties, enumeraties. */
export function informatiemodelDiagram(im: Informatiemodel): Diagram {
  const ids = new Ids();
  const klassen: Klasse[] = [];
  const relaties: Relatie[] = [];
  for (const ot of im.objecttypen) ids.id(ot, 'ot', ot.id);
  for (const g of im.gegevensgroeptypen) ids.id(g, 'gg', g.id);
  for (const e of im.enumeraties) ids.id(e, 'en', e.id);
  for (const c of im.codelijsten) ids.id(c, 'cl', c.id);
  const id = (x: unknown) => ids.id(x, 'x', 'x');

  for (const ot of im.objecttypen) {
    klassen.push(
      klasse(id(ot), ot.naam, ot.indicatieAbstractObject ? 'abstract' : undefined, [
        ...ot.attribuutsoorten.map((a) => lid(a.naam, a.type.naam, a.kardinaliteit.tekst)),
        ...ot.gegevensgroepen.map((g) => lid(g.naam, g.type.naam, g.kardinaliteit.tekst)),
      ]),
    );
    for (const sup of ot.supertypen) {
      if (im.objecttypen.includes(sup))
        relaties.push({
          van: id(sup),
          naar: id(ot),
          soort: 'generalisatie',
          vanEind: GEEN,
          naarEind: GEEN,
          label: undefined,
        });
    }
    for (const r of ot.relatiesoorten) {
      if (!im.objecttypen.includes(r.doel)) continue;
      relaties.push({
        van: id(ot),
        naar: id(r.doel),
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
  for (const g of im.gegevensgroeptypen) {
    klassen.push(
      klasse(
        id(g),
        g.naam,
        'gegevensgroeptype',
        g.attribuutsoorten.map((a) => lid(a.naam, a.type.naam, a.kardinaliteit.tekst)),
      ),
    );
  }
  for (const ot of [...im.objecttypen, ...im.gegevensgroeptypen]) {
    for (const g of ot.gegevensgroepen) {
      if (im.gegevensgroeptypen.includes(g.type)) {
        relaties.push({
          van: id(ot),
          naar: id(g.type),
          soort: 'compositie',
          vanEind: GEEN,
          naarEind: eind(undefined, g.kardinaliteit),
          label: g.naam,
        });
      }
    }
  }
  for (const e of im.enumeraties)
    klassen.push(
      klasse(
        id(e),
        e.naam,
        'enumeration',
        e.waarden.map((w) => lid(w.naam)),
      ),
    );
  for (const c of im.codelijsten) klassen.push(klasse(id(c), c.naam, 'codelijst', []));
  return { klassen, relaties };
}

function eind(rol: string | undefined, k: Kardinaliteit | undefined | string): Eind {
  const kardinaliteit = typeof k === 'string' ? k : k?.tekst;
  const r = rol === '' ? undefined : rol;
  return { rol: r, kardinaliteit, label: r !== undefined || kardinaliteit !== undefined };
}

/** The message as it is nested: every object of the message with its value fields, nested objects, references. */
export function uitwisselmodelDiagram(niveaus: UmNiveau[]): Diagram {
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
        n.velden.filter((v) => v.object === undefined).map((v) => lid(v.naam, v.typeNaam, v.kardinaliteit)),
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
