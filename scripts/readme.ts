/**
 * Writes the generated parts of README.md (the list of rules, from generator/diagnostics/rules.ts).
 * With --check it writes nothing and exits 1 when README.md is stale.
 *
 *   npm run readme [-- --check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withRulesList } from '../generator/diagnostics/rules-readme.ts';

const FILE = new URL('../README.md', import.meta.url);
const current = readFileSync(FILE, 'utf8');
const wanted = withRulesList(current);
if (process.argv.includes('--check')) {
  if (current !== wanted) {
    process.stderr.write('README.md: the list of rules is stale; run npm run readme\n');
    process.exit(1);
  }
} else if (current !== wanted) {
  writeFileSync(FILE, wanted);
  process.stderr.write('README.md: list of rules written\n');
}
