/**
 * `mimgen diff <old> <new> [--json | --markdown] [--fail-on-breaking]`.
 *
 * Exit codes: 0 when the diff ran, whatever it found (with --fail-on-breaking: 1 when a change breaks
 * senders or receivers); 2 for bad input: an unreadable file, a file that is not a schema or a model, an
 * unknown revision, invalid JSON (with line and column).
 */
import { finding, formatFinding } from '../diagnostics/findings.ts';
import type { Config } from './config.ts';
import { defaultConfig } from './config-defaults.ts';
import { diff } from '../diff/index.ts';
import { renderJson, renderMarkdown, renderText, samenvatting } from '../diff/render.ts';
import { leesKant } from './diff-sources.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { DiffInputError, isBreaking } from '../diff/types.ts';

export interface DiffOptions {
  json?: boolean;
  markdown?: boolean;
  failOnBreaking?: boolean;
}

export function diffCommand(
  oud: string,
  nieuw: string,
  options: DiffOptions,
  config: Config = defaultConfig(),
): number {
  if (options.json && options.markdown) {
    process.stderr.write('mimgen diff: choose one of --json and --markdown\n');
    return EXIT_USAGE;
  }
  try {
    const a = leesKant(oud, process.cwd(), config);
    const b = leesKant(nieuw, process.cwd(), config);
    for (const w of [...a.waarschuwingen, ...b.waarschuwingen]) process.stderr.write(`${w}\n`);
    for (const k of [a.kant, b.kant]) {
      const ander = k === a.kant ? b.kant : a.kant;
      if (k.soort === 'model' && !k.uitwisselmodel && ander.soort === 'schema') {
        throw new DiffInputError(
          `${k.label} has no uitwisselmodel.yaml, so there is no message schema to compare with ${ander.label}`,
        );
      }
    }
    const result = diff(a.kant, b.kant);
    process.stdout.write(
      options.json ? renderJson(result) : options.markdown ? renderMarkdown(result) : renderText(result),
    );
    if (options.json || options.markdown) process.stderr.write(`mimgen diff: ${samenvatting(result)}\n`);
    return options.failOnBreaking && result.changes.some(isBreaking) ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    if (!(e instanceof DiffInputError)) throw e;
    process.stderr.write(
      `${e.at ? formatFinding(finding(e.at, 'error', 'diff-input', e.message)) : `mimgen diff: ${e.message}`}\n`,
    );
    for (const d of e.details) process.stderr.write(`${d}\n`);
    return EXIT_USAGE;
  }
}
