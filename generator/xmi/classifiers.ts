/**
 * The package to import and its classifiers: which package, what kind of MIM element each class is (by its
 * stereotype, else by its UML type, with a warning), and each classifier's data with its attributes, values,
 * data-elements or alternatieven. Relations and supertypen are added afterwards (associations.ts), once every
 * classifier they may point at is known.
 */
import { byNameKey, normaliseTag } from './ea.ts';
import { standaardDatatype, standaardNaam, type Basis } from './datatypes.ts';
import { idOf, modelId, type Classifier, type ConvertContext, type Data, type Kind } from './context.ts';
import { XmiError } from './errors.ts';
import { htmlToMarkdown } from './html.ts';
import { typeRef } from './references.ts';
import { authentiek, beschrijving, bool, extBounds, historie, lengte, metadata, multiplicity } from './tags.ts';
import { descendants, isPackaged, kid, kids, type XNode } from './xml.ts';

const CLASSIFIER_TYPES = new Set([
  'uml:Class',
  'uml:DataType',
  'uml:Enumeration',
  'uml:PrimitiveType',
  'uml:Interface',
]);
const NOT_CLASSES = new Set([
  'uml:Boundary',
  'uml:Note',
  'uml:Text',
  'uml:Artifact',
  'uml:Requirement',
  'uml:Issue',
  'uml:Constraint',
]);

// ----- the package -----

export function selectPackage(cx: ConvertContext): XNode {
  const packages = [...descendants(cx.ea.model)].filter(
    (n) => n.attrs['xmi:type'] === 'uml:Package' && n.attrs['xmi:id'] !== 'EAPrimitiveTypesPackage',
  );
  const wanted = cx.options.package;
  const list = () => packages.map((p) => `"${p.attrs.name ?? '?'}" (${p.attrs['xmi:id']})`).join(', ');
  if (wanted === undefined) {
    const top = packages.filter((p) => p.parent === cx.ea.model);
    if (top.length === 1) return top[0]!;
    // Tools other than EA may keep the classes in the model itself, without a package.
    if (packages.length === 0) return cx.ea.model;
    throw XmiError.at(
      cx.ea.at(cx.ea.model),
      'missing-package',
      `the XMI file holds several packages; choose one with --package: ${list()}`,
    );
  }
  const byId = packages.filter(
    (p) => p.attrs['xmi:id'] === wanted || modelId(p.attrs['xmi:id'] ?? '') === modelId(wanted),
  );
  if (byId.length === 1) return byId[0]!;
  const byName = packages.filter((p) => p.attrs.name === wanted);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) {
    throw XmiError.at(
      cx.ea.at(byName[1]!),
      'ambiguous-package',
      `${byName.length} packages are named "${wanted}"; choose one by id: ${byName.map((p) => p.attrs['xmi:id']).join(', ')}`,
    );
  }
  const loose = packages.filter((p) => p.attrs.name?.toLowerCase() === wanted.toLowerCase());
  const hint = loose.length === 1 ? `; did you mean "${loose[0]!.attrs.name}"?` : '';
  throw XmiError.at(
    cx.ea.at(cx.ea.model),
    'missing-package',
    `the XMI file has no package named "${wanted}"${hint}; it has ${list() || 'none'}`,
  );
}

export function collect(cx: ConvertContext, pkg: XNode): void {
  cx.account(pkg);
  const visit = (node: XNode) => {
    for (const child of node.children) {
      if (!isPackaged(child)) continue;
      const type = child.attrs['xmi:type'] ?? '';
      if (type === 'uml:Package') {
        cx.account(child);
        visit(child);
        continue;
      }
      if (!CLASSIFIER_TYPES.has(type)) continue;
      const given = child.attrs['xmi:id']?.trim();
      const extType = given ? cx.ea.extElement(given)?.attrs['xmi:type'] : undefined;
      if (extType && NOT_CLASSES.has(extType)) continue;
      const raw = child.attrs.name;
      if (raw === undefined || raw.trim() === '') {
        cx.account(child);
        cx.findings.warning(
          cx.ea.at(child),
          'unnamed-element',
          `${type} ${given ?? '(no xmi:id)'} has no name and is left out`,
        );
        continue;
      }
      const naam = raw.trim();
      let eaId = given;
      if (!eaId) {
        eaId = `no-xmi-id.${naam}`;
        cx.findings.error(
          cx.ea.at(child),
          'missing-id',
          `${type} "${naam}" has no xmi:id; imported with the id ${modelId(eaId)}, which changes when it is renamed: give it an id in the tool that wrote the file`,
        );
      }
      if (cx.classifiers.has(eaId)) {
        // The second element with an id (reported as duplicate-id): references to the id go to the first.
        cx.account(child);
        continue;
      }
      cx.account(child);
      if (naam !== raw)
        cx.findings.warning(
          cx.ea.at(child),
          'name-whitespace',
          `the name "${raw}" has white space at its start or end; imported as "${naam}"`,
        );
      const stereotype = cx.ea.stereotype(eaId);
      const kind = kindOf(cx, child, type, stereotype, naam);
      cx.classifiers.set(eaId, {
        eaId,
        node: child,
        naam,
        kind,
        stereotype,
        standaard: kind === 'standaard' ? standaardNaam(naam) : undefined,
      });
      visit(child); // nested classifiers
    }
  };
  visit(pkg);
}

