/**
 * The EA model of one package to the data of the project's model format: objecttypen with their
 * attribuutsoorten, gegevensgroepen, relatiesoorten and supertypen, and the datatypes (enumeraties,
 * codelijsten, primitieve and gestructureerde datatypes, keuzes). References to classes outside the
 * package are collected as external references, which the caller maps, leaves out or leaves unresolved.
 */
import { EaModel, normaliseTag, type Tag } from './ea.ts';
import { standaardDatatype, standaardNaam, type Basis } from './datatypes.ts';
import { Findings, finding, type ErrorRule, type Finding, type Position } from '../diagnostics/findings.ts';
import { XmiError } from './errors.ts';
import { htmlToMarkdown } from './html.ts';
import { descendants, kid, kids, type XNode } from './xml.ts';
import { COLLECTIONS } from '../model/resolve.ts';

export type Data = Record<string, unknown>;

/** A shared model file the import may refer to (model/gedeeld/...), with its parsed data. */
export interface SharedFile {
  /** Path relative to the output folder, as it will appear under `gebruikt`. */
  gebruikt: string;
  data: unknown;
}

export interface ConvertOptions {
  file: string;
  package?: string;
  shared: SharedFile[];
  /** EA name or id (EAID_..., or the derived eaid-...) → name of a model element. */
  map: ReadonlyMap<string, string>;
  /** EA names or ids whose references are left out. */
  omit: readonly string[];
}

export interface ExternalReference {
  /** The EA id (xmi:idref) as the XMI writes it. */
  eaId: string;
  naam: string;
  status: 'unresolved' | 'mapped' | 'omitted' | 'datatype';
  /** The model name it now refers to, for mapped references and datatypes. */
  doel?: string;
  /** The shared file that defines the model element, when there is one. */
  gebruikt?: string;
  usages: { what: string; at: Position }[];
}

export interface Counts {
  objecttypen: number;
  gegevensgroeptypen: number;
  attribuutsoorten: number;
  gegevensgroepen: number;
  relatiesoorten: number;
  generalisaties: number;
  enumeraties: number;
  waarden: number;
  codelijsten: number;
  primitieveDatatypes: number;
  gestructureerdeDatatypes: number;
  keuzes: number;
}

export interface Converted {
  informatiemodel: Data;
  objecttypen: Data[];
  gegevensgroeptypen: Data[];
  enumeraties: Data[];
  codelijsten: Data[];
  primitieveDatatypes: Data[];
  gestructureerdeDatatypes: Data[];
  keuzes: Data[];
  externals: ExternalReference[];
  findings: Finding[];
  counts: Counts;
  /** YAML comments to attach: on the object, after the value of `key` (or before the object). */
  comments: WeakMap<object, { key?: string; text: string }[]>;
  packageNaam: string;
  packageId: string;
}

type Kind = 'objecttype' | 'gegevensgroeptype' | 'enumeratie' | 'codelijst' | 'primitiefDatatype' | 'gestructureerdDatatype' | 'keuze' | 'standaard';

interface Classifier {
  eaId: string;
  node: XNode;
  naam: string;
  kind: Kind;
  stereotype?: string;
  /** For a class that only stands for a MIM datatype (an EA Interface named CharacterString). */
  standaard?: string;
  data?: Data;
}

type Ref =
  | { soort: 'intern'; classifier: Classifier; naam: string }
  | { soort: 'standaard'; naam: string }
  | { soort: 'extern'; ext: ExternalReference; naam: string; comment: string }
  | { soort: 'weglaten'; ext: ExternalReference; comment: string };

const CLASSIFIER_TYPES = new Set(['uml:Class', 'uml:DataType', 'uml:Enumeration', 'uml:PrimitiveType', 'uml:Interface']);
const NOT_CLASSES = new Set(['uml:Boundary', 'uml:Note', 'uml:Text', 'uml:Artifact', 'uml:Requirement', 'uml:Issue', 'uml:Constraint']);
const AUTHENTIEK = ['Authentiek', 'Basisgegeven', 'Wettelijk gegeven', 'Landelijk kerngegeven', 'Gemeentelijk kerngegeven', 'Overig'];

/** A stable model id from an EA id: `EAID_C7000EFD_826C_...` → `eaid-c7000efd-826c-...`. */
export function modelId(eaId: string): string {
  const id = eaId
    .toLowerCase()
    .replace(/[{}]/g, '')
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '');
  return id === '' ? 'ea' : id;
}

export function convert(ea: EaModel, options: ConvertOptions): Converted {
  return new Converter(ea, options).run();
}

class Converter {
  private readonly findings = new Findings();
  private readonly errors: Finding[] = [];
  private readonly classifiers = new Map<string, Classifier>();
  private readonly externals = new Map<string, ExternalReference>();
  private readonly comments = new WeakMap<object, { key?: string; text: string }[]>();
  private readonly sharedNames = new Map<string, { naam: string; file: string; soort: string; lengteInNaam: boolean }>();
  private readonly gebruikt = new Set<string>();
  private readonly ownStandaard = new Map<string, Data>();
  private readonly ignoredTags = new Map<string, number>();
  private readonly counts: Counts = {
    objecttypen: 0,
    gegevensgroeptypen: 0,
    attribuutsoorten: 0,
    gegevensgroepen: 0,
    relatiesoorten: 0,
    generalisaties: 0,
    enumeraties: 0,
    waarden: 0,
    codelijsten: 0,
    primitieveDatatypes: 0,
    gestructureerdeDatatypes: 0,
    keuzes: 0,
  };

  constructor(
    private readonly ea: EaModel,
    private readonly options: ConvertOptions,
  ) {
    for (const file of options.shared) this.indexShared(file);
  }

