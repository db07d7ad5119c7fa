#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which npm ci and every npm script run first):
// no TypeScript is compiled at run time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { V8_BATCH_FLAGS } from './v8-batch.js';

// validate streams files of any size: with a small young generation and V8's memory-saving mode its peak
// memory stays flat from a hundred thousand to a million records. An old generation that starts at 24 MB
// keeps V8 from collecting it over and over while the heap is still small: 12% less time on a million
// records, peak RSS 145 MB instead of 125. Those flags only work when node starts, so that command runs in
// a node started with them.
const VALIDATE_FLAGS = ['--max-semi-space-size=2', '--optimize-for-size', '--initial-old-space-size=24'];
const args = process.argv.slice(2);
if (args[0] === 'validate' && !VALIDATE_FLAGS.every((f) => process.execArgv.includes(f))) {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, ...VALIDATE_FLAGS, fileURLToPath(import.meta.url), ...args],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? (child.signal ? 128 + 15 : 2));
}

// Every other command is a batch run, with V8 tuned for it (see v8-batch.js); validate keeps V8's default,
// its hot loop is best optimised early.
if (args[0] !== 'validate') for (const flag of V8_BATCH_FLAGS) setFlagsFromString(flag);

// A clone where npm ci (which builds) has not run, or dist/ removed: say what to do, not a stack trace.
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(`mimgen: ${fileURLToPath(entry)} does not exist; run npm run build (npm ci does)\n`);
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(args);
