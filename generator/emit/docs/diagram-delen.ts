/**
 * The informatiemodel's class diagrams split so that each stays readable. A model of at most MAX_KLASSEN
 * classes is one diagram. A larger one gets a diagram per pakket: its classes with their members and, by
 * name alone, the classes of other pakketten they are related to. A pakket that is still larger than
 * MAX_KLASSEN gets a diagram per objecttype with its neighbours (by name alone), and its gegevensgroeptypen,
 * enumeraties and codelijsten in diagrams of their own, at most MAX_KLASSEN classes each.
 *
 * Why 40: the largest diagram the DDAS models draw (Schuldhulpverlening, 38 classes) is about as much as
 * Mermaid's layout still shows at page width with legible names; beyond that the boxes shrink to unreadable
 * and the layout time grows quickly. So the DDAS models keep their one diagram, and no part is larger.
 */
import type { Informatiemodel, Objecttype, Pakket } from '../../model/types.ts';
import { Ankers } from './anchors.ts';
import type { Context, Pagina } from './context.ts';
import type { UmObject } from '../../derive/types.ts';
import type { UmNiveau } from './bericht.ts';
import { type Diagram, type ImKlasse, ImDiagrammen, uitwisselmodelDiagram } from './diagrams.ts';

export const MAX_KLASSEN = 40;

export interface ObjecttypeDiagram {
  objecttype: Objecttype;
  diagram: Diagram;
  /** Neighbours left out to stay within the maximum (an objecttype related to very many). */
  weggelaten: number;
}

export interface PakketDiagrammen {
  pakket: Pakket;
  /** How many classes of the model the pakket holds. */
  klassen: number;
  /** The pakket as one diagram, when it fits. */
  diagram: Diagram | undefined;
  /** Else: each objecttype with its neighbours, */
  objecttypen: ObjecttypeDiagram[];
  /** and its other classes (gegevensgroeptypen, enumeraties, codelijsten). */
  overige: Diagram[];
}

export type InformatiemodelDiagrammen =
  | { geheel: Diagram; pakketten: undefined; max: number }
  | { geheel: undefined; pakketten: PakketDiagrammen[]; max: number };

export function informatiemodelDiagrammen(im: Informatiemodel, max = MAX_KLASSEN): InformatiemodelDiagrammen {
  const d = new ImDiagrammen(im);
  if (d.klassen.length <= max) return { geheel: d.geheel(), pakketten: undefined, max };
  const perPakket = new Map<Pakket, ImKlasse[]>();
  for (const k of d.klassen) {
    const lijst = perPakket.get(k.pakket);
    if (lijst) lijst.push(k);
    else perPakket.set(k.pakket, [k]);
  }
  const pakketten: PakketDiagrammen[] = [];
  for (const pakket of [...im.pakketten, ...perPakket.keys()]) {
    const eigen = perPakket.get(pakket);
    if (!eigen) continue;
    perPakket.delete(pakket);
    const binnen = new Set(eigen);
    const buren = new Set<ImKlasse>();
    for (const k of eigen)
      for (const r of d.randenVan(k)) for (const b of [r.van, r.naar]) if (!binnen.has(b)) buren.add(b);
    if (eigen.length + buren.size <= max) {
      const diagram = d.diagram(binnen, buren);
      pakketten.push({ pakket, klassen: eigen.length, diagram, objecttypen: [], overige: [] });
      continue;
    }
    const objecttypen = eigen
      .filter((k): k is Objecttype => k.soort === 'objecttype')
      .map((ot) => {
        const naast: ImKlasse[] = [];
        const gezien = new Set<ImKlasse>([ot]);
        for (const r of d.randenVan(ot))
          for (const b of [r.van, r.naar])
            if (!gezien.has(b)) {
              gezien.add(b);
              naast.push(b);
            }
        const getoond = new Set(naast.slice(0, max - 1));
        const diagram = d.diagram(new Set([ot]), getoond);
        return { objecttype: ot, diagram, weggelaten: naast.length - getoond.size };
      });
    const rest = eigen.filter((k) => k.soort !== 'objecttype');
    const overige: Diagram[] = [];
    for (let i = 0; i < rest.length; i += max) {
      const deel = new Set<ImKlasse>(rest.slice(i, i + max));
      overige.push(d.diagram(deel));
    }
    pakketten.push({ pakket, klassen: eigen.length, diagram: undefined, objecttypen, overige });
  }
  return { geheel: undefined, pakketten, max };
}

/**
 * A page of its own per pakket, for a model whose diagrams are split: at the size of the Gemeentelijk
 * Gegevensmodel a single page would hold a thousand diagrams, which a browser does not render in a reader's
 * patience. The file is named from the pakket's id (a slug, unique within the model), never from its name.
 */
