/**
 * Builds the documentation site (issue 17, item 2): both models' docs (generated/<name>/docs/) and their
 * validator pages (generated/<name>/validator/, when present) as one MkDocs Material site, with Debian's
 * mkdocs and `mkdocs build --strict`. The site's mkdocs.yml and docs_dir are laid out by generator/site/ in a
 * temporary build folder; this script only reads, writes and runs mkdocs.
 *
 *   npm run site [-- --out <folder>] [-- --mkdocs /path/to/mkdocs]
 *
 * Default output: site/ (git-ignored). Open site/index.html, or serve the folder (the search needs HTTP).
 * buildSite(out) is the function to call from other code, such as a release that keeps versions side by side.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSiteFiles, SiteError, type SiteModel } from '../generator/site/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_MKDOCS = '/usr/bin/mkdocs';
export const DEFAULT_OUT = join(ROOT, 'site');
/** mermaid's browser build, from mimgen's own dependencies (whichever repository's docs are built). */
const MERMAID = join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
/** Left in a built site, so that a rebuild may empty the folder (mkdocs does) but never a folder of something else. */
const MARKER = '.mimgen-site';

export interface BuildSiteOptions {
  /** The repository whose generated/ folder is built; this one by default. */
  root?: string;
  /** The mkdocs executable; /usr/bin/mkdocs by default. */
  mkdocs?: string;
  /** The version this site is, for a site kept beside other versions (Material's version selector). */
  version?: string;
  siteName?: string;
}

export interface BuiltSite {
  out: string;
  /** The pages of the nav, as paths of the built site (`vroegsignalering/definities.html`). */
  pages: string[];
  /** The models with a validator page. */
  validators: string[];
  millis: number;
}

/** mkdocs is not installed where it was looked for. */
export class MkdocsMissing extends Error {}

function files(folder: string): Map<string, Uint8Array> {
  const result = new Map<string, Uint8Array>();
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    result.set(
      path
        .slice(folder.length + 1)
        .split('\\')
        .join('/'),
      readFileSync(path),
    );
  }
  return new Map([...result].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** The models of generated/ that have docs, each with its validator page when there is one. */
export function readModels(root: string): SiteModel[] {
  const generated = join(root, 'generated');
  if (!isDir(generated)) throw new SiteError(`${generated} does not exist: run npm run generate`);
  return readdirSync(generated)
    .sort()
    .filter((name) => isDir(join(generated, name, 'docs')))
    .map((name) => {
      const validator = join(generated, name, 'validator');
      return {
        name,
        docs: files(join(generated, name, 'docs')),
        ...(existsSync(join(validator, 'index.html')) ? { validator: files(validator) } : {}),
      };
    });
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

/**
 * Builds the site into `out` (created; a previous site there is replaced). Throws MkdocsMissing when mkdocs
 * is absent, SiteError for generated docs that cannot make a site, and an Error with mkdocs' output when
 * `mkdocs build --strict` fails.
 */
export async function buildSite(out: string, options: BuildSiteOptions = {}): Promise<BuiltSite> {
  const started = performance.now();
  const root = options.root ?? ROOT;
  const mkdocs = options.mkdocs ?? DEFAULT_MKDOCS;
  if (!existsSync(mkdocs))
    throw new MkdocsMissing(
      `${mkdocs} is not installed: apt-get install mkdocs mkdocs-material (Debian), or pass --mkdocs <path>`,
    );
  const target = resolve(out);
  if (isDir(target) && readdirSync(target).length > 0 && !existsSync(join(target, MARKER)))
    throw new SiteError(`${out} is not empty and holds no site built before: choose an empty or new folder`);
  const models = readModels(root);
  const site = buildSiteFiles({
    models,
    mermaid: readFileSync(MERMAID),
    ...(options.version !== undefined ? { version: options.version } : {}),
    ...(options.siteName !== undefined ? { siteName: options.siteName } : {}),
  });
  const build = mkdtempSync(join(tmpdir(), 'mimgen-site-'));
  // mkdocs writes its pages before --strict counts the warnings: it builds beside the target, which is
  // replaced only by a site that passed, so a failed build leaves the previous site (or nothing) in place.
  const fresh = `${target}.tmp-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  try {
    for (const [path, contents] of site.files) {
      mkdirSync(dirname(join(build, path)), { recursive: true });
      writeFileSync(join(build, path), contents);
    }
    const result = await run(
      mkdocs,
      ['build', '--strict', '--config-file', join(build, 'mkdocs.yml'), '--site-dir', fresh],
      build,
    );
    if (result.code !== 0)
      throw new Error(`mkdocs build --strict failed (exit ${result.code}):\n${result.output.trim()}`);
    writeFileSync(join(fresh, MARKER), 'Built by mimgen (npm run site); this folder is replaced by the next build.\n');
    if (existsSync(target)) renameSync(target, old);
    renameSync(fresh, target);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(build, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
  }
  return {
    out: target,
    pages: site.pages.map((p) => p.replace(/\.md$/, '.html')),
    validators: models.filter((m) => m.validator).map((m) => m.name),
    millis: performance.now() - started,
  };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const out = option('--out') ?? DEFAULT_OUT;
  const mkdocs = option('--mkdocs');
  const version = option('--version');
  try {
    const site = await buildSite(out, { ...(mkdocs ? { mkdocs } : {}), ...(version ? { version } : {}) });
    console.log(
      `site: ${site.pages.length} pages${site.validators.length ? `, validator pages of ${site.validators.join(', ')}` : ', no validator pages'} in ${Math.round(site.millis)} ms → ${site.out}/index.html`,
    );
    return 0;
  } catch (error) {
    console.error(`site: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof MkdocsMissing || error instanceof SiteError ? 2 : 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
