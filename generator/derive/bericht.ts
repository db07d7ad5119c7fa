/**
 * The read-only questions about a resolved uitwisselmodel, answered from one walk over the message: where
 * each object and field stands, what a place holds, where an informatiemodel element lands, which
 * enumeraties the message uses. The uitwisselmodel's counterpart of model/view.ts; the emitters, the
 * validator's tables and the diff ask here instead of walking the message themselves.
 */
import type { Enumeratie, Kardinaliteit, Metadata } from '../model/types.ts';
import { bronKardinaliteit, isOptioneel } from '../model/view.ts';
import type { Herkomst, UmObject, UmVeld, Uitwisselmodel } from './types.ts';
import { pointerSegment } from '../common/json-pointer.ts';

/** An object of the message with where it stands: wire names from the root, `*` for every item of a list. */
export interface ObjectInBericht {
  object: UmObject;
  pad: string[];
  /** The same place as a JSON pointer: "" for the message itself. */
  pointer: string;
  /** The object that holds it; undefined for the message itself. */
  ouder?: UmObject;
  /** The field that holds it; undefined for the message itself. */
  via?: VeldInBericht;
  /** 1 for the message itself. */
  niveau: number;
  /** The object's fields at this place. */
  velden: VeldInBericht[];
}

/** A field of the message with where it stands. */
export interface VeldInBericht {
  veld: UmVeld;
  /** The object that has the field. */
  in: ObjectInBericht;
  /** JSON pointer of the field. */
  pointer: string;
  /** JSON pointer of its value: the field's, or `pointer/*` for a list. */
  knoop: string;
}

export class BerichtView {
  /** Every object of the message, the message first, depth first in field order (reference objects too). */
  readonly objecten: readonly ObjectInBericht[];
  /** Every field, depth first: a field that holds an object comes right before that object's fields. */
  readonly velden: readonly VeldInBericht[];
  private readonly perPad = new Map<string, ObjectInBericht>();

  constructor(bericht: UmObject) {
    const objecten: ObjectInBericht[] = [];
    const velden: VeldInBericht[] = [];
    // An object already on the way down is not entered again: a reference's key copied from an object that holds the reference would loop.
    const onderweg = new Set<UmObject>();
    const walk = (o: ObjectInBericht): void => {
      objecten.push(o);
      onderweg.add(o.object);
      for (const veld of o.object.velden) {
        const pointer = `${o.pointer}/${pointerSegment(veld.naam)}`;
        const v: VeldInBericht = { veld, in: o, pointer, knoop: veld.lijst ? `${pointer}/*` : pointer };
        velden.push(v);
        o.velden.push(v);
        if (veld.inhoud.soort !== 'object' || onderweg.has(veld.inhoud.object)) continue;
        const pad = [...o.pad, veld.naam, ...(veld.lijst ? ['*'] : [])];
        walk({
          object: veld.inhoud.object,
          pad,
          pointer: v.knoop,
          ouder: o.object,
          via: v,
          niveau: o.niveau + 1,
          velden: [],
        });
      }
      onderweg.delete(o.object);
    };
    walk({ object: bericht, pad: [], pointer: '', niveau: 1, velden: [] });
    this.objecten = objecten;
    this.velden = velden;
    for (const p of objecten) if (!this.perPad.has(padSleutel(p.pad))) this.perPad.set(padSleutel(p.pad), p);
  }

  /** The object at a path of wire names and `*`. */
  at(pad: readonly string[]): ObjectInBericht | undefined {
    return this.perPad.get(padSleutel(pad));
  }

  /** The objects level by level: the message, then the objects one level down, and so on; within a level in message order. */
  niveaus(): ObjectInBericht[] {
    return [...this.objecten].sort((a, b) => a.niveau - b.niveau);
  }

  /** The enumeraties the fields use, in the compat or the strict form, in order of first use. */
  enumeraties(): Enumeratie[] {
    const found: Enumeratie[] = [];
    for (const { veld } of this.velden) {
      if (veld.inhoud.soort !== 'waarde') continue;
      for (const t of [veld.inhoud.type, veld.inhoud.compat?.type]) {
        if (t?.datatype.soort === 'enumeratie' && !found.includes(t.datatype)) found.push(t.datatype);
      }
    }
    return found;
  }

  // The questions below match elements by id, not by identity, so that they hold across two versions of a model.

  /** The fields that come from the attribuutsoort, relatiesoort or (embedded) objecttype with this id. */
  veldenFrom(soort: 'attribuutsoort' | 'relatiesoort' | 'objecttype', id: string): VeldInBericht[] {
    return this.velden.filter((p) => p.veld.herkomst.soort === soort && herkomstElement(p.veld.herkomst)?.id === id);
  }

  /** The fields whose value is an object of the objecttype with this id (a reference to one too). */
  veldenHolding(objecttypeId: string): VeldInBericht[] {
    return this.velden.filter(
      (p) => p.veld.inhoud.soort === 'object' && p.veld.inhoud.object.objecttype?.id === objecttypeId,
    );
  }

