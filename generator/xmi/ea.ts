/**
 * Reading an Enterprise Architect XMI 2.1 export: the UML part (packages, classes, properties,
 * associations) indexed by xmi:id, and what EA keeps beside it in xmi:Extension (documentation,
 * stereotypes, tagged values, connector ends) and in the profile applications (`<MIM:Objecttype
 * base_Class="..."/>`).
 */
import type { Finding, Position } from '../diagnostics/findings.ts';
import { XmiError } from './errors.ts';
import { descendants, kid, kids, XMI_NS, type XNode } from './xml.ts';

export interface StereotypeApplication {
  /** As EA names it: `Objecttype`, `Gestructureerd datatype`, `Keuze`. */
  naam: string;
  /** The profile's prefix: `MIM`, `MIM_Keuzebasis`, `thecustomprofile`. */
  profiel: string;
  node: XNode;
}

export interface Tag {
  naam: string;
  value: string;
  node: XNode;
}

export class EaModel {
  readonly root: XNode;
  readonly model: XNode;
  /** Every xmi:id of the UML part, and of EA's own primitive types in the extension. */
  readonly byId = new Map<string, XNode>();
  private readonly extElements = new Map<string, XNode>();
  private readonly extAttributes = new Map<string, XNode>();
  private readonly extAttributesByName = new Map<string, XNode>();
  private readonly extConnectors = new Map<string, XNode>();
  private readonly applications = new Map<string, StereotypeApplication[]>();
  private readonly profileTags = new Map<string, Tag[]>();
  /** Names that the extension gives ids the UML part does not define (classes outside the export). */
  readonly namesSeen = new Map<string, string>();
  readonly primitiveIds = new Set<string>();
  /** Problems found while indexing (an xmi:id used twice): reported, never a reason to refuse the file. */
  readonly findings: Finding[] = [];
  /** The tool that wrote the file, as the file says (`Enterprise Architect`, `MagicDraw UML`), if it says. */
  readonly exporter: string | undefined;

  /** Whether Enterprise Architect wrote the file (its extension or documentation says so). */
  get isEa(): boolean {
    return this.exporter !== undefined && /enterprise architect/i.test(this.exporter);
  }

  constructor(
    root: XNode,
    readonly file: string,
  ) {
    this.root = root;
    // A file of a tool other than EA may hold the model itself as its root (Eclipse UML2, Papyrus).
    const rootIsModel = root.name === 'uml:Model' || root.name === 'uml:Package';
    if (!rootIsModel && (!XMI_NS.test(root.uri) || root.local !== 'XMI')) {
      const what =
        root.local === 'XMI' || root.name === 'XMI'
          ? 'an XMI 1.x file (UML 1.3); export XMI 2.1 from Enterprise Architect'
          : `XML with the root element <${root.prefix ? `${root.prefix}:` : ''}${root.local}>, not an XMI export`;
      throw XmiError.at(this.at(root), 'not-xmi', `the file is ${what}`);
    }
    const model = rootIsModel
      ? root
      : (root.children.find((c) => c.name === 'uml:Model') ?? root.children.find((c) => c.name === 'uml:Package'));
    if (!model)
      throw XmiError.at(
        this.at(root),
        'not-xmi',
        'the XMI file holds no uml:Model; export a package from Enterprise Architect as XMI 2.1',
      );
    this.model = model;
    this.exporter = exporterOf(root);
    this.index();
  }

  at(node: XNode): Position {
    return { file: this.file, line: node.line, column: node.column };
  }