function kindOf(cx: ConvertContext, node: XNode, type: string, stereotype: string | undefined, naam: string): Kind {
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
      cx.findings.warning(
        cx.ea.at(node),
        'referentielijst',
        `referentielijst "${naam}" is imported as a codelijst: the model format has no referentielijst; its referentie-elementen are listed in a comment`,
      );
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
        cx.findings.warning(
          cx.ea.at(node),
          'unknown-stereotype',
          `class "${naam}" has the stereotype «${stereotype}», which MIM does not define; imported as an objecttype`,
        );
        return 'objecttype';
      }
  }
  if (type === 'uml:Enumeration') {
    cx.findings.warning(
      cx.ea.at(node),
      'missing-stereotype',
      `enumeration "${naam}" has no MIM stereotype; imported as an enumeratie`,
    );
    return 'enumeratie';
  }
  if (
    (type === 'uml:Interface' || type === 'uml:PrimitiveType' || type === 'uml:DataType') &&
    !hasAttributes &&
    standaardNaam(naam)
  )
    return 'standaard';
  if (type === 'uml:DataType') return hasAttributes ? 'gestructureerdDatatype' : 'primitiefDatatype';
  if (type === 'uml:PrimitiveType' || type === 'uml:Interface') return 'primitiefDatatype';
  cx.findings.warning(
    cx.ea.at(node),
    'missing-stereotype',
    `class "${naam}" has no MIM stereotype; imported as an objecttype`,
  );
  return 'objecttype';
}

/** The informatiemodel section, from the package; run last, so that `gebruikt` holds every shared file referred to. */
export function header(cx: ConvertContext, pkg: XNode): Data {
  const eaId = pkg.attrs['xmi:id'] ?? 'package';
  const { data: meta, tags } = metadata(cx, eaId, `package "${pkg.attrs.name ?? ''}"`);
  const ext = cx.ea.extElement(eaId);
  const versie =
    tags.get('versie')?.value.trim() ??
    kid(ext, 'packageproperties')?.attrs.version ??
    kid(ext, 'project')?.attrs.version ??
    '0';
  const mimVersie = tags.get('mim versie')?.value.trim() ?? mimVersion(cx);
  return {
    id: modelId(eaId),
    naam: (pkg.attrs.name ?? '').trim() || 'Informatiemodel',
    versie,
    mimVersie,
    definitie: meta.definitie,
    toelichting: meta.toelichting,
    herkomst: meta.herkomst,
    basisUri: tags.get('basis uri')?.value.trim(),
    gebruikt: [...cx.gebruikt].sort(),
  };
}

function mimVersion(cx: ConvertContext): string | undefined {
  for (const [prefix, uri] of Object.entries(namespaces(cx))) {
    const m = /\/profiles\/MIM\/(\d+(?:\.\d+)*)$/.exec(uri);
    if (m && prefix === 'MIM') return m[1];
  }
  return undefined;
}

function namespaces(cx: ConvertContext): Record<string, string> {
  const result: Record<string, string> = {};
  for (const c of descendants(cx.ea.root)) if (c.prefix && c.uri && !(c.prefix in result)) result[c.prefix] = c.uri;
  return result;
}

// ----- elements -----

