import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UmObject, Uitwisselmodel } from '../../generator/derive/types.ts';
import { bronNaam } from '../../generator/emit/package/mapping-functions.ts';
import { fileSystemReader } from '../../generator/cli/fs-reader.ts';
import { loadModel } from '../../generator/pipeline.ts';
import { haveReference, referenceRoot, repoRoot } from '../conformance/models.ts';

export const ROOT = repoRoot;
export const REFERENCE = referenceRoot;
export const HAS_REFERENCE = haveReference;
if (!HAS_REFERENCE)
  console.log(`skipping tests against published examples: ${REFERENCE} is absent (it is there in CI)`);

export const MODELLEN = [
  { naam: 'vroegsignalering', versie: 'v0.9', voorbeelden: ['enkelvoudigVoorbeeld', 'meervoudigVoorbeeld'] },
  {
    naam: 'schuldhulpverlening',
    versie: 'v1.0',
    voorbeelden: ['enkelvoudigVoorbeeld', 'meervoudigVoorbeeld', 'meerdereLeveringenVoorbeeld'],
  },
] as const;

export function voorbeeldPad(model: (typeof MODELLEN)[number], voorbeeld: string): string {
  return join(REFERENCE, model.naam, model.versie, `${voorbeeld}.json`);
}

export function leesVoorbeeld(model: (typeof MODELLEN)[number], voorbeeld: string): unknown {
  return JSON.parse(readFileSync(voorbeeldPad(model, voorbeeld), 'utf8'));
}

export function uitwisselmodel(naam: string): Uitwisselmodel {
  const loaded = loadModel(join(ROOT, 'model', naam), fileSystemReader);
  if (!loaded.uitwisselmodel) throw new Error(`model ${naam} does not load`);
  return loaded.uitwisselmodel;
}

type Json = Record<string, unknown>;

/**
 * Turns a message back into the informatiemodel-shaped source data the mapping functions take: wire names
 * become informatiemodel names, and a reference by key becomes the referenced source object itself (found
 * in the same list item, as the validator's scope rule says).
 */
export function naarBron(um: Uitwisselmodel, bericht: unknown): unknown {
  const uitgesteld: (() => void)[] = [];
  // One scope per list item; a referenced object is looked for in the scopes of the referring object.
  const object = (o: UmObject, waarde: Json, scopes: Map<string, Json>[]): Json => {
    const bron: Json = {};
    for (const veld of o.velden) {
      if (!(veld.naam in waarde)) continue;
      const v = waarde[veld.naam];
      const naam = bronNaam(veld);
      if (veld.inhoud.soort === 'waarde') {
        bron[naam] = v;
        continue;
      }
      const inner = veld.inhoud.object;
      if (inner.referentie) {
        const sleutel = inner.velden[0]!.naam;
        const sleutels = (veld.lijst ? (v as Json[]) : [v as Json]).map(
          (r) => `${inner.objecttype!.id}:${String(r[sleutel])}`,
        );
        uitgesteld.push(() => {
          const doelen = sleutels.map((k) => {
            const doel = [...scopes]
              .reverse()
              .find((s) => s.has(k))
              ?.get(k);
            if (!doel) throw new Error(`reference ${k} does not resolve`);
            return doel;
          });
          bron[naam] = veld.lijst ? doelen : doelen[0];
        });
        continue;
      }
      const bouw = (item: Json, eigenScope: boolean): Json => {
        const b = object(inner, item, eigenScope ? [...scopes, new Map()] : scopes);
        if (inner.objecttype && typeof item.ID === 'string') scopes.at(-1)!.set(`${inner.objecttype.id}:${item.ID}`, b);
        return b;
      };
      bron[naam] = veld.lijst ? (v as Json[]).map((item) => bouw(item, true)) : bouw(v as Json, false);
    }
    return bron;
  };
  const result = object(um.bericht, bericht as Json, [new Map()]);
  for (const f of uitgesteld) f();
  return result;
}
