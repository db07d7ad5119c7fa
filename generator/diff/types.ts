/**
 * What the diff reports. One vocabulary for the model-level diff (informatiemodel and uitwisselmodel) and
 * the schema-level diff (two JSON Schemas), so that the CLI, the changelog and the tests share it.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface Change {
  /**
   * Schema level and message fields: a JSON pointer into the message, `*` standing for any item of a list
   * (as generator/emit/mapping's `pad`), "" for the message itself. Informatiemodel elements: the element
   * in MIM terms, such as `Vroegsignaal.bedrag` or `EnumSignaalstatus.Afgerond`.
   */
  path: string;
  kind: string;
  /** A document that the old version accepts may be rejected by the new one. */
  breaksSenders: boolean;
  /** A document that the new version accepts may be rejected by the old one. */
  breaksReceivers: boolean;
  message: string;
  /** `model`: a change in the informatiemodel or the derivation; `schema`: a change in the message's JSON Schema. */
  level: 'model' | 'schema';
  /** For a model-level change: the schema-level changes it causes in the message, which give its classification. */
  details?: Change[];
  /**
   * `strict`: a schema-level change found in the strict schema only (the compat schema, the published one,
   * does not change); a model-level change that breaks senders or receivers only through such changes.
   */
  vorm?: 'strict';
}

export interface DiffResult {
  /** What was compared, for headings: `Vroegsignalering 0.9 (model/vroegsignalering)`. */
  oud: string;
  nieuw: string;
  changes: Change[];
}

export function isBreaking(c: Pick<Change, 'breaksSenders' | 'breaksReceivers'>): boolean {
  return c.breaksSenders || c.breaksReceivers;
}

/** A problem with the input of the diff (unreadable file, not a schema or model, unknown revision): exit 2. */
export class DiffInputError extends Error {
  constructor(
    message: string,
    /** Where, when known: `file:line:col`. */
    readonly at?: { file: string; line: number; column: number },
    /** Further lines to print (the findings of a model that does not load). */
    readonly details: string[] = [],
  ) {
    super(message);
  }
}