export function build(cx: ConvertContext, c: Classifier): void {
  switch (c.kind) {
    case 'objecttype':
    case 'gegevensgroeptype':
      return objecttype(cx, c);
    case 'enumeratie':
      return enumeratie(cx, c);
    case 'codelijst':
      return codelijst(cx, c);
    case 'primitiefDatatype':
      return primitief(cx, c);
    case 'gestructureerdDatatype':
      return gestructureerd(cx, c);
    case 'keuze':
      return keuze(cx, c);
    case 'standaard':
      return;
  }
}

function objecttype(cx: ConvertContext, c: Classifier): void {
  const { data: meta, tags } = metadata(cx, c.eaId, `${c.kind} "${c.naam}"`);
  const data: Data = { id: modelId(c.eaId), naam: c.naam, ...meta };
  if (c.kind === 'objecttype') {
    cx.counts.objecttypen++;
    const abstract =
      c.node.attrs.isAbstract === 'true' || bool(cx, tags.get('indicatie abstract object'), c.naam) === true;
    data.indicatieAbstractObject = abstract || undefined;
    data.supertypen = [];
  } else {
    cx.counts.gegevensgroeptypen++;
  }
  data.attribuutsoorten = [];
  data.gegevensgroepen = [];
  if (c.kind === 'objecttype') data.relatiesoorten = [];
  data.constraints = constraints(cx, c);
  c.data = data;
  for (const attr of attributes(cx, c.node)) {
    const built = attribuut(cx, attr, c);
    if (!built) continue;
    if (built.gegevensgroep) {
      (data.gegevensgroepen as Data[]).push(built.data);
      cx.counts.gegevensgroepen++;
    } else {
      (data.attribuutsoorten as Data[]).push(built.data);
      cx.counts.attribuutsoorten++;
    }
  }
}

/** The owned attributes that are not association ends, in EA's order (its position, else the file's). */
function attributes(cx: ConvertContext, node: XNode): XNode[] {
  const list = kids(node, 'ownedAttribute').filter((a) => !a.attrs.association);
  const pos = (a: XNode) => {
    const p = kid(cx.ea.extAttribute(a.attrs['xmi:id'] ?? ''), 'containment')?.attrs.position;
    return p !== undefined && /^\d+$/.test(p) ? Number(p) : undefined;
  };
  return list
    .map((a, i) => ({ a, i, p: pos(a) }))
    .sort((x, y) => (x.p ?? x.i) - (y.p ?? y.i) || x.i - y.i)
    .map((x) => x.a);
}

function attribuut(
  cx: ConvertContext,
  attr: XNode,
  owner: Classifier,
): { data: Data; gegevensgroep: boolean } | undefined {
  cx.account(attr);
  const naam = elementNaam(cx, attr, `an attribute of ${owner.naam}`);
  if (!naam) return undefined;
  const { eaId, id } = ids(cx, attr, owner, naam);
  const what = `attribuutsoort "${naam}" of ${owner.naam}`;
  const ref = typeRef(cx, attr, what);
  const { data: meta, tags } = metadata(cx, eaId, what);
  const kardinaliteit = multiplicity(cx, attr, what, extBounds(cx, eaId));
  if (ref.soort === 'weglaten') {
    cx.commentBefore(owner.data!, `${what}: ${ref.comment}`);
    return undefined;
  }
  if (ref.soort === 'intern' && ref.classifier.kind === 'gegevensgroeptype') {
    const data: Data = {
      id,
      naam,
      type: ref.naam,
      kardinaliteit,
      ...beschrijving(meta),
      ...historie(cx, tags, what),
    };
    return { data, gegevensgroep: true };
  }
  const data: Data = {
    id,
    naam,
    alias: meta.alias,
    type: ref.naam,
    kardinaliteit,
    ...beschrijving(meta),
    authentiek: authentiek(cx, tags.get('authentiek'), what),
    mogelijkGeenWaarde: bool(cx, tags.get('mogelijk geen waarde'), what),
    identificerend: bool(cx, tags.get('identificerend'), what) ?? (attr.attrs.isID === 'true' || undefined),
    lengte: lengte(cx, tags.get('lengte'), what),
    patroon: tags.get('patroon')?.value.trim(),
    formeelPatroon: tags.get('formeel patroon')?.value.trim(),
    ...historie(cx, tags, what),
  };
  if (ref.soort === 'extern') cx.commentOn(data, 'type', ref.comment);
  return { data, gegevensgroep: false };
}

