/**
 * One truth (issue 15, item 6): the informatiemodel schema, the package's informatiemodel types and the
 * mapping functions say the same thing.
 *
 * 1. Data: the informatiemodel-shaped data that rebuilds every published example through the package's
 *    `naarUitwisselmodel` (test/package/support.ts, naarBron) is validated, objecttype by objecttype, against
 *    the informatiemodel schema. What it cannot accept is listed below with the reason, and nothing else may
 *    fail: the mapping's source data is the informatiemodel plus what the uitwisselmodel adds, minus what the
 *    message leaves out, and the published examples break the informatiemodel where its own toelichting says.
 * 2. Types: json-schema-to-typescript on the schema, type-checked in memory against the package's
 *    `informatiemodel` types: each objecttype, gegevensgroeptype and enumeratie assignable both ways, for both
 *    DDAS models and for a model with the constructs where they cannot agree, which are listed with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'json-schema-to-typescript';
import { printStructure, StructureKind, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { pointerSegment } from '../../generator/common/json-pointer.ts';
import type { UmObject } from '../../generator/derive/types.ts';
import { informatiemodelSchema } from '../../generator/emit/informatiemodel-schema/index.ts';
import { informatiemodelTypes } from '../../generator/emit/package/informatiemodel-types.ts';
import { bronNaam } from '../../generator/emit/package/mapping-functions.ts';
import { typeNaam } from '../../generator/emit/package/naming.ts';
import { COMPILER_OPTIONS, libs } from '../../generator/emit/package/typescript.ts';
import { ajvMetFormats } from '../../generator/common/ajv.ts';
import type { Informatiemodel } from '../../generator/model/types.ts';
import { HAS_REFERENCE, leesVoorbeeld, MODELLEN, naarBron, ROOT, uitwisselmodel } from '../package/support.ts';
import { laadTekst } from './helpers.ts';

type Json = Record<string, unknown>;

/**
 * What the informatiemodel schema does not accept in the mapping's source data of the published examples, as
 * `objecttype: path in the source data (* any item) keyword detail`, with why.
 */
const ONEENS: Record<(typeof MODELLEN)[number]['naam'], Record<string, string>> = {
  vroegsignalering: {
    'Vroegsignaal: /leveringen/*/vroegsignalen/* additionalProperties ID':
      'ID is added by the uitwisselmodel (toegevoegd), so that a vroegsignaalzaak can refer to the signaal; the informatiemodel has no such attribuutsoort',
    'Vroegsignaal: /leveringen/*/vroegsignalen/*/client required Geslachtsaanduiding':
      'the message does not carry Client.Geslachtsaanduiding (1 in the informatiemodel), so the source data need not have it',
    'Vroegsignaalzaak: /leveringen/*/vroegsignaalzaken/* required aanleverendeOrganisatie':
      "the relation opgepaktDoor (1) stands in the message as the levering's aanleverende_organisatie, not in the zaak",
    'Vroegsignaalzaak: /leveringen/*/vroegsignaalzaken/* additionalProperties vroegsignalen':
      'the message follows Vroegsignaal.opgepaktIn back from the zaak, by its rolBron vroegsignalen, but the informatiemodel draws the relation unidirectioneel, so neither the schema nor the informatiemodel types have vroegsignalen on Vroegsignaalzaak',
  },
  schuldhulpverlening: {
    'Schuldhulporganisatie: /leveringen/*/aanleverende_organisatie/gemeentecode maxLength 4':
      'the published examples write gemeentecode as GM001 and the like, five characters, where the informatiemodel says AN4 (its toelichting says so)',
    'Schuldhulptraject: /leveringen/*/schuldhulptrajecten/*/gemeentecode maxLength 4':
      'as Schuldhulporganisatie.gemeentecode: GM001 does not fit AN4',
    'Schuldhulptraject: /leveringen/*/schuldhulptrajecten/*/client/* required Voorletters':
      "the message carries only the client's Burgerservicenummer, Geboortedatum, Geslachtsaanduiding and address numbers; the informatiemodel requires the rest of Client",
    'Schuldhulptraject: /leveringen/*/schuldhulptrajecten/*/client/* required Achternaam': 'as Voorletters',
    'Schuldhulptraject: /leveringen/*/schuldhulptrajecten/*/client/* required Straatnaam': 'as Voorletters',
    'Schuldhulptraject: /leveringen/*/schuldhulptrajecten/*/client/* required Plaatsnaam': 'as Voorletters',
  },
};

