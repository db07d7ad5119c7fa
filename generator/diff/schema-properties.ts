/**
 * properties, required and additionalProperties, compared as one group: a property's value is governed by
 * `properties[name]`, else by `additionalProperties`, so a property that enters or leaves `properties` is
 * compared with what governed it before. A removed and an added property can be one property renamed.
 */
import { nietVergeleken, pointer, schemaChange, type Comparison, type SchemaChange } from './schema-change.ts';
import { beschrijf, canon, type Opgelost } from './schema-document.ts';
import { isObject, type Json, type JsonObject } from './types.ts';

export function compareProperties(
  d: Comparison,
  a: JsonObject,
  b: JsonObject,
  op: string,
  np: string,
  out: SchemaChange[],
  diepte: number,
): void {
  const pa = isObject(a.properties) ? a.properties : {};
  const pb = isObject(b.properties) ? b.properties : {};
  const ra = new Set(Array.isArray(a.required) ? a.required.filter((x): x is string => typeof x === 'string') : []);
  const rb = new Set(Array.isArray(b.required) ? b.required.filter((x): x is string => typeof x === 'string') : []);
  if (canon(d.oud, a.patternProperties) !== canon(d.nieuw, b.patternProperties)) {
    out.push(nietVergeleken('pattern-properties-changed', op, np, 'patternProperties gewijzigd'));
  }

  const verwijderd = Object.keys(pa).filter((k) => !Object.hasOwn(pb, k));
  const toegevoegd = Object.keys(pb).filter((k) => !Object.hasOwn(pa, k));
  const hernoemd = hernoemingen(d, pa, pb, verwijderd, toegevoegd);

  for (const k of Object.keys(pb)) {
    if (Object.hasOwn(pa, k)) d.compare(pa[k], pb[k], pointer(op, k), pointer(np, k), out, diepte + 1);
  }
  const wasOpen = open(a);
  for (const k of toegevoegd) {
    const van = [...hernoemd].find(([, nieuw]) => nieuw === k)?.[0];
    if (van !== undefined) {
      hernoemdVeld(d, a, b, van, k, ra, rb, pointer(op, van), pointer(np, k), out, diepte);
      continue;
    }
    const f = toegevoegdVlaggen(d, a, k, pb[k]!, pointer(op, k), pointer(np, k), diepte);
    const verplicht = rb.has(k) && !ra.has(k);
    const nietMeerVerplicht = ra.has(k) && !rb.has(k);
    const reden =
      f.s && !verplicht && wasOpen
        ? '; het object is open, dus een bericht kon dit veld al met een andere waarde hebben'
        : f.r && !open(a)
          ? '; het object was gesloten, dus een oude ontvanger weigert het'
          : '';
    out.push(
      schemaChange(
        'property-added',
        undefined,
        pointer(np, k),
        f.s || verplicht,
        f.r || nietMeerVerplicht,
        `veld "${k}" toegevoegd (${rb.has(k) ? 'verplicht' : 'optioneel'}): ${beschrijf(d.nieuw.resolve(pb[k]))}${reden}`,
      ),
    );
  }
  for (const k of verwijderd) {
    if (hernoemd.has(k)) continue;
    const f = verwijderdVlaggen(d, b, k, pa[k]!, pointer(op, k), pointer(np, k), diepte);
    const wasVerplicht = ra.has(k) && !rb.has(k);
    const nuVerplicht = rb.has(k) && !ra.has(k);
    const reden = f.s && !open(b) ? '; het object is gesloten, dus een bericht met dit veld wordt geweigerd' : '';
    out.push(
      schemaChange(
        'property-removed',
        pointer(op, k),
        undefined,
        f.s || nuVerplicht,
        f.r || wasVerplicht,
        `veld "${k}" verwijderd${ra.has(k) ? ' (was verplicht)' : ''}${reden}`,
      ),
    );
  }

  // Required-ness of the properties that stayed (added and removed ones are folded in above).
  const behandeld = new Set([...toegevoegd, ...verwijderd]);
  for (const k of rb) {
    if (!ra.has(k) && !behandeld.has(k))
      out.push(
        schemaChange('required-added', pointer(op, k), pointer(np, k), true, false, `veld "${k}" is nu verplicht`),
      );
  }
  for (const k of ra) {
    if (!rb.has(k) && !behandeld.has(k))
      out.push(
        schemaChange(
          'required-removed',
          pointer(op, k),
          pointer(np, k),
          false,
          true,
          `veld "${k}" is niet meer verplicht`,
        ),
      );
  }

  // Every other name: additionalProperties.
  const apa = a.additionalProperties ?? true;
  const apb = b.additionalProperties ?? true;
  if (canon(d.oud, apa) !== canon(d.nieuw, apb)) {
    const f = d.vlaggen(apa, apb, op, np, diepte + 1);
    const wat =
      apb === false
        ? 'het object is nu gesloten: andere velden worden geweigerd'
        : apa === false
          ? 'het object is nu open: andere velden zijn toegestaan'
          : 'de eisen aan andere velden (additionalProperties) zijn gewijzigd';
    out.push(schemaChange('additional-properties-changed', op, np, f.s, f.r, wat));
  }
}

