/**
 * mimgen's own files: the templates, the format schemas, the runtime's declarations. They are part of the
 * tool like its code, so reading them is not input: this is the one module outside the CLI that touches the
 * file system, and only below mimgen's own folder. It sits two folders below the package root both as
 * source (generator/common/) and compiled (dist/common/), so one relative URL serves both.
 */
import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * A Handlebars template of templates/ (compiled in `env`, which holds the template's helpers) for text that is not HTML (Markdown, YAML, TypeScript): Handlebars'
 * HTML escaping is off, so the code that builds the view escapes each value for where it lands. `strict`
 * makes a field the view lacks an error instead of an empty string.
 */
export function textTemplate<View extends object = object>(path: string, env: typeof Handlebars = Handlebars): (view: View) => string {
  const compiled = env.compile(toolFile(`templates/${path}`), { noEscape: true, strict: true });
  return (view) => compiled(view);
}
