/**
 * Each classifier's data (the package and its classifiers are found by package.ts): objecttypen and
 * gegevensgroeptypen with their attributes, enumeraties with their values, codelijsten, primitieve and
 * gestructureerde datatypes with their data-elements, keuzes with their alternatieven. Relations and
 * supertypen are added afterwards (associations.ts), once every classifier they may point at is known.
 */
import { byNameKey } from './ea.ts';
import { standaardDatatype, standaardNaam, type Basis } from './datatypes.ts';
import { idOf, modelId, type Classifier, type ConvertContext, type Data } from './context.ts';
import { htmlToMarkdown } from './html.ts';
import { typeRef } from './references.ts';
import { authentiek, beschrijving, bool, extBounds, historie, lengte, metadata, multiplicity } from './tags.ts';
import { kid, kids, type XNode } from './xml.ts';

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
    if (built.relatie) {
      (data.relatiesoorten as Data[]).push(built.data);
      cx.counts.relatiesoorten++;
    } else if (built.gegevensgroep) {
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
): { data: Data; gegevensgroep: boolean; relatie?: boolean } | undefined {
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
  // An attribute typed with an objecttype is, in UML, the navigable end of an association; MIM has no
  // attribuutsoort of an objecttype (lint refuses it), so it becomes the relatiesoort it means (issue 15).
  if (ref.soort === 'intern' && ref.classifier.kind === 'objecttype' && owner.kind === 'objecttype') {
    const data: Data = {
      id,
      naam,
      doel: ref.naam,
      kardinaliteit,
      richting: 'unidirectioneel',
      aggregatie: 'geen',
      ...beschrijving(meta),
      ...historie(cx, tags, what),
    };
    cx.commentOn(data, 'doel', `an attribute typed with objecttype ${ref.naam} in the XMI, imported as a relatiesoort`);
    return { data, gegevensgroep: false, relatie: true };
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
