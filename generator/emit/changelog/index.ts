/**
 * `generated/<name>/CHANGELOG.md`: the diff between the model and its previous version, as recorded in
 * `model/<name>/vorige-versie.json` (see cli/previous-version.ts, which reads that version). Without a
 * previous version there is no changelog.
 */
import { textTemplate } from '../../common/tool-files.ts';
import type { Uitwisselmodel } from '../../derive/types.ts';
import { diff, type Kant } from '../../diff/index.ts';
import { renderMarkdown } from '../../diff/render.ts';
import { mdText } from '../../common/markdown.ts';

export const VORIGE_VERSIE = 'vorige-versie.json';
export const CHANGELOG = 'CHANGELOG.md';

const TEMPLATE = textTemplate('changelog/CHANGELOG.md.hbs');

/** What `vorige-versie.json` records: `{ "versie": "0.9", "revisie": "v0.9" }`, and the folder then (`map`). */
export interface VorigeVersie {
  versie: string;
  revisie: string;
  map?: string;
}

/** The previous version as read at its revision: a model, or the compat schema generated then. */
export interface Vorige {
  kant: Kant;
  record: VorigeVersie;
}

/** The changelog of an uitwisselmodel against its previous version; no file without one. */
export function emitChangelog(um: Uitwisselmodel | undefined, vorige?: Vorige, releases?: string): Map<string, string> {
  // The release history (model/<name>/CHANGELOG.md, written by mimgen release) is shipped as it is; the changes
  // since vorige-versie.json's version, when recorded, come before it.
  if (!um || !vorige) return releases ? new Map([[CHANGELOG, releases]]) : new Map();
  const { kant, record } = vorige;
  const result = diff(
    { ...kant, label: `${record.versie}` },
    { soort: 'model', label: um.versie, informatiemodel: um.informatiemodel, uitwisselmodel: um },
  );
  const tekst = TEMPLATE({
    naam: mdText(um.naam),
    pakketnaam: mdText(um.pakketnaam),
    vorigeVersieBestand: VORIGE_VERSIE,
    model: kant.soort === 'model',
    revisie: mdText(record.revisie),
    wijzigingen: renderMarkdown(result, {
      niveau: 2,
      titel: `Versie ${mdText(um.versie)}, ten opzichte van ${mdText(record.versie)}`,
    }).trimEnd(),
  });
  return new Map([[CHANGELOG, releases ? `${tekst.trimEnd()}\n\n${releases}` : tekst]]);
}
