/**
 * The view of the API page (docs/api.md): the exchange API of the model as openapi.json describes it, in
 * words: servers, security, every operation with its request and responses, the headers, what is signed,
 * and the schemas. The view holds the model's text as it is; the template's helpers escape it.
 */
import type { ApiBeschrijving, ApiHeader, ApiInhoud, ApiVeld, Json, Waarde } from '../../api/types.ts';
import type { Uitwisselmodel } from '../../derive/types.ts';
import { OPENAPI, OPENAPI_VERSIE } from '../openapi/index.ts';
import { COMPAT_SCHEMA } from '../json-schema/index.ts';
import type { Ankers } from './anchors.ts';
import type { Link } from './helpers.ts';

/** The rows of a kenmerken table, as index.ts writes them. */
interface Kenmerk {
  kenmerk: string;
  waarde: string | undefined;
  codeWaarde: string | undefined;
  links: Link[] | undefined;
}

const tekst = (kenmerk: string, waarde: string | undefined): Kenmerk => ({
  kenmerk,
  waarde,
  codeWaarde: undefined,
  links: undefined,
});
const code = (kenmerk: string, codeWaarde: string | undefined): Kenmerk => ({
  kenmerk,
  waarde: undefined,
  codeWaarde,
  links: undefined,
});
const link = (kenmerk: string, l: Link): Kenmerk => ({ kenmerk, waarde: undefined, codeWaarde: undefined, links: [l] });

/** Where the API page links to on the other pages. */
export interface ApiLinks {
  /** The exchange specification: the message the API carries. */
  uitwisselspecificatie: string;
}

/** The anchors of the page, handed out in the page's order (the page anchor itself is the caller's). */
export function apiAnkers(api: ApiBeschrijving, ankers: Ankers): void {
  for (const s of ['servers', 'beveiliging', 'operaties']) ankers.anker(s, s);
  for (const op of api.operaties) ankers.anker(op, `operatie-${op.id}`);
  for (const s of ['ondertekening', 'headers']) ankers.anker(s, s);
  for (const h of api.headers) ankers.anker(h, `header-${h.naam}`);
  ankers.anker('schemas', 'schemas');
  for (const s of api.schemas) ankers.anker(s, `schema-${s.naam}`);
}

