/**
 * Ajv as the tool uses it: JSON Schema 2020-12 with the formats of ajv-formats, and Ajv's standalone code
 * for the generated packages. Both Ajv modules are CommonJS; under ESM their functions arrive as the
 * default export's default, which is unwrapped here once.
 */
import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';

export const addFormats = ajvFormats.default as unknown as (ajv: Ajv2020) => Ajv2020;

/** Ajv 2020 with ajv-formats; `strict: false` because model and message schemas carry descriptive keywords. */
export function ajvMetFormats(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, ...options });
  addFormats(ajv);
  return ajv;
}

const standaloneCode = (standaloneCodeModule as unknown as { default: (ajv: Ajv2020, refs?: unknown) => string }).default;

/** An Ajv that writes standalone ES module code, every error reported. */
export function standaloneAjv(): Ajv2020 {
  // No message texts: the package tells every error in the model's terms (validatie.ts), from keyword and params.
  // One statement a line, so that a change of the model shows in a diff as the lines it changes.
  return ajvMetFormats({ code: { source: true, esm: true, optimize: true, lines: true }, allErrors: true, messages: false });
}

/**
 * Ajv's standalone code as the body of an ES module. Ajv writes `require` for its runtime helpers and
 * formats even in ES module output; the `createRequire` lines before it (see ESM_REQUIRE) make that work.
 */
export function standaloneBody(ajv: Ajv2020, refs: unknown): string {
  return standaloneCode(ajv, refs).replace(/^"use strict";\n?/, '');
}

export const ESM_REQUIRE = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";
