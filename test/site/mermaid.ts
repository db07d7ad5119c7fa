/** What a Mermaid classDiagram declares, to compare with what chromium drew. */

/** The UML classes of a Mermaid classDiagram by id, with their label: each `class id["Label"]` and each end of a relation. */
export function mermaidClasses(code: string): Map<string, string | undefined> {
  const classes = new Map<string, string | undefined>();
  for (const line of code.split('\n')) {
    const decl = /^\s*class\s+([\w-]+)(?:\["([^"]*)"\])?/.exec(line);
    if (decl) {
      classes.set(decl[1]!, decl[2]);
      continue;
    }
    const rel = /^\s*([\w-]+)\s+(?:"[^"]*"\s+)?[<*o|.-]*(?:--|\.\.)[>*o|.-]*\s+(?:"[^"]*"\s+)?([\w-]+)/.exec(line);
    if (rel) for (const id of [rel[1]!, rel[2]!]) if (!classes.has(id)) classes.set(id, undefined);
  }
  return classes;
}

/** The class id of a node mermaid drew (`<svg id>-classId-ot_client-3` or `classId-ot_client-3`). */
export function drawnClassId(nodeId: string): string {
  return /classId-(.+)-\d+$/.exec(nodeId)?.[1] ?? nodeId;
}
