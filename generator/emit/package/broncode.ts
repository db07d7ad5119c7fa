/**
 * The package's TypeScript: the message types (json-schema-to-typescript on the compat schema), the
 * informatiemodel's types and the mapping functions (ts-morph structures), the entry points of the
 * validators (templates/package/*.hbs: fixed text around the model's names), type-checked against the
 * declarations of @mimgen/runtime and compiled. The package emitter runs this in its worker thread (see
 * werker.ts); it is a pure function of the model all the same.
 */
import { textTemplate, toolFile } from '../../common/tool-files.ts';
import type { Uitwisselmodel } from '../../derive/types.ts';
import type { Informatiemodel } from '../../model/types.ts';
import { berichtTypes } from './bericht-types.ts';
import { informatiemodelTypes } from './informatiemodel-types.ts';
import { mappingFuncties } from './mapping-functions.ts';
import { umTypeNamen } from './naming.ts';
import type { StreamPlan } from './stream.ts';
import { compileer, formatteer, libs, runtimeDeclaraties, type Bron } from './typescript.ts';

const sjabloon = (naam: string) => textTemplate(`package/${naam}`);
const INDEX = sjabloon('index.ts.hbs');
const VALIDATE = sjabloon('validate.ts.hbs');
const VALIDATE_STREAM = sjabloon('validate-stream.ts.hbs');
const STRICT = sjabloon('strict.ts.hbs');
const API = sjabloon('api.ts.hbs');
const STREAM_VALIDATORS = sjabloon('stream-validators.d.ts.hbs');
const INDEX_INFORMATIEMODEL = sjabloon('index-informatiemodel.ts.hbs');
/** The declarations of the model's tables (tabellen.js): the same shapes for every model. */
const TABELLEN_TYPES = toolFile('templates/package/tabellen.d.ts');

/**
 * What does not depend on the model, done before a model arrives: TypeScript's lib files and the runtime's
 * declarations parsed. The worker does this while the main thread loads the model.
 */
export function voorbereiden(): void {
  libs();
  runtimeDeclaraties();
}

/**
 * The package's src/ and dist/ TypeScript and JavaScript, by path; GeneratedCodeError when it does not
 * type-check. The streaming plan comes with the model: the main thread has made it for the validators.
 */
export async function pakketBroncode({
  um,
  plan,
  strictPlan,
  strictEigen,
}: {
  um: Uitwisselmodel;
  plan: StreamPlan;
  strictPlan: StreamPlan;
  /** Per unit of the strict plan: whether it has a validator of its own (in stream-validators-strict.js) or shares compat's. */
  strictEigen: boolean[];
}): Promise<Map<string, string>> {
  const namen = umTypeNamen(um);
  const types = formatteer(await berichtTypes(um, namen), 'uitwisselmodel.ts');
  const model = new Map<string, Bron>([
    ['informatiemodel.ts', informatiemodelTypes(um.informatiemodel)],
    ['mapping.ts', mappingFuncties(um, namen)],
    [
      'validate.ts',
      VALIDATE({
        naam: um.naam,
        versie: um.versie,
        berichtType: namen.get(um.bericht)!,
        validators: plan.eenheden.map((e) => e.validator),
      }),
    ],
    [
      'stream-validators.d.ts',
      STREAM_VALIDATORS({
        eenheden: plan.eenheden.map((e) => ({ naam: e.naam, validator: e.validator, pad: e.pad.join('.') })),
      }),
    ],
    ['validate-stream.ts', VALIDATE_STREAM({ naam: um.naam, versie: um.versie, pakketnaam: um.pakketnaam })],
    // The strict form: the strict schema's validators (stream-validators-strict.js) in validate() and the streaming functions.
    [
      'strict.ts',
      STRICT({
        naam: um.naam,
        versie: um.versie,
        berichtType: namen.get(um.bericht)!,
        eigen: strictEigen.some(Boolean),
        validators: strictPlan.eenheden.map((e, i) => ({ naam: e.validator, eigen: strictEigen[i] })),
      }),
    ],
    [
      'index.ts',
      INDEX({
        pakketnaam: um.pakketnaam,
        informatiemodel: um.informatiemodel.naam,
        versie: um.versie,
        api: um.api !== undefined,
      }),
    ],
    ['uitwisselmodel.ts', types],
    ['tabellen.d.ts', TABELLEN_TYPES],
  ]);
  const eigen = strictPlan.eenheden.filter((_, i) => strictEigen[i]);
  if (eigen.length > 0)
    model.set(
      'stream-validators-strict.d.ts',
      STREAM_VALIDATORS({
        eenheden: eigen.map((e) => ({ naam: e.naam, validator: e.validator, pad: e.pad.join('.') })),
      }),
    );
  // The exchange API's server and client, bound to the model, when the model has an API section.
  if (um.api)
    model.set(
      'api.ts',
      API({ naam: um.naam, versie: um.versie, pakketnaam: um.pakketnaam, berichtType: namen.get(um.bericht)! }),
    );
  return compileer(um.pakketnaam, model);
}

/**
 * The package of a model without a derivation: the informatiemodel's types alone (no message, so no mapping
 * functions and no validators), type-checked and compiled as the full package's are.
 */
export async function informatiemodelBroncode({
  im,
  pakketnaam,
}: {
  im: Informatiemodel;
  pakketnaam: string;
}): Promise<Map<string, string>> {
  return compileer(
    pakketnaam,
    new Map<string, Bron>([
      ['informatiemodel.ts', informatiemodelTypes(im)],
      ['index.ts', INDEX_INFORMATIEMODEL({ pakketnaam, informatiemodel: im.naam, versie: im.versie })],
    ]),
  );
}
