/**
 * The model-level diff of an informatiemodel: the model itself and its elements (objecttypen through
 * objecttype-diff.ts, gegevensgroeptypen, enumeraties, codelijsten, datatypes, keuzes), each matched by its
 * stable `id`, so a rename is a rename.
 */
import type { BerichtView, VeldInBericht } from '../derive/bericht.ts';
import type { DataElement, Enumeratie, Informatiemodel, Keuze, Waarde } from '../model/types.ts';
import {
  aanwezigheid,
  documentatie,
  inBericht,
  paren,
  shownText,
  shownValue,
  velden,
  waardenVan,
  zonderGevolg,
  type ModelChange,
  type Uit,
  type Zoek,
} from './model-change.ts';
import { attribuutsoorten, constraints, gegevensgroepen, objecttypen, relatiesoorten } from './objecttype-diff.ts';

export function diffInformatiemodel(
  a: Informatiemodel,
  b: Informatiemodel,
  ia?: BerichtView,
  ib?: BerichtView,
): ModelChange[] {
  const out: ModelChange[] = [];
  const uit: Uit = (c) => out.push(c);
  const beide = (f: (i: BerichtView) => VeldInBericht[]): VeldInBericht[] => [
    ...(ia ? f(ia) : []),
    ...(ib ? f(ib) : []),
  ];
  const oud = (f: (i: BerichtView) => VeldInBericht[]): VeldInBericht[] => (ia ? f(ia) : []);
  const nieuw = (f: (i: BerichtView) => VeldInBericht[]): VeldInBericht[] => (ib ? f(ib) : []);

  // The informatiemodel itself.
  const model = b.naam;
  if (a.naam !== b.naam)
    uit(
      zonderGevolg(model, 'model-renamed', `informatiemodel ${shownValue(a.naam)} hernoemd naar ${shownValue(b.naam)}`),
    );
  if (a.versie !== b.versie)
    uit(zonderGevolg(model, 'version-changed', `versie van het informatiemodel ${a.versie} → ${b.versie}`));
  for (const k of ['definitie', 'toelichting', 'herkomst', 'basisUri', 'mimVersie'] as const) {
    if ((a[k] ?? '') !== (b[k] ?? '')) {
      uit({
        path: model,
        kind: k === 'definitie' ? 'definition-changed' : 'documentation-changed',
        message: `informatiemodel ${b.naam}: ${k} gewijzigd`,
        paden: [],
        familie: 'geen',
      });
    }
  }

  // Objecttypen, with their attribuutsoorten, gegevensgroepen, relatiesoorten and constraints.
  objecttypen(uit, a, b, beide, oud, nieuw);
  attribuutsoorten(uit, a, b, beide, oud, nieuw);
  gegevensgroepen(uit, a, b);
  relatiesoorten(uit, a, b, beide, oud, nieuw);
  constraints(uit, a, b, ia, ib);

  const gt = paren(a.gegevensgroeptypen, b.gegevensgroeptypen, (g) => g.id);
  for (const g of gt.weg)
    uit(zonderGevolg(g.naam, 'gegevensgroeptype-removed', `gegevensgroeptype ${g.naam} verwijderd`));
  for (const g of gt.erbij)
    uit(zonderGevolg(g.naam, 'gegevensgroeptype-added', `gegevensgroeptype ${g.naam} toegevoegd`));
  for (const [x, y] of gt.beide) {
    if (x.naam !== y.naam)
      uit(zonderGevolg(y.naam, 'gegevensgroeptype-renamed', `gegevensgroeptype ${x.naam} hernoemd naar ${y.naam}`));
    documentatie(uit, `gegevensgroeptype ${y.naam}`, y.naam, x, y, []);
  }

  enumeraties(uit, a, b, beide, oud, nieuw);

  const cl = paren(a.codelijsten, b.codelijsten, (c) => c.id);
  for (const c of cl.weg)
    uit({
      path: c.naam,
      kind: 'codelist-removed',
      message: `codelijst ${c.naam} verwijderd${inBericht(velden(oud((i) => i.veldenTyped(c.id))))}`,
      paden: velden(oud((i) => i.veldenTyped(c.id))),
      familie: 'waarde',
    });
  for (const c of cl.erbij) uit(zonderGevolg(c.naam, 'codelist-added', `codelijst ${c.naam} toegevoegd`));
  for (const [x, y] of cl.beide) {
    if (x.naam !== y.naam) uit(zonderGevolg(y.naam, 'codelist-renamed', `codelijst ${x.naam} hernoemd naar ${y.naam}`));
    if ((x.locatie ?? '') !== (y.locatie ?? ''))
      uit(
        zonderGevolg(
          y.naam,
          'codelist-changed',
          `codelijst ${y.naam}: locatie ${shownValue(x.locatie)} → ${shownValue(y.locatie)}`,
        ),
      );
    documentatie(uit, `codelijst ${y.naam}`, y.naam, x, y, []);
  }

  const pd = paren(a.primitieveDatatypes, b.primitieveDatatypes, (d) => d.id);
  for (const d of pd.weg) uit(zonderGevolg(d.naam, 'datatype-removed', `primitief datatype ${d.naam} verwijderd`));
  for (const d of pd.erbij) uit(zonderGevolg(d.naam, 'datatype-added', `primitief datatype ${d.naam} toegevoegd`));
  for (const [x, y] of pd.beide) {
    const p = beide((i) => i.veldenTyped(y.id));
    if (x.naam !== y.naam)
      uit(zonderGevolg(y.naam, 'datatype-renamed', `primitief datatype ${x.naam} hernoemd naar ${y.naam}`));
    const anders = (
      [
        'basis',
        'formaat',
        'lengteInNaam',
        'lengte',
        'minimumWaarde',
        'maximumWaarde',
        'patroon',
        'formeelPatroon',
      ] as const
    ).filter((k) => x[k] !== y[k]);
    if (anders.length > 0) {
      uit({
        path: y.naam,
        kind: 'datatype-definition-changed',
        message: `primitief datatype ${y.naam}: ${anders.map((k) => `${k} ${shownValue(x[k] as string | number | boolean | undefined)} → ${shownValue(y[k] as string | number | boolean | undefined)}`).join(', ')}${inBericht(velden(p))}`,
        paden: waardenVan(p),
        familie: 'waarde',
      });
    }
    documentatie(uit, `primitief datatype ${y.naam}`, y.naam, x, y, []);
  }

  const gd = paren(a.gestructureerdeDatatypes, b.gestructureerdeDatatypes, (d) => d.id);
  for (const d of gd.weg) uit(zonderGevolg(d.naam, 'datatype-removed', `gestructureerd datatype ${d.naam} verwijderd`));
  for (const d of gd.erbij) uit(zonderGevolg(d.naam, 'datatype-added', `gestructureerd datatype ${d.naam} toegevoegd`));
  for (const [x, y] of gd.beide) {
    const p = beide((i) => i.veldenTyped(y.id));
    if (x.naam !== y.naam)
      uit(zonderGevolg(y.naam, 'datatype-renamed', `gestructureerd datatype ${x.naam} hernoemd naar ${y.naam}`));
    const ea = x.dataElementen.map(dataElement).join('; ');
    const eb = y.dataElementen.map(dataElement).join('; ');
    if (ea !== eb) {
      uit({
        path: y.naam,
        kind: 'datatype-definition-changed',
        message: `gestructureerd datatype ${y.naam}: data-elementen ${ea || '(geen)'} → ${eb || '(geen)'}${inBericht(velden(p))}`,
        paden: waardenVan(p),
        onder: true,
        familie: 'alles',
      });
    }
    documentatie(uit, `gestructureerd datatype ${y.naam}`, y.naam, x, y, []);
  }

  const kz = paren(a.keuzes, b.keuzes, (d) => d.id);
  for (const d of kz.weg)
    uit({ path: d.naam, kind: 'datatype-removed', message: `keuze ${d.naam} verwijderd`, paden: [], familie: 'geen' });
  for (const d of kz.erbij)
    uit({ path: d.naam, kind: 'datatype-added', message: `keuze ${d.naam} toegevoegd`, paden: [], familie: 'geen' });
  for (const [x, y] of kz.beide) {
    const p = beide((i) => i.veldenTyped(y.id));
    if (x.naam !== y.naam) uit(zonderGevolg(y.naam, 'datatype-renamed', `keuze ${x.naam} hernoemd naar ${y.naam}`));
    if (alternatieven(x) !== alternatieven(y)) {
      uit({
        path: y.naam,
        kind: 'datatype-definition-changed',
        message: `keuze ${y.naam}: alternatieven ${alternatieven(x)} → ${alternatieven(y)}${inBericht(velden(p))}`,
        paden: waardenVan(p),
        onder: true,
        familie: 'alles',
      });
    }
    documentatie(uit, `keuze ${y.naam}`, y.naam, x, y, []);
  }
  return out;
}

