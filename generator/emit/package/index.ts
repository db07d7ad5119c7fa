import { dependencyFile, textTemplate, toolFile } from '../../common/tool-files.ts';
import type { Uitwisselmodel } from '../../derive/types.ts';
import type { Informatiemodel } from '../../model/types.ts';
import type { ModelInvoer } from '../invoer.ts';
import { berichtSchema, COMPAT_SCHEMA, STRICT_SCHEMA, VERSCHILLEN, type Verschil } from '../json-schema/index.ts';
import { INFORMATIEMODEL_SCHEMA } from '../informatiemodel-schema/index.ts';
import { MAPPING } from '../mapping/index.ts';
import { OPENAPI } from '../openapi/index.ts';
import { jsonText } from '../../common/text.ts';
import { WerkerFout, werkerVoor, type Werker } from '../werker.ts';
import { GeneratedCodeError } from './generated-code-error.ts';
import { umTypeNamen } from './naming.ts';
import { eenheidSchemas, streamPlan, type StreamPlan } from './stream.ts';
import { tabellenCode } from './tabellen.ts';
import { streamValidatorCode } from './validator-code.ts';
import { regels } from './validator.ts';
import { pakketVersie } from '../../release/index.ts';

export { GeneratedCodeError };

// Templates and the tool's own dependency versions are part of the tool, read once when it loads; the
// emitter itself reads nothing and depends only on the model.
const README = textTemplate('package/README.md.hbs');
const README_INFORMATIEMODEL = textTemplate('package/README-informatiemodel.md.hbs');
const TOOL = JSON.parse(toolFile('package.json')) as { dependencies: Record<string, string> };
/**
 * The version of @mimgen/runtime (the one this mimgen depends on), which a generated package depends on exactly.
 * Read here, not in ./typescript.ts: that module loads TypeScript, which only the package's worker thread needs.
 */
const RUNTIME_VERSIE = (JSON.parse(dependencyFile('@mimgen/runtime', 'package.json')) as { version: string }).version;

/** The worker thread that makes the package's TypeScript (broncode.ts). */
function pakketWerker(): Werker {
  return werkerVoor(new URL(`./broncode.${import.meta.url.endsWith('.js') ? 'js' : 'ts'}`, import.meta.url));
}

/** Starts the worker thread and has it do what does not depend on the model (see broncode.ts). */
export function pakketWerkerVoorbereiden(): void {
  pakketWerker().vooruit('voorbereiden');
}

/**
 * The npm package of a model: message types (from the compat schema, by json-schema-to-typescript), the
 * informatiemodel's types and the mapping functions (built with ts-morph), the precompiled validators, all
 * type-checked under `strict` before anything is emitted, plus package.json and README. The TypeScript is
 * made in the worker thread while this thread writes the validators' Ajv code (and, the emitters running
 * together, the documentation).
 */
export async function emitPackage(
  invoer: ModelInvoer,
  context: { pakketversie?: string; pakketVooraf?: (files: ReadonlyMap<string, string>) => void } = {},
): Promise<Map<string, string>> {
  const um = invoer.uitwisselmodel;
  // The package's own version (issue 19): model/<name>/release.json's, else the model's version as semver.
  const versie = pakketVersie(context.pakketversie, invoer.informatiemodel.versie);
  if (!um) return informatiemodelPakket(invoer.informatiemodel, invoer.pakketnaam, versie);
  const compat = berichtSchema(um, 'compat', []);
  const plan = streamPlan(um, compat);
  // The strict form (validate of ./strict.js): its own plan, as it may bound a streamed list more tightly.
  const verschillen: Verschil[] = [];
  const strict = berichtSchema(um, 'strict', verschillen);
  const strictPlan = streamPlan(um, strict);
  const compatEenheden = eenheidSchemas(plan, compat);
  const strictEenheden = eenheidSchemas(strictPlan, strict);
  // A unit that the strict form leaves as compat has it keeps compat's validator: what the informatiemodel adds
  // nothing to costs nothing twice (a model without lengths, patterns or required fields has no strict code).
  const strictEigen = strictPlan.eenheden.map(
    (e, i) => plan.eenheden[i]?.validator !== e.validator || !zelfdeEenheid(compatEenheden[i]!, strictEenheden[i]!),
  );
  const broncode = pakketWerker().voer<
    { um: Uitwisselmodel; plan: StreamPlan; strictPlan: StreamPlan; strictEigen: boolean[] },
    Map<string, string>
  >('pakketBroncode', {
    um,
    plan,
    strictPlan,
    strictEigen,
  });
  // Not awaited yet: a rejection must not count as unhandled while this thread works.
  broncode.catch(() => undefined);
  const streamValidators = streamValidatorCode(
    plan.eenheden.map((e, i) => ({ naam: e.validator, schema: compatEenheden[i]! })),
    COMPAT_SCHEMA,
  );
  const strictEenhedenEigen = strictPlan.eenheden.flatMap((e, i) =>
    strictEigen[i] ? [{ naam: e.validator, schema: strictEenheden[i]! }] : [],
  );
  const strictValidators =
    strictEenhedenEigen.length > 0 ? streamValidatorCode(strictEenhedenEigen, STRICT_SCHEMA) : undefined;
  const tabellen = tabellenCode(um, plan, { plan: strictPlan, verschillen });
  context.pakketVooraf?.(
    new Map([
      ['dist/stream-validators.js', streamValidators],
      ['dist/tabellen.js', tabellen],
    ]),
  );
  const files = await opgevangen(broncode);
  files.set('dist/stream-validators.js', streamValidators);
  if (strictValidators) files.set('dist/stream-validators-strict.js', strictValidators);
  for (const pad of ['stream-validators.d.ts', 'stream-validators-strict.d.ts', 'tabellen.d.ts'])
    if (files.has(`src/${pad}`)) files.set(`dist/${pad}`, files.get(`src/${pad}`)!);
  files.set('dist/tabellen.js', tabellen);
  files.set('package.json', jsonText(packageJson(um, versie)));
  const namen = umTypeNamen(um);
  files.set('README.md', readme(um, namen.get(um.bericht)!, namen, versie));
  return files;
}