  run(): Converted {
    const pkg = this.selectPackage();
    this.collect(pkg);
    for (const c of this.sorted()) this.build(c);
    this.associations();
    for (const c of this.sorted()) if (c.kind === 'objecttype') this.generalisaties(c);
    if (this.errors.length > 0) throw new XmiError(this.errors);
    this.checkMapKeys();

    const of = (kind: Kind) => this.sorted().filter((c) => c.kind === kind && c.data).map((c) => c.data!);
    const primitieve = [...of('primitiefDatatype'), ...[...this.ownStandaard.values()]].sort(byId);
    const informatiemodel = this.header(pkg);
    const result: Converted = {
      informatiemodel,
      objecttypen: of('objecttype'),
      gegevensgroeptypen: of('gegevensgroeptype'),
      enumeraties: of('enumeratie'),
      codelijsten: of('codelijst'),
      primitieveDatatypes: primitieve,
      gestructureerdeDatatypes: of('gestructureerdDatatype'),
      keuzes: of('keuze'),
      externals: [...this.externals.values()].sort((a, b) => cmp(a.naam, b.naam) || cmp(a.eaId, b.eaId)),
      findings: this.findings.all,
      counts: { ...this.counts, primitieveDatatypes: primitieve.length },
      comments: this.comments,
      packageNaam: pkg.attrs.name ?? '',
      packageId: pkg.attrs['xmi:id'] ?? '',
    };
    if (this.ignoredTags.size > 0) {
      const list = [...this.ignoredTags].sort(([a], [b]) => cmp(a, b)).map(([t, n]) => `${t} (${n}x)`);
      this.findings.warning(this.ea.at(pkg), 'ignored-tag', `tagged values that MIM's model format has no key for were left out: ${list.join(', ')}`);
    }
    return result;
  }

  // ----- the package -----

  private selectPackage(): XNode {
    const packages = [...descendants(this.ea.model)].filter((n) => n.attrs['xmi:type'] === 'uml:Package' && n.attrs['xmi:id'] !== 'EAPrimitiveTypesPackage');
    const wanted = this.options.package;
    const list = () => packages.map((p) => `"${p.attrs.name ?? '?'}" (${p.attrs['xmi:id']})`).join(', ');
    if (wanted === undefined) {
      const top = packages.filter((p) => p.parent === this.ea.model);
      if (top.length === 1) return top[0]!;
      if (packages.length === 0) throw XmiError.at(this.ea.at(this.ea.model), 'missing-package', 'the XMI file holds no package');
      throw XmiError.at(this.ea.at(this.ea.model), 'missing-package', `the XMI file holds several packages; choose one with --package: ${list()}`);
    }
    const byId = packages.filter((p) => p.attrs['xmi:id'] === wanted || modelId(p.attrs['xmi:id'] ?? '') === modelId(wanted));
    if (byId.length === 1) return byId[0]!;
    const byName = packages.filter((p) => p.attrs.name === wanted);
    if (byName.length === 1) return byName[0]!;
    if (byName.length > 1) {
      throw XmiError.at(this.ea.at(byName[1]!), 'ambiguous-package', `${byName.length} packages are named "${wanted}"; choose one by id: ${byName.map((p) => p.attrs['xmi:id']).join(', ')}`);
    }
    const loose = packages.filter((p) => p.attrs.name?.toLowerCase() === wanted.toLowerCase());
    const hint = loose.length === 1 ? `; did you mean "${loose[0]!.attrs.name}"?` : '';
    throw XmiError.at(this.ea.at(this.ea.model), 'missing-package', `the XMI file has no package named "${wanted}"${hint}; it has ${list() || 'none'}`);
  }

  private collect(pkg: XNode): void {
    const visit = (node: XNode) => {
      for (const child of node.children) {
        if (child.name !== 'packagedElement') continue;
        const type = child.attrs['xmi:type'] ?? '';
        if (type === 'uml:Package') {
          visit(child);
          continue;
        }
        if (!CLASSIFIER_TYPES.has(type)) continue;
        const eaId = child.attrs['xmi:id'];
        if (!eaId) {
          this.errors.push(this.error(child, 'missing-id', `${type} "${child.attrs.name ?? '?'}" has no xmi:id`));
          continue;
        }
        const extType = this.ea.extElement(eaId)?.attrs['xmi:type'];
        if (extType && NOT_CLASSES.has(extType)) continue;
        const raw = child.attrs.name;
        if (raw === undefined || raw.trim() === '') {
          this.findings.warning(this.ea.at(child), 'unnamed-element', `${type} ${eaId} has no name and is left out`);
          continue;
        }
        const naam = raw.trim();
        if (naam !== raw) this.findings.warning(this.ea.at(child), 'name-whitespace', `the name "${raw}" has white space at its start or end; imported as "${naam}"`);
        const stereotype = this.ea.stereotype(eaId);
        const kind = this.kindOf(child, type, stereotype, naam);
        this.classifiers.set(eaId, { eaId, node: child, naam, kind, stereotype, standaard: kind === 'standaard' ? standaardNaam(naam) : undefined });
        visit(child); // nested classifiers
      }
    };
    visit(pkg);
  }

  private kindOf(node: XNode, type: string, stereotype: string | undefined, naam: string): Kind {
    const s = stereotype ? normaliseTag(stereotype) : undefined;
    const hasAttributes = kids(node, 'ownedAttribute').some((a) => !a.attrs.association);
    switch (s) {
      case 'objecttype':
        return 'objecttype';
      case 'gegevensgroeptype':
        return 'gegevensgroeptype';
      case 'enumeratie':
      case 'enumeration':
        return 'enumeratie';
      case 'codelijst':
        return 'codelijst';
      case 'referentielijst':
        this.findings.warning(this.ea.at(node), 'referentielijst', `referentielijst "${naam}" is imported as a codelijst: the model format has no referentielijst; its referentie-elementen are listed in a comment`);
        return 'codelijst';
      case 'primitief datatype':
        return 'primitiefDatatype';
      case 'gestructureerd datatype':
        return 'gestructureerdDatatype';
      case 'datatype':
        return hasAttributes ? 'gestructureerdDatatype' : 'primitiefDatatype';
      case 'keuze':
        return 'keuze';
      case undefined:
        break;
      default:
        if (type === 'uml:Enumeration') return 'enumeratie';
        if (type === 'uml:Class') {
          this.findings.warning(this.ea.at(node), 'unknown-stereotype', `class "${naam}" has the stereotype «${stereotype}», which MIM does not define; imported as an objecttype`);
          return 'objecttype';
        }
    }
    if (type === 'uml:Enumeration') {
      this.findings.warning(this.ea.at(node), 'missing-stereotype', `enumeration "${naam}" has no MIM stereotype; imported as an enumeratie`);
      return 'enumeratie';
    }
    if ((type === 'uml:Interface' || type === 'uml:PrimitiveType' || type === 'uml:DataType') && !hasAttributes && standaardNaam(naam)) return 'standaard';
    if (type === 'uml:DataType') return hasAttributes ? 'gestructureerdDatatype' : 'primitiefDatatype';
    if (type === 'uml:PrimitiveType' || type === 'uml:Interface') return 'primitiefDatatype';
    this.findings.warning(this.ea.at(node), 'missing-stereotype', `class "${naam}" has no MIM stereotype; imported as an objecttype`);
    return 'objecttype';
  }

