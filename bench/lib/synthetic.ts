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

/** The shape of the Gemeentelijk Gegevensmodel, for `n` objecttypen (the issue's figures at n = 1,000). */
export interface Gemeentelijk {
  objecttypen: number;
  attribuutsoorten: number;
  relatiesoorten: number;
  enumeraties: number;
  pakketten: number;
  generalisaties: number;
  /** The objecttypen the derivation delivers. */
  geleverd: number;
}

const ENUM_WAARDEN = ['Eerste', 'Tweede', 'Derde', 'Vierde'];

/**
 * A synthetic model shaped like the whole municipal data model, scaled by `n` (a multiple of 50): `n`
 * objecttypen in n/50 pakketten (one file each, with a `pakket` section) of 50 objecttypen, five
 * attribuutsoorten each (5n), one and a half relatiesoorten each (1.5n), n/10 enumeraties of four values.
 * Every tenth objecttype is a subtype of the first of its group of ten (n/10 generalisaties); it inherits the
 * key and four attribuutsoorten and adds five of its own. Each objecttype refers to the one before it (the
 * first to the last), every even one also to one in another pakket. The derivation (uitwisselmodel.yaml)
 * delivers the first n/5 objecttypen as record lists of a Levering, with their attribuutsoorten (inherited
 * ones too) and as references the relations whose target is delivered as well.
 * At n = 1,000: 1,000 objecttypen, 5,000 attribuutsoorten, 1,500 relatiesoorten, 100 enumeraties,
 * 20 pakketten, 100 generalisaties, a derivation of 200 objecttypen.
 */
