/**
 * `mimgen release [models...] [--dry-run] [--as <version>]` (issue 19, item 2): compares each model and its
 * generated package with its last release (the git tag `<package>@<version>` of release.json's version, else
 * the revision in vorige-versie.json), says the next version and why, writes release.json and the CHANGELOG
 * entry in the model folder, regenerates (the package takes the new version), commits those paths and tags.
 * Refuses, with nothing done: outside a git repository or on a dirty tree (2), a model that does not lint or
 * a stale generated/ (1).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { formatFinding } from '../diagnostics/findings.ts';
import { diff, type Kant } from '../diff/index.ts';
import { DiffInputError, type Change } from '../diff/types.ts';
import { CHANGELOG } from '../emit/changelog/index.ts';
import { loadModel, modelInvoer } from '../pipeline.ts';
import {
  changelogEntry,
  changelogMetEntry,
  compareSemver,
  modelSemver,
  parseSemver,
  reden,
  RELEASE_CHANGELOG,
  RELEASE_FILE,
  soortRelease,
  tagNaam,
  volgendeVersie,
  type Soort,
} from '../release/index.ts';
import type { Config } from './config.ts';
import { defaultConfig, loadOptions } from './config-defaults.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { discoverModels, fileSystemReader } from './fs-reader.ts';
import { generateCommand } from './generate.ts';
import { leesVorige, leesVorigeVersie } from './previous-version.ts';
import { leesRelease } from './release-files.ts';
import { writeFilesAtOnce } from './writer.ts';

export interface ReleaseOptions {
  dryRun?: boolean;
  as?: string;
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 }).toString();
  } catch {
    return undefined;
  }
}

/** One model's release plan. */
export interface Plan {
  model: string;
  pakketnaam: string;
  vorige?: { versie: string; revisie: string };
  volgende: string;
  soort: Soort | 'eerste';
  changes: Change[];
  uitvoerGewijzigd: string[];
  modelnaam: string;
  modelversie: string;
}

const fout = (message: string, code: number): number => {
  process.stderr.write(`mimgen release: ${message}\n`);
  return code;
};

export async function releaseCommand(
  models: string[],
  options: ReleaseOptions,
  config: Config = defaultConfig(),
): Promise<number> {
  if (options.as !== undefined && !parseSemver(options.as))
    return fout(`--as ${options.as} is not a semver version (x.y.z)`, EXIT_USAGE);
  if (git(['rev-parse', '--show-toplevel']) === undefined)
    return fout('this folder is not in a git repository; a release is a commit and a tag', EXIT_USAGE);
  const dirty = git(['status', '--porcelain'])?.trim() ?? '';
  if (dirty !== '' && !options.dryRun)
    return fout(
      `the working tree has uncommitted changes; commit or stash them first (a release commits and tags what is committed):\n${dirty}`,
      EXIT_USAGE,
    );
  const names = models.length > 0 ? models : discoverModels(config.models);
  if (names.length === 0) return fout(`no models found under ${config.models}/`, EXIT_USAGE);
  // A model that does not lint is no release.
  const loaded = new Map<string, ReturnType<typeof loadModel>>();
  let lintErrors = 0;
  for (const name of names) {
    const folder = `${config.models}/${name}`;
    if (name.includes('/') || !existsSync(folder))
      return fout(`"${name}" is not a model folder under ${config.models}/`, EXIT_USAGE);
    const l = loadModel(folder, fileSystemReader, loadOptions(folder, config));
    for (const f of l.findings.filter((f) => f.severity === 'error')) {
      process.stdout.write(`${formatFinding(f)}\n`);
      lintErrors++;
    }
    loaded.set(name, l);
  }
  if (lintErrors > 0)
    return fout(`${lintErrors} lint error(s) above; fix the model (mimgen lint) before releasing`, EXIT_FINDINGS);
  // generated/ must be what the committed model gives: the release compares and ships it.
  if ((await generateCommand(names, { check: true }, config)) !== EXIT_OK)
    return fout(
      `${config.output}/ is stale; run mimgen generate and commit the result before releasing`,
      EXIT_FINDINGS,
    );

  const plans: Plan[] = [];
  for (const name of names) {
    try {
      const plan = planModel(name, loaded.get(name)!, options, config);
      if (typeof plan === 'string') process.stdout.write(`${plan}\n`);
      else plans.push(plan);
    } catch (e) {
      if (!(e instanceof DiffInputError)) throw e;
      return fout(`${name}: ${e.message}`, EXIT_USAGE);
    }
  }
  for (const p of plans) {
    const waarom =
      p.soort === 'eerste' ? 'first release' : `${p.soort}: ${reden(p.soort, p.changes, p.uitvoerGewijzigd)}`;
    process.stdout.write(
      `${p.pakketnaam}: ${p.vorige ? `${p.vorige.versie} (${p.vorige.revisie})` : '(none)'} -> ${p.volgende} (${waarom})\n`,
    );
    for (const c of p.changes)
      process.stdout.write(
        `  ${c.breaksSenders || c.breaksReceivers ? 'breaking' : 'change  '}  ${c.path || '(bericht)'}: ${c.message}\n`,
      );
    if (p.changes.length === 0) for (const f of p.uitvoerGewijzigd) process.stdout.write(`  output    ${f}\n`);
  }
  if (options.dryRun || plans.length === 0) {
    if (options.dryRun) process.stderr.write('mimgen release --dry-run: nothing changed\n');
    return EXIT_OK;
  }

  // Write release.json and the CHANGELOG entry, regenerate, commit those paths, tag.
  const files = new Map<string, string>();
  for (const p of plans) {
    const folder = `${config.models}/${p.model}`;
    files.set(posix.join(folder, RELEASE_FILE), `${JSON.stringify({ versie: p.volgende }, null, 2)}\n`);
    const pad = posix.join(folder, RELEASE_CHANGELOG);
    const bestaand = existsSync(pad) ? readFileSync(pad, 'utf8') : undefined;
    files.set(
      pad,
      changelogMetEntry(bestaand, p.pakketnaam, changelogEntry({ ...p, versie: p.volgende, vorige: p.vorige?.versie })),
    );
  }
  writeFilesAtOnce('.', files);
  const code = await generateCommand(names, {}, config);
  if (code !== EXIT_OK) return fout('generate failed after writing release.json; nothing committed', code);
  const paden = [...files.keys(), ...plans.map((p) => `${config.output}/${p.model}`)];
  const tags = plans.map((p) => tagNaam(p.pakketnaam, p.volgende));
  if (
    git(['add', '--', ...paden]) === undefined ||
    git(['commit', '-q', '-m', `release: ${tags.join(', ')}`, '--', ...paden]) === undefined
  )
    return fout(`git commit failed; the release files are written but not committed: ${paden.join(', ')}`, EXIT_USAGE);
  for (const t of tags)
    if (git(['tag', t]) === undefined) return fout(`git tag ${t} failed (does it exist?)`, EXIT_USAGE);
  process.stderr.write(`mimgen release: committed and tagged ${tags.join(', ')}\n`);
  return EXIT_OK;
}

