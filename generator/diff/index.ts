/**
 * The semantic diff: between two versions of a model (informatiemodel and uitwisselmodel), between two JSON
 * Schemas, or between a model and a schema. Pure: it receives resolved models and parsed schemas.
 *
 * Between two models, every change is reported in the model's terms, and classified by the schema-level
 * diff of the two generated compat schemas: a model change breaks senders or receivers when a schema
 * change it causes in the message does. Schema changes that no model change explains are reported too,
 * so nothing that breaks anyone is lost.
 *
 * The strict schemas are compared too, and what changes in strict only counts the same way. Decision: a
 * change that leaves the compat (published) schema alone but changes the strict one is classified by that
 * strict change, because the strict form is what a receiver validates with when it holds deliveries to the
 * informatiemodel (`validate --strict`, the package's `strict.validate`): an attribuutsoort that goes from
 * 0..1 to 1 makes its field required there, so a document that was strict-valid may now be rejected, which
 * breaks senders. Such a change is not hidden as breaking nobody, nor mixed up with a change of the
 * published contract: its schema-level details say "strikt schema", carry `vorm: 'strict'`, and a model
 * change that breaks only through them carries `vorm: 'strict'` as well, which the text and Markdown show.
 */
import { berichtView } from '../derive/bericht.ts';
import type { Uitwisselmodel } from '../derive/types.ts';
import { berichtSchema } from '../emit/json-schema/index.ts';
import type { Informatiemodel } from '../model/types.ts';
import { diffInformatiemodel } from './informatiemodel-diff.ts';
import type { Familie, ModelChange } from './model-change.ts';
import type { SchemaChange } from './schema-change.ts';
import { diffSchemas } from './schema-diff.ts';
import type { Change, DiffResult, Json } from './types.ts';
import { diffUitwisselmodel } from './uitwisselmodel-diff.ts';

export { diffSchemas } from './schema-diff.ts';
export type { Change, DiffResult } from './types.ts';

/** One side of a diff: a resolved model, or a JSON Schema. */
export type Kant =
  | { soort: 'model'; label: string; informatiemodel: Informatiemodel; uitwisselmodel?: Uitwisselmodel }
  | { soort: 'schema'; label: string; schema: Json };

/** The compat JSON Schema of an uitwisselmodel, as generate writes it. */
export function compatSchema(um: Uitwisselmodel): Json {
  return berichtSchema(um, 'compat', []) as Json;
}

/** The strict JSON Schema of an uitwisselmodel, as generate writes it. */
export function strictSchema(um: Uitwisselmodel): Json {
  return berichtSchema(um, 'strict', []) as Json;
}

/** Compares two sides. Between two models with a derivation each: model level and schema level. */
export function diff(oud: Kant, nieuw: Kant): DiffResult {
  if (oud.soort === 'model' && nieuw.soort === 'model') return diffModellen(oud, nieuw);
  const schema = (k: Kant): Json => {
    if (k.soort === 'schema') return k.schema;
    if (!k.uitwisselmodel) throw new Error(`${k.label} has no uitwisselmodel, so there is no schema to compare`);
    return compatSchema(k.uitwisselmodel);
  };
  return { oud: oud.label, nieuw: nieuw.label, changes: diffSchemas(schema(oud), schema(nieuw)).map(openbaar) };
}

function diffModellen(oud: Extract<Kant, { soort: 'model' }>, nieuw: Extract<Kant, { soort: 'model' }>): DiffResult {
  const ua = oud.uitwisselmodel;
  const ub = nieuw.uitwisselmodel;
  const ia = ua ? berichtView(ua) : undefined;
  const ib = ub ? berichtView(ub) : undefined;
  const model = [
    ...diffInformatiemodel(oud.informatiemodel, nieuw.informatiemodel, ia, ib),
    ...(ua && ub ? diffUitwisselmodel(ua, ub) : []),
  ];
  // Without a derivation on both sides there is no message to compare; the model changes then break nobody's documents.
  const schema = ua && ub ? diffSchemas(compatSchema(ua), compatSchema(ub)) : [];
  const strict = ua && ub ? alleenStrict(diffSchemas(strictSchema(ua), strictSchema(ub)), schema) : [];
  return { oud: oud.label, nieuw: nieuw.label, changes: toeschrijven(model, [...schema, ...strict]) };
}