/**
 * Every object of an objecttype in the source data, where the message's structure puts one (objects inside it
 * are checked with it, through the def's `$ref`s), with the path it stands at.
 */
function objecten(object: UmObject, bron: Json, pad = ''): { objecttype: string; pad: string; waarde: unknown }[] {
  return object.velden.flatMap((veld) => {
    if (veld.inhoud.soort !== 'object' || veld.inhoud.object.referentie) return [];
    const naam = bronNaam(veld);
    const waarde = bron[naam];
    if (waarde === undefined) return [];
    const inner = veld.inhoud.object;
    const itemPad = `${pad}/${pointerSegment(naam)}${veld.lijst ? '/*' : ''}`;
    return (veld.lijst ? (waarde as Json[]) : [waarde as Json]).flatMap((item) =>
      inner.objecttype
        ? [{ objecttype: inner.objecttype.naam, pad: itemPad, waarde: item }]
        : objecten(inner, item, itemPad),
    );
  });
}

describe.skipIf(!HAS_REFERENCE)('one truth: the informatiemodel schema and the data the mapping functions take', () => {
  for (const model of MODELLEN) {
    it(`${model.naam}: every published example's source data validates, but for the listed disagreements`, () => {
      const um = uitwisselmodel(model.naam);
      const ajv = ajvMetFormats({ allErrors: true });
      ajv.addSchema(informatiemodelSchema(um.informatiemodel), 'im');
      const gevonden = new Set<string>();
      let aantal = 0;
      for (const voorbeeld of model.voorbeelden) {
        const bron = naarBron(um, leesVoorbeeld(model, voorbeeld)) as Json;
        for (const { objecttype, pad, waarde } of objecten(um.bericht, bron)) {
          aantal++;
          const validate = ajv.getSchema(`im#/$defs/${encodeURIComponent(pointerSegment(objecttype))}`)!;
          if (validate(waarde)) continue;
          for (const e of validate.errors ?? []) {
            const detail =
              e.params.additionalProperty ?? e.params.missingProperty ?? e.params.limit ?? JSON.stringify(e.params);
            gevonden.add(
              `${objecttype}: ${pad}${e.instancePath.replace(/\/\d+(?=\/|$)/g, '/*')} ${e.keyword} ${String(detail)}`,
            );
          }
        }
      }
      expect(aantal).toBeGreaterThan(5);
      expect([...gevonden].sort()).toEqual(Object.keys(ONEENS[model.naam]).sort());
    });
  }
});

// ---------------------------------------------------------------------------------------------------------
// Types

/** A def and the informatiemodel type of the same element, checked in one direction. */
interface Paar {
  element: string;
  richting: 'types → schema' | 'schema → types';
}

/**
 * The pairs of types (informatiemodel type, json-schema-to-typescript type of the same def) that are not
 * assignable, with TypeScript's first line on why: `element: direction`.
 */
