/** The compat schema's validator, precompiled by Ajv. */
export interface SchemaFout {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
declare const validate: ((data: unknown) => boolean) & { errors?: SchemaFout[] | null };
export default validate;
