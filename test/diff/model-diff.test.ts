/**
 * The model-level diff on pairs of small models: the base model (basis.ts) against a variant with one kind
 * of change, each change checked for its kind, its place and whom it breaks. Renames are found by the
 * stable id; moves of an attribute between objecttypen and between levels of the message are moves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compatSchema, diff, strictSchema, type Kant } from '../../generator/diff/index.ts';
import { renderJson, renderMarkdown, renderText } from '../../generator/diff/render.ts';
import type { Change } from '../../generator/diff/types.ts';
import { loadModel } from '../../generator/pipeline.ts';
import { basisIm, basisUm } from './basis.ts';
import { DATATYPES, memoryReader, model } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');

type Raw = Record<string, any>;
const niemand = { breaksSenders: false, breaksReceivers: false };
const verzenders = { breaksSenders: true, breaksReceivers: false };
const ontvangers = { breaksSenders: false, breaksReceivers: true };
const beide = { breaksSenders: true, breaksReceivers: true };

const basis = model(basisIm(), basisUm(), 'oud');

function variant(wijzig: (im: Raw, um: Raw) => void): Change[] {
  const im = basisIm();
  const um = basisUm();
  wijzig(im, um);
  return diff(basis, model(im, um, 'nieuw')).changes;
}

const zaak = (im: Raw): Raw => im.objecttypen[0];
const zaakVelden = (um: Raw): any[] => um.bericht.velden[1].velden;

interface Geval {
  naam: string;
  wijzig: (im: Raw, um: Raw) => void;
  /** Exactly these changes (kind, path, classification), in this order. */
  verwacht: (Partial<Change> & { kind: string })[];
}

