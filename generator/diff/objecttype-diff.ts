/**
 * The model-level diff of the objecttypen and of what they (and gegevensgroeptypen) hold: attribuutsoorten,
 * gegevensgroepen, relatiesoorten and constraints. Each is paired by its own id across the whole model, so
 * that one moved to another objecttype is reported as moved rather than as removed and added.
 */
import type { BerichtView } from '../derive/bericht.ts';
import type {
  Attribuutsoort,
  Constraint,
  Gegevensgroep,
  Gegevensgroeptype,
  Informatiemodel,
  Objecttype,
  Regel,
  Relatiesoort,
} from '../model/types.ts';
import { modelView } from '../model/view.ts';
import {
  aanwezigheid,
  documentatie,
  inBericht,
  paren,
  shownText,
  shownValue,
  typeGelijk,
  typeNaam,
  uniek,
  velden,
  waardenVan,
  zonderGevolg,
  type Uit,
  type Zoek,
} from './model-change.ts';

export function objecttypen(
  uit: Uit,
  a: Informatiemodel,
  b: Informatiemodel,
  beide: Zoek,
  oud: Zoek,
  nieuw: Zoek,
): void {
  const ot = paren(a.objecttypen, b.objecttypen, (o) => o.id);
  for (const o of ot.weg) {
    const p = oud((i) => i.veldenHolding(o.id));
    uit(aanwezigheid(o.naam, 'objecttype-removed', `objecttype ${o.naam} verwijderd`, velden(p)));
  }
  for (const o of ot.erbij) {
    const p = nieuw((i) => i.veldenHolding(o.id));
    uit(aanwezigheid(o.naam, 'objecttype-added', `objecttype ${o.naam} toegevoegd`, velden(p)));
  }
  for (const [x, y] of ot.beide) {
    const p = beide((i) => i.veldenHolding(y.id));
    if (x.naam !== y.naam)
      uit(zonderGevolg(y.naam, 'objecttype-renamed', `objecttype ${x.naam} hernoemd naar ${y.naam}`));
    if (x.indicatieAbstractObject !== y.indicatieAbstractObject) {
      uit(
        zonderGevolg(
          y.naam,
          'objecttype-changed',
          `objecttype ${y.naam} is nu ${y.indicatieAbstractObject ? 'abstract' : 'niet meer abstract'}`,
        ),
      );
    }
    const sa = x.supertypen.map((s) => s.id).sort();
    const sb = y.supertypen.map((s) => s.id).sort();
    if (sa.join('\n') !== sb.join('\n')) {
      const kinderen = beide((i) => i.veldenInside(y.id));
      uit({
        path: y.naam,
        kind: 'generalisation-changed',
        message: `objecttype ${y.naam}: supertypen ${x.supertypen.map((s) => s.naam).join(', ') || '(geen)'} → ${y.supertypen.map((s) => s.naam).join(', ') || '(geen)'}${inBericht(velden(p))}`,
        paden: velden(kinderen),
        familie: 'aanwezigheid',
      });
    }
    documentatie(uit, `objecttype ${y.naam}`, y.naam, x, y, waardenVan(p));
  }
}

