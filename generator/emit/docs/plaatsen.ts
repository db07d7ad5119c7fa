/**
 * Where the docs describe each place in the message: for every level and every field of the uitwisselmodel
 * (a JSON pointer, `*` for any item of a list), the link to the definitie of the informatiemodel element it
 * comes from, with the anchor the definities page gives that element; for a place the derivation added (no
 * element), its level on the uitwisselspecificatie page. Written as docs/plaatsen.json, which the validator
 * page reads to link each error to what the docs say about the place it is at.
 */
import { herkomstElement } from '../../derive/bericht.ts';
import type { Context } from './context.ts';

/** The file, by path relative to generated/<model>/; its links are relative to docs/. */
export const PLAATSEN = 'docs/plaatsen.json';

/** Link (relative to docs/) by JSON pointer pattern; the message itself is `/`. In the order of the levels. */
export function plaatsLinks(ctx: Context): Record<string, string> {
  const uit: Record<string, string> = {};
  // Links as seen from a page next to definities.md and uitwisselspecificatie.md: `definities.md#...`.
  const definitie = (el: Parameters<Context['link']>[0]) => ctx.link(el, 'index')?.href;
  for (const n of ctx.niveaus) {
    const niveau = ctx.href('uitwisselspecificatie', n.object, 'index');
    // An object is its objecttype; a reference by key, the element of the field that holds it.
    const element =
      n.object.objecttype && !n.object.referentie
        ? n.object.objecttype
        : n.via
          ? herkomstElement(n.via.veld.herkomst)
          : undefined;
    // An object held by a single field has that field's pointer: the field's element, set one level up, stays.
    uit[n.pad === '' ? '/' : n.pad] ??= definitie(element) ?? niveau;
    for (const v of n.velden) uit[v.pad] = definitie(herkomstElement(v.veld.herkomst)) ?? niveau;
  }
  return uit;
}

/** docs/plaatsen.json: the links of plaatsLinks, one per line. */
export function plaatsenJson(ctx: Context): string {
  return `${JSON.stringify(plaatsLinks(ctx), null, 2)}\n`;
}
