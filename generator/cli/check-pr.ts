/**
 * `mimgen check-pr --base <rev> [--pr <n>]`: the steps of the pull-request workflow that `mimgen init`
 * writes, here so that they run and are tested like any command. Lint, generate --check, and for every model
 * that changed since <rev> its `mimgen diff <rev>:<folder> <folder> --markdown`, assembled into one comment.
 * The body goes to stdout; in a pull request (GITHUB_TOKEN, GITHUB_REPOSITORY and the pull request from
 * GITHUB_EVENT_PATH or --pr) it is also posted, updating the comment of an earlier run.
 *
 * The checks run as child processes of this same CLI: each prints and exits exactly as when a maintainer
 * runs it, and check-pr reads what they print, so the comment says what `npm run check` would say.
 *
 * Exit: 0 lint and check pass; 1 lint has findings or the output is stale (after posting: the comment says
 * why); 2 bad input (not a git repository, unknown revision, an unusable config or environment); 3 the
 * GitHub API refused or did not answer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GitRevisionReader } from './git-reader.ts';
import { DiffInputError } from '../diff/types.ts';
import { formatFinding, type Finding } from '../diagnostics/findings.ts';
import { MARKER, renderComment, type CheckUitkomst, type LintUitkomst, type ModelSectie } from '../pr/comment.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { discoverModels } from './fs-reader.ts';
import { GithubFout, plaatsOfWerkBij, type GithubDoel } from './github.ts';

export interface CheckPrOptions {
  base: string;
  pr?: string;
}

import { EXIT_API, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';

const BIN = fileURLToPath(new URL('../../bin/mimgen.js', import.meta.url));
/** Same as discoverModels: a model folder has a file with an `informatiemodel` section. */
const INFORMATIEMODEL = /^informatiemodel\s*:/m;

class Invoerfout extends Error {}

export async function checkPrCommand(options: CheckPrOptions): Promise<number> {
  let doel: GithubDoel | undefined;
  let config: Config;
  let git: GitRevisionReader;
  try {
    git = GitRevisionReader.open(options.base);
    doel = githubDoel(options.pr);
    config = loadConfig('.');
  } catch (e) {
    if (e instanceof ConfigError) {
      for (const f of e.findings) process.stderr.write(`${formatFinding(f)}\n`);
      process.stderr.write('mimgen check-pr: mimgen.config.yaml cannot be used; nothing checked\n');
      return EXIT_USAGE;
    }
    if (!(e instanceof Invoerfout || e instanceof DiffInputError)) throw e;
    process.stderr.write(`mimgen check-pr: ${e.message}\n`);
    return EXIT_USAGE;
  }

  const lint = runLint();
  const check = runCheck(config.output);
  const modellen = changedModels(git, config.models).map((m) => modelSectie(m, options.base));
  const body = renderComment({ base: options.base, lint, check, modellen });
  process.stdout.write(body);
  const verdict = lint.ok && check.ok ? EXIT_OK : EXIT_FINDINGS;
  const samenvatting = `lint ${lint.ok ? 'passed' : 'failed'}, generate --check ${check.ok ? 'passed' : check.verouderd.length > 0 ? `found ${check.verouderd.length} stale file(s)` : 'failed'}, ${modellen.length} model(s) changed`;

  if (!doel) {
    process.stderr.write(
      `mimgen check-pr: ${samenvatting}; no pull request to comment on, so the comment is only printed\n`,
    );
    return verdict;
  }
  try {
    const r = await plaatsOfWerkBij(doel, MARKER, body);
    process.stderr.write(
      `mimgen check-pr: ${samenvatting}; ${r.actie === 'bijgewerkt' ? 'updated' : 'posted'} the comment on pull request #${doel.pr}${r.url ? ` (${r.url})` : ''}\n`,
    );
  } catch (e) {
    if (!(e instanceof GithubFout)) throw e;
    process.stderr.write(`mimgen check-pr: ${samenvatting}\n`);
    process.stderr.write(
      `mimgen check-pr: GitHub API ${e.methode} ${e.pad} failed: ${e.status === 0 ? 'no answer' : `HTTP ${e.status}`}: ${e.message}\n`,
    );
    return EXIT_API;
  }
  return verdict;
}

/**
 * Where to post, when check-pr runs for a pull request: --pr, or the pull request of the GitHub Actions
 * event. Without a pull request the comment is only printed (a run on a maintainer's machine).
 */
function githubDoel(prOptie: string | undefined): GithubDoel | undefined {
  let pr: number | undefined;
  if (prOptie !== undefined) {
    if (!/^[1-9]\d{0,9}$/.test(prOptie)) throw new Invoerfout(`--pr "${prOptie}" is not a pull-request number`);
    pr = Number(prOptie);
  } else if (process.env.GITHUB_EVENT_PATH) {
    pr = prUitEvent(process.env.GITHUB_EVENT_PATH);
    if (pr === undefined) return undefined;
  } else {
    return undefined;
  }
  const token = process.env.GITHUB_TOKEN;
  const repo = process.env.GITHUB_REPOSITORY;
  if (!token)
    throw new Invoerfout(
      `GITHUB_TOKEN is not set, so the comment on pull request #${pr} cannot be posted; pass it to the step (env: GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }})`,
    );
  if (!repo || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
    throw new Invoerfout(
      `GITHUB_REPOSITORY is ${repo ? `"${repo}", not owner/name` : 'not set'}; GitHub Actions sets it, elsewhere set it to owner/name`,
    );
  }
  const api = process.env.GITHUB_API_URL || 'https://api.github.com';
  try {
    const u = new URL(api);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
  } catch {
    throw new Invoerfout(`GITHUB_API_URL "${api}" is not an http(s) address`);
  }
  return { api, token, repo, pr };
}

