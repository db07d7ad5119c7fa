/**
 * The model-level diff: two resolved informatiemodellen compared element by element (matched by their
 * stable `id`, so a rename is a rename and a move is a move), and two uitwisselmodellen compared field by
 * field (matched by the informatiemodel element each field comes from).
 *
 * A model change does not classify itself: it names the places in the message it touches and the kinds of
 * schema change it can cause there (its family); the schema-level diff of the two generated compat schemas
 * then says whom it breaks (see index.ts). Only constraints, which the schema cannot express, classify
 * themselves.
 */
import type { BerichtView, VeldInBericht } from '../derive/bericht.ts';
import type { Lijst, UmObject, UmVeld, Uitwisselmodel } from '../derive/types.ts';
import type {
  Attribuutsoort,
  Constraint,
  DataElement,
  Enumeratie,
  Gegevensgroep,
  Gegevensgroeptype,
  Informatiemodel,
  Keuze,
  Metadata,
  Objecttype,
  Regel,
  Relatiesoort,
  TypeVerwijzing,
  Waarde,
} from '../model/types.ts';
import { modelView } from '../model/view.ts';
import { pointer } from './schema-diff.ts';

/** Which schema changes a model change can cause: those of its family at the places it names. */
export type Familie = 'doc' | 'aanwezigheid' | 'verplicht' | 'waarde' | 'vorm' | 'facet' | 'enum' | 'gesloten' | 'alles' | 'geen';

export interface ModelChange {
  path: string;
  kind: string;
  message: string;
  /** Pointers into the message (old or new) that the change touches. */
  paden: string[];
  /** Schema changes below `paden` count too. */
  onder?: boolean;
  familie: Familie;
  /** For the enum family: only changes of these values. */
  waarden?: string[];
  /** A classification of its own, for what the schema cannot express (constraints). */
  eigen?: { breaksSenders: boolean; breaksReceivers: boolean };
}

function uniek(xs: string[]): string[] {
  return [...new Set(xs)];
}

const velden = (ps: VeldInBericht[]): string[] => ps.map((p) => p.pointer);
const waardenVan = (ps: VeldInBericht[]): string[] => ps.flatMap((p) => [p.pointer, p.knoop]);

function inBericht(paden: string[]): string {
  const p = uniek(paden);
  if (p.length === 0) return ' (niet in het bericht)';
  const shown = p.slice(0, 3).map((x) => x || '(bericht)');
  return ` (in het bericht: ${shown.join(', ')}${p.length > 3 ? `, en ${p.length - 3} andere` : ''})`;
}

function tekst(v: string | number | boolean | undefined): string {
  return v === undefined ? '(geen)' : typeof v === 'string' ? `"${v}"` : String(v);
}

