/** CPU time of the processes a benchmark started, from /proc (Linux): for comparing work under a shared load. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TICK = 100;

/** CPU seconds (user + system) of each process below this one, by pid and kind (Chromium's --type, or `browser`). */
export function cpuVanKinderen(): Map<string, number> {
  const uit = new Map<string, number>();
  if (!existsSync('/proc/self/stat')) return uit;
  const ouder = new Map<number, number>();
  const velden = (pid: string): string[] | undefined => {
    try {
      const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return s.slice(s.lastIndexOf(')') + 2).split(' ');
    } catch {
      return undefined;
    }
  };
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const f = velden(d);
    if (f) ouder.set(Number(d), Number(f[1]));
  }
  const van = new Set([process.pid]);
  for (let meer = true; meer;) {
    meer = false;
    for (const [p, o] of ouder)
      if (!van.has(p) && van.has(o)) {
        van.add(p);
        meer = true;
      }
  }
  van.delete(process.pid);
  for (const p of van) {
    const f = velden(String(p));
    if (!f) continue;
    let soort = 'browser';
    try {
      soort = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${p}/cmdline`, 'utf8'))?.[1] ?? 'browser';
    } catch {
      // ended meanwhile
    }
    uit.set(`${p} ${soort}`, (Number(f[11]) + Number(f[12])) / TICK);
  }
  return uit;
}

/** CPU seconds per kind of process spent between two readings. */
export function cpuVerschil(voor: Map<string, number>, na: Map<string, number>): Map<string, number> {
  const per = new Map<string, number>();
  for (const [k, v] of na) {
    const soort = k.slice(k.indexOf(' ') + 1);
    per.set(soort, (per.get(soort) ?? 0) + v - (voor.get(k) ?? 0));
  }
  return per;
}