  private sorted(): Classifier[] {
    return [...this.classifiers.values()].sort((a, b) => cmp(modelId(a.eaId), modelId(b.eaId)));
  }

  // ----- elements -----

  private build(c: Classifier): void {
    switch (c.kind) {
      case 'objecttype':
      case 'gegevensgroeptype':
        return this.objecttype(c);
      case 'enumeratie':
        return this.enumeratie(c);
      case 'codelijst':
        return this.codelijst(c);
      case 'primitiefDatatype':
        return this.primitief(c);
      case 'gestructureerdDatatype':
        return this.gestructureerd(c);
      case 'keuze':
        return this.keuze(c);
      case 'standaard':
        return;
    }
  }

  private meta(eaId: string, what: string): { data: Data; tags: Map<string, Tag> } {
    const tags = new Map<string, Tag>();
    for (const t of this.ea.tags(eaId)) tags.set(normaliseTag(t.naam), t);
    const text = (key: string) => {
      const t = tags.get(key);
      return t ? htmlToMarkdown(t.value) : undefined;
    };
    const definitie = htmlToMarkdown(this.ea.documentation(eaId)) ?? text('definitie');
    const data: Data = {
      alias: nonEmpty(kid(this.ea.extElement(eaId), 'properties')?.attrs.alias),
      definitie,
      toelichting: text('toelichting'),
      herkomst: text('herkomst'),
      herkomstDefinitie: text('herkomst definitie'),
      datumOpname: this.datum(tags.get('datum opname'), what),
    };
    for (const key of tags.keys()) if (!KNOWN_TAGS.has(key)) this.ignoredTags.set(tags.get(key)!.naam, (this.ignoredTags.get(tags.get(key)!.naam) ?? 0) + 1);
    return { data, tags };
  }

  private objecttype(c: Classifier): void {
    const { data: meta, tags } = this.meta(c.eaId, `${c.kind} "${c.naam}"`);
    const data: Data = { id: modelId(c.eaId), naam: c.naam, ...meta };
    if (c.kind === 'objecttype') {
      this.counts.objecttypen++;
      const abstract = c.node.attrs.isAbstract === 'true' || this.bool(tags.get('indicatie abstract object'), c.naam) === true;
      data.indicatieAbstractObject = abstract || undefined;
      data.supertypen = [];
    } else {
      this.counts.gegevensgroeptypen++;
    }
    data.attribuutsoorten = [];
    data.gegevensgroepen = [];
    if (c.kind === 'objecttype') data.relatiesoorten = [];
    data.constraints = this.constraints(c);
    c.data = data;
    for (const attr of this.attributes(c.node)) {
      const built = this.attribuut(attr, c);
      if (!built) continue;
      if (built.gegevensgroep) {
        (data.gegevensgroepen as Data[]).push(built.data);
        this.counts.gegevensgroepen++;
      } else {
        (data.attribuutsoorten as Data[]).push(built.data);
        this.counts.attribuutsoorten++;
      }
    }
  }

  /** The owned attributes that are not association ends, in EA's order (its position, else the file's). */
  private attributes(node: XNode): XNode[] {
    const list = kids(node, 'ownedAttribute').filter((a) => !a.attrs.association);
    const pos = (a: XNode) => {
      const p = kid(this.ea.extAttribute(a.attrs['xmi:id'] ?? ''), 'containment')?.attrs.position;
      return p !== undefined && /^\d+$/.test(p) ? Number(p) : undefined;
    };
    return list
      .map((a, i) => ({ a, i, p: pos(a) }))
      .sort((x, y) => (x.p ?? x.i) - (y.p ?? y.i) || x.i - y.i)
      .map((x) => x.a);
  }

  private attribuut(attr: XNode, owner: Classifier): { data: Data; gegevensgroep: boolean } | undefined {
    const eaId = attr.attrs['xmi:id'] ?? '';
    const naam = this.naam(attr, `an attribute of ${owner.naam}`);
    if (!naam) return undefined;
    const what = `attribuutsoort "${naam}" of ${owner.naam}`;
    const ref = this.typeRef(attr, what);
    const { data: meta, tags } = this.meta(eaId, what);
    const kardinaliteit = this.multiplicity(attr, what, this.extBounds(eaId));
    if (ref.soort === 'weglaten') {
      this.commentBefore(owner.data!, `${what}: ${ref.comment}`);
      return undefined;
    }
    if (ref.soort === 'intern' && ref.classifier.kind === 'gegevensgroeptype') {
      const data: Data = {
        id: modelId(eaId),
        naam,
        type: ref.naam,
        kardinaliteit,
        definitie: meta.definitie,
        toelichting: meta.toelichting,
        herkomst: meta.herkomst,
        herkomstDefinitie: meta.herkomstDefinitie,
        datumOpname: meta.datumOpname,
        indicatieMaterieleHistorie: this.bool(tags.get('indicatie materiele historie'), what),
        indicatieFormeleHistorie: this.bool(tags.get('indicatie formele historie'), what),
      };
      return { data, gegevensgroep: true };
    }
    const data: Data = {
      id: modelId(eaId),
      naam,
      alias: meta.alias,
      type: ref.naam,
      kardinaliteit,
      definitie: meta.definitie,
      toelichting: meta.toelichting,
      herkomst: meta.herkomst,
      herkomstDefinitie: meta.herkomstDefinitie,
      datumOpname: meta.datumOpname,
      authentiek: this.authentiek(tags.get('authentiek'), what),
      mogelijkGeenWaarde: this.bool(tags.get('mogelijk geen waarde'), what),
      identificerend: this.bool(tags.get('identificerend'), what) ?? (attr.attrs.isID === 'true' || undefined),
      lengte: this.lengte(tags.get('lengte'), what),
      patroon: tags.get('patroon')?.value.trim(),
      formeelPatroon: tags.get('formeel patroon')?.value.trim(),
      indicatieMaterieleHistorie: this.bool(tags.get('indicatie materiele historie'), what),
      indicatieFormeleHistorie: this.bool(tags.get('indicatie formele historie'), what),
    };
    if (ref.soort === 'extern') this.commentOn(data, 'type', ref.comment);
    return { data, gegevensgroep: false };
  }

