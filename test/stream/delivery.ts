/**
 * Writes large, valid deliveries to disk with a streaming writer, for the streaming validator's tests and the
 * benchmark: a file of any size is written in blocks of about 1 MiB and never held in memory. Records vary in
 * their values (dates, enumeration values, amounts) and follow every rule of the model: IDs unique per
 * Levering, every Vroegsignaalzaak referring to Vroegsignalen of its own Levering, end dates after start dates.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export type Model = 'vroegsignalering' | 'schuldhulpverlening';

export interface DeliveryOptions {
  model: Model;
  /** Vroegsignalen, or Schuldhulptrajecten. */
  records: number;
  /** Records per Levering (one Levering per municipality). */
  perLevering?: number;
  /** `pretty`: two-space indentation like the published examples; `compact`: one record per line. */
  style?: 'pretty' | 'compact';
  /** `full`: records with every field filled; `small`: only the required fields. */
  content?: 'full' | 'small';
  /** Replace the record with this global index (0-based, over all Leveringen) by what `plant` returns. */
  plant?: { index: number; record: (record: Record<string, unknown>) => Record<string, unknown> };
}

export interface DeliveryFile {
  bytes: number;
  records: number;
  /** Vroegsignaalzaken written (Vroegsignalering). */
  zaken: number;
  leveringen: number;
  /** Byte offset and length of each Levering's value, for parsing it on its own in the benchmark. */
  leveringRanges: [number, number][];
}

const SIGNAALPARTNERS = [
  'Energie',
  'Huur',
  'Hypotheek',
  'CAK Zorgverzekeringen',
  'Zorg',
  'Water',
  'DUO',
  'Belastingdienst',
  'CAK Eigen bijdrage',
  'Overige',
  'Dienst Toeslagen',
];
const STATUSSEN = [
  'Nog niet opgepakt',
  'Niet opgepakt: onterecht signaal',
  'Inwoner is overleden',
  'Niet opgepakt: herhaalde melding',
  'Niet opgepakt: andere reden',
];
const RESULTATEN = [
  'Vervolghulp en/of verwijzing financieel',
  'Inwoner hoeft geen hulp vanuit vroegsignalering',
  '(Budget)advies en/of quick fix',
  'Definitief geen contact kunnen krijgen',
  'Verwijzing zonder contact',
];
const CONTACTSOORTEN = [
  'Mail',
  'Brief',
  'SMS/Whatsapp',
  'Telefoon',
  'Huisbezoek',
  'Kaartje',
  'Overige',
  'Administratief',
];
const DAGDELEN = ['Ochtend', 'Middag', 'Avond'];
const ACHTERNAMEN = [
  'Jansen',
  'de Vries',
  'van Dijk',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Dekker',
  'Brouwer',
];
const PLAATSEN = [
  'Amsterdam',
  'Rotterdam',
  'Utrecht',
  'Groningen',
  'Eindhoven',
  'Tilburg',
  'Almere',
  'Breda',
  'Nijmegen',
  'Enschede',
  "'s-Hertogenbosch",
  'Leeuwarden',
];
const STRATEN = [
  'Dorpsstraat',
  'Kerkstraat',
  'Schoolstraat',
  'Molenweg',
  'Stationsweg',
  'Julianastraat',
  'Beatrixlaan',
  'Wilhelminastraat',
  'Hoofdstraat',
  'Parallelweg',
];
const BEGELEIDINGEN = [
  'Budgetcoaching',
  'Budgetbeheer',
  'Beschermingsbewind',
  'Lange Termijn Begeleiding (DFD)',
  'Budgetbegeleiding',
];
const GESLACHTEN = ['Man', 'Vrouw', 'Onbekend'];

