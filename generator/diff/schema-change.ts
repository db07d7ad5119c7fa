/**
 * What the parts of the schema-level diff share: the change they report, and what the properties family,
 * which recurses into the schemas of the properties, needs of the whole diff without knowing its class.
 */
import { pointerSegment } from '../common/json-pointer.ts';
import type { Document } from './schema-document.ts';
import type { Change, Json } from './types.ts';

export interface SchemaChange extends Change {
  level: 'schema';
  /** The pointer in the old message (absent for an addition). */
  oldPath?: string;
  /** The pointer in the new message (absent for a removal). */
  newPath?: string;
  /** For a change of one enumeration value: the value as text. */
  value?: string;
}

/** Appends a property name to a JSON pointer, escaped as RFC 6901 (and generator/emit/mapping) do. */
export function pointer(path: string, naam: string): string {
  return `${path}/${pointerSegment(naam)}`;
}

export function schemaChange(
  kind: string,
  oldPath: string | undefined,
  newPath: string | undefined,
  breaksSenders: boolean,
  breaksReceivers: boolean,
  message: string,
  value?: string,
): SchemaChange {
  return {
    path: newPath ?? oldPath ?? '',
    kind,
    breaksSenders,
    breaksReceivers,
    message,
    level: 'schema',
    ...(oldPath !== undefined ? { oldPath } : {}),
    ...(newPath !== undefined ? { newPath } : {}),
    ...(value !== undefined ? { value } : {}),
  };
}

/** A change the diff does not look into: it may break anyone, so it is reported as breaking both sides. */
export function nietVergeleken(kind: string, oldPath: string, newPath: string, wat: string): SchemaChange {
  return schemaChange(
    kind,
    oldPath,
    newPath,
    true,
    true,
    `${wat}; niet nader vergeleken en daarom als brekend gemarkeerd`,
  );
}

export interface Comparison {
  readonly oud: Document;
  readonly nieuw: Document;
  compare(a: Json | undefined, b: Json | undefined, op: string, np: string, out: SchemaChange[], diepte: number): void;
  /** Whom the changes between `a` and `b` break, without reporting them. */
  vlaggen(a: Json | undefined, b: Json | undefined, op: string, np: string, diepte: number): { s: boolean; r: boolean };
}