  private enumeratie(c: Classifier): void {
    const { data: meta } = this.meta(c.eaId, `enumeratie "${c.naam}"`);
    const literals = [...kids(c.node, 'ownedLiteral'), ...this.attributes(c.node)];
    const waarden = literals.flatMap((l) => {
      const naam = this.naam(l, `a value of ${c.naam}`);
      if (!naam) return [];
      const eaId = l.attrs['xmi:id'] ?? '';
      const { data: m, tags } = this.meta(eaId, `waarde "${naam}" of ${c.naam}`);
      this.counts.waarden++;
      return [{ id: modelId(eaId), naam, code: tags.get('code')?.value.trim(), definitie: m.definitie, toelichting: m.toelichting }];
    });
    this.counts.enumeraties++;
    c.data = { id: modelId(c.eaId), naam: c.naam, ...meta, alias: undefined, waarden };
  }

  private codelijst(c: Classifier): void {
    const { data: meta, tags } = this.meta(c.eaId, `codelijst "${c.naam}"`);
    this.counts.codelijsten++;
    c.data = { id: modelId(c.eaId), naam: c.naam, ...meta, alias: undefined, locatie: tags.get('locatie')?.value.trim() };
    const elements = this.attributes(c.node);
    if (elements.length > 0) {
      const list = elements.map((e) => {
        const ref = this.typeRef(e, `referentie-element "${e.attrs.name ?? '?'}" of ${c.naam}`);
        return `${e.attrs.name ?? '?'}: ${ref.soort === 'weglaten' ? '?' : ref.naam}`;
      });
      this.commentBefore(c.data, `EA ${c.stereotype ?? 'Referentielijst'} with the elements ${list.join(', ')}`);
    }
  }

  private primitief(c: Classifier): void {
    const what = `primitief datatype "${c.naam}"`;
    const { data: meta, tags } = this.meta(c.eaId, what);
    let basis: Basis | undefined = standaardDatatype(standaardNaam(c.naam) ?? '')?.basis;
    for (const g of kids(c.node, 'generalization')) {
      const general = g.attrs.general ?? kid(g, 'general')?.attrs['xmi:idref'];
      const target = general ? (this.classifiers.get(general)?.naam ?? this.ea.byId.get(general)?.attrs.name ?? this.ea.namesSeen.get(general)) : undefined;
      const std = target ? standaardDatatype(standaardNaam(target) ?? '') : undefined;
      if (std) basis ??= std.basis;
    }
    if (!basis) {
      basis = 'tekst';
      this.findings.warning(this.ea.at(c.node), 'assumed-basis', `${what} says nothing about what its values are; imported with basis tekst (set basis in the model if it is a number, date or boolean)`);
    }
    this.counts.primitieveDatatypes++;
    c.data = {
      id: modelId(c.eaId),
      naam: c.naam,
      ...meta,
      alias: undefined,
      basis,
      lengte: this.lengte(tags.get('lengte'), what),
      patroon: tags.get('patroon')?.value.trim(),
      formeelPatroon: tags.get('formeel patroon')?.value.trim(),
    };
  }

  private gestructureerd(c: Classifier): void {
    const { data: meta } = this.meta(c.eaId, `gestructureerd datatype "${c.naam}"`);
    const dataElementen = this.attributes(c.node).flatMap((e) => {
      const naam = this.naam(e, `a data-element of ${c.naam}`);
      if (!naam) return [];
      const what = `data-element "${naam}" of ${c.naam}`;
      const ref = this.typeRef(e, what);
      if (ref.soort === 'weglaten') {
        this.commentBefore(meta, `${what}: ${ref.comment}`);
        return [];
      }
      const eaId = e.attrs['xmi:id'] ?? '';
      const d: Data = { id: modelId(eaId), naam, definitie: htmlToMarkdown(this.ea.documentation(eaId)), type: ref.naam, kardinaliteit: this.multiplicity(e, what, this.extBounds(eaId)) };
      if (ref.soort === 'extern') this.commentOn(d, 'type', ref.comment);
      return [d];
    });
    this.counts.gestructureerdeDatatypes++;
    c.data = { id: modelId(c.eaId), naam: c.naam, ...meta, alias: undefined, dataElementen };
  }

  private keuze(c: Classifier): void {
    const { data: meta } = this.meta(c.eaId, `keuze "${c.naam}"`);
    const alternatieven = this.attributes(c.node).flatMap((a) => {
      const naam = this.naam(a, `an alternative of ${c.naam}`);
      const ref = this.typeRef(a, `alternatief "${naam ?? '?'}" of keuze ${c.naam}`);
      if (ref.soort === 'weglaten') return [];
      const alt: Data = { naam, type: ref.naam, definitie: htmlToMarkdown(this.ea.documentation(a.attrs['xmi:id'] ?? '')) };
      if (ref.soort === 'extern') this.commentOn(alt, 'type', ref.comment);
      return [alt];
    });
    this.counts.keuzes++;
    c.data = { id: modelId(c.eaId), naam: c.naam, ...meta, alias: undefined, alternatieven };
  }

  private constraints(c: Classifier): Data[] {
    const list = kids(kid(this.ea.extElement(c.eaId), 'constraints') ?? ({ children: [] } as unknown as XNode), 'constraint');
    return list.flatMap((k, i) => {
      const naam = k.attrs.name?.trim();
      if (!naam) return [];
      const specificatie = htmlToMarkdown(k.attrs.notes) ?? naam;
      return [{ id: `${modelId(c.eaId)}.constraint-${i + 1}`, naam, specificatie }];
    });
  }

  // ----- relations -----

  private associations(): void {
    const found: { node: XNode; eaId: string }[] = [];
    for (const node of descendants(this.ea.model)) {
      const type = node.attrs['xmi:type'];
      if (node.name !== 'packagedElement' || (type !== 'uml:Association' && type !== 'uml:AssociationClass')) continue;
      found.push({ node, eaId: node.attrs['xmi:id'] ?? '' });
    }
    found.sort((a, b) => cmp(modelId(a.eaId), modelId(b.eaId)));
    for (const { node, eaId } of found) this.association(node, eaId);
  }

