/**
 * The validator page of a model's package (issue 17): `generated/<name>/validator/`, a static folder
 * (index.html, validator.css, pagina.js, werker.js) that validates a delivery in the browser with the
 * package's streaming validator, in a Web Worker over File.stream(), without any network request.
 *
 * The worker is bundled here with esbuild from the package's compiled files as they are in the generated
 * tree (in memory, so `generate --check` compares the bundle of the current output) and the runtime's
 * compiled stream engine; the runtime's browser/ folder stands in for node:buffer and node:crypto (TextDecoder,
 * a SHA-1 of its own) and for the Node-only paths (files by name, worker threads) that a browser never takes.
 * esbuild's output is deterministic for fixed input and options (minified, no source maps, no paths in it),
 * so the committed bundle is byte for byte what `npm run generate` makes. It lives in cli/ because it runs
 * a tool on files, like the writer.
 */
import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { dependencyFile, dependencyFolder, textTemplate } from '../common/tool-files.ts';
import { PLAATSEN } from '../emit/docs/plaatsen.ts';

const NODE_SHIMS: Record<string, string> = {
  'node:buffer': 'browser/buffer.js',
  'node:crypto': 'browser/crypto.js',
  'node:fs': 'browser/node-stub.js',
  'node:worker_threads': 'browser/node-stub.js',
};

const WORKER_ENTRY = `import { melding, VALIDATORS } from './validate.js';
import { REGELS, STREAM_PLAN } from './tabellen.js';
import { werk } from '@mimgen/runtime/browser/werker.js';
werk({ plan: STREAM_PLAN, validators: VALIDATORS, regels: REGELS, melding });
`;

/** The generated package's files as esbuild modules, the node: modules replaced by the runtime's browser shims. */
function pakketPlugin(files: ReadonlyMap<string, string>, runtime: string, root: string): Plugin {
  return {
    name: 'mimgen-pakket',
    setup(b) {
      b.onResolve({ filter: /^node:/ }, (a) => {
        const shim = NODE_SHIMS[a.path];
        if (!shim) return { errors: [{ text: `${a.path} has no browser counterpart (imported by ${a.importer})` }] };
        return { path: join(runtime, shim) };
      });
      b.onResolve({ filter: /^\.\/[^/]+\.js$/ }, (a) =>
        a.namespace === 'pakket' ? { path: `dist/${a.path.slice(2)}`, namespace: 'pakket' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'pakket' }, (a) => {
        let contents = a.path === 'entry' ? WORKER_ENTRY : files.get(a.path);
        if (contents === undefined) return { errors: [{ text: `${a.path} is not in the generated package` }] };
        // Ajv's standalone code requires CommonJS helpers through createRequire: a plain require lets esbuild bundle them.
        contents = contents
          .replace(/^import \{ createRequire \} from 'node:module';\n/m, '')
          .replace(/^const require = createRequire\(import\.meta\.url\);\n/m, '');
        return { contents, loader: 'js', resolveDir: root };
      });
      b.onResolve({ filter: /^entry$/ }, () => ({ path: 'entry', namespace: 'pakket' }));
    },
  };
}

/** The validator page's files, by path under the model's generated folder. */
export async function validatorPage(
  name: string,
  titel: string,
  files: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const runtime = dependencyFolder('@mimgen/runtime');
  const root = join(runtime, '..');
  const result = await build({
    entryPoints: ['entry'],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    absWorkingDir: root,
    logLevel: 'silent',
    plugins: [pakketPlugin(files, runtime, root)],
  });
  const werker = result.outputFiles[0]!.text;
  // Each error links to what the docs say about its place: the docs emitter's links by JSON pointer pattern.
  const plaatsen = files.get(PLAATSEN);
  if (plaatsen === undefined) throw new Error(`${PLAATSEN} is not in the generated files of ${name}`);
  const html = textTemplate<{ titel: string; naam: string; docs: string; plaatsen: string }>(
    'validator/index.html.hbs',
  )({
    titel: titel.replaceAll('&', '&amp;').replaceAll('<', '&lt;'),
    naam: name,
    docs: '../docs/',
    plaatsen: JSON.stringify(JSON.parse(plaatsen)).replaceAll('<', '\\u003c'),
  });
  return new Map([
    // An icon of its own: without one the browser asks the server for /favicon.ico, which a static host may not have.
    ['validator/favicon.svg', dependencyFile('@mimgen/runtime', 'browser/favicon.svg')],
    ['validator/index.html', html],
    ['validator/validator.css', dependencyFile('@mimgen/runtime', 'browser/validator.css')],
    ['validator/pagina.js', dependencyFile('@mimgen/runtime', 'browser/pagina.js')],
    ['validator/werker.js', werker],
  ]);
}