export function attribuutsoorten(
  uit: Uit,
  a: Informatiemodel,
  b: Informatiemodel,
  beide: Zoek,
  oud: Zoek,
  nieuw: Zoek,
): void {
  const at = paren(modelView(a).attribuutsoorten, modelView(b).attribuutsoorten, (x) => x.id);
  const naam = (x: Attribuutsoort): string => `${x.eigenaar.naam}.${x.naam}`;
  for (const x of at.weg) {
    const p = oud((i) => i.veldenFrom('attribuutsoort', x.id));
    uit(aanwezigheid(naam(x), 'attribute-removed', `attribuutsoort ${naam(x)} verwijderd`, velden(p)));
  }
  for (const y of at.erbij) {
    const p = nieuw((i) => i.veldenFrom('attribuutsoort', y.id));
    uit(
      aanwezigheid(
        naam(y),
        'attribute-added',
        `attribuutsoort ${naam(y)} toegevoegd (${y.type.naam}, kardinaliteit ${y.kardinaliteit.tekst})`,
        velden(p),
      ),
    );
  }
  for (const [x, y] of at.beide) {
    const p = beide((i) => i.veldenFrom('attribuutsoort', y.id));
    const label = `attribuutsoort ${naam(y)}`;
    if (x.eigenaar.id !== y.eigenaar.id) {
      uit({
        path: naam(y),
        kind: 'attribute-moved',
        message: `attribuutsoort ${x.naam} verplaatst van ${x.eigenaar.soort} ${x.eigenaar.naam} naar ${y.eigenaar.soort} ${y.eigenaar.naam}${x.naam !== y.naam ? ` en hernoemd naar ${y.naam}` : ''}${inBericht(velden(p))}`,
        paden: velden(p),
        familie: 'aanwezigheid',
      });
    } else if (x.naam !== y.naam) {
      uit(
        zonderGevolg(
          naam(y),
          'attribute-renamed',
          `attribuutsoort ${naam(x)} hernoemd naar ${y.naam}${inBericht(velden(p))}`,
        ),
      );
    }
    if (!typeGelijk(x.type, y.type)) {
      uit({
        path: naam(y),
        kind: 'datatype-changed',
        message: `${label}: datatype ${typeNaam(x.type)} → ${typeNaam(y.type)}${inBericht(velden(p))}`,
        paden: waardenVan(p),
        familie: 'waarde',
      });
    }
    if (x.kardinaliteit.tekst !== y.kardinaliteit.tekst) {
      // A single value that becomes a list (or back) moves its description and value schema to path/*; a minimum
      // that reaches 1 (or leaves it) makes the field required in the strict schema (or optional again).
      uit({
        path: naam(y),
        kind: 'cardinality-changed',
        message: `${label}: kardinaliteit ${x.kardinaliteit.tekst} → ${y.kardinaliteit.tekst}${inBericht(velden(p))}`,
        paden: waardenVan(p),
        familie: 'kardinaliteit',
      });
    }
    // A length that only follows the type name (AN20 → AN40) is the datatype change above.
    const volgtType = x.lengte === x.type.lengte && y.lengte === y.type.lengte;
    const facetten = (['lengte', 'patroon', 'formeelPatroon'] as const).filter(
      (k) => x[k] !== y[k] && !(k === 'lengte' && volgtType),
    );
    if (facetten.length > 0) {
      uit({
        path: naam(y),
        kind: 'facet-changed',
        message: `${label}: ${facetten.map((k) => `${k} ${shownValue(x[k])} → ${shownValue(y[k])}`).join(', ')} (het compat-schema neemt dit niet op, het strikte schema wel)`,
        paden: waardenVan(p),
        familie: 'facet',
      });
    }
    const meta = (
      [
        'authentiek',
        'mogelijkGeenWaarde',
        'identificerend',
        'indicatieMaterieleHistorie',
        'indicatieFormeleHistorie',
      ] as const
    ).filter((k) => x[k] !== y[k]);
    if (meta.length > 0) {
      // mogelijkGeenWaarde decides whether the strict schema requires a field of kardinaliteit 1.
      const geenWaardeAnders = meta.includes('mogelijkGeenWaarde');
      uit({
        path: naam(y),
        kind: 'attribute-metadata-changed',
        message: `${label}: ${meta.map((k) => `${k} ${shownValue(x[k])} → ${shownValue(y[k])}`).join(', ')}`,
        paden: geenWaardeAnders ? velden(p) : [],
        familie: geenWaardeAnders ? 'verplicht' : 'geen',
      });
    }
    documentatie(uit, label, naam(y), x, y, waardenVan(p));
  }
}

function alleGegevensgroepen(m: Informatiemodel): Gegevensgroep[] {
  return [
    ...m.objecttypen.flatMap((o) => o.gegevensgroepen),
    ...m.gegevensgroeptypen.flatMap((g) => g.gegevensgroepen),
  ];
}

/** Gegevensgroepen do not reach the message through the derivation; they change the informatiemodel only. */
export function gegevensgroepen(uit: Uit, a: Informatiemodel, b: Informatiemodel): void {
  const gg = paren(alleGegevensgroepen(a), alleGegevensgroepen(b), (x) => x.id);
  const naam = (x: Gegevensgroep): string => `${x.eigenaar.naam}.${x.naam}`;
  for (const x of gg.weg) uit(zonderGevolg(naam(x), 'gegevensgroep-removed', `gegevensgroep ${naam(x)} verwijderd`));
  for (const y of gg.erbij)
    uit(
      zonderGevolg(
        naam(y),
        'gegevensgroep-added',
        `gegevensgroep ${naam(y)} toegevoegd (${y.type.naam}, kardinaliteit ${y.kardinaliteit.tekst})`,
      ),
    );
  for (const [x, y] of gg.beide) {
    const label = `gegevensgroep ${naam(y)}`;
    if (x.eigenaar.id !== y.eigenaar.id)
      uit(
        zonderGevolg(
          naam(y),
          'gegevensgroep-moved',
          `gegevensgroep ${x.naam} verplaatst van ${x.eigenaar.naam} naar ${y.eigenaar.naam}`,
        ),
      );
    else if (x.naam !== y.naam)
      uit(zonderGevolg(naam(y), 'gegevensgroep-renamed', `gegevensgroep ${naam(x)} hernoemd naar ${y.naam}`));
    if (x.type.id !== y.type.id)
      uit(zonderGevolg(naam(y), 'datatype-changed', `${label}: type ${x.type.naam} → ${y.type.naam}`));
    if (x.kardinaliteit.tekst !== y.kardinaliteit.tekst)
      uit(
        zonderGevolg(
          naam(y),
          'cardinality-changed',
          `${label}: kardinaliteit ${x.kardinaliteit.tekst} → ${y.kardinaliteit.tekst}`,
        ),
      );
    documentatie(uit, label, naam(y), x, y, []);
  }
}

