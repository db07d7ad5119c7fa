/**
 * UML associations to relatiesoorten (or gegevensgroepen, or alternatieven of a keuze) on the classifier
 * they start from, and generalizations to supertypen. Both run after every classifier is built, because they
 * add to the data of the classifiers at either end.
 */
import { normaliseTag } from './ea.ts';
import { cmp, modelId, type Classifier, type ConvertContext, type Data } from './context.ts';
import { htmlToMarkdown } from './html.ts';
import { classifierRef } from './references.ts';
import { authentiek, beschrijving, bool, historie, metadata, multiplicity } from './tags.ts';
import { descendants, isPackaged, kid, kids, type XNode } from './xml.ts';

/** Every association of the file, in the order of its id, so that the relations of a class are too. */
export function associations(cx: ConvertContext): void {
  const found: { node: XNode; eaId: string }[] = [];
  for (const node of descendants(cx.ea.model)) {
    const type = node.attrs['xmi:type'];
    if (!isPackaged(node) || (type !== 'uml:Association' && type !== 'uml:AssociationClass')) continue;
    found.push({ node, eaId: node.attrs['xmi:id'] ?? '' });
  }
  found.sort((a, b) => cmp(modelId(a.eaId), modelId(b.eaId)));
  const selected = new Set([...cx.classifiers.values()].map((c) => c.node.parent?.attrs['xmi:id'] ?? ''));
  const relaties: Relatie[] = [];
  for (const { node, eaId } of found) {
    const r = association(cx, node, eaId, selected);
    if (r) relaties.push(r);
  }
  defaultRollen(cx, relaties);
}

/** A relatiesoort as imported, with its owner and the association it came from. */
interface Relatie {
  owner: string;
  data: Data;
  node: XNode;
}

/**
 * Issue 15, item 1: real models (GGM) give one objecttype several associations of the same name (`heeft`) to
 * different objecttypen, with unnamed ends. Lint rightly refuses a name twice on one objecttype (it becomes one
 * property); UML names an unnamed association end after its class with a lowercase first letter (UML 2.5,
 * 11.5.4), so such a relation gets that default as its rol, said with an unnamed-relation warning. A relation
 * with a role of its own, or whose default is taken on the objecttype, is left as it is (lint then says it).
 */
function defaultRollen(cx: ConvertContext, relaties: Relatie[]): void {
  const perOwner = new Map<string, Relatie[]>();
  for (const r of relaties) perOwner.set(r.owner, [...(perOwner.get(r.owner) ?? []), r]);
  for (const [owner, lijst] of perOwner) {
    const key = (r: Relatie) => String(r.data.rol ?? r.data.naam).toLowerCase();
    const aantal = new Map<string, number>();
    for (const r of lijst) aantal.set(key(r), (aantal.get(key(r)) ?? 0) + 1);
    const bezet = new Set(lijst.map(key));
    for (const r of lijst) {
      if (r.data.rol !== undefined || (aantal.get(key(r)) ?? 0) < 2) continue;
      const rol = lcfirst(String(r.data.doel));
      if (bezet.has(rol.toLowerCase())) continue;
      bezet.add(rol.toLowerCase());
      r.data.rol = rol;
      cx.findings.warning(
        cx.ea.at(r.node),
        'unnamed-relation',
        `relatiesoort "${String(r.data.naam)}" of ${owner} to ${String(r.data.doel)} has a name another relation of ${owner} has, and its end has no role; imported with UML's default end name "${rol}" as rol`,
      );
    }
  }
}

