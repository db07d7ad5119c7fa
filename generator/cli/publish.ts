/**
 * `mimgen publish [models...] [--registry <url>] [--runtime <folder>]` (issue 19, item 4): the publishing
 * steps of the release job, as a command so that they run (and are tested, test/release/registry.test.ts) the
 * same outside GitHub Actions: `npm publish` of each model's generated package (and of the runtime's folder
 * when given, in mimgen's own repository), with `--provenance` in GitHub Actions, where npm can sign it with the
 * job's OIDC token. Exit 0 published, 1 npm refused (a version published before, no auth), 2 bad input.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from './config.ts';
import { defaultConfig } from './config-defaults.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { discoverModels } from './fs-reader.ts';

export interface PublishOptions {
  registry?: string;
  runtime?: string;
}

export function publishCommand(models: string[], options: PublishOptions, config: Config = defaultConfig()): number {
  const names = models.length > 0 ? models : discoverModels(config.models);
  const folders = [...(options.runtime ? [options.runtime] : []), ...names.map((n) => join(config.output, n))];
  for (const f of folders)
    if (!existsSync(join(f, 'package.json'))) {
      process.stderr.write(
        `mimgen publish: ${f} holds no package.json; run mimgen generate (or name the runtime's folder)\n`,
      );
      return EXIT_USAGE;
    }
  const provenance = process.env.GITHUB_ACTIONS === 'true' ? ['--provenance'] : [];
  for (const f of folders) {
    // An absolute path: npm reads generated/boek as a GitHub shorthand (user/repo).
    const args = ['publish', resolve(f), '--access', 'public', '--ignore-scripts', ...provenance];
    if (options.registry) args.push('--registry', options.registry);
    const r = spawnSync('npm', args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) {
      process.stderr.write(
        `mimgen publish: npm publish ${f} failed (exit ${r.status ?? 'signal'}); nothing after it was published\n`,
      );
      return EXIT_FINDINGS;
    }
  }
  process.stderr.write(`mimgen publish: published ${folders.join(', ')}\n`);
  return EXIT_OK;
}
