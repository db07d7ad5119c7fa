/** Walking the resolved message: the places of its objects, JSON pointers into it, the cardinality of a field. */
import type { UmObject, UmVeld, Uitwisselmodel } from './types.ts';

/** A name as a JSON pointer segment (RFC 6901). */
export function pointerSegment(naam: string): string {
  return naam.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** An object of the message with where it stands: wire names from the root, `*` for every item of a list. */
export interface Plaats {
  object: UmObject;
  pad: string[];
  /** The object that holds it; undefined for the message itself. */
  ouder?: UmObject;
}

/** Every object of the message, the message first, depth first in field order (reference objects too). */
export function umPlaatsen(um: Uitwisselmodel): Plaats[] {
  const result: Plaats[] = [];
  const walk = (object: UmObject, pad: string[], ouder?: UmObject): void => {
    result.push({ object, pad, ouder });
    for (const v of object.velden) {
      if (v.inhoud.soort === 'object') walk(v.inhoud.object, [...pad, v.naam, ...(v.lijst ? ['*'] : [])], object);
    }
  };
  walk(um.bericht, []);
  return result;
}

/** A field's cardinality as the mapping table and the documentation give it: 1 or 0..1, min..max for a list. */
export function veldKardinaliteit(veld: UmVeld): string {
  if (!veld.lijst) return veld.verplicht ? '1' : '0..1';
  const min = veld.lijst.minimaal ?? 0;
  return `${veld.verplicht ? Math.max(min, 1) : min}..${veld.lijst.maximaal ?? '*'}`;
}
