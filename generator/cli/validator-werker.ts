/**
 * The validator page's Web Worker (issue 17), bundled with esbuild from the generated package's stream
 * validators and tables (dist/stream-validators.js, dist/tabellen.js) and the runtime's compiled stream
 * engine; the runtime's browser/ folder stands in for node:buffer and node:crypto (TextDecoder, a SHA-1 of
 * its own) and for the Node-only paths (files by name, worker threads) that a browser never takes. esbuild's
 * output is deterministic for fixed input and options (minified, no source maps, no paths in it), so the
 * committed bundle is byte for byte what `npm run generate` makes.
 *
 * The bundle needs only files the package emitter makes on the main thread, so `mimgen generate` starts it
 * while the package's TypeScript still compiles (EmitContext.pakketVooraf), in a thread of its own
 * (werkerBundelApart): esbuild asks this module's plugin for the files, and the main thread is busy with the
 * other emitters then. It lives in cli/ because it starts a process (esbuild's).
 */
import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { dependencyFolder } from '../common/tool-files.ts';
import { werkerVoor } from '../emit/werker.ts';

const NODE_SHIMS: Record<string, string> = {
  'node:buffer': 'browser/buffer.js',
  'node:crypto': 'browser/crypto.js',
  'node:fs': 'browser/node-stub.js',
  'node:worker_threads': 'browser/node-stub.js',
};

/** The files of the package the bundle is made of. */
export const BUNDEL_BRONNEN = ['dist/stream-validators.js', 'dist/tabellen.js'] as const;

// The model's part, straight from the stream validators and the tables: what validate.js binds together
// (VALIDATORS, melding) without the rest of validate.js, which a browser does not need.
const WORKER_ENTRY = `import * as validators from './stream-validators.js';
import { OBJECTEN, REGELS, STREAM_PLAN, VELDEN } from './tabellen.js';
import { maakMelding } from '@mimgen/runtime';
import { werk } from '@mimgen/runtime/browser/werker.js';
werk({ plan: STREAM_PLAN, validators, regels: REGELS, melding: maakMelding(VELDEN, OBJECTEN) });
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

/** validator/werker.js: the page's worker, bundled from the package's files (at least BUNDEL_BRONNEN). */
export async function werkerBundel(files: ReadonlyMap<string, string>): Promise<string> {
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
  return result.outputFiles[0]!.text;
}

/** Loads esbuild in the bundling thread ahead, while the model loads; `mimgen generate` calls it at its start. */
export function bundelVoorbereiden(): void {
  bundelWerker().vooruit('bundelKlaar');
}

/** What the thread runs ahead: nothing but loading this module, with esbuild. */
export function bundelKlaar(): void {}

function bundelWerker() {
  return werkerVoor(new URL(`./validator-werker.${import.meta.url.endsWith('.js') ? 'js' : 'ts'}`, import.meta.url));
}

/** werkerBundel in a worker thread of its own, whose event loop is free to answer esbuild while this one works. */
export function werkerBundelApart(files: ReadonlyMap<string, string>): Promise<string> {
  const bronnen = new Map(BUNDEL_BRONNEN.flatMap((pad) => (files.has(pad) ? [[pad, files.get(pad)!] as const] : [])));
  return werkerVoor(
    new URL(`./validator-werker.${import.meta.url.endsWith('.js') ? 'js' : 'ts'}`, import.meta.url),
  ).voer<ReadonlyMap<string, string>, string>('werkerBundel', bronnen);
}
