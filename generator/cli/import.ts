/**
 * `mimgen import <file> --out <folder>`: imports a model from whatever format the file has. Enterprise
 * Architect XMI and XMI of other tools go to the XMI import (the same path as `import-xmi`, with its options);
 * MIM-XML to generator/mimxml. Exit 0 imported, 1 written with errors (lint reports what is still wrong),
 * 2 nothing written (the input cannot be read, or a usage error).
 */
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { finding, formatFinding, InputErrors, type Finding } from '../diagnostics/findings.ts';
import { importMimXml, isMimXml, MIM_XML_IMPORT_MARKER, MimXmlError } from '../mimxml/import.ts';
import { API_FILE, DERIVATION_FILE } from '../model/load.ts';
import { detectXmi } from '../xmi/import.ts';
import { IMPORT_MARKER } from '../xmi/emit.ts';
import type { Config } from './config.ts';
import { defaultConfig } from './config-defaults.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { importXmiCommand, type ImportXmiCliOptions } from './import-xmi.ts';
import { recoverFolder, swapFolder, writeFileAtOnce, writeFiles } from './writer.ts';

const SCHEMA = resolve(dirname(fileURLToPath(import.meta.url)), '../../schema/informatiemodel.schema.json');
const NOT_MODEL_PARTS = [DERIVATION_FILE, API_FILE];
/** The folder in --out that holds the shared pakketten (mim:View) of a MIM-XML import. */
const GEDEELD = 'gedeeld';

export function importCommand(file: string, options: ImportXmiCliOptions, config: Config = defaultConfig()): number {
  let bytes: Uint8Array;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    bytes = readFileSync(file);
  } catch {
    return refuse([
      finding({ file, line: 1, column: 1 }, 'error', 'unreadable', 'cannot read the file; check the path'),
    ]);
  }
  if (detectXmi(bytes) !== undefined) return importXmiCommand(file, options, config);
  try {
    return importMimXmlFile(file, bytes, options, config);
  } catch (e) {
    if (e instanceof MimXmlError || e instanceof InputErrors) return refuse(e.findings);
    throw e;
  }
}

function refuse(findings: Finding[]): number {
  for (const f of findings) process.stderr.write(`${formatFinding(f)}\n`);
  process.stderr.write(`mimgen import: ${findings.length} error(s); nothing written\n`);
  return EXIT_USAGE;
}

function importMimXmlFile(file: string, bytes: Uint8Array, options: ImportXmiCliOptions, config: Config): number {
  const usage = (message: string) =>
    new InputErrors([finding({ file: '--out', line: 1, column: 1 }, 'error', 'usage', message)]);
  if (!options.out) throw usage('name the output folder with --out <folder>');
  const xmiOnly = (['package', 'map', 'mapFile', 'omit', 'shared'] as const).filter((o) => {
    const v = options[o];
    return Array.isArray(v) ? v.length > 0 : v !== undefined;
  });
  if (xmiOnly.length > 0)
    throw usage(
      `--${xmiOnly.map((o) => o.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)).join(', --')} apply to XMI; this file is MIM-XML${isMimXml(bytes) ? '' : ' or nothing mimgen knows'}`,
    );
  const given = options.out.replace(/[\\/]+$/, '') || '.';
  const out = /^[^\\/]+$/.test(given) && given !== '.' && given !== '..' ? `${config.models}/${given}` : given;
  const result = importMimXml(bytes, { file, schema: toPosix(relative(resolve(out), SCHEMA)) });
  writeOut(out, result.files, options.replace === true);

  const report = {
    file,
    format: `MIM-XML ${result.formaat}`,
    encoding: result.encoding,
    out,
    files: [...result.files.keys()],
    counts: result.counts,
    findings: result.findings,
  };
  if (options.report) writeFileAtOnce(options.report, `${JSON.stringify(report, null, 2)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else for (const f of result.findings) process.stderr.write(`${formatFinding(f)}\n`);
  const c = result.counts;
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  process.stderr.write(
    `mimgen import: MIM-XML ${result.formaat}: wrote ${[...result.files.keys()].join(', ')} to ${out}: ${c.objecttypen} objecttypen, ` +
      `${c.attribuutsoorten} attribuutsoorten, ${c.relatiesoorten} relatiesoorten, ${c.enumeraties} enumeraties; ${errors} error(s), ${warnings} warning(s)` +
      `${errors > 0 ? ': the model was written with them, and lint reports what is still wrong' : ''}\n`,
  );
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * Writes the files into `out` all at once (built beside it, swapped in). What the folder holds besides model
 * files (uitwisselmodel.yaml, api.yaml, other files) is kept; model files and a gedeeld/ folder that no import
 * wrote are replaced only with --replace.
 */
function writeOut(out: string, files: Map<string, string>, replace: boolean): void {
  const target = resolve(out);
  recoverFolder(target);
  const keep: string[] = [];
  const foreign: string[] = [];
  const ours = (path: string) => {
    const head = readFileSync(path, 'utf8').slice(0, 400);
    return head.includes(MIM_XML_IMPORT_MARKER) || head.includes(IMPORT_MARKER);
  };
  if (existsSync(out)) {
    if (!statSync(out).isDirectory())
      throw new InputErrors([
        finding({ file: out, line: 1, column: 1 }, 'error', 'usage', '--out names a file, not a folder'),
      ]);
    for (const entry of readdirSync(out).sort()) {
      const path = join(out, entry);
      if (entry === GEDEELD && statSync(path).isDirectory()) {
        for (const f of readdirSync(path).sort())
          if (!statSync(join(path, f)).isFile() || !/\.ya?ml$/.test(f) || !ours(join(path, f)))
            foreign.push(`${GEDEELD}/${f}`);
        continue;
      }
      const isModelPart = /\.ya?ml$/.test(entry) && !NOT_MODEL_PARTS.includes(entry) && statSync(path).isFile();
      if (!isModelPart) keep.push(entry);
      else if (!ours(path)) foreign.push(entry);
    }
  }
  if (foreign.length > 0 && !replace)
    throw new InputErrors([
      finding(
        { file: out, line: 1, column: 1 },
        'error',
        'out-not-empty',
        `the folder holds model files that no import wrote (${foreign.join(', ')}); remove them, choose another --out, or pass --replace to replace them with the import`,
      ),
    ]);
  swapFolder(target, (tmp) => {
    for (const entry of keep) cpSync(join(out, entry), join(tmp, entry), { recursive: true });
    writeFiles(tmp, files);
  });
}

function toPosix(p: string): string {
  return p.split('\\').join('/');
}