function association(cx: ConvertContext, node: XNode, eaId: string, selected: Set<string>): Relatie | undefined {
  const connector = cx.ea.extConnector(eaId);
  const endIds = kids(node, 'memberEnd').map((m) => ({ id: m.attrs['xmi:idref'], holder: m }));
  if (endIds.length === 0 && node.attrs.memberEnd)
    endIds.push(...node.attrs.memberEnd.split(/\s+/).map((id) => ({ id, holder: node })));
  const ends: XNode[] = [];
  const missing: { id: string | undefined; holder: XNode }[] = [];
  for (const e of endIds) {
    const end = e.id ? cx.ea.byId.get(e.id) : undefined;
    if (end) ends.push(end);
    else missing.push(e);
  }
  const typeOf = (end: XNode | undefined) =>
    end ? (kid(end, 'type')?.attrs['xmi:idref'] ?? end.attrs.type) : undefined;
  let srcExt = kid(connector, 'source');
  let tgtExt = kid(connector, 'target');
  const srcId = srcExt?.attrs['xmi:idref'];
  const tgtId = tgtExt?.attrs['xmi:idref'];
  for (const m of missing) {
    // EA at times leaves out the property of an end; its connector in the extension still describes it.
    const text = `memberEnd of association "${node.attrs.name ?? eaId}" (${eaId}) names xmi:idref "${m.id ?? ''}", which no element of the file has`;
    if (srcId && tgtId) {
      if (touchesSelection(node, selected))
        cx.findings.warning(
          cx.ea.at(m.holder),
          'dangling-idref',
          `${text}; the end is read from EA's connector instead`,
        );
    } else if (touchesSelection(node, selected)) {
      for (const n of [node, ...ends]) cx.account(n);
      cx.findings.error(cx.ea.at(m.holder), 'dangling-idref', `${text}; the association is left out`);
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
      tgtEnd =
        ends.find((e) => /dst/i.test(e.attrs['xmi:id'] ?? '')) ??
        ends.find((e) => e.name === 'ownedAttribute') ??
        ends[0];
      srcEnd = ends.find((e) => e !== tgtEnd);
    }
  } else {
    if (ends.length !== 2) {
      if (touchesSelection(node, selected)) {
        for (const n of [node, ...ends]) cx.account(n);
        cx.findings.warning(
          cx.ea.at(node),
          'unsupported-relation',
          `association "${node.attrs.name ?? eaId}" has ${ends.length} ends; the model format has relations between two ends only, so it is left out`,
        );
      }
      return;
    }
    // UML's way: the navigable end is an ownedAttribute of the class it starts from (or a navigableOwnedEnd
    // of the association), the other an ownedEnd of the association.
    const navigable = navigableEnds(node, ends);
    tgtEnd = navigable[0] ?? ends[0]!;
    srcEnd = ends.find((e) => e !== tgtEnd)!;
  }
  let direction = kid(connector, 'properties')?.attrs.direction;
  if (!direction || direction === 'Unspecified') {
    const nav = (end: 'source' | 'target') => kid(kid(connector, end), 'modifiers')?.attrs.isNavigable === 'true';
    if (connector && nav('source') && !nav('target')) direction = 'Destination -> Source';
    else if (connector && nav('source') && nav('target')) direction = 'Bi-Directional';
    else if (!connector && navigableEnds(node, ends).length === 2) direction = 'Bi-Directional';
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
    if (touchesSelection(node, selected)) {
      for (const n of [node, ...ends]) cx.account(n);
      cx.findings.error(
        cx.ea.at((!ownerId ? srcEnd : tgtEnd) ?? node),
        'dangling-idref',
        `an end of association "${node.attrs.name ?? eaId}" (${eaId}) has no type; the association is left out`,
      );
    }
    return;
  }
  const owner = cx.classifiers.get(ownerId);
  if (owner || cx.classifiers.has(doelId)) for (const n of [node, ...ends]) cx.account(n);
  const doelIntern = cx.classifiers.get(doelId);
  if (!owner) {
    if (doelIntern) {
      const ownerName = cx.ea.byId.get(ownerId)?.attrs.name ?? cx.ea.namesSeen.get(ownerId) ?? ownerId;
      cx.findings.warning(
        cx.ea.at(node),
        'foreign-relation',
        `association "${node.attrs.name ?? eaId}" from "${ownerName}" (outside the package) to ${doelIntern.naam} is left out: the model keeps a relation with the objecttype it starts from`,
      );
    }
    return;
  }
  const rol = endName(tgtEnd, tgtExt);
  const rolBron = endName(srcEnd, srcExt);
  const assocNaam = node.attrs.name?.trim() || undefined;
  const what = `relatiesoort "${assocNaam ?? rol ?? '?'}" of ${owner.naam}`;
  const ref = classifierRef(
    cx,
    doelId,
    tgtEnd ?? tgtExt ?? node,
    what,
    tgtExt ? kid(tgtExt, 'model')?.attrs.name : undefined,
  );
  const endMultiplicity = (end: XNode | undefined, ext: XNode | undefined, w: string) => {
    const m = kid(ext, 'type')?.attrs.multiplicity;
    if (end) return multiplicity(cx, end, w, { multiplicity: m });
    return m ? multiplicity(cx, ext!, w, { multiplicity: m }) : undefined;
  };
  const kardinaliteit = endMultiplicity(tgtEnd, tgtExt, what);
  const kardinaliteitBron = endMultiplicity(srcEnd, srcExt, `the source end of ${what}`);
  const stereotype = cx.ea.stereotype(eaId);

  if (owner.kind === 'keuze') {
    if (ref.soort === 'weglaten') return;
    const alt: Data = { naam: rol ?? assocNaam, type: ref.naam, definitie: htmlToMarkdown(cx.ea.documentation(eaId)) };
    if (ref.soort === 'extern') cx.commentOn(alt, 'type', ref.comment);
    (owner.data!.alternatieven as Data[]).push(alt);
    return;
  }
  if (owner.kind !== 'objecttype') {
    cx.findings.warning(
      cx.ea.at(node),
      'unsupported-relation',
      `association "${assocNaam ?? eaId}" starts at ${owner.kind} ${owner.naam}; the model format has relations only on objecttypen, so it is left out`,
    );
    return;
  }
  if (ref.soort === 'weglaten') {
    cx.commentBefore(owner.data!, `${what}: ${ref.comment}`);
    return;
  }
  // A keuze tussen relatiedoelen (MIM 1.1): the model format's relatiesoort points at one objecttype, so the
  // relation is left out, said at its place in the file and in the YAML (issue 15: the import lints clean).
  if (ref.soort === 'intern' && ref.classifier.kind === 'keuze') {
    const tekst = `${what} points at keuze "${ref.naam}" (a keuze tussen relatiedoelen), which the model format has no relatiesoort for; it is left out (write one relatiesoort per objecttype of the keuze if you need them)`;
    cx.findings.warning(cx.ea.at(node), 'unsupported-relation', tekst);
    cx.commentBefore(owner.data!, tekst);
    return;
  }
  const { data: meta, tags } = metadata(cx, eaId, what);
  const aggregatie = [
    srcEnd?.attrs.aggregation,
    tgtEnd?.attrs.aggregation,
    kid(srcExt, 'type')?.attrs.aggregation,
    kid(tgtExt, 'type')?.attrs.aggregation,
  ];
  if (ref.soort === 'intern' && ref.classifier.kind === 'gegevensgroeptype') {
    (owner.data!.gegevensgroepen as Data[]).push({
      id: modelId(eaId),
      naam: rol ?? assocNaam ?? ref.naam,
      type: ref.naam,
      kardinaliteit,
      definitie: meta.definitie,
      toelichting: meta.toelichting,
      herkomst: meta.herkomst,
    });
    cx.counts.gegevensgroepen++;
    return;
  }
  let naam = assocNaam;
  if (!naam) {
    naam = rol ?? lcfirst(ref.naam);
    cx.findings.warning(
      cx.ea.at(node),
      'unnamed-relation',
      `the association from ${owner.naam} to ${ref.naam} (${eaId}) has no name; imported as "${naam}"`,
    );
  }
  const ownAttributes = kids(node, 'ownedAttribute').filter((a) => !a.attrs.association);
  for (const a of ownAttributes) cx.account(a);
  if (node.attrs['xmi:type'] === 'uml:AssociationClass' && ownAttributes.length > 0) {
    cx.findings.warning(
      cx.ea.at(node),
      'relatieklasse',
      `relatieklasse "${naam}" is imported as a relatiesoort; its attributes are left out (the model format has no relatieklasse)`,
    );
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
    ...beschrijving(meta),
    authentiek: authentiek(cx, tags.get('authentiek'), what),
    mogelijkGeenWaarde: bool(cx, tags.get('mogelijk geen waarde'), what),
    ...historie(cx, tags, what),
  };
  if (stereotype && !['relatiesoort', 'externe koppeling', 'relatieklasse'].includes(normaliseTag(stereotype))) {
    cx.findings.warning(
      cx.ea.at(node),
      'unknown-stereotype',
      `association "${naam}" has the stereotype «${stereotype}»; imported as a relatiesoort`,
    );
  }
  if (ref.soort === 'extern') cx.commentOn(data, 'doel', ref.comment);
  (owner.data!.relatiesoorten as Data[]).push(data);
  cx.counts.relatiesoorten++;
  return { owner: owner.naam, data, node };
}

