/**
 * Publishing tested against a real registry (issue 19, item 4, the registry part): Verdaccio 6.8.0 from the
 * lockfile, started here on 127.0.0.1 with its own config and storage in a temporary folder and no uplinks (no
 * network; test/release/verdaccio.ts). The third-party packages the generated package needs are published to it
 * packed from node_modules; the runtime and three versions of a generated package (release.json 1.0.0, 1.1.0,
 * 2.0.0) through `mimgen publish`, the release job's step (the runtime with --runtime, as mimgen's own release
 * publishes it). Each is installed into a fresh consumer, and `^1.0.0` gets 1.1.0; each consumer compiles a
 * program with tsc and runs it. test/release/history.test.ts publishes the four releases of its history the same way.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, mimgen, removeTemps, ROOT, tempDir } from '../init/support.ts';
import { installInto, publishDeps, startVerdaccio, type Registry } from './verdaccio.ts';

let registry: Registry;

beforeAll(async () => {
  assertBuilt();
  registry = await startVerdaccio();
}, 60_000);

afterAll(() => {
  registry?.stop();
  removeTemps();
});

describe('publishing to a registry (Verdaccio on 127.0.0.1)', () => {
  it('publishes the runtime and three versions of a package; each installs, compiles and runs; ^1.0.0 gets 1.1.0', () => {
    const werk = tempDir('mimgen-publish-');
    // The third-party dependencies, packed from node_modules (no uplink: the registry knows nothing else).
    publishDeps(registry, werk);
    const repo = join(werk, 'standaard');
    expect(mimgen(['init', repo, '--model', 'boek', '--scope', '@t'], ROOT).status).toBe(0);
    // The release job's step, mimgen publish, with the registry's token in the npm configuration; the first one
    // publishes the runtime's folder too (--runtime), before the package that depends on it.
    const publish = (...extra: string[]): ReturnType<typeof mimgen> =>
      mimgen(['publish', '--registry', registry.url, ...extra], repo, { npm_config_userconfig: registry.npmrc });
    for (const versie of ['1.0.0', '1.1.0', '2.0.0']) {
      writeFileSync(join(repo, 'model/boek/release.json'), `${JSON.stringify({ versie })}\n`);
      const g = mimgen(['generate'], repo);
      expect(g.status, g.stderr).toBe(0);
      const p = versie === '1.0.0' ? publish('--runtime', join(ROOT, 'runtime')) : publish();
      expect(p.status, p.stderr).toBe(0);
      expect(p.stderr).toContain(
        versie === '1.0.0' ? `published ${join(ROOT, 'runtime')}, generated/boek` : 'published generated/boek',
      );
    }
    const runtime = registry.npm(['view', '@mimgen/runtime', 'version'], werk);
    expect(runtime.status, runtime.out).toBe(0);
    expect(runtime.out.split('\n')[0]!.trim()).toBe(
      (JSON.parse(readFileSync(join(ROOT, 'runtime', 'package.json'), 'utf8')) as { version: string }).version,
    );
    // A version published before is refused by the registry: exit 1 with a message.
    const again = publish();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('mimgen publish: npm publish generated/boek failed');
    // Each published version into a fresh consumer, and ^1.0.0, which takes the newest 1.x: 1.1.0.
    for (const [spec, verwacht] of [
      ['1.0.0', '1.0.0'],
      ['2.0.0', '2.0.0'],
      ['^1.0.0', '1.1.0'],
    ] as const) {
      const consument = join(werk, `consument-${verwacht}-${spec.startsWith('^') ? 'caret' : 'exact'}`);
      mkdirSync(consument);
      const i = installInto(registry, consument, `@t/boek@${spec}`);
      expect(i.status, i.out).toBe(0);
      expect(i.version).toBe(verwacht);
      writeFileSync(
        join(consument, 'main.ts'),
        [
          "import { validate } from '@t/boek';",
          "const r = validate({ aanleverdatumEnTijd: '2026-01-01T00:00:00Z', meldingen: [] });",
          "console.log(r.valid ? 'geldig' : 'ongeldig');",
          '',
        ].join('\n'),
      );
      writeFileSync(
        join(consument, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', outDir: 'out', skipLibCheck: false },
          files: ['main.ts'],
        }),
      );
      const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], {
        cwd: consument,
        encoding: 'utf8',
      });
      expect(tsc.status, `${tsc.stdout}${tsc.stderr}`).toBe(0);
      const run = spawnSync(process.execPath, ['out/main.js'], { cwd: consument, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe('geldig');
    }
  }, 300_000);
});
