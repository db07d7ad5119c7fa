/**
 * The history test of issue 19, item 5: a standard's repository (mimgen init) built here in git, released four
 * times with `mimgen release`: the first release, a mimgen fix (output alone), an optional field added, a
 * required field added → 1.0.0, 1.0.1, 1.1.0, 2.0.0, each with its CHANGELOG entry and tag; and the refusals
 * (dirty tree, stale generated/, a model that does not lint), each with its message and exit code, nothing
 * done. The CHANGELOG it produced is written to test-results/release-history.md.
 *
 * The optional field is added to a closed object (as init writes it): mimgen diff says it breaks receivers,
 * and the release rule makes it a minor release all the same (see brekendVoorRelease in generator/release/).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, DEFAULT_MKDOCS } from '../../scripts/site.ts';
import { assertBuilt, git, mimgen, noStack, removeTemps, ROOT, tempDir } from '../init/support.ts';

/** The docs versions need Debian's mkdocs; without it (outside CI) that part is skipped with a line. */
const MKDOCS = existsSync(DEFAULT_MKDOCS);
if (!MKDOCS) {
  if (process.env.CI === 'true') throw new Error(`${DEFAULT_MKDOCS} is missing; CI installs mkdocs`);
  console.warn(`history test: ${DEFAULT_MKDOCS} is missing, the docs versions are not built`);
}

beforeAll(assertBuilt);
afterAll(removeTemps);

const TAG = (v: string): string => `@t/boek@${v}`;

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`nothing to replace in ${file}: ${String(from)}`);
  writeFileSync(file, next);
}

const attribuut = (naam: string, kardinaliteit: string): string =>
  [
    `      - id: boek.melding.${naam}`,
    `        naam: ${naam}`,
    `        definitie: De ${naam} van de melding.`,
    '        herkomst: Boek',
    '        type: AN40',
    `        kardinaliteit: "${kardinaliteit}"`,
    '',
  ].join('\n');

