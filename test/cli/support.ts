/**
 * Running the compiled CLI as a user does: `node bin/mimgen.js`, which loads dist/. The tests need dist/ to be
 * built from the current sources (`npm test` builds first); a stale or missing dist/ fails with what to run,
 * instead of testing old code. Every child runs with test/helpers/no-tsx.mjs, so nothing is compiled at run time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin', 'mimgen.js');
const NO_TSX = join(ROOT, 'test', 'helpers', 'no-tsx.mjs');

/** Throws when dist/ is missing or older than a source under generator/ or schema/. */
export function assertBuilt(): void {
  const info = join(ROOT, 'dist', '.tsbuildinfo');
  if (!existsSync(info) || !existsSync(join(ROOT, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is not built; run npm run build (npm test does)');
  const built = statSync(info).mtimeMs;
  const newer = sources(join(ROOT, 'generator')).find((f) => statSync(f).mtimeMs > built);
  if (newer) throw new Error(`dist/ is older than ${newer}; run npm run build (npm test does)`);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function mimgen(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, ['--import', NO_TSX, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MIMGEN_DEBUG: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No stack trace: no line that looks like a frame of one. */
export function noStack(text: string): boolean {
  return !/^\s+at .+[(:]\d+/m.test(text) && !/\bError:.*\n\s+at /.test(text);
}
