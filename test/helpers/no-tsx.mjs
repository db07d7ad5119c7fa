// Preloaded (node --import) into the CLI by test/cli/: makes loading tsx or a TypeScript module fail, so that
// a test proves the compiled CLI (dist/) runs without compiling anything at run time, its worker threads too.
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'tsx' || specifier.startsWith('tsx/') || /\\.[cm]?ts$/.test(specifier.split('?')[0])) {
    throw new Error('mimgen loaded ' + specifier + ' at run time (from ' + context.parentURL + ')');
  }
  return next(specifier, context);
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
