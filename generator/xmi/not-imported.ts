/**
 * What the import does not turn into model content: every UML element of the imported package that no part
 * of the conversion accounted for (context.ts, `account`) is counted by its kind, and each kind is named in
 * one warning at its first element. An element's own content goes with it (an operation's parameters are
 * not counted apart). Nothing is dropped without a word.
 */
import type { ConvertContext } from './context.ts';
import type { XNode } from './xml.ts';

/** Elements of the UML part that are not model elements: how the file is organised, or a use of a profile. */
const NOT_CONTENT = new Set(['profileApplication', 'packageImport']);

export function reportNotImported(cx: ConvertContext, pkg: XNode): void {
  const kinds = new Map<string, { count: number; first: XNode }>();
  const walk = (node: XNode) => {
    for (const c of node.children) {
      if (c.name.startsWith('xmi:') || NOT_CONTENT.has(c.local)) continue;
      // A reference (<type xmi:idref=…/>) or a stereotype application is no element of its own.
      if (c.attrs['xmi:type'] === undefined && c.attrs['xmi:id'] === undefined) continue;
      if (Object.keys(c.attrs).some((k) => k.startsWith('base_'))) continue;
      if (cx.accounted.has(c)) {
        walk(c);
        continue;
      }
      const kind = kindOf(cx, c);
      const seen = kinds.get(kind);
      if (seen) seen.count++;
      else kinds.set(kind, { count: 1, first: c });
    }
  };
  walk(pkg);
  for (const [kind, { count, first }] of [...kinds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    cx.notImported.set(kind, count);
    cx.findings.warning(
      cx.ea.at(first),
      'not-imported',
      `${count} ${kind} element${count === 1 ? ' is' : 's are'} not turned into model content (the first here${first.attrs.name ? `: "${first.attrs.name}"` : ''}); the model format has no place for ${count === 1 ? 'it' : 'them'}`,
    );
  }
}

/** The element's name and UML type (`ownedOperation uml:Operation`); EA's own type where its extension gives one (`uml:Note`). */
function kindOf(cx: ConvertContext, node: XNode): string {
  const ext = cx.ea.extElement(node.attrs['xmi:id'] ?? '')?.attrs['xmi:type'];
  const type = ext ?? node.attrs['xmi:type'];
  return type ? `${node.local} ${type}` : node.local;
}
