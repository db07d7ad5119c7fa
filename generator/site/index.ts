/**
 * The documentation site (issue 17, item 2): the generated docs of each model (generated/<name>/docs/) and
 * its validator page (generated/<name>/validator/, when there is one) laid out as the docs_dir of one
 * MkDocs Material site, with the site's mkdocs.yml. A pure function: the caller (scripts/site.ts) reads
 * the folders, writes the result to a build folder and runs `mkdocs build --strict` on it.
 *
 * Layout of the site: `<name>/<page>.md` as the model's nav fragment (docs/mkdocs-nav.yml) names them,
 * `<name>/validator/` beside them, `index.md` listing the models, and mermaid under `assets/javascripts/`.
 */
import Handlebars from 'handlebars';
import { parse, stringify } from 'yaml';
import { textTemplate, toolFile } from '../common/tool-files.ts';

/** One model's part of the site, as read from generated/<name>/. */
export interface SiteModel {
  /** The folder name under generated/, which is also the model's folder in the site. */
  name: string;
  /** The files of generated/<name>/docs/, by their path inside that folder (`index.md`, `mkdocs-nav.yml`). */
  docs: ReadonlyMap<string, string | Uint8Array>;
  /** The files of generated/<name>/validator/ by their path inside it, when the model has a validator page. */
  validator?: ReadonlyMap<string, string | Uint8Array>;
}

export interface SiteInput {
  models: readonly SiteModel[];
  /** The text of mermaid's browser build (node_modules/mermaid/dist/mermaid.min.js). */
  mermaid: string | Uint8Array;
  /** The site's title; "DDAS informatiemodellen" when absent. */
  siteName?: string;
  /**
   * Set when the site is one version among several kept side by side (issue 19, like `mike`): Material then
   * shows a version selector that reads `../versions.json`.
   */
  version?: string;
}

export interface Site {
  /** The build folder's files by path: `mkdocs.yml` and everything under `docs/`. */
  files: Map<string, string | Uint8Array>;
  /** Each nav entry's page path (relative to docs/), in nav order: the pages the built site must have. */
  pages: string[];
}

/** Where a validator page sits in the site, relative to docs_dir. */
export const validatorPath = (name: string): string => `${name}/validator/index.html`;

export const MERMAID_SCRIPT = 'assets/javascripts/mermaid.min.js';
export const MERMAID_INIT = 'assets/javascripts/mermaid-init.js';
export const STYLESHEET = 'assets/stylesheets/mimgen.css';
const DEFAULT_NAME = 'DDAS informatiemodellen';

const hb = Handlebars.create();
hb.registerHelper('json', (value: unknown) => JSON.stringify(value));
const CONFIG = textTemplate<object>('site/mkdocs.yml.hbs', hb);
const HOME = textTemplate<object>('site/index.md.hbs', hb);

/** A nav entry: a title with a page path, or a title with a list of entries. */
type NavEntry = { [title: string]: string | NavEntry[] };

export class SiteError extends Error {}

interface ModelNav {
  name: string;
  title: string;
  entries: NavEntry[];
}

/** The model's nav fragment (docs/mkdocs-nav.yml): one entry, the model's title over its pages. */
function modelNav(model: SiteModel): ModelNav {
  const file = model.docs.get('mkdocs-nav.yml');
  if (file === undefined)
    throw new SiteError(`generated/${model.name}/docs/mkdocs-nav.yml is missing: run npm run generate`);
  const text = typeof file === 'string' ? file : new TextDecoder().decode(file);
  const data: unknown = parse(text);
  const [top] = Array.isArray(data) ? data : [];
  const keys = top && typeof top === 'object' ? Object.keys(top) : [];
  const title = keys[0];
  const entries = title === undefined ? undefined : (top as Record<string, unknown>)[title];
  if (keys.length !== 1 || title === undefined || !Array.isArray(entries))
    throw new SiteError(
      `generated/${model.name}/docs/mkdocs-nav.yml is not one titled list of pages: run npm run generate`,
    );
  // Pages, or sections of pages (a large model's diagrams per pakket), each page one of the model's docs.
  const controleer = (lijst: NavEntry[]): void => {
    for (const entry of lijst) {
      for (const path of Object.values(entry)) {
        if (Array.isArray(path)) controleer(path);
        else if (
          typeof path !== 'string' ||
          !path.startsWith(`${model.name}/`) ||
          !model.docs.has(path.slice(model.name.length + 1))
        )
          throw new SiteError(
            `generated/${model.name}/docs/mkdocs-nav.yml names ${JSON.stringify(path)}, which is not in generated/${model.name}/docs/`,
          );
      }
    }
  };
  controleer(entries as NavEntry[]);
  const withValidator = model.validator?.has('index.html')
    ? [...(entries as NavEntry[]), { Validator: validatorPath(model.name) }]
    : (entries as NavEntry[]);
  return { name: model.name, title, entries: withValidator };
}

