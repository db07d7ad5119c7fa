/**
 * The Handlebars helpers of the documentation templates, registered in one place. Each helper says where
 * its text lands and escapes it for that place (see common/markdown.ts); templates call them and hold no other logic.
 * A helper's result is a SafeString, so Handlebars does not escape it again; anything a template prints
 * without a helper is still HTML-escaped by Handlebars, which keeps a forgotten helper from letting markup
 * through.
 */
import type Handlebars from 'handlebars';
import {
  mdBlok,
  mdCel,
  mdCodeBlok,
  mdCodeOrInline,
  mdInline,
  mdKop,
  mdLink,
  mdTitel,
  mermaidTekst,
  yamlTekst,
} from '../../common/markdown.ts';

/** A link from one generated page to a heading: the text comes from the model, the target from the emitter. */
export interface Link {
  tekst: string;
  href: string;
}

/** The arrows of the class diagrams, by what they stand for. */
const PIJLEN: Record<string, string> = {
  generalisatie: '<|--',
  associatie: '-->',
  bidirectioneel: '--',
  compositie: '*--',
  aggregatie: 'o--',
  nesting: '*--',
  verwijzing: '..>',
};

export function registerHelpers(hb: typeof Handlebars): void {
  const safe = (s: string) => new hb.SafeString(s);
  // Handlebars passes an options object as the last argument; helpers with optional arguments drop it.
  const opt = <T>(v: T | Handlebars.HelperOptions): T | undefined =>
    v !== null && typeof v === 'object' && 'hash' in (v as object) ? undefined : (v as T);

  /** Inline Markdown on one line: names, short texts, list items. */
  hb.registerHelper('md', (text: unknown) => safe(mdInline(str(text))));
  /** The text of a heading, its parts joined, followed by its anchor: `{{kop "Definities " naam anker=anker}}`. */
  hb.registerHelper('kop', (...args: unknown[]) => {
    const options = args.pop() as Handlebars.HelperOptions;
    return safe(`${mdKop(args.map(str).join(''))} {#${ankerTekst(options.hash.anker)}}`);
  });
  /** A table cell. */
  hb.registerHelper('cel', (text: unknown) => safe(mdCel(str(text))));
  /** A block of paragraphs and lists, optionally indented: `{{blok definitie 4}}` inside an admonition. */
  hb.registerHelper('blok', (text: unknown, indent: unknown) => safe(mdBlok(str(text), num(opt(indent)))));
  /** The quoted title of an admonition or collapsible block, its parts joined. */
  hb.registerHelper('titel', (...args: unknown[]) => {
    args.pop();
    return safe(`"${mdTitel(args.map(str).join(''))}"`);
  });
  /** A link to a heading. */
  hb.registerHelper('link', (link: Link | undefined) => safe(link ? mdLink(link.tekst, link.href) : ''));
  /** Links separated by commas, for a table cell. */
  hb.registerHelper('links', (links: Link[] | undefined) =>
    safe((links ?? []).map((l) => mdLink(l.tekst, l.href)).join(', ')),
  );
  /** A code span (a path, a file name, a pattern), or escaped text where a code span cannot hold it. */
  hb.registerHelper('code', (text: unknown) => safe(mdCodeOrInline(str(text) ?? '')));
  /** A fenced code block: `{{codeblok tekst "json" 4}}`. */
  hb.registerHelper('codeblok', (text: unknown, taal: unknown, indent: unknown) =>
    safe(mdCodeBlok(str(text) ?? '', str(opt(taal)) ?? '', num(opt(indent)))),
  );
  /** ja or nee. */
  hb.registerHelper('janee', (v: unknown) => (v ? 'ja' : 'nee'));
  /** Text inside a Mermaid label or class member. */
  hb.registerHelper('mm', (text: unknown) => safe(mermaidTekst(str(text))));
  /** A cardinality in a Mermaid diagram (1, 0..1, 1..*), as the model's parsed form writes it. */
  hb.registerHelper('kard', (k: unknown) => {
    if (!/^[0-9*.]+$/.test(str(k) ?? '')) throw new Error(`not a cardinality: ${String(k)}`);
    return safe(str(k) ?? '');
  });
  /** A Mermaid arrow, by what it stands for. */
  hb.registerHelper('pijl', (soort: unknown) => {
    const pijl = PIJLEN[str(soort) ?? ''];
    if (!pijl) throw new Error(`unknown arrow ${String(soort)}`);
    return safe(pijl);
  });
  /** A Mermaid class name the emitter made: letters, digits and underscores only. */
  hb.registerHelper('mmId', (id: unknown) => {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(str(id) ?? '')) throw new Error(`unsafe Mermaid id ${String(id)}`);
    return safe(str(id) ?? '');
  });
  /** A YAML scalar. */
  hb.registerHelper('yaml', (text: unknown) => safe(yamlTekst(str(text))));
  /** A path in the nav fragment, quoted. */
  hb.registerHelper('yamlPad', (pad: unknown) => safe(JSON.stringify(str(pad) ?? '')));
}

function str(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

function ankerTekst(anker: unknown): string {
  const a = str(anker) ?? '';
  if (!/^[a-z0-9-]+$/.test(a)) throw new Error(`unsafe anchor ${a}`);
  return a;
}