export interface PakketPagina {
  delen: PakketDiagrammen;
  /** By path relative to generated/<model>/: `docs/pakket-<id>.md`. */
  pad: string;
  /** The file name, as the pages beside it link to it. */
  bestand: string;
}

export function pakketPaginas(diagrammen: InformatiemodelDiagrammen): PakketPagina[] {
  const namen = new Ankers();
  return (diagrammen.pakketten ?? []).map((delen) => {
    const bestand = `${namen.anker(delen.pakket, `pakket-${delen.pakket.id}`)}.md`;
    return { delen, pad: `docs/${bestand}`, bestand };
  });
}

/** The informatiemodel's diagrams on the hoofdlijnen page: the one diagram, or the list of the pakket pages. */
export function informatiemodelDiagrammenView(ctx: Context) {
  const delen = ctx.imDiagrammen;
  return {
    max: delen.max,
    geheel: delen.geheel,
    pakketten: ctx.pakketPaginas.map(({ delen: d, bestand }) => ({
      link: { tekst: d.pakket.naam, href: bestand },
      klassen: d.klassen,
      diagrammen: d.diagram ? 1 : d.objecttypen.length + d.overige.length,
    })),
  };
}

/** The view of a pakket's page (templates/docs/pakket.md.hbs). Its links are those of a page beside hoofdlijnen. */
export function pakketPaginaView(ctx: Context, { delen: d }: PakketPagina) {
  const p: Pagina = 'hoofdlijnen';
  return {
    model: { naam: ctx.im.naam },
    naam: d.pakket.naam,
    anker: new Ankers().anker('pagina', `pakket-${d.pakket.naam}`),
    definitie: d.pakket.definitie,
    max: ctx.imDiagrammen.max,
    // A page beside hoofdlijnen.md: the link names the file, which ctx.href leaves out for hoofdlijnen itself.
    links: { hoofdlijnen: `hoofdlijnen.md#${ctx.anker('hoofdlijnen', 'diagram-informatiemodel')}` },
    diagram: d.diagram,
    objecttypen: d.objecttypen.map((o) => ({
      link: ctx.link(o.objecttype, p),
      diagram: o.diagram,
      weggelaten: o.weggelaten,
    })),
    overige: d.overige,
  };
}

/**
 * The message's diagram split the same way, for a message of more than `max` objects (the DDAS messages have
 * fewer and keep their one diagram). An object whose nesting holds more than `max` objects is drawn with its
 * children in diagrams of at most `max` objects: the children's nestings packed in as they come, each whole;
 * a child whose own nesting is too large is drawn by name alone there and split in its turn.
 */
export function uitwisselmodelDiagrammen(niveaus: UmNiveau[], max = MAX_KLASSEN): Diagram[] {
  if (niveaus.length <= max) return [uitwisselmodelDiagram(niveaus)];
  const kinderen = new Map<UmObject, UmNiveau[]>();
  for (const n of niveaus) {
    if (!n.ouder) continue;
    const lijst = kinderen.get(n.ouder);
    if (lijst) lijst.push(n);
    else kinderen.set(n.ouder, [n]);
  }
  const grootte = new Map<UmNiveau, number>();
  const omvang = (n: UmNiveau): number => {
    let g = grootte.get(n);
    if (g === undefined) {
      g = 1 + (kinderen.get(n.object) ?? []).reduce((som, k) => som + omvang(k), 0);
      grootte.set(n, g);
    }
    return g;
  };
  const boom = (n: UmNiveau): UmNiveau[] => [n, ...(kinderen.get(n.object) ?? []).flatMap(boom)];
  const plek = new Map(niveaus.map((n, i) => [n, i]));
  const diagrammen: Diagram[] = [];
  const deel = (wortel: UmNiveau): void => {
    if (omvang(wortel) <= max) {
      diagrammen.push(uitwisselmodelDiagram(boom(wortel)));
      return;
    }
    const teGroot: UmNiveau[] = [];
    let bak: UmNiveau[] = [];
    let alleenNaam = new Set<UmObject>();
    const leeg = () => {
      if (bak.length === 0) return;
      const lijst = [wortel, ...bak].sort((a, b) => plek.get(a)! - plek.get(b)!);
      diagrammen.push(uitwisselmodelDiagram(lijst, alleenNaam));
      bak = [];
      alleenNaam = new Set();
    };
    for (const k of kinderen.get(wortel.object) ?? []) {
      const groot = omvang(k) > max - 1;
      const stuk = groot ? [k] : boom(k);
      if (1 + bak.length + stuk.length > max) leeg();
      bak.push(...stuk);
      if (groot) {
        alleenNaam.add(k.object);
        teGroot.push(k);
      }
    }
    leeg();
    for (const k of teGroot) deel(k);
  };
  const top = niveaus.filter((n) => !n.ouder);
  for (const t of top) deel(t);
  return diagrammen;
}
