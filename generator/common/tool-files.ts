/**
 * mimgen's own files: the templates, the format schemas, the runtime's declarations. They are part of the
 * tool like its code, so reading them is not input: this is the one module outside the CLI that touches the
 * file system, and only below mimgen's own folder and the packages it depends on (the runtime). It sits two folders below the package root both as
 * source (generator/common/) and compiled (dist/common/), so one relative URL serves both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

const ROOT = new URL('../../', import.meta.url);

/** A file of mimgen's package as text, by its path from the package root (`templates/docs/index.md.hbs`). */
export function toolFile(path: string): string {
  return readFileSync(new URL(path, ROOT), 'utf8');
}

/** The names of the files in a folder of mimgen's package, sorted. */
export function toolFolder(path: string): string[] {
  return readdirSync(new URL(path.endsWith('/') ? path : `${path}/`, ROOT)).sort();
}

/** The URL of a file of mimgen's package, for what must be loaded rather than read (a worker, a module). */
export function toolUrl(path: string): URL {
  return new URL(path, ROOT);
}

/** A CommonJS module of mimgen's package (a file the build writes), or undefined when it is not there. */
export function toolModule(path: string): unknown {
  try {
    return createRequire(import.meta.url)(fileURLToPath(new URL(path, ROOT)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw e;
  }
}

const packageFolders = new Map<string, string>();

/** The folder of a package mimgen depends on, found as Node finds it from mimgen (`@mimgen/runtime`). */
export function dependencyFolder(pkg: string): string {
  let folder = packageFolders.get(pkg);
  if (folder === undefined) {
    folder = dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
    packageFolders.set(pkg, folder);
  }
  return folder;
}

/** A file of a package mimgen depends on, as text. */
export function dependencyFile(pkg: string, path: string): string {
  return readFileSync(join(dependencyFolder(pkg), path), 'utf8');
}

/**
 * The files under a folder of a package mimgen depends on, recursively, as paths relative to that folder with
 * forward slashes, sorted; undefined when there is no such folder.
 */
export function dependencyFiles(pkg: string, folder: string): string[] | undefined {
  try {
    return readdirSync(join(dependencyFolder(pkg), folder), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) =>
        join(e.parentPath, e.name)
          .slice(join(dependencyFolder(pkg), folder).length + 1)
          .split('\\')
          .join('/'),
      )
      .sort();
  } catch {
    return undefined;
  }
}

/**
 * A Handlebars template of templates/ (compiled in `env`, which holds the template's helpers) for text that is not HTML (Markdown, YAML, TypeScript): Handlebars'
 * HTML escaping is off, so the code that builds the view escapes each value for where it lands. `strict`
 * makes a field the view lacks an error instead of an empty string.
 */
export function textTemplate<View extends object = object>(
  path: string,
  env: typeof Handlebars = Handlebars,
): (view: View) => string {
  const compiled = env.compile(toolFile(`templates/${path}`), { noEscape: true, strict: true });
  return (view) => compiled(view);
}
