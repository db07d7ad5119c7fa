/**
 * `mimgen docs-version <site> --into <folder> --as <x.y.z>` (issue 19, item 3): puts a built
 * documentation site (any folder with an index.html: `npm run site -- --version x.y.z`, buildSite of
 * scripts/site.ts, or mkdocs itself) into a folder of versions side by side in mike's layout
 * (generator/release/docs-versions.ts): `<folder>/<version>/`, versions.json, `latest/` redirects to the
 * newest version and a top index.html that redirects to latest/. Exit 0 done, 2 bad input.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LATEST, parseVersions, versionFiles, VERSIONS_JSON } from '../release/docs-versions.ts';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { swapFolder, writeFilesAtOnce } from './writer.ts';

function htmlPages(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(folder, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

export function docsVersionCommand(site: string, options: { into: string; version: string }): number {
  const fail = (m: string): number => {
    process.stderr.write(`mimgen docs-version: ${m}\n`);
    return EXIT_USAGE;
  };
  if (!existsSync(join(site, 'index.html')))
    return fail(
      `${site} holds no built site (no index.html); build it first, e.g. npm run site -- --out ${site} --version ${options.version}`,
    );
  if (existsSync(options.into) && !statSync(options.into).isDirectory()) return fail(`${options.into} is not a folder`);
  const versionsFile = join(options.into, VERSIONS_JSON);
  let existing;
  try {
    existing = existsSync(versionsFile) ? parseVersions(readFileSync(versionsFile, 'utf8')) : [];
  } catch (e) {
    return fail(`${versionsFile}:1:1: ${(e as Error).message}`);
  }
  let plan;
  try {
    plan = versionFiles(existing, options.version, (newest) =>
      newest === options.version ? htmlPages(site) : htmlPages(join(options.into, newest)),
    );
  } catch (e) {
    return fail((e as Error).message);
  }
  swapFolder(join(options.into, options.version), (tmp) => cpSync(site, tmp, { recursive: true }));
  rmSync(join(options.into, LATEST), { recursive: true, force: true });
  writeFilesAtOnce(options.into, plan.files);
  process.stderr.write(
    `mimgen docs-version: ${options.version} in ${options.into}/${options.version}/; ${plan.versions.length} version(s), latest = ${plan.newest}\n`,
  );
  return EXIT_OK;
}
