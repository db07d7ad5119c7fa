import { berichtView } from '../../derive/bericht.ts';
import type { Uitwisselmodel } from '../../derive/types.ts';
import { modelView } from '../../model/view.ts';
// The rule tables have the shapes the package's engine reads; its types are the one definition of them.
import type { DatumvolgordeRegel, Regels, UniekRegel, VerwijzingRegel, VoorwaardeRegel } from '@mimgen/runtime';

type Segmenten = string[];

/** The rules of the checks JSON Schema cannot express, as data for the runtime's controleer (@mimgen/runtime). */
export function regels(um: Uitwisselmodel): Regels {
  const bericht = berichtView(um);
  const alle = bericht.objecten;
  const uniek: UniekRegel[] = [];
  const verwijzingen: VerwijzingRegel[] = [];
  for (const { object, pad } of alle) {
    for (const veld of object.velden) {
      const inhoud = veld.inhoud;
      if (inhoud.soort !== 'object' || !inhoud.object.referentie) continue;
      const sleutel = inhoud.object.velden[0]!;
      const doel = alle.find((p) => p.object.objecttype === inhoud.object.objecttype && !p.object.referentie)!;
      const verwijzingPad = [...pad, veld.naam, ...(veld.lijst ? ['*'] : []), sleutel.naam];
      const sleutelPad = [...doel.pad, sleutel.naam];
      const scope = gemeenschappelijkeLijst(verwijzingPad, sleutelPad);
      const scopeNaam = bericht.at(scope)?.object.naam ?? um.bericht.naam;
      const doelNaam = doel.object.objecttype?.naam ?? doel.object.naam;
      const element = `${doelNaam}.${sleutel.naam}`;
      if (!uniek.some((u) => u.element === element)) {
        uniek.push({ scope, scopeNaam, sleutels: sleutelPad.slice(scope.length), objecttype: doelNaam, element });
      }
      verwijzingen.push({
        scope,
        scopeNaam,
        sleutels: sleutelPad.slice(scope.length),
        verwijzingen: verwijzingPad.slice(scope.length),
        bron: object.objecttype?.naam ?? object.naam,
        doel: doelNaam,
        element: `${object.objecttype?.naam ?? object.naam}.${veld.naam}`,
      });
    }
  }
  const datumvolgorde: DatumvolgordeRegel[] = [];
  const voorwaarden: VoorwaardeRegel[] = [];
  for (const { object, pad } of alle) {
    if (!object.objecttype || object.referentie) continue;
    const wire = (attribuut: unknown): string | undefined =>
      object.velden.find(
        (v) => v.herkomst.soort === 'attribuutsoort' && v.herkomst.attribuutsoort === attribuut && !v.lijst,
      )?.naam;
    for (const c of modelView(um.informatiemodel).constraintsOf(object.objecttype)) {
      const r = c.regel;
      if (r?.soort === 'datumvolgorde') {
        const vroegste = wire(r.vroegste);
        const laatste = wire(r.laatste);
        if (vroegste && laatste) {
          datumvolgorde.push({
            object: pad,
            objecttype: object.objecttype.naam,
            vroegste,
            laatste,
            element: c.naam,
            specificatie: c.specificatie,
          });
        }
      } else if (r?.soort === 'voorwaarde') {
        const als = wire(r.als);
        const vereist = wire(r.vereist);
        if (als && vereist) {
          voorwaarden.push({
            object: pad,
            objecttype: object.objecttype.naam,
            als,
            waarde: r.waarde,
            vereist,
            element: c.naam,
            specificatie: c.specificatie,
          });
        }
      }
    }
  }
  return { uniek, verwijzingen, datumvolgorde, voorwaarden };
}

/** The deepest list item both paths lie in: a key is looked for within the same Levering, not the whole file. */
function gemeenschappelijkeLijst(a: Segmenten, b: Segmenten): Segmenten {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  const common = a.slice(0, n);
  const last = common.lastIndexOf('*');
  return last < 0 ? [] : common.slice(0, last + 1);
}
