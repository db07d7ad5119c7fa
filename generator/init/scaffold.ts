/**
 * What `mimgen init` writes into a standard's repository: the files, rendered from the Handlebars templates
 * in templates/init/, and how they meet files that are already there (package.json and .gitignore are
 * merged, a README or workflow of the maintainer's own is kept). A pure function of the options and of what
 * the folder holds; the command (generator/cli/init.ts) reads the folder and writes the result.
 */
import { mdCodeSpan } from '../common/markdown.ts';
import { textTemplate } from '../common/tool-files.ts';
import Handlebars from 'handlebars';
import { stringify } from 'yaml';

/** What the templates are filled with. */
export interface InitView {
  /** The model's folder name under model/: a lowercase slug, also the prefix of the element ids. */
  model: string;
  /** The informatiemodel's display name. */
  naam: string;
  /** The npm package name of the generated package. */
  pakket: string;
  /** The name of the repository's own (private) package.json. */
  pakketRepo: string;
  /** The npm scope for models added later, when --scope was given. */
  scope?: string;
  /** The `$id` of the published schema, for the maintainer to replace by where it is published. */
  schemaId: string;
  /** The exact version of the running mimgen, the repository's devDependency. */
  mimgenVersie: string;
}

/** The files of the folder that init meets; undefined when absent. */
export interface Bestaand {
  packageJson?: string;
  gitignore?: string;
  /** Whether a file or folder exists at this path (relative to the folder, forward slashes). */
  bestaat(path: string): boolean;
}

export interface InitBestand {
  /** Relative to the folder, forward slashes. */
  pad: string;
  /** nieuw: written; samengevoegd: an existing file with what init adds; bewaard: exists, left as it is. */
  soort: 'nieuw' | 'samengevoegd' | 'bewaard';
  /** What to write; absent for bewaard. */
  inhoud?: string;
  /** For bewaard: why, for the report. */
  reden?: string;
}

/** An existing file init cannot merge with (package.json that is not a JSON object); nothing is written. */
export class InitInvoerFout extends Error {}