/** The pull request's number from the event file; undefined for an event that is not a pull request's. */
function prUitEvent(file: string): number | undefined {
  let event: unknown;
  try {
    event = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Invoerfout(
      `cannot read the event of GITHUB_EVENT_PATH (${file}): ${(e as Error).message}; pass the pull request with --pr <number>`,
    );
  }
  const n = (event as { pull_request?: { number?: unknown } } | null)?.pull_request?.number;
  if (n === undefined) {
    process.stderr.write(
      "mimgen check-pr: the event is not a pull request's (no pull_request.number in GITHUB_EVENT_PATH); the comment is only printed\n",
    );
    return undefined;
  }
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
    throw new Invoerfout(`pull_request.number in GITHUB_EVENT_PATH is ${JSON.stringify(n)}, not a pull-request number`);
  return n;
}

interface Uitvoer {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** This CLI as a child process, in the current folder, without the token (the checks need none). */
function mimgen(args: string[]): Uitvoer {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.GITHUB_TOKEN;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
  const stderr = r.error ? `${r.stderr ?? ''}could not run mimgen ${args[0]}: ${r.error.message}\n` : (r.stderr ?? '');
  return {
    status: r.status,
    stdout: r.stdout ?? '',
    stderr: r.signal ? `${stderr}mimgen ${args[0]} stopped by ${r.signal}\n` : stderr,
  };
}

function runLint(): LintUitkomst {
  const r = mimgen(['lint', '--json']);
  let findings: Finding[] | undefined;
  try {
    findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
  } catch {
    findings = undefined;
  }
  if (!Array.isArray(findings))
    return {
      ok: false,
      fouten: 0,
      waarschuwingen: 0,
      uitvoer: `${r.stdout}${r.stderr}`.trim() || `mimgen lint exited with ${r.status}`,
    };
  const fouten = findings.filter((f) => f.severity === 'error').length;
  // lint's own verdict, as `npm run check` has it: every finding fails (a warning too), unreadable input as well.
  return {
    ok: r.status === 0,
    fouten,
    waarschuwingen: findings.length - fouten,
    uitvoer: findings.map(formatFinding).join('\n'),
  };
}

function runCheck(output: string): CheckUitkomst {
  const r = mimgen(['generate', '--check']);
  const verouderd: string[] = [];
  const rest: string[] = [];
  for (const regel of r.stdout.split('\n')) {
    if (regel.startsWith('stale: ')) verouderd.push(regel.slice('stale: '.length));
    else if (regel.trim() !== '') rest.push(regel);
  }
  // The closing summary of a run that wrote nothing says why (errors, a model without derivation).
  if (r.status !== 0 && verouderd.length === 0) rest.push(...r.stderr.split('\n').filter((l) => l.trim() !== ''));
  return { ok: r.status === 0, output, verouderd, uitvoer: rest.join('\n') };
}

interface Gewijzigd {
  naam: string;
  map: string;
  soort: 'gewijzigd' | 'nieuw' | 'verwijderd';
}

/**
 * The models that changed between the base and the working tree. A model folder with a changed file has
 * changed; a change elsewhere in the models folder (the shared files, model/gedeeld/) can change every model
 * that uses it, so then every model is compared.
 */
function changedModels(git: GitRevisionReader, models: string): Gewijzigd[] {
  const paden = execFileSync('git', ['diff', '--name-only', '--relative', '-z', git.commit, '--', models], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
    .split('\0')
    .filter((p) => p !== '');
  const nu = new Set(discoverModels(models));
  const mappen = new Set<string>();
  let gedeeld = false;
  const prefix = models === '.' ? '' : `${models}/`;
  for (const p of paden) {
    const rest = p.slice(prefix.length).split('/');
    if (rest.length < 2) gedeeld = true;
    else mappen.add(rest[0]!);
  }
  const uit = new Map<string, Gewijzigd>();
  for (const naam of [...mappen].sort()) {
    const map = `${prefix}${naam}`;
    const vroeger = wasModel(git, map);
    if (nu.has(naam)) uit.set(naam, { naam, map, soort: vroeger ? 'gewijzigd' : 'nieuw' });
    else if (vroeger) uit.set(naam, { naam, map, soort: 'verwijderd' });
    else gedeeld = true;
  }
  if (gedeeld) {
    for (const naam of nu)
      if (!uit.has(naam))
        uit.set(naam, {
          naam,
          map: `${prefix}${naam}`,
          soort: wasModel(git, `${prefix}${naam}`) ? 'gewijzigd' : 'nieuw',
        });
  }
  return [...uit.values()].sort((a, b) => (a.naam < b.naam ? -1 : a.naam > b.naam ? 1 : 0));
}

function wasModel(git: GitRevisionReader, map: string): boolean {
  return (git.listYaml(map) ?? []).some((f) =>
    INFORMATIEMODEL.test(Buffer.from(git.read(`${map}/${f}`) ?? []).toString('utf8')),
  );
}

function modelSectie(m: Gewijzigd, base: string): ModelSectie {
  if (m.soort === 'nieuw') return { map: m.map, nieuw: true };
  if (m.soort === 'verwijderd') return { map: m.map, verwijderd: true };
  const r = mimgen(['diff', `${base}:${m.map}`, m.map, '--markdown']);
  if (r.status === 0) return { map: m.map, diff: r.stdout };
  return { map: m.map, fout: r.stderr.trim() || `mimgen diff exited with ${r.status}` };
}
