/**
 * `mimgen validate --model <name> <file.json> [--json] [--max-errors N] [--strict]`: validates a delivery of
 * any size in bounded memory with the streaming validator of the package generated in the current folder
 * (generated/<model>/dist, or the config's output folder), the same code implementers get; with --strict the
 * package's strict form (uitwisselmodel.strict.schema.json). Exit 0 valid, 1 invalid, 2 unreadable (or a
 * usage error).
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config } from './config.ts';
import { defaultConfig } from './config-defaults.ts';

import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';

/** The part of a generated package the command uses. */
interface StreamFout {
  path: string;
  line: number;
  column: number;
  message: string;
}
interface StreamResultaat {
  valid: boolean;
  errors: StreamFout[];
  bytes: number;
  records: number;
  stopped?: 'max-errors' | 'fatal';
}
interface Validatie {
  validateFile(
    pad: string,
    opties?: { maxErrors?: number; onProgress?: (v: { bytes: number; records: number }) => void },
  ): Promise<StreamResultaat>;
}
/** The package: the compat form at the top, the strict form as `strict` (packages from before it have none). */
type Pakket = Validatie & { strict?: Validatie };

export interface ValidateOptions {
  model?: string;
  json?: boolean;
  maxErrors?: string;
  strict?: boolean;
}

export async function validateCommand(
  file: string,
  options: ValidateOptions,
  config: Config = defaultConfig(),
): Promise<number> {
  const usage = (message: string): number => {
    process.stderr.write(`mimgen validate: ${message}\n`);
    return EXIT_USAGE;
  };
  const model = options.model;
  if (!model) return usage('name the model with --model <name> (e.g. --model vroegsignalering)');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(model)) return usage(`"${model}" is not a model name`);
  // The package generated here, not one in mimgen's own folder: a standard's repository validates with its own.
  const entry = join(config.output, model, 'dist', 'index.js');
  if (!isFile(entry))
    return usage(`no generated package for model "${model}" (${entry}); run mimgen generate ${model}`);
  let maxErrors = 1000;
  if (options.maxErrors !== undefined) {
    if (!/^[1-9]\d*$/.test(options.maxErrors))
      return usage(`--max-errors takes a whole number from 1, not "${options.maxErrors}"`);
    maxErrors = Number(options.maxErrors);
  }
  let size: number;
  try {
    const s = statSync(file);
    if (!s.isFile()) return unreadable(file, 'not a file');
    size = s.size;
  } catch (e) {
    return unreadable(file, (e as Error).message);
  }

  const pakket = (await import(pathToFileURL(resolve(entry)).href)) as Pakket;
  const validatie = options.strict ? pakket.strict : pakket;
  if (!validatie)
    return usage(`the package of model "${model}" (${entry}) has no strict form; run mimgen generate ${model}`);
  const voortgang = process.stderr.isTTY ? new Voortgang(size) : undefined;
  let result: StreamResultaat;
  try {
    result = await validatie.validateFile(file, {
      maxErrors,
      onProgress: voortgang ? (v) => voortgang.toon(v.bytes, v.records) : undefined,
    });
  } catch (e) {
    voortgang?.wis();
    return unreadable(file, (e as Error).message);
  }
  voortgang?.wis();

  if (options.json) {
    const errors = result.errors.map((e) => ({ path: e.path, line: e.line, column: e.column, message: e.message }));
    process.stdout.write(`${JSON.stringify({ valid: result.valid, errors }, null, 2)}\n`);
  } else {
    for (const e of result.errors) process.stdout.write(`${file}:${e.line}:${e.column}  ${e.path}  ${e.message}\n`);
  }
  const mb = (result.bytes / 1e6).toFixed(1);
  const vorm = options.strict ? ' in the strict form' : '';
  if (result.valid)
    process.stderr.write(`mimgen validate: ${file} is valid${vorm} (${result.records} records, ${mb} MB)\n`);
  else {
    const stopped =
      result.stopped === 'max-errors'
        ? `; stopped after ${maxErrors} (--max-errors)`
        : result.stopped === 'fatal'
          ? '; stopped: the file cannot be read further as JSON'
          : '';
    process.stderr.write(
      `mimgen validate: ${file}: ${result.errors.length} error(s)${vorm}${stopped} (${result.records} records, ${mb} MB read)\n`,
    );
  }
  return result.valid ? EXIT_OK : EXIT_FINDINGS;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function unreadable(file: string, reason: string): number {
  process.stderr.write(`mimgen validate: cannot read ${file}: ${reason}\n`);
  return EXIT_USAGE;
}

/** A progress bar on the terminal (stderr): bytes and records per second, redrawn at most ten times a second. */
class Voortgang {
  private readonly start = performance.now();
  private laatst = 0;
  constructor(private readonly totaal: number) {}

  toon(bytes: number, records: number): void {
    const nu = performance.now();
    if (nu - this.laatst < 100) return;
    this.laatst = nu;
    const s = Math.max((nu - this.start) / 1000, 0.001);
    const deel = this.totaal > 0 ? Math.min(1, bytes / this.totaal) : 1;
    const breedte = 30;
    const vol = Math.round(deel * breedte);
    const balk = `${'#'.repeat(vol)}${'.'.repeat(breedte - vol)}`;
    const regel = `[${balk}] ${(deel * 100).toFixed(0).padStart(3)}%  ${(bytes / 1e6 / s).toFixed(0)} MB/s  ${Math.round(records / s).toLocaleString('en')} records/s`;
    process.stderr.write(`\r${regel}\u001b[K`);
  }

  wis(): void {
    if (this.laatst > 0) process.stderr.write('\r\u001b[K');
  }
}
