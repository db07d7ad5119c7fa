/**
 * What the MIM-XML conversion shares: the findings, the elements by id, the references, the ids given out, and
 * the reading of an element's children against what MIM-XML allows there. A child MIM-XML does not allow
 * is a deviation (rule mim-xml-structure) reported at its place and left out; a child MIM-XML allows but the
 * model format has no place for is counted by kind (rule mim-xml-not-mapped), so that nothing is dropped
 * without a word.
 */
import { posix } from 'node:path';
import { finding, type Finding, type Position } from '../diagnostics/findings.ts';
import { textOf, XHTML, type XNode } from './parse.ts';

export const MIM_CORE = /^https?:\/\/www\.geostandaarden\.nl\/mim\/mim-core\/[\d.]+$/;
export const MIM_REF = 'http://www.geostandaarden.nl/mim/mim-ref/1.0';
export const MIM_EXT = 'http://www.geostandaarden.nl/mim/mim-ext/1.0';

export type Raw = Record<string, unknown>;

/** How a child element is read: into the model, or counted as having no place in it. */
export type Fields = Record<string, 'mapped' | 'unmapped'>;

/** The children most MIM-XML types begin with. */
export const META: Fields = {
  naam: 'mapped',
  begrip: 'unmapped',
  alias: 'mapped',
  herkomst: 'mapped',
  definitie: 'mapped',
  herkomstDefinitie: 'mapped',
  toelichting: 'mapped',
  datumOpname: 'mapped',
};

const META_REQUIRED = ['herkomst', 'definitie', 'herkomstDefinitie', 'datumOpname'];
const HISTORIE_REQUIRED = ['indicatieMaterieleHistorie', 'indicatieFormeleHistorie'];
const REQUIRED: Record<string, readonly string[]> = {
  Informatiemodel: [...META_REQUIRED, 'informatiemodeltype', 'informatiedomein', 'MIMVersie'],
  Domein: META_REQUIRED,
  View: [...META_REQUIRED, 'locatie'],
  Objecttype: [...META_REQUIRED, 'indicatieAbstractObject'],
  Gegevensgroeptype: META_REQUIRED,
  Attribuutsoort: [
    ...META_REQUIRED,
    ...HISTORIE_REQUIRED,
    'kardinaliteit',
    'authentiek',
    'indicatieAfleidbaar',
    'indicatieClassificerend',
    'mogelijkGeenWaarde',
  ],
  Gegevensgroep: [...META_REQUIRED, 'kardinaliteit', 'authentiek'],
  Relatiesoort: [
    ...META_REQUIRED,
    ...HISTORIE_REQUIRED,
    'kardinaliteit',
    'kardinaliteitBron',
    'authentiek',
    'indicatieAfleidbaar',
    'mogelijkGeenWaarde',
    'unidirectioneel',
    'aggregatietype',
  ],
  Bron: ['herkomst', 'herkomstDefinitie', 'datumOpname'],
  Doel: ['herkomst', 'herkomstDefinitie', 'datumOpname'],
  Enumeratie: [...META_REQUIRED, 'waarden'],
  Waarde: ['datumOpname'],
  Codelijst: META_REQUIRED,
  Referentielijst: [...META_REQUIRED, 'locatie'],
  PrimitiefDatatype: ['datumOpname'],
  GestructureerdDatatype: ['datumOpname'],
  DataElement: ['datumOpname', 'kardinaliteit'],
  Keuze: ['datumOpname'],
  GeneralisatieObjecttypen: ['datumOpname'],
};
const RELATIEROL_LEIDEND = [
  ...META_REQUIRED,
  ...HISTORIE_REQUIRED,
  'kardinaliteit',
  'authentiek',
  'mogelijkGeenWaarde',
];

export class Reader {
  readonly findings: Finding[] = [];
  /** Elements by their id attribute as written (the first, where an id is used twice). */
  readonly byId = new Map<string, XNode>();
  /** Model ids given out, to keep them unique. */
  private readonly given = new Set<string>();
  private readonly notMapped = new Map<string, { count: number; at: Position; what: string }>();

