import { pointerSegment } from '../../common/json-pointer.ts';
import { modelKardinaliteit } from '../../derive/bericht.ts';
import type { UmObject, UmVeld, Uitwisselmodel } from '../../derive/types.ts';
import type { TypeVerwijzing } from '../../model/types.ts';
import { jsonText, plainText } from '../../common/text.ts';
import { primitiefSchema } from './datatypes.ts';

type Schema = Record<string, unknown>;

/** Which schema is being written: the one that matches the published schema, or the one that adds the IM's facts. */
export type Vorm = 'compat' | 'strict';

/**
 * One way in which the strict schema is stricter than the compat schema:
 * - `lengte`, `patroon`: the maxLength and formeel patroon the informatiemodel gives a text;
 * - `type`: the informatiemodel's datatype where the published schema has another (an enumeratie for text);
 * - `verplicht`: a field the published schema leaves optional whose attribuutsoort or relatiesoort has a
 *   minimum kardinaliteit of 1 or more and is not `mogelijkGeenWaarde`: the strict schema requires it;
 * - `aantal`: a list of such a relatiesoort or attribuutsoort, whose minimum the strict schema raises to the
 *   informatiemodel's (`minItems`), so that an empty list does not pass for a present one.
 */
export interface Verschil {
  /** JSON pointer into the message, `*` standing for any item of a list. */
  pad: string;
  soort: 'lengte' | 'patroon' | 'type' | 'verplicht' | 'aantal';
  compat: string;
  strict: string;
  toelichting: string;
}

export const COMPAT_SCHEMA = 'uitwisselmodel.schema.json';
export const STRICT_SCHEMA = 'uitwisselmodel.strict.schema.json';
export const VERSCHILLEN = 'uitwisselmodel.strict-verschillen.json';

/** The compat and strict JSON Schemas of the uitwisselmodel, and the list of what sets them apart. */
export function emitJsonSchemas(um: Uitwisselmodel): Map<string, string> {
  const verschillen: Verschil[] = [];
  return new Map([
    [COMPAT_SCHEMA, jsonText(berichtSchema(um, 'compat', []))],
    [STRICT_SCHEMA, jsonText(berichtSchema(um, 'strict', verschillen))],
    [VERSCHILLEN, jsonText({ uitwisselmodel: um.naam, versie: um.versie, verschillen })],
  ]);
}

/**
 * The schema of the message. With `titels`, every object gets its type name as `title`, which is how the
 * TypeScript types get one named interface per object.
 */
export function berichtSchema(
  um: Uitwisselmodel,
  vorm: Vorm,
  verschillen: Verschil[],
  titels?: Map<UmObject, string>,
): Schema {
  const root = objectSchema(um, um.bericht, vorm, '', verschillen, titels);
  const { type, description, ...rest } = root;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: vorm === 'compat' ? um.schemaId : um.schemaId.replace(/\.json$/, '.strict.json'),
    title: um.naam,
    type,
    description: plainText(um.definitie) ?? description,
    ...(vorm === 'strict'
      ? { $comment: `Strict form: adds what the informatiemodel states; see ${VERSCHILLEN}.` }
      : {}),
    ...rest,
    $defs: defs(um),
  };
}

function defs(um: Uitwisselmodel): Schema {
  const result: Schema = {};
  for (const { datatype, defNaam, definitie } of um.datatypeDefs) {
    result[defNaam] = withDescription(primitiefSchema(datatype), plainText(definitie ?? datatype.definitie));
  }
  for (const e of um.enumeraties) {
    result[e.naam] = withDescription({ type: 'string' }, plainText(e.definitie), {
      enum: e.waarden.map((w) => w.naam),
    });
  }
  return result;
}

function objectSchema(
  um: Uitwisselmodel,
  object: UmObject,
  vorm: Vorm,
  pad: string,
  verschillen: Verschil[],
  titels?: Map<UmObject, string>,
): Schema {
  const properties: Schema = {};
  const required: string[] = [];
  for (const veld of object.velden) {
    const veldPad = `${pad}/${pointerSegment(veld.naam)}`;
    if (veld.verplicht) required.push(veld.naam);
    else if (vorm === 'strict' && vereistInModel(veld, veldPad, verschillen)) required.push(veld.naam);
    properties[veld.naam] = veldSchema(um, veld, vorm, veldPad, verschillen, titels);
  }
  return {
    ...(titels?.has(object) ? { title: titels.get(object) } : {}),
    type: 'object',
    ...(object.definitie ? { description: plainText(object.definitie) } : {}),
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(object.gesloten ? { additionalProperties: false } : {}),
  };
}