  private association(node: XNode, eaId: string): void {
    const connector = this.ea.extConnector(eaId);
    const endIds = kids(node, 'memberEnd').map((m) => ({ id: m.attrs['xmi:idref'], holder: m }));
    if (endIds.length === 0 && node.attrs.memberEnd) endIds.push(...node.attrs.memberEnd.split(/\s+/).map((id) => ({ id, holder: node })));
    const ends: XNode[] = [];
    const missing: { id: string | undefined; holder: XNode }[] = [];
    for (const e of endIds) {
      const end = e.id ? this.ea.byId.get(e.id) : undefined;
      if (end) ends.push(end);
      else missing.push(e);
    }
    const typeOf = (end: XNode | undefined) => (end ? (kid(end, 'type')?.attrs['xmi:idref'] ?? end.attrs.type) : undefined);
    let srcExt = kid(connector, 'source');
    let tgtExt = kid(connector, 'target');
    const srcId = srcExt?.attrs['xmi:idref'];
    const tgtId = tgtExt?.attrs['xmi:idref'];
    for (const m of missing) {
      // EA at times leaves out the property of an end; its connector in the extension still describes it.
      const text = `memberEnd of association "${node.attrs.name ?? eaId}" (${eaId}) names xmi:idref "${m.id ?? ''}", which no element of the file has`;
      if (srcId && tgtId) {
        if (this.touchesSelection(node)) this.findings.warning(this.ea.at(m.holder), 'dangling-idref', `${text}; the end is read from EA's connector instead`);
      } else if (this.touchesSelection(node)) {
        this.errors.push(this.error(m.holder, 'dangling-idref', text));
        return;
      } else {
        return;
      }
    }
    // EA writes the target end as an attribute of the source class and the source end inside the association.
    let tgtEnd: XNode | undefined;
    let srcEnd: XNode | undefined;
    if (srcId && tgtId) {
      if (srcId !== tgtId) {
        tgtEnd = ends.find((e) => typeOf(e) === tgtId);
        srcEnd = ends.find((e) => e !== tgtEnd && typeOf(e) === srcId);
      } else {
        tgtEnd = ends.find((e) => /dst/i.test(e.attrs['xmi:id'] ?? '')) ?? ends.find((e) => e.name === 'ownedAttribute') ?? ends[0];
        srcEnd = ends.find((e) => e !== tgtEnd);
      }
    } else {
      if (ends.length !== 2) return;
      tgtEnd = ends.find((e) => e.name === 'ownedAttribute') ?? ends[0]!;
      srcEnd = ends.find((e) => e !== tgtEnd)!;
    }
    let direction = kid(connector, 'properties')?.attrs.direction;
    if (!direction || direction === 'Unspecified') {
      const nav = (end: 'source' | 'target') => kid(kid(connector, end), 'modifiers')?.attrs.isNavigable === 'true';
      if (connector && nav('source') && !nav('target')) direction = 'Destination -> Source';
      else if (connector && nav('source') && nav('target')) direction = 'Bi-Directional';
      else if (!connector && ends.every((e) => e.name === 'ownedAttribute')) direction = 'Bi-Directional';
      else direction = 'Source -> Destination';
    }
    let ownerId = srcId ?? typeOf(srcEnd);
    let doelId = tgtId ?? typeOf(tgtEnd);
    if (direction === 'Destination -> Source') {
      [srcEnd, tgtEnd] = [tgtEnd, srcEnd];
      [srcExt, tgtExt] = [tgtExt, srcExt];
      [ownerId, doelId] = [doelId, ownerId];
    }
    if (!ownerId || !doelId) {
      this.errors.push(this.error((!ownerId ? srcEnd : tgtEnd) ?? node, 'dangling-idref', `an end of association "${node.attrs.name ?? eaId}" (${eaId}) has no type`));
      return;
    }
    const owner = this.classifiers.get(ownerId);
    const doelIntern = this.classifiers.get(doelId);
    if (!owner) {
      if (doelIntern) {
        const ownerName = this.ea.byId.get(ownerId)?.attrs.name ?? this.ea.namesSeen.get(ownerId) ?? ownerId;
        this.findings.warning(this.ea.at(node), 'foreign-relation', `association "${node.attrs.name ?? eaId}" from "${ownerName}" (outside the package) to ${doelIntern.naam} is left out: the model keeps a relation with the objecttype it starts from`);
      }
      return;
    }
    const rol = this.endName(tgtEnd, tgtExt);
    const rolBron = this.endName(srcEnd, srcExt);
    const assocNaam = node.attrs.name?.trim() || undefined;
    const what = `relatiesoort "${assocNaam ?? rol ?? '?'}" of ${owner.naam}`;
    const ref = this.classifierRef(doelId, tgtEnd ?? tgtExt ?? node, what, tgtExt ? kid(tgtExt, 'model')?.attrs.name : undefined);
    const endMultiplicity = (end: XNode | undefined, ext: XNode | undefined, w: string) => {
      const m = kid(ext, 'type')?.attrs.multiplicity;
      if (end) return this.multiplicity(end, w, { multiplicity: m });
      return m ? this.multiplicity(ext!, w, { multiplicity: m }) : undefined;
    };
    const kardinaliteit = endMultiplicity(tgtEnd, tgtExt, what);
    const kardinaliteitBron = endMultiplicity(srcEnd, srcExt, `the source end of ${what}`);
    const stereotype = this.ea.stereotype(eaId);

    if (owner.kind === 'keuze') {
      if (ref.soort === 'weglaten') return;
      const alt: Data = { naam: rol ?? assocNaam, type: ref.naam, definitie: htmlToMarkdown(this.ea.documentation(eaId)) };
      if (ref.soort === 'extern') this.commentOn(alt, 'type', ref.comment);
      (owner.data!.alternatieven as Data[]).push(alt);
      return;
    }
    if (owner.kind !== 'objecttype') {
      this.findings.warning(this.ea.at(node), 'unsupported-relation', `association "${assocNaam ?? eaId}" starts at ${owner.kind} ${owner.naam}; the model format has relations only on objecttypen, so it is left out`);
      return;
    }
    if (ref.soort === 'weglaten') {
      this.commentBefore(owner.data!, `${what}: ${ref.comment}`);
      return;
    }
    const { data: meta, tags } = this.meta(eaId, what);
    const aggregatie = [srcEnd?.attrs.aggregation, tgtEnd?.attrs.aggregation, kid(srcExt, 'type')?.attrs.aggregation, kid(tgtExt, 'type')?.attrs.aggregation];
    if (ref.soort === 'intern' && ref.classifier.kind === 'gegevensgroeptype') {
      (owner.data!.gegevensgroepen as Data[]).push({ id: modelId(eaId), naam: rol ?? assocNaam ?? ref.naam, type: ref.naam, kardinaliteit, definitie: meta.definitie, toelichting: meta.toelichting, herkomst: meta.herkomst });
      this.counts.gegevensgroepen++;
      return;
    }
    let naam = assocNaam;
    if (!naam) {
      naam = rol ?? lcfirst(ref.naam);
      this.findings.warning(this.ea.at(node), 'unnamed-relation', `the association from ${owner.naam} to ${ref.naam} (${eaId}) has no name; imported as "${naam}"`);
    }
    if (node.attrs['xmi:type'] === 'uml:AssociationClass' && kids(node, 'ownedAttribute').some((a) => !a.attrs.association)) {
      this.findings.warning(this.ea.at(node), 'relatieklasse', `relatieklasse "${naam}" is imported as a relatiesoort; its attributes are left out (the model format has no relatieklasse)`);
    }
    const data: Data = {
      id: modelId(eaId),
      naam,
      doel: ref.naam,
      rol,
      kardinaliteit,
      rolBron,
      kardinaliteitBron,
      richting: direction === 'Bi-Directional' ? 'bidirectioneel' : 'unidirectioneel',
      aggregatie: aggregatie.includes('composite') ? 'compositie' : aggregatie.includes('shared') ? 'gedeeld' : 'geen',
      definitie: meta.definitie,
      toelichting: meta.toelichting,
      herkomst: meta.herkomst,
      herkomstDefinitie: meta.herkomstDefinitie,
      datumOpname: meta.datumOpname,
      authentiek: this.authentiek(tags.get('authentiek'), what),
      mogelijkGeenWaarde: this.bool(tags.get('mogelijk geen waarde'), what),
      indicatieMaterieleHistorie: this.bool(tags.get('indicatie materiele historie'), what),
      indicatieFormeleHistorie: this.bool(tags.get('indicatie formele historie'), what),
    };
    if (stereotype && !['relatiesoort', 'externe koppeling', 'relatieklasse'].includes(normaliseTag(stereotype))) {
      this.findings.warning(this.ea.at(node), 'unknown-stereotype', `association "${naam}" has the stereotype «${stereotype}»; imported as a relatiesoort`);
    }
    if (ref.soort === 'extern') this.commentOn(data, 'doel', ref.comment);
    (owner.data!.relatiesoorten as Data[]).push(data);
    this.counts.relatiesoorten++;
  }