function enumeratie(cx: ConvertContext, c: Classifier): void {
  const { data: meta } = metadata(cx, c.eaId, `enumeratie "${c.naam}"`);
  const literals = [...kids(c.node, 'ownedLiteral'), ...attributes(cx, c.node)];
  const waarden = literals.flatMap((l) => {
    cx.account(l);
    const naam = elementNaam(cx, l, `a value of ${c.naam}`);
    if (!naam) return [];
    const { eaId, id } = ids(cx, l, c, naam);
    const { data: m, tags } = metadata(cx, eaId, `waarde "${naam}" of ${c.naam}`);
    cx.counts.waarden++;
    return [
      {
        id,
        naam,
        code: tags.get('code')?.value.trim(),
        definitie: m.definitie,
        toelichting: m.toelichting,
      },
    ];
  });
  cx.counts.enumeraties++;
  c.data = { id: modelId(c.eaId), naam: c.naam, ...meta, alias: undefined, waarden };
}

function codelijst(cx: ConvertContext, c: Classifier): void {
  const { data: meta, tags } = metadata(cx, c.eaId, `codelijst "${c.naam}"`);
  cx.counts.codelijsten++;
  c.data = { id: modelId(c.eaId), naam: c.naam, ...meta, alias: undefined, locatie: tags.get('locatie')?.value.trim() };
  const elements = attributes(cx, c.node);
  if (elements.length > 0) {
    const list = elements.map((e) => {
      cx.account(e);
      const ref = typeRef(cx, e, `referentie-element "${e.attrs.name ?? '?'}" of ${c.naam}`);
      return `${e.attrs.name ?? '?'}: ${ref.soort === 'weglaten' ? '?' : ref.naam}`;
    });
    cx.commentBefore(c.data, `EA ${c.stereotype ?? 'Referentielijst'} with the elements ${list.join(', ')}`);
  }
}

