/**
 * The schema-level diff on pairs of small schemas constructed for each kind of change, each checked for
 * its classification.
 */
import { describe, expect, it } from 'vitest';
import { diffSchemas } from '../../generator/diff/schema-diff.ts';
import type { Json, JsonObject } from '../../generator/diff/types.ts';

const S = 'https://json-schema.org/draft/2020-12/schema';

function obj(properties: JsonObject, extra: JsonObject = {}): JsonObject {
  return { $schema: S, type: 'object', properties, ...extra };
}

/** The changes, without the bookkeeping fields, for comparison. */
function changes(a: Json, b: Json): { path: string; kind: string; breaksSenders: boolean; breaksReceivers: boolean }[] {
  return diffSchemas(a, b).map(({ path, kind, breaksSenders, breaksReceivers }) => ({
    path,
    kind,
    breaksSenders,
    breaksReceivers,
  }));
}

const niemand = { breaksSenders: false, breaksReceivers: false };
const verzenders = { breaksSenders: true, breaksReceivers: false };
const ontvangers = { breaksSenders: false, breaksReceivers: true };
const beide = { breaksSenders: true, breaksReceivers: true };

describe('schema diff: properties and required-ness', () => {
  it('an optional property added to a closed object breaks receivers only', () => {
    expect(
      changes(
        obj({ a: { type: 'string' } }, { additionalProperties: false }),
        obj({ a: { type: 'string' }, b: { type: 'integer' } }, { additionalProperties: false }),
      ),
    ).toEqual([{ path: '/b', kind: 'property-added', ...ontvangers }]);
  });

  it('an optional property with a type added to an open object breaks senders (a document could already have it otherwise)', () => {
    const [c] = diffSchemas(obj({ a: { type: 'string' } }), obj({ a: { type: 'string' }, b: { type: 'integer' } }));
    expect(c).toMatchObject({ path: '/b', kind: 'property-added', ...verzenders });
    expect(c!.message).toContain('het object is open');
  });

  it('a property that accepts anything added to an open object breaks nobody', () => {
    expect(changes(obj({}), obj({ b: { description: 'wat dan ook' } }))).toEqual([
      { path: '/b', kind: 'property-added', ...niemand },
    ]);
  });

  it('a required property added breaks senders, and receivers too when the object was closed', () => {
    expect(changes(obj({}), obj({ b: {} }, { required: ['b'] }))).toEqual([
      { path: '/b', kind: 'property-added', ...verzenders },
    ]);
    expect(
      changes(
        obj({}, { additionalProperties: false }),
        obj({ b: {} }, { required: ['b'], additionalProperties: false }),
      ),
    ).toEqual([{ path: '/b', kind: 'property-added', ...beide }]);
  });

  it('a property removed from a closed object breaks senders; from an open object, receivers', () => {
    expect(
      changes(
        obj({ a: { type: 'string' }, b: { type: 'string' } }, { additionalProperties: false }),
        obj({ a: { type: 'string' } }, { additionalProperties: false }),
      ),
    ).toEqual([{ path: '/b', kind: 'property-removed', ...verzenders }]);
    expect(changes(obj({ a: { type: 'string' }, b: { type: 'string' } }), obj({ a: { type: 'string' } }))).toEqual([
      { path: '/b', kind: 'property-removed', ...ontvangers },
    ]);
  });

  it('a required property removed from an open object breaks receivers', () => {
    expect(changes(obj({ b: {} }, { required: ['b'] }), obj({}))).toEqual([
      { path: '/b', kind: 'property-removed', ...ontvangers },
    ]);
  });

  it('a property made required breaks senders; made optional, receivers', () => {
    expect(changes(obj({ a: { type: 'string' } }), obj({ a: { type: 'string' } }, { required: ['a'] }))).toEqual([
      { path: '/a', kind: 'required-added', ...verzenders },
    ]);
    expect(changes(obj({ a: { type: 'string' } }, { required: ['a'] }), obj({ a: { type: 'string' } }))).toEqual([
      { path: '/a', kind: 'required-removed', ...ontvangers },
    ]);
  });

  it('the order of required and of properties is no change', () => {
    expect(
      changes(obj({ a: {}, b: {} }, { required: ['a', 'b'] }), obj({ b: {}, a: {} }, { required: ['b', 'a'] })),
    ).toEqual([]);
  });

  it('closing an object breaks senders; opening it breaks receivers', () => {
    expect(changes(obj({ a: {} }), obj({ a: {} }, { additionalProperties: false }))).toEqual([
      { path: '', kind: 'additional-properties-changed', ...verzenders },
    ]);
    expect(changes(obj({ a: {} }, { additionalProperties: false }), obj({ a: {} }))).toEqual([
      { path: '', kind: 'additional-properties-changed', ...ontvangers },
    ]);
  });

  it('a property renamed (same schema, same description) is one rename, breaking both ways in a closed object', () => {
    const a = obj(
      { geboortedatum: { type: 'string', format: 'date', description: 'De dag van geboorte.' } },
      { additionalProperties: false },
    );
    const b = obj(
      { geboorteDatum: { type: 'string', format: 'date', description: 'De dag van geboorte.' } },
      { additionalProperties: false },
    );
    const [c, ...rest] = diffSchemas(a, b);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ path: '/geboorteDatum', kind: 'property-renamed', ...beide });
    expect(c!.message).toBe('veld "geboortedatum" hernoemd naar "geboorteDatum"');
  });

  it('a removed and an added property without strong evidence stay a removal and an addition', () => {
    const kinds = changes(
      obj({ a: { type: 'string' } }, { additionalProperties: false }),
      obj({ b: { type: 'string' } }, { additionalProperties: false }),
    ).map((c) => c.kind);
    expect(kinds).toEqual(['property-added', 'property-removed']);
  });

  it('escapes property names in the path as a JSON pointer does', () => {
    expect(changes(obj({ 'a/b~c': { type: 'string' } }), obj({ 'a/b~c': { type: 'integer' } }))).toEqual([
      { path: '/a~1b~0c', kind: 'type-changed', ...beide },
    ]);
  });
});

