/**
 * The model-level diff: two resolved informatiemodellen compared element by element (matched by their
 * stable `id`, so a rename is a rename and a move is a move), and two uitwisselmodellen compared field by
 * field (matched by the informatiemodel element each field comes from).
 *
 * A model change does not classify itself: it names the places in the message it touches and the kinds of
 * schema change it can cause there (its family); the schema-level diff of the two generated compat schemas
 * then says whom it breaks (see index.ts). Only constraints, which the schema cannot express, classify
 * themselves.
 *
 * This module holds what the diffs of the informatiemodel and of the uitwisselmodel share.
 */
import type { BerichtView, VeldInBericht } from '../derive/bericht.ts';
import type { Metadata, TypeVerwijzing } from '../model/types.ts';

/** Which schema changes a model change can cause: those of its family at the places it names. */
export type Familie =
  | 'doc'
  | 'aanwezigheid'
  | 'verplicht'
  | 'kardinaliteit'
  | 'waarde'
  | 'vorm'
  | 'facet'
  | 'enum'
  | 'gesloten'
  | 'alles'
  | 'geen';

export interface ModelChange {
  path: string;
  kind: string;
  message: string;
  /** Pointers into the message (old or new) that the change touches. */
  paden: string[];
  /** Schema changes below `paden` count too. */
  onder?: boolean;
  familie: Familie;
  /** For the enum family: only changes of these values. */
  waarden?: string[];
  /** A classification of its own, for what the schema cannot express (constraints). */
  eigen?: { breaksSenders: boolean; breaksReceivers: boolean };
}

export function uniek(xs: string[]): string[] {
  return [...new Set(xs)];
}

export const velden = (ps: VeldInBericht[]): string[] => ps.map((p) => p.pointer);
export const waardenVan = (ps: VeldInBericht[]): string[] => ps.flatMap((p) => [p.pointer, p.knoop]);

export function inBericht(paden: string[]): string {
  const p = uniek(paden);
  if (p.length === 0) return ' (niet in het bericht)';
  const shown = p.slice(0, 3).map((x) => x || '(bericht)');
  return ` (in het bericht: ${shown.join(', ')}${p.length > 3 ? `, en ${p.length - 3} andere` : ''})`;
}

/** An element added or removed: the fields it gives the message appear or disappear with it. */
export function aanwezigheid(path: string, kind: string, wat: string, paden: string[]): ModelChange {
  return { path, kind, message: `${wat}${inBericht(paden)}`, paden, familie: 'aanwezigheid' };
}

/** A change that cannot change the generated schemas (a rename, an element no field uses): reported only. */
export function zonderGevolg(path: string, kind: string, message: string): ModelChange {
  return { path, kind, message, paden: [], familie: 'geen' };
}

export function shownValue(v: string | number | boolean | undefined): string {
  return v === undefined ? '(geen)' : typeof v === 'string' ? `"${v}"` : String(v);
}

/** A text on one line, shortened and quoted: a definitie can run to paragraphs. */
export function shownText(text: string | undefined, max = 80): string {
  if (text === undefined) return '(geen)';
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

export type Uit = (c: ModelChange) => void;

const DOCUMENTATIE = ['toelichting', 'herkomst', 'herkomstDefinitie', 'datumOpname', 'alias'] as const;

/** Definitie, toelichting and the other documentation of one element. */
export function documentatie(
  uit: Uit,
  label: string,
  path: string,
  a: Partial<Metadata>,
  b: Partial<Metadata>,
  paden: string[],
): void {
  if ((a.definitie ?? '') !== (b.definitie ?? '')) {
    uit({
      path,
      kind: 'definition-changed',
      message: `${label}: definitie gewijzigd: ${shownText(a.definitie)} → ${shownText(b.definitie)}`,
      paden,
      familie: 'doc',
    });
  }
  const anders = DOCUMENTATIE.filter((k) => (a[k] ?? '') !== (b[k] ?? ''));
  if (anders.length > 0)
    uit({
      path,
      kind: 'documentation-changed',
      message: `${label}: ${anders.join(', ')} gewijzigd`,
      paden: [],
      familie: 'geen',
    });
}

/** Elements of two versions paired by id; additions and removals in the order of the version they are in. */
export function paren<T>(
  a: readonly T[],
  b: readonly T[],
  key: (t: T) => string,
): { beide: [T, T][]; weg: T[]; erbij: T[] } {
  const ka = new Map(a.map((x) => [key(x), x]));
  const kb = new Map(b.map((x) => [key(x), x]));
  return {
    beide: b.filter((x) => ka.has(key(x))).map((x) => [ka.get(key(x))!, x]),
    weg: a.filter((x) => !kb.has(key(x))),
    erbij: b.filter((x) => !ka.has(key(x))),
  };
}

export const typeNaam = (t: TypeVerwijzing): string => t.naam;
export const typeGelijk = (a: TypeVerwijzing, b: TypeVerwijzing): boolean =>
  a.naam === b.naam && a.datatype.id === b.datatype.id && a.lengte === b.lengte;

export type Zoek = (f: (i: BerichtView) => VeldInBericht[]) => VeldInBericht[];