  private touchesSelection(node: XNode): boolean {
    for (let p: XNode | undefined = node; p; p = p.parent) if (p.attrs['xmi:id'] && this.selectedPackages.has(p.attrs['xmi:id'])) return true;
    return false;
  }

  private get selectedPackages(): Set<string> {
    this._selected ??= new Set([...this.classifiers.values()].map((c) => c.node.parent?.attrs['xmi:id'] ?? ''));
    return this._selected;
  }

  private _selected?: Set<string>;

  private endName(end: XNode | undefined, ext: XNode | undefined): string | undefined {
    const naam = end?.attrs.name?.trim() || kid(ext, 'role')?.attrs.name?.trim();
    return naam || undefined;
  }

  private generalisaties(c: Classifier): void {
    const supertypen = c.data!.supertypen as string[];
    const list = kids(c.node, 'generalization').sort((a, b) => cmp(modelId(a.attrs['xmi:id'] ?? ''), modelId(b.attrs['xmi:id'] ?? '')));
    for (const g of list) {
      const general = g.attrs.general ?? kid(g, 'general')?.attrs['xmi:idref'];
      if (!general) {
        if (!kid(g, 'general')?.attrs.href) this.errors.push(this.error(g, 'dangling-idref', `the generalization of ${c.naam} names no general class`));
        continue;
      }
      const what = `the generalisatie of objecttype ${c.naam}`;
      const hint = kid(kid(this.ea.extConnector(g.attrs['xmi:id'] ?? ''), 'target'), 'model')?.attrs.name;
      const ref = this.classifierRef(general, g, what, hint);
      if (ref.soort === 'weglaten') {
        this.commentBefore(c.data!, `${what}: ${ref.comment}`);
        continue;
      }
      if (ref.soort === 'intern' && ref.classifier.kind !== 'objecttype') {
        this.findings.warning(this.ea.at(g), 'unsupported-generalisatie', `${c.naam} specialises ${ref.classifier.kind} ${ref.naam}; a generalisatie is between objecttypen, so it is left out`);
        continue;
      }
      supertypen.push(ref.naam);
      if (ref.soort === 'extern') this.commentOn(c.data!, 'supertypen', `${ref.naam}: ${ref.comment}`);
      this.counts.generalisaties++;
    }
  }

  // ----- references -----