/** A date in 2024 or 2025, as JJJJ-MM-DD, after `dagen` days from 2024-01-01. */
function datum(dagen: number): string {
  const d = new Date(Date.UTC(2024, 0, 1) + (dagen % 700) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function id(levering: number, i: number): string {
  return `VS-${String(levering).padStart(4, '0')}-${String(i).padStart(7, '0')}`;
}

/** Vroegsignaal `i` of Levering `levering`, the `g`-th record over all Leveringen (its values vary with `g`). */
export function vroegsignaal(levering: number, i: number, g: number, full: boolean): Record<string, unknown> {
  if (!full)
    return {
      ID: id(levering, i),
      signaalpartner: { type: SIGNAALPARTNERS[g % SIGNAALPARTNERS.length] },
      client: { Achternaam: ACHTERNAMEN[g % ACHTERNAMEN.length] },
    };
  const start = g % 600;
  return {
    ID: id(levering, i),
    crisissignaal: g % 13 === 0,
    warmeOverdracht: g % 7 === 0,
    bedrag: 50 + ((g * 37) % 4000),
    ontstaansdatum: datum(start),
    signaaldatum: datum(start + 20 + (g % 30)),
    status: STATUSSEN[g % STATUSSEN.length],
    signaalpartner: { type: SIGNAALPARTNERS[g % SIGNAALPARTNERS.length] },
    client: {
      Burgerservicenummer: String(100_000_000 + ((g * 7919) % 899_999_999)),
      Voorletters: `${String.fromCharCode(65 + (g % 26))}.`,
      ...(g % 3 === 0 ? { Voorvoegsel: 'van' } : {}),
      Achternaam: ACHTERNAMEN[g % ACHTERNAMEN.length],
      Geboortedatum: new Date(Date.UTC(1950, 0, 1) + ((g * 97) % 20000) * 86_400_000).toISOString().slice(0, 10),
      Straatnaam: STRATEN[g % STRATEN.length],
      Postcode: `${1000 + (g % 8999)}${String.fromCharCode(65 + (g % 26))}${String.fromCharCode(65 + ((g >> 3) % 26))}`,
      Huisnummer: String(1 + (g % 250)),
      ...(g % 5 === 0 ? { Huisnummertoevoeging: 'A' } : {}),
      Plaatsnaam: PLAATSEN[g % PLAATSEN.length],
    },
  };
}

/** A Vroegsignaalzaak about Vroegsignalen `i` and `i + 1` (of `n`) of Levering `levering`. */
export function vroegsignaalzaak(
  levering: number,
  i: number,
  n: number,
  g: number,
  full: boolean,
): Record<string, unknown> {
  const signalen = [{ ID: id(levering, i) }, ...(i + 1 < n ? [{ ID: id(levering, i + 1) }] : [])];
  if (!full) return { vroegsignalen: signalen };
  const start = g % 600;
  return {
    resultaat: RESULTATEN[g % RESULTATEN.length],
    matchingsdatum: datum(start + 5),
    startdatum_matchtingperiode: datum(start),
    datum_opgepakt: datum(start + 6),
    einddatum_matchingperiode: datum(start + 30),
    vroegsignalen: signalen,
    contactpogingen: Array.from({ length: 1 + (g % 3) }, (_, k) => ({
      soort: CONTACTSOORTEN[(g + k) % CONTACTSOORTEN.length],
      bereikt: (g + k) % 4 === 0,
      datum: datum(start + 6 + k),
      dagdeel: DAGDELEN[(g + k) % DAGDELEN.length],
    })),
  };
}

function schuldhulptraject(levering: number, i: number, g: number, full: boolean): Record<string, unknown> {
  const start = g % 500;
  const gemeentecode = `GM${String(levering % 400).padStart(4, '0')}`;
  if (!full) return { gemeentecode, startdatum: datum(start), client: [{ Postcode: '1234AB' }] };
  return {
    einddatum: datum(start + 150),
    omschrijving: `Traject ${i} om schulden te regelen`,
    startdatum: datum(start),
    toekenningsdatum: datum(start + 40),
    totaalSchuldbedragBijAanvangSchuld: 500 + ((g * 131) % 60000),
    gemeentecode,
    aanmelding: { crisisinterventie: g % 11 === 0, einddatum: datum(start + 10), startdatum: datum(start) },
    begeleiding: Array.from({ length: 1 + (g % 2) }, (_, k) => ({
      einddatum: datum(start + 120 + k),
      soort: BEGELEIDINGEN[(g + k) % BEGELEIDINGEN.length],
      startdatum: datum(start + 20 + k),
    })),
    client: Array.from({ length: 1 + (g % 2) }, (_, k) => ({
      Burgerservicenummer: String(100_000_000 + ((g * 7919 + k) % 899_999_999)),
      Geboortedatum: new Date(Date.UTC(1950, 0, 1) + ((g * 97 + k) % 20000) * 86_400_000).toISOString().slice(0, 10),
      Geslachtsaanduiding: GESLACHTEN[(g + k) % GESLACHTEN.length],
      Postcode: `${1000 + (g % 8999)}AB`,
      Huisnummer: String(1 + (g % 250)),
    })),
    schuldregeling: {
      datum: datum(start + 60),
      datumVerzoekDwangakkoord: datum(start + 70),
      dwangakkoord: g % 4 === 0,
      toegekend: datum(start + 80),
    },
  };
}

/** JSON of a record at the indentation of an item of a record list (8 spaces), or on one line. */
function recordText(record: unknown, style: 'pretty' | 'compact'): string {
  if (style === 'compact') return JSON.stringify(record);
  return `        ${JSON.stringify(record, null, 2).replace(/\n/g, '\n        ')}`;
}

class Writer {
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  constructor(private readonly fd: number) {}
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    this.bytes += Buffer.byteLength(s);
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** Writes a delivery to `path`; returns what it holds. */
export function writeDelivery(path: string, options: DeliveryOptions): DeliveryFile {
  const style = options.style ?? 'pretty';
  const full = (options.content ?? 'full') === 'full';
  const perLevering = options.perLevering ?? 10_000;
  const leveringen = Math.max(1, Math.ceil(options.records / perLevering));
  const nl = style === 'pretty' ? '\n' : '\n';
  const fd = openSync(path, 'w');
  const w = new Writer(fd);
  const result: DeliveryFile = { bytes: 0, records: 0, zaken: 0, leveringen, leveringRanges: [] };
  try {
    w.write(
      `{${nl}  "startdatumLevering": "2024-01-01",${nl}  "einddatumLevering": "2025-12-31",${nl}  "aanleverdatumEnTijd": "2026-01-15T10:30:00Z",${nl}  "codeGegevensleverancier": "SOFT-123",${nl}  "leveringen": [${nl}`,
    );
    let g = 0;
    for (let l = 0; l < leveringen; l++) {
      const n = Math.min(perLevering, options.records - l * perLevering);
      const start = w.bytes;
      const organisatie =
        options.model === 'vroegsignalering'
          ? {
              naam: `Gemeente ${PLAATSEN[l % PLAATSEN.length]} ${l}`,
              'kvk-nummer': String(10_000_000 + l),
              contactpersoonen: [
                {
                  naam: 'J. de Vries',
                  telefoonnummer: '010-1234567',
                  email: 'j.devries@example.org',
                  functietitel: 'Schuldhulpverlener',
                },
              ],
            }
          : {
              '(Statutaire) Naam': `Kredietbank ${l}`,
              'KvK-nummer': String(10_000_000 + l),
              postcode: '1234AB',
              gemeentecode: `GM${String(l % 400).padStart(4, '0')}`,
              contactpersonen: [{ naam: 'B. Smit', email: 'b.smit@example.org' }],
            };
      const kop = {
        teller: l + 1,
        ...(options.model === 'vroegsignalering' ? { gemeentecode: String(1000 + l).padStart(4, '0') } : {}),
        aanleverende_organisatie: organisatie,
      };
      const kopText = JSON.stringify(kop, null, style === 'pretty' ? 2 : undefined);
      // The Levering's own fields, then its record lists.
      w.write(`    ${style === 'pretty' ? kopText.slice(0, -2).replace(/\n/g, '\n    ') : kopText.slice(0, -1)},${nl}`);
      const lijst = (
        naam: string,
        count: number,
        item: (i: number, g: number) => Record<string, unknown>,
        last: boolean,
      ) => {
        w.write(`      "${naam}": [${nl}`);
        for (let i = 0; i < count; i++) {
          let record = item(i, g + i);
          if (options.plant && naam !== 'vroegsignaalzaken' && g + i === options.plant.index)
            record = options.plant.record(record);
          w.write(recordText(record, style));
          w.write(i + 1 < count ? `,${nl}` : nl);
        }
        w.write(`      ]${last ? '' : ','}${nl}`);
      };
      if (options.model === 'vroegsignalering') {
        lijst('vroegsignalen', n, (i, gi) => vroegsignaal(l, i, gi, full), false);
        const zaken = Math.ceil(n / 2);
        lijst('vroegsignaalzaken', zaken, (i, gi) => vroegsignaalzaak(l, i * 2, n, gi, full), true);
        result.zaken += zaken;
      } else {
        lijst('schuldhulptrajecten', n, (i, gi) => schuldhulptraject(l, i, gi, full), true);
      }
      g += n;
      result.records += n;
      w.write(`    }`);
      result.leveringRanges.push([start + 4, w.bytes - start - 4]);
      w.write(l + 1 < leveringen ? `,${nl}` : nl);
    }
    w.write(`  ]${nl}}${nl}`);
    w.flush();
  } finally {
    closeSync(fd);
  }
  result.bytes = w.bytes;
  return result;
}
