/**
 * `mimgen docs-version <site> --as <x.y.z> (--into <folder> | --branch <name> [--push <remote>])` (issue 19,
 * item 3): puts a built documentation site (any folder with an index.html: `mimgen site --as x.y.z`, or mkdocs
 * itself) into a folder of versions side by side in mike's layout (generator/release/docs-versions.ts):
 * `<folder>/<version>/`, versions.json, `latest/` redirects to the newest version and a top index.html that
 * redirects to latest/.
 *
 * With --branch it does what mike does for a release job: the versions live in a git branch (gh-pages), which
 * GitHub Pages serves. The branch's tree is read into a temporary folder with a temporary index (git read-tree,
 * checkout-index), the version added there, and committed on top of the branch with plumbing (add, write-tree,
 * commit-tree, update-ref), so the working tree, the index and HEAD of the repository are left as they were.
 * With --push <remote> the branch is fetched from the remote first (a release job's checkout has no gh-pages)
 * and pushed back after. Exit 0 done, 1 git refused (no identity to commit with, a push refused), 2 bad input.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { LATEST, parseVersions, versionFiles, VERSIONS_JSON } from '../release/docs-versions.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { swapFolder, writeFilesAtOnce } from './writer.ts';

function htmlPages(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(folder, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** Adds the site as `version` to the folder of versions; a message on bad input, else what it did. */
function addVersion(
  site: string,
  into: string,
  version: string,
): { fout: string } | { versions: number; newest: string } {
  if (!existsSync(join(site, 'index.html')))
    return {
      fout: `${site} holds no built site (no index.html); build it first, e.g. mimgen site --out ${site} --as ${version}`,
    };
  if (existsSync(into) && !statSync(into).isDirectory()) return { fout: `${into} is not a folder` };
  const versionsFile = join(into, VERSIONS_JSON);
  let existing;
  try {
    existing = existsSync(versionsFile) ? parseVersions(readFileSync(versionsFile, 'utf8')) : [];
  } catch (e) {
    return { fout: `${versionsFile}:1:1: ${(e as Error).message}` };
  }
  let plan;
  try {
    plan = versionFiles(existing, version, (newest) =>
      newest === version ? htmlPages(site) : htmlPages(join(into, newest)),
    );
  } catch (e) {
    return { fout: (e as Error).message };
  }
  swapFolder(join(into, version), (tmp) => cpSync(site, tmp, { recursive: true }));
  rmSync(join(into, LATEST), { recursive: true, force: true });
  writeFilesAtOnce(into, plan.files);
  return { versions: plan.versions.length, newest: plan.newest };
}

export function docsVersionCommand(site: string, options: { into: string; version: string }): number {
  const r = addVersion(site, options.into, options.version);
  if ('fout' in r) {
    process.stderr.write(`mimgen docs-version: ${r.fout}\n`);
    return EXIT_USAGE;
  }
  process.stderr.write(
    `mimgen docs-version: ${options.version} in ${options.into}/${options.version}/; ${r.versions} version(s), latest = ${r.newest}\n`,
  );
  return EXIT_OK;
}

class GitFout extends Error {}

/** git in the current repository, with the environment given; its output, or GitFout with git's words. */
function git(args: string[], env: Record<string, string> = {}, cwd?: string): string {
  const r = spawnSync('git', args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    ...(cwd !== undefined ? { cwd } : {}),
    maxBuffer: 1 << 30,
  });
  if (r.error) throw new GitFout(`git ${args[0]} could not run: ${r.error.message}`);
  if (r.status !== 0) throw new GitFout(`git ${args.join(' ')} failed: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

/** Whether git exits 0 (a ref that exists, a remote branch that exists). */
function gitOk(args: string[]): boolean {
  return spawnSync('git', args, { stdio: 'ignore' }).status === 0;
}

export function docsVersionBranchCommand(
  site: string,
  options: { branch: string; version: string; push?: string },
): number {
  const fail = (m: string, code = EXIT_USAGE): number => {
    process.stderr.write(`mimgen docs-version: ${m}\n`);
    return code;
  };
  if (!gitOk(['rev-parse', '--git-dir'])) return fail('this folder is not in a git repository; --branch needs one');
  if (!gitOk(['check-ref-format', '--branch', options.branch]))
    return fail(`"${options.branch}" is not a valid branch name`);
  const ref = `refs/heads/${options.branch}`;
  const temp = mkdtempSync(join(tmpdir(), 'mimgen-docs-branch-'));
  try {
    if (options.push !== undefined) {
      // The remote's branch is the truth (a release job's checkout has only the tag): taken as the base when it
      // exists there; a first release starts the branch.
      if (gitOk(['ls-remote', '--exit-code', '--heads', options.push, ref]))
        git([
          'fetch',
          '--quiet',
          '--no-tags',
          // A shallow clone (actions/checkout's default) needs the tip only: the commit goes on top of it.
          ...(git(['rev-parse', '--is-shallow-repository']).trim() === 'true' ? ['--depth=1'] : []),
          options.push,
          `+${ref}:${ref}`,
        ]);
    }
    const base = gitOk(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
      ? git(['rev-parse', `${ref}^{commit}`]).trim()
      : undefined;
    const gitDir = git(['rev-parse', '--absolute-git-dir']).trim();
    const tree = join(temp, 'tree');
    mkdirSync(tree);
    const env = { GIT_DIR: gitDir, GIT_WORK_TREE: tree, GIT_INDEX_FILE: join(temp, 'index') };
    if (base) {
      git(['read-tree', base], env, tree);
      git(['checkout-index', '--all', '--force'], env, tree);
    }
    const r = addVersion(site, tree, options.version);
    if ('fout' in r) return fail(r.fout);
    // GitHub Pages would run the folder through Jekyll, which leaves out paths that start with _ or .
    writeFileSync(join(tree, '.nojekyll'), '');
    git(['add', '--all', '--force', '.'], env, tree);
    const written = git(['write-tree'], env, tree).trim();
    if (base && git(['rev-parse', `${base}^{tree}`]).trim() === written) {
      process.stderr.write(
        `mimgen docs-version: ${options.version} is on ${options.branch} as it is; nothing to commit\n`,
      );
    } else {
      const commit = git(
        ['commit-tree', written, ...(base ? ['-p', base] : []), '-m', `docs: ${options.version}`],
        env,
        tree,
      ).trim();
      git(['update-ref', '-m', `mimgen docs-version ${options.version}`, ref, commit, base ?? '']);
      process.stderr.write(
        `mimgen docs-version: ${options.version} committed to ${options.branch} (${commit.slice(0, 7)}); ${r.versions} version(s), latest = ${r.newest}\n`,
      );
    }
    if (options.push !== undefined) {
      git(['push', '--quiet', options.push, `${ref}:${ref}`]);
      process.stderr.write(`mimgen docs-version: pushed ${options.branch} to ${options.push}\n`);
    }
    return EXIT_OK;
  } catch (e) {
    if (e instanceof GitFout) return fail(e.message, EXIT_FINDINGS);
    throw e;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
