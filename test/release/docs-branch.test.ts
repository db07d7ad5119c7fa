/**
 * `mimgen docs-version --branch` (issue 19, item 3, what the docs job of the workflow runs): the versions kept on a
 * git branch, committed with plumbing so that the working tree, the index and HEAD stay as they were; what the
 * branch held besides (a CNAME) kept; the same version again is no new commit; and the refusals, each with its
 * exit code and message, no stack trace. A site is any folder with an index.html here (no mkdocs needed); the
 * history test runs the whole job with real sites and a remote.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, git, mimgen, noStack, removeTemps, tempDir } from '../init/support.ts';

beforeAll(assertBuilt);
afterAll(removeTemps);

function site(versie: string): string {
  const dir = join(tempDir('mimgen-docs-site-'), 'site');
  mkdirSync(join(dir, 'boek'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), `<p>${versie}</p>\n`);
  writeFileSync(join(dir, 'boek', 'index.html'), `<p>boek ${versie}</p>\n`);
  return dir;
}

function repository(): string {
  const repo = tempDir('mimgen-docs-repo-');
  git(['init', '-q', '-b', 'main'], repo);
  writeFileSync(join(repo, 'README.md'), 'x\n');
  git(['add', '-A'], repo);
  git(['commit', '-q', '-m', 'begin'], repo);
  return repo;
}

describe('mimgen docs-version --branch', () => {
  it('commits each version to the branch, keeps what else it holds, and leaves the checkout alone', () => {
    const repo = repository();
    writeFileSync(join(repo, 'werk.txt'), 'niet gecommit\n');
    const head = git(['rev-parse', 'HEAD'], repo);
    const een = mimgen(['docs-version', site('1.0.0'), '--as', '1.0.0', '--branch', 'gh-pages'], repo);
    expect(een.status, een.stderr).toBe(0);
    expect(een.stderr).toMatch(/1\.0\.0 committed to gh-pages \([0-9a-f]{7}\); 1 version\(s\), latest = 1\.0\.0/);
    // A CNAME the maintainer committed to gh-pages (a custom domain) stays.
    git(['checkout', '-q', 'gh-pages'], repo);
    writeFileSync(join(repo, 'CNAME'), 'docs.example.org\n');
    git(['add', 'CNAME'], repo);
    git(['commit', '-q', '-m', 'domein'], repo);
    git(['checkout', '-q', 'main'], repo);
    const twee = mimgen(['docs-version', site('1.1.0'), '--as', '1.1.0', '--branch', 'gh-pages'], repo);
    expect(twee.status, twee.stderr).toBe(0);
    const tree = git(['ls-tree', '-r', '--name-only', 'gh-pages'], repo).trim().split('\n');
    expect(tree).toEqual(
      expect.arrayContaining([
        '.nojekyll',
        'CNAME',
        '1.0.0/index.html',
        '1.1.0/boek/index.html',
        'latest/boek/index.html',
        'index.html',
        'versions.json',
      ]),
    );
    expect(git(['show', 'gh-pages:1.1.0/boek/index.html'], repo)).toBe('<p>boek 1.1.0</p>\n');
    expect(git(['log', '--format=%s', 'gh-pages'], repo).trim().split('\n')).toEqual([
      'docs: 1.1.0',
      'domein',
      'docs: 1.0.0',
    ]);
    // The same site again: nothing to commit.
    const weer = mimgen(['docs-version', site('1.1.0'), '--as', '1.1.0', '--branch', 'gh-pages'], repo);
    expect(weer.status, weer.stderr).toBe(0);
    expect(weer.stderr).toContain('1.1.0 is on gh-pages as it is; nothing to commit');
    expect(git(['log', '--format=%s', '-1', 'gh-pages'], repo).trim()).toBe('docs: 1.1.0');
    // The checkout: the same branch and commit, the uncommitted file still uncommitted, nothing staged.
    expect(git(['rev-parse', 'HEAD'], repo)).toBe(head);
    expect(git(['symbolic-ref', 'HEAD'], repo).trim()).toBe('refs/heads/main');
    expect(git(['status', '--porcelain'], repo)).toBe('?? werk.txt\n');
  });

  it('refuses what it cannot do, with exit 2 (usage) or 1 (git refused) and a message, and commits nothing then', () => {
    const repo = repository();
    const s = site('1.0.0');
    const cases: [string[], Record<string, string>, number, string][] = [
      [['--as', '1.0.0'], {}, 2, 'give either --into <folder> or --branch <name>'],
      [['--as', '1.0.0', '--branch', 'gh-pages', '--into', 'x'], {}, 2, 'give either --into <folder> or --branch'],
      [['--as', '1.0.0', '--into', 'x', '--push', 'origin'], {}, 2, '--push goes with --branch'],
      [['--as', '1.0.0', '--branch', 'gh pages'], {}, 2, '"gh pages" is not a valid branch name'],
      [['--as', 'latest', '--branch', 'gh-pages'], {}, 2, '"latest" cannot be a version folder'],
      // No identity to commit with (a job without the workflow's GIT_* variables): git's own words.
      [
        ['--as', '1.0.0', '--branch', 'gh-pages'],
        { GIT_AUTHOR_NAME: '', GIT_COMMITTER_NAME: '' },
        1,
        'git commit-tree',
      ],
      [['--as', '1.0.0', '--branch', 'gh-pages', '--push', 'nergens'], {}, 1, 'git push --quiet nergens'],
    ];
    for (const [args, env, code, message] of cases) {
      const r = mimgen(['docs-version', s, ...args], repo, env);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr, args.join(' ')).toContain(`mimgen docs-version: ${message}`);
      expect(noStack(r.stderr)).toBe(true);
      if (code === 2) expect(git(['branch', '--list', 'gh-pages'], repo), args.join(' ')).toBe('');
    }
    const buiten = tempDir('mimgen-docs-buiten-');
    const r = mimgen(['docs-version', s, '--as', '1.0.0', '--branch', 'gh-pages'], buiten);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('this folder is not in a git repository; --branch needs one');
    const leeg = mimgen(['docs-version', tempDir('mimgen-docs-leeg-'), '--as', '1.0.0', '--branch', 'x'], repo);
    expect(leeg.status).toBe(2);
    expect(leeg.stderr).toContain('holds no built site (no index.html); build it first, e.g. mimgen site --out');
    expect(git(['branch', '--list', 'x'], repo)).toBe('');
  });
});
