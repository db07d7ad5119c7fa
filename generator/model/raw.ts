/**
 * The parsed YAML as the resolver reads it: untyped mappings (`Raw`) with where they were written, and the
 * small readers that take a value only when it has the expected type (the format check reports the rest).
 */
import type { YamlFile, YamlPath } from './yaml-source.ts';

export type Raw = Record<string, unknown>;

/** Where an element was written: the file and the path to it, so that any of its keys can be positioned. */
export interface YamlLocation {
  file: YamlFile;
  path: YamlPath;
}

export function caseNote(a: string, b: string): string {
  return a !== b ? ' (they differ only in case)' : '';
}

export function where(location: YamlLocation): string {
  const p = location.file.position(location.path);
  return `${p.file}:${p.line}:${p.column}`;
}

export function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function items(value: unknown): { raw: Raw; index: number }[] {
  return Array.isArray(value) ? value.flatMap((raw, index) => (isRaw(raw) ? [{ raw, index }] : [])) : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** A text field; blank text counts as absent. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function int(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
