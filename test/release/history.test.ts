/**
 * The history test of issue 19, item 5: a standard's repository (mimgen init) built here in git, released four
 * times with `mimgen release`: the first release, a mimgen fix (output alone), an optional field added, a
 * required field added → 1.0.0, 1.0.1, 1.1.0, 2.0.0, each with its CHANGELOG entry and tag; and the refusals
 * (dirty tree, stale generated/, a model that does not lint), each with its message and exit code, nothing
 * done. After each release it does what the workflow's release and docs jobs do:
 *
 * - `mimgen publish` to Verdaccio on 127.0.0.1 (started here, test/release/verdaccio.ts), the runtime with the
 *   first release (`--runtime`); at the end `npm view` lists the four versions and a fresh consumer that
 *   installs `@t/boek@^1.0.0` gets 1.1.0, whose optional field pagina it validates;
 * - the docs job's two mimgen steps, read from the repository's .github/workflows/mimgen.yml and run by bash as
 *   written (npx is a shim for this build's bin/mimgen.js; TAG and RUNNER_TEMP as Actions sets them):
 *   `mimgen site --as <version>` and `mimgen docs-version --branch gh-pages --push origin`, to a bare origin.
 *   origin's gh-pages then holds each version beside the others in mike's layout, with the package's version on
 *   its pages.
 *
 * The CHANGELOG and versions.json it produced are printed and written to test-results/release-history.md and
 * test-results/release-versions.json.
 *
 * The optional field is added to a closed object (as init writes it): mimgen diff says it breaks receivers,
 * and the release rule makes it a minor release all the same (see the README's decision and brekendVoorRelease).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_MKDOCS } from '../../generator/cli/site.ts';
import { assertBuilt, BIN, env, git, mimgen, noStack, removeTemps, ROOT, tempDir } from '../init/support.ts';
import { installInto, publishDeps, startVerdaccio, type Registry } from './verdaccio.ts';

/** The docs versions need Debian's mkdocs; without it (outside CI) that part is skipped with a line. */
const MKDOCS = existsSync(DEFAULT_MKDOCS);
if (!MKDOCS) {
  if (process.env.CI === 'true') throw new Error(`${DEFAULT_MKDOCS} is missing; CI installs mkdocs`);
  console.warn(`history test: ${DEFAULT_MKDOCS} is missing, the docs versions are not built`);
}

let registry: Registry;

