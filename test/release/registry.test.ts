/**
 * Publishing tested against a real registry (issue 19, item 4, the registry part): Verdaccio 6.8.0 from the
 * lockfile, started here on 127.0.0.1 with its own config and storage in a temporary folder and no uplinks (no
 * network). The runtime and the third-party packages the generated package needs (from node_modules, packed)
 * are published to it, then three versions of a generated package (release.json 1.0.0, 1.1.0, 2.0.0); each is
 * installed into a fresh consumer, and `^1.0.0` gets 1.1.0; each consumer compiles a program with tsc and runs it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, env, mimgen, removeTemps, ROOT, tempDir } from '../init/support.ts';

const DEPS = [
  'jose',
  'fast-deep-equal',
  'json-schema-traverse',
  'require-from-string',
  'fast-uri',
  'ajv',
  'ajv-formats',
];

let verdaccio: ChildProcess | undefined;
let registry = '';
let npmrc = '';

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

function npm(args: string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync('npm', [...args, '--registry', registry, '--userconfig', npmrc], {
    cwd,
    encoding: 'utf8',
    env: env({ npm_config_cache: join(cwd, '.npm-cache'), npm_config_audit: 'false', npm_config_fund: 'false' }),
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

beforeAll(async () => {
  assertBuilt();
  const dir = tempDir('mimgen-verdaccio-');
  const port = await freePort();
  registry = `http://127.0.0.1:${port}/`;
  writeFileSync(
    join(dir, 'config.yaml'),
    [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(dir, 'htpasswd')}`,
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  verdaccio = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/verdaccio/bin/verdaccio'),
      '--config',
      join(dir, 'config.yaml'),
      '--listen',
      `127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${registry}-/ping`)).ok) break;
    } catch {
      // not yet listening
    }
    if (i > 100) throw new Error('verdaccio did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const user = await fetch(`${registry}-/user/org.couchdb.user:beheerder`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'beheerder', password: 'geheim-wachtwoord' }),
  });
  const { token } = (await user.json()) as { token: string };
  npmrc = join(dir, '.npmrc');
  writeFileSync(npmrc, `//127.0.0.1:${port}/:_authToken=${token}\n`);
}, 60_000);

afterAll(() => {
  verdaccio?.kill();
  removeTemps();
});

describe('publishing to a registry (Verdaccio on 127.0.0.1)', () => {
  it('publishes the runtime and three versions of a package; each installs, compiles and runs; ^1.0.0 gets 1.1.0', () => {
    const werk = tempDir('mimgen-publish-');
    // The third-party dependencies, packed from node_modules (no uplink: the registry knows nothing else).
    for (const dep of [...DEPS, 'runtime']) {
      const folder = dep === 'runtime' ? join(ROOT, 'runtime') : join(ROOT, 'node_modules', dep);
      // (the runtime could go through mimgen publish --runtime as well; npm publish is the same step)
      const p = npm(['publish', '--ignore-scripts', folder], werk);
      expect(p.status, p.out).toBe(0);
    }
    const repo = join(werk, 'standaard');
    expect(mimgen(['init', repo, '--model', 'boek', '--scope', '@t'], ROOT).status).toBe(0);
    // The release job's step, mimgen publish, with the registry's token in the npm configuration.
    const publish = (): ReturnType<typeof mimgen> =>
      mimgen(['publish', '--registry', registry], repo, { npm_config_userconfig: npmrc });
    for (const versie of ['1.0.0', '1.1.0', '2.0.0']) {
      writeFileSync(join(repo, 'model/boek/release.json'), `${JSON.stringify({ versie })}\n`);
      const g = mimgen(['generate'], repo);
      expect(g.status, g.stderr).toBe(0);
      const p = publish();
      expect(p.status, p.stderr).toBe(0);
    }
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
      writeFileSync(
        join(consument, 'package.json'),
        JSON.stringify({ name: 'consument', private: true, type: 'module' }, null, 2),
      );
      const i = npm(['install', `@t/boek@${spec}`], consument);
      expect(i.status, i.out).toBe(0);
      const installed = JSON.parse(readFileSync(join(consument, 'node_modules/@t/boek/package.json'), 'utf8')) as {
        version: string;
      };
      expect(installed.version).toBe(verwacht);
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
