// A model of two objects as a generated package would give it to the runtime: the streaming plan, a
// validator per unit (written by hand in the shape of Ajv's standalone code), the rules and the tables of
// names. The runtime's tests use it, and the worker thread imports STREAM_CONTEXT from it.
import { maakMelding } from '@mimgen/runtime';

const isObject = (d) => typeof d === 'object' && d !== null && !Array.isArray(d);

/** Validator of the message without its streamed list (the runtime hands it `boeken: []`). */
export function bibliotheek(d) {
  const errors = [];
  if (!isObject(d))
    errors.push({ instancePath: '', schemaPath: '#/type', keyword: 'type', params: { type: 'object' } });
  else {
    if (typeof d.naam !== 'string')
      errors.push({
        instancePath: '',
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'naam' },
      });
    if (!Array.isArray(d.boeken))
      errors.push({
        instancePath: '/boeken',
        schemaPath: '#/properties/boeken/type',
        keyword: 'type',
        params: { type: 'array' },
      });
  }
  bibliotheek.errors = errors.length > 0 ? errors : null;
  return errors.length === 0;
}

/** Validator of one Boek. */
export function boek(d) {
  const errors = [];
  if (!isObject(d))
    errors.push({ instancePath: '', schemaPath: '#/type', keyword: 'type', params: { type: 'object' } });
  else {
    for (const veld of ['isbn', 'titel']) {
      if (!(veld in d))
        errors.push({
          instancePath: '',
          schemaPath: '#/required',
          keyword: 'required',
          params: { missingProperty: veld },
        });
    }
    if ('isbn' in d && typeof d.isbn !== 'string')
      errors.push({
        instancePath: '/isbn',
        schemaPath: '#/properties/isbn/type',
        keyword: 'type',
        params: { type: 'string' },
      });
  }
  boek.errors = errors.length > 0 ? errors : null;
  return errors.length === 0;
}

export const STREAM_PLAN = {
  eenheden: [
    {
      pad: [],
      naam: 'Bibliotheek',
      validator: 'bibliotheek',
      ouder: -1,
      record: false,
      lijsten: [{ pad: ['boeken'], eenheid: 1, minItems: 1 }],
      vingerafdruk: false,
    },
    { pad: ['boeken', '*'], naam: 'Boek', validator: 'boek', ouder: 0, record: true, lijsten: [], vingerafdruk: false },
  ],
};

export const VALIDATORS = { bibliotheek, boek };

export const REGELS = {
  uniek: [
    {
      scope: [],
      scopeNaam: 'Bibliotheek',
      sleutels: ['boeken', '*', 'isbn'],
      objecttype: 'Boek',
      element: 'Boek.isbn',
    },
  ],
  verwijzingen: [],
  datumvolgorde: [
    {
      object: ['boeken', '*'],
      objecttype: 'Boek',
      vroegste: 'uitgeleend',
      laatste: 'teruggebracht',
      element: 'Boek.teruggebracht',
      specificatie: 'Een boek wordt niet teruggebracht voordat het is uitgeleend.',
    },
  ],
  voorwaarden: [],
};

export const VELDEN = {
  '/naam': 'naam (Tekst)',
  '/boeken': 'boeken (Boek)',
  '/boeken/*/isbn': 'isbn (Tekst)',
  '/boeken/*/titel': 'titel (Tekst)',
};
export const OBJECTEN = { '': 'Bibliotheek', '/boeken/*': 'Boek' };

export const STREAM_CONTEXT = {
  plan: STREAM_PLAN,
  validators: VALIDATORS,
  regels: REGELS,
  melding: maakMelding(VELDEN, OBJECTEN),
};
