/** An error of Ajv's precompiled validators (stream-validators.js), as validate() and the streaming validator get them. */
export interface SchemaFout {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