function dataElement(e: DataElement): string {
  return `${e.naam}: ${e.type.naam} [${e.kardinaliteit.tekst}]`;
}

function alternatieven(k: Keuze): string {
  return k.alternatieven.map((x) => `${x.naam ?? ''}:${x.type.naam}`).join(', ') || '(geen)';
}

function enumeraties(uit: Uit, a: Informatiemodel, b: Informatiemodel, beide: Zoek, oud: Zoek, nieuw: Zoek): void {
  const es = paren(a.enumeraties, b.enumeraties, (e) => e.id);
  for (const e of es.weg) {
    const p = oud((i) => i.veldenTyped(e.id));
    uit({
      path: e.naam,
      kind: 'enumeration-removed',
      message: `enumeratie ${e.naam} verwijderd${inBericht(velden(p))}`,
      paden: waardenVan(p),
      familie: 'enum',
    });
  }
  for (const e of es.erbij) {
    const p = nieuw((i) => i.veldenTyped(e.id));
    uit({
      path: e.naam,
      kind: 'enumeration-added',
      message: `enumeratie ${e.naam} toegevoegd met ${e.waarden.length} waarde(n)${inBericht(velden(p))}`,
      paden: waardenVan(p),
      familie: 'enum',
    });
  }
  for (const [x, y] of es.beide) {
    const p = beide((i) => i.veldenTyped(y.id));
    if (x.naam !== y.naam)
      uit(
        zonderGevolg(
          y.naam,
          'enumeration-renamed',
          `enumeratie ${x.naam} hernoemd naar ${y.naam}${inBericht(velden(p))}`,
        ),
      );
    waarden(uit, x, y, waardenVan(p), velden(p));
    documentatie(uit, `enumeratie ${y.naam}`, y.naam, x, y, []);
  }
}