export function relatiesoorten(
  uit: Uit,
  a: Informatiemodel,
  b: Informatiemodel,
  beide: Zoek,
  oud: Zoek,
  nieuw: Zoek,
): void {
  const rs = paren(modelView(a).relatiesoorten, modelView(b).relatiesoorten, (x) => x.id);
  const naam = (x: Relatiesoort): string => `${x.eigenaar.naam}.${x.naam}`;
  for (const x of rs.weg) {
    const p = oud((i) => i.veldenFrom('relatiesoort', x.id));
    uit(
      aanwezigheid(naam(x), 'relation-removed', `relatiesoort ${naam(x)} (naar ${x.doel.naam}) verwijderd`, velden(p)),
    );
  }
  for (const y of rs.erbij) {
    const p = nieuw((i) => i.veldenFrom('relatiesoort', y.id));
    uit(
      aanwezigheid(
        naam(y),
        'relation-added',
        `relatiesoort ${naam(y)} (naar ${y.doel.naam}, kardinaliteit ${y.kardinaliteit.tekst}) toegevoegd`,
        velden(p),
      ),
    );
  }
  for (const [x, y] of rs.beide) {
    const p = beide((i) => i.veldenFrom('relatiesoort', y.id));
    const label = `relatiesoort ${naam(y)}`;
    if (x.eigenaar.id !== y.eigenaar.id) {
      uit(
        aanwezigheid(
          naam(y),
          'relation-moved',
          `relatiesoort ${x.naam} verplaatst van ${x.eigenaar.naam} naar ${y.eigenaar.naam}`,
          velden(p),
        ),
      );
    } else if (x.naam !== y.naam) {
      uit(zonderGevolg(naam(y), 'relation-renamed', `relatiesoort ${naam(x)} hernoemd naar ${y.naam}`));
    }
    if ((x.rol ?? '') !== (y.rol ?? '') || (x.rolBron ?? '') !== (y.rolBron ?? '')) {
      uit(
        zonderGevolg(
          naam(y),
          'relation-role-changed',
          `${label}: rol ${shownValue(x.rol)} → ${shownValue(y.rol)}${(x.rolBron ?? '') !== (y.rolBron ?? '') ? `, rol bron ${shownValue(x.rolBron)} → ${shownValue(y.rolBron)}` : ''}`,
        ),
      );
    }
    if (x.doel.id !== y.doel.id) {
      uit({
        path: naam(y),
        kind: 'relation-target-changed',
        message: `${label}: doel ${x.doel.naam} → ${y.doel.naam}${inBericht(velden(p))}`,
        paden: velden(p),
        onder: true,
        familie: 'alles',
      });
    }
    if (
      x.kardinaliteit.tekst !== y.kardinaliteit.tekst ||
      (x.kardinaliteitBron?.tekst ?? '') !== (y.kardinaliteitBron?.tekst ?? '')
    ) {
      const bron =
        (x.kardinaliteitBron?.tekst ?? '') !== (y.kardinaliteitBron?.tekst ?? '')
          ? `, kardinaliteit bron ${x.kardinaliteitBron?.tekst ?? '(geen)'} → ${y.kardinaliteitBron?.tekst ?? '(geen)'}`
          : '';
      uit({
        path: naam(y),
        kind: 'cardinality-changed',
        message: `${label}: kardinaliteit ${x.kardinaliteit.tekst} → ${y.kardinaliteit.tekst}${bron}${inBericht(velden(p))}`,
        paden: waardenVan(p),
        familie: 'kardinaliteit',
      });
    }
    const meta = (
      [
        'richting',
        'aggregatie',
        'authentiek',
        'mogelijkGeenWaarde',
        'indicatieMaterieleHistorie',
        'indicatieFormeleHistorie',
      ] as const
    ).filter((k) => x[k] !== y[k]);
    const geenWaardeAnders = meta.includes('mogelijkGeenWaarde');
    if (meta.length > 0)
      uit({
        path: naam(y),
        kind: 'relation-changed',
        message: `${label}: ${meta.map((k) => `${k} ${shownValue(x[k])} → ${shownValue(y[k])}`).join(', ')}`,
        paden: geenWaardeAnders ? velden(p) : [],
        familie: geenWaardeAnders ? 'verplicht' : 'geen',
      });
    documentatie(uit, label, naam(y), x, y, waardenVan(p));
  }
}

