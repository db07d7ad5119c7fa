/** The CLI runs compiled: from dist/, with no tsx and no TypeScript module loaded at run time. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, mimgen, noStack, ROOT } from './support.ts';

beforeAll(assertBuilt);

describe('the compiled CLI', () => {
  it('--version prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = mimgen([flag]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it('--help lists the commands and --version', () => {
    const r = mimgen(['--help']);
    expect(r.status).toBe(0);
    for (const command of [
      'lint',
      'generate',
      'import-xmi',
      'import',
      'export',
      'diff',
      'validate',
      'release',
      'site',
      'docs-version',
      'publish',
    ])
      expect(r.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(r.stdout).toContain('--version');
  });

  it('lints a model of this repository', () => {
    const r = mimgen(['lint', 'vroegsignalering']);
    expect(r.stderr).toContain('model/vroegsignalering: 0 error(s), 0 warning(s)');
    expect(r.status).toBe(0);
  });

  it('a usage error is exit 2 without a stack trace', () => {
    const r = mimgen(['lint', '--no-such-option']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("error: unknown option '--no-such-option'");
    expect(noStack(r.stderr)).toBe(true);
  });

  it('bin/mimgen.js loads dist/, not the TypeScript sources', () => {
    const bin = readFileSync(join(ROOT, 'bin', 'mimgen.js'), 'utf8');
    expect(bin).toContain("'../dist/cli/main.js'");
    expect(bin).not.toMatch(/tsx|generator\//);
  });
});