function waarden(uit: Uit, x: Enumeratie, y: Enumeratie, paden: string[], getoond: string[]): void {
  // Values with an id are matched by it (a rename is a rename); values without one by their name.
  const key = (w: Waarde): string => (w.id !== undefined ? `id:${w.id}` : `naam:${w.naam}`);
  const ws = paren(x.waarden, y.waarden, key);
  // A value that lost or gained its id but kept its name is the same value.
  const weg = ws.weg.filter((w) => !ws.erbij.some((v) => v.naam === w.naam));
  const erbij = ws.erbij.filter((v) => !ws.weg.some((w) => w.naam === v.naam));
  const zelfde = [
    ...ws.beide,
    ...ws.weg.flatMap((w) => ws.erbij.filter((v) => v.naam === w.naam).map((v) => [w, v] as [Waarde, Waarde])),
  ];
  for (const w of weg) {
    uit({
      path: `${y.naam}.${w.naam}`,
      kind: 'enumeration-value-removed',
      message: `waarde "${w.naam}" uit enumeratie ${y.naam} verwijderd${inBericht(getoond)}`,
      paden,
      familie: 'enum',
      waarden: [w.naam],
    });
  }
  for (const v of erbij) {
    uit({
      path: `${y.naam}.${v.naam}`,
      kind: 'enumeration-value-added',
      message: `waarde "${v.naam}" aan enumeratie ${y.naam} toegevoegd${inBericht(getoond)}`,
      paden,
      familie: 'enum',
      waarden: [v.naam],
    });
  }
  for (const [w, v] of zelfde) {
    const label = `waarde "${v.naam}" van enumeratie ${y.naam}`;
    if (w.naam !== v.naam) {
      uit({
        path: `${y.naam}.${v.naam}`,
        kind: 'enumeration-value-renamed',
        message: `waarde "${w.naam}" van enumeratie ${y.naam} hernoemd naar "${v.naam}"${inBericht(getoond)}`,
        paden,
        familie: 'enum',
        waarden: [w.naam, v.naam],
      });
    }
    if ((w.code ?? '') !== (v.code ?? ''))
      uit(
        zonderGevolg(
          `${y.naam}.${v.naam}`,
          'enumeration-value-code-changed',
          `${label}: code ${shownValue(w.code)} → ${shownValue(v.code)}`,
        ),
      );
    if ((w.definitie ?? '') !== (v.definitie ?? ''))
      uit(
        zonderGevolg(
          `${y.naam}.${v.naam}`,
          'definition-changed',
          `${label}: definitie gewijzigd: ${shownText(w.definitie)} → ${shownText(v.definitie)}`,
        ),
      );
    if ((w.toelichting ?? '') !== (v.toelichting ?? ''))
      uit(zonderGevolg(`${y.naam}.${v.naam}`, 'documentation-changed', `${label}: toelichting gewijzigd`));
  }
}
