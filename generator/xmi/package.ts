/**
 * The package to import and what it holds: which package (by --package, else the one at the top), every
 * classifier in it with the kind of MIM element it is (by its stereotype, else by its UML type, with a
 * warning), and the informatiemodel section from the package itself. The classifiers' data is built
 * afterwards (classifiers.ts), relations and supertypen last (associations.ts).
 */
import { normaliseTag } from './ea.ts';
import { standaardNaam } from './datatypes.ts';
import { modelId, type ConvertContext, type Data, type Kind } from './context.ts';
import { XmiError } from './errors.ts';
import { metadata } from './tags.ts';
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

export function selectPackage(cx: ConvertContext): XNode {
  // A package whose xmi:id an earlier element has is a copy (reported as duplicate-id), not a second choice.
  const packages = [...descendants(cx.ea.model)].filter(
    (n) =>
      n.attrs['xmi:type'] === 'uml:Package' &&
      n.attrs['xmi:id'] !== 'EAPrimitiveTypesPackage' &&
      (n.attrs['xmi:id'] === undefined ||
        cx.ea.byId.get(n.attrs['xmi:id']) === n ||
        !cx.ea.byId.has(n.attrs['xmi:id'])),
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