  constructor(
    readonly file: string,
    readonly root: XNode,
  ) {
    // The XSD keeps ids unique among the root's descendants: the root's own id may be a Domein's too.
    for (const c of root.children) this.index(c);
    const id = root.attrs.id;
    if (id !== undefined && id !== '' && !this.byId.has(id)) this.byId.set(id, root);
  }

  at(node: XNode): Position {
    return { file: this.file, line: node.line, column: node.column };
  }

  error(node: XNode, rule: 'mim-xml-structure' | 'mim-xml-reference' | 'duplicate-id', message: string): void {
    this.findings.push(finding(this.at(node), 'error', rule, message));
  }

  warning(node: XNode, message: string): void {
    this.findings.push(finding(this.at(node), 'warning', 'mim-xml-structure', message));
  }

  /** MIM-XML content the model format has no place for, counted by kind for one warning per kind. */
  unmapped(node: XNode, kind: string, what = 'no place in the model format; left out'): void {
    const seen = this.notMapped.get(kind);
    if (seen) seen.count++;
    else this.notMapped.set(kind, { count: 1, at: this.at(node), what });
  }

  notMappedFindings(): Finding[] {
    return [...this.notMapped].map(([kind, { count, at, what }]) =>
      finding(at, 'warning', 'mim-xml-not-mapped', `${kind} (${count}x): ${what} (the first here)`),
    );
  }

  /** The element's MIM children by local name, after checking every child against `fields`. */
  children(node: XNode, fields: Fields): Map<string, XNode[]> {
    const out = new Map<string, XNode[]>();
    const present = new Set<string>();
    for (const c of node.children) {
      const isCore = MIM_CORE.test(c.uri);
      if (isCore) present.add(c.local);
      if (c.uri === MIM_EXT && c.local === 'kenmerken') {
        out.set('kenmerken', [c]);
        continue;
      }
      const how = isCore ? fields[c.local] : c.uri === MIM_EXT ? fields[`mim-ext:${c.local}`] : undefined;
      if (how === undefined) {
        this.warning(c, `<${name(c)}> has no place in ${name(node)} in MIM-XML; it is left out`);
        continue;
      }
      if (how === 'unmapped') {
        if (hasValue(c)) this.unmapped(c, `${name(node)}/${c.local}`);
        continue;
      }
      const list = out.get(c.local) ?? [];
      list.push(c);
      out.set(c.local, list);
    }
    const missing = this.required(node, present).filter((r) => !present.has(r));
    if (missing.length > 0)
      this.warning(
        node,
        `${name(node)} lacks ${missing.map((m) => `mim:${m}`).join(', ')}, which MIM-XML requires there; read without`,
      );
    return out;
  }

  /**
   * The children the XSD requires of an element (beside a naam and the references, whose absence leaves the
   * element out with an error of its own). Relations by the document's relatiemodelleringstype, or, in a file
   * without one, by where the kardinaliteit is written.
   */
  private required(node: XNode, present: Set<string>): readonly string[] {
    if (!MIM_CORE.test(node.uri)) return [];
    if (node.local === 'Relatiesoort' && this.relatierolLeidend(node, present)) return ['datumOpname', 'relatierollen'];
    if ((node.local === 'Bron' || node.local === 'Doel') && this.relatierolLeidend(undefined, present))
      return RELATIEROL_LEIDEND;
    if (node.local === 'Informatiemodel')
      return [
        ...REQUIRED.Informatiemodel!,
        node.uri.endsWith('/1.1') ? 'relatiemodelleringtype' : 'relatiemodelleringstype',
      ];
    return REQUIRED[node.local] ?? [];
  }

  private relatierolLeidend(relatiesoort: XNode | undefined, present: Set<string>): boolean {
    const type = this.root.children.find((c) => /^relatiemodelleringst?ype$/.test(c.local))?.text.trim();
    if (type !== undefined) return type === 'Relatierol leidend';
    return relatiesoort ? !present.has('kardinaliteit') : present.has('kardinaliteit');
  }

  /** A text child: its text, undefined when absent or empty. A second one is a deviation. */
  text(kids: Map<string, XNode[]>, local: string, owner: XNode): string | undefined {
    const nodes = kids.get(local);
    if (!nodes) return undefined;
    for (const extra of nodes.slice(1))
      this.warning(extra, `a second <mim:${local}> in ${name(owner)}; MIM-XML has one, the first is read`);
    const t = textOf(nodes[0]!);
    return t.trim() === '' ? undefined : t;
  }

