export * from './mapping.js';
export { validate, isUitwisselmodel, REGELS } from './validate.js';
export { validateStream, validateFile, createStreamValidator, StreamValidator, STREAM_PLAN } from './validate-stream.js';
export { createGegevensHandler, fetchGegevens, GegevensFetchError, ProblemError } from './api.js';