/** The plan of one model, or a line saying there is nothing to release. */
function planModel(
  name: string,
  l: ReturnType<typeof loadModel>,
  options: ReleaseOptions,
  config: Config,
): Plan | string {
  const folder = `${config.models}/${name}`;
  const opties = loadOptions(folder, config);
  const invoer = modelInvoer(l.informatiemodel!, l.uitwisselmodel, opties);
  const { state, findings } = leesRelease(folder, fileSystemReader);
  if (findings.length > 0) throw new DiffInputError(findings.map(formatFinding).join('\n'));
  const basis = {
    model: name,
    pakketnaam: invoer.pakketnaam,
    modelnaam: l.informatiemodel!.naam,
    modelversie: l.informatiemodel!.versie,
  };
  // The last release: the tag of release.json's version, else the revision vorige-versie.json records.
  let vorige: { versie: string; revisie: string } | undefined;
  let map: string | undefined;
  if (
    state.versie &&
    git(['rev-parse', '--verify', '--quiet', `refs/tags/${tagNaam(invoer.pakketnaam, state.versie)}`])
  )
    vorige = { versie: state.versie, revisie: tagNaam(invoer.pakketnaam, state.versie) };
  else {
    const record = leesVorigeVersie(folder, fileSystemReader);
    if (record) {
      vorige = { versie: state.versie ?? modelSemver(record.versie), revisie: record.revisie };
      map = record.map;
    }
  }
  if (!vorige) {
    const eerste = options.as ?? state.versie ?? modelSemver(l.informatiemodel!.versie);
    return { ...basis, volgende: eerste, soort: 'eerste', changes: [], uitvoerGewijzigd: [] };
  }
  const oud: Kant = leesVorige(
    folder,
    { versie: vorige.versie, revisie: vorige.revisie, ...(map ? { map } : {}) },
    process.cwd(),
    {
      load: opties,
      output: config.output,
    },
  );
  const changes = diff(oud, {
    soort: 'model',
    label: l.informatiemodel!.versie,
    informatiemodel: l.informatiemodel!,
    ...(l.uitwisselmodel ? { uitwisselmodel: l.uitwisselmodel } : {}),
  }).changes;
  const uit = `${config.output}/${name}`;
  const uitvoerGewijzigd = (git(['diff', '--name-only', vorige.revisie, '--', uit]) ?? '')
    .split('\n')
    .filter((f) => f !== '' && posix.basename(f) !== CHANGELOG);
  const soort = soortRelease(changes, uitvoerGewijzigd);
  if (!soort) return `${invoer.pakketnaam}: nothing changed since ${vorige.versie} (${vorige.revisie}); no release`;
  let volgende = volgendeVersie(vorige.versie, soort);
  if (options.as) {
    const as = parseSemver(options.as)!;
    if (compareSemver(as, parseSemver(volgende)!) < 0)
      throw new DiffInputError(
        `--as ${options.as} is below ${volgende}, which the changes since ${vorige.versie} ask for (${soort})`,
      );
    volgende = options.as;
  }
  return { ...basis, vorige, volgende, soort, changes, uitvoerGewijzigd };
}
