/**
 * What the parts of the conversion share (classifiers.ts, associations.ts, references.ts, tags.ts): one
 * context object per import, passed to each part, so that findings, counts, comments and external references
 * are collected in one place and reported in the order the parts run.
 */
import type { EaModel } from './ea.ts';
import { Findings, finding, type ErrorRule, type Finding, type Position } from '../diagnostics/findings.ts';
import type { XNode } from './xml.ts';

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

/** YAML comments to attach: on the object, after the value of `key` (or before the object). */
export type Comments = WeakMap<object, { key?: string; text: string }[]>;

export type Kind =
  | 'objecttype'
  | 'gegevensgroeptype'
  | 'enumeratie'
  | 'codelijst'
  | 'primitiefDatatype'
  | 'gestructureerdDatatype'
  | 'keuze'
  | 'standaard';

export interface Classifier {
  eaId: string;
  node: XNode;
  naam: string;
  kind: Kind;
  stereotype?: string;
  /** For a class that only stands for a MIM datatype (an EA Interface named CharacterString). */
  standaard?: string;
  data?: Data;
}

export type Ref =
  | { soort: 'intern'; classifier: Classifier; naam: string }
  | { soort: 'standaard'; naam: string }
  | { soort: 'extern'; ext: ExternalReference; naam: string; comment: string }
  | { soort: 'weglaten'; ext: ExternalReference; comment: string };

/** A model element of a shared file, by the lower-cased name references use. */
export interface SharedName {
  naam: string;
  file: string;
  soort: string;
  lengteInNaam: boolean;
}

export class ConvertContext {
  readonly findings = new Findings();
  /** Errors are kept apart from the findings: they are thrown together once every part has run. */
  readonly errors: Finding[] = [];
  readonly classifiers = new Map<string, Classifier>();
  readonly externals = new Map<string, ExternalReference>();
  readonly comments: Comments = new WeakMap();
  readonly sharedNames = new Map<string, SharedName>();
  readonly gebruikt = new Set<string>();
  /** MIM datatypes that no shared file defines, which the import then writes itself. */
  readonly ownStandaard = new Map<string, Data>();
  readonly ignoredTags = new Map<string, number>();
  /**
   * The UML elements that are accounted for: turned into model content, read as part of one (a multiplicity,
   * a type, a comment), or left out with a finding of their own. What the package holds beyond these is
   * counted by kind in one warning (convert.ts), so that nothing is dropped without a word.
   */
  readonly accounted = new Set<XNode>();
  /** The UML elements left out, by kind (`ownedOperation uml:Operation`): counted for the warning and the report. */
  readonly notImported = new Map<string, number>();
  readonly counts: Counts = {
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
    readonly ea: EaModel,
    readonly options: ConvertOptions,
  ) {}

  error(node: XNode, rule: ErrorRule, message: string): Finding {
    return finding(this.ea.at(node), 'error', rule, message);
  }

  /** Marks a UML element as accounted for, with the parts it is read through. */
  account(node: XNode | undefined): void {
    if (!node) return;
    this.accounted.add(node);
    for (const c of node.children) if (PARTS.has(c.name)) this.accounted.add(c);
    // The first ownedComment is the documentation, where EA's extension does not give it (ea.ts).
    const id = node.attrs['xmi:id'];
    const comment = node.children.find((c) => c.name === 'ownedComment');
    if (comment && id && !this.ea.hasExtension(id)) this.accounted.add(comment);
  }

  commentOn(target: object, key: string, text: string): void {
    const list = this.comments.get(target) ?? [];
    list.push({ key, text });
    this.comments.set(target, list);
  }

  commentBefore(target: object, text: string): void {
    const list = this.comments.get(target) ?? [];
    list.push({ text });
    this.comments.set(target, list);
  }
}

/** Child elements read as part of the element that holds them. */
const PARTS = new Set(['lowerValue', 'upperValue', 'type', 'memberEnd', 'general', 'annotatedElement']);

/**
 * The model id of an element: from its xmi:id, or, where the file gives it none (EA writes xmi:id="" on
 * enumeration literals under some export settings), from its owner's id and its name.
 */
export function idOf(node: XNode, ownerId: string, naam: string): string {
  const id = node.attrs['xmi:id']?.trim();
  if (id) return modelId(id);
  const slug = naam
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${modelId(ownerId)}.${slug || 'naamloos'}`;
}

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

export function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