  bool(kids: Map<string, XNode[]>, local: string, owner: XNode): boolean | undefined {
    const t = this.text(kids, local, owner)?.trim();
    if (t === undefined) return undefined;
    if (t === 'true' || t === '1') return true;
    if (t === 'false' || t === '0') return false;
    this.warning(
      kids.get(local)![0]!,
      `<mim:${local}> of ${name(owner)} is "${t}"; MIM-XML writes true or false, so it is left out`,
    );
    return undefined;
  }

  /** The mim-ext:kenmerken of an element, by naam. */
  kenmerken(kids: Map<string, XNode[]>): Map<string, { value: string; node: XNode }> {
    const out = new Map<string, { value: string; node: XNode }>();
    for (const k of kids.get('kenmerken')?.[0]?.children ?? []) {
      if (k.uri !== MIM_EXT || k.local !== 'Kenmerk') {
        this.warning(k, `<${name(k)}> has no place in mim-ext:kenmerken; it is left out`);
        continue;
      }
      const naam = k.attrs.naam;
      if (naam === undefined) this.warning(k, 'a mim-ext:Kenmerk without naam is left out');
      else out.set(naam, { value: textOf(k), node: k });
    }
    return out;
  }

  /** Kenmerken that the element's reader did not take are counted as not mapped. */
  restKenmerken(kenmerken: Map<string, { value: string; node: XNode }>, owner: XNode): void {
    for (const [naam, { node }] of kenmerken) this.unmapped(node, `kenmerk "${naam}" of ${name(owner)}`);
  }

  /** A model id from the file's id (lower case, other characters as dashes), else from the fallback; unique. */
  id(node: XNode, fallback: string): string {
    const written = node.attrs.id;
    let id = slug(written ?? '') || slug(fallback) || 'element';
    if (this.given.has(id)) {
      let i = 2;
      while (this.given.has(`${id}-${i}`)) i++;
      id = `${id}-${i}`;
    }
    this.given.add(id);
    return id;
  }

  private index(node: XNode): void {
    const id = node.attrs.id;
    if (id !== undefined && id !== '') {
      if (this.byId.has(id)) {
        const first = this.byId.get(id)!;
        this.error(
          node,
          'duplicate-id',
          `${name(node)} has the id "${id}" that ${name(first)} at line ${first.line} has; references go to the first`,
        );
      } else this.byId.set(id, node);
    }
    for (const c of node.children) if (c.uri !== XHTML) this.index(c);
  }

  /**
   * The element a reference names: `#id` in this file, or the file itself (`relatiesoort1.xml`, as Geonovum's
   * samples refer to their root). Undefined when it names nothing here; the caller reports that.
   */
  resolve(href: string): XNode | undefined {
    // An empty reference would name the document itself by RFC 3986; in MIM-XML it is a tool's slip, not a target.
    if (href.trim() === '' || href.trim() === '#') return undefined;
    const [path, fragment] = href.includes('#')
      ? [href.slice(0, href.indexOf('#')), href.slice(href.indexOf('#') + 1)]
      : [href, ''];
    const here = path === '' || posix.basename(path) === posix.basename(this.file.replaceAll('\\', '/'));
    if (!here) return undefined;
    return fragment === '' ? this.root : this.byId.get(fragment);
  }
}

/** The element's name as the file would show it: mim:Objecttype, mim-ref:DatatypeRef. */
export function name(node: XNode): string {
  const prefix = MIM_CORE.test(node.uri)
    ? 'mim'
    : node.uri === MIM_REF
      ? 'mim-ref'
      : node.uri === MIM_EXT
        ? 'mim-ext'
        : '';
  return prefix ? `${prefix}:${node.local}` : node.local;
}

/** Whether an element says anything: text other than white space and false, or child elements. */
function hasValue(node: XNode): boolean {
  if (node.children.length > 0) return true;
  const t = node.text.trim();
  return t !== '' && t !== 'false';
}

export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '');
}
