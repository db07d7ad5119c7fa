/** The base model of the model-level tests: a Zaak with Contacten in a closed message, an Enum, a Notitie outside the message. */
export function basisIm(): Record<string, any> {
  return {
    informatiemodel: {
      id: 't',
      naam: 'Test',
      versie: '1.0',
      definitie: 'Een testmodel.',
      gebruikt: ['../gedeeld/datatypes.yaml'],
    },
    objecttypen: [
      {
        id: 'zaak',
        naam: 'Zaak',
        definitie: 'Een zaak.',
        attribuutsoorten: [
          {
            id: 'zaak.startdatum',
            naam: 'startdatum',
            type: 'Datum',
            kardinaliteit: '1',
            definitie: 'De dag waarop de zaak begint.',
          },
          {
            id: 'zaak.einddatum',
            naam: 'einddatum',
            type: 'Datum',
            kardinaliteit: '0..1',
            definitie: 'De dag waarop de zaak eindigt.',
          },
          {
            id: 'zaak.bedrag',
            naam: 'bedrag',
            type: 'Integer',
            kardinaliteit: '0..1',
            definitie: 'Het bedrag in euro.',
          },
          {
            id: 'zaak.status',
            naam: 'status',
            type: 'EnumStatus',
            kardinaliteit: '1',
            definitie: 'De status van de zaak.',
          },
        ],
        relatiesoorten: [
          {
            id: 'zaak.contacten',
            naam: 'heeft',
            doel: 'Contact',
            rol: 'contacten',
            kardinaliteit: '0..*',
            richting: 'unidirectioneel',
            aggregatie: 'compositie',
            definitie: 'De contacten in de zaak.',
          },
        ],
        constraints: [],
      },
      {
        id: 'contact',
        naam: 'Contact',
        definitie: 'Een contact met de klant.',
        attribuutsoorten: [
          {
            id: 'contact.datum',
            naam: 'datum',
            type: 'Datum',
            kardinaliteit: '1',
            definitie: 'De dag van het contact.',
          },
          { id: 'contact.soort', naam: 'soort', type: 'AN20', kardinaliteit: '0..1', definitie: 'De soort contact.' },
        ],
      },
      {
        id: 'notitie',
        naam: 'Notitie',
        definitie: 'Een notitie die niet in het bericht komt.',
        attribuutsoorten: [
          { id: 'notitie.tekst', naam: 'tekst', type: 'CharacterString', kardinaliteit: '1', definitie: 'De tekst.' },
        ],
      },
    ],
    enumeraties: [
      {
        id: 'enum-status',
        naam: 'EnumStatus',
        definitie: 'De statussen van een zaak.',
        waarden: [
          { id: 'enum-status.open', naam: 'Open', definitie: 'De zaak loopt.' },
          { id: 'enum-status.gesloten', naam: 'Gesloten', definitie: 'De zaak is afgesloten.' },
        ],
      },
    ],
  };
}

export function basisUm(): Record<string, any> {
  return {
    uitwisselmodel: {
      naam: 'Bericht',
      versie: '1.0',
      schemaId: 'https://example.org/t.json',
      definitie: 'Het testbericht.',
    },
    datatypes: [{ datatype: 'Datum', defNaam: 'datum' }],
    enumeraties: ['EnumStatus'],
    bericht: {
      naam: 'Bericht',
      gesloten: true,
      velden: [
        { naam: 'aanleverdatum', toegevoegd: { type: 'Datum', definitie: 'De dag van aanlevering.' }, verplicht: true },
        {
          naam: 'zaken',
          objecttype: 'Zaak',
          lijst: { minimaal: 1 },
          gesloten: true,
          velden: [
            { naam: 'startdatum', verplicht: true },
            { naam: 'einddatum' },
            { naam: 'bedrag' },
            { naam: 'status', verplicht: true },
            { naam: 'contacten', relatie: 'contacten', lijst: {}, velden: [{ naam: 'datum' }, { naam: 'soort' }] },
          ],
        },
      ],
    },
  };
}