export function writeGemeentelijkModel(
  dir: string,
  n: number,
  metAfleiding = true,
): { folder: string; telling: Gemeentelijk } {
  if (n % 50 !== 0 || n <= 0) throw new Error(`writeGemeentelijkModel: n must be a multiple of 50, not ${n}`);
  const id = `gemeentelijk${n}`;
  const folder = join(dir, id);
  mkdirSync(folder, { recursive: true });
  mkdirSync(join(dir, 'gedeeld'), { recursive: true });
  copyFileSync(join(ROOT, 'model', 'gedeeld', 'datatypes.yaml'), join(dir, 'gedeeld', 'datatypes.yaml'));
  const P = n / 50;
  const E = n / 10;
  const R = n / 5;
  const ot = (i: number) => `Object${String(i).padStart(4, '0')}`;
  const en = (e: number) => `Enum${String(e).padStart(3, '0')}`;
  const sub = (i: number) => i % 10 === 9;
  const pakket = (i: number) => Math.floor(i / 50);
  const kruis = (i: number) => (i + 50 * (1 + (i % (P - 1 || 1))) + 7) % n;
  const types = (i: number) => ['CharacterString', 'Integer', 'Datum', en(i % E)];
  const telling: Gemeentelijk = {
    objecttypen: n,
    attribuutsoorten: 0,
    relatiesoorten: 0,
    enumeraties: E,
    pakketten: P,
    generalisaties: 0,
    geleverd: R,
  };

  writeFileSync(
    join(folder, 'informatiemodel.yaml'),
    [
      'informatiemodel:',
      `  id: ${id}`,
      `  naam: Gemeentelijk${n}`,
      '  versie: "1.0"',
      '  mimVersie: "1.1.1"',
      `  definitie: Een synthetisch model ter grootte van het gemeentelijk gegevensmodel, ${n} objecttypen.`,
      '  herkomst: mimgen bench',
      '  gebruikt: [../gedeeld/datatypes.yaml]',
      '',
    ].join('\n'),
  );
  for (let p = 0; p < P; p++) {
    const y = [
      'pakket:',
      `  id: ${id}.pakket${p}`,
      `  naam: Pakket ${p}`,
      `  definitie: Pakket ${p} van het synthetische model.`,
      '  gebruikt: [../gedeeld/datatypes.yaml]',
      '',
      'enumeraties:',
    ];
    for (let e = p; e < E; e += P)
      y.push(
        `  - id: enum${e}`,
        `    naam: ${en(e)}`,
        `    definitie: Enumeratie ${e}.`,
        `    waarden: [${ENUM_WAARDEN.map((w) => `{ naam: ${w}${e} }`).join(', ')}]`,
      );
    y.push('', 'objecttypen:');
    for (let i = p * 50; i < (p + 1) * 50; i++) {
      y.push(
        `  - id: object${i}`,
        `    naam: ${ot(i)}`,
        `    definitie: Objecttype ${i} van het synthetische model.`,
        '    herkomst: mimgen bench',
      );
      if (sub(i)) {
        y.push(`    supertypen: [${ot(i - 9)}]`);
        telling.generalisaties++;
      }
      y.push('    attribuutsoorten:');
      const attr = (naam: string, type: string, k: string, d: string) =>
        y.push(
          `      - { id: object${i}.${naam}, naam: ${naam}, type: ${type}, kardinaliteit: "${k}", definitie: ${d} }`,
        );
      if (sub(i)) for (let k = 0; k < 5; k++) attr(`eigen${k}`, types(i + k)[k % 4]!, '0..1', `Eigen attribuut ${k}.`);
      else {
        attr('sleutel', 'CharacterString', '1', 'De sleutel van het object.');
        types(i).forEach((t, k) => attr(`attribuut${k}`, t, '0..1', `Attribuut ${k} van objecttype ${i}.`));
      }
      telling.attribuutsoorten += 5;
      y.push('    relatiesoorten:');
      const rel = (naam: string, rol: string, doel: number, def: string) => {
        y.push(
          `      - { id: object${i}.${rol}, naam: ${naam}, doel: ${ot(doel)}, rol: ${rol}, kardinaliteit: "0..1", kardinaliteitBron: "0..*", richting: unidirectioneel, aggregatie: geen, definitie: ${def} }`,
        );
        telling.relatiesoorten++;
      };
      const vorige = (i + n - 1) % n;
      if (sub(i)) rel('volgtOp', 'voorganger', vorige, 'Het object waar dit object op volgt.');
      else rel('hoortBij', 'vorige', vorige, 'Het object waar dit object bij hoort.');
      if (i % 2 === 0) rel('verwijstNaar', 'verwezen', kruis(i), 'Een object in een ander pakket.');
    }
    writeFileSync(join(folder, `pakket${String(p).padStart(2, '0')}.yaml`), `${y.join('\n')}\n`);
  }
  if (!metAfleiding) return { folder, telling };

  const um = [
    'uitwisselmodel:',
    '  naam: Levering',
    '  versie: "1.0"',
    `  schemaId: https://example.org/${id}.json`,
    `  pakketnaam: "@bench/${id}"`,
    '  definitie: Het synthetische bericht.',
    '',
    'datatypes:',
    '  - { datatype: Datum, defNaam: datum }',
    '',
    `enumeraties: [${Array.from({ length: E }, (_, e) => en(e)).join(', ')}]`,
    '',
    'bericht:',
    '  naam: Levering',
    '  gesloten: true',
    '  velden:',
    '    - naam: leveringen',
    '      lijst: { minimaal: 1 }',
    '      toegevoegd:',
    '        object:',
    '          naam: Deellevering',
    '          definitie: De objecten van een levering.',
    '          gesloten: true',
    '          velden:',
    '            - naam: teller',
    '              toegevoegd: { type: Integer, definitie: Het volgnummer van de levering. }',
    '              verplicht: true',
  ];
  const referentie = (rol: string) =>
    um.push(
      `                - naam: ${rol}`,
      `                  relatie: ${rol}`,
      '                  referentie: sleutel',
    );
  for (let i = 0; i < R; i++) {
    um.push(
      `            - naam: objecten${i}`,
      `              objecttype: ${ot(i)}`,
      '              lijst: {}',
      '              gesloten: true',
      '              velden:',
      '                - naam: sleutel',
      '                  verplicht: true',
    );
    for (let k = 0; k < 4; k++) um.push(`                - naam: attribuut${k}`);
    if (sub(i)) {
      for (let k = 0; k < 5; k++) um.push(`                - naam: eigen${k}`);
      if (i - 1 < R) referentie('voorganger');
    }
    const root = sub(i) ? i - 9 : i;
    if (root > 0) referentie('vorige');
    if (root % 2 === 0 && kruis(root) < R) referentie('verwezen');
  }
  writeFileSync(join(folder, 'uitwisselmodel.yaml'), `${um.join('\n')}\n`);
  return { folder, telling };
}
