/**
 * The EA model of one package to the data of the project's model format: objecttypen with their
 * attribuutsoorten, gegevensgroepen, relatiesoorten and supertypen, and the datatypes (enumeraties,
 * codelijsten, primitieve and gestructureerde datatypes, keuzes). References to classes outside the
 * package are collected as external references, which the caller maps, leaves out or leaves unresolved.
 *
 * The parts run in a fixed order over one ConvertContext (context.ts): the classifiers first (classifiers.ts),
 * then the associations and generalisaties that point at them (associations.ts); both resolve their types
 * through references.ts and read EA's tagged values through tags.ts. Findings are reported in that order.
 */
import type { EaModel } from './ea.ts';
import { associations, generalisaties } from './associations.ts';
import { build } from './classifiers.ts';
import { collect, header, selectPackage } from './package.ts';
import {
  cmp,
  ConvertContext,
  modelId,
  type Classifier,
  type Comments,
  type ConvertOptions,
  type Counts,
  type Data,
  type ExternalReference,
  type Kind,
} from './context.ts';
import type { Finding } from '../diagnostics/findings.ts';
import { XmiError } from './errors.ts';
import { checkMapKeys, indexShared } from './references.ts';
import { checkReferences } from './idrefs.ts';
import { reportNotImported } from './not-imported.ts';
import { reportIgnoredTags } from './tags.ts';

export { modelId };
export type { ConvertOptions, Counts, Data, ExternalReference };
export type { SharedFile } from './context.ts';

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
  comments: Comments;
  packageNaam: string;
  packageId: string;
  /** The tool that wrote the file, as it says; `ea` is true for Enterprise Architect. */
  exporter: { naam?: string; ea: boolean };
  /** UML elements of the package that are not model content, by kind, as the `not-imported` warnings count them. */
  notImported: Record<string, number>;
}

export function convert(ea: EaModel, options: ConvertOptions): Converted {
  const cx = new ConvertContext(ea, options);
  cx.findings.all.push(...ea.findings);
  for (const file of options.shared) indexShared(cx, file);
  const pkg = selectPackage(cx);
  collect(cx, pkg);
  for (const c of sorted(cx)) build(cx, c);
  associations(cx);
  for (const c of sorted(cx)) if (c.kind === 'objecttype') generalisaties(cx, c);
  // Errors in the file are findings beside the model; only what makes the command itself unusable (a --map
  // target no model defines) refuses the import, and then with every error found.
  if (cx.errors.length > 0) throw new XmiError([...cx.findings.errors, ...cx.errors]);
  checkMapKeys(cx);

  const of = (kind: Kind) =>
    sorted(cx)
      .filter((c) => c.kind === kind && c.data)
      .map((c) => c.data!);
  const primitieve = [...of('primitiefDatatype'), ...[...cx.ownStandaard.values()]].sort(byId);
  const informatiemodel = header(cx, pkg);
  const result: Converted = {
    informatiemodel,
    objecttypen: of('objecttype'),
    gegevensgroeptypen: of('gegevensgroeptype'),
    enumeraties: of('enumeratie'),
    codelijsten: of('codelijst'),
    primitieveDatatypes: primitieve,
    gestructureerdeDatatypes: of('gestructureerdDatatype'),
    keuzes: of('keuze'),
    externals: [...cx.externals.values()].sort((a, b) => cmp(a.naam, b.naam) || cmp(a.eaId, b.eaId)),
    findings: cx.findings.all,
    counts: { ...cx.counts, primitieveDatatypes: primitieve.length },
    comments: cx.comments,
    packageNaam: pkg.attrs.name ?? '',
    packageId: pkg.attrs['xmi:id'] ?? '',
    exporter: { naam: ea.exporter, ea: ea.isEa },
    notImported: {},
  };
  reportIgnoredTags(cx, pkg);
  checkReferences(cx, pkg);
  reportNotImported(cx, pkg);
  result.notImported = Object.fromEntries(cx.notImported);
  return result;
}

/** In the order of their id: EA's export order follows the project browser, which moves an element when it is renamed. */
function sorted(cx: ConvertContext): Classifier[] {
  return [...cx.classifiers.values()].sort((a, b) => cmp(modelId(a.eaId), modelId(b.eaId)));
}

function byId(a: Data, b: Data): number {
  return cmp(String(a.id), String(b.id));
}
