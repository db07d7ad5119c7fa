/**
 * `mimgen derive --scaffold <objecttype> [model] [--force] [--stdout] [--depth <n>]`: writes a starting
 * derivation, `<models>/<model>/uitwisselmodel.yaml`, with the objecttype as the record (see
 * derive/scaffold.ts). Exit 0 written (or printed), 1 the informatiemodel has errors, 2 refused or bad input:
 * the file exists (without --force), an unknown objecttype (with a did-you-mean), no such model.
 */
import { existsSync } from 'node:fs';
import { posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolUrl } from '../common/tool-files.ts';
import { deriveUitwisselmodel } from '../derive/derive.ts';
import { scaffoldUitwisselmodel } from '../derive/scaffold.ts';
import { formatFinding } from '../diagnostics/findings.ts';
import { DERIVATION_FILE, loadInformatiemodel } from '../model/load.ts';
import type { Config } from './config.ts';
import { defaultConfig } from './config-defaults.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { discoverModels, fileSystemReader } from './fs-reader.ts';
import { modelFolder } from './main.ts';
import { writeFileAtOnce } from './writer.ts';

export interface DeriveCommandOptions {
  scaffold: string;
  force?: boolean;
  stdout?: boolean;
  depth?: string;
}

export function deriveCommand(
  model: string | undefined,
  options: DeriveCommandOptions,
  config: Config = defaultConfig(),
): number {
  const fout = (message: string): number => {
    process.stderr.write(`mimgen derive: ${message}\n`);
    return EXIT_USAGE;
  };
  let diepte: number | undefined;
  if (options.depth !== undefined) {
    diepte = Number(options.depth);
    if (!/^\d+$/.test(options.depth) || diepte < 1 || diepte > 100)
      return fout(`--depth "${options.depth}" is not a depth; give a whole number from 1 to 100 (default 3)`);
  }
  let folder: string;
  if (model !== undefined) folder = modelFolder(model, config.models);
  else {
    const models = discoverModels(config.models);
    if (models.length !== 1) {
      return fout(
        models.length === 0
          ? `no models found under ${config.models}/; name a model folder`
          : `${config.models}/ holds ${models.length} models (${models.join(', ')}); name one`,
      );
    }
    folder = `${config.models}/${models[0]}`;
  }
  const target = posix.join(folder.replaceAll('\\', '/'), DERIVATION_FILE);
  if (!options.stdout && !options.force && existsSync(target)) {
    return fout(
      `${target} exists already; nothing written. Pass --force to replace it, or --stdout to print the scaffold instead`,
    );
  }

  // UnreadableInput (no such folder, no model files) reaches main, which reports it with exit 2.
  const loaded = loadInformatiemodel(folder, fileSystemReader);
  if (!loaded.model) {
    const errors = loaded.findings.filter((f) => f.severity === 'error');
    for (const f of errors) process.stdout.write(`${formatFinding(f)}\n`);
    process.stderr.write(
      `mimgen derive: the informatiemodel in ${folder} has ${errors.length} error(s); nothing written (mimgen lint lists every finding)\n`,
    );
    return EXIT_FINDINGS;
  }
  const schema = relative(resolve(folder), fileURLToPath(toolUrl('schema/uitwisselmodel.schema.json')))
    .split('\\')
    .join('/');
  const result = scaffoldUitwisselmodel(loaded.model, options.scaffold, { schema, diepte });
  if (result.finding) {
    process.stderr.write(`${formatFinding(result.finding)}\n`);
    return fout('nothing written');
  }
  // The scaffold must derive as it is; if it does not, that is a bug in mimgen, not in the model.
  const check = deriveUitwisselmodel(target, new TextEncoder().encode(result.tekst), loaded.model);
  if (check.findings.hasErrors)
    throw new Error(
      `the scaffolded derivation does not derive:\n${check.findings.errors.map(formatFinding).join('\n')}`,
    );

  if (options.stdout) {
    process.stdout.write(result.tekst);
    return EXIT_OK;
  }
  writeFileAtOnce(target, result.tekst);
  const s = result.samenvatting;
  const extra = s.lijsten.length > 1 ? `, lists of their own for ${s.lijsten.slice(1).join(', ')}` : '';
  process.stderr.write(
    `mimgen derive: wrote ${target}: ${s.lijsten[0]} as the record, ${s.ingebed.length} objecttype(s) embedded, ${s.referenties} reference(s) by key${extra}` +
      `${s.weggelaten.length > 0 ? `; left out (listed in the file): ${s.weggelaten.join(', ')}` : ''}\n`,
  );
  return EXIT_OK;
}