const gevallen: Geval[] = [
  {
    naam: 'enumeration value added: breaks receivers where the enumeration is used',
    wijzig: (im) => im.enumeraties[0].waarden.push({ id: 'enum-status.heropend', naam: 'Heropend' }),
    verwacht: [{ kind: 'enumeration-value-added', path: 'EnumStatus.Heropend', ...ontvangers }],
  },
  {
    naam: 'enumeration value removed: breaks senders',
    wijzig: (im) => im.enumeraties[0].waarden.pop(),
    verwacht: [{ kind: 'enumeration-value-removed', path: 'EnumStatus.Gesloten', ...verzenders }],
  },
  {
    naam: 'enumeration value renamed (same id): one rename, breaking both ways',
    wijzig: (im) => (im.enumeraties[0].waarden[1].naam = 'Afgesloten'),
    verwacht: [{ kind: 'enumeration-value-renamed', path: 'EnumStatus.Afgesloten', ...beide }],
  },
  {
    naam: 'enumeration value code and definitie: break nobody',
    wijzig: (im) => Object.assign(im.enumeraties[0].waarden[0], { code: 'O', definitie: 'De zaak loopt nog.' }),
    verwacht: [
      { kind: 'enumeration-value-code-changed', ...niemand },
      { kind: 'definition-changed', path: 'EnumStatus.Open', ...niemand },
    ],
  },
  {
    naam: 'enumeration renamed (same id): the $defs name changes, documents do not',
    wijzig: (im, um) => {
      im.enumeraties[0].naam = 'EnumZaakstatus';
      zaak(im).attribuutsoorten[3].type = 'EnumZaakstatus';
      um.enumeraties = ['EnumZaakstatus'];
    },
    verwacht: [
      { kind: 'datatype-changed', path: 'Zaak.status', ...niemand },
      { kind: 'enumeration-renamed', path: 'EnumZaakstatus', ...niemand },
    ],
  },
  {
    naam: 'enumeration added and used for plain text: breaks senders',
    wijzig: (im) => {
      im.enumeraties.push({
        id: 'enum-soort',
        naam: 'EnumSoort',
        definitie: 'Soorten contact.',
        waarden: [{ naam: 'Telefoon' }, { naam: 'Bezoek' }],
      });
      im.objecttypen[1].attribuutsoorten[1].type = 'EnumSoort';
    },
    verwacht: [
      // Receivers too, in the strict schema only: AN20's maxLength goes, which the schema-level diff, keyword by
      // keyword, takes as accepting more (it does not see that the enumeration's values are all shorter).
      { kind: 'datatype-changed', path: 'Contact.soort', breaksSenders: true, breaksReceivers: true },
      { kind: 'enumeration-added', path: 'EnumSoort', ...verzenders },
    ],
  },
  {
    naam: 'attribuutsoort datatype changed: breaks both ways',
    wijzig: (im) => (zaak(im).attribuutsoorten[2].type = 'AN10'),
    verwacht: [{ kind: 'datatype-changed', path: 'Zaak.bedrag', ...beide }],
  },
  {
    naam: 'attribuutsoort datatype widened (Integer to Decimal): breaks receivers',
    wijzig: (im) => (zaak(im).attribuutsoorten[2].type = 'Decimal'),
    verwacht: [{ kind: 'datatype-changed', path: 'Zaak.bedrag', ...ontvangers }],
  },
  {
    naam: 'attribuutsoort kardinaliteit to a list: the message field becomes a list, breaking both ways',
    wijzig: (im) => (zaak(im).attribuutsoorten[2].kardinaliteit = '0..*'),
    verwacht: [
      { kind: 'cardinality-changed', path: 'Zaak.bedrag', ...beide },
      { kind: 'cardinality-changed', path: '/zaken/*/bedrag', ...beide },
    ],
  },
  {
    // The dwangakkoord case: the compat schema, the published one, does not change; the strict schema requires the
    // field now, so a document that was strict-valid may be rejected: it breaks senders, in the strict schema only.
    naam: 'attribuutsoort kardinaliteit 0..1 to 1 without verplicht in the derivation: required in the strict schema only, breaking senders there',
    wijzig: (im) => (zaak(im).attribuutsoorten[1].kardinaliteit = '1'),
    verwacht: [
      {
        kind: 'cardinality-changed',
        path: 'Zaak.einddatum',
        ...verzenders,
        vorm: 'strict',
        details: [
          {
            path: '/zaken/*/einddatum',
            kind: 'required-added',
            ...verzenders,
            message: 'strikt schema: veld "einddatum" is nu verplicht',
            level: 'schema',
            vorm: 'strict',
          },
        ],
      },
    ],
  },
  {
    naam: 'attribuutsoort kardinaliteit 1 to 0..1 that the derivation leaves optional: optional in the strict schema again, breaking receivers there',
    wijzig: (im) => (im.objecttypen[1].attribuutsoorten[0].kardinaliteit = '0..1'),
    verwacht: [{ kind: 'cardinality-changed', path: 'Contact.datum', ...ontvangers, vorm: 'strict' }],
  },
  {
    naam: 'attribuutsoort kardinaliteit 1 to 0..1 where the derivation makes the field verplicht: no schema changes, breaks nobody',
    wijzig: (im) => (zaak(im).attribuutsoorten[0].kardinaliteit = '0..1'),
    verwacht: [{ kind: 'cardinality-changed', path: 'Zaak.startdatum', ...niemand }],
  },
  {
    naam: 'mogelijkGeenWaarde on an attribuutsoort of kardinaliteit 1: no longer required in the strict schema, breaking receivers there',
    wijzig: (im) => (im.objecttypen[1].attribuutsoorten[0].mogelijkGeenWaarde = true),
    verwacht: [{ kind: 'attribute-metadata-changed', path: 'Contact.datum', ...ontvangers, vorm: 'strict' }],
  },
  {
    naam: 'attribuutsoort renamed (same id), wire name kept: breaks nobody',
    wijzig: (im, um) => {
      zaak(im).attribuutsoorten[2].naam = 'hoogte';
      zaakVelden(um)[2].attribuut = 'hoogte';
    },
    verwacht: [{ kind: 'attribute-renamed', path: 'Zaak.hoogte', ...niemand }],
  },
  {
    naam: 'attribuutsoort renamed with its wire name: a rename, and the wire name change breaks both ways in a closed object',
    wijzig: (im, um) => {
      zaak(im).attribuutsoorten[2].naam = 'hoogte';
      zaakVelden(um)[2].naam = 'hoogte';
    },
    verwacht: [
      { kind: 'attribute-renamed', path: 'Zaak.hoogte', ...niemand },
      { kind: 'wire-name-changed', path: '/zaken/*/hoogte', ...beide },
    ],
  },
  {
    naam: 'attribuutsoort moved to another objecttype, and its field one level down in the message',
    wijzig: (im, um) => {
      const [a] = zaak(im).attribuutsoorten.splice(2, 1);
      im.objecttypen[1].attribuutsoorten.push(a);
      zaakVelden(um).splice(2, 1);
      zaakVelden(um)[3].velden.push({ naam: 'bedrag' });
    },
    verwacht: [
      // Gone from the closed Zaak (senders); new in the open Contact with a type (senders too: it may have been there otherwise).
      { kind: 'attribute-moved', path: 'Contact.bedrag', ...verzenders },
      { kind: 'field-moved', path: '/zaken/*/contacten/*/bedrag', ...verzenders },
    ],
  },
  {
    naam: 'attribuutsoort added, in the message as an optional field of a closed object: breaks receivers',
    wijzig: (im, um) => {
      zaak(im).attribuutsoorten.push({
        id: 'zaak.kenmerk',
        naam: 'kenmerk',
        type: 'AN20',
        kardinaliteit: '0..1',
        definitie: 'Het kenmerk.',
      });
      zaakVelden(um).push({ naam: 'kenmerk' });
    },
    verwacht: [
      { kind: 'attribute-added', path: 'Zaak.kenmerk', ...ontvangers },
      { kind: 'field-added', path: '/zaken/*/kenmerk', ...ontvangers },
    ],
  },
  {
    naam: 'attribuutsoort added outside the message: breaks nobody',
    wijzig: (im) =>
      im.objecttypen[2].attribuutsoorten.push({
        id: 'notitie.datum',
        naam: 'datum',
        type: 'Datum',
        kardinaliteit: '1',
        definitie: 'De dag.',
      }),
    verwacht: [{ kind: 'attribute-added', path: 'Notitie.datum', ...niemand }],
  },
  {
    naam: 'attribuutsoort removed, with its field: breaks senders (closed object)',
    wijzig: (im, um) => {
      zaak(im).attribuutsoorten.splice(1, 1);
      zaakVelden(um).splice(1, 1);
    },
    verwacht: [
      { kind: 'attribute-removed', path: 'Zaak.einddatum', ...verzenders },
      { kind: 'field-removed', path: '/zaken/*/einddatum', ...verzenders },
    ],
  },
  {
    naam: 'attribuutsoort lengte (strict schema only): breaks senders in the strict schema; metadata breaks nobody',
    wijzig: (im) => Object.assign(im.objecttypen[1].attribuutsoorten[1], { lengte: 10, authentiek: 'Overig' }),
    verwacht: [
      { kind: 'facet-changed', path: 'Contact.soort', ...verzenders, vorm: 'strict' },
      { kind: 'attribute-metadata-changed', path: 'Contact.soort', ...niemand },
    ],
  },
  {
    naam: 'definitie of an attribuutsoort: breaks nobody; the description in the schema is its detail',
    wijzig: (im) => (zaak(im).attribuutsoorten[0].definitie = 'De eerste dag van de zaak.'),
    verwacht: [
      {
        kind: 'definition-changed',
        path: 'Zaak.startdatum',
        ...niemand,
        details: [expect.objectContaining({ path: '/zaken/*/startdatum', kind: 'description-changed' })] as never,
      },
    ],
  },
  {
    naam: 'toelichting and herkomst: documentation, breaks nobody',
    wijzig: (im) => Object.assign(zaak(im), { toelichting: 'Meer uitleg.', herkomst: 'Ergens' }),
    verwacht: [{ kind: 'documentation-changed', path: 'Zaak', ...niemand }],
  },
  {
    naam: 'objecttype renamed (same id): breaks nobody',
    wijzig: (im) => {
      im.objecttypen[1].naam = 'Klantcontact';
      zaak(im).relatiesoorten[0].doel = 'Klantcontact';
    },
    verwacht: [{ kind: 'objecttype-renamed', path: 'Klantcontact', ...niemand }],
  },
  {
    naam: 'objecttype added outside the message, and one removed outside it: break nobody',
    wijzig: (im) => {
      im.objecttypen[2] = { id: 'bijlage', naam: 'Bijlage', definitie: 'Een bijlage.', attribuutsoorten: [] };
    },
    verwacht: [
      { kind: 'objecttype-removed', path: 'Notitie', ...niemand },
      { kind: 'objecttype-added', path: 'Bijlage', ...niemand },
      { kind: 'attribute-removed', path: 'Notitie.tekst', ...niemand },
    ],
  },
  {
    naam: 'objecttype added and embedded as an optional list in the closed message: breaks receivers',
    wijzig: (im, um) => {
      im.objecttypen[2].id = 'notitie';
      um.bericht.velden.push({ naam: 'notities', objecttype: 'Notitie', lijst: {}, velden: [{ naam: 'tekst' }] });
    },
    verwacht: [{ kind: 'field-added', path: '/notities', ...ontvangers }],
  },
  {
    naam: 'relatiesoort rol and wire name renamed: the rename breaks both ways, the fields inside are not moved',
    wijzig: (im, um) => {
      zaak(im).relatiesoorten[0].rol = 'contactmomenten';
      zaakVelden(um)[4].relatie = 'contactmomenten';
      zaakVelden(um)[4].naam = 'contactmomenten';
    },
    verwacht: [
      { kind: 'relation-role-changed', path: 'Zaak.heeft', ...niemand },
      { kind: 'wire-name-changed', path: '/zaken/*/contactmomenten', ...beide },
    ],
  },
  {
    naam: 'relatiesoort kardinaliteit 0..* to 1..* (the list required and at least one long in the strict schema) and richting',
    wijzig: (im) => Object.assign(zaak(im).relatiesoorten[0], { kardinaliteit: '1..*', richting: 'bidirectioneel' }),
    verwacht: [
      { kind: 'cardinality-changed', path: 'Zaak.heeft', ...verzenders, vorm: 'strict' },
      { kind: 'relation-changed', path: 'Zaak.heeft', ...niemand },
    ],
  },
  {
    naam: 'relatiesoort added (not in the message) and removed with its field',
    wijzig: (im, um) => {
      zaak(im).relatiesoorten = [
        {
          id: 'zaak.notities',
          naam: 'heeftNotities',
          doel: 'Notitie',
          rol: 'notities',
          kardinaliteit: '0..*',
          richting: 'unidirectioneel',
          aggregatie: 'geen',
          definitie: 'De notities.',
        },
      ];
      zaakVelden(um).splice(4, 1);
    },
    verwacht: [
      { kind: 'relation-removed', path: 'Zaak.heeft', ...verzenders },
      { kind: 'relation-added', path: 'Zaak.heeftNotities', ...niemand },
      { kind: 'field-removed', path: '/zaken/*/contacten', ...verzenders },
    ],
  },
  {
    naam: 'relatiesoort doel changed: everything below it is its detail',
    wijzig: (im, um) => {
      zaak(im).relatiesoorten[0].doel = 'Notitie';
      zaakVelden(um)[4].velden = [{ naam: 'tekst' }];
    },
    verwacht: [
      { kind: 'relation-target-changed', path: 'Zaak.heeft', ...beide },
      { kind: 'field-removed', path: '/zaken/*/contacten/*/datum', ...ontvangers },
      { kind: 'field-removed', path: '/zaken/*/contacten/*/soort', ...ontvangers },
      { kind: 'field-added', path: '/zaken/*/contacten/*/tekst', ...verzenders },
    ],
  },
  {
    naam: 'constraint added on an objecttype in the message: breaks senders (the validator checks it)',
    wijzig: (im) =>
      zaak(im).constraints.push({
        id: 'zaak.volgorde',
        naam: 'volgorde',
        specificatie: 'De einddatum ligt niet voor de startdatum.',
        regel: { soort: 'datumvolgorde', vroegste: 'startdatum', laatste: 'einddatum' },
      }),
    verwacht: [{ kind: 'constraint-added', path: 'Zaak.volgorde', ...verzenders }],
  },
  {
    naam: 'constraint on an objecttype outside the message: breaks nobody',
    wijzig: (im) =>
      (im.objecttypen[2].constraints = [{ id: 'notitie.kort', naam: 'kort', specificatie: 'De tekst is kort.' }]),
    verwacht: [{ kind: 'constraint-added', path: 'Notitie.kort', ...niemand }],
  },
  {
    naam: 'field made verplicht in the derivation: breaks senders',
    wijzig: (_im, um) => (zaakVelden(um)[1].verplicht = true),
    verwacht: [{ kind: 'required-changed', path: '/zaken/*/einddatum', ...verzenders }],
  },
  {
    naam: 'list minimum raised: breaks senders',
    wijzig: (_im, um) => (um.bericht.velden[1].lijst.minimaal = 2),
    verwacht: [{ kind: 'cardinality-changed', path: '/zaken', ...verzenders }],
  },
  {
    naam: 'list made unique: breaks senders',
    wijzig: (_im, um) => (um.bericht.velden[1].lijst.uniek = true),
    verwacht: [{ kind: 'cardinality-changed', path: '/zaken', ...verzenders }],
  },
  {
    naam: 'message opened: breaks receivers',
    wijzig: (_im, um) => (um.bericht.gesloten = false),
    verwacht: [{ kind: 'closed-changed', path: '', ...ontvangers }],
  },
  {
    naam: 'added field in an open object: breaks senders',
    wijzig: (_im, um) =>
      zaakVelden(um)[4].velden.push({
        naam: 'gelukt',
        toegevoegd: { type: 'Boolean', definitie: 'Of het contact gelukt is.' },
      }),
    verwacht: [{ kind: 'field-added', path: '/zaken/*/contacten/*/gelukt', ...verzenders }],
  },
  {
    naam: 'added field renamed (same definitie and type): a wire name change',
    wijzig: (_im, um) => (um.bericht.velden[0].naam = 'aanleverDatum'),
    verwacht: [{ kind: 'wire-name-changed', path: '/aanleverDatum', ...beide }],
  },
  {
    naam: 'added field definitie and type',
    wijzig: (_im, um) =>
      Object.assign(um.bericht.velden[0].toegevoegd, {
        definitie: 'De dag waarop is aangeleverd.',
        type: 'CharacterString',
      }),
    verwacht: [
      { kind: 'datatype-changed', path: '/aanleverdatum', ...ontvangers },
      { kind: 'definition-changed', path: '/aanleverdatum', ...niemand },
    ],
  },
  {
    naam: 'versions and $defs names: break nobody',
    wijzig: (im, um) => {
      im.informatiemodel.versie = '1.1';
      um.uitwisselmodel.versie = '1.1';
      um.datatypes[0].defNaam = 'Datum';
    },
    verwacht: [
      { kind: 'version-changed', path: 'Test', ...niemand },
      { kind: 'version-changed', path: '', ...niemand },
      { kind: 'schema-def-renamed', path: '', ...niemand },
    ],
  },
];