/** The schema that governs the value of property `naam`, or 'onbekend' when patternProperties may apply. */
function geldend(s: JsonObject, naam: string): { raw: Json } | 'onbekend' {
  if (isObject(s.properties) && Object.hasOwn(s.properties, naam)) return { raw: s.properties[naam]! };
  // unevaluatedProperties sees what other keywords (and $ref, allOf, ...) evaluated: not followed here.
  const ongezien = s.unevaluatedProperties;
  if (ongezien !== undefined && ongezien !== true && !(isObject(ongezien) && Object.keys(ongezien).length === 0))
    return 'onbekend';
  if (isObject(s.patternProperties)) {
    for (const p of Object.keys(s.patternProperties)) {
      try {
        if (new RegExp(p, 'u').test(naam)) return 'onbekend';
      } catch {
        return 'onbekend';
      }
    }
  }
  return { raw: s.additionalProperties ?? true };
}

function open(s: JsonObject): boolean {
  return (
    s.additionalProperties === undefined ||
    s.additionalProperties === true ||
    (isObject(s.additionalProperties) && Object.keys(s.additionalProperties).length === 0)
  );
}

/** A property new in `properties`: before, its value was governed by the old object's additionalProperties. */
function toegevoegdVlaggen(
  d: Comparison,
  a: JsonObject,
  k: string,
  nieuw: Json,
  op: string,
  np: string,
  diepte: number,
): { s: boolean; r: boolean } {
  const oud = geldend(a, k);
  if (oud === 'onbekend') return { s: true, r: true };
  return d.vlaggen(oud.raw, nieuw, op, np, diepte + 1);
}

/** A property gone from `properties`: now its value is governed by the new object's additionalProperties. */
function verwijderdVlaggen(
  d: Comparison,
  b: JsonObject,
  k: string,
  oud: Json,
  op: string,
  np: string,
  diepte: number,
): { s: boolean; r: boolean } {
  const nieuw = geldend(b, k);
  if (nieuw === 'onbekend') return { s: true, r: true };
  return d.vlaggen(oud, nieuw.raw, op, np, diepte + 1);
}

function hernoemdVeld(
  d: Comparison,
  a: JsonObject,
  b: JsonObject,
  van: string,
  naar: string,
  ra: Set<string>,
  rb: Set<string>,
  op: string,
  np: string,
  out: SchemaChange[],
  diepte: number,
): void {
  const pa = a.properties as JsonObject;
  const pb = b.properties as JsonObject;
  const weg = verwijderdVlaggen(d, b, van, pa[van]!, op, np, diepte);
  const erbij = toegevoegdVlaggen(d, a, naar, pb[naar]!, op, np, diepte);
  const s = weg.s || erbij.s || (rb.has(naar) && !ra.has(naar));
  const r = weg.r || erbij.r || (ra.has(van) && !rb.has(van));
  const verplicht =
    ra.has(van) === rb.has(naar) ? '' : rb.has(naar) ? ' en is nu verplicht' : ' en is niet meer verplicht';
  out.push(schemaChange('property-renamed', op, np, s, r, `veld "${van}" hernoemd naar "${naar}"${verplicht}`));
  // Same schema apart from annotations: report what the descriptions say differently.
  const sub: SchemaChange[] = [];
  d.compare(pa[van], pb[naar], op, np, sub, diepte + 1);
  out.push(...sub);
}

/**
 * Pairs of a removed and an added property that are one property renamed: the same schema (apart from
 * annotations) and strong evidence: the same description, or a schema too specific to be a coincidence.
 * Only one-to-one matches count.
 */
function hernoemingen(
  d: Comparison,
  pa: JsonObject,
  pb: JsonObject,
  verwijderd: string[],
  toegevoegd: string[],
): Map<string, string> {
  const paren = new Map<string, string>();
  const kandidaten = (van: string): string[] =>
    toegevoegd.filter((naar) => {
      if (canon(d.oud, pa[van]) !== canon(d.nieuw, pb[naar])) return false;
      const da = d.oud.resolve(pa[van]);
      const db = d.nieuw.resolve(pb[naar]);
      const oms = (x: Opgelost): string | undefined =>
        x.s !== false && typeof x.s.description === 'string' ? x.s.description.trim() : undefined;
      const zelfdeOmschrijving = oms(da) !== undefined && oms(da) !== '' && oms(da) === oms(db);
      return zelfdeOmschrijving || specifiek(da);
    });
  for (const van of verwijderd) {
    const k = kandidaten(van);
    if (k.length !== 1) continue;
    const naar = k[0]!;
    if (verwijderd.filter((v) => kandidaten(v).includes(naar)).length === 1) paren.set(van, naar);
  }
  return paren;
}

function specifiek(x: Opgelost, diepte = 0): boolean {
  if (x.s === false || diepte > 3) return false;
  if (isObject(x.s.properties) && Object.keys(x.s.properties).length >= 2) return true;
  if (Array.isArray(x.s.enum) && x.s.enum.length >= 2) return true;
  return x.s.items !== undefined && specifiek(x.doc.resolve(x.s.items), diepte + 1);
}
