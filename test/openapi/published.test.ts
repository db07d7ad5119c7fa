/**
 * The generated openapi.json of each model against the published API description it reproduces
 * (../shared/reference/schuldhulpverlening/v1.0/DDAS-SHV.yaml and DDAS-VS.yaml): the whole document is
 * compared structurally (paths, operations and their operationIds, request bodies, response codes, headers,
 * media types, component schemas, security, info), and every difference must be one of the intended
 * differences listed below, each with its reason; a listed difference that no longer occurs fails too, so the
 * list stays true. Both files are also validated as OpenAPI 3.1 by @seriousme/openapi-schema-validator, whose
 * verdict is checked on two broken copies first.
 *
 * Two normalisations, because they change nothing an OpenAPI reader sees: text is compared with its runs of
 * white space as one space (YAML's folded and literal block scalars differ only there, and descriptions are
 * CommonMark, where a line break inside a paragraph is a space), and `required` lists are compared as sets.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  generatedDir,
  haveReference,
  MODELS,
  publishedDir,
  readJson,
  referenceRoot,
  tellSkip,
} from '../conformance/models.ts';

const addFormats = ajvFormats.default as unknown as (ajv: Ajv2020) => Ajv2020;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Each model's published API description: both lie in the v1.0 folder of Schuldhulpverlening. */
const API_MODELLEN = [
  { naam: 'vroegsignalering', gepubliceerd: join(referenceRoot, 'schuldhulpverlening/v1.0/DDAS-VS.yaml') },
  { naam: 'schuldhulpverlening', gepubliceerd: join(referenceRoot, 'schuldhulpverlening/v1.0/DDAS-SHV.yaml') },
] as const;

/**
 * Every way in which the generated file may differ from the published one, by JSON pointer (a difference at
 * the pointer or below it), with the reason. Nothing else may differ.
 */
const BEDOELDE_VERSCHILLEN: readonly { pad: string; reden: string }[] = [
  {
    pad: '/components/schemas/Uitwisselmodel',
    reden:
      'The published file refers to the published schema by URL (for Vroegsignalering a v1.0 URL that does not exist; the model is v0.9); ' +
      'the generated file embeds the compat schema of uitwisselmodel.schema.json, made from the model in the same run, so that the file ' +
      'stands on its own in every OpenAPI tool and validates offline. The compat schema accepts what the published schema accepts.',
  },
];

interface Verschil {
  pad: string;
  soort: 'ontbreekt' | 'extra' | 'anders';
  gepubliceerd?: Json;
  gegenereerd?: Json;
}

const isObject = (v: unknown): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
const segment = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');
const normaal = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every difference between two documents, as JSON pointers. */
function verschillen(gepubliceerd: Json | undefined, gegenereerd: Json | undefined, pad = ''): Verschil[] {
  if (gepubliceerd === undefined) return [{ pad, soort: 'extra', gegenereerd }];
  if (gegenereerd === undefined) return [{ pad, soort: 'ontbreekt', gepubliceerd }];
  if (isObject(gepubliceerd) && isObject(gegenereerd)) {
    const keys = [...new Set([...Object.keys(gepubliceerd), ...Object.keys(gegenereerd)])].sort();
    return keys.flatMap((k) => verschillen(gepubliceerd[k], gegenereerd[k], `${pad}/${segment(k)}`));
  }
  if (Array.isArray(gepubliceerd) && Array.isArray(gegenereerd)) {
    if (pad.endsWith('/required')) {
      const a = [...gepubliceerd].map(String).sort();
      const b = [...gegenereerd].map(String).sort();
      return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ pad, soort: 'anders', gepubliceerd, gegenereerd }];
    }
    if (gepubliceerd.length !== gegenereerd.length) return [{ pad, soort: 'anders', gepubliceerd, gegenereerd }];
    return gepubliceerd.flatMap((v, i) => verschillen(v, gegenereerd[i], `${pad}/${i}`));
  }
  if (typeof gepubliceerd === 'string' && typeof gegenereerd === 'string') {
    return normaal(gepubliceerd) === normaal(gegenereerd) ? [] : [{ pad, soort: 'anders', gepubliceerd, gegenereerd }];
  }
  return gepubliceerd === gegenereerd ? [] : [{ pad, soort: 'anders', gepubliceerd, gegenereerd }];
}

const bedoeld = (v: Verschil) => BEDOELDE_VERSCHILLEN.find((b) => v.pad === b.pad || v.pad.startsWith(`${b.pad}/`));

const toon = (v: Verschil) =>
  `${v.soort} ${v.pad}: published ${JSON.stringify(v.gepubliceerd)?.slice(0, 200)}, generated ${JSON.stringify(v.gegenereerd)?.slice(0, 200)}`;

async function valideer(doc: unknown): Promise<{ valid: boolean; errors: unknown }> {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(doc) as Parameters<Validator['validate']>[0]);
  return { valid: result.valid, errors: result.errors };
}

describe('the structural comparison itself', () => {
  it('finds a changed operationId, a missing response, an extra header and a changed media type, and ignores white space and the order of required', () => {
    const a: Json = {
      paths: {
        '/x': {
          post: {
            operationId: 'a',
            responses: { '200': { description: 'ok  en\nklaar' }, '400': { description: 'x' } },
          },
        },
      },
      required: ['a', 'b'],
    };
    const b: Json = {
      paths: {
        '/x': {
          post: {
            operationId: 'b',
            responses: { '200': { description: 'ok en klaar', headers: { X: { schema: { type: 'string' } } } } },
          },
        },
      },
      required: ['b', 'a'],
    };
    expect(verschillen(a, b).map((v) => `${v.soort} ${v.pad}`)).toEqual([
      'anders /paths/~1x/post/operationId',
      'extra /paths/~1x/post/responses/200/headers',
      'ontbreekt /paths/~1x/post/responses/400',
    ]);
    expect(
      verschillen({ c: { 'application/json': {} } }, { c: { 'application/problem+json': {} } }).map(
        (v) => `${v.soort} ${v.pad}`,
      ),
    ).toEqual(['ontbreekt /c/application~1json', 'extra /c/application~1problem+json']);
  });
});

