/**
 * What the readers of MIM-XML elements share (convert.ts, objecttypen.ts, datatypes.ts): the metadata most
 * elements begin with, lists, the references (`xlink:href="#id"` to the name the model format refers by) and
 * the values MIM-XML writes as text (booleans, numbers, authentiek).
 */
import type { XNode } from './parse.ts';
import { META, MIM_CORE, MIM_EXT, MIM_REF, name, Reader, type Fields, type Raw } from './reader.ts';

export const AUTHENTIEK = [
  'Authentiek',
  'Basisgegeven',
  'Wettelijk gegeven',
  'Landelijk kerngegeven',
  'Gemeentelijk kerngegeven',
  'Overig',
];
export const HISTORIE: Fields = { indicatieMaterieleHistorie: 'mapped', indicatieFormeleHistorie: 'mapped' };

export class Elementen {
  constructor(protected readonly r: Reader) {}

  /** id, naam and the metadata MIM gives most elements; undefined (with an error) without a naam. */
  protected meta(node: XNode, kids: Map<string, XNode[]>, owner?: string): Raw | undefined {
    // The model format has an alias for objecttypen and attribuutsoorten only.
    const alias = ['Objecttype', 'Attribuutsoort'].includes(node.local);
    if (!alias && this.r.text(kids, 'alias', node) !== undefined)
      this.r.unmapped(kids.get('alias')![0]!, `${name(node)}/alias`);
    const naam = this.r.text(kids, 'naam', node)?.trim();
    if (naam === undefined) {
      this.r.error(
        node,
        'mim-xml-structure',
        `${name(node)} has no mim:naam; it is left out (a model element is known by its name)`,
      );
      return undefined;
    }
    return {
      id: this.r.id(node, owner ? `${owner}.${naam}` : naam),
      naam,
      definitie: this.r.text(kids, 'definitie', node),
      toelichting: this.r.text(kids, 'toelichting', node),
      herkomst: this.r.text(kids, 'herkomst', node),
      herkomstDefinitie: this.r.text(kids, 'herkomstDefinitie', node),
      datumOpname: this.r.text(kids, 'datumOpname', node),
      alias: alias ? this.r.text(kids, 'alias', node) : undefined,
    };
  }

  protected list(kids: Map<string, XNode[]>, local: string, item: string, read: (n: XNode) => Raw | undefined): Raw[] {
    const out: Raw[] = [];
    for (const l of kids.get(local) ?? [])
      for (const n of this.r.children(l, { [item]: 'mapped' }).get(item) ?? []) push(out, read(n));
    return out;
  }

  protected datatypeMeta(node: XNode, extra: Fields): { raw: Raw; kids: Map<string, XNode[]> } | undefined {
    const kids = this.r.children(node, { ...META, supertypen: 'unmapped', ...extra });
    const raw = this.meta(node, kids);
    return raw ? { raw, kids } : undefined;
  }

  protected historie(kids: Map<string, XNode[]>, node: XNode): Raw {
    return {
      indicatieMaterieleHistorie: this.r.bool(kids, 'indicatieMaterieleHistorie', node),
      indicatieFormeleHistorie: this.r.bool(kids, 'indicatieFormeleHistorie', node),
    };
  }

  protected authentiek(kids: Map<string, XNode[]>, node: XNode): string | undefined {
    const t = this.r.text(kids, 'authentiek', node)?.trim();
    if (t === undefined || AUTHENTIEK.includes(t)) return t;
    this.r.warning(
      kids.get('authentiek')![0]!,
      `authentiek "${t}" is not one of ${AUTHENTIEK.join(', ')}; it is left out`,
    );
    return undefined;
  }

  protected integer(kids: Map<string, XNode[]>, local: string, node: XNode): number | undefined {
    const t = this.r.text(kids, local, node)?.trim();
    if (t === undefined) return undefined;
    if (/^\d+$/.test(t)) return Number(t);
    this.r.warning(
      kids.get(local)![0]!,
      `<mim:${local}> of ${name(node)} is "${t}", not a whole number; it is left out`,
    );
    return undefined;
  }

  /** The name a reference in `container` (mim:type, mim:doel, mim:supertype) refers by; undefined with an error when there is none. */
  protected ref(container: XNode | undefined, owner: XNode, what: string): string | undefined {
    if (!container) {
      this.r.error(owner, 'mim-xml-structure', `${name(owner)} has no mim:${what}; it is left out`);
      return undefined;
    }
    const refs = container.children;
    if (refs.length === 0) {
      this.r.error(
        container,
        'mim-xml-structure',
        `mim:${what} of ${name(owner)} refers to nothing; ${name(owner)} is left out`,
      );
      return undefined;
    }
    for (const extra of refs.slice(1))
      this.r.warning(extra, `mim:${what} holds one reference; <${name(extra)}> is left out`);
    return this.refNode(refs[0]!, owner, what);
  }

  protected refNode(ref: XNode, owner: XNode, what: string): string | undefined {
    const written = ref.text.trim() || ref.attrs.label?.trim() || undefined;
    if (MIM_CORE.test(ref.uri) && ref.local === 'Datatype') {
      if (written === undefined)
        this.r.error(ref, 'mim-xml-structure', `mim:Datatype in mim:${what} of ${name(owner)} names no datatype`);
      return written;
    }
    if (!(ref.uri === MIM_REF || ref.uri === MIM_EXT) || !ref.local.endsWith('Ref')) {
      this.r.warning(ref, `<${name(ref)}> is no reference; mim:${what} of ${name(owner)} is left out`);
      return undefined;
    }
    const href = ref.attrs['xlink:href'];
    if (href === undefined) {
      this.r.error(ref, 'mim-xml-structure', `${name(ref)} has no xlink:href`);
      return written;
    }
    const target = this.r.resolve(href);
    const targetNaam = target ? this.naamOf(target) : undefined;
    if (targetNaam === undefined) {
      this.r.error(
        ref,
        'mim-xml-reference',
        `${name(ref)} xlink:href="${href}" names no element of this file${written ? ` (it says "${written}")` : ''}; it is written as "${written ?? href}", which lint reports until it names a model element`,
      );
      return written ?? href;
    }
    // The name as written where it names the element, also with a length (AN200 for AN).
    if (
      written !== undefined &&
      (written === targetNaam || (written.startsWith(targetNaam) && /^\d+$/.test(written.slice(targetNaam.length))))
    )
      return written;
    return targetNaam;
  }

  protected naamOf(node: XNode): string | undefined {
    const n = node.children.find((c) => MIM_CORE.test(c.uri) && c.local === 'naam');
    const t = n?.text.trim();
    return t ? t : undefined;
  }
}

export function take(k: Map<string, { value: string }>, naam: string): string | undefined {
  const v = k.get(naam)?.value;
  k.delete(naam);
  return v;
}

export function push(list: Raw[], raw: Raw | undefined): void {
  if (raw) list.push(raw);
}
