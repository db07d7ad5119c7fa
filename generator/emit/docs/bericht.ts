/**
 * The message level by level: every object of the uitwisselmodel with its path (a JSON pointer, `*` for any
 * item of a list), its depth, and its fields with type, required-ness and cardinality as the mapping table
 * gives them.
 */
import { pointerSegment, veldKardinaliteit } from '../../derive/bericht.ts';
import type { UmObject, UmVeld, Uitwisselmodel } from '../../derive/types.ts';

export interface UmVeldInfo {
  veld: UmVeld;
  naam: string;
  pad: string;
  /** The datatype as written (AN200), or the name of the nested object. */
  typeNaam: string;
  verplicht: boolean;
  kardinaliteit: string;
  object: UmObject | undefined;
}

export interface UmNiveau {
  object: UmObject;
  /** JSON pointer of the object in the message: "" for the message itself. */
  pad: string;
  /** 1 for the message itself. */
  niveau: number;
  /** The field that holds this object and the object that has that field; undefined for the message itself. */
  via: UmVeldInfo | undefined;
  ouder: UmObject | undefined;
  velden: UmVeldInfo[];
}

/** Breadth first: the message, then the objects one level down, and so on; within a level in message order. */
export function berichtNiveaus(um: Uitwisselmodel): UmNiveau[] {
  const niveaus: UmNiveau[] = [];
  type Item = Omit<UmNiveau, 'velden'>;
  const rij: Item[] = [{ object: um.bericht, pad: '', niveau: 1, via: undefined, ouder: undefined }];
  for (let item = rij.shift(); item; item = rij.shift()) {
    const velden = item.object.velden.map((veld) => veldInfo(veld, item.pad, item.object.referentie));
    niveaus.push({ ...item, velden });
    for (const v of velden) {
      if (v.object) rij.push({ object: v.object, pad: v.veld.lijst ? `${v.pad}/*` : v.pad, niveau: item.niveau + 1, via: v, ouder: item.object });
    }
  }
  return niveaus;
}

function veldInfo(veld: UmVeld, objectPad: string, sleutel: boolean): UmVeldInfo {
  const object = veld.inhoud.soort === 'object' ? veld.inhoud.object : undefined;
  return {
    veld,
    naam: veld.naam,
    pad: `${objectPad}/${pointerSegment(veld.naam)}`,
    typeNaam: veld.inhoud.soort === 'object' ? veld.inhoud.object.naam : veld.inhoud.type.naam,
    verplicht: sleutel || veld.verplicht,
    kardinaliteit: sleutel ? '1' : veldKardinaliteit(veld),
    object,
  };
}
