import { finding, formatFinding, type Finding } from '../diagnostics/findings.ts';
import { emitModel, loadModel, modelInvoer, voorbereiden } from '../pipeline.ts';
import type { Config } from './config.ts';
import { defaultConfig, loadOptions } from './config-defaults.ts';
import { discoverModels, fileSystemReader } from './fs-reader.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { vorigeVersie } from './previous-version.ts';
import { leesRelease } from './release-files.ts';
import { validatorPage } from './validator-page.ts';
import { bundelVoorbereiden, werkerBundelApart } from './validator-werker.ts';
import { staleFiles, writeGenerated, type GeneratedTree } from './writer.ts';

/**
 * `mimgen generate [models...] [--check]`: all files or none; with --check, compare instead of write. The
 * models are read from the config's models folder and written to its output folder (model/, generated/).
 */
export async function generateCommand(
  models: string[],
  options: { check?: boolean },
  config: Config = defaultConfig(),
): Promise<number> {
  const { models: modelMap, output } = config;
  const names = models.length > 0 ? models : discoverModels(modelMap);
  if (names.length === 0) {
    process.stderr.write(`mimgen generate: no models found under ${modelMap}/\n`);
    return EXIT_USAGE;
  }
  voorbereiden();
  bundelVoorbereiden();
  const tree: GeneratedTree = new Map();
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  for (const name of names) {
    if (name.includes('/') || name.includes('\\') || name.startsWith('.')) {
      process.stderr.write(
        `mimgen generate: "${name}" is not a model name; give the name of a folder under ${modelMap}/\n`,
      );
      return EXIT_USAGE;
    }
    const folder = `${modelMap}/${name}`;
    const opties = loadOptions(folder, config);
    const loaded = loadModel(folder, fileSystemReader, opties);
    const modelErrors = loaded.findings.filter((f) => f.severity === 'error');
    errors.push(...modelErrors);
    // A model with errors is not emitted: its findings are the answer, and an emitter must not see what lint refuses.
    if (modelErrors.length > 0) continue;
    // Without a derivation the informatiemodel's artefacts are generated all the same (docs, the package with
    // its types, informatiemodel.schema.json); the warning says what is left out and how to start a derivation.
    if (!loaded.uitwisselmodel)
      warnings.push(
        finding(
          { file: `${folder}/uitwisselmodel.yaml`, line: 1, column: 1 },
          'warning',
          'missing-derivation',
          'the model has no uitwisselmodel.yaml: only the informatiemodel is generated (docs, types, informatiemodel.schema.json); ' +
            'start a derivation with mimgen derive --scaffold <objecttype>',
        ),
      );
    // CHANGELOG.md against the previous version recorded in model/<name>/vorige-versie.json, if any.
    const { vorige, findings } = vorigeVersie(folder, loaded, fileSystemReader, process.cwd(), {
      load: opties,
      output,
    });
    errors.push(...findings);
    // The package's own version and release history (issue 19), as mimgen release wrote them.
    const release = leesRelease(folder, fileSystemReader);
    errors.push(...release.findings);
    // The validator page's worker is bundled from what the package emitter makes first, while the rest is made.
    let bundel: Promise<string> | undefined;
    const files = await emitModel(modelInvoer(loaded.informatiemodel!, loaded.uitwisselmodel, opties), {
      pakketVooraf: (bronnen) => {
        bundel = werkerBundelApart(bronnen);
        // Not awaited yet: a rejection must not count as unhandled while the other emitters work.
        bundel.catch(() => undefined);
      },
      vorige,
      ...(release.state.versie ? { pakketversie: release.state.versie } : {}),
      ...(release.state.changelog ? { releaseChangelog: release.state.changelog } : {}),
    });
    // The validator page (issue 17) for a package with a streaming validator: bundled from the files above.
    if (files.has('dist/validate-stream.js'))
      for (const [path, contents] of await validatorPage(name, loaded.informatiemodel!.naam, files, bundel))
        files.set(path, contents);
    tree.set(name, files);
  }
  // Warnings go to stderr: stdout holds the errors and the stale files.
  for (const f of warnings) process.stderr.write(`${formatFinding(f)}\n`);
  if (errors.length > 0) {
    for (const f of errors) process.stdout.write(`${formatFinding(f)}\n`);
    process.stderr.write(`mimgen generate: ${errors.length} error(s); nothing written\n`);
    return EXIT_FINDINGS;
  }
  if (options.check) {
    const stale = staleFiles('.', tree, output);
    for (const s of stale) process.stdout.write(`stale: ${s}\n`);
    process.stderr.write(
      stale.length > 0
        ? `mimgen generate --check: ${stale.length} stale file(s); run mimgen generate\n`
        : `mimgen generate --check: ${output}/ is up to date\n`,
    );
    return stale.length > 0 ? EXIT_FINDINGS : EXIT_OK;
  }
  writeGenerated('.', tree, output);
  const count = [...tree.values()].reduce((n, files) => n + files.size, 0);
  process.stderr.write(`mimgen generate: wrote ${count} file(s) for ${[...tree.keys()].join(', ')}\n`);
  return EXIT_OK;
}
