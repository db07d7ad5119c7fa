/** Generated TypeScript that does not type-check: generation stops and nothing is written. */
export class GeneratedCodeError extends Error {
  override name = 'GeneratedCodeError';
}