beforeAll(async () => {
  assertBuilt();
  registry = await startVerdaccio();
}, 60_000);
afterAll(() => {
  registry?.stop();
  removeTemps();
});

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
    const werk = tempDir('mimgen-release-werk-');
    publishDeps(registry, werk);
    // origin, where the docs job pushes gh-pages.
    const origin = join(werk, 'origin.git');
    git(['init', '-q', '--bare', origin], werk);
    // npx as the workflow calls it, for this build of mimgen.
    const shims = join(werk, 'bin');
    mkdirSync(shims);
    writeFileSync(
      join(shims, 'npx'),
      `#!/bin/sh\n[ "$1" = mimgen ] || { echo "npx shim: only mimgen" >&2; exit 127; }\nshift\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`,
    );
    chmodSync(join(shims, 'npx'), 0o755);
    /** A step of the docs job, by name, run by bash as Actions runs it: its env, TAG the release tag, RUNNER_TEMP. */
    const docsStep = (naam: string, tag: string, runnerTemp: string): void => {
      const workflow = parse(readFileSync(join(repo, '.github/workflows/mimgen.yml'), 'utf8')) as {
        jobs: { docs: { steps: { name?: string; run?: string; env?: Record<string, string> }[] } };
      };
      const step = workflow.jobs.docs.steps.find((s) => s.name === naam);
      expect(step?.run, `the docs job's step ${naam}`).toBeDefined();
      const stepEnv = Object.fromEntries(
        Object.entries(step!.env ?? {}).map(([k, v]) => [k, v === '${{ github.ref_name }}' ? tag : v]),
      );
      const r = spawnSync('bash', ['-eo', 'pipefail', '-c', step!.run!], {
        cwd: repo,
        encoding: 'utf8',
        env: env({ ...stepEnv, PATH: `${shims}:${process.env.PATH ?? ''}`, RUNNER_TEMP: runnerTemp }),
      });
      expect(r.status, `${naam}: ${r.stderr}`).toBe(0);
      expect(noStack(r.stderr)).toBe(true);
    };
    /** What the workflow does with a release tag: publish (the runtime with the first), then the docs job. */
    const uitgebracht = (versie: string): void => {
      const p = mimgen(
        ['publish', '--registry', registry.url, ...(versie === '1.0.0' ? ['--runtime', join(ROOT, 'runtime')] : [])],
        repo,
        { npm_config_userconfig: registry.npmrc },
      );
      expect(p.status, p.stderr).toBe(0);
      if (!MKDOCS) return;
      const head = git(['rev-parse', 'HEAD'], repo);
      // One job: its steps share RUNNER_TEMP.
      const runnerTemp = tempDir('mimgen-runner-temp-');
      docsStep('mimgen site', TAG(versie), runnerTemp);
      docsStep('mimgen docs-version', TAG(versie), runnerTemp);
      // The working tree, the index and the branch are as they were: gh-pages is written with plumbing.
      expect(git(['status', '--porcelain'], repo)).toBe('');
      expect(git(['rev-parse', 'HEAD'], repo)).toBe(head);
      expect(git(['symbolic-ref', 'HEAD'], repo).trim()).toBe('refs/heads/main');
    };
    expect(mimgen(['init', '.', '--model', 'boek', '--scope', '@t'], repo).status).toBe(0);
    const im = join(repo, 'model/boek/informatiemodel.yaml');
    const um = join(repo, 'model/boek/uitwisselmodel.yaml');
    git(['init', '-q', '-b', 'main'], repo);
    git(['remote', 'add', 'origin', origin], repo);
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
    uitgebracht('1.0.0');
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
    uitgebracht('1.0.1');

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
    uitgebracht('1.1.0');

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
    uitgebracht('2.0.0');
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
    console.log(`history test: model/boek/CHANGELOG.md\n${changelog}`);

    // The registry has the four releases; ^1.0.0 gets 1.1.0, with the optional field pagina of 1.1.0.
    const view = registry.npm(['view', '@t/boek', 'versions', '--json'], werk);
    expect(view.status, view.out).toBe(0);
    expect(JSON.parse(view.out.slice(0, view.out.lastIndexOf(']') + 1))).toEqual(['1.0.0', '1.0.1', '1.1.0', '2.0.0']);
    const consument = join(werk, 'consument');
    mkdirSync(consument);
    const installed = installInto(registry, consument, '@t/boek@^1.0.0');
    expect(installed.status, installed.out).toBe(0);
    expect(installed.version).toBe('1.1.0');
    const melding = { kenmerk: 'M-1', meldingsdatum: '2026-01-02', status: 'Ontvangen' };
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        [
          "import { validate } from '@t/boek';",
          `const bericht = (m) => ({ aanleverdatumEnTijd: '2026-01-05T09:00:00Z', meldingen: [m] });`,
          `console.log(JSON.stringify([validate(bericht(${JSON.stringify(melding)})).valid, validate(bericht(${JSON.stringify({ ...melding, pagina: '12' })})).valid, validate(bericht(${JSON.stringify({ ...melding, titel: 'T' })})).valid]));`,
        ].join('\n'),
      ],
      { cwd: consument, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    // 1.1.0: pagina is a field, titel (2.0.0's) is not.
    expect(JSON.parse(run.stdout)).toEqual([true, true, false]);

    if (MKDOCS) {
      // origin's gh-pages, as the docs job left it after four releases.
      const show = (path: string): string => git(['--git-dir', origin, 'show', `gh-pages:${path}`], werk);
      const paden = git(['--git-dir', origin, 'ls-tree', '-r', '--name-only', 'gh-pages'], werk).split('\n');
      const versionsJson = show('versions.json');
      const versions = JSON.parse(versionsJson) as { version: string; aliases: string[] }[];
      expect(versions.map((v) => v.version)).toEqual(['2.0.0', '1.1.0', '1.0.1', '1.0.0']);
      expect(versions[0]!.aliases).toEqual(['latest']);
      for (const v of versions) {
        expect(paden, v.version).toContain(`${v.version}/boek/index.html`);
        // The package's own version on its pages, beside the model's (0.1).
        const pagina = show(`${v.version}/boek/index.html`);
        expect(pagina, v.version).toMatch(
          new RegExp(`Versie van het npm-pakket</td>\\s*<td[^>]*>${v.version.replaceAll('.', '\\.')}<`),
        );
        expect(pagina).toContain('Boek, versie 0.1');
      }
      expect(paden).toContain('.nojekyll');
      expect(show('latest/boek/index.html')).toContain('../../2.0.0/boek/index.html');
      expect(show('index.html')).toContain('latest/index.html');
      // Material's version selector: the built pages are configured for mike's versions.json.
      expect(show('2.0.0/index.html')).toContain('mike');
      // One commit per release on gh-pages, each on top of the one before.
      expect(git(['--git-dir', origin, 'log', '--format=%s', 'gh-pages'], werk).trim().split('\n')).toEqual(
        ['2.0.0', '1.1.0', '1.0.1', '1.0.0'].map((v) => `docs: ${v}`),
      );
      writeFileSync(join(results, 'release-versions.json'), versionsJson);
      console.log(`history test: versions.json on gh-pages\n${versionsJson}`);
    }
  }, 600_000);
});
