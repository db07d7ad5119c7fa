/**
 * Versioned documentation (issue 19, item 3) in the layout of MkDocs' `mike`, so that the DDAS sites can adopt
 * it: each version in a folder of its own (`1.1.0/`), `versions.json` at the top listing them newest first
 * (`[{ "version": "1.1.0", "title": "1.1.0", "aliases": ["latest"] }, ...]`, what Material's version selector
 * reads with `extra.version.provider: mike`), the alias `latest/` as redirect pages to the newest version (mike's
 * `alias_type: redirect`), and the top `index.html` redirecting to `latest/`. Pure: the command copies the
 * built site and writes these files.
 */
import { compareSemver, parseSemver } from './index.ts';

export interface VersionEntry {
  version: string;
  title: string;
  aliases: string[];
}

export const VERSIONS_JSON = 'versions.json';
export const LATEST = 'latest';

/** Reads versions.json's text; throws an Error that says what is wrong. */
export function parseVersions(text: string): VersionEntry[] {
  const value = JSON.parse(text) as unknown;
  if (!Array.isArray(value)) throw new Error(`${VERSIONS_JSON} must be a list of { version, title, aliases }`);
  return value.map((v: unknown, i) => {
    const e = v as Partial<VersionEntry>;
    if (typeof e?.version !== 'string' || typeof e.title !== 'string' || !Array.isArray(e.aliases))
      throw new Error(`${VERSIONS_JSON}[${i}] must be { "version", "title", "aliases": [] }`);
    return { version: e.version, title: e.title, aliases: e.aliases.filter((a) => typeof a === 'string') };
  });
}

/** Newest first: semver versions by precedence, others after them in their order. */
function ordered(entries: VersionEntry[]): VersionEntry[] {
  return [...entries].sort((a, b) => {
    const va = parseSemver(a.version);
    const vb = parseSemver(b.version);
    if (va && vb) return compareSemver(vb, va);
    return va ? -1 : vb ? 1 : 0;
  });
}

/** A redirect page, as mike writes for an alias: keeps the query and the fragment. */
export function redirectPage(href: string): string {
  const h = JSON.stringify(href);
  const attr = href.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return [
    '<!DOCTYPE html>',
    '<html>',
    '  <head>',
    '    <meta charset="utf-8">',
    '    <title>Redirecting</title>',
    `    <noscript><meta http-equiv="refresh" content="0; url=${attr}"></noscript>`,
    `    <script>window.location.replace(${h} + window.location.search + window.location.hash);</script>`,
    '  </head>',
    `  <body>Redirecting to <a href="${attr}">${attr}</a>...</body>`,
    '</html>',
    '',
  ].join('\n');
}

/**
 * The files besides the version's own folder when `version` is added (or rebuilt): versions.json, the
 * `latest/` redirects for each HTML page of the newest version, and the top index.html. `pages` are the
 * HTML paths of the newest version's site (`index.html`, `vroegsignalering/definities.html`, ...).
 */
export function versionFiles(
  existing: VersionEntry[],
  version: string,
  newestPages: (newest: string) => readonly string[],
): { versions: VersionEntry[]; files: Map<string, string>; newest: string } {
  if (version === LATEST || version.includes('/') || version.startsWith('.') || version === '')
    throw new Error(`"${version}" cannot be a version folder`);
  const entries = ordered([
    ...existing
      .filter((e) => e.version !== version)
      .map((e) => ({ ...e, aliases: e.aliases.filter((a) => a !== LATEST) })),
    { version, title: version, aliases: [] },
  ]);
  const newest = entries[0]!;
  newest.aliases = [...newest.aliases, LATEST];
  const files = new Map<string, string>();
  files.set(VERSIONS_JSON, `${JSON.stringify(entries, null, 2)}\n`);
  for (const page of newestPages(newest.version)) {
    const depth = page.split('/').length - 1;
    files.set(`${LATEST}/${page}`, redirectPage(`${'../'.repeat(depth + 1)}${newest.version}/${page}`));
  }
  files.set('index.html', redirectPage(`${LATEST}/index.html`));
  return { versions: entries, files, newest: newest.version };
}
