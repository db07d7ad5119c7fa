/**
 * Enterprise Architect XMI 2.1 (MIM profile) to model YAML: a pure function from the file's bytes and the
 * options to the files to write. Throws XmiError when the input cannot be imported; then nothing is written.
 */
import { posix } from 'node:path';
import { convert, type ConvertOptions, type Converted } from './convert.ts';
import { decodeXmi } from './decode.ts';
import { EaModel } from './ea.ts';
import { emitFiles } from './emit.ts';
import { parseXml } from './xml.ts';

export interface ImportOptions extends ConvertOptions {
  /** Path from the output folder to schema/informatiemodel.schema.json (in node_modules/mimgen/ where mimgen is installed). */
  schema: string;
}

export interface ImportResult {
  files: Map<string, string>;
  model: Converted;
  encoding: string;
}

export function importXmi(bytes: Uint8Array, options: ImportOptions): ImportResult {
  const { text, encoding } = decodeXmi(bytes, options.file);
  const root = parseXml(text, options.file);
  const ea = new EaModel(root, options.file);
  const model = convert(ea, options);
  const files = emitFiles(model, { bron: posix.basename(options.file.replaceAll('\\', '/')), schema: options.schema });
  return { files, model, encoding };
}

export { XmiError } from './errors.ts';
export type { ExternalReference, SharedFile } from './convert.ts';
export { detectXmi, type XmiFormaat } from './detect.ts';
