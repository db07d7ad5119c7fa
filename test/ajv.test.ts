import { describe, expect, it } from 'vitest';
import { draft7Gelijk, standaloneAjv } from '../generator/common/ajv.ts';

describe("the Ajv class of a package's validators", () => {
  const gewoon = {
    type: 'object',
    properties: {
      a: { $ref: '#/$defs/datum' },
      b: { type: 'array', items: { enum: ['x', 'y'] }, minItems: 1, uniqueItems: true },
    },
    required: ['a'],
    additionalProperties: false,
    $defs: { datum: { type: 'string', format: 'date', description: 'Een datum.' } },
  };

  it('takes draft-07 for schemas whose keywords read the same in draft-07 and 2020-12', () => {
    expect(draft7Gelijk(gewoon)).toBe(true);
    expect(standaloneAjv([gewoon]).constructor.name).toBe('Ajv');
    expect(
      draft7Gelijk({ properties: { 'vreemde naam': { type: 'string' }, unevaluatedProperties: { type: 'string' } } }),
    ).toBe(true);
  });

  it('takes 2020-12 as soon as one schema uses a keyword of 2020-12 alone, anywhere in it', () => {
    for (const anders of [
      { ...gewoon, unevaluatedProperties: false },
      { type: 'array', prefixItems: [{ type: 'string' }] },
      { type: 'array', items: [{ type: 'string' }] },
      { properties: { a: { $dynamicRef: '#x' } } },
      { $defs: { d: { dependentRequired: { a: ['b'] } } } },
      { $ref: 'https://example.org/ander.json' },
      { anyOf: [{ type: 'string' }, { not: { $anchor: 'x' } }] },
    ]) {
      expect(draft7Gelijk(anders), JSON.stringify(anders)).toBe(false);
      expect(standaloneAjv([gewoon, anders]).constructor.name).toBe('Ajv2020');
    }
    expect(standaloneAjv().constructor.name).toBe('Ajv2020');
  });

  it('validates alike with either class', () => {
    const documenten = [
      { a: '2025-01-31', b: ['x'] },
      { a: '2025-02-30' },
      { b: ['x', 'x', 'z'] },
      { a: 3, c: 1 },
      'geen object',
    ];
    const fouten = (ajv: ReturnType<typeof standaloneAjv>) => {
      const v = ajv.compile(gewoon);
      return documenten.map((d) =>
        v(d) ? [] : (v.errors ?? []).map((e) => `${e.keyword} ${e.instancePath} ${JSON.stringify(e.params)}`),
      );
    };
    expect(fouten(standaloneAjv([gewoon]))).toEqual(
      fouten(standaloneAjv([{ ...gewoon, unevaluatedProperties: false }])).map((f) =>
        f.filter((e) => !e.startsWith('unevaluated')),
      ),
    );
  });
});
