/**
 * What the init and check-pr tests share: the CLI of this repository run as a maintainer runs it (the
 * compiled bin/mimgen.js in a child node, with its working folder in a temporary repository), and git with
 * an identity and a configuration of its own, never the user's global one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'mimgen.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of every child: no GitHub variables of the machine the tests run on, git isolated. */
export function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(e)) if (k.startsWith('GITHUB_') || k.startsWith('GIT_')) delete e[k];
  return {
    ...e,
    GIT_AUTHOR_NAME: 'Beheerder',
    GIT_AUTHOR_EMAIL: 'beheerder@example.org',
    GIT_COMMITTER_NAME: 'Beheerder',
    GIT_COMMITTER_EMAIL: 'beheerder@example.org',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    NO_COLOR: '1',
    ...extra,
  };
}

/** `mimgen <args>` in `cwd`, waiting for it (the event loop is blocked: not for a test with a server). */
export function mimgen(args: string[], cwd: string, extra: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: env(extra) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `mimgen <args>` in `cwd` without blocking, so that a server in this process can answer it. */
export function mimgenAsync(args: string[], cwd: string, extra: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: env(extra) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

export function git(args: string[], cwd: string): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: env() });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Every file under `dir` (relative path → contents): to show that a refused command wrote nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const temps: string[] = [];
export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}
export function removeTemps(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A stack trace would show as lines starting with "at " under an error. */
export function noStack(text: string): boolean {
  return !/^\s+at .+(\(|:\d+:\d+)/m.test(text);
}

/** The build the CLI runs must be there (npm test builds first). */
export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run npm run build (npm test does it first)');
}