function regelTekst(r: Regel | undefined): string {
  if (!r) return '(geen)';
  return r.soort === 'datumvolgorde'
    ? `${r.vroegste.naam} niet na ${r.laatste.naam}`
    : `als ${r.als.naam} = ${JSON.stringify(r.waarde)} dan is ${r.vereist.naam} vereist`;
}

function regelSleutel(r: Regel | undefined): string {
  if (!r) return '';
  return r.soort === 'datumvolgorde'
    ? `d:${r.vroegste.id}:${r.laatste.id}`
    : `v:${r.als.id}:${JSON.stringify(r.waarde)}:${r.vereist.id}`;
}

/**
 * Constraints are checked by the validator, not by the schema, so they classify themselves: a new rule may
 * reject a delivery that was accepted (senders), a dropped rule may let through what an old validator
 * rejects (receivers), a changed one both; unless the objecttype is not in the message at all.
 */
export function constraints(
  uit: Uit,
  a: Informatiemodel,
  b: Informatiemodel,
  ia?: BerichtView,
  ib?: BerichtView,
): void {
  const alle = (m: Informatiemodel): { c: Constraint; eigenaar: Objecttype | Gegevensgroeptype }[] => [
    ...m.objecttypen.flatMap((o) => o.constraints.map((c) => ({ c, eigenaar: o as Objecttype | Gegevensgroeptype }))),
    ...m.gegevensgroeptypen.flatMap((g) =>
      g.constraints.map((c) => ({ c, eigenaar: g as Objecttype | Gegevensgroeptype })),
    ),
  ];
  const cs = paren(alle(a), alle(b), (x) => x.c.id);
  const knopen = (i: BerichtView | undefined, id: string): string[] =>
    i ? uniek(i.veldenHolding(id).map((p) => p.knoop)) : [];
  const naam = (x: { c: Constraint; eigenaar: { naam: string } }): string => `${x.eigenaar.naam}.${x.c.naam}`;
  for (const x of cs.weg) {
    const p = knopen(ia, x.eigenaar.id);
    uit({
      path: naam(x),
      kind: 'constraint-removed',
      message: `constraint "${x.c.naam}" van ${x.eigenaar.naam} vervallen: ${x.c.specificatie}${inBericht(p)}`,
      paden: [],
      familie: 'geen',
      eigen: { breaksSenders: false, breaksReceivers: p.length > 0 },
    });
  }
  for (const y of cs.erbij) {
    const p = knopen(ib, y.eigenaar.id);
    uit({
      path: naam(y),
      kind: 'constraint-added',
      message: `constraint "${y.c.naam}" voor ${y.eigenaar.naam} toegevoegd: ${y.c.specificatie}${inBericht(p)}`,
      paden: [],
      familie: 'geen',
      eigen: { breaksSenders: p.length > 0, breaksReceivers: false },
    });
  }
  for (const [x, y] of cs.beide) {
    const p = uniek([...knopen(ia, x.eigenaar.id), ...knopen(ib, y.eigenaar.id)]);
    if (x.c.naam !== y.c.naam)
      uit(
        zonderGevolg(
          naam(y),
          'constraint-renamed',
          `constraint "${x.c.naam}" van ${y.eigenaar.naam} hernoemd naar "${y.c.naam}"`,
        ),
      );
    const regel = regelSleutel(x.c.regel) !== regelSleutel(y.c.regel);
    const spec = x.c.specificatie.replace(/\s+/g, ' ').trim() !== y.c.specificatie.replace(/\s+/g, ' ').trim();
    if (regel || spec || x.eigenaar.id !== y.eigenaar.id) {
      const wat = [
        ...(x.eigenaar.id !== y.eigenaar.id ? [`verplaatst van ${x.eigenaar.naam} naar ${y.eigenaar.naam}`] : []),
        ...(spec ? [`specificatie ${shownText(x.c.specificatie)} → ${shownText(y.c.specificatie)}`] : []),
        ...(regel ? [`regel ${regelTekst(x.c.regel)} → ${regelTekst(y.c.regel)}`] : []),
      ];
      uit({
        path: naam(y),
        kind: 'constraint-changed',
        message: `constraint "${y.c.naam}" van ${y.eigenaar.naam}: ${wat.join('; ')}${inBericht(p)}`,
        paden: [],
        familie: 'geen',
        eigen: { breaksSenders: p.length > 0, breaksReceivers: p.length > 0 },
      });
    }
  }
}
