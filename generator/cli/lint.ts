import { formatFinding, UnreadableInput, type Finding } from '../diagnostics/findings.ts';
import { loadModel } from '../load.ts';
import type { Config } from './config.ts';
import { defaultConfig, loadOptions } from './config-defaults.ts';
import { discoverModels, fileSystemReader } from './fs-reader.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { modelFolder } from './main.ts';

export function lintCommand(models: string[], options: { json?: boolean }, config: Config = defaultConfig()): number {
  const folders =
    models.length > 0
      ? models.map((m) => modelFolder(m, config.models))
      : discoverModels(config.models).map((m) => `${config.models}/${m}`);
  if (folders.length === 0) {
    process.stderr.write(`mimgen lint: no models found under ${config.models}/; name a model folder\n`);
    return EXIT_USAGE;
  }
  const findings: Finding[] = [];
  let unreadable = false;
  const seen = new Set<string>();
  for (const folder of folders) {
    try {
      for (const f of loadModel(folder, fileSystemReader, loadOptions(folder, config)).findings) {
        // Shared files are loaded by every model that uses them; report their findings once.
        const key = `${f.file}:${f.line}:${f.column}:${f.rule}:${f.message}`;
        if (!seen.has(key)) findings.push(f);
        seen.add(key);
      }
    } catch (e) {
      if (!(e instanceof UnreadableInput)) throw e;
      unreadable = true;
      findings.push({ ...e.at, severity: 'error', rule: 'unreadable', message: e.message });
    }
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ findings }, null, 2)}\n`);
  } else {
    for (const f of findings) process.stdout.write(`${formatFinding(f)}\n`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    process.stderr.write(`${folders.join(', ')}: ${errors} error(s), ${warnings} warning(s)\n`);
  }
  if (unreadable) return EXIT_USAGE;
  return findings.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