function kort(text: string | undefined, max = 80): string {
  if (text === undefined) return '(geen)';
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

// ---------------------------------------------------------------------------------------------------------
// Informatiemodel.

type Uit = (c: ModelChange) => void;

const DOCUMENTATIE = ['toelichting', 'herkomst', 'herkomstDefinitie', 'datumOpname', 'alias'] as const;

/** Definitie, toelichting and the other documentation of one element. */
function documentatie(uit: Uit, label: string, path: string, a: Partial<Metadata>, b: Partial<Metadata>, paden: string[]): void {
  if ((a.definitie ?? '') !== (b.definitie ?? '')) {
    uit({ path, kind: 'definition-changed', message: `${label}: definitie gewijzigd: ${kort(a.definitie)} → ${kort(b.definitie)}`, paden, familie: 'doc' });
  }
  const anders = DOCUMENTATIE.filter((k) => (a[k] ?? '') !== (b[k] ?? ''));
  if (anders.length > 0) uit({ path, kind: 'documentation-changed', message: `${label}: ${anders.join(', ')} gewijzigd`, paden: [], familie: 'geen' });
}

/** Elements of two versions paired by id; additions and removals in the order of the version they are in. */
function paren<T>(a: readonly T[], b: readonly T[], key: (t: T) => string): { beide: [T, T][]; weg: T[]; erbij: T[] } {
  const ka = new Map(a.map((x) => [key(x), x]));
  const kb = new Map(b.map((x) => [key(x), x]));
  return {
    beide: b.filter((x) => ka.has(key(x))).map((x) => [ka.get(key(x))!, x]),
    weg: a.filter((x) => !kb.has(key(x))),
    erbij: b.filter((x) => !ka.has(key(x))),
  };
}

const typeNaam = (t: TypeVerwijzing): string => t.naam;
const typeGelijk = (a: TypeVerwijzing, b: TypeVerwijzing): boolean => a.naam === b.naam && a.datatype.id === b.datatype.id && a.lengte === b.lengte;

export function diffInformatiemodel(a: Informatiemodel, b: Informatiemodel, ia?: BerichtView, ib?: BerichtView): ModelChange[] {
  const out: ModelChange[] = [];
  const uit: Uit = (c) => out.push(c);
  const beide = (f: (i: BerichtView) => VeldInBericht[]): VeldInBericht[] => [...(ia ? f(ia) : []), ...(ib ? f(ib) : [])];
  const oud = (f: (i: BerichtView) => VeldInBericht[]): VeldInBericht[] => (ia ? f(ia) : []);
  const nieuw = (f: (i: BerichtView) => VeldInBericht[]): VeldInBericht[] => (ib ? f(ib) : []);

  // The informatiemodel itself.
  const model = b.naam;
  if (a.naam !== b.naam) uit({ path: model, kind: 'model-renamed', message: `informatiemodel ${tekst(a.naam)} hernoemd naar ${tekst(b.naam)}`, paden: [], familie: 'geen' });
  if (a.versie !== b.versie) uit({ path: model, kind: 'version-changed', message: `versie van het informatiemodel ${a.versie} → ${b.versie}`, paden: [], familie: 'geen' });
  for (const k of ['definitie', 'toelichting', 'herkomst', 'basisUri', 'mimVersie'] as const) {
    if ((a[k] ?? '') !== (b[k] ?? '')) {
      uit({ path: model, kind: k === 'definitie' ? 'definition-changed' : 'documentation-changed', message: `informatiemodel ${b.naam}: ${k} gewijzigd`, paden: [], familie: 'geen' });
    }
  }

  // Objecttypen, with their attribuutsoorten, gegevensgroepen, relatiesoorten and constraints.
  const ot = paren(a.objecttypen, b.objecttypen, (o) => o.id);
  for (const o of ot.weg) {
    const p = oud((i) => i.veldenHolding(o.id));
    uit({ path: o.naam, kind: 'objecttype-removed', message: `objecttype ${o.naam} verwijderd${inBericht(velden(p))}`, paden: velden(p), familie: 'aanwezigheid' });
  }
  for (const o of ot.erbij) {
    const p = nieuw((i) => i.veldenHolding(o.id));
    uit({ path: o.naam, kind: 'objecttype-added', message: `objecttype ${o.naam} toegevoegd${inBericht(velden(p))}`, paden: velden(p), familie: 'aanwezigheid' });
  }
  for (const [x, y] of ot.beide) {
    const p = beide((i) => i.veldenHolding(y.id));
    if (x.naam !== y.naam) uit({ path: y.naam, kind: 'objecttype-renamed', message: `objecttype ${x.naam} hernoemd naar ${y.naam}`, paden: [], familie: 'geen' });
    if (x.indicatieAbstractObject !== y.indicatieAbstractObject) {
      uit({ path: y.naam, kind: 'objecttype-changed', message: `objecttype ${y.naam} is nu ${y.indicatieAbstractObject ? 'abstract' : 'niet meer abstract'}`, paden: [], familie: 'geen' });
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

  attribuutsoorten(uit, a, b, beide, oud, nieuw);
  gegevensgroepen(uit, a, b);
  relatiesoorten(uit, a, b, beide, oud, nieuw);
  constraints(uit, a, b, ia, ib);

  const gt = paren(a.gegevensgroeptypen, b.gegevensgroeptypen, (g) => g.id);
  for (const g of gt.weg) uit({ path: g.naam, kind: 'gegevensgroeptype-removed', message: `gegevensgroeptype ${g.naam} verwijderd`, paden: [], familie: 'geen' });
  for (const g of gt.erbij) uit({ path: g.naam, kind: 'gegevensgroeptype-added', message: `gegevensgroeptype ${g.naam} toegevoegd`, paden: [], familie: 'geen' });
  for (const [x, y] of gt.beide) {
    if (x.naam !== y.naam) uit({ path: y.naam, kind: 'gegevensgroeptype-renamed', message: `gegevensgroeptype ${x.naam} hernoemd naar ${y.naam}`, paden: [], familie: 'geen' });
    documentatie(uit, `gegevensgroeptype ${y.naam}`, y.naam, x, y, []);
  }

  enumeraties(uit, a, b, beide, oud, nieuw);

  const cl = paren(a.codelijsten, b.codelijsten, (c) => c.id);
  for (const c of cl.weg) uit({ path: c.naam, kind: 'codelist-removed', message: `codelijst ${c.naam} verwijderd${inBericht(velden(oud((i) => i.veldenTyped(c.id))))}`, paden: velden(oud((i) => i.veldenTyped(c.id))), familie: 'waarde' });
  for (const c of cl.erbij) uit({ path: c.naam, kind: 'codelist-added', message: `codelijst ${c.naam} toegevoegd`, paden: [], familie: 'geen' });
  for (const [x, y] of cl.beide) {
    if (x.naam !== y.naam) uit({ path: y.naam, kind: 'codelist-renamed', message: `codelijst ${x.naam} hernoemd naar ${y.naam}`, paden: [], familie: 'geen' });
    if ((x.locatie ?? '') !== (y.locatie ?? '')) uit({ path: y.naam, kind: 'codelist-changed', message: `codelijst ${y.naam}: locatie ${tekst(x.locatie)} → ${tekst(y.locatie)}`, paden: [], familie: 'geen' });
    documentatie(uit, `codelijst ${y.naam}`, y.naam, x, y, []);
  }

  const pd = paren(a.primitieveDatatypes, b.primitieveDatatypes, (d) => d.id);
  for (const d of pd.weg) uit({ path: d.naam, kind: 'datatype-removed', message: `primitief datatype ${d.naam} verwijderd`, paden: [], familie: 'geen' });
  for (const d of pd.erbij) uit({ path: d.naam, kind: 'datatype-added', message: `primitief datatype ${d.naam} toegevoegd`, paden: [], familie: 'geen' });
  for (const [x, y] of pd.beide) {
    const p = beide((i) => i.veldenTyped(y.id));
    if (x.naam !== y.naam) uit({ path: y.naam, kind: 'datatype-renamed', message: `primitief datatype ${x.naam} hernoemd naar ${y.naam}`, paden: [], familie: 'geen' });
    const anders = (['basis', 'formaat', 'lengteInNaam', 'lengte', 'minimumWaarde', 'maximumWaarde', 'patroon', 'formeelPatroon'] as const).filter((k) => x[k] !== y[k]);
    if (anders.length > 0) {
      uit({
        path: y.naam,
        kind: 'datatype-definition-changed',
        message: `primitief datatype ${y.naam}: ${anders.map((k) => `${k} ${tekst(x[k] as string | number | boolean | undefined)} → ${tekst(y[k] as string | number | boolean | undefined)}`).join(', ')}${inBericht(velden(p))}`,
        paden: waardenVan(p),
        familie: 'waarde',
      });
    }
    documentatie(uit, `primitief datatype ${y.naam}`, y.naam, x, y, []);
  }

  const gd = paren(a.gestructureerdeDatatypes, b.gestructureerdeDatatypes, (d) => d.id);
  for (const d of gd.weg) uit({ path: d.naam, kind: 'datatype-removed', message: `gestructureerd datatype ${d.naam} verwijderd`, paden: [], familie: 'geen' });
  for (const d of gd.erbij) uit({ path: d.naam, kind: 'datatype-added', message: `gestructureerd datatype ${d.naam} toegevoegd`, paden: [], familie: 'geen' });
  for (const [x, y] of gd.beide) {
    const p = beide((i) => i.veldenTyped(y.id));
    if (x.naam !== y.naam) uit({ path: y.naam, kind: 'datatype-renamed', message: `gestructureerd datatype ${x.naam} hernoemd naar ${y.naam}`, paden: [], familie: 'geen' });
    const ea = x.dataElementen.map(dataElement).join('; ');
    const eb = y.dataElementen.map(dataElement).join('; ');
    if (ea !== eb) {
      uit({ path: y.naam, kind: 'datatype-definition-changed', message: `gestructureerd datatype ${y.naam}: data-elementen ${ea || '(geen)'} → ${eb || '(geen)'}${inBericht(velden(p))}`, paden: waardenVan(p), onder: true, familie: 'alles' });
    }
    documentatie(uit, `gestructureerd datatype ${y.naam}`, y.naam, x, y, []);
  }

  const kz = paren(a.keuzes, b.keuzes, (d) => d.id);
  for (const d of kz.weg) uit({ path: d.naam, kind: 'datatype-removed', message: `keuze ${d.naam} verwijderd`, paden: [], familie: 'geen' });
  for (const d of kz.erbij) uit({ path: d.naam, kind: 'datatype-added', message: `keuze ${d.naam} toegevoegd`, paden: [], familie: 'geen' });
  for (const [x, y] of kz.beide) {
    const p = beide((i) => i.veldenTyped(y.id));
    if (x.naam !== y.naam) uit({ path: y.naam, kind: 'datatype-renamed', message: `keuze ${x.naam} hernoemd naar ${y.naam}`, paden: [], familie: 'geen' });
    if (alternatieven(x) !== alternatieven(y)) {
      uit({ path: y.naam, kind: 'datatype-definition-changed', message: `keuze ${y.naam}: alternatieven ${alternatieven(x)} → ${alternatieven(y)}${inBericht(velden(p))}`, paden: waardenVan(p), onder: true, familie: 'alles' });
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

type Zoek = (f: (i: BerichtView) => VeldInBericht[]) => VeldInBericht[];

function attribuutsoorten(uit: Uit, a: Informatiemodel, b: Informatiemodel, beide: Zoek, oud: Zoek, nieuw: Zoek): void {
  const at = paren(modelView(a).attribuutsoorten, modelView(b).attribuutsoorten, (x) => x.id);
  const naam = (x: Attribuutsoort): string => `${x.eigenaar.naam}.${x.naam}`;
  for (const x of at.weg) {
    const p = oud((i) => i.veldenFrom('attribuutsoort', x.id));
    uit({ path: naam(x), kind: 'attribute-removed', message: `attribuutsoort ${naam(x)} verwijderd${inBericht(velden(p))}`, paden: velden(p), familie: 'aanwezigheid' });
  }
  for (const y of at.erbij) {
    const p = nieuw((i) => i.veldenFrom('attribuutsoort', y.id));
    uit({ path: naam(y), kind: 'attribute-added', message: `attribuutsoort ${naam(y)} toegevoegd (${y.type.naam}, kardinaliteit ${y.kardinaliteit.tekst})${inBericht(velden(p))}`, paden: velden(p), familie: 'aanwezigheid' });
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
      uit({ path: naam(y), kind: 'attribute-renamed', message: `attribuutsoort ${naam(x)} hernoemd naar ${y.naam}${inBericht(velden(p))}`, paden: [], familie: 'geen' });
    }
    if (!typeGelijk(x.type, y.type)) {
      uit({ path: naam(y), kind: 'datatype-changed', message: `${label}: datatype ${typeNaam(x.type)} → ${typeNaam(y.type)}${inBericht(velden(p))}`, paden: waardenVan(p), familie: 'waarde' });
    }
    if (x.kardinaliteit.tekst !== y.kardinaliteit.tekst) {
      // A single value that becomes a list (or back) moves its description and value schema to path/*.
      uit({ path: naam(y), kind: 'cardinality-changed', message: `${label}: kardinaliteit ${x.kardinaliteit.tekst} → ${y.kardinaliteit.tekst}${inBericht(velden(p))}`, paden: waardenVan(p), familie: 'vorm' });
    }
    // A length that only follows the type name (AN20 → AN40) is the datatype change above.
    const volgtType = x.lengte === x.type.lengte && y.lengte === y.type.lengte;
    const facetten = (['lengte', 'patroon', 'formeelPatroon'] as const).filter((k) => x[k] !== y[k] && !(k === 'lengte' && volgtType));
    if (facetten.length > 0) {
      uit({
        path: naam(y),
        kind: 'facet-changed',
        message: `${label}: ${facetten.map((k) => `${k} ${tekst(x[k])} → ${tekst(y[k])}`).join(', ')} (het compat-schema neemt dit niet op, het strikte schema wel)`,
        paden: waardenVan(p),
        familie: 'facet',
      });
    }
    const meta = (['authentiek', 'mogelijkGeenWaarde', 'identificerend', 'indicatieMaterieleHistorie', 'indicatieFormeleHistorie'] as const).filter((k) => x[k] !== y[k]);
    if (meta.length > 0) {
      uit({ path: naam(y), kind: 'attribute-metadata-changed', message: `${label}: ${meta.map((k) => `${k} ${tekst(x[k])} → ${tekst(y[k])}`).join(', ')}`, paden: [], familie: 'geen' });
    }
    documentatie(uit, label, naam(y), x, y, waardenVan(p));
  }
}

function alleGegevensgroepen(m: Informatiemodel): Gegevensgroep[] {
  return [...m.objecttypen.flatMap((o) => o.gegevensgroepen), ...m.gegevensgroeptypen.flatMap((g) => g.gegevensgroepen)];
}

/** Gegevensgroepen do not reach the message through the derivation; they change the informatiemodel only. */
function gegevensgroepen(uit: Uit, a: Informatiemodel, b: Informatiemodel): void {
  const gg = paren(alleGegevensgroepen(a), alleGegevensgroepen(b), (x) => x.id);
  const naam = (x: Gegevensgroep): string => `${x.eigenaar.naam}.${x.naam}`;
  for (const x of gg.weg) uit({ path: naam(x), kind: 'gegevensgroep-removed', message: `gegevensgroep ${naam(x)} verwijderd`, paden: [], familie: 'geen' });
  for (const y of gg.erbij) uit({ path: naam(y), kind: 'gegevensgroep-added', message: `gegevensgroep ${naam(y)} toegevoegd (${y.type.naam}, kardinaliteit ${y.kardinaliteit.tekst})`, paden: [], familie: 'geen' });
  for (const [x, y] of gg.beide) {
    const label = `gegevensgroep ${naam(y)}`;
    if (x.eigenaar.id !== y.eigenaar.id) uit({ path: naam(y), kind: 'gegevensgroep-moved', message: `gegevensgroep ${x.naam} verplaatst van ${x.eigenaar.naam} naar ${y.eigenaar.naam}`, paden: [], familie: 'geen' });
    else if (x.naam !== y.naam) uit({ path: naam(y), kind: 'gegevensgroep-renamed', message: `gegevensgroep ${naam(x)} hernoemd naar ${y.naam}`, paden: [], familie: 'geen' });
    if (x.type.id !== y.type.id) uit({ path: naam(y), kind: 'datatype-changed', message: `${label}: type ${x.type.naam} → ${y.type.naam}`, paden: [], familie: 'geen' });
    if (x.kardinaliteit.tekst !== y.kardinaliteit.tekst) uit({ path: naam(y), kind: 'cardinality-changed', message: `${label}: kardinaliteit ${x.kardinaliteit.tekst} → ${y.kardinaliteit.tekst}`, paden: [], familie: 'geen' });
    documentatie(uit, label, naam(y), x, y, []);
  }
}

function relatiesoorten(uit: Uit, a: Informatiemodel, b: Informatiemodel, beide: Zoek, oud: Zoek, nieuw: Zoek): void {
  const rs = paren(modelView(a).relatiesoorten, modelView(b).relatiesoorten, (x) => x.id);
  const naam = (x: Relatiesoort): string => `${x.eigenaar.naam}.${x.naam}`;
  for (const x of rs.weg) {
    const p = oud((i) => i.veldenFrom('relatiesoort', x.id));
    uit({ path: naam(x), kind: 'relation-removed', message: `relatiesoort ${naam(x)} (naar ${x.doel.naam}) verwijderd${inBericht(velden(p))}`, paden: velden(p), familie: 'aanwezigheid' });
  }
  for (const y of rs.erbij) {
    const p = nieuw((i) => i.veldenFrom('relatiesoort', y.id));
    uit({ path: naam(y), kind: 'relation-added', message: `relatiesoort ${naam(y)} (naar ${y.doel.naam}, kardinaliteit ${y.kardinaliteit.tekst}) toegevoegd${inBericht(velden(p))}`, paden: velden(p), familie: 'aanwezigheid' });
  }
  for (const [x, y] of rs.beide) {
    const p = beide((i) => i.veldenFrom('relatiesoort', y.id));
    const label = `relatiesoort ${naam(y)}`;
    if (x.eigenaar.id !== y.eigenaar.id) {
      uit({ path: naam(y), kind: 'relation-moved', message: `relatiesoort ${x.naam} verplaatst van ${x.eigenaar.naam} naar ${y.eigenaar.naam}${inBericht(velden(p))}`, paden: velden(p), familie: 'aanwezigheid' });
    } else if (x.naam !== y.naam) {
      uit({ path: naam(y), kind: 'relation-renamed', message: `relatiesoort ${naam(x)} hernoemd naar ${y.naam}`, paden: [], familie: 'geen' });
    }
    if ((x.rol ?? '') !== (y.rol ?? '') || (x.rolBron ?? '') !== (y.rolBron ?? '')) {
      uit({ path: naam(y), kind: 'relation-role-changed', message: `${label}: rol ${tekst(x.rol)} → ${tekst(y.rol)}${(x.rolBron ?? '') !== (y.rolBron ?? '') ? `, rol bron ${tekst(x.rolBron)} → ${tekst(y.rolBron)}` : ''}`, paden: [], familie: 'geen' });
    }
    if (x.doel.id !== y.doel.id) {
      uit({ path: naam(y), kind: 'relation-target-changed', message: `${label}: doel ${x.doel.naam} → ${y.doel.naam}${inBericht(velden(p))}`, paden: velden(p), onder: true, familie: 'alles' });
    }
    if (x.kardinaliteit.tekst !== y.kardinaliteit.tekst || (x.kardinaliteitBron?.tekst ?? '') !== (y.kardinaliteitBron?.tekst ?? '')) {
      const bron = (x.kardinaliteitBron?.tekst ?? '') !== (y.kardinaliteitBron?.tekst ?? '') ? `, kardinaliteit bron ${x.kardinaliteitBron?.tekst ?? '(geen)'} → ${y.kardinaliteitBron?.tekst ?? '(geen)'}` : '';
      uit({ path: naam(y), kind: 'cardinality-changed', message: `${label}: kardinaliteit ${x.kardinaliteit.tekst} → ${y.kardinaliteit.tekst}${bron}${inBericht(velden(p))}`, paden: velden(p), familie: 'waarde' });
    }
    const meta = (['richting', 'aggregatie', 'authentiek', 'mogelijkGeenWaarde', 'indicatieMaterieleHistorie', 'indicatieFormeleHistorie'] as const).filter((k) => x[k] !== y[k]);
    if (meta.length > 0) uit({ path: naam(y), kind: 'relation-changed', message: `${label}: ${meta.map((k) => `${k} ${tekst(x[k])} → ${tekst(y[k])}`).join(', ')}`, paden: [], familie: 'geen' });
    documentatie(uit, label, naam(y), x, y, waardenVan(p));
  }
}

function regelTekst(r: Regel | undefined): string {
  if (!r) return '(geen)';
  return r.soort === 'datumvolgorde' ? `${r.vroegste.naam} niet na ${r.laatste.naam}` : `als ${r.als.naam} = ${JSON.stringify(r.waarde)} dan is ${r.vereist.naam} vereist`;
}

function regelSleutel(r: Regel | undefined): string {
  if (!r) return '';
  return r.soort === 'datumvolgorde' ? `d:${r.vroegste.id}:${r.laatste.id}` : `v:${r.als.id}:${JSON.stringify(r.waarde)}:${r.vereist.id}`;
}

/**
 * Constraints are checked by the validator, not by the schema, so they classify themselves: a new rule may
 * reject a delivery that was accepted (senders), a dropped rule may let through what an old validator
 * rejects (receivers), a changed one both; unless the objecttype is not in the message at all.
 */
function constraints(uit: Uit, a: Informatiemodel, b: Informatiemodel, ia?: BerichtView, ib?: BerichtView): void {
  const alle = (m: Informatiemodel): { c: Constraint; eigenaar: Objecttype | Gegevensgroeptype }[] => [
    ...m.objecttypen.flatMap((o) => o.constraints.map((c) => ({ c, eigenaar: o as Objecttype | Gegevensgroeptype }))),
    ...m.gegevensgroeptypen.flatMap((g) => g.constraints.map((c) => ({ c, eigenaar: g as Objecttype | Gegevensgroeptype }))),
  ];
  const cs = paren(alle(a), alle(b), (x) => x.c.id);
  const knopen = (i: BerichtView | undefined, id: string): string[] => (i ? uniek(i.veldenHolding(id).map((p) => p.knoop)) : []);
  const naam = (x: { c: Constraint; eigenaar: { naam: string } }): string => `${x.eigenaar.naam}.${x.c.naam}`;
  for (const x of cs.weg) {
    const p = knopen(ia, x.eigenaar.id);
    uit({ path: naam(x), kind: 'constraint-removed', message: `constraint "${x.c.naam}" van ${x.eigenaar.naam} vervallen: ${x.c.specificatie}${inBericht(p)}`, paden: [], familie: 'geen', eigen: { breaksSenders: false, breaksReceivers: p.length > 0 } });
  }
  for (const y of cs.erbij) {
    const p = knopen(ib, y.eigenaar.id);
    uit({ path: naam(y), kind: 'constraint-added', message: `constraint "${y.c.naam}" voor ${y.eigenaar.naam} toegevoegd: ${y.c.specificatie}${inBericht(p)}`, paden: [], familie: 'geen', eigen: { breaksSenders: p.length > 0, breaksReceivers: false } });
  }
  for (const [x, y] of cs.beide) {
    const p = uniek([...knopen(ia, x.eigenaar.id), ...knopen(ib, y.eigenaar.id)]);
    if (x.c.naam !== y.c.naam) uit({ path: naam(y), kind: 'constraint-renamed', message: `constraint "${x.c.naam}" van ${y.eigenaar.naam} hernoemd naar "${y.c.naam}"`, paden: [], familie: 'geen' });
    const regel = regelSleutel(x.c.regel) !== regelSleutel(y.c.regel);
    const spec = x.c.specificatie.replace(/\s+/g, ' ').trim() !== y.c.specificatie.replace(/\s+/g, ' ').trim();
    if (regel || spec || x.eigenaar.id !== y.eigenaar.id) {
      const wat = [
        ...(x.eigenaar.id !== y.eigenaar.id ? [`verplaatst van ${x.eigenaar.naam} naar ${y.eigenaar.naam}`] : []),
        ...(spec ? [`specificatie ${kort(x.c.specificatie)} → ${kort(y.c.specificatie)}`] : []),
        ...(regel ? [`regel ${regelTekst(x.c.regel)} → ${regelTekst(y.c.regel)}`] : []),
      ];
      uit({ path: naam(y), kind: 'constraint-changed', message: `constraint "${y.c.naam}" van ${y.eigenaar.naam}: ${wat.join('; ')}${inBericht(p)}`, paden: [], familie: 'geen', eigen: { breaksSenders: p.length > 0, breaksReceivers: p.length > 0 } });
    }
  }
}

function enumeraties(uit: Uit, a: Informatiemodel, b: Informatiemodel, beide: Zoek, oud: Zoek, nieuw: Zoek): void {
  const es = paren(a.enumeraties, b.enumeraties, (e) => e.id);
  for (const e of es.weg) {
    const p = oud((i) => i.veldenTyped(e.id));
    uit({ path: e.naam, kind: 'enumeration-removed', message: `enumeratie ${e.naam} verwijderd${inBericht(velden(p))}`, paden: waardenVan(p), familie: 'enum' });
  }
  for (const e of es.erbij) {
    const p = nieuw((i) => i.veldenTyped(e.id));
    uit({ path: e.naam, kind: 'enumeration-added', message: `enumeratie ${e.naam} toegevoegd met ${e.waarden.length} waarde(n)${inBericht(velden(p))}`, paden: waardenVan(p), familie: 'enum' });
  }
  for (const [x, y] of es.beide) {
    const p = beide((i) => i.veldenTyped(y.id));
    if (x.naam !== y.naam) uit({ path: y.naam, kind: 'enumeration-renamed', message: `enumeratie ${x.naam} hernoemd naar ${y.naam}${inBericht(velden(p))}`, paden: [], familie: 'geen' });
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
  const zelfde = [...ws.beide, ...ws.weg.flatMap((w) => ws.erbij.filter((v) => v.naam === w.naam).map((v) => [w, v] as [Waarde, Waarde]))];
  for (const w of weg) {
    uit({ path: `${y.naam}.${w.naam}`, kind: 'enumeration-value-removed', message: `waarde "${w.naam}" uit enumeratie ${y.naam} verwijderd${inBericht(getoond)}`, paden, familie: 'enum', waarden: [w.naam] });
  }
  for (const v of erbij) {
    uit({ path: `${y.naam}.${v.naam}`, kind: 'enumeration-value-added', message: `waarde "${v.naam}" aan enumeratie ${y.naam} toegevoegd${inBericht(getoond)}`, paden, familie: 'enum', waarden: [v.naam] });
  }
  for (const [w, v] of zelfde) {
    const label = `waarde "${v.naam}" van enumeratie ${y.naam}`;
    if (w.naam !== v.naam) {
      uit({ path: `${y.naam}.${v.naam}`, kind: 'enumeration-value-renamed', message: `waarde "${w.naam}" van enumeratie ${y.naam} hernoemd naar "${v.naam}"${inBericht(getoond)}`, paden, familie: 'enum', waarden: [w.naam, v.naam] });
    }
    if ((w.code ?? '') !== (v.code ?? '')) uit({ path: `${y.naam}.${v.naam}`, kind: 'enumeration-value-code-changed', message: `${label}: code ${tekst(w.code)} → ${tekst(v.code)}`, paden: [], familie: 'geen' });
    if ((w.definitie ?? '') !== (v.definitie ?? '')) uit({ path: `${y.naam}.${v.naam}`, kind: 'definition-changed', message: `${label}: definitie gewijzigd: ${kort(w.definitie)} → ${kort(v.definitie)}`, paden: [], familie: 'geen' });
    if ((w.toelichting ?? '') !== (v.toelichting ?? '')) uit({ path: `${y.naam}.${v.naam}`, kind: 'documentation-changed', message: `${label}: toelichting gewijzigd`, paden: [], familie: 'geen' });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Uitwisselmodel.

function sleutel(v: UmVeld): string {
  const h = v.herkomst;
  switch (h.soort) {
    case 'attribuutsoort':
      return `a:${h.attribuutsoort.id}`;
    case 'relatiesoort':
      return `r:${h.relatiesoort.id}${h.omgekeerd ? ':terug' : ''}`;
    case 'objecttype':
      return `o:${h.objecttype.id}`;
    case 'toegevoegd':
      return `t:${v.naam}`;
  }
}

function herkomstTekst(v: UmVeld): string {
  const h = v.herkomst;
  switch (h.soort) {
    case 'attribuutsoort':
      return `attribuutsoort ${h.attribuutsoort.eigenaar.naam}.${h.attribuutsoort.naam}`;
    case 'relatiesoort':
      return `relatiesoort ${h.relatiesoort.eigenaar.naam}.${h.relatiesoort.naam}${h.omgekeerd ? ' (teruggevolgd)' : ''}`;
    case 'objecttype':
      return `objecttype ${h.objecttype.naam}`;
    case 'toegevoegd':
      return 'toegevoegd in het uitwisselmodel';
  }
}

/** What the informatiemodel element of a field says its definitie is; a field that says otherwise overrides it. */
function eigenDefinitie(v: UmVeld): string | undefined {
  const h = v.herkomst;
  if (h.soort === 'attribuutsoort') return h.attribuutsoort.definitie;
  if (h.soort === 'objecttype') return h.objecttype.definitie;
  if (h.soort === 'relatiesoort') return v.inhoud.soort === 'object' ? v.inhoud.object.objecttype?.definitie : undefined;
  return undefined;
}

function inhoudTekst(v: UmVeld): string {
  if (v.inhoud.soort === 'object') return v.inhoud.object.referentie ? `verwijzing naar ${v.inhoud.object.objecttype?.naam ?? v.inhoud.object.naam}` : v.inhoud.object.naam;
  return v.inhoud.compat && v.inhoud.compat.type.naam !== v.inhoud.type.naam ? `${v.inhoud.type.naam} (compat: ${v.inhoud.compat.type.naam})` : v.inhoud.type.naam;
}

function lijstTekst(l: Lijst | undefined): string {
  if (!l) return 'enkelvoudig';
  return `lijst [${l.minimaal ?? 0}..${l.maximaal ?? '*'}]${l.uniek ? ' uniek' : ''}`;
}

function veldTekst(v: UmVeld): string {
  return `${v.verplicht ? 'verplicht' : 'optioneel'}, ${inhoudTekst(v)}${v.lijst ? `, ${lijstTekst(v.lijst)}` : ''}; ${herkomstTekst(v)}`;
}

interface Vrij {
  veld: UmVeld;
  pad: string;
  knoop: string;
  ouder: string;
}

export function diffUitwisselmodel(a: Uitwisselmodel, b: Uitwisselmodel): ModelChange[] {
  return new UmDiff(a, b).run();
}

class UmDiff {
  private readonly out: ModelChange[] = [];
  private readonly weg: Vrij[] = [];
  private readonly erbij: Vrij[] = [];

  constructor(
    private readonly a: Uitwisselmodel,
    private readonly b: Uitwisselmodel,
  ) {}

  run(): ModelChange[] {
    const { a, b } = this;
    const uit = (c: ModelChange): void => void this.out.push(c);
    const naam = b.naam;
    if (a.naam !== b.naam) uit({ path: '', kind: 'exchange-model-renamed', message: `uitwisselmodel ${tekst(a.naam)} hernoemd naar ${tekst(b.naam)}`, paden: [''], familie: 'doc' });
    if (a.versie !== b.versie) uit({ path: '', kind: 'version-changed', message: `versie van het uitwisselmodel ${a.versie} → ${b.versie}`, paden: [], familie: 'geen' });
    if (a.schemaId !== b.schemaId) uit({ path: '', kind: 'schema-id-changed', message: `$id van het schema ${a.schemaId} → ${b.schemaId}`, paden: [], familie: 'geen' });
    if (a.pakketnaam !== b.pakketnaam) uit({ path: '', kind: 'package-name-changed', message: `npm-pakket ${a.pakketnaam} → ${b.pakketnaam}`, paden: [], familie: 'geen' });
    if ((a.definitie ?? '') !== (b.definitie ?? '')) uit({ path: '', kind: 'definition-changed', message: `uitwisselmodel ${naam}: definitie gewijzigd: ${kort(a.definitie)} → ${kort(b.definitie)}`, paden: [''], familie: 'doc' });
    if ((a.herkomst ?? '') !== (b.herkomst ?? '')) uit({ path: '', kind: 'documentation-changed', message: `uitwisselmodel ${naam}: herkomst gewijzigd`, paden: [], familie: 'geen' });

    const defs = paren(a.datatypeDefs, b.datatypeDefs, (d) => d.datatype.id);
    for (const d of defs.weg) uit({ path: '', kind: 'schema-def-removed', message: `$defs/${d.defNaam} (${d.datatype.naam}) niet meer apart in het schema`, paden: [], familie: 'geen' });
    for (const d of defs.erbij) uit({ path: '', kind: 'schema-def-added', message: `$defs/${d.defNaam} (${d.datatype.naam}) apart in het schema`, paden: [], familie: 'geen' });
    for (const [x, y] of defs.beide) {
      if (x.defNaam !== y.defNaam) uit({ path: '', kind: 'schema-def-renamed', message: `$defs/${x.defNaam} heet nu $defs/${y.defNaam} (${y.datatype.naam}); de berichten veranderen daardoor niet`, paden: [], familie: 'geen' });
    }

    this.objecten(a.bericht, b.bericht, '', '');
    this.verplaatsingen();
    for (const x of this.weg) {
      uit({ path: x.pad, kind: 'field-removed', message: `veld ${x.pad} verwijderd (was ${veldTekst(x.veld)})`, paden: [x.pad], familie: 'aanwezigheid' });
    }
    for (const y of this.erbij) {
      uit({ path: y.pad, kind: 'field-added', message: `veld ${y.pad} toegevoegd (${veldTekst(y.veld)})`, paden: [y.pad], familie: 'aanwezigheid' });
    }
    return this.out;
  }

  /** Two versions of one object in the message: its own properties, then its fields paired up. */
  private objecten(oa: UmObject, ob: UmObject, ka: string, kb: string): void {
    const uit = (c: ModelChange): void => void this.out.push(c);
    const waar = kb || '(bericht)';
    if (oa.gesloten !== ob.gesloten) {
      uit({ path: kb, kind: 'closed-changed', message: `object ${ob.naam} op ${waar} is nu ${ob.gesloten ? 'gesloten (andere velden worden geweigerd)' : 'open (andere velden zijn toegestaan)'}`, paden: uniek([ka, kb]), familie: 'gesloten' });
    }
    if (oa.naam !== ob.naam && !oa.objecttype && !ob.objecttype) {
      uit({ path: kb, kind: 'object-renamed', message: `het toegevoegde object op ${waar} heet nu ${ob.naam} (was ${oa.naam})`, paden: [], familie: 'geen' });
    }
    const eigenA = oa.objecttype?.definitie;
    const eigenB = ob.objecttype?.definitie;
    // The object's definitie follows its objecttype unless the derivation overrides it; the objecttype's own change is reported there.
    if ((oa.definitie ?? '') !== (ob.definitie ?? '') && !(oa.definitie === eigenA && ob.definitie === eigenB) && kb !== '') {
      uit({ path: kb, kind: 'definition-changed', message: `object ${ob.naam} op ${waar}: definitie gewijzigd: ${kort(oa.definitie)} → ${kort(ob.definitie)}`, paden: uniek([ka, kb]), familie: 'doc' });
    }

    const vrijA = [...oa.velden];
    const vrijB = [...ob.velden];
    const gepaard: [UmVeld, UmVeld][] = [];
    const pak = (past: (x: UmVeld, y: UmVeld) => boolean, eenduidig: boolean): void => {
      for (const x of [...vrijA]) {
        const kandidaten = vrijB.filter((y) => past(x, y));
        if (kandidaten.length === 0) continue;
        if (eenduidig && (kandidaten.length > 1 || vrijA.filter((x2) => past(x2, kandidaten[0]!)).length > 1)) continue;
        const y = kandidaten[0]!;
        gepaard.push([x, y]);
        vrijA.splice(vrijA.indexOf(x), 1);
        vrijB.splice(vrijB.indexOf(y), 1);
      }
    };
    const toegevoegd = (v: UmVeld): boolean => v.herkomst.soort === 'toegevoegd';
    pak((x, y) => sleutel(x) === sleutel(y) && x.naam === y.naam, false);
    pak((x, y) => !toegevoegd(x) && sleutel(x) === sleutel(y), true);
    // An added field with another wire name is the same field when its definitie and type are the same.
    pak((x, y) => toegevoegd(x) && toegevoegd(y) && !!x.definitie && x.definitie === y.definitie && inhoudTekst(x) === inhoudTekst(y), true);
    pak((x, y) => x.naam === y.naam, true);
    gepaard.sort(([, x], [, y]) => ob.velden.indexOf(x) - ob.velden.indexOf(y));
    for (const [x, y] of gepaard) this.velden(x, y, ka, kb, false);
    for (const x of vrijA) this.weg.push(vrij(x, ka));
    for (const y of vrijB) this.erbij.push(vrij(y, kb));
  }

  /** Fields that left one object and turn up in another: the same informatiemodel element, moved. */
  private verplaatsingen(): void {
    for (;;) {
      const paar = this.weg
        .filter((x) => x.veld.herkomst.soort !== 'toegevoegd')
        .flatMap((x) => {
          const k = this.erbij.filter((y) => sleutel(y.veld) === sleutel(x.veld));
          const terug = this.weg.filter((x2) => sleutel(x2.veld) === sleutel(x.veld));
          return k.length === 1 && terug.length === 1 ? [[x, k[0]!] as const] : [];
        })[0];
      if (!paar) return;
      const [x, y] = paar;
      this.weg.splice(this.weg.indexOf(x), 1);
      this.erbij.splice(this.erbij.indexOf(y), 1);
      this.velden(x.veld, y.veld, x.ouder, y.ouder, true);
    }
  }

  /**
   * Two versions of one field: `ka` and `kb` are the pointers of the objects that hold them; `verplaatst`
   * when the field left the object it was in (not when that object itself was renamed or moved).
   */
  private velden(x: UmVeld, y: UmVeld, ka: string, kb: string, verplaatst: boolean): void {
    const uit = (c: ModelChange): void => void this.out.push(c);
    const pa = pointer(ka, x.naam);
    const pb = pointer(kb, y.naam);
    const na = x.lijst ? `${pa}/*` : pa;
    const nb = y.lijst ? `${pb}/*` : pb;
    const beide = uniek([pa, pb]);
    if (verplaatst) {
      uit({
        path: pb,
        kind: 'field-moved',
        message: `veld ${pa} verplaatst naar ${pb}${x.naam !== y.naam ? ` (en hernoemd)` : ''}; ${herkomstTekst(y)}`,
        paden: beide,
        familie: 'aanwezigheid',
      });
    } else if (x.naam !== y.naam) {
      uit({ path: pb, kind: 'wire-name-changed', message: `veld "${x.naam}" in ${kb || '(bericht)'} heet nu "${y.naam}"; ${herkomstTekst(y)}`, paden: beide, familie: 'aanwezigheid' });
    }
    const herkomstSleutel = (v: UmVeld): string => (v.herkomst.soort === 'toegevoegd' ? 't' : sleutel(v));
    if (herkomstSleutel(x) !== herkomstSleutel(y)) {
      uit({ path: pb, kind: 'field-origin-changed', message: `veld ${pb}: herkomst ${herkomstTekst(x)} → ${herkomstTekst(y)}`, paden: [], familie: 'geen' });
    }
    if (x.verplicht !== y.verplicht) {
      uit({ path: pb, kind: 'required-changed', message: `veld ${pb} is ${y.verplicht ? 'nu verplicht' : 'niet meer verplicht'}`, paden: beide, familie: 'verplicht' });
    }
    if (lijstTekst(x.lijst) !== lijstTekst(y.lijst)) {
      uit({ path: pb, kind: 'cardinality-changed', message: `veld ${pb}: ${lijstTekst(x.lijst)} → ${lijstTekst(y.lijst)}`, paden: uniek([pa, pb, na, nb]), familie: 'vorm' });
    }
    const vorm = (v: UmVeld): string => (v.inhoud.soort === 'waarde' ? 'waarde' : v.inhoud.object.referentie ? 'verwijzing' : 'object');
    if (vorm(x) !== vorm(y)) {
      uit({ path: pb, kind: 'relation-form-changed', message: `veld ${pb}: ${inhoudTekst(x)} → ${inhoudTekst(y)}`, paden: beide, onder: true, familie: 'alles' });
    } else if (x.inhoud.soort === 'waarde' && y.inhoud.soort === 'waarde') {
      const compatA = x.inhoud.compat?.type ?? x.inhoud.type;
      const compatB = y.inhoud.compat?.type ?? y.inhoud.type;
      // Where the field simply takes its attribuutsoort's datatype, the attribuutsoort's change says it.
      const volgtAttribuut = (v: UmVeld): boolean =>
        v.herkomst.soort === 'attribuutsoort' && v.inhoud.soort === 'waarde' && !v.inhoud.compat && typeGelijk(v.inhoud.type, v.herkomst.attribuutsoort.type);
      if ((!typeGelijk(x.inhoud.type, y.inhoud.type) || !typeGelijk(compatA, compatB)) && !(volgtAttribuut(x) && volgtAttribuut(y) && sleutel(x) === sleutel(y))) {
        uit({ path: pb, kind: 'datatype-changed', message: `veld ${pb}: datatype ${inhoudTekst(x)} → ${inhoudTekst(y)}`, paden: uniek([pa, pb, na, nb]), familie: 'waarde' });
      }
    }
    const volgt = (v: UmVeld): boolean => v.inhoud.soort === 'waarde' && (v.definitie ?? '') === (eigenDefinitie(v) ?? '');
    if (x.inhoud.soort === 'waarde' && y.inhoud.soort === 'waarde' && (x.definitie ?? '') !== (y.definitie ?? '') && !(volgt(x) && volgt(y) && sleutel(x) === sleutel(y))) {
      uit({ path: pb, kind: 'definition-changed', message: `veld ${pb}: definitie gewijzigd: ${kort(x.definitie)} → ${kort(y.definitie)}`, paden: uniek([pa, pb, na, nb]), familie: 'doc' });
    }
    if ((x.toelichting ?? '') !== (y.toelichting ?? '')) uit({ path: pb, kind: 'documentation-changed', message: `veld ${pb}: toelichting gewijzigd`, paden: [], familie: 'geen' });
    if (x.inhoud.soort === 'object' && y.inhoud.soort === 'object' && vorm(x) === vorm(y)) this.objecten(x.inhoud.object, y.inhoud.object, na, nb);
  }
}

function vrij(v: UmVeld, ouder: string): Vrij {
  const pad = pointer(ouder, v.naam);
  return { veld: v, pad, knoop: v.lijst ? `${pad}/*` : pad, ouder };
}

