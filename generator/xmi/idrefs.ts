/**
 * References the conversion does not follow itself (it follows types, ends and generalisations, and reports
 * those): an association named by an end, the client and supplier of a dependency, the classifier of an
 * instance, the element a comment annotates. One that names no element of the file is reported where it
 * stands, so that a broken file is never read as a whole one without a word.
 */
import type { ConvertContext } from './context.ts';
import { descendants, type XNode } from './xml.ts';

const ATTRIBUTES = ['association', 'client', 'supplier', 'classifier', 'annotatedElement', 'navigableOwnedEnd'];
const CHILDREN = new Set(['annotatedElement', 'navigableOwnedEnd', 'client', 'supplier', 'classifier']);

export function checkReferences(cx: ConvertContext, pkg: XNode): void {
  const known = (id: string) => cx.ea.byId.has(id) || cx.ea.namesSeen.has(id);
  const report = (node: XNode, name: string, id: string) =>
    cx.findings.warning(
      cx.ea.at(node),
      'dangling-idref',
      `${name}="${id}" of <${node.local}${node.attrs.name ? ` "${node.attrs.name}"` : ''}> names no element of the file`,
    );
  for (const node of [pkg, ...descendants(pkg)]) {
    for (const name of ATTRIBUTES) {
      const value = node.attrs[name];
      if (value === undefined) continue;
      const ids = value.split(/\s+/).filter((id) => id !== '');
      if (ids.length === 0) report(node, name, value);
      for (const id of ids) if (!known(id)) report(node, name, id);
    }
    const idref = node.attrs['xmi:idref'];
    if (CHILDREN.has(node.local) && idref !== undefined && !known(idref)) report(node, 'xmi:idref', idref);
  }
}
