/**
 * The imported model as YAML files in the project's format. Deterministic: no timestamps, no absolute
 * paths, stable order (elements by their id, which comes from the EA GUID; attributes and enumeration
 * values in EA's own order; see README.md), LF line endings, no line folding (a changed word changes one
 * line, not a re-wrapped paragraph).
 */
import { Document, isMap, isSeq, type Node } from 'yaml';
import type { Converted, Data } from './convert.ts';

/** The first line of every file written by the import; a later import may replace such files. */
export const IMPORT_MARKER = 'Imported by mimgen import-xmi';

export const FILES = {
  informatiemodel: 'informatiemodel.yaml',
  objecttypen: 'objecttypen.yaml',
  datatypes: 'datatypes.yaml',
} as const;

const REQUIRED_LISTS = new Set(['waarden', 'dataElementen', 'alternatieven']);

export interface EmitOptions {
  /** The XMI file's name as shown in the files (its base name: no machine-specific path). */
  bron: string;
  /** Path from the output folder to the model format's JSON Schema, for the YAML language server. */
  schema: string;
}

export function emitFiles(model: Converted, options: EmitOptions): Map<string, string> {
  const files = new Map<string, string>();
  const head = [
    ` yaml-language-server: $schema=${options.schema}`,
    ` ${IMPORT_MARKER} from ${options.bron}, package "${model.packageNaam}" (${model.packageId}).`,
    model.exporter.ea || !model.exporter.naam
      ? ' Ids come from the EA GUIDs, so they survive a rename in EA. Re-importing overwrites this file.'
      : ` Ids come from the xmi:ids ${model.exporter.naam} wrote, so they survive a rename there. Re-importing overwrites this file.`,
  ];
  const header: string[] = [...head];
  const externals = model.externals.filter((e) => e.status !== 'datatype');
  if (externals.length > 0) {
    header.push('', ' Classes outside the export:');
    for (const e of externals) {
      const how =
        e.status === 'mapped'
          ? `mapped to ${e.doel}${e.gebruikt ? ` (${e.gebruikt})` : ''}`
          : e.status === 'omitted'
            ? 'left out'
            : 'unresolved: map it with --map or leave it out with --omit';
      header.push(`   ${e.naam} (${e.eaId}): ${how}`);
    }
  }
  files.set(FILES.informatiemodel, render({ informatiemodel: model.informatiemodel }, model, header));
  const objecttypen = { objecttypen: model.objecttypen, gegevensgroeptypen: model.gegevensgroeptypen };
  if (model.objecttypen.length + model.gegevensgroeptypen.length > 0)
    files.set(FILES.objecttypen, render(objecttypen, model, head));
  const datatypes = {
    enumeraties: model.enumeraties,
    codelijsten: model.codelijsten,
    primitieveDatatypes: model.primitieveDatatypes,
    gestructureerdeDatatypes: model.gestructureerdeDatatypes,
    keuzes: model.keuzes,
  };
  if (Object.values(datatypes).some((l) => l.length > 0)) files.set(FILES.datatypes, render(datatypes, model, head));
  return files;
}

function render(data: Data, model: Converted, header: string[]): string {
  const cleaned = clean(data) as Data;
  const doc = new Document(cleaned);
  attachComments(doc, data, cleaned, [], model.comments);
  doc.commentBefore = header.join('\n');
  const text = doc.toString({ lineWidth: 0, blockQuote: 'literal', indentSeq: true });
  return text.replace(/\r\n?/g, '\n');
}

/** Leaves out what has no value: undefined, false flags, empty lists (but the lists the format requires). */
function clean(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => clean(v));
  if (value && typeof value === 'object') {
    const out: Data = {};
    for (const [k, v] of Object.entries(value as Data)) {
      if (v === undefined || v === false) continue;
      if (Array.isArray(v) && v.length === 0 && !REQUIRED_LISTS.has(k)) continue;
      out[k] = clean(v, k);
    }
    return out;
  }
  void key;
  return value;
}

/** Walks the original data (which the comments are keyed on) beside the document built from it. */
function attachComments(
  doc: Document,
  original: unknown,
  cleaned: unknown,
  path: (string | number)[],
  comments: Converted['comments'],
): void {
  if (Array.isArray(original)) {
    original.forEach((item, i) => attachComments(doc, item, (cleaned as unknown[])[i], [...path, i], comments));
    return;
  }
  if (!original || typeof original !== 'object') return;
  for (const c of comments.get(original) ?? []) {
    const node = (c.key && c.key in (cleaned as Data) ? doc.getIn([...path, c.key], true) : doc.getIn(path, true)) as
      Node | undefined;
    if (!node) continue;
    if (c.key && c.key in (cleaned as Data)) {
      if (isSeq(node) || isMap(node)) node.commentBefore = join(node.commentBefore, ` ${c.text}`);
      else node.comment = join(node.comment, ` ${c.text}`);
    } else {
      node.commentBefore = join(node.commentBefore, ` ${c.text}`);
    }
  }
  for (const [k, v] of Object.entries(original as Data)) {
    if (cleaned && typeof cleaned === 'object' && k in (cleaned as Data))
      attachComments(doc, v, (cleaned as Data)[k], [...path, k], comments);
  }
}

function join(a: string | null | undefined, b: string): string {
  return a ? `${a}\n${b}` : b;
}