  private index(): void {
    for (const node of descendants(this.model)) {
      const id = node.attrs['xmi:id'];
      // EA writes xmi:id="" on enumeration literals and their bounds under some export settings: an empty id
      // names nothing, so nothing can refer to it, and it is no duplicate of another.
      if (id === undefined || id.trim() === '') continue;
      const earlier = this.byId.get(id);
      if (earlier) {
        this.findings.push({
          ...this.at(node),
          severity: 'error',
          rule: 'duplicate-id',
          message: `xmi:id "${id}" is used a second time (first at line ${earlier.line}); references to it go to the first, and every element of an XMI file needs its own id`,
        });
      } else {
        this.byId.set(id, node);
      }
    }

    const extensions = this.root.children.filter((c) => c.name === 'xmi:Extension');
    for (const ext of extensions) {
      for (const element of kids(kid(ext, 'elements') ?? ext, 'element')) {
        const id = element.attrs['xmi:idref'];
        if (!this.describes(element, id, this.extElements)) continue;
        for (const attribute of kids(kid(element, 'attributes') ?? element, 'attribute')) {
          const naam = attribute.attrs.name;
          if (naam) this.extAttributesByName.set(`${id}\u0000${naam}`, attribute);
          // EA writes xmi:idref="" here too where the UML part has xmi:id="": such an entry goes by its name.
          if (naam && (attribute.attrs['xmi:idref'] ?? '').trim() === '') {
            this.extAttributes.set(byNameKey(id!, naam), attribute);
            continue;
          }
          this.describes(attribute, attribute.attrs['xmi:idref'], this.extAttributes, id);
        }
      }
      for (const connector of kids(kid(ext, 'connectors') ?? ext, 'connector')) {
        const id = connector.attrs['xmi:idref'];
        if (!this.describes(connector, id, this.extConnectors)) continue;
        for (const end of ['source', 'target']) {
          const e = kid(connector, end);
          const eid = e?.attrs['xmi:idref'];
          const naam = kid(e, 'model')?.attrs.name;
          if (eid && naam) this.namesSeen.set(eid, naam);
        }
      }
      const primitives = kid(ext, 'primitivetypes');
      if (primitives) {
        for (const node of descendants(primitives)) {
          const id = node.attrs['xmi:id'];
          if (id && !this.byId.has(id)) {
            this.byId.set(id, node);
            this.primitiveIds.add(id);
          }
        }
      }
    }

    // EA's note links and the links of an association class live in the extension alone.
    const inUml = (node: XNode) => {
      if (node.name !== 'connector') return true;
      const properties = kid(node, 'properties');
      return (
        /^(Association|Aggregation|Generalization)$/.test(properties?.attrs.ea_type ?? '') && !properties?.attrs.subtype
      );
    };
    // An attribute whose element holds one of that name without an id (EA's literals with xmi:id="").
    const byName = (node: XNode, owner: string | undefined) =>
      node.name === 'attribute' &&
      owner !== undefined &&
      (this.byId.get(owner)?.children ?? []).some(
        (c) => (c.attrs['xmi:id'] ?? '').trim() === '' && c.attrs.name === node.attrs.name,
      );
    for (const { node, id, owner } of this.pendingDescriptions)
      if (!this.byId.has(id) && inUml(node) && !byName(node, owner))
        this.findings.push({
          ...this.at(node),
          severity: 'warning',
          rule: 'dangling-idref',
          message: `EA's extension describes xmi:idref "${id}", which no element of the UML part has; what it says (documentation, tags, stereotype) is left out`,
        });

    // Profile applications stand beside the packages, inside or after uml:Model.
    for (const node of descendants(this.root)) {
      if (XMI_NS.test(node.uri) || node.name.startsWith('uml:') || !node.prefix) continue;
      const base = Object.entries(node.attrs).find(([k]) => k.startsWith('base_'));
      if (!base) continue;
      if (!this.byId.has(base[1]))
        this.findings.push({
          ...this.at(node),
          severity: 'warning',
          rule: 'dangling-idref',
          message: `the stereotype application <${node.name}> names ${base[0]}="${base[1]}", which no element of the file has; its stereotype and tagged values are left out`,
        });
      const naam = node.attrs.__EAStereoName ?? node.local.replaceAll('_', ' ');
      const list = this.applications.get(base[1]) ?? [];
      list.push({ naam, profiel: node.prefix, node });
      this.applications.set(base[1], list);
      const tags = this.profileTags.get(base[1]) ?? [];
      for (const [k, v] of Object.entries(node.attrs)) {
        if (k.startsWith('base_') || k.startsWith('__') || k.startsWith('xmi:')) continue;
        tags.push({ naam: k.replaceAll('_', ' '), value: v, node });
      }
      // A tagged value may be a child element too: <MIM:Objecttype base_Class="…"><Toelichting>…</Toelichting></…>.
      for (const c of node.children)
        if (c.text !== undefined && !c.name.startsWith('xmi:'))
          tags.push({ naam: c.local.replaceAll('_', ' '), value: c.text, node: c });
      this.profileTags.set(base[1], tags);
    }
  }

  /**
   * Indexes what EA's extension says about one UML element. An entry that names no element of the UML part,
   * or an element described before, is reported (what it says is then left out or not used), never silently
   * lost; the check runs once the primitive types are indexed too (pendingDescriptions).
   */
  private describes(node: XNode, id: string | undefined, index: Map<string, XNode>, owner?: string): boolean {
    if (id === undefined) return false;
    if (id.trim() === '') {
      this.findings.push({
        ...this.at(node),
        severity: 'warning',
        rule: 'dangling-idref',
        message: `EA's extension describes an element with an empty xmi:idref; what it says is left out`,
      });
      return false;
    }
    const earlier = index.get(id);
    if (earlier) {
      this.findings.push({
        ...this.at(node),
        severity: 'warning',
        rule: 'dangling-idref',
        message: `EA's extension describes xmi:idref "${id}" a second time (first at line ${earlier.line}); this description is not used`,
      });
      return false;
    }
    index.set(id, node);
    this.pendingDescriptions.push({ node, id, owner });
    return true;
  }

  private readonly pendingDescriptions: { node: XNode; id: string; owner?: string }[] = [];

  /** EA's description of the attribute of this name of an element, for attributes the UML part gives no id. */
  extAttributeByName(owner: string, naam: string): XNode | undefined {
    return this.extAttributesByName.get(`${owner}\u0000${naam}`);
  }

