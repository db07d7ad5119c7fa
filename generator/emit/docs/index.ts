/**
 * The documentation emitter: Markdown pages for an MkDocs site (Material theme) written from the model
 * through the Handlebars templates in templates/docs/. A pure function of the uitwisselmodel and the
 * informatiemodel it comes from; the templates are read once when the module loads (see templates.ts).
 *
 * The views built here hold the model's text as it is; the templates' helpers escape it for where it lands.
 */
import { INFORMATIEMODEL_SCHEMA } from '../informatiemodel-schema/index.ts';
import { mappingRegels } from '../mapping/index.ts';
import { OPENAPI } from '../openapi/index.ts';
import { apiView } from './api.ts';
import { codeKenmerk, Context, kenmerken, modelKop, tekstKenmerk, type Pagina } from './context.ts';
import { definitiesView } from './definities.ts';
import { PLAATSEN, plaatsenJson } from './plaatsen.ts';
import {
  informatiemodelDiagrammenView,
  MAX_KLASSEN,
  pakketPaginaView,
  uitwisselmodelDiagrammen,
} from './diagram-delen.ts';
import type { Link } from './helpers.ts';
import type { ModelInvoer } from '../invoer.ts';
import { TEMPLATES } from './templates.ts';
import { uitwisselspecificatieView } from './uitwisselspecificatie.ts';

export { voorbeelden, type Voorbeeld } from './context.ts';

/** The generated pages, by path relative to generated/<model>/. */
export const DOCS = {
  index: 'docs/index.md',
  hoofdlijnen: 'docs/hoofdlijnen.md',
  definities: 'docs/definities.md',
  uitwisselspecificatie: 'docs/uitwisselspecificatie.md',
  /** Only for a model with an API section. */
  api: 'docs/api.md',
  nav: 'docs/mkdocs-nav.yml',
} as const;

/**
 * The pages of a model. Without a derivation the pages about the message (uitwisselspecificatie, api) are left
 * out, and the index says how to start one.
 */
export function emitDocs(invoer: ModelInvoer, context: { pakketversie?: string } = {}): Map<string, string> {
  const ctx = new Context(invoer, context.pakketversie);
  const um = invoer.uitwisselmodel;
  return new Map([
    [DOCS.index, markdown(TEMPLATES.index(indexView(ctx)))],
    [DOCS.hoofdlijnen, markdown(TEMPLATES.hoofdlijnen(hoofdlijnenView(ctx)))],
    [DOCS.definities, markdown(TEMPLATES.definities(definitiesView(ctx)))],
    ...(um
      ? [
          [
            DOCS.uitwisselspecificatie,
            markdown(TEMPLATES.uitwisselspecificatie(uitwisselspecificatieView(ctx))),
          ] as const,
        ]
      : []),
    ...(um?.api ? [[DOCS.api, markdown(TEMPLATES.api(apiPaginaView(ctx)))] as const] : []),
    // Where these pages describe each place in the message, for the validator page's links (plaatsen.ts).
    ...(um ? [[PLAATSEN, plaatsenJson(ctx)] as const] : []),
    ...ctx.pakketPaginas.map(
      (pagina) => [pagina.pad, markdown(TEMPLATES.pakket(pakketPaginaView(ctx, pagina)))] as const,
    ),
    [DOCS.nav, markdown(TEMPLATES.nav(navView(ctx)))],
  ]);
}

function indexView(ctx: Context) {
  const p: Pagina = 'index';
  const um = ctx.bericht;
  return {
    model: modelKop(ctx),
    anker: ctx.anker(p, 'pagina'),
    inhoudAnker: ctx.anker(p, 'inhoud'),
    bestanden: { openapi: OPENAPI, informatiemodel: INFORMATIEMODEL_SCHEMA },
    links: {
      hoofdlijnen: ctx.href('hoofdlijnen', 'hoofdlijnen', p),
      definities: ctx.href('definities', 'pagina', p),
      uitwisselspecificatie: um ? ctx.href('uitwisselspecificatie', 'pagina', p) : undefined,
      api: um?.api ? ctx.href('api', 'pagina', p) : undefined,
    },
    kenmerken: kenmerken(
      tekstKenmerk('Informatiemodel', `${ctx.im.naam}, versie ${ctx.im.versie}`),
      tekstKenmerk('Versie van het npm-pakket', ctx.pakketversie),
      tekstKenmerk('MIM-versie', ctx.im.mimVersie),
      tekstKenmerk('Uitwisselmodel', um ? `${um.naam}, versie ${um.versie}` : 'nog niet afgeleid'),
      codeKenmerk('JSON Schema', um?.schemaId),
      codeKenmerk('npm-pakket', ctx.invoer.pakketnaam),
      tekstKenmerk('Herkomst', ctx.im.herkomst),
      tekstKenmerk('Basis-URI', ctx.im.basisUri),
    ),
    aantallen: {
      objecttypen: ctx.im.objecttypen.length,
      enumeraties: ctx.im.enumeraties.length,
      velden: um ? mappingRegels(um).length : 0,
    },
  };
}

