/**
 * `mimgen init`: the repository it scaffolds lints clean and generates with the CLI of this repository,
 * an existing package.json, README and .gitignore are merged or kept, and a folder that is set up already
 * (or a bad option) is refused with exit 2 and nothing written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { finishWrite, writeFilesAtOnce } from '../../generator/cli/writer.ts';
import { assertBuilt, mimgen, noStack, removeTemps, ROOT, snapshot, tempDir } from './support.ts';

const VERSIE = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

beforeAll(assertBuilt);
afterAll(removeTemps);

describe('mimgen init', () => {
  it('scaffolds a repository whose model lints clean and generates', () => {
    const werk = tempDir('mimgen-init-');
    const r = mimgen(['init', 'Catalogus Bibliotheek'], werk);
    expect(r.status, r.stderr).toBe(0);
    const repo = join(werk, 'Catalogus Bibliotheek');
    // The model name is the folder's name as a slug.
    for (const f of [
      'package.json',
      'mimgen.config.yaml',
      'model/catalogus-bibliotheek/informatiemodel.yaml',
      'model/catalogus-bibliotheek/uitwisselmodel.yaml',
      'model/gedeeld/datatypes.yaml',
      'README.md',
      '.github/workflows/mimgen.yml',
      '.gitignore',
    ]) {
      expect(existsSync(join(repo, f)), f).toBe(true);
      expect(r.stdout).toContain(`created  ${f}`);
    }
    expect(r.stdout).toContain('npm run generate');
    expect(r.stdout).toContain('npm test');

    const lint = mimgen(['lint'], repo);
    expect(lint.stdout).toBe('');
    expect(lint.status, lint.stderr).toBe(0);
    const generate = mimgen(['generate'], repo);
    expect(generate.status, generate.stderr).toBe(0);
    const pakket = JSON.parse(
      readFileSync(join(repo, 'generated', 'catalogus-bibliotheek', 'package.json'), 'utf8'),
    ) as { name: string };
    expect(pakket.name).toBe('catalogus-bibliotheek');
    expect(existsSync(join(repo, 'generated', 'catalogus-bibliotheek', 'uitwisselmodel.schema.json'))).toBe(true);
    expect(mimgen(['generate', '--check'], repo).status).toBe(0);
  });

  it('writes package.json with mimgen pinned and the scripts, and the files point the editor at the schemas in node_modules/mimgen', () => {
    const repo = join(tempDir('mimgen-init-'), 'standaard');
    const r = mimgen(
      ['init', repo, '--model', 'bibliotheek', '--scope', '@voorbeeld', '--naam', 'Bibliotheek: "uitleen" # en meer'],
      ROOT,
    );
    expect(r.status, r.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
      name: string;
      private: boolean;
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg).toMatchObject({ name: 'standaard', private: true, devDependencies: { mimgen: VERSIE } });
    expect(pkg.scripts).toMatchObject({
      lint: 'mimgen lint',
      generate: 'mimgen generate',
      check: 'mimgen lint && mimgen generate --check',
    });
    expect(pkg.scripts.test).toBeDefined();

    const config = readFileSync(join(repo, 'mimgen.config.yaml'), 'utf8');
    expect(config.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=node_modules/mimgen/schema/mimgen.config.schema.json',
    );
    expect(parse(config)).toEqual({
      models: 'model',
      output: 'generated',
      packages: { bibliotheek: '@voorbeeld/bibliotheek' },
      scope: '@voorbeeld',
    });
    for (const [file, schema] of [
      ['informatiemodel.yaml', 'informatiemodel.schema.json'],
      ['uitwisselmodel.yaml', 'uitwisselmodel.schema.json'],
    ] as const) {
      const first = readFileSync(join(repo, 'model', 'bibliotheek', file), 'utf8').split('\n')[0];
      expect(first).toBe(`# yaml-language-server: $schema=../../node_modules/mimgen/schema/${schema}`);
      // The schema it names is the one the package ships (node_modules/mimgen is this repository, installed).
      expect(existsSync(join(ROOT, 'schema', schema))).toBe(true);
    }
    // A naam with YAML's and Markdown's special characters lands intact.
    const im = parse(readFileSync(join(repo, 'model', 'bibliotheek', 'informatiemodel.yaml'), 'utf8')) as {
      informatiemodel: { naam: string };
    };
    expect(im.informatiemodel.naam).toBe('Bibliotheek: "uitleen" # en meer');
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    expect(readme.split('\n')[0]).toBe('# Bibliotheek: "uitleen" \\# en meer');
    // The README starts with the two commands.
    expect(readme.split('\n').slice(2, 6).join('\n')).toMatch(
      /^```sh\nnpm ci && npm run generate.*\nnpm (test|run check)\b.*\n```$/,
    );

    const lint = mimgen(['lint'], repo);
    expect(lint.status, `${lint.stdout}${lint.stderr}`).toBe(0);
    const generate = mimgen(['generate'], repo);
    expect(generate.status, generate.stderr).toBe(0);
    expect(
      (JSON.parse(readFileSync(join(repo, 'generated', 'bibliotheek', 'package.json'), 'utf8')) as { name: string })
        .name,
    ).toBe('@voorbeeld/bibliotheek');
  });

  it('writes the pull-request workflow: full history, node 20, npm ci, then npx mimgen check-pr with the token', () => {
    const repo = tempDir('mimgen-init-');
    expect(mimgen(['init', '--model', 'bibliotheek'], repo).status).toBe(0);
    const wf = parse(readFileSync(join(repo, '.github', 'workflows', 'mimgen.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: Record<
        string,
        { steps: { uses?: string; with?: Record<string, unknown>; run?: string; env?: Record<string, string> }[] }
      >;
    };
    expect(Object.keys(wf.on)).toEqual(['pull_request', 'push']);
    // The release job (issue 19): on a release tag, mimgen publish with provenance.
    expect(wf.on.push).toEqual({ tags: ['*@*'] });
    const release = wf.jobs.release as unknown as {
      permissions: Record<string, string>;
      steps: { run?: string; env?: Record<string, string> }[];
    };
    expect(release.permissions['id-token']).toBe('write');
    expect(release.steps.map((s) => s.run).filter(Boolean)).toEqual([
      'npm ci',
      'npx mimgen generate --check',
      'npx mimgen publish',
    ]);
    expect(release.steps.at(-1)!.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
    // The docs job (issue 19, item 3): after the publish, the tag's version of the site added to gh-pages, in a
    // job of its own, the only one that may push, without install scripts. test/release/history.test.ts runs
    // its two mimgen steps as they are written here.
    const docs = wf.jobs.docs as unknown as {
      needs: string;
      permissions: Record<string, string>;
      concurrency: { group: string; 'cancel-in-progress': boolean };
      steps: { run?: string; env?: Record<string, string> }[];
    };
    expect(docs.needs).toBe('release');
    expect(docs.permissions).toEqual({ contents: 'write' });
    expect(docs.concurrency['cancel-in-progress']).toBe(false);
    expect(docs.steps.map((s) => s.run).filter(Boolean)).toEqual([
      'npm ci --ignore-scripts',
      'sudo apt-get update -q && sudo apt-get install -y -q mkdocs mkdocs-material',
      'npx mimgen site --out "$RUNNER_TEMP/site" --as "${TAG##*@}"',
      'npx mimgen docs-version "$RUNNER_TEMP/site" --as "${TAG##*@}" --branch gh-pages --push origin',
    ]);
    for (const step of docs.steps.slice(-2)) expect(step.env?.TAG).toBe('${{ github.ref_name }}');
    expect(docs.steps.at(-1)!.env?.GIT_COMMITTER_NAME).toBe('github-actions[bot]');
    expect((wf.jobs.release as unknown as { permissions: Record<string, string> }).permissions.contents).toBe('read');
    expect(wf.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', issues: 'write' });
    const steps = Object.values(wf.jobs)[0]!.steps;
    expect(steps[0]).toMatchObject({ uses: expect.stringMatching(/^actions\/checkout@/), with: { 'fetch-depth': 0 } });
    expect(steps[1]).toMatchObject({
      uses: expect.stringMatching(/^actions\/setup-node@/),
      with: { 'node-version': 20 },
    });
    expect(steps[2]!.run).toBe('npm ci');
    expect(steps).toHaveLength(4);
    expect(steps[3]!.run).toBe('npx mimgen check-pr --base "origin/$BASE_REF"');
    expect(steps[3]!.env).toEqual({ BASE_REF: '${{ github.base_ref }}', GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' });
  });

  it('merges with what npm install made: the mimgen dependency stays, scripts are added; a README of its own is kept', () => {
    const repo = tempDir('mimgen-init-');
    const bestaand = {
      name: 'mijn-standaard',
      version: '1.0.0',
      scripts: { test: 'echo "Error: no test specified" && exit 1', lint: 'eigen lint' },
      dependencies: { mimgen: 'file:../mimgen-0.1.0.tgz' },
    };
    writeFileSync(join(repo, 'package.json'), `${JSON.stringify(bestaand, null, 2)}\n`);
    writeFileSync(join(repo, 'README.md'), '# Mijn standaard\n');
    writeFileSync(join(repo, '.gitignore'), 'node_modules\n*.log');
    const r = mimgen(['init', '.', '--model', 'bibliotheek'], repo);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('merged   package.json');
    expect(r.stdout).toContain('kept     README.md');
    expect(r.stdout).toContain('merged   .gitignore');
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Record<string, unknown> & {
      scripts: Record<string, string>;
    };
    expect(pkg.name).toBe('mijn-standaard');
    expect(pkg.version).toBe('1.0.0');
    expect(pkg.dependencies).toEqual({ mimgen: 'file:../mimgen-0.1.0.tgz' });
    expect(pkg.devDependencies).toBeUndefined();
    expect(pkg.scripts.lint).toBe('eigen lint');
    expect(pkg.scripts.generate).toBe('mimgen generate');
    // npm init's failing placeholder is replaced by a test that checks.
    expect(pkg.scripts.test).not.toContain('no test specified');
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('# Mijn standaard\n');
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toBe(
      'node_modules\n*.log\n.generated.tmp-*/\n.generated.old-*/\n',
    );
  });

  it('refuses a folder that is set up already, or holds the model, with exit 2 and nothing written', () => {
    const repo = tempDir('mimgen-init-');
    expect(mimgen(['init', '--model', 'bibliotheek'], repo).status).toBe(0);
    const voor = snapshot(repo);
    for (const args of [['init'], ['init', '--model', 'bibliotheek'], ['init', '--model', 'ander']]) {
      const r = mimgen(args, repo);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('mimgen.config.yaml');
      expect(r.stderr).toContain('nothing written');
      expect(noStack(r.stderr)).toBe(true);
    }
    expect(snapshot(repo)).toEqual(voor);

    const ander = tempDir('mimgen-init-');
    mkdirSync(join(ander, 'model', 'bibliotheek'), { recursive: true });
    writeFileSync(join(ander, 'model', 'bibliotheek', 'eigen.yaml'), 'objecttypen: []\n');
    writeFileSync(join(ander, 'package.json'), '{ "name": "x" }\n');
    const voorAnder = snapshot(ander);
    const r = mimgen(['init', '--model', 'bibliotheek'], ander);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('model/bibliotheek');
    expect(snapshot(ander)).toEqual(voorAnder);
  });

  it('refuses bad input with exit 2, a message that says what to do, and nothing written', () => {
    const repo = tempDir('mimgen-init-');
    writeFileSync(join(repo, 'package.json'), '{ "name": "x", }\n');
    const cases: [string[], RegExp][] = [
      [['init', '--model', '../x'], /not a model name/],
      [['init', '--model', '__proto__'], /not a model name/],
      [['init', '--model', 'gedeeld'], /shared files/],
      [['init', '--model', 'bibliotheek', '--scope', '@Hoofd Letters'], /not an npm scope/],
      [['init', '--model', 'bibliotheek'], /package\.json is not valid JSON.*correct or remove it/],
      [['init', 'package.json'], /is a file, not a folder/],
    ];
    const voor = snapshot(repo);
    for (const [args, message] of cases) {
      const r = mimgen(args, repo);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(noStack(r.stderr)).toBe(true);
    }
    expect(snapshot(repo)).toEqual(voor);

    // mimgen's own repository is not a standard's.
    const eigen = tempDir('mimgen-init-');
    writeFileSync(join(eigen, 'package.json'), '{ "name": "mimgen", "version": "0.1.0" }\n');
    const r = mimgen(['init', '--model', 'bibliotheek'], eigen);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("mimgen's own repository");
    expect(snapshot(eigen)).toEqual({ 'package.json': '{ "name": "mimgen", "version": "0.1.0" }\n' });
  });
});

