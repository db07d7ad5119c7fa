/**
 * MIM-XML to model YAML: a pure function from the file's bytes to the files to write and the findings.
 * Throws MimXmlError when the input cannot be read at all (empty, wrong encoding, not XML, not MIM-XML); then
 * nothing is written. Everything else is imported as far as it goes, every problem a finding at its place.
 *
 * Files: `informatiemodel.yaml` (the informatiemodel section and the own pakket's elements, in the file's order)
 * and `gedeeld/<name>.yaml` per mim:View (a shared pakket, named after the View's locatie), which the
 * informatiemodel names under `gebruikt`. Deterministic: no timestamps, no absolute paths, LF, no folding.
 */
import { posix } from 'node:path';
import { Document } from 'yaml';
import { compareFindings, type Finding } from '../diagnostics/findings.ts';
import { convert, type Converted, type Sections } from './convert.ts';
import { decodeMimXml, parseMimXml } from './parse.ts';
import { MIM_CORE, Reader, type Raw } from './reader.ts';

/** The first line of every file the MIM-XML import writes; a later import may replace such files. */
export const MIM_XML_IMPORT_MARKER = 'Imported by mimgen import from MIM-XML';

export interface MimXmlImportOptions {
  /** The file's name as given (findings name it). */
  file: string;
  /** Path from the output folder to schema/informatiemodel.schema.json. */
  schema: string;
}

export interface MimXmlImportResult {
  files: Map<string, string>;
  findings: Finding[];
  encoding: string;
  /** The MIM version of the format, from the namespace (1.1 or 1.2). */
  formaat: string;
  counts: Record<string, number>;
}

/** Whether the bytes look like MIM-XML: the MIM core namespace in the first 16 KB. */
export function isMimXml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 16 * 1024))
    .toString('latin1')
    .replace(/\0/g, '');
  return /www\.geostandaarden\.nl\/mim\/mim-core\//.test(head);
}

export function importMimXml(bytes: Uint8Array, options: MimXmlImportOptions): MimXmlImportResult {
  const { text, encoding } = decodeMimXml(bytes, options.file);
  const root = parseMimXml(text, options.file);
  const reader = new Reader(options.file, root);
  const converted = convert(reader);
  const findings = [...reader.findings, ...reader.notMappedFindings()].sort(compareFindings);
  const bron = posix.basename(options.file.replaceAll('\\', '/'));
  const formaat = MIM_CORE.test(root.uri) ? root.uri.slice(root.uri.lastIndexOf('/') + 1) : '';
  return { files: emit(converted, bron, options.schema), findings, encoding, formaat, counts: counts(converted) };
}

function emit(c: Converted, bron: string, schema: string): Map<string, string> {
  const files = new Map<string, string>();
  const head = (depth: number) =>
    [
      ` yaml-language-server: $schema=${depth > 0 ? '../' : ''}${schema}`,
      ` ${MIM_XML_IMPORT_MARKER} ${bron}. Re-importing overwrites this file.`,
    ].join('\n');
  files.set('informatiemodel.yaml', render({ informatiemodel: c.informatiemodel, ...c.own }, head(0)));
  for (const v of c.views) files.set(v.file, render({ pakket: v.pakket, ...v.sections }, head(1)));
  return files;
}

const REQUIRED_LISTS = new Set(['waarden', 'dataElementen', 'alternatieven']);

function render(data: Raw, header: string): string {
  const doc = new Document(clean(data));
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0, blockQuote: 'literal', indentSeq: true }).replace(/\r\n?/g, '\n');
}

/** Leaves out what has no value: undefined, false flags, empty lists (but those the format requires). */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => clean(v));
  if (value && typeof value === 'object') {
    const out: Raw = {};
    for (const [k, v] of Object.entries(value as Raw)) {
      if (v === undefined || v === false) continue;
      if (Array.isArray(v) && v.length === 0 && !REQUIRED_LISTS.has(k)) continue;
      out[k] = clean(v);
    }
    return out;
  }
  return value;
}

function counts(c: Converted): Record<string, number> {
  const all: Sections[] = [c.own, ...c.views.map((v) => v.sections)];
  const sum = (f: (s: Sections) => number) => all.reduce((n, s) => n + f(s), 0);
  const each = (f: (o: Raw) => number) => sum((s) => s.objecttypen.reduce((n, o) => n + f(o), 0));
  return {
    objecttypen: sum((s) => s.objecttypen.length),
    attribuutsoorten: each((o) => (o.attribuutsoorten as unknown[]).length),
    relatiesoorten: each((o) => (o.relatiesoorten as unknown[]).length),
    gegevensgroeptypen: sum((s) => s.gegevensgroeptypen.length),
    enumeraties: sum((s) => s.enumeraties.length),
    codelijsten: sum((s) => s.codelijsten.length),
    primitieveDatatypes: sum((s) => s.primitieveDatatypes.length),
    gestructureerdeDatatypes: sum((s) => s.gestructureerdeDatatypes.length),
    keuzes: sum((s) => s.keuzes.length),
    pakketten: c.views.length,
  };
}

export { MimXmlError } from './parse.ts';