function hoofdlijnenView(ctx: Context) {
  const p: Pagina = 'hoofdlijnen';
  const a = (s: string) => ctx.anker(p, s);
  return {
    model: modelKop(ctx),
    ankers: {
      pagina: a('hoofdlijnen'),
      objecttypen: a('objecttypen'),
      diagramIm: a('diagram-informatiemodel'),
      enumeraties: a('enumeraties'),
      diagramUm: a('diagram-uitwisselmodel'),
    },
    objecttypen: ctx.im.objecttypen.map((ot) => ({
      link: ctx.link(ot, p),
      definitie: ot.definitie,
      pakket: ot.pakket.naam,
      aantalAttributen: ot.attribuutsoorten.length,
      relaties: ot.relatiesoorten.map((r) => ctx.link(r.doel, p)).filter((l): l is Link => l !== undefined),
    })),
    enumeraties: ctx.im.enumeraties.map((e) => ({
      link: ctx.link(e, p),
      waarden: e.waarden.map((w) => w.naam).join(', '),
    })),
    imDiagram: informatiemodelDiagrammenView(ctx),
    umDiagram: ctx.bericht ? umDiagramView(ctx) : undefined,
    niveaus: ctx.niveaus.map((n) => ({
      link: { tekst: n.object.naam, href: ctx.href('uitwisselspecificatie', n.object, p) },
      pad: n.pad === '' ? '/' : n.pad,
      niveau: n.niveau,
      definitie: n.object.definitie ?? n.object.objecttype?.definitie,
    })),
    links: {
      definities: ctx.href('definities', 'pagina', p),
      uitwisselspecificatie: ctx.bericht ? ctx.href('uitwisselspecificatie', 'pagina', p) : undefined,
    },
  };
}

/** The message's diagram, split when it is too large (see diagram-delen.ts). */
function umDiagramView(ctx: Context) {
  const delen = uitwisselmodelDiagrammen(ctx.niveaus);
  return { delen, gesplitst: delen.length > 1, max: MAX_KLASSEN };
}

function apiPaginaView(ctx: Context) {
  const p: Pagina = 'api';
  return {
    anker: ctx.anker(p, 'pagina'),
    ...apiView(
      ctx.um,
      ctx.um.api!,
      ctx.ankers.api,
      { uitwisselspecificatie: ctx.href('uitwisselspecificatie', 'pagina', p) },
      modelKop(ctx),
    ),
  };
}

function navView(ctx: Context) {
  return {
    model: modelKop(ctx),
    map: ctx.im.folder,
    paginas: [
      { titel: 'Overzicht', bestand: `${ctx.im.folder}/index.md` },
      { titel: 'Op hoofdlijnen', bestand: `${ctx.im.folder}/hoofdlijnen.md` },
      { titel: 'Definities', bestand: `${ctx.im.folder}/definities.md` },
      ...(ctx.bericht
        ? [{ titel: 'Uitwisselspecificatie', bestand: `${ctx.im.folder}/uitwisselspecificatie.md` }]
        : []),
      ...(ctx.bericht?.api ? [{ titel: 'API', bestand: `${ctx.im.folder}/api.md` }] : []),
    ],
    pakketten: ctx.pakketPaginas.map((p) => ({
      titel: p.delen.pakket.naam,
      bestand: `${ctx.im.folder}/${p.bestand}`,
    })),
  };
}

/** Blank lines collapsed, no trailing spaces (a Markdown line break), one final newline. */
function markdown(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd()}\n`;
}
