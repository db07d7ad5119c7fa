/**
 * The semantic diff: between two versions of a model (informatiemodel and uitwisselmodel), between two JSON
 * Schemas, or between a model and a schema. Pure: it receives resolved models and parsed schemas.
 *
 * Between two models, every change is reported in the model's terms, and classified by the schema-level
 * diff of the two generated compat schemas: a model change breaks senders or receivers when a schema
 * change it causes in the message does. Schema changes that no model change explains are reported too,
 * so nothing that breaks anyone is lost.
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
  const model = [...diffInformatiemodel(oud.informatiemodel, nieuw.informatiemodel, ia, ib), ...(ua && ub ? diffUitwisselmodel(ua, ub) : [])];
  // Without a derivation on both sides there is no message to compare; the model changes then break nobody's documents.
  const schema = ua && ub ? diffSchemas(compatSchema(ua), compatSchema(ub)) : [];
  return { oud: oud.label, nieuw: nieuw.label, changes: toeschrijven(model, schema) };
}

const DOC = ['description-changed', 'title-changed', 'annotation-changed'];
const AANWEZIGHEID = ['property-added', 'property-removed', 'property-renamed', 'required-added', 'required-removed'];
const ENUM = ['enum-value-added', 'enum-value-removed', 'enum-added', 'enum-removed'];

const FAMILIES: Record<Familie, (kind: string) => boolean> = {
  doc: (k) => DOC.includes(k),
  aanwezigheid: (k) => AANWEZIGHEID.includes(k),
  verplicht: (k) => k === 'required-added' || k === 'required-removed',
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
    return {
      path: m.path,
      kind: m.kind,
      breaksSenders: (m.eigen?.breaksSenders ?? false) || details.some((d) => d.breaksSenders),
      breaksReceivers: (m.eigen?.breaksReceivers ?? false) || details.some((d) => d.breaksReceivers),
      message: m.message,
      level: 'model',
      ...(details.length > 0 ? { details: details.map(openbaar) } : {}),
    };
  });
  return [...changes, ...schema.filter((s) => !verklaard.has(s)).map(openbaar)];
}

/** A schema change as reported: without the bookkeeping the attribution uses. */
function openbaar(s: SchemaChange): Change {
  return { path: s.path, kind: s.kind, breaksSenders: s.breaksSenders, breaksReceivers: s.breaksReceivers, message: s.message, level: 'schema' };
}