describe('schema diff: values', () => {
  it('a narrower type breaks senders, a wider one receivers, another one both', () => {
    expect(changes(obj({ a: { type: 'number' } }), obj({ a: { type: 'integer' } }))).toEqual([
      { path: '/a', kind: 'type-changed', ...verzenders },
    ]);
    expect(changes(obj({ a: { type: 'integer' } }), obj({ a: { type: 'number' } }))).toEqual([
      { path: '/a', kind: 'type-changed', ...ontvangers },
    ]);
    expect(changes(obj({ a: { type: 'string' } }), obj({ a: { type: ['string', 'null'] } }))).toEqual([
      { path: '/a', kind: 'type-changed', ...ontvangers },
    ]);
    expect(changes(obj({ a: { type: 'string' } }), obj({ a: { type: 'boolean' } }))).toEqual([
      { path: '/a', kind: 'type-changed', ...beide },
    ]);
  });

  it('an enumeration value added breaks receivers, one removed breaks senders, reported per value', () => {
    const a = obj({ s: { type: 'string', enum: ['Open', 'Gesloten'] } });
    expect(changes(a, obj({ s: { type: 'string', enum: ['Open', 'Gesloten', 'Heropend'] } }))).toEqual([
      { path: '/s', kind: 'enum-value-added', ...ontvangers },
    ]);
    expect(changes(a, obj({ s: { type: 'string', enum: ['Open'] } }))).toEqual([
      { path: '/s', kind: 'enum-value-removed', ...verzenders },
    ]);
    expect(changes(a, obj({ s: { type: 'string', enum: ['Gesloten', 'Open'] } }))).toEqual([]);
  });

  it('an enumeration put on plain text breaks senders; taken away, receivers', () => {
    expect(changes(obj({ s: { type: 'string' } }), obj({ s: { type: 'string', enum: ['a'] } }))).toEqual([
      { path: '/s', kind: 'enum-added', ...verzenders },
    ]);
    expect(changes(obj({ s: { type: 'string', enum: ['a'] } }), obj({ s: { type: 'string' } }))).toEqual([
      { path: '/s', kind: 'enum-removed', ...ontvangers },
    ]);
  });

  it('const', () => {
    expect(changes(obj({ v: { const: 1 } }), obj({ v: { const: 2 } }))).toEqual([
      { path: '/v', kind: 'const-changed', ...beide },
    ]);
    expect(changes(obj({ v: {} }), obj({ v: { const: 2 } }))).toEqual([
      { path: '/v', kind: 'const-changed', ...verzenders },
    ]);
  });

  it('lengths and ranges: narrower breaks senders, wider breaks receivers', () => {
    expect(
      changes(obj({ t: { type: 'string', maxLength: 10 } }), obj({ t: { type: 'string', maxLength: 5 } })),
    ).toEqual([{ path: '/t', kind: 'length-changed', ...verzenders }]);
    expect(changes(obj({ t: { type: 'string', maxLength: 10 } }), obj({ t: { type: 'string' } }))).toEqual([
      { path: '/t', kind: 'length-changed', ...ontvangers },
    ]);
    expect(changes(obj({ t: { type: 'string' } }), obj({ t: { type: 'string', minLength: 1 } }))).toEqual([
      { path: '/t', kind: 'length-changed', ...verzenders },
    ]);
    expect(changes(obj({ n: { type: 'integer', minimum: 0 } }), obj({ n: { type: 'integer', minimum: -5 } }))).toEqual([
      { path: '/n', kind: 'range-changed', ...ontvangers },
    ]);
    expect(
      changes(obj({ n: { type: 'integer', maximum: 10 } }), obj({ n: { type: 'integer', exclusiveMaximum: 10 } })).map(
        (c) => c.breaksSenders,
      ),
    ).toContain(true);
    expect(
      changes(obj({ n: { type: 'number', multipleOf: 2 } }), obj({ n: { type: 'number', multipleOf: 4 } })),
    ).toEqual([{ path: '/n', kind: 'multiple-of-changed', ...verzenders }]);
    expect(
      changes(obj({ n: { type: 'number', multipleOf: 4 } }), obj({ n: { type: 'number', multipleOf: 2 } })),
    ).toEqual([{ path: '/n', kind: 'multiple-of-changed', ...ontvangers }]);
  });

  it('pattern and format: added breaks senders, removed receivers, changed both', () => {
    expect(
      changes(obj({ p: { type: 'string' } }), obj({ p: { type: 'string', pattern: '^[0-9]{4}[A-Z]{2}$' } })),
    ).toEqual([{ path: '/p', kind: 'pattern-changed', ...verzenders }]);
    expect(
      changes(obj({ p: { type: 'string', pattern: '^a' } }), obj({ p: { type: 'string', pattern: '^b' } })),
    ).toEqual([{ path: '/p', kind: 'pattern-changed', ...beide }]);
    expect(changes(obj({ d: { type: 'string', format: 'date' } }), obj({ d: { type: 'string' } }))).toEqual([
      { path: '/d', kind: 'format-changed', ...ontvangers },
    ]);
    expect(
      changes(obj({ d: { type: 'string', format: 'date' } }), obj({ d: { type: 'string', format: 'date-time' } })),
    ).toEqual([{ path: '/d', kind: 'format-changed', ...beide }]);
  });

  it('definitions and other documentation break nobody', () => {
    const a = obj({ a: { type: 'string', description: 'Oud.' } }, { title: 'T', description: 'Het bericht.' });
    const b = obj(
      { a: { type: 'string', description: 'Nieuw.', examples: ['x'] } },
      { title: 'T2', description: 'Het bericht, anders gezegd.' },
    );
    const c = changes(a, b);
    expect(c.map((x) => x.kind).sort()).toEqual([
      'annotation-changed',
      'description-changed',
      'description-changed',
      'title-changed',
    ]);
    expect(c.every((x) => !x.breaksSenders && !x.breaksReceivers)).toBe(true);
  });

  it('a keyword it does not compare precisely is marked as breaking both ways', () => {
    expect(
      changes(
        obj({ a: { type: 'string' } }),
        obj({ a: { type: 'string', oneOf: [{ minLength: 1 }, { maxLength: 0 }] } }),
      ),
    ).toEqual([{ path: '/a', kind: 'keyword-changed', ...beide }]);
    expect(
      changes(obj({ a: { type: 'object' } }), obj({ a: { type: 'object', dependentRequired: { x: ['y'] } } })),
    ).toEqual([{ path: '/a', kind: 'keyword-changed', ...beide }]);
  });

  it('a property added beside unevaluatedProperties: false is marked breaking both ways (closedness depends on other keywords)', () => {
    expect(
      changes(
        obj({ a: {} }, { unevaluatedProperties: false }),
        obj({ a: {}, b: { type: 'string' } }, { unevaluatedProperties: false }),
      ),
    ).toEqual([{ path: '/b', kind: 'property-added', ...beide }]);
  });

  it('draft-07 tuple items and values that are no schema are compared as a whole', () => {
    expect(
      changes(
        obj({ l: { type: 'array', items: [{ type: 'string' }] } }),
        obj({ l: { type: 'array', items: [{ type: 'integer' }] } }),
      ),
    ).toEqual([{ path: '/l/*', kind: 'keyword-changed', ...beide }]);
    expect(changes(obj({ a: 5 as never }), obj({ a: 6 as never }))).toEqual([
      { path: '/a', kind: 'keyword-changed', ...beide },
    ]);
  });

  it('anyOf: alternatives added break receivers, alternatives dropped break senders', () => {
    const a = obj({ v: { anyOf: [{ type: 'string' }, { type: 'integer' }] } });
    expect(changes(a, obj({ v: { anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'boolean' }] } }))).toEqual([
      { path: '/v', kind: 'any-of-changed', ...ontvangers },
    ]);
    expect(changes(a, obj({ v: { anyOf: [{ type: 'string' }] } }))).toEqual([
      { path: '/v', kind: 'any-of-changed', ...verzenders },
    ]);
  });

  it('the schema true and false', () => {
    expect(changes(obj({ a: false }), obj({ a: { type: 'string' } }))).toEqual([
      { path: '/a', kind: 'schema-widened', ...ontvangers },
    ]);
    expect(changes(obj({ a: true }), obj({ a: false }))).toEqual([
      { path: '/a', kind: 'schema-narrowed', ...verzenders },
    ]);
  });
});

