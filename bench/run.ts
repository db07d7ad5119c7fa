/**
 * `npm run bench`: runs every benchmark script in bench/ in its own process (so that each one's peak memory
 * is its own) and prints what they print: figures and ratios, never a pass or fail.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
for (const script of scripts) {
  console.log(`\n## ${script}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, script)], { stdio: 'inherit' });
  if (r.status !== 0) console.log(`(${script} exited with ${r.status})`);
}
