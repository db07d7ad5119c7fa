/**
 * A crash (a bug in mimgen) is not bad input: it exits with a code of its own (70), says it is a bug and what
 * to report, and prints the stack the report needs. Bad input keeps exit 2 and never shows a stack.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT_INTERNAL, EXIT_USAGE } from '../../generator/cli/exit-codes.ts';
import { assertBuilt, mimgen, noStack, ROOT } from './support.ts';

const CRASH = join(ROOT, 'test', 'helpers', 'crash-on-output.mjs');

beforeAll(() => assertBuilt());

describe('an internal error', () => {
  it('exits 70, says it is a bug and not the input, and names what to report', () => {
    const r = mimgen(['lint', 'test/fixtures/lint/duplicate-id'], ROOT, { NODE_OPTIONS: `--import ${CRASH}` });
    expect(r.status).toBe(EXIT_INTERNAL);
    expect(EXIT_INTERNAL).not.toBe(EXIT_USAGE);
    expect(r.stderr).toContain('mimgen: internal error: simulated bug: cannot read properties of undefined');
    expect(r.stderr).toContain('This is a bug in mimgen, not a problem with your input');
    expect(r.stderr).toContain('the command: mimgen lint test/fixtures/lint/duplicate-id');
    expect(r.stderr).toMatch(/the versions: mimgen \d+\.\d+\.\d+, Node \d+/);
    expect(r.stderr, 'the stack, for the report').toMatch(/TypeError: simulated bug[^\n]*\n\s+at /);
  });

  it('is not what bad input gets: exit 2, the problem named, no stack', () => {
    const r = mimgen(['lint', 'test/fixtures/lint-does-not-exist']);
    expect(r.status).toBe(EXIT_USAGE);
    expect(r.stderr + r.stdout).toMatch(
      /test\/fixtures\/lint-does-not-exist:1:1 {2}error {2}unreadable {2}no such model folder/,
    );
    expect(r.stderr).not.toContain('internal error');
    expect(noStack(r.stderr)).toBe(true);
  });
});
