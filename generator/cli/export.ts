/**
 * `mimgen export <model> --format mim-xml [--mim-versie 1.1.1|1.2] [--relatiemodellering relatiesoort|relatierol] --out <file>`: the informatiemodel as
 * MIM-XML (generator/mimxml/export.ts), written all at once. Exit 0 written, 1 the model has errors (lint
 * lists them; nothing written), 2 usage or a model that cannot be read.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { finding, formatFinding, InputErrors } from '../diagnostics/findings.ts';
import { defaultMimVersie, exportMimXml, MIM_VERSIES, type MimVersie } from '../mimxml/export.ts';
import { loadInformatiemodel } from '../model/load.ts';
import type { Config } from './config.ts';
import { defaultConfig } from './config-defaults.ts';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes.ts';
import { fileSystemReader } from './fs-reader.ts';
import { modelFolder } from './main.ts';
import { writeFileAtOnce } from './writer.ts';

export interface ExportOptions {
  format?: string;
  mimVersie?: string;
  relatiemodellering?: string;
  out?: string;
}

export function exportCommand(model: string, options: ExportOptions, config: Config = defaultConfig()): number {
  const usage = (option: string, message: string) =>
    new InputErrors([finding({ file: option, line: 1, column: 1 }, 'error', 'usage', message)]);
  const format = options.format ?? 'mim-xml';
  if (format !== 'mim-xml') throw usage('--format', `--format ${format}: the export writes mim-xml`);
  if (options.mimVersie !== undefined && !MIM_VERSIES.includes(options.mimVersie as MimVersie))
    throw usage('--mim-versie', `--mim-versie ${options.mimVersie}: write ${MIM_VERSIES.join(' or ')}`);
  const relatiemodellering = options.relatiemodellering ?? 'relatiesoort';
  if (relatiemodellering !== 'relatiesoort' && relatiemodellering !== 'relatierol')
    throw usage('--relatiemodellering', `--relatiemodellering ${relatiemodellering}: write relatiesoort or relatierol`);
  if (!options.out) throw usage('--out', 'name the file to write with --out <file>');
  const parent = dirname(options.out);
  if (!existsSync(parent) || !statSync(parent).isDirectory())
    throw usage('--out', `--out ${options.out}: the folder ${parent} does not exist`);
  if (existsSync(options.out) && statSync(options.out).isDirectory())
    throw usage('--out', `--out ${options.out} is a folder; name a file`);

  const folder = modelFolder(model, config.models);
  const loaded = loadInformatiemodel(folder, fileSystemReader);
  const errors = loaded.findings.filter((f) => f.severity === 'error');
  if (!loaded.model || errors.length > 0) {
    for (const f of errors) process.stdout.write(`${formatFinding(f)}\n`);
    process.stderr.write(
      `mimgen export: ${errors.length} error(s) in ${folder}; nothing written (mimgen lint lists them)\n`,
    );
    return EXIT_FINDINGS;
  }
  const versie = (options.mimVersie as MimVersie | undefined) ?? defaultMimVersie(loaded.model);
  writeFileAtOnce(options.out, exportMimXml(loaded.model, { versie, relatiemodellering }));
  process.stderr.write(
    `mimgen export: wrote ${options.out}: MIM-XML ${versie} (MIMFORMAT_Mim_${relatiemodellering}.xsd) of ${loaded.model.naam}\n`,
  );
  return EXIT_OK;
}