function veldSchema(
  um: Uitwisselmodel,
  veld: UmVeld,
  vorm: Vorm,
  pad: string,
  verschillen: Verschil[],
  titels?: Map<UmObject, string>,
): Schema {
  const itemPad = veld.lijst ? `${pad}/*` : pad;
  // The list's own difference first, then those of its items: the verschillen read from the outside in.
  const minimaal = veld.lijst && vorm === 'strict' ? minimumInModel(veld, pad, verschillen) : veld.lijst?.minimaal;
  const inner =
    veld.inhoud.soort === 'object'
      ? objectSchema(um, veld.inhoud.object, vorm, itemPad, verschillen, titels)
      : withDescription(waardeSchema(um, veld, vorm, itemPad, verschillen), plainText(veld.definitie));
  if (!veld.lijst) return inner;
  const { maximaal, uniek } = veld.lijst;
  return {
    type: 'array',
    items: inner,
    ...(minimaal !== undefined && minimaal > 0 ? { minItems: minimaal } : {}),
    ...(maximaal !== undefined ? { maxItems: maximaal } : {}),
    ...(uniek ? { uniqueItems: true } : {}),
  };
}

/**
 * Presence in the strict schema: a field that the derivation leaves optional is required when the
 * informatiemodel requires its attribuutsoort or relatiesoort (at least one, not `mogelijkGeenWaarde`).
 * Inside an optional object this requires the field only where the object is there, as JSON Schema reads it.
 */
function vereistInModel(veld: UmVeld, pad: string, verschillen: Verschil[]): boolean {
  const model = modelKardinaliteit(veld);
  if (!model?.vereist) return false;
  verschillen.push({
    pad,
    soort: 'verplicht',
    compat: 'optioneel',
    strict: 'verplicht',
    toelichting: `het informatiemodel geeft ${model.tekst}`,
  });
  return true;
}

/** The minimum of a list in the strict schema: the derivation's, or the informatiemodel's where that is higher. */
function minimumInModel(veld: UmVeld, pad: string, verschillen: Verschil[]): number | undefined {
  const eigen = veld.lijst?.minimaal;
  const model = modelKardinaliteit(veld);
  if (!model?.vereist || model.kardinaliteit.min <= (eigen ?? 0)) return eigen;
  const min = model.kardinaliteit.min;
  verschillen.push({
    pad,
    soort: 'aantal',
    compat: `minItems ${eigen ?? 0}`,
    strict: `minItems ${min}`,
    toelichting: `het informatiemodel geeft ${model.tekst}`,
  });
  return min;
}

function waardeSchema(um: Uitwisselmodel, veld: UmVeld, vorm: Vorm, pad: string, verschillen: Verschil[]): Schema {
  if (veld.inhoud.soort !== 'waarde') throw new Error('not a value');
  const { type, compat, lengte, formeelPatroon } = veld.inhoud;
  if (vorm === 'compat') return typeSchema(um, compat?.type ?? type);
  const schema = typeSchema(um, type);
  if (compat && compat.type.naam !== type.naam) {
    verschillen.push({
      pad,
      soort: 'type',
      compat: compat.type.naam,
      strict: type.naam,
      toelichting: compat.toelichting,
    });
  }
  const basis = type.datatype.soort === 'primitiefDatatype' ? type.datatype.basis : undefined;
  if (lengte !== undefined && basis === 'tekst') {
    schema.maxLength = lengte;
    verschillen.push({
      pad,
      soort: 'lengte',
      compat: 'geen',
      strict: `maxLength ${lengte}`,
      toelichting: `het informatiemodel geeft ${type.naam}`,
    });
  }
  if (formeelPatroon !== undefined) {
    schema.pattern = formeelPatroon;
    verschillen.push({
      pad,
      soort: 'patroon',
      compat: 'geen',
      strict: formeelPatroon,
      toelichting: 'het informatiemodel geeft een formeel patroon',
    });
  }
  return schema;
}

function typeSchema(um: Uitwisselmodel, type: TypeVerwijzing): Schema {
  const d = type.datatype;
  const def = um.datatypeDefs.find((x) => x.datatype === d);
  if (def) return { $ref: `#/$defs/${escapePointer(def.defNaam)}` };
  switch (d.soort) {
    case 'enumeratie':
      return { $ref: `#/$defs/${escapePointer(d.naam)}` };
    case 'primitiefDatatype':
      return primitiefSchema(d);
    case 'codelijst':
      return { type: 'string' };
    case 'gestructureerdDatatype':
      return {
        type: 'object',
        properties: Object.fromEntries(d.dataElementen.map((e) => [e.naam, typeSchema(um, e.type)])),
        additionalProperties: false,
      };
    case 'keuze':
      return {
        oneOf: d.alternatieven.map((a) => ('datatype' in a.type ? typeSchema(um, a.type) : { type: 'object' })),
      };
  }
}

function withDescription(schema: Schema, description: string | undefined, after: Schema = {}): Schema {
  if (!description) return { ...schema, ...after };
  // `$ref` first keeps each property readable: what it is, then what it means.
  const { $ref, ...rest } = schema;
  return { ...($ref ? { $ref } : {}), ...rest, description, ...after };
}

/** A $defs name as it stands in a `$ref` URI fragment. */
function escapePointer(segment: string): string {
  return encodeURIComponent(pointerSegment(segment));
}