describe('writeFilesAtOnce', () => {
  it('writes every file, leaving no staging folder', () => {
    const dir = tempDir('mimgen-write-');
    writeFileSync(join(dir, 'bestaand.txt'), 'oud');
    writeFilesAtOnce(
      dir,
      new Map([
        ['a/b/c.txt', 'c'],
        ['bestaand.txt', 'nieuw'],
      ]),
    );
    expect(snapshot(dir)).toEqual({ 'a/b/c.txt': 'c', 'bestaand.txt': 'nieuw' });
  });

  it('refuses a path outside the folder or where a folder is, before writing anything', () => {
    const dir = tempDir('mimgen-write-');
    mkdirSync(join(dir, 'map'));
    expect(() =>
      writeFilesAtOnce(
        dir,
        new Map([
          ['ok.txt', 'x'],
          ['../buiten.txt', 'x'],
        ]),
      ),
    ).toThrow(/outside/);
    expect(() =>
      writeFilesAtOnce(
        dir,
        new Map([
          ['ok.txt', 'x'],
          ['map', 'x'],
        ]),
      ),
    ).toThrow(/is a folder/);
    expect(snapshot(dir)).toEqual({});
  });

  it('after a kill: a half-built stage is dropped, a complete one is moved into place', () => {
    const dir = tempDir('mimgen-write-');
    mkdirSync(join(dir, '.mimgen-write.tmp-99999', 'x'), { recursive: true });
    writeFileSync(join(dir, '.mimgen-write.tmp-99999', 'x', 'half.txt'), 'half');
    expect(finishWrite(dir)).toBe(false);
    expect(snapshot(dir)).toEqual({});

    // Killed while moving: one file is in place, the other still in the stage.
    mkdirSync(join(dir, '.mimgen-write.ready', 'model'), { recursive: true });
    writeFileSync(join(dir, '.mimgen-write.ready', 'model', 'b.yaml'), 'b');
    writeFileSync(join(dir, 'a.yaml'), 'a');
    expect(finishWrite(dir)).toBe(true);
    expect(snapshot(dir)).toEqual({ 'a.yaml': 'a', 'model/b.yaml': 'b' });
  });
});
