/**
 * Presence in the strict schema, on the small test model of the diff tests: what the informatiemodel
 * requires (a minimum kardinaliteit of 1, not mogelijkGeenWaarde) is required in strict and listed as a
 * difference; a list of a relatiesoort 1..* is at least one long; the compat schema does not change.
 */
import { describe, expect, it } from 'vitest';
import type { Uitwisselmodel } from '../../generator/derive/types.ts';
import { berichtSchema, type Verschil } from '../../generator/emit/json-schema/index.ts';
import { basisIm, basisUm } from '../diff/basis.ts';
import { model } from '../diff/helpers.ts';

type Raw = Record<string, any>;
type Schema = Record<string, any>;

function schemas(wijzig: (im: Raw, um: Raw) => void = () => {}): {
  compat: Schema;
  strict: Schema;
  verschillen: Verschil[];
} {
  const im = basisIm();
  const um = basisUm();
  wijzig(im, um);
  const kant = model(im, um);
  if (kant.soort !== 'model' || !kant.uitwisselmodel) throw new Error('no uitwisselmodel');
  const u: Uitwisselmodel = kant.uitwisselmodel;
  const verschillen: Verschil[] = [];
  return { compat: berichtSchema(u, 'compat', []), strict: berichtSchema(u, 'strict', verschillen), verschillen };
}

const zaak = (s: Schema): Schema => s.properties.zaken.items;
const contacten = (s: Schema): Schema => zaak(s).properties.contacten;
const contact = (s: Schema): Schema => contacten(s).items;
const aanwezig = (vs: Verschil[]) =>
  vs
    .filter((v) => v.soort === 'verplicht' || v.soort === 'aantal')
    .map(({ pad, soort, compat, strict, toelichting }) => ({ pad, soort, compat, strict, toelichting }));

describe('presence in the strict schema', () => {
  it('requires an attribuutsoort of kardinaliteit 1 that the derivation leaves optional, and lists it', () => {
    const { compat, strict, verschillen } = schemas();
    // Contact.datum is 1 in the informatiemodel, not verplicht in the derivation; Contact.soort is 0..1.
    expect(contact(compat).required).toBeUndefined();
    expect(contact(strict).required).toEqual(['datum']);
    // Zaak.startdatum and status (1) are verplicht in the derivation already: no difference; einddatum (0..1) stays optional.
    expect(zaak(compat).required).toEqual(['startdatum', 'status']);
    expect(zaak(strict).required).toEqual(['startdatum', 'status']);
    expect(aanwezig(verschillen)).toEqual([
      {
        pad: '/zaken/*/contacten/*/datum',
        soort: 'verplicht',
        compat: 'optioneel',
        strict: 'verplicht',
        toelichting: 'het informatiemodel geeft attribuutsoort Contact.datum kardinaliteit 1',
      },
    ]);
  });

  it('leaves an attribuutsoort with mogelijkGeenWaarde optional: its value may be missing', () => {
    const { strict, verschillen } = schemas((im) => (im.objecttypen[1].attribuutsoorten[0].mogelijkGeenWaarde = true));
    expect(contact(strict).required).toBeUndefined();
    expect(aanwezig(verschillen)).toEqual([]);
  });

  it('requires a list of a relatiesoort 1..* and raises its minimum to 1; compat stays as it was', () => {
    const basis = schemas();
    const { compat, strict, verschillen } = schemas(
      (im) => (im.objecttypen[0].relatiesoorten[0].kardinaliteit = '1..*'),
    );
    expect(compat).toEqual(basis.compat);
    expect(zaak(strict).required).toEqual(['startdatum', 'status', 'contacten']);
    expect(contacten(compat).minItems).toBeUndefined();
    expect(contacten(strict).minItems).toBe(1);
    expect(aanwezig(verschillen)).toEqual([
      {
        pad: '/zaken/*/contacten',
        soort: 'verplicht',
        compat: 'optioneel',
        strict: 'verplicht',
        toelichting: 'het informatiemodel geeft relatiesoort Zaak.heeft kardinaliteit 1..*',
      },
      {
        pad: '/zaken/*/contacten',
        soort: 'aantal',
        compat: 'minItems 0',
        strict: 'minItems 1',
        toelichting: 'het informatiemodel geeft relatiesoort Zaak.heeft kardinaliteit 1..*',
      },
      {
        pad: '/zaken/*/contacten/*/datum',
        soort: 'verplicht',
        compat: 'optioneel',
        strict: 'verplicht',
        toelichting: 'het informatiemodel geeft attribuutsoort Contact.datum kardinaliteit 1',
      },
    ]);
  });

  it('keeps a list minimum of the derivation that is already as high, and says nothing of added fields', () => {
    const { strict, verschillen } = schemas((im, um) => {
      im.objecttypen[0].relatiesoorten[0].kardinaliteit = '1..*';
      um.bericht.velden[1].velden[4].lijst = { minimaal: 2 };
    });
    expect(contacten(strict).minItems).toBe(2);
    expect(aanwezig(verschillen).map((v) => `${v.pad} ${v.soort}`)).toEqual([
      '/zaken/*/contacten verplicht',
      '/zaken/*/contacten/*/datum verplicht',
    ]);
    // aanleverdatum is added by the derivation (verplicht there), zaken embeds an objecttype: the informatiemodel gives neither a kardinaliteit.
    expect(strict.required).toEqual(['aanleverdatum']);
  });
});