async function oneens(im: Informatiemodel, informatiemodelTs: string): Promise<Map<string, string>> {
  const schema = structuredClone(informatiemodelSchema(im)) as { $defs: Record<string, Json> };
  // Titles that json-schema-to-typescript keeps as they are (its derived names end in a digit, these do not).
  const titel = new Map<string, string>();
  for (const [i, naam] of Object.keys(schema.$defs).entries()) {
    titel.set(naam, `T${i}X`);
    schema.$defs[naam] = { title: `T${i}X`, ...schema.$defs[naam] };
  }
  const schemaTs = await compile(schema as Parameters<typeof compile>[0], 'Informatiemodel', {
    bannerComment: '',
    ignoreMinAndMaxItems: true,
    unreachableDefinitions: true,
    format: false,
  });
  const elementen = [...im.objecttypen, ...im.gegevensgroeptypen, ...im.enumeraties].map((e) => e.naam);
  const paren: Paar[] = [];
  const regels = ["import type * as S from './schema.js';", "import type * as I from './informatiemodel.js';"];
  for (const element of elementen) {
    const s = `S.${titel.get(element)}`;
    const i = `I.${typeNaam(element)}`;
    regels.push(`export function f${paren.length}(x: ${i}): ${s} { return x; }`);
    paren.push({ element, richting: 'types → schema' });
    regels.push(`export function f${paren.length}(x: ${s}): ${i} { return x; }`);
    paren.push({ element, richting: 'schema → types' });
  }
  const bestanden = new Map([
    ['/src/schema.ts', schemaTs],
    ['/src/informatiemodel.ts', informatiemodelTs],
    ['/src/check.ts', `${regels.join('\n')}\n`],
  ]);
  const diagnostics = typeCheck(bestanden);
  const fouten = diagnostics.filter((d) => d.file?.fileName !== '/src/check.ts');
  if (fouten.length > 0) throw new Error(`the types do not compile:\n${ts.formatDiagnostics(fouten, FORMAT)}`);
  const uit = new Map<string, string>();
  for (const d of diagnostics) {
    const regel = d.file!.getLineAndCharacterOfPosition(d.start!).line - 2;
    const paar = paren[regel]!;
    uit.set(
      `${paar.element}: ${paar.richting}`,
      ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n').slice(0, 3).join(' / '),
    );
  }
  return uit;
}

const FORMAT: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => '/',
  getNewLine: () => '\n',
};

/** The semantic diagnostics of the files, compiled in memory under the package's options (strict). */
function typeCheck(bestanden: Map<string, string>): ts.Diagnostic[] {
  const lib = libs();
  const host: ts.CompilerHost = {
    getSourceFile: (naam) =>
      lib.get(naam) ??
      (bestanden.has(naam) ? ts.createSourceFile(naam, bestanden.get(naam)!, ts.ScriptTarget.ES2022) : undefined),
    getDefaultLibFileName: (o) => `/node_modules/typescript/lib/${ts.getDefaultLibFileName(o)}`,
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => bestanden.has(f) || lib.has(f),
    readFile: (f) => bestanden.get(f) ?? lib.get(f)?.text,
  };
  const program = ts.createProgram({
    rootNames: [...bestanden.keys()],
    options: { ...COMPILER_OPTIONS, noEmit: true },
    host,
  });
  return [
    ...program.getOptionsDiagnostics(),
    ...[...bestanden.keys()].flatMap((f) => [
      ...program.getSyntacticDiagnostics(program.getSourceFile(f)),
      ...program.getSemanticDiagnostics(program.getSourceFile(f)),
    ]),
  ];
}

describe('one truth: the informatiemodel types and the informatiemodel schema', () => {
  for (const { naam } of MODELLEN) {
    it(`${naam}: each objecttype, gegevensgroeptype and enumeratie of the package's types is assignable to the schema's and back`, async () => {
      const im = uitwisselmodel(naam).informatiemodel;
      const types = readFileSync(join(ROOT, 'generated', naam, 'src/informatiemodel.ts'), 'utf8');
      expect(Object.fromEntries(await oneens(im, types))).toEqual({});
    });
  }

  it('disagree, in a model with the constructs that make them, only where listed and for the reasons given', async () => {
    const im = laadTekst(MODEL);
    const types = printStructure({ kind: StructureKind.SourceFile, ...informatiemodelTypes(im) });
    const gevonden = await oneens(im, types);
    expect([...gevonden.keys()].sort()).toEqual(Object.keys(NIET_EENS).sort());
    // Each for the property the reason names, as TypeScript tells it.
    for (const [paar, { eigenschap }] of Object.entries(NIET_EENS))
      expect(gevonden.get(paar), paar).toContain(eigenschap);
  });
});

