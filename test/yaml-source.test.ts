import { describe, expect, it } from 'vitest';
import { Findings } from '../generator/diagnostics/findings.ts';
import { parseYamlFile } from '../generator/model/yaml-source.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseYamlFile', () => {
  // It parses with a plain copy of process.env (see metGewoneEnv): the real one must be back afterwards,
  // whatever the parse ran into.
  it.each([
    ['a valid file', 'informatiemodel:\n  naam: Test\n'],
    ['a syntax error', 'a: [1, 2\nb: "open\n'],
    ['nesting that exhausts the stack', `x: ${'['.repeat(10_000)}\n`],
    ['a duplicate key', 'a: 1\na: 2\n'],
  ])('gives process.env back after %s', (_, text) => {
    const env = process.env;
    env.MIMGEN_TEST_ENV = 'gezet';
    try {
      const findings = new Findings();
      parseYamlFile('a.yaml', bytes(text), findings);
      expect(process.env).toBe(env);
      expect(process.env.MIMGEN_TEST_ENV).toBe('gezet');
    } finally {
      delete env.MIMGEN_TEST_ENV;
    }
  });

  it('reads the data and where each value stands', () => {
    const findings = new Findings();
    const file = parseYamlFile(
      'a.yaml',
      bytes('informatiemodel:\n  naam: Test\n  objecttypen:\n    - id: x\n'),
      findings,
    )!;
    expect(file.data).toEqual({ informatiemodel: { naam: 'Test', objecttypen: [{ id: 'x' }] } });
    expect(file.position(['informatiemodel', 'objecttypen', 0, 'id'])).toEqual({ file: 'a.yaml', line: 4, column: 11 });
    expect(findings.all).toEqual([]);
  });
});
