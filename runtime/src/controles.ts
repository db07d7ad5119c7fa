/**
 * The checks that JSON Schema cannot express, run over a message that the schema has accepted. The rules
 * are data, generated from the model (see validate.ts); this engine is the same for every model.
 */

/** A path into the message by segments; `*` stands for every item of a list. */
export type Pad = readonly string[];

export interface Fout {
  /** JSON pointer to the value concerned. */
  path: string;
  message: string;
  /** The model element the rule comes from, as `Objecttype.attribuutsoort` or the constraint's name. */
  element: string;
}

/** Key values that must be unique within each scope (each Levering). */
export interface UniekRegel {
  scope: Pad;
  scopeNaam: string;
  sleutels: Pad;
  objecttype: string;
  element: string;
}

/** References by key that must name an object in the same scope. */
export interface VerwijzingRegel {
  scope: Pad;
  scopeNaam: string;
  sleutels: Pad;
  verwijzingen: Pad;
  bron: string;
  doel: string;
  element: string;
}

/** A date that may not lie before another date of the same object. */
export interface DatumvolgordeRegel {
  object: Pad;
  objecttype: string;
  vroegste: string;
  laatste: string;
  element: string;
  specificatie: string;
}

/** When one field has a given value, another must have a value. */
export interface VoorwaardeRegel {
  object: Pad;
  objecttype: string;
  als: string;
  waarde: string | number | boolean;
  vereist: string;
  element: string;
  specificatie: string;
}

export interface Regels {
  uniek: readonly UniekRegel[];
  verwijzingen: readonly VerwijzingRegel[];
  datumvolgorde: readonly DatumvolgordeRegel[];
  voorwaarden: readonly VoorwaardeRegel[];
}

/** Every value at `pad` below `value`, with its JSON pointer. */
export function* doorloop(value: unknown, pad: Pad, pointer = ''): Generator<[unknown, string]> {
  if (pad.length === 0) {
    yield [value, pointer];
    return;
  }
  const [head, ...rest] = pad;
  if (head === '*') {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) yield* doorloop(value[i], rest, `${pointer}/${i}`);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  if (!Object.prototype.hasOwnProperty.call(value, head!)) return;
  yield* doorloop((value as Record<string, unknown>)[head!], rest, `${pointer}/${segment(head!)}`);
}

function segment(naam: string): string {
  return naam.replace(/~/g, '~0').replace(/\//g, '~1');
}

function veld(object: Record<string, unknown>, naam: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, naam) ? object[naam] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function controleer(bericht: unknown, regels: Regels): Fout[] {
  const fouten: Fout[] = [];
  for (const r of regels.uniek) {
    for (const [scope, scopePointer] of doorloop(bericht, r.scope)) {
      const gezien = new Map<string, string>();
      for (const [sleutel, pointer] of doorloop(scope, r.sleutels, scopePointer)) {
        if (typeof sleutel !== 'string' && typeof sleutel !== 'number') continue;
        const eerder = gezien.get(String(sleutel));
        if (eerder !== undefined) {
          fouten.push({
            path: pointer,
            element: r.element,
            message: `${r.element} ${JSON.stringify(sleutel)} komt in deze ${r.scopeNaam} al voor (${eerder}); elk ${r.objecttype} in een ${r.scopeNaam} heeft een eigen ${r.element.split('.').pop()}`,
          });
        } else {
          gezien.set(String(sleutel), pointer);
        }
      }
    }
  }
  for (const r of regels.verwijzingen) {
    for (const [scope, scopePointer] of doorloop(bericht, r.scope)) {
      const bekend = new Set<string>();
      for (const [sleutel] of doorloop(scope, r.sleutels, scopePointer)) {
        if (typeof sleutel === 'string' || typeof sleutel === 'number') bekend.add(String(sleutel));
      }
      for (const [verwijzing, pointer] of doorloop(scope, r.verwijzingen, scopePointer)) {
        if ((typeof verwijzing === 'string' || typeof verwijzing === 'number') && !bekend.has(String(verwijzing))) {
          fouten.push({
            path: pointer,
            element: r.element,
            message: `${r.bron} verwijst naar ${r.doel} ${JSON.stringify(verwijzing)}, maar die ${r.doel} staat niet in dezelfde ${r.scopeNaam}`,
          });
        }
      }
    }
  }
  for (const r of regels.datumvolgorde) {
    for (const [object, pointer] of doorloop(bericht, r.object)) {
      if (!isObject(object)) continue;
      const vroegste = veld(object, r.vroegste);
      const laatste = veld(object, r.laatste);
      // Dates and date-times in ISO 8601 order as text; only values the schema accepted reach this point.
      if (typeof vroegste === 'string' && typeof laatste === 'string' && laatste < vroegste) {
        fouten.push({
          path: `${pointer}/${segment(r.laatste)}`,
          element: r.element,
          message: `${r.objecttype}: ${r.laatste} (${laatste}) ligt voor ${r.vroegste} (${vroegste}); ${r.specificatie}`,
        });
      }
    }
  }
  for (const r of regels.voorwaarden) {
    for (const [object, pointer] of doorloop(bericht, r.object)) {
      if (!isObject(object)) continue;
      const vereist = veld(object, r.vereist);
      if (veld(object, r.als) === r.waarde && (vereist === undefined || vereist === null || vereist === '')) {
        fouten.push({
          path: `${pointer}/${segment(r.als)}`,
          element: r.element,
          message: `${r.objecttype}: ${r.als} is ${JSON.stringify(r.waarde)} terwijl ${r.vereist} geen waarde heeft; ${r.specificatie}`,
        });
      }
    }
  }
  return fouten;
}
