/**
 * The message level by level: every object of the uitwisselmodel with its path (a JSON pointer, `*` for any
 * item of a list), its depth, and its fields with type, required-ness and cardinality as the mapping table
 * gives them.
 */
import { berichtView, veldKardinaliteit, type VeldInBericht } from '../../derive/bericht.ts';
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
  const view = berichtView(um);
  const info = new Map(view.velden.map((v) => [v, veldInfo(v)]));
  return view.niveaus().map((p) => ({
    object: p.object,
    pad: p.pointer,
    niveau: p.niveau,
    via: p.via && info.get(p.via),
    ouder: p.ouder,
    velden: p.velden.map((v) => info.get(v)!),
  }));
}

/** The fields of a reference by key are its keys: each one required, once. */
function veldInfo({ veld, in: waar, pointer }: VeldInBericht): UmVeldInfo {
  const sleutel = waar.object.referentie;
  return {
    veld,
    naam: veld.naam,
    pad: pointer,
    typeNaam: veld.inhoud.soort === 'object' ? veld.inhoud.object.naam : veld.inhoud.type.naam,
    verplicht: sleutel || veld.verplicht,
    kardinaliteit: sleutel ? '1' : veldKardinaliteit(veld),
    object: veld.inhoud.soort === 'object' ? veld.inhoud.object : undefined,
  };
}