describe('mimgen release: a history of four releases', () => {
  it('releases 1.0.0, 1.0.1, 1.1.0, 2.0.0 with CHANGELOG entries, tags and docs versions, and refuses what it must', async () => {
    const repo = tempDir('mimgen-release-');
    // The docs kept side by side (what the release job deploys): each release's site built and added.
    const docs = join(tempDir('mimgen-release-docs-'), 'gh-pages');
    const docsVersion = async (versie: string): Promise<void> => {
      if (!MKDOCS) return;
      const site = join(tempDir('mimgen-release-site-'), 'site');
      await buildSite(site, { root: repo, version: versie, siteName: 'Boek' });
      const r = mimgen(['docs-version', site, '--into', docs, '--as', versie], repo);
      expect(r.status, r.stderr).toBe(0);
    };
    expect(mimgen(['init', '.', '--model', 'boek', '--scope', '@t'], repo).status).toBe(0);
    const im = join(repo, 'model/boek/informatiemodel.yaml');
    const um = join(repo, 'model/boek/uitwisselmodel.yaml');
    git(['init', '-q', '-b', 'main'], repo);
    const commit = (message: string): void => {
      git(['add', '-A'], repo);
      git(['commit', '-q', '-m', message], repo);
    };
    expect(mimgen(['generate'], repo).status).toBe(0);
    commit('begin');

    // The first release: the plan, then the release as 1.0.0 (the model is 0.1; --as leaves 0.x).
    const plan = mimgen(['release', '--dry-run', '--as', '1.0.0'], repo);
    expect(plan.status, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('@t/boek: (none) -> 1.0.0 (first release)');
    expect(git(['tag'], repo)).toBe('');
    const r1 = mimgen(['release', '--as', '1.0.0'], repo);
    expect(r1.status, r1.stderr).toBe(0);
    expect(git(['tag'], repo).trim()).toBe(TAG('1.0.0'));
    const pkg = (): { version: string; informatiemodel: { versie: string } } =>
      JSON.parse(readFileSync(join(repo, 'generated/boek/package.json'), 'utf8'));
    expect(pkg().version).toBe('1.0.0');
    await docsVersion('1.0.0');
    expect(pkg().informatiemodel.versie).toBe('0.1');
    expect(git(['status', '--porcelain'], repo)).toBe('');
    expect(mimgen(['generate', '--check'], repo).status).toBe(0);
    // Nothing changed since: nothing to release.
    const niets = mimgen(['release'], repo);
    expect(niets.status).toBe(0);
    expect(niets.stdout).toContain('nothing changed since 1.0.0');

    // A dirty tree is refused (exit 2), nothing done.
    writeFileSync(join(repo, 'los.txt'), 'x\n');
    const vuil = mimgen(['release'], repo);
    expect(vuil.status).toBe(2);
    expect(vuil.stderr).toContain('uncommitted changes');
    expect(noStack(vuil.stderr)).toBe(true);
    git(['clean', '-q', '-f'], repo);

    // A mimgen fix: the tag holds what an older mimgen wrote (a README with a line the fixed one no longer
    // writes), main what the fixed one writes. The model is the same: a patch.
    const main = git(['rev-parse', 'HEAD'], repo).trim();
    git(['checkout', '-q', '--detach'], repo);
    edit(join(repo, 'generated/boek/README.md'), /\n$/, '\nEen regel die de oude mimgen schreef.\n');
    commit('wat de oude mimgen schreef');
    git(['tag', '-f', TAG('1.0.0')], repo);
    git(['checkout', '-q', 'main'], repo);
    expect(git(['rev-parse', 'HEAD'], repo).trim()).toBe(main);
    const r2plan = mimgen(['release', '--dry-run'], repo);
    expect(r2plan.stdout).toContain('1.0.0 (@t/boek@1.0.0) -> 1.0.1 (patch:');
    expect(r2plan.stdout).toContain('output    generated/boek/README.md');
    expect(mimgen(['release'], repo).status).toBe(0);
    expect(pkg().version).toBe('1.0.1');
    await docsVersion('1.0.1');

    // An optional field: a minor release.
    edit(
      im,
      '      - id: boek.melding.omschrijving',
      `${attribuut('pagina', '0..1')}      - id: boek.melding.omschrijving`,
    );
    edit(um, /(        - naam: omschrijving\n)/, '$1        - naam: pagina\n');
    expect(mimgen(['generate'], repo).status).toBe(0);
    commit('pagina');
    const r3 = mimgen(['release'], repo);
    expect(r3.status, r3.stderr).toBe(0);
    expect(r3.stdout).toContain('1.0.1 (@t/boek@1.0.1) -> 1.1.0 (minor:');
    expect(pkg().version).toBe('1.1.0');
    await docsVersion('1.1.0');

    // A required field, committed without generating: stale generated/ is refused (exit 1).
    edit(
      im,
      '      - id: boek.melding.omschrijving',
      `${attribuut('titel', '1')}      - id: boek.melding.omschrijving`,
    );
    edit(um, /(        - naam: omschrijving\n)/, '$1        - naam: titel\n          verplicht: true\n');
    commit('titel, niet gegenereerd');
    const oud = mimgen(['release'], repo);
    expect(oud.status).toBe(1);
    expect(oud.stderr).toContain('generated/ is stale; run mimgen generate');
    expect(git(['tag'], repo).split('\n').filter(Boolean)).toHaveLength(3);
    // Generated: a major release.
    expect(mimgen(['generate'], repo).status).toBe(0);
    commit('titel gegenereerd');
    const r4 = mimgen(['release'], repo);
    expect(r4.status, r4.stderr).toBe(0);
    expect(r4.stdout).toContain('1.1.0 (@t/boek@1.1.0) -> 2.0.0 (major:');
    expect(r4.stdout).toMatch(/breaking {2}.*titel/);
    expect(pkg().version).toBe('2.0.0');
    await docsVersion('2.0.0');
    expect(git(['tag'], repo).trim().split('\n')).toEqual(['1.0.0', '1.0.1', '1.1.0', '2.0.0'].map(TAG));

    // A model that does not lint is refused (exit 1), with the finding.
    edit(im, 'type: AN500', 'type: AN5OO');
    commit('tikfout');
    const lint = mimgen(['release', '--dry-run'], repo);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('unresolved-reference');
    expect(lint.stderr).toContain('lint error(s) above');

    const changelog = readFileSync(join(repo, 'model/boek/CHANGELOG.md'), 'utf8');
    expect(readFileSync(join(repo, 'generated/boek/CHANGELOG.md'), 'utf8')).toBe(changelog);
    const koppen = [...changelog.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(koppen).toEqual(['2.0.0', '1.1.0', '1.0.1', '1.0.0']);
    expect(changelog).toContain('Major release ten opzichte van 1.1.0');
    expect(changelog).toContain('Patch release ten opzichte van 1.0.0');
    const results = join(ROOT, 'test-results');
    if (!existsSync(results)) mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'release-history.md'), changelog);
    if (MKDOCS) {
      const versions = JSON.parse(readFileSync(join(docs, 'versions.json'), 'utf8')) as {
        version: string;
        aliases: string[];
      }[];
      expect(versions.map((v) => v.version)).toEqual(['2.0.0', '1.1.0', '1.0.1', '1.0.0']);
      expect(versions[0]!.aliases).toEqual(['latest']);
      for (const v of versions) expect(existsSync(join(docs, v.version, 'boek', 'index.html')), v.version).toBe(true);
      expect(readFileSync(join(docs, 'latest', 'boek', 'index.html'), 'utf8')).toContain('../../2.0.0/boek/index.html');
      expect(readFileSync(join(docs, 'index.html'), 'utf8')).toContain('latest/index.html');
      // Material's version selector: the built pages are configured for mike's versions.json.
      expect(readFileSync(join(docs, '2.0.0', 'index.html'), 'utf8')).toContain('mike');
      writeFileSync(join(results, 'release-versions.json'), readFileSync(join(docs, 'versions.json'), 'utf8'));
    }
  }, 300_000);
});
