/**
 * `npm run site` in mimgen's own repository: `mimgen site` (generator/cli/site.ts) on this repository's
 * generated/, run from source, so that it needs no build first. The site's mkdocs.yml and docs_dir are laid out
 * by generator/site/ in a temporary build folder; the command reads, writes and runs mkdocs.
 *
 *   npm run site [-- --out <folder>] [-- --version <version>] [-- --mkdocs /path/to/mkdocs]
 *
 * Default output: site/ (git-ignored). Open site/index.html, or serve the folder (the search needs HTTP).
 * buildSite, re-exported from the command, is the function to call from other code.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteCommand } from '../generator/cli/site.ts';

export {
  buildSite,
  DEFAULT_MKDOCS,
  MkdocsMissing,
  readModels,
  type BuildSiteOptions,
  type BuiltSite,
} from '../generator/cli/site.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_OUT = join(ROOT, 'site');

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const mkdocs = option('--mkdocs');
  const version = option('--version');
  return siteCommand(
    { out: option('--out') ?? DEFAULT_OUT, ...(mkdocs ? { mkdocs } : {}), ...(version ? { as: version } : {}) },
    undefined,
    { root: ROOT, prefix: 'site' },
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
