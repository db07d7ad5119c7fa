/**
 * The datatypes an EA model names and the model's datatypes they become. EA writes a type it does not know
 * as a primitive of its code language (`EAJava_boolean`, `EAJava_Date`, `EAnone_String`); MIM models use
 * the MIM names (CharacterString, Integer, Date, AN200, Datum, ...). Both map to the MIM datatypes that
 * model/gedeeld/datatypes.yaml defines; where no shared file defines them, the import writes them itself.
 */

export type Basis =
  'tekst' | 'geheelGetal' | 'decimaalGetal' | 'boolean' | 'datum' | 'datumTijd' | 'tijd' | 'jaar' | 'uri';

export interface StandaardDatatype {
  naam: string;
  basis: Basis;
  formaat?: 'email' | 'uri' | 'date' | 'date-time' | 'time';
  lengteInNaam?: boolean;
  definitie: string;
}

/** The MIM datatypes, named and defined as in model/gedeeld/datatypes.yaml. */
export const STANDAARD: readonly StandaardDatatype[] = [
  {
    naam: 'AN',
    basis: 'tekst',
    lengteInNaam: true,
    definitie: 'Alfanumerieke tekst. Met een lengte in de naam (AN200) is dat het grootste aantal tekens.',
  },
  {
    naam: 'N',
    basis: 'geheelGetal',
    lengteInNaam: true,
    definitie: 'Een geheel getal. Met een lengte in de naam (N8) is dat het grootste aantal cijfers.',
  },
  { naam: 'CharacterString', basis: 'tekst', definitie: 'Tekst zonder vastgelegde lengte.' },
  { naam: 'Integer', basis: 'geheelGetal', definitie: 'Een geheel getal zonder vastgelegd bereik.' },
  { naam: 'Decimal', basis: 'decimaalGetal', definitie: 'Een getal met decimalen.' },
  { naam: 'Boolean', basis: 'boolean', definitie: 'Ja (true) of nee (false).' },
  { naam: 'Datum', basis: 'datum', formaat: 'date', definitie: 'Een kalenderdatum, geschreven als JJJJ-MM-DD.' },
  {
    naam: 'DatumTijd',
    basis: 'datumTijd',
    formaat: 'date-time',
    definitie: 'Een moment, geschreven als datum en tijd met tijdzone volgens ISO 8601.',
  },
  {
    naam: 'Tijd',
    basis: 'tijd',
    formaat: 'time',
    definitie: 'Een tijdstip op een dag, geschreven als uu:mm:ss volgens ISO 8601.',
  },
  { naam: 'Jaar', basis: 'jaar', definitie: 'Een kalenderjaar van vier cijfers.' },
  { naam: 'URI', basis: 'uri', formaat: 'uri', definitie: 'Een verwijzing naar een bron op internet.' },
  { naam: 'Email', basis: 'tekst', formaat: 'email', definitie: 'Een e-mailadres.' },
  { naam: 'Bedrag', basis: 'geheelGetal', definitie: "Een geldbedrag in hele euro's." },
];

/** EA code-language types and MIM/UML spellings, lower case, to the MIM datatype they mean. */
const ALIASES: Record<string, string> = {
  boolean: 'Boolean',
  bool: 'Boolean',
  indicatie: 'Boolean',
  date: 'Datum',
  datum: 'Datum',
  'java.util.date': 'Datum',
  localdate: 'Datum',
  datetime: 'DatumTijd',
  datumtijd: 'DatumTijd',
  timestamp: 'DatumTijd',
  localdatetime: 'DatumTijd',
  time: 'Tijd',
  tijd: 'Tijd',
  int: 'Integer',
  integer: 'Integer',
  long: 'Integer',
  short: 'Integer',
  byte: 'Integer',
  biginteger: 'Integer',
  double: 'Decimal',
  float: 'Decimal',
  decimal: 'Decimal',
  real: 'Decimal',
  number: 'Decimal',
  bigdecimal: 'Decimal',
  string: 'CharacterString',
  char: 'CharacterString',
  characterstring: 'CharacterString',
  text: 'CharacterString',
  tekst: 'CharacterString',
  year: 'Jaar',
  jaar: 'Jaar',
  uri: 'URI',
  url: 'URI',
  anyuri: 'URI',
  email: 'Email',
  bedrag: 'Bedrag',
  an: 'AN',
  n: 'N',
};

/**
 * The MIM datatype an EA type name stands for, or undefined when it is no known datatype. `AN200` and
 * `N8` keep their length.
 */
export function standaardNaam(eaNaam: string): string | undefined {
  const naam = eaNaam.trim();
  const lengte = /^(AN|N)(\d+)$/i.exec(naam);
  if (lengte && Number(lengte[2]) > 0) return `${lengte[1]!.toUpperCase()}${Number(lengte[2])}`;
  return ALIASES[naam.toLowerCase()];
}

/** The catalogue entry a (possibly length-suffixed) standard name is based on. */
export function standaardDatatype(naam: string): StandaardDatatype | undefined {
  const base = /^(AN|N)\d+$/.test(naam) ? naam.replace(/\d+$/, '') : naam;
  return STANDAARD.find((d) => d.naam === base);
}
