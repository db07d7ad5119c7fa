/**
 * `mimgen init [folder] [--model <name>] [--scope <@scope>] [--naam <naam>]`: scaffolds a standard's own
 * repository (package.json, mimgen.config.yaml, a model that lints clean and generates, a README, the
 * pull-request workflow), all files at once or none. Exit 0 written, 2 refused or bad input.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { CONFIG_FILE } from './config.ts';
import { finishWrite, removeIfEmpty, writeFilesAtOnce } from './writer.ts';
import {
  InitInvoerFout,
  MODELNAAM,
  naamVanSlug,
  scaffold,
  slug,
  type InitBestand,
  type InitView,
} from '../init/scaffold.ts';

export interface InitOptions {
  model?: string;
  scope?: string;
  naam?: string;
}

import { EXIT_OK, EXIT_USAGE } from './exit-codes.ts';

/** The scope as npm takes it (as mimgen.config.schema.json has it). */
const SCOPE = /^@[a-z0-9][a-z0-9._~-]*$/;
/** A model folder init does not make: the shared files live there. */
const GERESERVEERD = new Set(['gedeeld', 'node_modules']);

export function initCommand(folder: string | undefined, options: InitOptions): number {
  try {
    return run(folder ?? '.', options);
  } catch (e) {
    if (!(e instanceof InitInvoerFout)) throw e;
    process.stderr.write(`mimgen init: ${e.message}\n`);
    return EXIT_USAGE;
  }
}

function run(folder: string, options: InitOptions): number {
  const root = resolve(folder);
  if (existsSync(root) && !statSync(root).isDirectory())
    throw new InitInvoerFout(`${folder} is a file, not a folder; name a folder (it is made when it does not exist)`);
  if (finishWrite(root))
    process.stderr.write(`mimgen init: finished the files an interrupted run had ready in ${folder}\n`);

  const model = options.model ?? slug(basename(root));
  if (model === undefined) {
    throw new InitInvoerFout(
      `cannot make a model name of the folder name "${basename(root)}"; name the model with --model <name> (lower case letters, digits and dashes, such as bibliotheek)`,
    );
  }
  if (!MODELNAAM.test(model) || model.length > 100) {
    throw new InitInvoerFout(
      `--model "${model}" is not a model name; use lower case letters, digits and single dashes, starting with a letter (such as bibliotheek)`,
    );
  }
  if (GERESERVEERD.has(model))
    throw new InitInvoerFout(`--model "${model}": model/${model}/ is for shared files; choose another name`);
  let scope = options.scope;
  if (scope !== undefined) {
    if (!scope.startsWith('@')) scope = `@${scope}`;
    if (!SCOPE.test(scope))
      throw new InitInvoerFout(
        `--scope "${options.scope}" is not an npm scope; write @ and lower case letters, digits, dots, dashes or underscores (such as @gemeente)`,
      );
  }
  const naam = options.naam?.trim() || naamVanSlug(model);

  // What marks a folder as set up: refuse before anything is written.
  const bezet = [CONFIG_FILE, `model/${model}`].filter((p) => existsSync(join(root, p)));
  if (bezet.length > 0) {
    throw new InitInvoerFout(
      `${folder} holds ${bezet.join(' and ')} already; nothing written. ` +
        (bezet.includes(CONFIG_FILE)
          ? 'The folder is set up for mimgen: add a model folder under model/ yourself, or run init in another folder'
          : `choose another name with --model`),
    );
  }

  const pakket = scope ? `${scope}/${model}` : model;
  const view: InitView = {
    model,
    naam,
    pakket,
    pakketRepo: slug(basename(root)) ?? model,
    ...(scope ? { scope } : {}),
    schemaId: `https://unpkg.com/${pakket}/uitwisselmodel.schema.json`,
    mimgenVersie: mimgenVersie(),
  };
  const bestanden = scaffold(view, {
    packageJson: lees(join(root, 'package.json')),
    gitignore: lees(join(root, '.gitignore')),
    bestaat: (p) => existsSync(join(root, p)),
  });

  const teSchrijven = new Map(bestanden.filter((b) => b.inhoud !== undefined).map((b) => [b.pad, b.inhoud!]));
  const nieuweMap = !existsSync(root);
  try {
    mkdirSync(root, { recursive: true });
    writeFilesAtOnce(root, teSchrijven);
  } catch (e) {
    if (nieuweMap) removeIfEmpty(root);
    throw new InitInvoerFout(
      `cannot write in ${folder} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); nothing written`,
    );
  }
  process.stdout.write(verslag(folder, root, view, bestanden));
  return EXIT_OK;
}

function verslag(folder: string, root: string, view: InitView, bestanden: InitBestand[]): string {
  const woord = { nieuw: 'created', samengevoegd: 'merged ', bewaard: 'kept   ' } as const;
  const rel = relative(process.cwd(), root);
  const waar = rel === '' ? 'this folder' : folder;
  const lines = [
    `mimgen init: ${waar} now holds the model ${view.model} (${view.naam}), which generates the package ${view.pakket}`,
  ];
  for (const b of bestanden) lines.push(`  ${woord[b.soort]}  ${b.pad}${b.reden ? `  (${b.reden})` : ''}`);
  lines.push('', 'Next:');
  if (rel !== '') lines.push(`  cd ${/^[\w./@-]+$/.test(rel) ? rel : JSON.stringify(rel)}`);
  if (!existsSync(join(root, 'node_modules', 'mimgen')))
    lines.push('  npm install            # installs mimgen and writes package-lock.json (commit it: npm ci uses it)');
  lines.push(`  npm run generate       # writes generated/${view.model}/`);
  lines.push('  npm test               # mimgen lint and mimgen generate --check');
  if (!existsSync(join(root, '.git'))) lines.push('  git init && git add . && git commit -m "mimgen init"');
  return `${lines.join('\n')}\n`;
}

function lees(file: string): string | undefined {
  try {
    return statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** mimgen's own version, from its package.json (two folders up from generator/cli/ and from dist/cli/ alike). */
function mimgenVersie(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
}