describe('schema diff: lists', () => {
  const lijst = (items: JsonObject, extra: JsonObject = {}): JsonObject =>
    obj({ l: { type: 'array', items, ...extra } });

  it('changes in the items are reported at path/*', () => {
    expect(changes(lijst({ type: 'string', enum: ['a', 'b'] }), lijst({ type: 'string', enum: ['a'] }))).toEqual([
      { path: '/l/*', kind: 'enum-value-removed', ...verzenders },
    ]);
  });

  it('minItems, maxItems, uniqueItems', () => {
    expect(changes(lijst({}, { minItems: 1 }), lijst({}, { minItems: 2 }))).toEqual([
      { path: '/l', kind: 'array-bounds-changed', ...verzenders },
    ]);
    expect(changes(lijst({}, { maxItems: 3 }), lijst({}))).toEqual([
      { path: '/l', kind: 'array-bounds-changed', ...ontvangers },
    ]);
    expect(changes(lijst({}), lijst({}, { uniqueItems: true }))).toEqual([
      { path: '/l', kind: 'unique-items-changed', ...verzenders },
    ]);
    expect(changes(lijst({}, { uniqueItems: true }), lijst({}))).toEqual([
      { path: '/l', kind: 'unique-items-changed', ...ontvangers },
    ]);
  });

  it('a single value turned into a list breaks both ways', () => {
    expect(
      changes(obj({ v: { type: 'string' } }), obj({ v: { type: 'array', items: { type: 'string' } } })).some(
        (c) => c.kind === 'type-changed' && c.breaksSenders && c.breaksReceivers,
      ),
    ).toBe(true);
  });
});