function primitief(cx: ConvertContext, c: Classifier): void {
  const what = `primitief datatype "${c.naam}"`;
  const { data: meta, tags } = metadata(cx, c.eaId, what);
  let basis: Basis | undefined = standaardDatatype(standaardNaam(c.naam) ?? '')?.basis;
  for (const g of kids(c.node, 'generalization')) {
    cx.account(g);
    const general = g.attrs.general ?? kid(g, 'general')?.attrs['xmi:idref'];
    // Tools other than EA refer to UML's own primitive types by href: …/PrimitiveTypes.xmi#String.
    const href = kid(g, 'general')?.attrs.href?.replace(/^.*#/, '');
    const target = general
      ? (cx.classifiers.get(general)?.naam ?? cx.ea.byId.get(general)?.attrs.name ?? cx.ea.namesSeen.get(general))
      : href;
    const std = target ? standaardDatatype(standaardNaam(target) ?? '') : undefined;
    if (std) basis ??= std.basis;
  }
  if (!basis) {
    basis = 'tekst';
    cx.findings.warning(
      cx.ea.at(c.node),
      'assumed-basis',
      `${what} says nothing about what its values are; imported with basis tekst (set basis in the model if it is a number, date or boolean)`,
    );
  }
  cx.counts.primitieveDatatypes++;
  c.data = {
    id: modelId(c.eaId),
    naam: c.naam,
    ...meta,
    alias: undefined,
    basis,
    lengte: lengte(cx, tags.get('lengte'), what),
    patroon: tags.get('patroon')?.value.trim(),
    formeelPatroon: tags.get('formeel patroon')?.value.trim(),
  };
}

function gestructureerd(cx: ConvertContext, c: Classifier): void {
  const { data: meta } = metadata(cx, c.eaId, `gestructureerd datatype "${c.naam}"`);
  const dataElementen = attributes(cx, c.node).flatMap((e) => {
    cx.account(e);
    const naam = elementNaam(cx, e, `a data-element of ${c.naam}`);
    if (!naam) return [];
    const what = `data-element "${naam}" of ${c.naam}`;
    const ref = typeRef(cx, e, what);
    if (ref.soort === 'weglaten') {
      cx.commentBefore(meta, `${what}: ${ref.comment}`);
      return [];
    }
    const { eaId, id } = ids(cx, e, c, naam);
    const d: Data = {
      id,
      naam,
      definitie: htmlToMarkdown(cx.ea.documentation(eaId)),
      type: ref.naam,
      kardinaliteit: multiplicity(cx, e, what, extBounds(cx, eaId)),
    };
    if (ref.soort === 'extern') cx.commentOn(d, 'type', ref.comment);
    return [d];
  });
  cx.counts.gestructureerdeDatatypes++;
  c.data = { id: modelId(c.eaId), naam: c.naam, ...meta, alias: undefined, dataElementen };
}

function keuze(cx: ConvertContext, c: Classifier): void {
  const { data: meta } = metadata(cx, c.eaId, `keuze "${c.naam}"`);
  const alternatieven = attributes(cx, c.node).flatMap((a) => {
    cx.account(a);
    const naam = elementNaam(cx, a, `an alternative of ${c.naam}`);
    const ref = typeRef(cx, a, `alternatief "${naam ?? '?'}" of keuze ${c.naam}`);
    if (ref.soort === 'weglaten') return [];
    const alt: Data = { naam, type: ref.naam, definitie: htmlToMarkdown(cx.ea.documentation(a.attrs['xmi:id'] ?? '')) };
    if (ref.soort === 'extern') cx.commentOn(alt, 'type', ref.comment);
    return [alt];
  });
  cx.counts.keuzes++;
  c.data = { id: modelId(c.eaId), naam: c.naam, ...meta, alias: undefined, alternatieven };
}

/** EA's constraints from its extension, else UML's ownedRules (a name and a specification's body). */
function constraints(cx: ConvertContext, c: Classifier): Data[] {
  const rules = kids(c.node, 'ownedRule');
  for (const r of rules) cx.account(r);
  const ext = kid(cx.ea.extElement(c.eaId), 'constraints');
  if (!ext && rules.length > 0)
    return rules.flatMap((r, i) => {
      const naam = r.attrs.name?.trim();
      const spec = kid(r, 'specification');
      const body = spec?.attrs.body ?? spec?.attrs.value ?? kid(spec, 'body')?.text;
      if (!naam && !body) return [];
      return [
        {
          id: `${modelId(c.eaId)}.constraint-${i + 1}`,
          naam: naam ?? `constraint ${i + 1}`,
          specificatie: htmlToMarkdown(body) ?? naam,
        },
      ];
    });
  const list = kids(ext ?? ({ children: [] } as unknown as XNode), 'constraint');
  return list.flatMap((k, i) => {
    const naam = k.attrs.name?.trim();
    if (!naam) return [];
    const specificatie = htmlToMarkdown(k.attrs.notes) ?? naam;
    return [{ id: `${modelId(c.eaId)}.constraint-${i + 1}`, naam, specificatie }];
  });
}

/**
 * The id to read EA's extension by and the model id of an attribute, value or data-element: its xmi:id; where
 * that is empty (EA's literals with xmi:id=""), the id EA's extension gives the attribute of that name, else
 * one made from the owner's id and the name.
 */
function ids(cx: ConvertContext, node: XNode, owner: Classifier, naam: string): { eaId: string; id: string } {
  const own = node.attrs['xmi:id']?.trim();
  if (own) return { eaId: own, id: modelId(own) };
  const described = cx.ea.extAttributeByName(owner.eaId, naam);
  const ext = described?.attrs['xmi:idref']?.trim();
  if (ext && !cx.ea.byId.has(ext)) return { eaId: ext, id: modelId(ext) };
  return { eaId: described && !ext ? byNameKey(owner.eaId, naam) : '', id: idOf(node, owner.eaId, naam) };
}

/** The name of an attribute, value or data-element; one without a name is left out, as a model element is known by its name. */
function elementNaam(cx: ConvertContext, node: XNode, what: string): string | undefined {
  const raw = node.attrs.name;
  if (raw === undefined || raw.trim() === '') {
    cx.findings.warning(
      cx.ea.at(node),
      'unnamed-element',
      `${what} (${node.attrs['xmi:id'] ?? '?'}) has no name and is left out`,
    );
    return undefined;
  }
  if (raw.trim() !== raw)
    cx.findings.warning(
      cx.ea.at(node),
      'name-whitespace',
      `the name "${raw}" has white space at its start or end; imported as "${raw.trim()}"`,
    );
  return raw.trim();
}
