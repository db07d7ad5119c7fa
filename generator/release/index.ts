/**
 * Releases (issue 19): a generated package's own semver version, the next one from what changed since the
 * last release, and the CHANGELOG entry. Pure: the command (generator/cli/release.ts) reads git and the files.
 *
 * The rule (also in the README):
 * - a change that breaks senders or receivers (as `mimgen diff` classifies it) is a major release;
 * - any other change of the model (informatiemodel or derivation) a minor one;
 * - a change of the generated output alone (a fix in mimgen or the runtime) a patch;
 * - before 1.0.0 (0.y.z) everything moves one place down, as npm's caret ranges read 0.x: a breaking
 *   change raises y, any other change z. Leaving 0.x is a decision: `mimgen release --as 1.0.0`.
 */
import { isBreaking, type Change } from '../diff/types.ts';
import { wieBreekt } from '../diff/render.ts';
import { mdText } from '../common/markdown.ts';

/** What `model/<name>/release.json` records: the package's version at its last release. */
export const RELEASE_FILE = 'release.json';
/** The release history of a model, written by `mimgen release`, shipped by generate as the package's CHANGELOG.md. */
export const RELEASE_CHANGELOG = 'CHANGELOG.md';

export type Soort = 'major' | 'minor' | 'patch';

export interface Semver {
  major: number;
  minor: number;
  patch: number;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function parseSemver(text: string): Semver | undefined {
  const m = SEMVER.exec(text);
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) } : undefined;
}

export function formatSemver(v: Semver): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

export function compareSemver(a: Semver, b: Semver): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** A model version as a semver (`0.9` → `0.9.0`): the package version before its first release. */
export function modelSemver(versie: string): string {
  const parts = versie.split('.').map((p) => String(Number.parseInt(p, 10) || 0));
  while (parts.length < 3) parts.push('0');
  return parts.slice(0, 3).join('.');
}

/**
 * The package's version: release.json's (what `mimgen release` wrote), else the model's version as semver (before
 * the first release). The package emitter and the docs take it from here, so package.json and the pages agree.
 */
export function pakketVersie(releaseVersie: string | undefined, modelversie: string): string {
  return releaseVersie ?? modelSemver(modelversie);
}

/** The next version after `vorige` for a release of this kind, with the 0.x rule. */
export function volgendeVersie(vorige: string, soort: Soort): string {
  const v = parseSemver(vorige);
  if (!v) throw new Error(`${vorige} is not a semver version (x.y.z)`);
  if (v.major === 0) {
    return formatSemver(soort === 'major' ? { major: 0, minor: v.minor + 1, patch: 0 } : { ...v, patch: v.patch + 1 });
  }
  if (soort === 'major') return formatSemver({ major: v.major + 1, minor: 0, patch: 0 });
  if (soort === 'minor') return formatSemver({ major: v.major, minor: v.minor + 1, patch: 0 });
  return formatSemver({ ...v, patch: v.patch + 1 });
}

/**
 * Whether a change makes a major release. One exception to "breaks senders or receivers": a field added as
 * optional to a closed object. mimgen diff says it breaks receivers (an old receiver's schema rejects the
 * new field), but every message that was valid stays valid and a receiver that upgrades loses nothing, so
 * it is a minor release (the CHANGELOG still says whom it breaks; `--as` makes it a major one).
 */
export function brekendVoorRelease(c: Change): boolean {
  if (!isBreaking(c)) return false;
  if (c.breaksSenders) return true;
  const oorzaken = (c.details ?? [c]).filter(isBreaking);
  return !oorzaken.every((d) => !d.breaksSenders && d.kind === 'property-added' && d.message.includes('(optioneel'));
}

/** The kind of release the changes ask for; undefined when nothing changed. */
export function soortRelease(changes: readonly Change[], uitvoerGewijzigd: readonly string[]): Soort | undefined {
  if (changes.some(brekendVoorRelease)) return 'major';
  if (changes.length > 0) return 'minor';
  if (uitvoerGewijzigd.length > 0) return 'patch';
  return undefined;
}

/** Why: one line for the kind, as `release --dry-run` prints and the CHANGELOG entry says. */
export function reden(soort: Soort, changes: readonly Change[], uitvoerGewijzigd: readonly string[]): string {
  const brekend = changes.filter(brekendVoorRelease).length;
  if (soort === 'major') return `${brekend} wijziging(en) breken verzenders of ontvangers`;
  if (changes.some(isBreaking))
    return `${changes.length} wijziging(en) van het model; alleen optionele velden toegevoegd die oude ontvangers weigeren`;
  if (soort === 'minor') return `${changes.length} wijziging(en) van het model, geen brekend`;
  return `alleen de gegenereerde uitvoer is gewijzigd (${uitvoerGewijzigd.length} bestand(en)), het model niet`;
}

/** The git tag of a release, as npm's workspaces and changesets write it: `<package>@<version>`. */
export function tagNaam(pakketnaam: string, versie: string): string {
  return `${pakketnaam}@${versie}`;
}

export interface Entry {
  pakketnaam: string;
  versie: string;
  vorige?: string | undefined;
  modelnaam: string;
  modelversie: string;
  soort: Soort | 'eerste';
  changes: readonly Change[];
  uitvoerGewijzigd: readonly string[];
}

/** One release's section of the CHANGELOG (Markdown, heading level 2), newest on top. */
export function changelogEntry(e: Entry): string {
  const lines = [`## ${mdText(e.versie)}`, ''];
  lines.push(`Informatiemodel ${mdText(e.modelnaam)} versie ${mdText(e.modelversie)}.`);
  if (e.soort === 'eerste') {
    lines.push('', 'Eerste release.');
    return `${lines.join('\n')}\n`;
  }
  const soortTekst = { major: 'Major', minor: 'Minor', patch: 'Patch' }[e.soort];
  lines.push(
    `${soortTekst} release ten opzichte van ${mdText(e.vorige ?? '')}: ${reden(e.soort, e.changes, e.uitvoerGewijzigd)}.`,
  );
  if (e.changes.length > 0) {
    lines.push('');
    for (const c of e.changes)
      lines.push(`- ${c.path === '' ? '(bericht)' : mdText(c.path)}: ${mdText(c.message)} (${wieBreekt(c)})`);
  } else if (e.uitvoerGewijzigd.length > 0) {
    lines.push('', 'Gewijzigde bestanden:', '');
    for (const f of e.uitvoerGewijzigd) lines.push(`- \`${f}\``);
  }
  return `${lines.join('\n')}\n`;
}

/** The CHANGELOG with a new entry on top (below its title), or a new CHANGELOG. */
export function changelogMetEntry(bestaand: string | undefined, titel: string, entry: string): string {
  const kop = `# Changelog ${titel}\n\nGeschreven door \`mimgen release\`, nieuwste versie bovenaan.\n`;
  if (!bestaand) return `${kop}\n${entry}`;
  const at = bestaand.indexOf('\n## ');
  return at < 0
    ? `${bestaand.trimEnd()}\n\n${entry}`
    : `${bestaand.slice(0, at + 1)}${entry}\n${bestaand.slice(at + 1)}`;
}