  /** The fields whose value has the datatype with this id, in the compat or the strict form. */
  veldenTyped(datatypeId: string): VeldInBericht[] {
    return this.velden.filter(
      (p) =>
        p.veld.inhoud.soort === 'waarde' &&
        (p.veld.inhoud.type.datatype.id === datatypeId || p.veld.inhoud.compat?.type.datatype.id === datatypeId),
    );
  }

  /** The fields directly inside objects of the objecttype with this id. */
  veldenInside(objecttypeId: string): VeldInBericht[] {
    return this.velden.filter((p) => p.in.object.objecttype?.id === objecttypeId);
  }
}

const views = new WeakMap<Uitwisselmodel, BerichtView>();

/** The view of a resolved uitwisselmodel, made on the first question. */
export function berichtView(um: Uitwisselmodel): BerichtView {
  let view = views.get(um);
  if (!view) {
    view = new BerichtView(um.bericht);
    views.set(um, view);
  }
  return view;
}

/** The informatiemodel element a field comes from; undefined for a field the derivation added. */
export function herkomstElement(h: Herkomst): Metadata | undefined {
  switch (h.soort) {
    case 'attribuutsoort':
      return h.attribuutsoort;
    case 'relatiesoort':
      return h.relatiesoort;
    case 'objecttype':
      return h.objecttype;
    case 'toegevoegd':
      return undefined;
  }
}

/** Whether a place lies inside the object of a reference by key, below its key fields. */
export function onderVerwijzing(o: ObjectInBericht): boolean {
  for (let p = o.via?.in; p; p = p.via?.in) if (p.object.referentie) return true;
  return false;
}

/** What the informatiemodel says about the presence of a field: the element it comes from and that element's kardinaliteit. */
export interface ModelKardinaliteit {
  /** The element in MIM terms: `attribuutsoort Vroegsignaal.crisissignaal`, `relatiesoort Schuld.is verschuldigd aan`. */
  element: string;
  /** The attribuutsoort's or relatiesoort's kardinaliteit; for a relation followed back, its kardinaliteit at the bron. */
  kardinaliteit: Kardinaliteit;
  /** The element with the kardinaliteit that counts, as the strict schema's differences say it: `attribuutsoort Vroegsignaal.bedrag kardinaliteit 1`. */
  tekst: string;
  /** The informatiemodel requires a value (at least one, and not `mogelijkGeenWaarde`). */
  vereist: boolean;
}

/**
 * The kardinaliteit the informatiemodel gives the field, for a field that comes from an attribuutsoort or a
 * relatiesoort; undefined for an embedded objecttype and for what the derivation added, of which the
 * informatiemodel says nothing. The strict schema requires the fields whose element is `vereist`.
 */
export function modelKardinaliteit(veld: UmVeld): ModelKardinaliteit | undefined {
  const h = veld.herkomst;
  if (h.soort === 'attribuutsoort') {
    const a = h.attribuutsoort;
    const element = `attribuutsoort ${a.eigenaar.naam}.${a.naam}`;
    return {
      element,
      kardinaliteit: a.kardinaliteit,
      tekst: `${element} kardinaliteit ${a.kardinaliteit.tekst}`,
      vereist: isVereist(a.kardinaliteit, a.mogelijkGeenWaarde),
    };
  }
  if (h.soort === 'relatiesoort') {
    const r = h.relatiesoort;
    const element = `relatiesoort ${r.eigenaar.naam}.${r.naam}`;
    // A relation followed back from its doel to its bron: how many bronnen one doel has.
    const kardinaliteit = h.omgekeerd ? bronKardinaliteit(r) : r.kardinaliteit;
    const tekst = `${element} ${h.omgekeerd ? 'kardinaliteit bron' : 'kardinaliteit'} ${kardinaliteit.tekst}`;
    return { element, kardinaliteit, tekst, vereist: isVereist(kardinaliteit, r.mogelijkGeenWaarde) };
  }
  return undefined;
}

/**
 * The informatiemodel requires a value: a minimum kardinaliteit of at least one, and not `mogelijkGeenWaarde`
 * (MIM's "the value may be missing, for a reason"). Such a field stays optional in the strict schema: the
 * strict schema only narrows the compat one, which has no null for a missing value to stand in.
 */
function isVereist(k: Kardinaliteit, mogelijkGeenWaarde: boolean): boolean {
  return !isOptioneel(k) && !mogelijkGeenWaarde;
}

/** A field's cardinality as the mapping table and the documentation give it: 1 or 0..1, min..max for a list. */
export function veldKardinaliteit(veld: UmVeld): string {
  if (!veld.lijst) return veld.verplicht ? '1' : '0..1';
  const min = veld.lijst.minimaal ?? 0;
  return `${veld.verplicht ? Math.max(min, 1) : min}..${veld.lijst.maximaal ?? '*'}`;
}

function padSleutel(pad: readonly string[]): string {
  return JSON.stringify(pad);
}