/** The changes of the strict schema that the compat schema does not have (see the decision above), marked as such. */
function alleenStrict(strict: SchemaChange[], compat: SchemaChange[]): SchemaChange[] {
  const sleutel = (s: SchemaChange): string =>
    [s.kind, s.oldPath ?? '', s.newPath ?? '', s.value ?? '', s.message, s.breaksSenders, s.breaksReceivers].join(
      '\u0000',
    );
  const inCompat = new Set(compat.map(sleutel));
  return strict
    .filter((s) => !inCompat.has(sleutel(s)))
    .map((s) => ({ ...s, message: `strikt schema: ${s.message}`, vorm: 'strict' }));
}

const DOC = ['description-changed', 'title-changed', 'annotation-changed'];
const AANWEZIGHEID = ['property-added', 'property-removed', 'property-renamed', 'required-added', 'required-removed'];
const ENUM = ['enum-value-added', 'enum-value-removed', 'enum-added', 'enum-removed'];

const FAMILIES: Record<Familie, (kind: string) => boolean> = {
  doc: (k) => DOC.includes(k),
  aanwezigheid: (k) => AANWEZIGHEID.includes(k),
  verplicht: (k) => k === 'required-added' || k === 'required-removed',
  // The shape of the value and, in the strict schema, whether it must be there and how many at least.
  kardinaliteit: (k) => !AANWEZIGHEID.includes(k) || k === 'required-added' || k === 'required-removed',
  waarde: (k) => !DOC.includes(k) && !AANWEZIGHEID.includes(k),
  vorm: (k) => !AANWEZIGHEID.includes(k),
  facet: (k) => k === 'length-changed' || k === 'pattern-changed',
  enum: (k) => ENUM.includes(k),
  gesloten: (k) => k === 'additional-properties-changed',
  alles: () => true,
  geen: () => false,
};

function past(m: ModelChange, s: SchemaChange): boolean {
  if (!FAMILIES[m.familie](s.kind)) return false;
  if (m.waarden && (s.value === undefined || !m.waarden.includes(s.value))) {
    // A whole enumeration list added or removed concerns every value.
    if (s.kind !== 'enum-added' && s.kind !== 'enum-removed') return false;
  }
  const plekken = [s.oldPath, s.newPath].filter((p): p is string => p !== undefined);
  return plekken.some((p) => m.paden.includes(p) || (m.onder === true && m.paden.some((q) => p.startsWith(`${q}/`))));
}

/** Classifies each model change by the schema changes it causes; keeps the schema changes none explains. */
export function toeschrijven(model: ModelChange[], schema: SchemaChange[]): Change[] {
  const verklaard = new Set<SchemaChange>();
  const changes: Change[] = model.map((m) => {
    const details = schema.filter((s) => past(m, s));
    for (const d of details) verklaard.add(d);
    const breaksSenders = (m.eigen?.breaksSenders ?? false) || details.some((d) => d.breaksSenders);
    const breaksReceivers = (m.eigen?.breaksReceivers ?? false) || details.some((d) => d.breaksReceivers);
    const brekend = (c: Pick<Change, 'breaksSenders' | 'breaksReceivers'>): boolean =>
      c.breaksSenders || c.breaksReceivers;
    // Breaking only through the strict schema: the published contract stays as it was.
    const alleenStrict =
      (breaksSenders || breaksReceivers) && !m.eigen && details.filter(brekend).every((d) => d.vorm === 'strict');
    return {
      path: m.path,
      kind: m.kind,
      breaksSenders,
      breaksReceivers,
      message: m.message,
      level: 'model',
      ...(details.length > 0 ? { details: details.map(openbaar) } : {}),
      ...(alleenStrict ? { vorm: 'strict' as const } : {}),
    };
  });
  return [...changes, ...schema.filter((s) => !verklaard.has(s)).map(openbaar)];
}

/** A schema change as reported: without the bookkeeping the attribution uses. */
function openbaar(s: SchemaChange): Change {
  return {
    path: s.path,
    kind: s.kind,
    breaksSenders: s.breaksSenders,
    breaksReceivers: s.breaksReceivers,
    message: s.message,
    level: 'schema',
    ...(s.vorm ? { vorm: s.vorm } : {}),
  };
}
