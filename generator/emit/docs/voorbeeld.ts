/**
 * An example message built from the uitwisselmodel, for the exchange specification. Every field is filled,
 * every list has as many items as it must have (at least one), every value follows the informatiemodel's
 * type (an enumeratie's first value, a date for a Datum, a text within the length and pattern the model
 * gives), and a reference by key names an object that the example itself holds. The test suite validates it
 * against the compat schema.
 */
import type { UmObject, UmVeld, Uitwisselmodel } from '../../derive/types.ts';
import type { Datatype, PrimitiefDatatype, TypeVerwijzing } from '../../model/types.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Texts tried, in order, for a field with a formal pattern; the first that matches is used. */
const PATROONKANDIDATEN = ['123456782', '1234AB', '12345678', '0363', 'GM0363', 'A', '1'];

/**
 * Plausible values for field names that are common in Dutch registrations, by the name in lower case
 * without punctuation. A value is used only where it fits the field's length and pattern.
 */
const BEKENDE_WAARDEN: Record<string, string> = {
  burgerservicenummer: '123456782',
  voorletters: 'J.',
  voorvoegsel: 'van',
  achternaam: 'Jansen',
  straatnaam: 'Dorpsstraat',
  huisnummer: '12',
  huisnummertoevoeging: 'A',
  postcode: '1234AB',
  plaatsnaam: 'Amsterdam',
  gemeentecode: '0363',
  kvknummer: '12345678',
  naam: 'Voorbeeld',
  statutairenaam: 'Stichting Voorbeeld',
  telefoonnummer: '0201234567',
  functietitel: 'Coördinator',
  codegegevensleverancier: 'LEV01',
};

export function voorbeeldBericht(um: Uitwisselmodel): Json {
  return object(um.bericht);
}

function object(o: UmObject): { [key: string]: Json } {
  const result: { [key: string]: Json } = {};
  for (const veld of o.velden) {
    const een = (): Json =>
      veld.inhoud.soort === 'object' ? object(veld.inhoud.object) : waarde(o, veld, veld.inhoud.type);
    if (!veld.lijst) {
      result[veld.naam] = een();
      continue;
    }
    const aantal = Math.max(1, veld.lijst.minimaal ?? 1);
    result[veld.naam] = Array.from({ length: aantal }, (_, i) => (i === 0 ? een() : verschillend(een(), i)));
  }
  return result;
}

/** A later item of a list that must be unique: its text values get a suffix. */
function verschillend(item: Json, i: number): Json {
  if (typeof item === 'string') return `${item}-${i + 1}`;
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, typeof v === 'string' ? `${v}-${i + 1}` : v]));
  }
  return item;
}

function waarde(eigenaar: UmObject, veld: UmVeld, type: TypeVerwijzing): Json {
  // A key (ID) is named after the objecttype it identifies, so that a reference to it uses the same text.
  if (/^id$/i.test(veld.naam)) return `${eigenaar.objecttype?.naam ?? eigenaar.naam}-1`;
  const facetten = veld.inhoud.soort === 'waarde' ? veld.inhoud : undefined;
  return datatypeWaarde(type.datatype, veld.naam, type.lengte ?? facetten?.lengte, facetten?.formeelPatroon);
}

function datatypeWaarde(d: Datatype, naam: string, lengte: number | undefined, patroon: string | undefined): Json {
  switch (d.soort) {
    case 'enumeratie':
      return d.waarden[0]?.naam ?? '';
    case 'codelijst':
      return tekst(naam, lengte, patroon);
    case 'primitiefDatatype':
      return primitief(d, naam, lengte ?? d.lengte, patroon ?? d.formeelPatroon);
    case 'gestructureerdDatatype':
      return Object.fromEntries(
        d.dataElementen.map((e) => [e.naam, datatypeWaarde(e.type.datatype, e.naam, e.type.lengte, undefined)]),
      );
    case 'keuze': {
      const eerste = d.alternatieven[0];
      if (!eerste) return null;
      return 'datatype' in eerste.type ? datatypeWaarde(eerste.type.datatype, naam, eerste.type.lengte, undefined) : {};
    }
  }
}

function primitief(d: PrimitiefDatatype, naam: string, lengte: number | undefined, patroon: string | undefined): Json {
  if (d.formaat === 'email') return 'contact@voorbeeld.nl';
  if (d.formaat === 'uri' || d.basis === 'uri') return 'https://voorbeeld.nl/';
  switch (d.basis) {
    case 'geheelGetal': {
      const gewenst = /bedrag|vtlb/i.test(naam) ? 1250 : 1;
      return Math.min(Math.max(gewenst, d.minimumWaarde ?? gewenst), d.maximumWaarde ?? gewenst);
    }
    case 'decimaalGetal':
      return 12.5;
    case 'boolean':
      return false;
    case 'datum':
      return /geboorte/i.test(naam) ? '1985-06-15' : '2025-03-01';
    case 'datumTijd':
      return '2025-04-01T09:30:00Z';
    case 'tijd':
      return '09:30:00Z';
    case 'jaar':
      return 2025;
    case 'tekst':
      return tekst(naam, lengte, patroon);
  }
}

function tekst(naam: string, lengte: number | undefined, patroon: string | undefined): string {
  let re: RegExp | undefined;
  try {
    re = patroon === undefined ? undefined : new RegExp(patroon, 'u');
  } catch {
    re = undefined;
  }
  const past = (k: string) => (lengte === undefined || k.length <= lengte) && (re === undefined || re.test(k));
  const bekend = BEKENDE_WAARDEN[naam.toLowerCase().replace(/[^a-z0-9]/g, '')];
  if (bekend !== undefined && past(bekend)) return bekend;
  const kandidaat = re && PATROONKANDIDATEN.find(past);
  if (kandidaat) return kandidaat;
  if (lengte !== undefined && lengte < 10) return '1234567890'.slice(0, lengte);
  const t = `Voorbeeld ${naam}`;
  return lengte === undefined ? t : t.slice(0, lengte);
}
