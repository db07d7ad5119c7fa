/**
 * The model-level diff of two uitwisselmodellen, field by field: a field is matched by the informatiemodel
 * element it comes from, so a new wire name or a move to another object is reported as such.
 */
import type { Lijst, UmObject, UmVeld, Uitwisselmodel } from '../derive/types.ts';
import {
  aanwezigheid,
  paren,
  shownText,
  shownValue,
  typeGelijk,
  uniek,
  zonderGevolg,
  type ModelChange,
} from './model-change.ts';
import { pointer } from './schema-change.ts';

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
  if (h.soort === 'relatiesoort')
    return v.inhoud.soort === 'object' ? v.inhoud.object.objecttype?.definitie : undefined;
  return undefined;
}

function inhoudTekst(v: UmVeld): string {
  if (v.inhoud.soort === 'object')
    return v.inhoud.object.referentie
      ? `verwijzing naar ${v.inhoud.object.objecttype?.naam ?? v.inhoud.object.naam}`
      : v.inhoud.object.naam;
  return v.inhoud.compat && v.inhoud.compat.type.naam !== v.inhoud.type.naam
    ? `${v.inhoud.type.naam} (compat: ${v.inhoud.compat.type.naam})`
    : v.inhoud.type.naam;
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
    if (a.naam !== b.naam)
      uit({
        path: '',
        kind: 'exchange-model-renamed',
        message: `uitwisselmodel ${shownValue(a.naam)} hernoemd naar ${shownValue(b.naam)}`,
        paden: [''],
        familie: 'doc',
      });
    if (a.versie !== b.versie)
      uit(zonderGevolg('', 'version-changed', `versie van het uitwisselmodel ${a.versie} → ${b.versie}`));
    if (a.schemaId !== b.schemaId)
      uit(zonderGevolg('', 'schema-id-changed', `$id van het schema ${a.schemaId} → ${b.schemaId}`));
    if (a.pakketnaam !== b.pakketnaam)
      uit(zonderGevolg('', 'package-name-changed', `npm-pakket ${a.pakketnaam} → ${b.pakketnaam}`));
    if ((a.definitie ?? '') !== (b.definitie ?? ''))
      uit({
        path: '',
        kind: 'definition-changed',
        message: `uitwisselmodel ${naam}: definitie gewijzigd: ${shownText(a.definitie)} → ${shownText(b.definitie)}`,
        paden: [''],
        familie: 'doc',
      });
    if ((a.herkomst ?? '') !== (b.herkomst ?? ''))
      uit(zonderGevolg('', 'documentation-changed', `uitwisselmodel ${naam}: herkomst gewijzigd`));

    const defs = paren(a.datatypeDefs, b.datatypeDefs, (d) => d.datatype.id);
    for (const d of defs.weg)
      uit(
        zonderGevolg('', 'schema-def-removed', `$defs/${d.defNaam} (${d.datatype.naam}) niet meer apart in het schema`),
      );
    for (const d of defs.erbij)
      uit(zonderGevolg('', 'schema-def-added', `$defs/${d.defNaam} (${d.datatype.naam}) apart in het schema`));
    for (const [x, y] of defs.beide) {
      if (x.defNaam !== y.defNaam)
        uit(
          zonderGevolg(
            '',
            'schema-def-renamed',
            `$defs/${x.defNaam} heet nu $defs/${y.defNaam} (${y.datatype.naam}); de berichten veranderen daardoor niet`,
          ),
        );
    }

    this.objecten(a.bericht, b.bericht, '', '');
    this.verplaatsingen();
    for (const x of this.weg) {
      uit({
        path: x.pad,
        kind: 'field-removed',
        message: `veld ${x.pad} verwijderd (was ${veldTekst(x.veld)})`,
        paden: [x.pad],
        familie: 'aanwezigheid',
      });
    }
    for (const y of this.erbij) {
      uit({
        path: y.pad,
        kind: 'field-added',
        message: `veld ${y.pad} toegevoegd (${veldTekst(y.veld)})`,
        paden: [y.pad],
        familie: 'aanwezigheid',
      });
    }
    return this.out;
  }

  /** Two versions of one object in the message: its own properties, then its fields paired up. */
  private objecten(oa: UmObject, ob: UmObject, ka: string, kb: string): void {
    const uit = (c: ModelChange): void => void this.out.push(c);
    const waar = kb || '(bericht)';
    if (oa.gesloten !== ob.gesloten) {
      uit({
        path: kb,
        kind: 'closed-changed',
        message: `object ${ob.naam} op ${waar} is nu ${ob.gesloten ? 'gesloten (andere velden worden geweigerd)' : 'open (andere velden zijn toegestaan)'}`,
        paden: uniek([ka, kb]),
        familie: 'gesloten',
      });
    }
    if (oa.naam !== ob.naam && !oa.objecttype && !ob.objecttype) {
      uit(zonderGevolg(kb, 'object-renamed', `het toegevoegde object op ${waar} heet nu ${ob.naam} (was ${oa.naam})`));
    }
    const eigenA = oa.objecttype?.definitie;
    const eigenB = ob.objecttype?.definitie;
    // The object's definitie follows its objecttype unless the derivation overrides it; the objecttype's own change is reported there.
    if (
      (oa.definitie ?? '') !== (ob.definitie ?? '') &&
      !(oa.definitie === eigenA && ob.definitie === eigenB) &&
      kb !== ''
    ) {
      uit({
        path: kb,
        kind: 'definition-changed',
        message: `object ${ob.naam} op ${waar}: definitie gewijzigd: ${shownText(oa.definitie)} → ${shownText(ob.definitie)}`,
        paden: uniek([ka, kb]),
        familie: 'doc',
      });
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
    pak(
      (x, y) =>
        toegevoegd(x) &&
        toegevoegd(y) &&
        !!x.definitie &&
        x.definitie === y.definitie &&
        inhoudTekst(x) === inhoudTekst(y),
      true,
    );
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
      uit({
        path: pb,
        kind: 'wire-name-changed',
        message: `veld "${x.naam}" in ${kb || '(bericht)'} heet nu "${y.naam}"; ${herkomstTekst(y)}`,
        paden: beide,
        familie: 'aanwezigheid',
      });
    }
    const herkomstSleutel = (v: UmVeld): string => (v.herkomst.soort === 'toegevoegd' ? 't' : sleutel(v));
    if (herkomstSleutel(x) !== herkomstSleutel(y)) {
      uit(zonderGevolg(pb, 'field-origin-changed', `veld ${pb}: herkomst ${herkomstTekst(x)} → ${herkomstTekst(y)}`));
    }
    if (x.verplicht !== y.verplicht) {
      uit({
        path: pb,
        kind: 'required-changed',
        message: `veld ${pb} is ${y.verplicht ? 'nu verplicht' : 'niet meer verplicht'}`,
        paden: beide,
        familie: 'verplicht',
      });
    }
    if (lijstTekst(x.lijst) !== lijstTekst(y.lijst)) {
      uit({
        path: pb,
        kind: 'cardinality-changed',
        message: `veld ${pb}: ${lijstTekst(x.lijst)} → ${lijstTekst(y.lijst)}`,
        paden: uniek([pa, pb, na, nb]),
        familie: 'vorm',
      });
    }
    const vorm = (v: UmVeld): string =>
      v.inhoud.soort === 'waarde' ? 'waarde' : v.inhoud.object.referentie ? 'verwijzing' : 'object';
    if (vorm(x) !== vorm(y)) {
      uit({
        path: pb,
        kind: 'relation-form-changed',
        message: `veld ${pb}: ${inhoudTekst(x)} → ${inhoudTekst(y)}`,
        paden: beide,
        onder: true,
        familie: 'alles',
      });
    } else if (x.inhoud.soort === 'waarde' && y.inhoud.soort === 'waarde') {
      const compatA = x.inhoud.compat?.type ?? x.inhoud.type;
      const compatB = y.inhoud.compat?.type ?? y.inhoud.type;
      // Where the field simply takes its attribuutsoort's datatype, the attribuutsoort's change says it.
      const volgtAttribuut = (v: UmVeld): boolean =>
        v.herkomst.soort === 'attribuutsoort' &&
        v.inhoud.soort === 'waarde' &&
        !v.inhoud.compat &&
        typeGelijk(v.inhoud.type, v.herkomst.attribuutsoort.type);
      if (
        (!typeGelijk(x.inhoud.type, y.inhoud.type) || !typeGelijk(compatA, compatB)) &&
        !(volgtAttribuut(x) && volgtAttribuut(y) && sleutel(x) === sleutel(y))
      ) {
        uit({
          path: pb,
          kind: 'datatype-changed',
          message: `veld ${pb}: datatype ${inhoudTekst(x)} → ${inhoudTekst(y)}`,
          paden: uniek([pa, pb, na, nb]),
          familie: 'waarde',
        });
      }
    }
    const volgt = (v: UmVeld): boolean =>
      v.inhoud.soort === 'waarde' && (v.definitie ?? '') === (eigenDefinitie(v) ?? '');
    if (
      x.inhoud.soort === 'waarde' &&
      y.inhoud.soort === 'waarde' &&
      (x.definitie ?? '') !== (y.definitie ?? '') &&
      !(volgt(x) && volgt(y) && sleutel(x) === sleutel(y))
    ) {
      uit({
        path: pb,
        kind: 'definition-changed',
        message: `veld ${pb}: definitie gewijzigd: ${shownText(x.definitie)} → ${shownText(y.definitie)}`,
        paden: uniek([pa, pb, na, nb]),
        familie: 'doc',
      });
    }
    if ((x.toelichting ?? '') !== (y.toelichting ?? ''))
      uit(zonderGevolg(pb, 'documentation-changed', `veld ${pb}: toelichting gewijzigd`));
    if (x.inhoud.soort === 'object' && y.inhoud.soort === 'object' && vorm(x) === vorm(y))
      this.objecten(x.inhoud.object, y.inhoud.object, na, nb);
  }
}

function vrij(v: UmVeld, ouder: string): Vrij {
  const pad = pointer(ouder, v.naam);
  return { veld: v, pad, knoop: v.lijst ? `${pad}/*` : pad, ouder };
}
