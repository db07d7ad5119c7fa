/**
 * A real npm registry for the release tests (issue 19, item 4): Verdaccio 6.8.0 from the lockfile, started on
 * 127.0.0.1 on a free port with its config and storage in a temporary folder and no uplinks (no network), a user
 * made through its API and the token in an npmrc of its own. The third-party packages a generated package needs
 * are published to it packed from node_modules (the registry knows nothing else); @mimgen/runtime is published
 * by the tests themselves, through `mimgen publish --runtime`, as a release job of mimgen's own repository does.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { env, ROOT, tempDir } from '../init/support.ts';

/** What the runtime and a generated package need besides each other, as node_modules has them. */
export const DEPS = [
  'jose',
  'fast-deep-equal',
  'json-schema-traverse',
  'require-from-string',
  'fast-uri',
  'ajv',
  'ajv-formats',
];

export interface Registry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** The npmrc with the token to publish. */
  npmrc: string;
  /** npm against this registry, with a cache in `cwd`. */
  npm(args: string[], cwd: string): { status: number | null; out: string };
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

export async function startVerdaccio(): Promise<Registry> {
  const dir = tempDir('mimgen-verdaccio-');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
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
  const child: ChildProcess = spawn(
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
  const stop = (): void => {
    child.kill();
  };
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}-/ping`)).ok) break;
      } catch {
        // not yet listening
      }
      if (i > 100) throw new Error('verdaccio did not start in 20 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    const user = await fetch(`${url}-/user/org.couchdb.user:beheerder`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'beheerder', password: 'geheim-wachtwoord' }),
    });
    const { token } = (await user.json()) as { token: string };
    const npmrc = join(dir, '.npmrc');
    writeFileSync(npmrc, `//127.0.0.1:${port}/:_authToken=${token}\n`);
    const npm = (args: string[], cwd: string): { status: number | null; out: string } => {
      const r = spawnSync('npm', [...args, '--registry', url, '--userconfig', npmrc], {
        cwd,
        encoding: 'utf8',
        env: env({ npm_config_cache: join(cwd, '.npm-cache'), npm_config_audit: 'false', npm_config_fund: 'false' }),
      });
      return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
    };
    return { url, npmrc, npm, stop };
  } catch (e) {
    stop();
    throw e;
  }
}

/** Publishes DEPS from node_modules; throws with npm's words when one is refused. */
export function publishDeps(registry: Registry, cwd: string): void {
  for (const dep of DEPS) {
    const p = registry.npm(['publish', '--ignore-scripts', join(ROOT, 'node_modules', dep)], cwd);
    if (p.status !== 0) throw new Error(`npm publish ${dep} failed:\n${p.out}`);
  }
}

/** The installed version of a package in a fresh consumer that ran `npm install <spec>`, or npm's words. */
export function installInto(
  registry: Registry,
  consumer: string,
  spec: string,
): { status: number | null; out: string; version?: string } {
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consument', private: true, type: 'module' }, null, 2),
  );
  const i = registry.npm(['install', spec], consumer);
  if (i.status !== 0) return i;
  const name = spec.slice(0, spec.lastIndexOf('@'));
  const pkg = JSON.parse(readFileSync(join(consumer, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { ...i, version: pkg.version };
}