describe('model diff: every kind of change with its classification', () => {
  it('a model compared with itself has no change', () => {
    expect(variant(() => undefined)).toEqual([]);
  });

  for (const g of gevallen.filter((x) => x.verwacht.length > 0)) {
    it(g.naam, () => {
      const changes = variant(g.wijzig);
      expect(changes).toEqual(g.verwacht.map((v) => expect.objectContaining(v)));
    });
  }

  it('every model change names its element, and its message says where it is in the message', () => {
    const [c] = variant((im) => im.enumeraties[0].waarden.push({ id: 'x', naam: 'Heropend' }));
    expect(c!.level).toBe('model');
    expect(c!.message).toBe('waarde "Heropend" aan enumeratie EnumStatus toegevoegd (in het bericht: /zaken/*/status)');
    expect(c!.details).toEqual([
      expect.objectContaining({
        level: 'schema',
        path: '/zaken/*/status',
        kind: 'enum-value-added',
        breaksReceivers: true,
      }),
    ]);
  });

  it('a change in a shared datatype reaches every field that uses it', () => {
    // Datum becomes plain text: the format "date" goes, wherever Datum is used.
    const datatypes = structuredClone(DATATYPES);
    const datum = datatypes.primitieveDatatypes.find((d) => d.naam === 'Datum')!;
    Object.assign(datum, { basis: 'tekst' });
    delete (datum as { formaat?: string }).formaat;
    const changes = diff(basis, model(basisIm(), basisUm(), 'nieuw', datatypes)).changes;
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'datatype-definition-changed', path: 'Datum', ...ontvangers }),
    ]);
    expect(changes[0]!.details!.map((d) => d.path)).toEqual([
      '/aanleverdatum',
      '/zaken/*/startdatum',
      '/zaken/*/einddatum',
      '/zaken/*/contacten/*/datum',
    ]);
  });
});