// The constructs where the informatiemodel types (informatiemodel-types.ts) and the schema cannot agree as
// both are written now; in every other case (flattened generalisaties, subtypen where a supertype is
// expected, gegevensgroepen, enumeraties, gestructureerde datatypes, keuzes, arrays) they agree both ways.
const MODEL = `
informatiemodel: { id: t, naam: Test, versie: "1.0" }
objecttypen:
  - id: subject
    naam: Subject
    indicatieAbstractObject: true
    attribuutsoorten:
      - { id: subject.nummer, naam: nummer, type: AN10, identificerend: true }
      - { id: subject.naam, naam: naam, type: AN20 }
  - id: persoon
    naam: Persoon
    supertypen: [Subject]
    attribuutsoorten:
      - { id: persoon.telefoonnummers, naam: telefoonnummers, type: AN20, kardinaliteit: "1..3" }
      - { id: persoon.overlijdensdatum, naam: overlijdensdatum, type: Datum, mogelijkGeenWaarde: true }
    gegevensgroepen:
      - { id: persoon.adres, naam: adres, type: Adres, kardinaliteit: "0..1" }
  - id: organisatie
    naam: Organisatie
    supertypen: [Subject]
    attribuutsoorten:
      - { id: organisatie.kvk, naam: kvk, type: AN8, kardinaliteit: "0..1" }
  - id: zaak
    naam: Zaak
    attribuutsoorten:
      - { id: zaak.kleur, naam: kleur, type: EnumKleur, kardinaliteit: "0..1" }
      - { id: zaak.bedrag, naam: bedrag, type: Geldbedrag, kardinaliteit: "0..1" }
      - { id: zaak.contact, naam: contact, type: Contact, kardinaliteit: "0..1" }
    relatiesoorten:
      - { id: zaak.documenten, naam: bevat, doel: Document, rol: documenten, kardinaliteit: "0..*", aggregatie: compositie }
      - { id: zaak.dossier, naam: hoort bij, doel: Dossier, rol: dossier, kardinaliteit: "1", rolBron: zaken, kardinaliteitBron: "1..*", richting: bidirectioneel }
  - id: subjectzaak
    naam: Subjectzaak
    attribuutsoorten:
      - { id: subjectzaak.omschrijving, naam: omschrijving, type: AN80, kardinaliteit: "0..1" }
    relatiesoorten:
      - { id: subjectzaak.betreft, naam: betreft, doel: Subject, rol: betreft, kardinaliteit: "1" }
  - id: document
    naam: Document
    attribuutsoorten:
      - { id: document.titel, naam: titel, type: AN200 }
  - id: dossier
    naam: Dossier
    attribuutsoorten:
      - { id: dossier.kenmerk, naam: kenmerk, type: AN20 }
gegevensgroeptypen:
  - id: adres
    naam: Adres
    attribuutsoorten:
      - { id: adres.postcode, naam: postcode, type: AN6 }
enumeraties:
  - { id: enum-kleur, naam: EnumKleur, waarden: [{ naam: Rood }, { naam: Groen }] }
primitieveDatatypes:
  - { id: an, naam: AN, basis: tekst, lengteInNaam: true }
  - { id: datum, naam: Datum, basis: datum, formaat: date }
  - { id: integer, naam: Integer, basis: geheelGetal }
  - { id: decimal, naam: Decimal, basis: decimaalGetal }
gestructureerdeDatatypes:
  - id: geldbedrag
    naam: Geldbedrag
    dataElementen:
      - { naam: bedrag, type: Decimal }
      - { naam: valuta, type: AN3, kardinaliteit: "0..1" }
keuzes:
  - id: contact
    naam: Contact
    alternatieven:
      - { type: Integer }
      - { type: Geldbedrag }
`;

/** Where they cannot agree, and why: `element: direction`, with the property that TypeScript names. */
const NIET_EENS: Record<string, { eigenschap: string; waarom: string }> = {
  'Persoon: schema → types': {
    eigenschap: "'overlijdensdatum'",
    waarom:
      'mogelijkGeenWaarde: the schema allows null, the informatiemodel types have no null (informatiemodel-types.ts could write `| null`)',
  },
  'Subjectzaak: schema → types': {
    eigenschap: "'betreft'",
    waarom:
      'a reference by identification: the schema accepts Subject.verwijzing ({ nummer }) for betreft, the types only a Subject (informatiemodel-types.ts could add the verwijzing as a type and a union)',
  },
  'Dossier: schema → types': {
    eigenschap: "'zaken'",
    waarom:
      'a relation followed back by rolBron (zaken, kardinaliteitBron 1..*): the types require it, the schema does not (in JSON the object at the bron is often the one that holds this one)',
  },
  'Zaak: schema → types': { eigenschap: "'dossier.zaken'", waarom: 'as Dossier: the Dossier that a Zaak embeds' },
};
