/**
 * The name and defaults of mimgen.config.yaml, apart from its loader (config.ts): a command that finds no
 * config file gets today's layout without loading the YAML parser and Ajv (validate starts the sooner).
 */
import { posix } from 'node:path';
import type { LoadOptions } from '../load.ts';
import type { Config } from './config.ts';

export const CONFIG_FILE = 'mimgen.config.yaml';

/** Today's layout: what a folder without mimgen.config.yaml gets. */
export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze({
  models: 'model',
  output: 'generated',
  packages: Object.freeze({}) as Record<string, string>,
});

/** A fresh copy of the defaults, for a caller that may change it. */
export function defaultConfig(): Config {
  return { ...DEFAULT_CONFIG, packages: {} };
}

/**
 * What loading the model in `folder` takes from the config: the package name given for it (by the name
 * of its folder), the scope, and the folder as the documentation names it.
 */
export function loadOptions(folder: string, config: Config): LoadOptions {
  const map = posix.normalize(folder.replaceAll('\\', '/')).replace(/(.)\/+$/, '$1');
  const naam = posix.basename(map);
  return {
    pakketnaam: Object.hasOwn(config.packages, naam) ? config.packages[naam] : undefined,
    scope: config.scope,
    modelmap: map,
  };
}
