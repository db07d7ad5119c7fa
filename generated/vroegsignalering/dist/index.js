export * from './mapping.js';
export { validate, isUitwisselmodel, REGELS } from './validate.js';
export { validateStream, validateFile, createStreamValidator, StreamValidator, STREAM_PLAN } from './validate-stream.js';
/** The strict form: validate, isUitwisselmodel and the streaming functions with uitwisselmodel.strict.schema.json. */
export * as strict from './strict.js';
export { createGegevensHandler, fetchGegevens, GegevensFetchError, ProblemError } from './api.js';
