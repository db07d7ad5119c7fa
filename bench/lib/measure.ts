/** Running a child process and measuring its wall time and peak RSS (with /usr/bin/time -v where present). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';

const TIME = '/usr/bin/time';
export const HAS_TIME = existsSync(TIME);

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall time in seconds, measured around the child. */
  wall: number;
  /** Peak resident set size in MB: from /usr/bin/time -v, else what the child reports as `maxRSS <kB>` on stderr. */
  rss: number | undefined;
}

export function run(cmd: string, args: string[], cwd?: string, env?: NodeJS.ProcessEnv): Run {
  const start = process.hrtime.bigint();
  const r = HAS_TIME
    ? spawnSync(TIME, ['-v', cmd, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? /maxRSS (\d+)/.exec(r.stderr)?.[1];
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, wall, rss: kb ? Number(kb) / 1024 : undefined };
}

export const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
export const rate = (bytes: number, s: number): string => `${(bytes / 1e6 / s).toFixed(0)} MB/s`;
export const ratio = (a: number, b: number): string => (a / b).toFixed(2);

/** The best (shortest) of `n` runs, with the wall time of the slowest that succeeded. */
export function best(n: number, f: () => Run): Run & { slowest: number } {
  let b: Run | undefined;
  let slowest = 0;
  for (let i = 0; i < n; i++) {
    const r = f();
    if (r.status === 0) slowest = Math.max(slowest, r.wall);
    if (!b || (r.status === b.status && r.wall < b.wall)) b = r;
  }
  return { ...b!, slowest };
}
