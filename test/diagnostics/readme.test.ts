/** The README's list of rules is generated from the registry (npm run readme) and must not fall behind it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown, withRulesList } from '../../generator/diagnostics/rules-readme.ts';
import { RULES } from '../../generator/diagnostics/rules.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe("the README's list of rules", () => {
  it('is what the registry gives (run npm run readme when this fails)', () => {
    expect(README).toBe(withRulesList(README));
  });

  it('lists every rule of the registry, with its severity', () => {
    const list = rulesMarkdown();
    for (const [id, rule] of Object.entries(RULES)) expect(list).toContain(`| \`${id}\` | ${rule.severity} |`);
  });

  it('refuses a README without the markers instead of appending somewhere', () => {
    expect(() => withRulesList('# mimgen\n')).toThrow(/rules:start/);
  });
});