/** How the validator page beside the package links to the docs, and how it does in the site. */
const DOCS_NAAST_PAKKET = 'data-docs="../docs/"';
const DOCS_IN_SITE = 'data-docs="../" data-ext=".html"';

/**
 * The validator page as the site has it: its error links go to the model's pages beside it (`../definities.html`),
 * not to the package's Markdown (`../docs/definities.md`).
 */
function inDeSite(name: string, contents: string | Uint8Array): string {
  const html = typeof contents === 'string' ? contents : new TextDecoder().decode(contents);
  if (!html.includes(DOCS_NAAST_PAKKET))
    throw new SiteError(
      `generated/${name}/validator/index.html does not say where the docs are (${DOCS_NAAST_PAKKET}): run npm run generate`,
    );
  return html.replace(DOCS_NAAST_PAKKET, DOCS_IN_SITE);
}

/** The site's build folder: mkdocs.yml and docs/ (the models' pages, validators, home page and mermaid). */
export function buildSiteFiles(input: SiteInput): Site {
  if (input.models.length === 0)
    throw new SiteError('no model has documentation under generated/: run npm run generate');
  const siteName = input.siteName ?? DEFAULT_NAME;
  const files = new Map<string, string | Uint8Array>();
  const navs = [...input.models].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(modelNav);
  for (const model of input.models) {
    for (const [path, contents] of model.docs)
      if (path !== 'mkdocs-nav.yml') files.set(`docs/${model.name}/${path}`, contents);
    for (const [path, contents] of model.validator ?? [])
      files.set(
        `docs/${model.name}/validator/${path}`,
        path === 'index.html' ? inDeSite(model.name, contents) : contents,
      );
  }
  files.set(`docs/${MERMAID_SCRIPT}`, input.mermaid);
  files.set(`docs/${MERMAID_INIT}`, toolFile('templates/site/mermaid-init.js'));
  files.set(`docs/${STYLESHEET}`, toolFile('templates/site/site.css'));
  const modellen = navs.map((nav) => ({
    name: nav.name,
    title: nav.title,
    // The home page lists a model's pages, not the sections within them.
    pages: nav.entries.flatMap((entry) =>
      Object.entries(entry).flatMap(([title, path]) => (typeof path === 'string' ? [{ title, path }] : [])),
    ),
  }));
  files.set(
    'docs/index.md',
    HOME({ siteName, modellen, validators: input.models.some((m) => m.validator?.has('index.html')) }),
  );
  const nav: NavEntry[] = [{ Start: 'index.md' }, ...navs.map((n) => ({ [n.title]: n.entries }))];
  const navText = stringify(nav, { indent: 2 })
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  files.set(
    'mkdocs.yml',
    CONFIG({
      siteName,
      mermaidScript: MERMAID_SCRIPT,
      mermaidInit: MERMAID_INIT,
      stylesheet: STYLESHEET,
      version: input.version,
      nav: navText,
    }),
  );
  const paginas = (lijst: NavEntry[]): string[] =>
    lijst.flatMap((entry) => Object.values(entry).flatMap((v) => (typeof v === 'string' ? [v] : paginas(v))));
  return { files, pages: ['index.md', ...navs.flatMap((n) => paginas(n.entries))] };
}
