// Preloaded (node --import) into a `mimgen generate` child process by test/generate.test.ts: makes the
// file-system calls the writer makes on the generated tree wait first, so that the test can kill the
// process while it is half-way through writing, between the two renames, or before the old tree is gone.
//   MIMGEN_TEST_FS_DELAY_MS    before each writeFileSync, mkdirSync, cpSync
//   MIMGEN_TEST_SWAP_DELAY_MS  before each renameSync, rmSync
// Test-only; the generator itself is not changed.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const delays = {
  writeFileSync: Number(process.env.MIMGEN_TEST_FS_DELAY_MS ?? '0'),
  mkdirSync: Number(process.env.MIMGEN_TEST_FS_DELAY_MS ?? '0'),
  cpSync: Number(process.env.MIMGEN_TEST_FS_DELAY_MS ?? '0'),
  renameSync: Number(process.env.MIMGEN_TEST_SWAP_DELAY_MS ?? '0'),
  rmSync: Number(process.env.MIMGEN_TEST_SWAP_DELAY_MS ?? '0'),
};
const pause = new Int32Array(new SharedArrayBuffer(4));
const touchesGenerated = (args) =>
  args.some(
    (a) =>
      typeof a === 'string' && (/(^|[\\/])\.generated\.(tmp|old)-/.test(a) || /(^|[\\/])generated([\\/]|$)/.test(a)),
  );
for (const [name, delay] of Object.entries(delays)) {
  if (!(delay > 0)) continue;
  const original = fs[name];
  fs[name] = function slowed(...args) {
    if (touchesGenerated(args)) Atomics.wait(pause, 0, 0, delay);
    return original.apply(this, args);
  };
}
syncBuiltinESMExports();
