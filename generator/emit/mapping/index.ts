import { berichtView, onderVerwijzing, veldKardinaliteit } from '../../derive/bericht.ts';
import type { Herkomst, UmVeld, Uitwisselmodel } from '../../derive/types.ts';
import { jsonText } from '../../common/text.ts';

export const MAPPING = 'mapping.json';

/** One row of the mapping table: a field of the message and the informatiemodel element it comes from. */
export interface MappingRegel {
  /** JSON pointer into the message, `*` standing for any item of a list. */
  pad: string;
  veld: string;
  /** The datatype, or the type of the embedded object. */
  type: string;
  verplicht: boolean;
  kardinaliteit: string;
  bron: MappingBron;
}

export type MappingBron =
  | { soort: 'attribuutsoort'; objecttype: string; attribuutsoort: string; id: string }
  | {
      soort: 'relatiesoort';
      objecttype: string;
      relatiesoort: string;
      rol?: string;
      doel: string;
      id: string;
      omgekeerd?: true;
      referentie?: true;
    }
  | { soort: 'objecttype'; objecttype: string; id: string }
  | { soort: 'toegevoegd' };

/**
 * Every field of the message with its origin in the informatiemodel, in message order. A reference by key
 * shows its keys, each required once, and nothing below them.
 */
export function mappingRegels(um: Uitwisselmodel): MappingRegel[] {
  return berichtView(um)
    .velden.filter((v) => !onderVerwijzing(v.in))
    .map(({ veld, in: object, pointer }) =>
      object.object.referentie
        ? {
            pad: `${object.via!.pointer}/*/${veld.naam}`,
            veld: veld.naam,
            type: typeNaam(veld),
            verplicht: true,
            kardinaliteit: '1',
            bron: bron(veld),
          }
        : {
            pad: pointer,
            veld: veld.naam,
            type: typeNaam(veld),
            verplicht: veld.verplicht,
            kardinaliteit: veldKardinaliteit(veld),
            bron: bron(veld),
          },
    );
}

export function emitMapping(um: Uitwisselmodel): Map<string, string> {
  return new Map([
    [
      MAPPING,
      jsonText({
        uitwisselmodel: um.naam,
        versie: um.versie,
        informatiemodel: um.informatiemodel.naam,
        velden: mappingRegels(um),
      }),
    ],
  ]);
}

function typeNaam(veld: UmVeld): string {
  return veld.inhoud.soort === 'object' ? veld.inhoud.object.naam : veld.inhoud.type.naam;
}

function bron(veld: UmVeld): MappingBron {
  const h: Herkomst = veld.herkomst;
  switch (h.soort) {
    case 'attribuutsoort': {
      const a = h.attribuutsoort;
      return { soort: 'attribuutsoort', objecttype: a.eigenaar.naam, attribuutsoort: a.naam, id: a.id };
    }
    case 'relatiesoort': {
      const r = h.relatiesoort;
      const referentie = veld.inhoud.soort === 'object' && veld.inhoud.object.referentie;
      return {
        soort: 'relatiesoort',
        objecttype: r.eigenaar.naam,
        relatiesoort: r.naam,
        ...(r.rol ? { rol: r.rol } : {}),
        doel: r.doel.naam,
        id: r.id,
        ...(h.omgekeerd ? { omgekeerd: true as const } : {}),
        ...(referentie ? { referentie: true as const } : {}),
      };
    }
    case 'objecttype':
      return { soort: 'objecttype', objecttype: h.objecttype.naam, id: h.objecttype.id };
    case 'toegevoegd':
      return { soort: 'toegevoegd' };
  }
}