/**
 * The package of a model without a derivation: the informatiemodel's types (made in the worker thread) and
 * informatiemodel.schema.json, with a package.json and README that promise nothing about a message.
 */
async function informatiemodelPakket(
  im: Informatiemodel,
  pakketnaam: string,
  pakketversie: string,
): Promise<Map<string, string>> {
  const files = await opgevangen(
    pakketWerker().voer<{ im: Informatiemodel; pakketnaam: string }, Map<string, string>>('informatiemodelBroncode', {
      im,
      pakketnaam,
    }),
  );
  files.set(
    'package.json',
    jsonText({
      name: pakketnaam,
      version: pakketversie,
      description: `The informatiemodel ${im.naam} ${im.versie}: TypeScript types and a JSON Schema`,
      informatiemodel: { naam: im.naam, versie: im.versie },
      license: 'EUPL-1.2',
      type: 'module',
      main: './dist/index.js',
      types: './dist/index.d.ts',
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './informatiemodel.schema.json': `./${INFORMATIEMODEL_SCHEMA}`,
        './package.json': './package.json',
      },
      files: ['dist', 'src', '*.json', 'README.md', 'docs'],
      sideEffects: false,
      engines: { node: '>=20' },
    }),
  );
  files.set(
    'README.md',
    README_INFORMATIEMODEL({ pakketnaam, pakketversie, informatiemodel: im.naam, versie: im.versie }),
  );
  return files;
}

/** The worker's result; its GeneratedCodeError arrives as one again. */
async function opgevangen(werk: Promise<Map<string, string>>): Promise<Map<string, string>> {
  try {
    return await werk;
  } catch (e) {
    throw e instanceof WerkerFout && e.soort === 'GeneratedCodeError' ? new GeneratedCodeError(e.message) : e;
  }
}

/** Whether a unit's schema is the same in both forms; the strict form's note at the root does not count. */
function zelfdeEenheid(compat: Record<string, unknown>, strict: Record<string, unknown>): boolean {
  const { $comment: _c, ...a } = compat;
  const { $comment: _s, ...b } = strict;
  return JSON.stringify(a) === JSON.stringify(b);
}

function packageJson(um: Uitwisselmodel, versie: string): object {
  return {
    name: um.pakketnaam,
    version: versie,
    description: `DDAS uitwisselmodel ${um.informatiemodel.naam} ${um.versie}: message types, mapping functions and a precompiled validator`,
    // The model's own version beside the package's (issue 19): the package has a semver of its own.
    informatiemodel: { naam: um.informatiemodel.naam, versie: um.versie },
    license: 'EUPL-1.2',
    type: 'module',
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: {
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './uitwisselmodel.schema.json': `./${COMPAT_SCHEMA}`,
      './uitwisselmodel.strict.schema.json': `./${STRICT_SCHEMA}`,
      './uitwisselmodel.strict-verschillen.json': `./${VERSCHILLEN}`,
      './informatiemodel.schema.json': `./${INFORMATIEMODEL_SCHEMA}`,
      './mapping.json': `./${MAPPING}`,
      ...(um.api ? { './openapi.json': `./${OPENAPI}` } : {}),
      './package.json': './package.json',
    },
    files: ['dist', 'src', '*.json', 'README.md', 'docs'],
    sideEffects: false,
    engines: { node: '>=20' },
    // The runtime by exact version: the package's generated code and the engine it calls are released together.
    dependencies: {
      '@mimgen/runtime': RUNTIME_VERSIE,
      ajv: `^${TOOL.dependencies.ajv}`,
      'ajv-formats': `^${TOOL.dependencies['ajv-formats']}`,
    },
  };
}

function readme(
  um: Uitwisselmodel,
  berichtType: string,
  namen: Map<import('../../derive/types.ts').UmObject, string>,
  pakketversie: string,
): string {
  const r = regels(um);
  return README({
    pakketnaam: um.pakketnaam,
    pakketversie,
    informatiemodel: um.informatiemodel.naam,
    versie: um.versie,
    berichtType,
    openapi: um.api !== undefined,
    regels: [
      ...r.uniek.map((u) => `${u.element} is unique within each ${u.scopeNaam}`),
      ...r.verwijzingen.map((v) => `every ${v.element} names a ${v.doel} in the same ${v.scopeNaam}`),
      ...r.datumvolgorde.map((d) => d.element),
      ...r.voorwaarden.map((v) => v.element),
    ],
    functies: [...namen]
      .filter(([o]) => !o.referentie)
      .map(([, naam]) => ({ functie: `naar${naam}`, type: naam, bron: `${naam}Bron` })),
  });
}