  /** The type of an attribute: a classifier of the package, a MIM datatype, or something outside. */
  private typeRef(attr: XNode, what: string): Exclude<Ref, { soort: 'intern' }> | { soort: 'intern'; classifier: Classifier; naam: string } {
    const typeNode = kid(attr, 'type');
    const idref = typeNode?.attrs['xmi:idref'] ?? attr.attrs.type;
    const extType = nonEmpty(kid(this.ea.extAttribute(attr.attrs['xmi:id'] ?? ''), 'properties')?.attrs.type);
    if (!idref) {
      const href = typeNode?.attrs.href;
      const fromHref = href ? href.replace(/^.*#/, '') : undefined;
      const naam = extType ?? fromHref;
      const std = naam ? standaardNaam(naam) : undefined;
      if (std) return this.standaard(std);
      if (naam) return this.classifierRef(`name:${naam}`, attr, what, naam);
      this.findings.warning(this.ea.at(attr), 'missing-type', `${what} has no type in EA; imported as CharacterString`);
      return this.standaard('CharacterString');
    }
    return this.classifierRef(idref, typeNode ?? attr, what, extType);
  }

  private classifierRef(id: string, holder: XNode, what: string, nameHint: string | undefined): Ref {
    const intern = this.classifiers.get(id);
    if (intern) {
      if (intern.kind === 'standaard') return this.standaard(intern.standaard!);
      return { soort: 'intern', classifier: intern, naam: intern.naam };
    }
    const node = id.startsWith('name:') ? undefined : this.ea.byId.get(id);
    const eaPrimitive = this.ea.primitiveIds.has(id) || /^EA[A-Za-z]*_/.test(id) && !/^EAID_|^EAPK_/.test(id);
    let naam = (node?.attrs.name ?? nameHint ?? this.ea.namesSeen.get(id) ?? (eaPrimitive ? id.replace(/^EA[A-Za-z]*_/, '') : undefined))?.trim();
    if (id.startsWith('name:')) naam = id.slice(5);
    if (!naam) {
      this.errors.push(this.error(holder, 'dangling-idref', `${what} names xmi:idref "${id}", which no element of the file has and the file gives no name for`));
      return { soort: 'standaard', naam: '?' };
    }
    const mapped = this.lookupOption(this.options.map, id, naam);
    if (mapped === undefined && !this.isOmitted(id, naam)) {
      // A datatype by its MIM or EA name: a shared file's, else the MIM catalogue's.
      const node2 = node ?? undefined;
      const datatypeLike = eaPrimitive || !node2 || ['uml:PrimitiveType', 'uml:DataType', 'uml:Interface'].includes(node2.attrs['xmi:type'] ?? '');
      if (datatypeLike) {
        const shared = this.sharedNames.get(naam.toLowerCase());
        if (shared && shared.soort !== 'objecttype' && shared.soort !== 'gegevensgroeptype') {
          this.gebruikt.add(shared.file);
          this.noteExternal(id, naam, what, holder, 'datatype', shared.naam, shared.file);
          return { soort: 'standaard', naam: shared.naam };
        }
        const std = standaardNaam(naam);
        if (std) {
          this.noteExternal(id, naam, what, holder, 'datatype', std);
          return this.standaard(std);
        }
      }
    }
    const ext = this.noteExternal(id, naam, what, holder, 'unresolved');
    if (mapped !== undefined) {
      ext.status = 'mapped';
      ext.doel = mapped;
      const target = this.sharedNames.get(mapped.toLowerCase());
      const internTarget = [...this.classifiers.values()].find((c) => c.naam === mapped);
      if (target && target.naam === mapped) {
        ext.gebruikt = target.file;
        this.gebruikt.add(target.file);
      } else if (!internTarget && !standaardNaam(mapped)) {
        this.errors.push({
          file: this.options.file,
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'unknown-map-target',
          message: `--map ${naam}=${mapped}: no shared model file${this.options.shared.length ? ` (${this.options.shared.map((s) => s.gebruikt).join(', ')})` : ''} and no element of the import is named "${mapped}"${target ? `; did you mean "${target.naam}"?` : ''}`,
        });
      }
      if (standaardNaam(mapped) && !target && !internTarget) return this.standaard(standaardNaam(mapped)!);
      return { soort: 'extern', ext, naam: mapped, comment: `EA: ${naam} (${id}), outside the export` };
    }
    if (this.isOmitted(id, naam)) {
      ext.status = 'omitted';
      return { soort: 'weglaten', ext, comment: `left out on import: it refers to ${naam} (${id}), outside the export` };
    }
    return { soort: 'extern', ext, naam, comment: `outside the export (${id}); map it with --map or leave it out with --omit` };
  }

  private standaard(naam: string): { soort: 'standaard'; naam: string } {
    const base = standaardDatatype(naam);
    const shared = this.sharedNames.get((base?.naam ?? naam).toLowerCase());
    if (shared) {
      this.gebruikt.add(shared.file);
      return { soort: 'standaard', naam };
    }
    if (base && !this.ownStandaard.has(base.naam)) {
      this.ownStandaard.set(base.naam, {
        id: `mim.${base.naam.toLowerCase()}`,
        naam: base.naam,
        definitie: base.definitie,
        herkomst: 'MIM 1.1.1 (written by mimgen import-xmi: no shared file defines this datatype)',
        basis: base.basis,
        formaat: base.formaat,
        lengteInNaam: base.lengteInNaam,
      });
    }
    return { soort: 'standaard', naam };
  }

  private noteExternal(id: string, naam: string, what: string, holder: XNode, status: ExternalReference['status'], doel?: string, gebruikt?: string): ExternalReference {
    const key = id;
    let ext = this.externals.get(key);
    if (!ext) {
      ext = { eaId: id.startsWith('name:') ? '' : id, naam, status, doel, gebruikt, usages: [] };
      this.externals.set(key, ext);
    }
    ext.usages.push({ what, at: this.ea.at(holder) });
    return ext;
  }

  private lookupOption(map: ReadonlyMap<string, string>, id: string, naam: string): string | undefined {
    for (const [key, value] of map) if (matches(key, id, naam)) return value;
    return undefined;
  }

  private isOmitted(id: string, naam: string): boolean {
    return this.options.omit.some((key) => matches(key, id, naam));
  }

  private checkMapKeys(): void {
    const refs = [...this.externals.values()];
    for (const key of [...this.options.map.keys(), ...this.options.omit]) {
      if (!refs.some((r) => matches(key, r.eaId, r.naam))) {
        this.findings.warning({ file: this.options.file, line: 1, column: 1 }, 'unused-mapping', `"${key}" in --map/--omit matches no reference outside the export; check the spelling (EA name or id)`);
      }
    }
  }

  // ----- values -----

  private naam(node: XNode, what: string): string | undefined {
    const raw = node.attrs.name;
    if (raw === undefined || raw.trim() === '') {
      this.findings.warning(this.ea.at(node), 'unnamed-element', `${what} (${node.attrs['xmi:id'] ?? '?'}) has no name and is left out`);
      return undefined;
    }
    if (raw.trim() !== raw) this.findings.warning(this.ea.at(node), 'name-whitespace', `the name "${raw}" has white space at its start or end; imported as "${raw.trim()}"`);
    return raw.trim();
  }

  private extBounds(eaId: string): { lower?: string; upper?: string } {
    const b = kid(this.ea.extAttribute(eaId), 'bounds');
    return { lower: b?.attrs.lower, upper: b?.attrs.upper };
  }

  /** MIM kardinaliteit from UML lower/upper values, with what the extension says as fallback. */
  private multiplicity(node: XNode, what: string, fallback: { lower?: string; upper?: string; multiplicity?: string }): string {
    const lowerNode = kid(node, 'lowerValue');
    const upperNode = kid(node, 'upperValue');
    let lower = lowerNode?.attrs.value;
    let upper = upperNode?.attrs.value;
    let at = upperNode ?? lowerNode ?? node;
    if (fallback.multiplicity && lower === undefined && upper === undefined) {
      const m = /^\s*([^.]+?)\s*(?:\.\.\s*(.+?))?\s*$/.exec(fallback.multiplicity);
      if (m) {
        lower = m[1];
        upper = m[2] ?? m[1];
        if (lower === '*') lower = '0';
      }
    }
    lower ??= fallback.lower ?? (lowerNode ? '0' : '1');
    upper ??= fallback.upper ?? (upperNode ? undefined : '1');
    if (lowerNode?.attrs.value === undefined && upperNode?.attrs.value !== undefined) at = upperNode!;
    const lo = lower.trim();
    const up = upper?.trim();
    const valid = /^\d+$/.test(lo) && up !== undefined && (/^\d+$/.test(up) ? Number(up) >= Number(lo) && Number(up) > 0 : up === '*' || up === '-1');
    if (!valid) {
      this.errors.push(this.error(at, 'invalid-multiplicity', `${what} has the multiplicity lower "${lower}" upper "${upper ?? ''}", which is not valid; write n..m with 0 <= n <= m, m > 0 or *`));
      return '1';
    }
    const max = up === '*' || up === '-1' ? '*' : String(Number(up));
    const min = String(Number(lo));
    return min === max ? min : `${min}..${max}`;
  }

  private bool(tag: Tag | undefined, what: string): boolean | undefined {
    if (!tag) return undefined;
    const v = tag.value.trim().toLowerCase();
    if (['ja', 'j', 'true', 'yes', 'y', '1'].includes(v)) return true;
    if (['nee', 'n', 'false', 'no', '0'].includes(v)) return undefined;
    if (v === 'zie groep') return undefined;
    this.findings.warning(this.ea.at(tag.node), 'invalid-tag', `tag "${tag.naam}" of ${what} is "${tag.value}"; expected Ja or Nee, so it is left out`);
    return undefined;
  }

  private authentiek(tag: Tag | undefined, what: string): string | undefined {
    if (!tag) return undefined;
    const v = AUTHENTIEK.find((a) => a.toLowerCase() === tag.value.trim().toLowerCase());
    if (!v) this.findings.warning(this.ea.at(tag.node), 'invalid-tag', `tag "${tag.naam}" of ${what} is "${tag.value}", which MIM does not know (${AUTHENTIEK.join(', ')}); it is left out`);
    return v;
  }

  private lengte(tag: Tag | undefined, what: string): number | undefined {
    if (!tag) return undefined;
    const v = tag.value.trim();
    if (/^\d+$/.test(v) && Number(v) > 0) return Number(v);
    this.findings.warning(this.ea.at(tag.node), 'invalid-tag', `tag "${tag.naam}" of ${what} is "${v}", not a positive whole number; it is left out`);
    return undefined;
  }

  private datum(tag: Tag | undefined, what: string): string | undefined {
    if (!tag) return undefined;
    const v = tag.value.trim();
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(v);
    if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T].*)?$/.exec(v);
    if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    this.findings.warning(this.ea.at(tag.node), 'invalid-tag', `tag "${tag.naam}" of ${what} is "${v}", not a date (JJJJ-MM-DD or DD-MM-JJJJ); it is left out`);
    return undefined;
  }

  // ----- the header and shared files -----

  private header(pkg: XNode): Data {
    const eaId = pkg.attrs['xmi:id'] ?? 'package';
    const { data: meta, tags } = this.meta(eaId, `package "${pkg.attrs.name ?? ''}"`);
    const ext = this.ea.extElement(eaId);
    const versie = tags.get('versie')?.value.trim() ?? kid(ext, 'packageproperties')?.attrs.version ?? kid(ext, 'project')?.attrs.version ?? '0';
    const mimVersie = tags.get('mim versie')?.value.trim() ?? this.mimVersion();
    return {
      id: modelId(eaId),
      naam: (pkg.attrs.name ?? '').trim() || 'Informatiemodel',
      versie,
      mimVersie,
      definitie: meta.definitie,
      toelichting: meta.toelichting,
      herkomst: meta.herkomst,
      basisUri: tags.get('basis uri')?.value.trim(),
      gebruikt: [...this.gebruikt].sort(),
    };
  }

  private mimVersion(): string | undefined {
    for (const [prefix, uri] of Object.entries(this.namespaces())) {
      const m = /\/profiles\/MIM\/(\d+(?:\.\d+)*)$/.exec(uri);
      if (m && prefix === 'MIM') return m[1];
    }
    return undefined;
  }

  private namespaces(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const c of descendants(this.ea.root)) if (c.prefix && c.uri && !(c.prefix in result)) result[c.prefix] = c.uri;
    return result;
  }

  private indexShared(file: SharedFile): void {
    const data = file.data as Data | null;
    if (!data || typeof data !== 'object') return;
    for (const [key, soort] of Object.entries(COLLECTIONS)) {
      const items = data[key];
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        const naam = (item as Data)?.naam;
        if (typeof naam !== 'string') continue;
        if (!this.sharedNames.has(naam.toLowerCase())) this.sharedNames.set(naam.toLowerCase(), { naam, file: file.gebruikt, soort, lengteInNaam: (item as Data).lengteInNaam === true });
      }
    }
  }

  // ----- comments -----

  private commentOn(target: object, key: string, text: string): void {
    const list = this.comments.get(target) ?? [];
    list.push({ key, text });
    this.comments.set(target, list);
  }

  private commentBefore(target: object, text: string): void {
    const list = this.comments.get(target) ?? [];
    list.push({ text });
    this.comments.set(target, list);
  }

  private error(node: XNode, rule: ErrorRule, message: string): Finding {
    return finding(this.ea.at(node), 'error', rule, message);
  }
}

const KNOWN_TAGS = new Set([
  'definitie',
  'toelichting',
  'herkomst',
  'herkomst definitie',
  'datum opname',
  'authentiek',
  'mogelijk geen waarde',
  'indicatie materiele historie',
  'indicatie formele historie',
  'lengte',
  'patroon',
  'formeel patroon',
  'identificerend',
  'indicatie abstract object',
  'locatie',
  'code',
  'versie',
  'mim versie',
  'basis uri',
]);

function matches(key: string, id: string, naam: string): boolean {
  if (id && (key === id || modelId(key) === modelId(id))) return true;
  return key === naam;
}

function lcfirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byId(a: Data, b: Data): number {
  return cmp(String(a.id), String(b.id));
}