describe('schema diff: $ref indirection', () => {
  const defs = (statussen: string[]): JsonObject => ({
    $schema: S,
    type: 'object',
    properties: {
      zaak: {
        type: 'object',
        properties: { status: { $ref: '#/$defs/EnumStatus', description: 'De status van de zaak.' } },
      },
      taken: { type: 'array', items: { type: 'object', properties: { status: { $ref: '#/$defs/EnumStatus' } } } },
    },
    $defs: { EnumStatus: { type: 'string', enum: statussen, description: 'Statussen.' } },
  });

  it('a change inside a $defs entry is reported at every place that uses it', () => {
    expect(changes(defs(['Open', 'Gesloten']), defs(['Open', 'Gesloten', 'Heropend']))).toEqual([
      { path: '/zaak/status', kind: 'enum-value-added', ...ontvangers },
      { path: '/taken/*/status', kind: 'enum-value-added', ...ontvangers },
    ]);
    expect(diffSchemas(defs(['Open']), defs(['Open', 'Heropend']))[0]!.message).toBe(
      'waarde "Heropend" toegevoegd (EnumStatus)',
    );
  });

  it('a $defs entry renamed with the same content is no change; inlined is no change either', () => {
    const a = obj({ d: { $ref: '#/$defs/datum' } }, { $defs: { datum: { type: 'string', format: 'date' } } });
    const b = obj({ d: { $ref: '#/$defs/Datum' } }, { $defs: { Datum: { type: 'string', format: 'date' } } });
    const c = obj({ d: { type: 'string', format: 'date' } });
    expect(changes(a, b)).toEqual([]);
    expect(changes(a, c)).toEqual([]);
  });

  it('a $defs entry whose description changes: the description where it is used, unless the place has its own', () => {
    const a = obj(
      { d: { $ref: '#/$defs/datum' }, e: { $ref: '#/$defs/datum', description: 'Eigen.' } },
      { $defs: { datum: { type: 'string', description: 'Een datum.' } } },
    );
    const b = obj(
      { d: { $ref: '#/$defs/datum' }, e: { $ref: '#/$defs/datum', description: 'Eigen.' } },
      { $defs: { datum: { type: 'string', description: 'Een kalenderdatum.' } } },
    );
    expect(changes(a, b)).toEqual([{ path: '/d', kind: 'description-changed', ...niemand }]);
  });

  it('$ref beside other keywords: both apply', () => {
    const a = obj({ t: { $ref: '#/$defs/tekst', maxLength: 10 } }, { $defs: { tekst: { type: 'string' } } });
    const b = obj({ t: { $ref: '#/$defs/tekst', maxLength: 5 } }, { $defs: { tekst: { type: 'string' } } });
    expect(changes(a, b)).toEqual([{ path: '/t', kind: 'length-changed', ...verzenders }]);
  });

  it('$ref pointer escapes (~1, %25) are followed', () => {
    const a = obj({ t: { $ref: '#/$defs/a~1b%25' } }, { $defs: { 'a/b%': { type: 'string' } } });
    const b = obj({ t: { $ref: '#/$defs/a~1b%25' } }, { $defs: { 'a/b%': { type: 'integer' } } });
    expect(changes(a, b)).toEqual([{ path: '/t', kind: 'type-changed', ...beide }]);
  });

  it('a recursive schema is compared without running forever', () => {
    const boom = (t: string): JsonObject => ({
      $schema: S,
      $ref: '#/$defs/knoop',
      $defs: {
        knoop: {
          type: 'object',
          properties: { waarde: { type: t }, kinderen: { type: 'array', items: { $ref: '#/$defs/knoop' } } },
        },
      },
    });
    expect(changes(boom('string'), boom('string'))).toEqual([]);
    // Reported where the definition is used, down to where the recursion meets itself.
    expect(changes(boom('string'), boom('integer'))).toEqual([
      { path: '/waarde', kind: 'type-changed', ...beide },
      { path: '/kinderen/*/waarde', kind: 'type-changed', ...beide },
    ]);
  });

  it('a $ref to another document is compared as text and marked breaking when it changes', () => {
    expect(
      changes(obj({ a: { $ref: 'https://example.org/a.json' } }), obj({ a: { $ref: 'https://example.org/b.json' } })),
    ).toEqual([{ path: '/a', kind: 'ref-changed', ...beide }]);
    expect(
      changes(obj({ a: { $ref: 'https://example.org/a.json' } }), obj({ a: { $ref: 'https://example.org/a.json' } })),
    ).toEqual([]);
  });
});

describe('schema diff: the schema itself', () => {
  it('$id breaks nobody, another dialect is marked breaking', () => {
    expect(changes({ $schema: S, $id: 'a' }, { $schema: S, $id: 'b' })).toEqual([
      { path: '', kind: 'schema-id-changed', ...niemand },
    ]);
    expect(changes({ $schema: S }, { $schema: 'http://json-schema.org/draft-07/schema#' })).toEqual([
      { path: '', kind: 'dialect-changed', ...beide },
    ]);
  });
});
