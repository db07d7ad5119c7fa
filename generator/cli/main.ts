import { Command, CommanderError } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { formatFinding, InputErrors, UnreadableInput } from '../diagnostics/findings.ts';
import type { DeriveCommandOptions } from './derive.ts';
import type { importXmiCommand } from './import-xmi.ts';
import type { Config } from './config.ts';
import { CONFIG_FILE, defaultConfig } from './config-defaults.ts';
import type { ValidateOptions } from './validate.ts';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';

export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';

// Each command is loaded when it runs: a command pays only for what it uses at start-up and in memory
// (generate brings ts-morph and TypeScript, validate must stay small on files of any size).

/** Runs the CLI and returns its exit code; never lets an exception reach the user as a stack trace. */
export async function main(argv: string[]): Promise<number> {
  let code = EXIT_OK;
  const program = new Command()
    .name('mimgen')
    .description(
      'Generates the DDAS uitwisselmodel, JSON Schema, TypeScript and documentation from MIM models in YAML.',
    )
    .version(versie(), '-V, --version', "print mimgen's version")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('lint')
    .description('check models and print every finding as file:line:col  severity  rule-id  message')
    .argument(
      '[models...]',
      "model names under model/ (or the config's models folder) or model folders; all models when omitted",
    )
    .option('--json', 'print the findings as JSON')
    .action(async (models: string[], options: { json?: boolean }) => {
      code = (await import('./lint.ts')).lintCommand(models, options, await config());
    });

  program
    .command('generate')
    .description(
      'generate generated/<model>/ (or <output>/<model>/ of the config) for all models or the ones named; all files or none',
    )
    .argument('[models...]', "model names under model/ (or the config's models folder); all models when omitted")
    .option('--check', 'write nothing; exit 1 and list the files that are stale')
    .action(async (models: string[], options: { check?: boolean }) => {
      code = await (await import('./generate.ts')).generateCommand(models, options, await config());
    });

  program
    .command('import-xmi')
    .description(
      'import XMI 2.1 (an Enterprise Architect export with the MIM profile, or XMI of another tool) as model YAML; exit 0 imported, 1 imported with errors (references outside the export, broken elements; each reported with its place), 2 nothing written (unreadable input)',
    )
    .argument('<file>', 'the XMI file (UTF-8 or windows-1252, as the XML declaration says)')
    .requiredOption(
      '--out <folder>',
      "the model folder to write (a path, or a name for a folder under model/ or the config's models folder); written all at once",
    )
    .option(
      '--package <name or id>',
      'the EA package to import (its name or xmi:id); needed when the file holds several',
    )
    .option(
      '--map <ea=model>',
      'map a class outside the export (EA name or id) to a model element, e.g. --map NietNatuurlijkPersoon=AanleverendeOrganisatie; repeatable',
      collectXmiOption,
      [],
    )
    .option('--map-file <yaml>', 'a YAML file with "map: {EA name or id: model name}" and "omit: [EA name or id]"')
    .option(
      '--omit <ea>',
      'leave out what refers to this class outside the export (EA name or id); repeatable',
      collectXmiOption,
      [],
    )
    .option(
      '--shared <path>',
      'shared model files or folders to refer to (default: <out>/../gedeeld); repeatable',
      collectXmiOption,
      [],
    )
    .option('--replace', 'replace model files in --out that an earlier import did not write')
    .option('--report <file>', 'also write the import report (counts, external references, findings) as JSON')
    .option('--json', 'print the import report as JSON instead of the findings')
    .action(async (file: string, options: Parameters<typeof importXmiCommand>[1]) => {
      code = (await import('./import-xmi.ts')).importXmiCommand(file, options, await config());
    });

  program
    .command('import')
    .description(
      'import a model from the format the file has: Enterprise Architect XMI or XMI of another tool (as import-xmi, with its options), or MIM-XML (Geonovum); exit 0 imported, 1 imported with errors (each reported with its place), 2 nothing written (unreadable input)',
    )
    .argument('<file>', 'the XMI or MIM-XML file')
    .requiredOption(
      '--out <folder>',
      "the model folder to write (a path, or a name for a folder under model/ or the config's models folder); written all at once",
    )
    .option('--package <name or id>', 'XMI: the package to import')
    .option(
      '--map <ea=model>',
      'XMI: map a class outside the export to a model element; repeatable',
      collectXmiOption,
      [],
    )
    .option('--map-file <yaml>', 'XMI: a YAML file with "map:" and "omit:"')
    .option(
      '--omit <ea>',
      'XMI: leave out what refers to this class outside the export; repeatable',
      collectXmiOption,
      [],
    )
    .option('--shared <path>', 'XMI: shared model files or folders to refer to; repeatable', collectXmiOption, [])
    .option('--replace', 'replace model files in --out that an earlier import did not write')
    .option('--report <file>', 'also write the import report as JSON')
    .option('--json', 'print the import report as JSON instead of the findings')
    .action(async (file: string, options: Parameters<typeof importXmiCommand>[1]) => {
      code = (await import('./import.ts')).importCommand(file, options, await config());
    });

  program
    .command('export')
    .description(
      'write a model as MIM-XML (Geonovum), valid against MIMFORMAT_Mim_relatiesoort.xsd (or _relatierol.xsd); exit 0 written, 1 the model has errors, 2 usage',
    )
    .argument('<model>', 'a model name (folder under model/) or a model folder')
    .option('--format <format>', 'the format to write: mim-xml', 'mim-xml')
    .option(
      '--mim-versie <versie>',
      "MIM-XML's version: 1.1.1 or 1.2 (default: the model's mimVersie when it is one of them, else 1.2)",
    )
    .option(
      '--relatiemodellering <wijze>',
      'relatiesoort (MIMFORMAT_Mim_relatiesoort.xsd, default) or relatierol (the roles lead: MIMFORMAT_Mim_relatierol.xsd)',
    )
    .requiredOption('--out <file>', 'the file to write (all at once)')
    .action(async (model: string, options: import('./export.ts').ExportOptions) => {
      code = (await import('./export.ts')).exportCommand(model, options, await config());
    });

  program
    .command('diff')
    .description(
      'compare two versions of a model, or two JSON Schemas: every change classified by whom it breaks; exit 0 when the diff ran, 2 on bad input',
    )
    .argument(
      '<old>',
      'a model folder or name under model/, <rev>:<folder> (a model at a git revision), or a JSON Schema file (also <rev>:<file>)',
    )
    .argument('<new>', 'the same, for the new version')
    .option('--json', 'print { "changes": [ { path, kind, breaksSenders, breaksReceivers, message } ] }')
    .option('--markdown', 'print a changelog section, grouped by breaking and non-breaking')
    .option('--fail-on-breaking', 'exit 1 when a change breaks senders or receivers')
    .action(
      async (oud: string, nieuw: string, options: { json?: boolean; markdown?: boolean; failOnBreaking?: boolean }) => {
        code = (await import('./diff.ts')).diffCommand(oud, nieuw, options, await config());
      },
    );

  program
    .command('validate')
    .description(
      'validate a delivery of any size in bounded memory with the generated package of the model; exit 0 valid, 1 invalid, 2 unreadable',
    )
    .argument('<file>', 'the delivery (a JSON file)')
    .requiredOption(
      '--model <name>',
      "the model whose package generate wrote in generated/ (or the config's output folder) here",
    )
    .option('--json', 'print { "valid": boolean, "errors": [ { path, line, column, message } ] }')
    .option('--max-errors <n>', 'stop after n errors (default 1000)')
    .option(
      '--strict',
      'validate with the strict schema: also what the informatiemodel states (lengths, patterns, datatypes, the fields it requires)',
    )
    .action(async (file: string, options: ValidateOptions) => {
      code = await (await import('./validate.ts')).validateCommand(file, options, await config());
    });

  program
    .command('derive')
    .description(
      'write a starting derivation, <models>/<model>/uitwisselmodel.yaml, that lints and generates: the objecttype as the record, what it reaches embedded, the rest as references by key; exit 0 written, 1 the informatiemodel has errors, 2 refused (nothing written)',
    )
    .argument(
      '[model]',
      "a model name under model/ (or the config's models folder) or a model folder; the only model when omitted",
    )
    .requiredOption('--scaffold <objecttype>', 'the objecttype whose records the message holds')
    .option(
      '--depth <n>',
      'embed objecttypen up to n relations below a list of the message; further ones are references by key (default 3)',
    )
    .option('--force', 'replace an existing uitwisselmodel.yaml')
    .option('--stdout', 'print the derivation instead of writing it')
    .action(async (model: string | undefined, options: DeriveCommandOptions) => {
      code = (await import('./derive.ts')).deriveCommand(model, options, await config());
    });

  program
    .command('init')
    .description(
      "scaffold a standard's repository: package.json, mimgen.config.yaml, a model that lints and generates, a README, the pull-request workflow; exit 0 written, 2 refused (nothing written)",
    )
    .argument('[folder]', 'the repository folder (made when it does not exist)', '.')
    .option('--model <name>', 'the model folder name under model/ (default: the folder name as a lower-case slug)')
    .option('--scope <@scope>', 'the npm scope of the generated package (@scope/<model>)')
    .option('--naam <naam>', "the informatiemodel's display name (default: from the model name)")
    .action(async (folder: string, options: { model?: string; scope?: string; naam?: string }) => {
      code = (await import('./init.ts')).initCommand(folder, options);
    });

  program
    .command('check-pr')
    .description(
      'the pull-request check: lint, generate --check and the diff of every changed model, as one comment posted (or updated) on the pull request; exit 0 pass, 1 lint findings or stale files, 2 bad input, 3 GitHub API error',
    )
    .requiredOption('--base <rev>', 'the git revision to compare with, such as origin/main')
    .option('--pr <number>', 'the pull request to comment on (default: from GITHUB_EVENT_PATH in GitHub Actions)')
    .action(async (options: { base: string; pr?: string }) => {
      code = await (await import('./check-pr.ts')).checkPrCommand(options);
    });

  program
    .command('release')
    .description(
      'release models: compare each model and its generated package with its last release (tag <package>@<version> or vorige-versie.json), say the next version and why, write release.json and the CHANGELOG entry, regenerate, commit and tag; exit 0 done (or nothing to release), 1 lint errors or stale generated/, 2 not a git repository, a dirty tree or bad input',
    )
    .argument('[models...]', "model names under model/ (or the config's models folder); all models when omitted")
    .option('--dry-run', 'print the plan (next version and why) and change nothing')
    .option(
      '--as <version>',
      'release as this version (the first release, or leaving 0.x); not below what the changes ask for',
    )
    .action(async (models: string[], options: { dryRun?: boolean; as?: string }) => {
      code = await (await import('./release.ts')).releaseCommand(models, options, await config());
    });

  program
    .command('site')
    .description(
      'build the documentation of every model in generated/ (and their validator pages) as one MkDocs Material site with mkdocs build --strict; exit 0 built, 1 mkdocs refused the docs, 2 mkdocs missing, nothing generated or a folder that holds something else',
    )
    .option('--out <folder>', 'the folder to build into (replaced when it holds a site built before)', 'site')
    .option(
      '--as <version>',
      "build it as this version, kept beside others by mimgen docs-version (Material's version selector)",
    )
    .option('--title <text>', 'the title of the site (default: DDAS informatiemodellen)')
    .option('--mkdocs <path>', 'the mkdocs to run (default: mkdocs on the PATH, else /usr/bin/mkdocs)')
    .action(async (options: { out: string; as?: string; title?: string; mkdocs?: string }) => {
      code = await (await import('./site.ts')).siteCommand(options, await config());
    });

  program
    .command('docs-version')
    .description(
      "put a built documentation site into a folder of versions side by side, in mike's layout: <folder>/<version>/, versions.json, latest/ redirecting to the newest, index.html to latest/; or commit it so to a branch (gh-pages) and push it; exit 0 done, 1 git refused, 2 bad input",
    )
    .argument('<site>', 'the built site (a folder with index.html), e.g. from mimgen site --as <version>')
    .requiredOption('--as <version>', 'the version this site is (the folder it goes into)')
    .option('--into <folder>', 'the folder that keeps the versions (such as a checkout of gh-pages)')
    .option(
      '--branch <name>',
      'instead of --into: the git branch that keeps the versions (gh-pages), committed without touching the working tree',
    )
    .option('--push <remote>', 'with --branch: fetch the branch from this remote first and push it there after')
    .action(async (site: string, options: { into?: string; branch?: string; push?: string; as: string }) => {
      const { docsVersionCommand, docsVersionBranchCommand } = await import('./docs-version.ts');
      if ((options.into === undefined) === (options.branch === undefined)) {
        process.stderr.write('mimgen docs-version: give either --into <folder> or --branch <name>\n');
        code = EXIT_USAGE;
      } else if (options.push !== undefined && options.branch === undefined) {
        process.stderr.write('mimgen docs-version: --push goes with --branch\n');
        code = EXIT_USAGE;
      } else if (options.branch !== undefined)
        code = docsVersionBranchCommand(site, {
          branch: options.branch,
          version: options.as,
          ...(options.push !== undefined ? { push: options.push } : {}),
        });
      else code = docsVersionCommand(site, { into: options.into!, version: options.as });
    });

  program
    .command('publish')
    .description(
      "the release job's publishing: npm publish of each model's generated package (with --provenance in GitHub Actions); exit 0 published, 1 npm refused, 2 bad input",
    )
    .argument('[models...]', "model names under model/ (or the config's models folder); all models when omitted")
    .option('--registry <url>', "the registry to publish to (default: npm's configuration)")
    .option('--runtime <folder>', "also publish this folder first (mimgen's own repository: runtime)")
    .action(async (models: string[], options: { registry?: string; runtime?: string }) => {
      code = (await import('./publish.ts')).publishCommand(models, options, await config());
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof InputErrors) {
      for (const f of e.findings) process.stderr.write(`${formatFinding(f)}\n`);
      process.stderr.write(`mimgen: ${e.findings.length} error(s) in the input above; nothing done\n`);
      return EXIT_USAGE;
    }
    if (e instanceof UnreadableInput) {
      process.stderr.write(`${e.at.file}:${e.at.line}:${e.at.column}  error  unreadable  ${e.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(internalError(e, argv));
    return EXIT_INTERNAL;
  }
}

/**
 * What a crash prints: that it is a bug in mimgen and not in the input, and what a report needs. The stack
 * is printed because the report needs it; bad input never gets here.
 */
function internalError(e: unknown, argv: string[]): string {
  const message = e instanceof Error ? e.message : String(e);
  const stack = e instanceof Error && e.stack ? e.stack : message;
  return [
    `mimgen: internal error: ${message}`,
    'This is a bug in mimgen, not a problem with your input. Please report it to the maintainers of mimgen with:',
    `  the command: mimgen ${argv.join(' ')}`,
    `  the versions: mimgen ${versie()}, Node ${process.versions.node} on ${process.platform}`,
    '  the model or file it ran on, if you can share it, and these lines:',
    stack,
    '',
  ].join('\n');
}

/** A model argument is a name under the models folder (model/ by default) or a path to a folder. */
export function modelFolder(arg: string, models = 'model'): string {
  return existsSync(`${models}/${arg}`) && !arg.includes('/') ? `${models}/${arg}` : arg;
}

/**
 * The configuration of the current folder (mimgen.config.yaml), or the defaults. Its loader (the YAML parser,
 * Ajv) is loaded only when there is a file to read. A warning goes to stderr; an error is thrown as
 * InputErrors, which main reports with exit 2.
 */
async function config(): Promise<Config> {
  if (!existsSync(CONFIG_FILE)) return defaultConfig();
  const { loadConfig } = await import('./config.ts');
  return loadConfig('.', (f) => process.stderr.write(`${formatFinding(f)}\n`));
}

/** Commander's way to repeat an option (import-xmi's --map, --omit, --shared). */
function collectXmiOption(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** mimgen's own version, from its package.json (two folders up from generator/cli/ and from dist/cli/ alike). */
function versie(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
}