  extElement(id: string): XNode | undefined {
    return this.extElements.get(id);
  }

  extAttribute(id: string): XNode | undefined {
    return this.extAttributes.get(id);
  }

  extConnector(id: string): XNode | undefined {
    return this.extConnectors.get(id);
  }

  /** The MIM stereotype of an element: from the profile application, else from what the extension says. */
  stereotype(id: string): string | undefined {
    const apps = this.applications.get(id) ?? [];
    const mim = apps.find((a) => /^MIM/i.test(a.profiel)) ?? apps.find((a) => !/^thecustomprofile$/i.test(a.profiel));
    if (mim) return mim.naam;
    const element = this.extElements.get(id);
    const attribute = this.extAttributes.get(id);
    const connector = this.extConnectors.get(id);
    const fromExt =
      kid(element, 'properties')?.attrs.stereotype ??
      kid(attribute, 'stereotype')?.attrs.stereotype ??
      kid(connector, 'properties')?.attrs.stereotype;
    return fromExt && fromExt.trim() !== '' ? fromExt.trim() : undefined;
  }

  /** The tagged values of an element, attribute or connector, with those of its profile applications. */
  tags(id: string, extra?: XNode): Tag[] {
    const holder = this.extElements.get(id) ?? this.extAttributes.get(id) ?? this.extConnectors.get(id);
    const result: Tag[] = [];
    const seen = new Set<string>();
    for (const source of [holder, extra]) {
      for (const tag of kids(kid(source, 'tags') ?? ({ children: [] } as unknown as XNode), 'tag')) {
        const naam = tag.attrs.name;
        if (!naam) continue;
        const value = tagValue(tag.attrs.value, tag.attrs.notes);
        seen.add(normaliseTag(naam));
        if (value !== undefined) result.push({ naam, value, node: tag });
      }
    }
    for (const tag of this.profileTags.get(id) ?? []) {
      if (seen.has(normaliseTag(tag.naam))) continue;
      const value = tagValue(tag.value, undefined);
      if (value !== undefined) result.push({ ...tag, value });
    }
    return result;
  }

  /** Whether EA's extension describes the element (its documentation, tags and stereotype then come from there). */
  hasExtension(id: string): boolean {
    return this.extElements.has(id) || this.extAttributes.has(id) || this.extConnectors.has(id);
  }

  /** EA's notes of an element, attribute or connector (HTML, as EA keeps it). */
  documentation(id: string): string | undefined {
    const element = this.extElements.get(id);
    if (element) return nonEmpty(kid(element, 'properties')?.attrs.documentation);
    const attribute = this.extAttributes.get(id);
    if (attribute) return nonEmpty(kid(attribute, 'documentation')?.attrs.value);
    const connector = this.extConnectors.get(id);
    if (connector) return nonEmpty(kid(connector, 'documentation')?.attrs.value);
    // UML's own way, which tools other than EA use: an ownedComment with a body attribute or element.
    const comment = this.ownedComment(id);
    return comment ? nonEmpty(comment.attrs.body ?? kid(comment, 'body')?.text) : undefined;
  }

  /** The first ownedComment of a UML element, which holds its documentation in XMI from tools other than EA. */
  ownedComment(id: string): XNode | undefined {
    const node = this.byId.get(id);
    return node ? kid(node, 'ownedComment') : undefined;
  }
}

/** The key under which an attribute of EA's extension without an id is kept: its element's id and its name. */
export function byNameKey(owner: string, naam: string): string {
  return `${owner}#${naam}`;
}

/** The tool that wrote an XMI file: `xmi:Documentation exporter=…`, else `xmi:Extension extender=…`. */
function exporterOf(root: XNode): string | undefined {
  const documentation = root.children.find((c) => c.name === 'xmi:Documentation');
  const extension = root.children.find((c) => c.name === 'xmi:Extension');
  // EA writes attributes (exporter="Enterprise Architect"), MagicDraw and others child elements (<xmi:exporter>).
  const naam = documentation?.attrs.exporter ?? kid(documentation, 'xmi:exporter')?.text ?? extension?.attrs.extender;
  return naam?.trim() || undefined;
}

/**
 * EA writes a tagged value as `value`, `value#NOTES#notes` or, for a memo, `<memo>` with the text in the
 * notes. The notes of a non-memo tag are the tag's description from the profile, not a value.
 */
export function tagValue(raw: string | undefined, notesAttr: string | undefined): string | undefined {
  let value = raw ?? '';
  let notes = notesAttr;
  const i = value.indexOf('#NOTES#');
  if (i >= 0) {
    notes = value.slice(i + 7);
    value = value.slice(0, i);
  }
  if (value.trim() === '<memo>') return nonEmpty(notes);
  return nonEmpty(value);
}

export function normaliseTag(naam: string): string {
  return naam
    .normalize('NFD')
    .replace(/[\u0300-\u036f\ufffd]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/materile/, 'materiele');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