for (const model of API_MODELLEN) {
  const generated = join(generatedDir({ name: model.naam } as (typeof MODELS)[number]), 'openapi.json');
  const reden = !haveReference
    ? `the reference folder ${referenceRoot} is absent (a clone outside CI)`
    : !existsSync(generated)
      ? `${generated} does not exist`
      : undefined;
  if (reden) tellSkip(`the OpenAPI comparison for ${model.naam}`, reden);

  describe.skipIf(reden !== undefined)(
    `openapi.json of ${model.naam} against the published ${model.gepubliceerd.split('/').pop()}`,
    () => {
      const gepubliceerd = () => parseYaml(readFileSync(model.gepubliceerd, 'utf8')) as Json;
      const gegenereerd = () => readJson<Json>(generated);

      it('differs only in the intended differences', () => {
        const alle = verschillen(gepubliceerd(), gegenereerd());
        expect(alle.filter((v) => !bedoeld(v)).map(toon)).toEqual([]);
      });

      it('shows every intended difference (the list holds nothing that no longer differs)', () => {
        const alle = verschillen(gepubliceerd(), gegenereerd());
        for (const b of BEDOELDE_VERSCHILLEN)
          expect(
            alle.some((v) => bedoeld(v) === b),
            `${b.pad} no longer differs; remove it from the list`,
          ).toBe(true);
      });

      it('has the same paths, operations, operationIds, response codes and media types (spelled out)', () => {
        const operaties = (doc: Json) =>
          Object.entries(
            (
              doc as {
                paths: Record<
                  string,
                  Record<
                    string,
                    {
                      operationId: string;
                      requestBody?: { content: object };
                      responses: Record<string, { content?: object; headers?: object }>;
                    }
                  >
                >;
              }
            ).paths,
          ).flatMap(([pad, ops]) =>
            Object.entries(ops).map(([methode, op]) => ({
              pad,
              methode,
              operationId: op.operationId,
              verzoek: Object.keys(op.requestBody?.content ?? {}),
              antwoorden: Object.entries(op.responses).map(
                ([status, r]) =>
                  `${status} ${Object.keys(r.content ?? {}).join(',')} [${Object.keys(r.headers ?? {}).join(',')}]`,
              ),
            })),
          );
        expect(operaties(gegenereerd())).toEqual(operaties(gepubliceerd()));
        expect(operaties(gegenereerd())).toHaveLength(1);
      });

      it('embeds the compat schema of uitwisselmodel.schema.json as the schema Uitwisselmodel', () => {
        const compat = readJson<Record<string, Json>>(
          join(generatedDir({ name: model.naam } as (typeof MODELS)[number]), 'uitwisselmodel.schema.json'),
        );
        const embedded = (gegenereerd() as { components: { schemas: Record<string, Json> } }).components.schemas
          .Uitwisselmodel;
        const terug = JSON.parse(
          JSON.stringify(embedded).replaceAll('"#/components/schemas/Uitwisselmodel/', '"#/'),
        ) as Json;
        const { $schema: _s, $id: _i, ...rest } = compat;
        expect(terug).toEqual(rest);
      });

      it('validates the published examples against the embedded Uitwisselmodel, its references resolved within the document', () => {
        const conformance = MODELS.find((m) => m.name === model.naam)!;
        const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
        ajv.addSchema(gegenereerd() as object, 'urn:mimgen:openapi');
        const validate = ajv.getSchema('urn:mimgen:openapi#/components/schemas/Uitwisselmodel');
        expect(validate).toBeDefined();
        for (const voorbeeld of conformance.examples) {
          const data = readJson(join(publishedDir(conformance), voorbeeld));
          expect(validate!(data) ? [] : validate!.errors, voorbeeld).toEqual([]);
        }
        expect(validate!({ niets: true }), 'a document that is no message').toBe(false);
      });
    },
  );
}

describe.each(
  API_MODELLEN.filter((m) =>
    existsSync(join(generatedDir({ name: m.naam } as (typeof MODELS)[number]), 'openapi.json')),
  ),
)('openapi.json of $naam as OpenAPI 3.1', ({ naam }) => {
  const doc = readJson<Record<string, Json>>(
    join(generatedDir({ name: naam } as (typeof MODELS)[number]), 'openapi.json'),
  );

  it('is valid according to @seriousme/openapi-schema-validator', async () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(await valideer(doc)).toEqual({ valid: true, errors: undefined });
  });

  it('is rejected once a reference dangles or a response lacks its description (the validator can say no)', async () => {
    const dangling = JSON.parse(
      JSON.stringify(doc).replace('"#/components/schemas/Paginering"', '"#/components/schemas/Pagineringg"'),
    ) as Json;
    expect((await valideer(dangling)).valid).toBe(false);
    const zonder = structuredClone(doc) as {
      paths: Record<string, Record<string, { responses: Record<string, { description?: string }> }>>;
    };
    delete zonder.paths['/gegevens']!.post!.responses['200']!.description;
    expect((await valideer(zonder)).valid).toBe(false);
  });
});