const hb = Handlebars.create();
hb.registerHelper('json', (value: unknown) => JSON.stringify(value));
/** A YAML scalar for the arguments joined: plain when that reads back the same, quoted otherwise. */
hb.registerHelper('yaml', (...args: unknown[]) => stringify(args.slice(0, -1).join(''), { lineWidth: 0 }).trimEnd());
hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
/** Text in Markdown: characters that would start markup are escaped. */
hb.registerHelper('md', (value: string) => value.replace(/[\\`*_{}[\]()<>#+|!~]/g, '\\$&'));
/** A Markdown code span that no backtick in the text can close early. */
hb.registerHelper('code', (value: string) => mdCodeSpan(value));

function template(name: string): (view: InitView) => string {
  return textTemplate<InitView>(`init/${name}`, hb);
}

const T = {
  packageJson: template('package.json.hbs'),
  config: template('mimgen.config.yaml.hbs'),
  informatiemodel: template('informatiemodel.yaml.hbs'),
  uitwisselmodel: template('uitwisselmodel.yaml.hbs'),
  datatypes: template('datatypes.yaml.hbs'),
  readme: template('README.md.hbs'),
  workflow: template('mimgen.yml.hbs'),
  gitignore: template('gitignore.hbs'),
};

/** The workflow's path, also named in the report. */
export const WORKFLOW = '.github/workflows/mimgen.yml';
export const DATATYPES = 'model/gedeeld/datatypes.yaml';

/** npm init's placeholder test script: a script that only fails, which init's own test replaces. */
const NPM_INIT_TEST = /^echo "Error: no test specified" && exit 1$/;

/**
 * The files for `view`, in the order of the report. The caller has checked that neither mimgen.config.yaml
 * nor model/<model>/ exists; the other files that exist are merged or kept.
 */
export function scaffold(view: InitView, bestaand: Bestaand): InitBestand[] {
  const uit: InitBestand[] = [];
  const nieuwOfBewaard = (pad: string, inhoud: string, reden: string): void => {
    uit.push(bestaand.bestaat(pad) ? { pad, soort: 'bewaard', reden } : { pad, soort: 'nieuw', inhoud });
  };
  uit.push(packageJson(view, bestaand.packageJson));
  uit.push({ pad: 'mimgen.config.yaml', soort: 'nieuw', inhoud: T.config(view) });
  uit.push({ pad: `model/${view.model}/informatiemodel.yaml`, soort: 'nieuw', inhoud: T.informatiemodel(view) });
  uit.push({ pad: `model/${view.model}/uitwisselmodel.yaml`, soort: 'nieuw', inhoud: T.uitwisselmodel(view) });
  nieuwOfBewaard(DATATYPES, T.datatypes(view), 'it exists; the model uses its AN, Datum, DatumTijd and Boolean');
  nieuwOfBewaard(
    'README.md',
    T.readme(view),
    'it exists; the README init writes starts with npm ci && npm run generate, then npm test',
  );
  nieuwOfBewaard(
    WORKFLOW,
    T.workflow(view),
    'it exists; the workflow init writes runs npx mimgen check-pr on every pull request',
  );
  uit.push(gitignore(view, bestaand.gitignore));
  return uit;
}

/**
 * package.json: the template's, or the existing one with what is missing added: its fields and scripts are
 * kept (npm init's failing placeholder test aside), and a mimgen dependency it already has (for instance
 * the tarball `npm install` put under dependencies) is left as it is.
 */
function packageJson(view: InitView, bestaand: string | undefined): InitBestand {
  const nieuw = JSON.parse(T.packageJson(view)) as Record<string, unknown> & {
    scripts: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  if (bestaand === undefined)
    return { pad: 'package.json', soort: 'nieuw', inhoud: `${JSON.stringify(nieuw, null, 2)}\n` };
  let oud: unknown;
  try {
    oud = JSON.parse(bestaand);
  } catch (e) {
    throw new InitInvoerFout(
      `package.json is not valid JSON (${(e as Error).message}); correct or remove it and run mimgen init again`,
    );
  }
  if (!isObject(oud))
    throw new InitInvoerFout(
      'package.json does not hold a JSON object; correct or remove it and run mimgen init again',
    );
  if (oud.name === 'mimgen')
    throw new InitInvoerFout("this is mimgen's own repository; run mimgen init in the repository of a standard");
  const samen: Record<string, unknown> = { ...oud };
  for (const [key, value] of Object.entries(nieuw)) {
    if (key === 'scripts' || key === 'devDependencies') continue;
    if (!(key in samen)) samen[key] = value;
  }
  const scripts = isObject(oud.scripts) ? { ...(oud.scripts as Record<string, unknown>) } : {};
  for (const [naam, script] of Object.entries(nieuw.scripts)) {
    const huidig = scripts[naam];
    if (huidig === undefined || (naam === 'test' && typeof huidig === 'string' && NPM_INIT_TEST.test(huidig)))
      scripts[naam] = script;
  }
  samen.scripts = scripts;
  const heeftMimgen = ['dependencies', 'devDependencies', 'optionalDependencies'].some(
    (k) => isObject(oud[k]) && (oud[k] as Record<string, unknown>).mimgen !== undefined,
  );
  if (!heeftMimgen)
    samen.devDependencies = { ...(isObject(oud.devDependencies) ? oud.devDependencies : {}), ...nieuw.devDependencies };
  const inhoud = `${JSON.stringify(samen, null, detectIndent(bestaand))}\n`;
  return inhoud === bestaand
    ? { pad: 'package.json', soort: 'bewaard', reden: 'it has the scripts and the mimgen dependency already' }
    : { pad: 'package.json', soort: 'samengevoegd', inhoud };
}

/** .gitignore: the existing lines, then the template's lines that it does not have yet. */
function gitignore(view: InitView, bestaand: string | undefined): InitBestand {
  const lines = T.gitignore(view)
    .split('\n')
    .filter((r) => r.trim() !== '');
  if (bestaand === undefined) return { pad: '.gitignore', soort: 'nieuw', inhoud: `${lines.join('\n')}\n` };
  const norm = (r: string): string => r.trim().replace(/^\/+|\/+$/g, '');
  const heeft = new Set(bestaand.split(/\r?\n/).map(norm));
  const erbij = lines.filter((r) => !heeft.has(norm(r)));
  if (erbij.length === 0)
    return {
      pad: '.gitignore',
      soort: 'bewaard',
      reden: "it ignores node_modules/ and mimgen's temporary folders already",
    };
  const basis = bestaand === '' || bestaand.endsWith('\n') ? bestaand : `${bestaand}\n`;
  return { pad: '.gitignore', soort: 'samengevoegd', inhoud: `${basis}${erbij.join('\n')}\n` };
}

/** The indentation of a JSON text as JSON.stringify takes it (npm writes two spaces). */
function detectIndent(json: string): string | number {
  const m = /^[{[]\r?\n([ \t]+)\S/.exec(json);
  return m ? m[1]! : 2;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A model name as init takes it: a lowercase slug, usable as a folder, an element id and an npm name. */
export const MODELNAAM = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The slug of a folder name (`Mijn Standaard` → `mijn-standaard`), or undefined when nothing usable is left. */
export function slug(naam: string): string | undefined {
  const s = naam
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  return s !== '' && s.length <= 100 && MODELNAAM.test(s) ? s : undefined;
}

/** The display name a slug suggests: `mijn-standaard` → `Mijn standaard`. */
export function naamVanSlug(s: string): string {
  const woorden = s.replaceAll('-', ' ');
  return woorden.charAt(0).toUpperCase() + woorden.slice(1);
}