export function apiView(um: Uitwisselmodel, api: ApiBeschrijving, ankers: Ankers, links: ApiLinks, modelKop: object) {
  const anker = (sleutel: unknown): string => {
    const a = ankers.zoek(sleutel);
    if (a === undefined) throw new Error(`no anchor for ${String(sleutel)} on the API page`);
    return a;
  };
  const headerLink = (naam: string): Link | undefined => {
    const h = api.headers.find((x) => x.naam === naam);
    return h ? { tekst: naam, href: `#${anker(h)}` } : undefined;
  };
  const schemaLink = (naam: string): Link | undefined => {
    const s = api.schemas.find((x) => x.naam === naam);
    return s ? { tekst: naam, href: `#${anker(s)}` } : undefined;
  };
  const veld = (v: ApiVeld) => ({
    naam: v.naam,
    schema: v.component !== undefined ? schemaLink(v.component) : undefined,
    type: v.component !== undefined ? undefined : typeTekst(v),
    beperkingen: beperkingen(v),
    verplicht: v.verplicht,
    beschrijving: v.beschrijving,
    voorbeeld: voorbeeld(v.voorbeeld),
  });
  const inhoud = (i: ApiInhoud | undefined) =>
    i === undefined
      ? undefined
      : {
          mediatype: i.mediatype,
          schema: i.component !== undefined ? schemaLink(i.component) : undefined,
          velden: i.velden?.map(veld),
          gesloten: i.gesloten,
        };
  const responsHeader = (h: ApiHeader) => {
    const doel = h.component !== undefined ? api.headers.find((x) => x.naam === h.component) : h;
    return {
      naam: h.naam,
      link: h.component !== undefined ? headerLink(h.component) : undefined,
      verplicht: doel?.verplicht === true,
      beschrijving: h.component !== undefined ? undefined : h.beschrijving,
      type: doel?.schema ? typeTekst(doel.schema) : undefined,
    };
  };
  const o = api.ondertekening;
  const getekend = o?.handtekeningHeader;
  const b = api.beveiliging;

  return {
    model: modelKop,
    api: { titel: api.titel, beschrijving: alineas(api.beschrijving), versie: api.versie, herkomst: api.herkomst },
    bestanden: { openapi: OPENAPI, compat: COMPAT_SCHEMA, api: `${um.modelmap}/api.yaml` },
    ankers: {
      servers: anker('servers'),
      beveiliging: anker('beveiliging'),
      operaties: anker('operaties'),
      ondertekening: anker('ondertekening'),
      headers: anker('headers'),
      schemas: anker('schemas'),
    },
    kenmerken: [
      tekst('Titel', api.titel),
      tekst('Versie', api.versie),
      code('OpenAPI', `${OPENAPI} (OpenAPI ${OPENAPI_VERSIE})`),
      link('Payload', { tekst: `${um.naam} ${um.versie}`, href: links.uitwisselspecificatie }),
      tekst(
        'Contact',
        [api.contact?.naam, api.contact?.url, api.contact?.email].filter((x) => x !== undefined).join(', ') ||
          undefined,
      ),
      tekst('Herkomst', api.herkomst),
    ].filter((k) => k.waarde !== undefined || k.codeWaarde !== undefined || k.links !== undefined),
    servers: api.servers,
    beveiliging: b && {
      naam: b.naam,
      tokenUrl: b.tokenUrl,
      scopes: b.scopes,
      vereist: b.vereist.join(', '),
    },
    operaties: api.operaties.map((op) => ({
      kopTekst: `${op.methode.toUpperCase()} ${op.pad}`,
      anker: anker(op),
      id: op.id,
      samenvatting: op.samenvatting,
      beschrijving: alineas(op.beschrijving),
      scopes: (op.scopes ?? b?.vereist)?.join(', '),
      verzoek: op.verzoek && {
        verplicht: op.verzoek.verplicht,
        beschrijving: alineas(op.verzoek.beschrijving),
        inhoud: inhoud(op.verzoek.inhoud),
      },
      antwoorden: op.antwoorden.map((a) => ({
        status: a.status,
        beschrijving: a.beschrijving,
        inhoud: inhoud(a.inhoud),
        headers: a.headers.map((h, i) => ({ ...responsHeader(h), eerste: i === 0 })),
        getekend: getekend !== undefined && a.headers.some((h) => h.naam === getekend),
      })),
    })),
    ondertekening: o && {
      beschrijving: alineas(o.beschrijving),
      algoritme: o.algoritme,
      herkomst: o.herkomst,
      digest: o.digestHeader,
      handtekening: o.handtekeningHeader,
      antwoorden: api.operaties.flatMap((op) =>
        op.antwoorden
          .filter((a) => getekend !== undefined && a.headers.some((h) => h.naam === getekend))
          .map((a) => ({ tekst: `${a.status} van ${op.methode.toUpperCase()} ${op.pad}`, href: `#${anker(op)}` })),
      ),
    },
    headers: api.headers.map((h) => ({
      naam: h.naam,
      anker: anker(h),
      beschrijving: alineas(h.beschrijving),
      kenmerken: [
        tekst('Verplicht', h.verplicht === true ? 'ja' : 'nee'),
        tekst('Type', h.schema ? typeTekst(h.schema) : undefined),
        tekst('Beperkingen', h.schema ? beperkingen(h.schema) : undefined),
        tekst('Waarde', h.schema?.beschrijving),
        code('Voorbeeld', voorbeeld(h.voorbeeld ?? h.schema?.voorbeeld)),
      ].filter((k) => k.waarde !== undefined || k.codeWaarde !== undefined),
    })),
    schemas: api.schemas.map((s) => ({
      naam: s.naam,
      anker: anker(s),
      beschrijving: alineas(s.beschrijving),
      bericht: s.bericht !== undefined,
      velden: s.velden.map(veld),
      gesloten: s.gesloten,
    })),
    links,
  };
}

/**
 * API text is CommonMark, written with its lines wrapped: a line that continues a paragraph is joined to it
 * here, because the documentation's block helper makes every line a paragraph of its own. Blank lines and
 * lines that start a block in CommonMark (a list item, a heading, a quote) stay where they are.
 */
export function alineas(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const uit: string[] = [];
  let vorige = '';
  for (const regel of text.replace(/\r\n?/g, '\n').split('\n')) {
    const r = regel.trim();
    if (r !== '' && vorige !== '' && !/^([-*+]\s|#|>|\d+[.)]\s)/.test(r)) uit[uit.length - 1] += ` ${r}`;
    else uit.push(r);
    vorige = r;
  }
  return uit.join('\n');
}

function typeTekst(w: Waarde): string | undefined {
  if (w.type === undefined) return w.enum !== undefined ? 'enumeratie' : undefined;
  return w.format !== undefined ? `${w.type} (${w.format})` : w.type;
}

function beperkingen(w: Waarde): string | undefined {
  const delen = [
    w.minimum !== undefined ? `minimaal ${w.minimum}` : undefined,
    w.maximum !== undefined ? `maximaal ${w.maximum}` : undefined,
    w.minLength !== undefined ? `minimaal ${w.minLength} tekens` : undefined,
    w.maxLength !== undefined ? `maximaal ${w.maxLength} tekens` : undefined,
    w.pattern !== undefined ? `patroon ${w.pattern}` : undefined,
    w.enum !== undefined ? `een van ${w.enum.map(String).join(', ')}` : undefined,
  ].filter((d) => d !== undefined);
  return delen.length > 0 ? delen.join('; ') : undefined;
}

function voorbeeld(v: Json | undefined): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v.trim() : JSON.stringify(v);
}
