import { berichtView } from '../../derive/bericht.ts';
import type { UmObject, Uitwisselmodel } from '../../derive/types.ts';
import type { Datatype, Objecttype, TypeVerwijzing } from '../../model/types.ts';

import { typeNaam } from '../../common/identifier.ts';

export { typeNaam };

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** A property name as written in TypeScript: bare when it is an identifier, quoted otherwise. */
export function propertyNaam(naam: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(naam) && !RESERVED.has(naam) ? naam : JSON.stringify(naam);
}

/** Reading a property in generated code: `bron.naam` or `bron["(Statutaire) Naam"]`. */
export function propertyToegang(object: string, naam: string): string {
  const p = propertyNaam(naam);
  return p.startsWith('"') ? `${object}[${p}]` : `${object}.${p}`;
}

/** Text that is safe inside a JSDoc comment. */
export function jsdocTekst(text: string): string {
  return text.replace(/\*\//g, '*\u200b/');
}

/**
 * One unique type name per object of the message, shared by the JSON Schema titles (and so the message
 * types) and the mapping's source types. A name used twice gets the name of its parent in front.
 */
export function umTypeNamen(um: Uitwisselmodel): Map<UmObject, string> {
  const namen = new Map<UmObject, string>();
  const gebruikt = new Set<string>();
  for (const { object, ouder } of berichtView(um).objecten) {
    let naam = typeNaam(object.naam);
    if (gebruikt.has(naam) && ouder) naam = `${namen.get(ouder)}${naam}`;
    let n = naam;
    // A clash that survives the parent prefix is numbered in words, never Name1.
    for (const extra of ['Ander', 'Derde', 'Vierde']) if (gebruikt.has(n)) n = `${extra}${naam}`;
    gebruikt.add(n);
    namen.set(object, n);
  }
  return namen;
}

/** The TypeScript type of a datatype's value; enumeraties by their (informatiemodel) type name. */
export function tsType(type: TypeVerwijzing | Datatype, enumPrefix = ''): string {
  const d = 'datatype' in type ? type.datatype : type;
  switch (d.soort) {
    case 'primitiefDatatype':
      return d.basis === 'geheelGetal' || d.basis === 'decimaalGetal' || d.basis === 'jaar'
        ? 'number'
        : d.basis === 'boolean'
          ? 'boolean'
          : 'string';
    case 'enumeratie':
      return `${enumPrefix}${typeNaam(d.naam)}`;
    case 'codelijst':
      return 'string';
    case 'gestructureerdDatatype':
      return `{ ${d.dataElementen.map((e) => `${propertyNaam(e.naam)}${e.kardinaliteit.min === 0 ? '?' : ''}: ${tsType(e.type, enumPrefix)}`).join('; ')} }`;
    case 'keuze':
      return d.alternatieven
        .map((a) => ('datatype' in a.type ? tsType(a.type, enumPrefix) : typeNaam((a.type as Objecttype).naam)))
        .join(' | ');
  }
}
