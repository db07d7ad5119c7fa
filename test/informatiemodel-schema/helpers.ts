/** Shared by the informatiemodel schema tests: a model from YAML text, and Ajv 2020 validators for its defs. */
import type { ValidateFunction } from 'ajv';
import { ajvMetFormats } from '../../generator/common/ajv.ts';
import { pointerSegment } from '../../generator/common/json-pointer.ts';
import {
  informatiemodelSchema,
  type InformatiemodelSchemaOpties,
} from '../../generator/emit/informatiemodel-schema/index.ts';
import { loadInformatiemodel } from '../../generator/model/load.ts';
import type { Informatiemodel } from '../../generator/model/types.ts';
import { memoryReader } from '../diff/helpers.ts';

type Schema = Record<string, unknown>;

/** A model written as YAML text (one file), loaded through the ordinary loader; it must lint without errors. */
export function laadTekst(yaml: string): Informatiemodel {
  const { model, findings } = loadInformatiemodel('model/t', memoryReader({ 'model/t/informatiemodel.yaml': yaml }));
  const errors = findings.filter((f) => f.severity === 'error');
  if (!model || errors.length > 0)
    throw new Error(
      `the test model does not load:\n${errors.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`).join('\n')}`,
    );
  return model;
}

/** The schema of a model, with Ajv 2020 (strict, every error) holding it, and a validator per def. */
export class Defs {
  readonly schema: Schema;
  private readonly ajv = ajvMetFormats({ strict: true, allErrors: true });
  private readonly sleutel: string;

  constructor(im: Informatiemodel, opties: InformatiemodelSchemaOpties = {}) {
    this.schema = informatiemodelSchema(im, opties);
    this.sleutel = typeof this.schema.$id === 'string' ? this.schema.$id : 'informatiemodel.schema.json';
    this.ajv.addSchema(this.schema, this.sleutel);
  }

  get namen(): string[] {
    return Object.keys(this.schema.$defs as Schema);
  }

  def(naam: string): Schema {
    return (this.schema.$defs as Schema)[naam] as Schema;
  }

  /** The validator of one def, found as any `$ref` finds it: by its escaped JSON pointer in a URI fragment. */
  validator(naam: string): ValidateFunction {
    const v = this.ajv.getSchema(`${this.sleutel}#/$defs/${encodeURIComponent(pointerSegment(naam))}`);
    if (!v) throw new Error(`no def ${naam}`);
    return v;
  }

  geldig(naam: string, waarde: unknown): boolean {
    return this.validator(naam)(waarde) as boolean;
  }

  /** Every def compiled: every `$ref` in the schema resolves. */
  compileerAlles(): void {
    for (const naam of this.namen) this.validator(naam);
  }
}
