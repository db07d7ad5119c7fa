/**
 * scripts/site.ts (npm run site) with Debian's mkdocs: a site is rebuilt into its own folder, a folder of
 * something else is never emptied, mkdocs --strict refusing the docs is an error with mkdocs' words, and the
 * command says so in one line with exit 2 or 1, no stack trace. Skipped when mkdocs is missing outside CI.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, DEFAULT_MKDOCS, MkdocsMissing } from '../../scripts/site.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const skip = !existsSync(DEFAULT_MKDOCS) && process.env.CI !== 'true';
if (skip) console.warn(`test/site: skipped, ${DEFAULT_MKDOCS} is not installed; under CI=true this fails`);
const temp = mkdtempSync(join(tmpdir(), 'mimgen-site-build-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A repository root with a copy of one model's generated docs, to break. */
function copyRoot(name: string): string {
  const root = join(temp, name);
  mkdirSync(join(root, 'generated', 'vroegsignalering'), { recursive: true });
  cpSync(join(ROOT, 'generated', 'vroegsignalering', 'docs'), join(root, 'generated', 'vroegsignalering', 'docs'), {
    recursive: true,
  });
  return root;
}

describe('npm run site', () => {
  it('says where mkdocs is missing and how to install it', async () => {
    await expect(buildSite(join(temp, 'x'), { mkdocs: join(temp, 'no-mkdocs') })).rejects.toThrow(MkdocsMissing);
    await expect(buildSite(join(temp, 'x'), { mkdocs: join(temp, 'no-mkdocs') })).rejects.toThrow(
      /no-mkdocs is not installed: apt-get install mkdocs mkdocs-material/,
    );
  });

  it('says to generate first when there is nothing to build from', async () => {
    const root = join(temp, 'leeg');
    mkdirSync(root);
    const options = { root, mkdocs: process.execPath };
    await expect(buildSite(join(temp, 'leeg-site'), options)).rejects.toThrow(
      `${join(root, 'generated')} does not exist: run npm run generate`,
    );
    mkdirSync(join(root, 'generated'));
    await expect(buildSite(join(temp, 'leeg-site'), options)).rejects.toThrow(
      'no model has documentation under generated/: run npm run generate',
    );
    expect(existsSync(join(temp, 'leeg-site'))).toBe(false);
  });

  it.skipIf(skip)(
    'rebuilds a site into its own folder, with a version selector when given a version',
    async () => {
      const out = join(temp, 'site');
      const first = await buildSite(out);
      expect(existsSync(join(out, 'vroegsignalering', 'hoofdlijnen.html'))).toBe(true);
      const second = await buildSite(out, { version: '0.9' });
      expect(second.pages).toEqual(first.pages);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('"version": {"provider": "mike"}');
      console.log(
        `test/site: mkdocs build --strict ${Math.round(first.millis)} ms, rebuilt ${Math.round(second.millis)} ms`,
      );
    },
    60_000,
  );

  it.skipIf(skip)(
    'never empties a folder that holds something else, and says so without a stack trace',
    () => {
      const out = join(temp, 'werk');
      mkdirSync(out);
      writeFileSync(join(out, 'notities.txt'), 'mijn werk');
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/site.ts', '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe(
        `site: ${out} is not empty and holds no site built before: choose an empty or new folder`,
      );
      expect(readFileSync(join(out, 'notities.txt'), 'utf8')).toBe('mijn werk');
    },
    60_000,
  );

  it.skipIf(skip)(
    "fails with mkdocs' own words when --strict refuses the docs, leaving no site",
    async () => {
      const root = copyRoot('broken');
      const page = join(root, 'generated', 'vroegsignalering', 'docs', 'definities.md');
      writeFileSync(page, `${readFileSync(page, 'utf8')}\nZie [de bijlage](bijlage.md).\n`);
      const out = join(temp, 'broken-site');
      const error = await buildSite(out, { root }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/^mkdocs build --strict failed \(exit 1\):/);
      expect((error as Error).message).toMatch(/vroegsignalering\/definities\.md.*bijlage\.md/s);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(`${out}.tmp-${process.pid}`)).toBe(false);
    },
    60_000,
  );
});
