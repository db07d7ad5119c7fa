/**
 * `mimgen.config.yaml`: the optional configuration in the folder where mimgen runs. A standard's own
 * repository uses it to put its models and its generated packages elsewhere and to name the packages;
 * without it mimgen uses this repository's layout (model/, generated/), so this repository has none.
 *
 *     models: model                                  # the folder of the model folders
 *     output: generated                              # the folder generate writes, one package per model
 *     packages: { vroegsignalering: "@ddas/vroegsignalering" }
 *     scope: "@gemeente"                             # for models named neither here nor in their derivation
 *
 * The file is checked against schema/mimgen.config.schema.json, which an editor can use as well; every
 * problem is a finding at its line and column, and a config with an error stops the command (exit 2).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import {
  Findings,
  finding,
  InputErrors,
  UnreadableInput,
  type ErrorRule,
  type Finding,
  type Position,
} from '../diagnostics/findings.ts';
import { formatChecker, type FormatChecker } from '../model/structure.ts';
import { bedoeldU } from '../model/suggest.ts';
import { parseYamlFile, type YamlFile } from '../model/yaml-source.ts';
import { CONFIG_FILE, DEFAULT_CONFIG, defaultConfig } from './config-defaults.ts';

export { CONFIG_FILE, DEFAULT_CONFIG, defaultConfig };

export interface Config {
  /** The folder of the model folders, relative to the config's folder, normalised with forward slashes. */
  models: string;
  /** The folder generate writes (`<output>/<model>/`), relative to the config's folder likewise. */
  output: string;
  /** Per model folder name: the npm package name of its generated package. */
  packages: Record<string, string>;
  /** The npm scope (`@name`) of packages that are named neither in `packages` nor by the model. */
  scope?: string;
}

/** A config that cannot be used: every problem, positioned in the file. The CLI prints them and exits 2. */
export class ConfigError extends InputErrors {}

let checker: FormatChecker | undefined;

/**
 * The configuration of `dir`: its mimgen.config.yaml, or the defaults when there is none. Throws ConfigError
 * when the file has an error; `warn` hears what is likely a mistake but does not stop the command (a package
 * name for a model that does not exist).
 */
export function loadConfig(dir: string, warn?: (finding: Finding) => void): Config {
  const file = join(dir, CONFIG_FILE).split(sep).join('/');
  let bytes: Uint8Array;
  try {
    if (!statSync(file).isFile())
      throw new ConfigError([
        fout({ file, line: 1, column: 1 }, 'unreadable', `${CONFIG_FILE} is not a file; remove it or make it a file`),
      ]);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return defaultConfig();
    throw new ConfigError([
      fout(
        { file, line: 1, column: 1 },
        'unreadable',
        `cannot read the file (${(e as Error).message}); check its permissions`,
      ),
    ]);
  }
  const findings = new Findings();
  let yaml: YamlFile | undefined;
  try {
    yaml = parseYamlFile(file, bytes, findings);
  } catch (e) {
    if (!(e instanceof UnreadableInput)) throw e;
    throw new ConfigError([fout(e.at, 'unreadable', e.message)]);
  }
  // An empty file, or one with only comments, asks for nothing: the defaults.
  if (findings.all.length > 0 && findings.all.every((f) => f.rule === 'empty-file')) return defaultConfig();
  if (!yaml || yaml.data === undefined || findings.hasErrors) throw new ConfigError(findings.sorted());
  checker ??= formatChecker('mimgen.config');
  if (!checker.check(yaml, findings)) throw new ConfigError(findings.sorted());

  const data = yaml.data as { models?: string; output?: string; packages?: Record<string, string>; scope?: string };
  const models = folder(yaml, 'models', data.models ?? DEFAULT_CONFIG.models, findings);
  const output = folder(yaml, 'output', data.output ?? DEFAULT_CONFIG.output, findings);
  const root = resolve(dir);
  const outputAbs = resolve(root, output);
  if (!findings.hasErrors && binnen(root, outputAbs)) {
    findings.error(
      yaml.position(['output']),
      'invalid-value',
      `"output" is ${JSON.stringify(data.output)}, the folder of ${CONFIG_FILE} or one above it, which generate would replace; name a folder of its own, such as "generated"`,
    );
  } else if (!findings.hasErrors && binnen(resolve(root, models), outputAbs)) {
    findings.error(
      yaml.position([data.output === undefined ? 'models' : 'output']),
      'invalid-value',
      `the models folder "${models}" lies in the output folder "${output}", which generate replaces; keep the models out of it`,
    );
  }
  if (findings.hasErrors) throw new ConfigError(findings.sorted());

  const packages = { ...(data.packages ?? {}) };
  if (warn && Object.keys(packages).length > 0) {
    const known = modelFolders(resolve(root, models));
    for (const name of Object.keys(packages).sort()) {
      if (known.includes(name)) continue;
      warn({
        ...yaml.position(['packages', name], true),
        severity: 'warning',
        rule: 'unknown-model',
        message: `there is no model "${name}" in ${models}/, so this package name is not used${bedoeldU(name, known) || '; give the name of a model folder'}`,
      });
    }
  }
  return { models, output, packages, ...(data.scope !== undefined ? { scope: data.scope } : {}) };
}

/** A folder setting normalised (forward slashes, no trailing slash); an absolute path is an error. */
function folder(yaml: YamlFile, key: 'models' | 'output', value: string, findings: Findings): string {
  const normal = posix.normalize(value.replaceAll('\\', '/')).replace(/(.)\/+$/, '$1');
  if (isAbsolute(value) || /^[A-Za-z]:/.test(value)) {
    findings.error(
      yaml.position([key]),
      'invalid-value',
      `"${key}" is an absolute path; write it relative to ${CONFIG_FILE}, so that the repository works wherever it is cloned`,
    );
  }
  return normal;
}

/** Whether `outer` is `inner` or a folder that holds it. */
function binnen(inner: string, outer: string): boolean {
  const r = relative(outer, inner);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

/** The folder names under the models folder, for a suggestion; none when it cannot be read. */
function modelFolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function fout(at: Position, rule: ErrorRule, message: string): Finding {
  return finding(at, 'error', rule, message);
}
