/**
 * The model as data for the package's engines (the rules, the descriptions of fields and objects, the
 * streaming plan), written as JavaScript in dist/tabellen.js and typed by a fixed declaration file. Data made
 * here by typed code gains nothing from a type-check, and for a model of 500 objecttypen these tables are a
 * quarter of the package's source: kept out of the TypeScript program, they cost no parsing or checking.
 */
import { textTemplate } from '../../common/tool-files.ts';
import { berichtView } from '../../derive/bericht.ts';
import type { Uitwisselmodel } from '../../derive/types.ts';
import type { Verschil } from '../json-schema/index.ts';
import { mappingRegels } from '../mapping/index.ts';
import type { StreamPlan } from './stream.ts';
import { regels } from './validator.ts';

const TABELLEN = textTemplate('package/tabellen.js.hbs');

/** dist/tabellen.js of a model: `strict` is the strict form's streaming plan and its differences with compat. */
export function tabellenCode(
  um: Uitwisselmodel,
  plan: StreamPlan,
  strict: { plan: StreamPlan; verschillen: readonly Verschil[] },
): string {
  const { velden, objecten } = beschrijvingen(um);
  // Why the strict form requires a field (or a longer list) that compat does not: its message names the model's reason.
  const vereist: Record<string, string> = {};
  for (const v of strict.verschillen)
    if (v.soort === 'verplicht' || v.soort === 'aantal') vereist[v.pad] = v.toelichting;
  return TABELLEN({
    naam: um.naam,
    versie: um.versie,
    pakketnaam: um.pakketnaam,
    regels: compactJson(regels(um)),
    velden: compactJson(velden),
    objecten: compactJson(objecten),
    plan: compactJson(plan),
    strictPlan: compactJson(strict.plan),
    vereist: compactJson(vereist),
  });
}

/** What each place in the message is, in the model's terms, for the messages of schema errors. */
function beschrijvingen(um: Uitwisselmodel): { velden: Record<string, string>; objecten: Record<string, string> } {
  const velden: Record<string, string> = {};
  for (const r of mappingRegels(um)) {
    const b = r.bron;
    velden[r.pad] =
      b.soort === 'attribuutsoort'
        ? `${b.objecttype}.${b.attribuutsoort} (${r.type})`
        : b.soort === 'relatiesoort'
          ? `${r.veld} (${r.type})`
          : b.soort === 'objecttype'
            ? `${r.veld} (${b.objecttype})`
            : `${r.veld} (${r.type})`;
  }
  const objecten: Record<string, string> = {};
  for (const { object, pad } of berichtView(um).objecten)
    objecten[pad.length === 0 ? '' : `/${pad.join('/')}`] = object.naam;
  return { velden, objecten };
}

/** JSON with lists of plain values on one line, so that a path reads as one path. */
function compactJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /\[\s*((?:"(?:[^"\\]|\\.)*"|[\d.\-]+|true|false|null)(?:,\s*(?:"(?:[^"\\]|\\.)*"|[\d.\-]+|true|false|null))*)\s*\]/g,
    (_, items: string) => `[${items.split(/,\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/).join(', ')}]`,
  );
}
