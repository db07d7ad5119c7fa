/**
 * A synthetic model the size of the whole municipal data model: `n` objecttypen of ten attribuutsoorten
 * each (text, whole numbers, booleans, dates, an enumeratie), every objecttype after the first referring to
 * the one before it by key, and a derivation that delivers each objecttype as a record list of a Levering.
 * Written as YAML into a folder, beside a copy of the shared MIM datatypes, to run the real pipeline on.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const TYPES = [
  'CharacterString',
  'Integer',
  'Boolean',
  'Datum',
  'CharacterString',
  'Integer',
  'EnumSoort',
  'Datum',
  'CharacterString',
];

/** Writes the model into `<dir>/synthetisch<n>/` (with `<dir>/gedeeld/datatypes.yaml`); returns its folder. */
export function writeSyntheticModel(dir: string, n: number): string {
  const folder = join(dir, `synthetisch${n}`);
  mkdirSync(folder, { recursive: true });
  mkdirSync(join(dir, 'gedeeld'), { recursive: true });
  copyFileSync(join(ROOT, 'model', 'gedeeld', 'datatypes.yaml'), join(dir, 'gedeeld', 'datatypes.yaml'));
  const naam = (i: number) => `Object${String(i).padStart(3, '0')}`;
  const im = [
    'informatiemodel:',
    `  id: synthetisch${n}`,
    `  naam: Synthetisch${n}`,
    '  versie: "1.0"',
    '  mimVersie: "1.1.1"',
    `  definitie: Een synthetisch informatiemodel van ${n} objecttypen, voor de benchmark.`,
    '  herkomst: mimgen bench',
    '  gebruikt: [../gedeeld/datatypes.yaml]',
    '',
    'enumeraties:',
    '  - id: enum-soort',
    '    naam: EnumSoort',
    '    definitie: Een soort.',
    '    waarden: [{ naam: Eerste }, { naam: Tweede }, { naam: Derde }]',
    '',
    'objecttypen:',
  ];
  for (let i = 0; i < n; i++) {
    im.push(
      `  - id: object${i}`,
      `    naam: ${naam(i)}`,
      `    definitie: Objecttype ${i} van het synthetische model.`,
      '    herkomst: mimgen bench',
      '    attribuutsoorten:',
    );
    im.push(
      `      - { id: object${i}.sleutel, naam: sleutel, type: CharacterString, kardinaliteit: "1", definitie: De sleutel van het object. }`,
    );
    TYPES.forEach((t, k) =>
      im.push(
        `      - { id: object${i}.a${k}, naam: attribuut${k}, type: ${t}, kardinaliteit: "0..1", definitie: Attribuut ${k} van objecttype ${i}. }`,
      ),
    );
    if (i > 0) {
      im.push(
        '    relatiesoorten:',
        `      - { id: object${i}.vorige, naam: hoortBij, doel: ${naam(i - 1)}, rol: vorige, kardinaliteit: "0..1", kardinaliteitBron: "0..*", richting: unidirectioneel, aggregatie: geen, definitie: Het object waar dit object bij hoort. }`,
      );
    } else im.push('    relatiesoorten: []');
  }
  writeFileSync(join(folder, 'informatiemodel.yaml'), `${im.join('\n')}\n`);

  const um = [
    'uitwisselmodel:',
    '  naam: Uitwisselmodel',
    '  versie: "1.0"',
    `  schemaId: https://example.org/synthetisch${n}.json`,
    `  pakketnaam: "@bench/synthetisch${n}"`,
    '  definitie: Het synthetische bericht.',
    '',
    'datatypes:',
    '  - { datatype: Datum, defNaam: datum }',
    '',
    'enumeraties: [EnumSoort]',
    '',
    'bericht:',
    '  naam: Uitwisselmodel',
    '  gesloten: true',
    '  velden:',
    '    - naam: leveringen',
    '      lijst: { minimaal: 1 }',
    '      toegevoegd:',
    '        object:',
    '          naam: Levering',
    '          definitie: De objecten van een levering.',
    '          gesloten: true',
    '          velden:',
    '            - naam: teller',
    '              toegevoegd: { type: Integer, definitie: Het volgnummer van de levering. }',
    '              verplicht: true',
  ];
  for (let i = 0; i < n; i++) {
    um.push(
      `            - naam: objecten${i}`,
      `              objecttype: ${naam(i)}`,
      '              lijst: {}',
      '              gesloten: true',
      '              velden:',
      '                - naam: sleutel',
      '                  verplicht: true',
    );
    TYPES.forEach((_, k) => um.push(`                - naam: attribuut${k}`));
    if (i > 0)
      um.push(
        '                - naam: vorige',
        '                  relatie: vorige',
        '                  referentie: sleutel',
      );
  }
  writeFileSync(join(folder, 'uitwisselmodel.yaml'), `${um.join('\n')}\n`);
  return folder;
}
