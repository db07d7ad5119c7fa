/**
 * MIM's primitive datatypes in JSON Schema: one mapping for the uitwisselmodel schemas and the
 * informatiemodel schema, so that a Datum or an AN200 means the same in both.
 */
import type { Basis, PrimitiefDatatype } from '../../model/types.ts';

type Schema = Record<string, unknown>;

/** The JSON type and format of a primitive datatype's value: `Datum` → string, date; `Integer` → integer. */
export function primitiefSchema(d: { basis: Basis | string; formaat?: string }): Schema {
  const type =
    d.basis === 'geheelGetal' || d.basis === 'jaar'
      ? 'integer'
      : d.basis === 'decimaalGetal'
        ? 'number'
        : d.basis === 'boolean'
          ? 'boolean'
          : 'string';
  const format =
    d.formaat ??
    (d.basis === 'datum'
      ? 'date'
      : d.basis === 'datumTijd'
        ? 'date-time'
        : d.basis === 'tijd'
          ? 'time'
          : d.basis === 'uri'
            ? 'uri'
            : undefined);
  return { type, ...(format ? { format } : {}) };
}

/** What the informatiemodel says about a value besides its datatype: the facets that JSON Schema can check. */
export interface Facetten {
  lengte?: number;
  formeelPatroon?: string;
  minimumWaarde?: number;
  maximumWaarde?: number;
}

/**
 * The facets as JSON Schema keywords, for a value of this JSON type (see primitiefSchema). MIM's lengte is a
 * maximum: the most characters of a text (`maxLength`; the model format has no minimum length, so there is no
 * `minLength`), the most digits of a whole number (|n| < 10^lengte, up to 15 digits, which a JSON number still
 * holds exactly); a decimal's lengte (digits before and after the point together) has no JSON Schema keyword.
 * `formeelPatroon` is a regular expression for text (`pattern`); minimumWaarde and maximumWaarde bound a number.
 */
export function facetSchema(jsonType: unknown, f: Facetten): Schema {
  const schema: Schema = {};
  if (jsonType === 'string') {
    if (f.lengte !== undefined) schema.maxLength = f.lengte;
    if (f.formeelPatroon !== undefined) schema.pattern = f.formeelPatroon;
  }
  if (jsonType === 'integer' && f.lengte !== undefined && f.lengte <= 15) {
    schema.exclusiveMinimum = -(10 ** f.lengte);
    schema.exclusiveMaximum = 10 ** f.lengte;
  }
  if (jsonType === 'integer' || jsonType === 'number') {
    if (f.minimumWaarde !== undefined) schema.minimum = f.minimumWaarde;
    if (f.maximumWaarde !== undefined) schema.maximum = f.maximumWaarde;
  }
  return schema;
}

/** The facets a primitive datatype states itself, whatever uses it. */
export function datatypeFacetten(d: PrimitiefDatatype): Facetten {
  return {
    lengte: d.lengte,
    formeelPatroon: d.formeelPatroon,
    minimumWaarde: d.minimumWaarde,
    maximumWaarde: d.maximumWaarde,
  };
}
