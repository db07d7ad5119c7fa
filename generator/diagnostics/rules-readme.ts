/**
 * The README's list of rules, from the registry: one table per stage, so that the list cannot fall behind
 * the code. `npm run readme` writes it between the markers in README.md; a test fails when it is stale.
 */
import { textTemplate } from '../common/tool-files.ts';
import { mdText } from '../common/markdown.ts';
import { RULES, type RuleId, type Stage } from './rules.ts';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

const TEMPLATE = textTemplate('readme/rules.md.hbs');

const STAGE_TITLES: Record<Stage, string> = {
  cli: 'The command line',
  yaml: 'Reading YAML (model files and mimgen.config.yaml)',
  informatiemodel: 'The informatiemodel (lint)',
  uitwisselmodel: 'The uitwisselmodel derivation (lint)',
  api: 'The API section, api.yaml (lint)',
  config: 'mimgen.config.yaml',
  generate: 'generate',
  changelog: 'The changelog (vorige-versie.json)',
  release: 'Releases (release.json: generate and release)',
  import: 'import-xmi',
  diff: 'diff',
};

/** The Markdown between the markers, ending in a newline. A rule of several stages is listed under each. */
export function rulesMarkdown(): string {
  const stages = (Object.keys(STAGE_TITLES) as Stage[]).map((stage) => ({
    titel: STAGE_TITLES[stage],
    rules: (Object.keys(RULES) as RuleId[])
      .filter((id) => (RULES[id].stages as readonly Stage[]).includes(stage))
      .map((id) => ({
        id,
        severity: RULES[id].severity,
        summary: mdText(RULES[id].summary),
        doc: mdText(RULES[id].doc),
      })),
  }));
  return TEMPLATE({ stages: stages.filter((s) => s.rules.length > 0) });
}

/** README.md with its list of rules replaced; throws when the markers are missing. */
export function withRulesList(readme: string): string {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start < 0 || end < start)
    throw new Error(`README.md has no ${RULES_START} … ${RULES_END} section for the list of rules`);
  return `${readme.slice(0, start + RULES_START.length)}\n${rulesMarkdown()}${readme.slice(end)}`;
}
