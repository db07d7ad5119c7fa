import { describe, expect, it } from 'vitest';
import { HAS_REFERENCE, leesVoorbeeld, MODELLEN, naarBron, uitwisselmodel } from './support.ts';

describe.skipIf(!HAS_REFERENCE)('mapping functions rebuild every published example', () => {
  for (const model of MODELLEN) {
    for (const voorbeeld of model.voorbeelden) {
      it(`${model.naam} ${voorbeeld}`, async () => {
        const pakket = (await import(`../../generated/${model.naam}/dist/index.js`)) as Record<
          string,
          (bron: unknown) => unknown
        >;
        const bericht = leesVoorbeeld(model, voorbeeld);
        const bron = naarBron(uitwisselmodel(model.naam), bericht);
        const gebouwd = pakket.naarUitwisselmodel!(bron);
        expect(gebouwd).toStrictEqual(bericht);
      });
    }
  }
});

describe('mapping functions', () => {
  it('turn a relation into a reference by key and rename to the wire names', async () => {
    const { naarVroegsignaalzaak, naarVroegsignaal } =
      (await import('../../generated/vroegsignalering/dist/index.js')) as unknown as Record<
        string,
        (b: unknown) => unknown
      >;
    const signaal = { ID: 'vs-1', signaalpartner: { type: 'Huur' }, client: { Achternaam: 'Jansen' } };
    expect(naarVroegsignaal!(signaal)).toStrictEqual({
      ID: 'vs-1',
      signaalpartner: { type: 'Huur' },
      client: { Achternaam: 'Jansen' },
    });
    expect(naarVroegsignaalzaak!({ vroegsignalen: [signaal], contactpogingen: [{ soort: 'Brief' }] })).toStrictEqual({
      vroegsignalen: [{ ID: 'vs-1' }],
      contactpogingen: [{ soort: 'Brief' }],
    });
  });

  it('leave out an optional list the source does not have, and keep an empty one', async () => {
    const { naarVroegsignaalzaak } =
      (await import('../../generated/vroegsignalering/dist/index.js')) as unknown as Record<
        string,
        (b: unknown) => unknown
      >;
    expect(naarVroegsignaalzaak!({})).toStrictEqual({});
    expect(naarVroegsignaalzaak!({ vroegsignalen: [], contactpogingen: undefined })).toStrictEqual({
      vroegsignalen: [],
    });
  });

  it('read informatiemodel names where the wire name differs (KVKnummer → kvknummer)', async () => {
    const { naarSchuld } = (await import('../../generated/schuldhulpverlening/dist/index.js')) as unknown as Record<
      string,
      (b: unknown) => unknown
    >;
    expect(naarSchuld!({ bedrag: 10, schuldeiser: { naam: 'Woonstad', KVKnummer: '123' } })).toStrictEqual({
      bedrag: 10,
      schuldeiser: { naam: 'Woonstad', kvknummer: '123', Naam: 'Woonstad' },
    });
  });
});
