/**
 * What a type, relation target or supertype refers to: a classifier of the package, a MIM datatype (of a
 * shared file, else one the import writes itself), or something outside the export. References outside are
 * collected as external references, which --map points at a model element, --omit leaves out, and otherwise
 * stay unresolved under their EA name.
 */
import { standaardDatatype, standaardNaam } from './datatypes.ts';
import {
  modelId,
  nonEmpty,
  type Classifier,
  type ConvertContext,
  type Data,
  type ExternalReference,
  type Ref,
  type SharedFile,
} from './context.ts';
import { COLLECTIONS } from '../model/resolve.ts';
import { kid, type XNode } from './xml.ts';

/** The type of an attribute: a classifier of the package, a MIM datatype, or something outside. */
export function typeRef(
  cx: ConvertContext,
  attr: XNode,
  what: string,
): Exclude<Ref, { soort: 'intern' }> | { soort: 'intern'; classifier: Classifier; naam: string } {
  const typeNode = kid(attr, 'type');
  const idref = typeNode?.attrs['xmi:idref'] ?? attr.attrs.type;
  const extType = nonEmpty(kid(cx.ea.extAttribute(attr.attrs['xmi:id'] ?? ''), 'properties')?.attrs.type);
  if (!idref) {
    const href = typeNode?.attrs.href;
    const fromHref = href ? href.replace(/^.*#/, '') : undefined;
    const naam = extType ?? fromHref;
    const std = naam ? standaardNaam(naam) : undefined;
    if (std) return standaard(cx, std);
    if (naam) return classifierRef(cx, `name:${naam}`, attr, what, naam);
    cx.findings.warning(cx.ea.at(attr), 'missing-type', `${what} has no type in EA; imported as CharacterString`);
    return standaard(cx, 'CharacterString');
  }
  return classifierRef(cx, idref, typeNode ?? attr, what, extType);
}

export function classifierRef(
  cx: ConvertContext,
  id: string,
  holder: XNode,
  what: string,
  nameHint: string | undefined,
): Ref {
  const intern = cx.classifiers.get(id);
  if (intern) {
    if (intern.kind === 'standaard') return standaard(cx, intern.standaard!);
    return { soort: 'intern', classifier: intern, naam: intern.naam };
  }
  const node = id.startsWith('name:') ? undefined : cx.ea.byId.get(id);
  const eaPrimitive = cx.ea.primitiveIds.has(id) || (/^EA[A-Za-z]*_/.test(id) && !/^EAID_|^EAPK_/.test(id));
  let naam = (
    node?.attrs.name ??
    nameHint ??
    cx.ea.namesSeen.get(id) ??
    (eaPrimitive ? id.replace(/^EA[A-Za-z]*_/, '') : undefined)
  )?.trim();
  if (id.startsWith('name:')) naam = id.slice(5);
  if (!naam) {
    // Imported by the id itself, which the model does not define either: lint goes on reporting it.
    cx.findings.error(
      cx.ea.at(holder),
      'dangling-idref',
      `${what} names xmi:idref "${id}", which no element of the file has and the file gives no name for; imported as a reference to "${id}", which lint reports until it is set`,
    );
    return { soort: 'standaard', naam: id };
  }
  const mapped = lookupOption(cx.options.map, id, naam);
  if (mapped === undefined && !isOmitted(cx, id, naam)) {
    // A datatype by its MIM or EA name: a shared file's, else the MIM catalogue's.
    const node2 = node ?? undefined;
    const datatypeLike =
      eaPrimitive ||
      !node2 ||
      ['uml:PrimitiveType', 'uml:DataType', 'uml:Interface'].includes(node2.attrs['xmi:type'] ?? '');
    if (datatypeLike) {
      const shared = cx.sharedNames.get(naam.toLowerCase());
      if (shared && shared.soort !== 'objecttype' && shared.soort !== 'gegevensgroeptype') {
        cx.gebruikt.add(shared.file);
        noteExternal(cx, id, naam, what, holder, 'datatype', shared.naam, shared.file);
        return { soort: 'standaard', naam: shared.naam };
      }
      const std = standaardNaam(naam);
      if (std) {
        noteExternal(cx, id, naam, what, holder, 'datatype', std);
        return standaard(cx, std);
      }
    }
  }
  const ext = noteExternal(cx, id, naam, what, holder, 'unresolved');
  if (mapped !== undefined) {
    ext.status = 'mapped';
    ext.doel = mapped;
    const target = cx.sharedNames.get(mapped.toLowerCase());
    const internTarget = [...cx.classifiers.values()].find((c) => c.naam === mapped);
    if (target && target.naam === mapped) {
      ext.gebruikt = target.file;
      cx.gebruikt.add(target.file);
    } else if (!internTarget && !standaardNaam(mapped)) {
      cx.errors.push({
        file: cx.options.file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'unknown-map-target',
        message: `--map ${naam}=${mapped}: no shared model file${cx.options.shared.length ? ` (${cx.options.shared.map((s) => s.gebruikt).join(', ')})` : ''} and no element of the import is named "${mapped}"${target ? `; did you mean "${target.naam}"?` : ''}`,
      });
    }
    if (standaardNaam(mapped) && !target && !internTarget) return standaard(cx, standaardNaam(mapped)!);
    return { soort: 'extern', ext, naam: mapped, comment: `EA: ${naam} (${id}), outside the export` };
  }
  if (isOmitted(cx, id, naam)) {
    ext.status = 'omitted';
    return { soort: 'weglaten', ext, comment: `left out on import: it refers to ${naam} (${id}), outside the export` };
  }
  return {
    soort: 'extern',
    ext,
    naam,
    comment: `outside the export (${id}); map it with --map or leave it out with --omit`,
  };
}

function standaard(cx: ConvertContext, naam: string): { soort: 'standaard'; naam: string } {
  const base = standaardDatatype(naam);
  const shared = cx.sharedNames.get((base?.naam ?? naam).toLowerCase());
  if (shared) {
    cx.gebruikt.add(shared.file);
    return { soort: 'standaard', naam };
  }
  if (base && !cx.ownStandaard.has(base.naam)) {
    cx.ownStandaard.set(base.naam, {
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

function noteExternal(
  cx: ConvertContext,
  id: string,
  naam: string,
  what: string,
  holder: XNode,
  status: ExternalReference['status'],
  doel?: string,
  gebruikt?: string,
): ExternalReference {
  const key = id;
  let ext = cx.externals.get(key);
  if (!ext) {
    ext = { eaId: id.startsWith('name:') ? '' : id, naam, status, doel, gebruikt, usages: [] };
    cx.externals.set(key, ext);
  }
  ext.usages.push({ what, at: cx.ea.at(holder) });
  return ext;
}

function lookupOption(map: ReadonlyMap<string, string>, id: string, naam: string): string | undefined {
  for (const [key, value] of map) if (matches(key, id, naam)) return value;
  return undefined;
}

function isOmitted(cx: ConvertContext, id: string, naam: string): boolean {
  return cx.options.omit.some((key) => matches(key, id, naam));
}

export function checkMapKeys(cx: ConvertContext): void {
  const refs = [...cx.externals.values()];
  for (const key of [...cx.options.map.keys(), ...cx.options.omit]) {
    if (!refs.some((r) => matches(key, r.eaId, r.naam))) {
      cx.findings.warning(
        { file: cx.options.file, line: 1, column: 1 },
        'unused-mapping',
        `"${key}" in --map/--omit matches no reference outside the export; check the spelling (EA name or id)`,
      );
    }
  }
}

export function indexShared(cx: ConvertContext, file: SharedFile): void {
  const data = file.data as Data | null;
  if (!data || typeof data !== 'object') return;
  for (const [key, soort] of Object.entries(COLLECTIONS)) {
    const items = data[key];
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      const naam = (item as Data)?.naam;
      if (typeof naam !== 'string') continue;
      if (!cx.sharedNames.has(naam.toLowerCase()))
        cx.sharedNames.set(naam.toLowerCase(), {
          naam,
          file: file.gebruikt,
          soort,
          lengteInNaam: (item as Data).lengteInNaam === true,
        });
    }
  }
}

function matches(key: string, id: string, naam: string): boolean {
  if (id && (key === id || modelId(key) === modelId(id))) return true;
  return key === naam;
}
