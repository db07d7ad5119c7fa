export * from './mapping.js';
export { validate, isUitwisselmodel, REGELS } from './validate.js';
