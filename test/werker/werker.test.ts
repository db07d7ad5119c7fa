import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../conformance/models.ts';
import { assertBuilt } from '../cli/support.ts';
import { WerkerFout, werkerVoor } from '../../generator/emit/werker.ts';

const MODULE = new URL('./module.ts', import.meta.url);

describe('a worker thread for an emitter', () => {
  it('runs a function of the module and returns its result as a structured clone', async () => {
    const werker = werkerVoor(MODULE);
    expect(werkerVoor(MODULE)).toBe(werker);
    const uit = await werker.voer<unknown, Map<string, number>>('verdubbel', {
      getallen: [1, 2],
      kaart: new Map([['a', 5]]),
    });
    expect([...uit]).toEqual([
      ['a', 10],
      ['n0', 2],
      ['n1', 4],
    ]);
    // Several jobs at once, each answered.
    const alle = await Promise.all(
      [3, 4, 5].map((n) => werker.voer<unknown, Map<string, number>>('verdubbel', { getallen: [n], kaart: new Map() })),
    );
    expect(alle.map((m) => m.get('n0'))).toEqual([6, 8, 10]);
  });

  it('rejects with the error and the name of its class', async () => {
    const fout = await werkerVoor(MODULE)
      .voer('faal', 'met reden')
      .catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(WerkerFout);
    expect(fout).toMatchObject({ soort: 'EigenFout', message: 'kapot: met reden' });
  });

  it('does not keep the process alive for work done ahead', () => {
    const script = `import { werkerVoor } from ${JSON.stringify(new URL('../../generator/emit/werker.ts', import.meta.url).href)};
werkerVoor(new URL(${JSON.stringify(MODULE.href)})).vooruit('traag');
console.log('klaar');`;
    // traag never ends: the process stops on its own only if it does not wait for it (the timeout is a guard
    // that turns a hang into a failure, not a measurement).
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.signal, 'the process waited for the work done ahead and was stopped by the guard').toBeNull();
    expect(r.stdout.trim()).toBe('klaar');
    expect(r.status).toBe(0);
  });

  it('does not keep the process alive when it is started and given nothing', () => {
    const script = `import { werkerVoor } from ${JSON.stringify(new URL('../../generator/emit/werker.ts', import.meta.url).href)};
werkerVoor(new URL(${JSON.stringify(MODULE.href)}));
console.log('klaar');`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(r.signal).toBeNull();
    expect(r.stdout.trim()).toBe('klaar');
    expect(r.status).toBe(0);
  });

  it('does not keep the process alive once its work is done', () => {
    const script = `import { werkerVoor } from ${JSON.stringify(new URL('../../generator/emit/werker.ts', import.meta.url).href)};
const uit = await werkerVoor(new URL(${JSON.stringify(MODULE.href)})).voer('verdubbel', { getallen: [21], kaart: new Map() });
console.log(uit.get('n0'));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('42');
    expect(r.status).toBe(0);
  });

  it('imports a JavaScript module as it is, with no tsx (mimgen compiled, from dist/)', () => {
    assertBuilt();
    const script = `import { werkerVoor } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'dist', 'emit', 'werker.js')).href)};
const uit = await werkerVoor(new URL(${JSON.stringify(new URL('./module.mjs', import.meta.url).href)})).voer('verdubbel', { getallen: [21], kaart: new Map() });
console.log(uit.get('n0'));`;
    // The preload makes loading tsx or a .ts module fail, in the worker thread too.
    const noTsx = join(repoRoot, 'test', 'helpers', 'no-tsx.mjs');
    const r = spawnSync(process.execPath, ['--import', noTsx, '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('42');
    expect(r.status).toBe(0);
  });
});

describe('generation with and without worker threads', () => {
  it('writes the same files when everything runs in the main thread (MIMGEN_WERKERS=0)', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'mimgen.js'), 'generate', '--check'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, MIMGEN_WERKERS: '0' },
      timeout: 120_000,
    });
    expect(r.stderr).toContain('generated/ is up to date');
    expect(r.status).toBe(0);
  });
});