/** A model folder of this repository, with model/gedeeld/, as files in memory; `wijzig` edits one file's text. */
function echtModel(
  naam: string,
  label: string,
  wijzig: (pad: string, tekst: string) => string = (_, t) => t,
): Extract<Kant, { soort: 'model' }> {
  const files: Record<string, string> = {};
  for (const map of [`model/${naam}`, 'model/gedeeld']) {
    for (const f of readdirSync(join(ROOT, map)))
      if (f.endsWith('.yaml')) files[`${map}/${f}`] = wijzig(`${map}/${f}`, readFileSync(join(ROOT, map, f), 'utf8'));
  }
  const loaded = loadModel(`model/${naam}`, memoryReader(files));
  if (!loaded.informatiemodel || !loaded.uitwisselmodel) throw new Error(`model ${naam} does not load`);
  return { soort: 'model', label, informatiemodel: loaded.informatiemodel, uitwisselmodel: loaded.uitwisselmodel };
}

describe('model diff: a kardinaliteit that only the strict schema carries (Schuldhulpverlening, dwangakkoord 0..1 → 1)', () => {
  const oud = echtModel('schuldhulpverlening', 'oud');
  const nieuw = echtModel('schuldhulpverlening', 'nieuw', (pad, tekst) => {
    if (pad !== 'model/schuldhulpverlening/traject.yaml') return tekst;
    const veranderd = tekst.replace(/(naam: dwangakkoord\n\s+type: Boolean\n\s+kardinaliteit: )"0\.\.1"/, '$1"1"');
    if (veranderd === tekst) throw new Error('dwangakkoord with kardinaliteit "0..1" not found in traject.yaml');
    return veranderd;
  });
  const pad = '/leveringen/*/schuldhulptrajecten/*/schuldregeling/dwangakkoord';

  it('leaves the compat schema as it was and makes the field required in the strict schema', () => {
    expect(compatSchema(nieuw.uitwisselmodel!)).toEqual(compatSchema(oud.uitwisselmodel!));
    const schuldregeling = (k: typeof oud) =>
      (strictSchema(k.uitwisselmodel!) as any).properties.leveringen.items.properties.schuldhulptrajecten.items
        .properties.schuldregeling;
    expect(schuldregeling(oud).required ?? []).not.toContain('dwangakkoord');
    expect(schuldregeling(nieuw).required).toContain('dwangakkoord');
  });

  it('reports the change of kardinaliteit with the strict schema change it causes: breaks senders, in the strict schema only', () => {
    const r = diff(oud, nieuw);
    expect(r.changes).toEqual([
      {
        path: 'Schuldregeling.dwangakkoord',
        kind: 'cardinality-changed',
        breaksSenders: true,
        breaksReceivers: false,
        message: `attribuutsoort Schuldregeling.dwangakkoord: kardinaliteit 0..1 → 1 (in het bericht: ${pad})`,
        level: 'model',
        vorm: 'strict',
        details: [
          {
            path: pad,
            kind: 'required-added',
            breaksSenders: true,
            breaksReceivers: false,
            message: 'strikt schema: veld "dwangakkoord" is nu verplicht',
            level: 'schema',
            vorm: 'strict',
          },
        ],
      },
    ]);
    // The reverse: optional again in strict, which breaks receivers that validate with it.
    expect(diff(nieuw, oud).changes).toEqual([
      expect.objectContaining({
        path: 'Schuldregeling.dwangakkoord',
        breaksSenders: false,
        breaksReceivers: true,
        vorm: 'strict',
      }),
    ]);
  });

  it('says so in the text, the Markdown and the JSON', () => {
    const r = diff(oud, nieuw);
    expect(renderText(r)).toContain(
      'cardinality-changed  attribuutsoort Schuldregeling.dwangakkoord: kardinaliteit 0..1 → 1',
    );
    expect(renderText(r)).toContain('[breekt verzenders (alleen in het strikte schema)]');
    expect(renderMarkdown(r)).toMatch(
      /### Brekende wijzigingen\n\n- `Schuldregeling\.dwangakkoord`: .*\(\*\*breekt verzenders \(alleen in het strikte schema\)\*\*\)\n {2}- `[^`]+`: strikt schema: veld "dwangakkoord" is nu verplicht/,
    );
    const json = JSON.parse(renderJson(r)) as { changes: Change[] };
    expect(json.changes[0]).toMatchObject({ vorm: 'strict', details: [{ kind: 'required-added', vorm: 'strict' }] });
  });
});