/** Whether the association lies in a package the import takes classifiers from: only there a broken end is the import's problem. */
function touchesSelection(node: XNode, selected: Set<string>): boolean {
  for (let p: XNode | undefined = node; p; p = p.parent)
    if (p.attrs['xmi:id'] && selected.has(p.attrs['xmi:id'])) return true;
  return false;
}

/** The ends of an association that can be followed: owned by a class, or listed as navigableOwnedEnd. */
function navigableEnds(node: XNode, ends: XNode[]): XNode[] {
  const listed = new Set([
    ...kids(node, 'navigableOwnedEnd').map((n) => n.attrs['xmi:idref'] ?? ''),
    ...(node.attrs.navigableOwnedEnd ?? '').split(/\s+/),
  ]);
  return ends.filter((e) => e.name === 'ownedAttribute' || listed.has(e.attrs['xmi:id'] ?? ''));
}

function endName(end: XNode | undefined, ext: XNode | undefined): string | undefined {
  const naam = end?.attrs.name?.trim() || kid(ext, 'role')?.attrs.name?.trim();
  return naam || undefined;
}

export function generalisaties(cx: ConvertContext, c: Classifier): void {
  const supertypen = c.data!.supertypen as string[];
  const list = kids(c.node, 'generalization').sort((a, b) =>
    cmp(modelId(a.attrs['xmi:id'] ?? ''), modelId(b.attrs['xmi:id'] ?? '')),
  );
  for (const g of list) {
    const general = g.attrs.general ?? kid(g, 'general')?.attrs['xmi:idref'];
    cx.account(g);
    if (!general) {
      if (!kid(g, 'general')?.attrs.href)
        cx.findings.error(
          cx.ea.at(g),
          'dangling-idref',
          `the generalization of ${c.naam} names no general class; it is left out`,
        );
      continue;
    }
    const what = `the generalisatie of objecttype ${c.naam}`;
    const hint = kid(kid(cx.ea.extConnector(g.attrs['xmi:id'] ?? ''), 'target'), 'model')?.attrs.name;
    const ref = classifierRef(cx, general, g, what, hint);
    if (ref.soort === 'weglaten') {
      cx.commentBefore(c.data!, `${what}: ${ref.comment}`);
      continue;
    }
    if (ref.soort === 'intern' && ref.classifier.kind !== 'objecttype') {
      cx.findings.warning(
        cx.ea.at(g),
        'unsupported-generalisatie',
        `${c.naam} specialises ${ref.classifier.kind} ${ref.naam}; a generalisatie is between objecttypen, so it is left out`,
      );
      continue;
    }
    supertypen.push(ref.naam);
    if (ref.soort === 'extern') cx.commentOn(c.data!, 'supertypen', `${ref.naam}: ${ref.comment}`);
    cx.counts.generalisaties++;
  }
}

function lcfirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
