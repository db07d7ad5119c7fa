/**
 * The layers of generator/: no import cycle between its folders, and only the CLI (generator/cli/, which
 * holds the writer and the readers) and the one module that reads mimgen's own files (templates, format
 * schemas) touch the file system or start processes. Imports are read with TypeScript's own pre-processor,
 * so that what counts as an import is what the compiler sees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const GENERATOR = join(ROOT, 'generator');

/** The modules allowed to import node:fs or node:child_process, besides everything under generator/cli/. */
const TOOL_FILES = ['generator/common/tool-files.ts'];
const IO_MODULES = /^node:(fs|fs\/promises|child_process)$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

function imports(file: string): string[] {
  return ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/**
 * The layer a module belongs to: its folder (generator/model/load.ts → generator/model), each emitter its own
 * (generator/emit/docs/index.ts → generator/emit/docs: one emitter may use another's output, as the changelog
 * uses the compat schema), and each module at the root its own (index.ts is the public entry and sits on top).
 */
function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 2) return file;
  if (parts[1] === 'emit' && parts.length > 3) return parts.slice(0, 3).join('/');
  return parts.slice(0, 2).join('/');
}

function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sources(GENERATOR)) {
    const from = folderOf(file);
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(ROOT, resolve(ROOT, dirname(file), spec))
        .split('\\')
        .join('/');
      const to = folderOf(target);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${file} → ${target}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every cycle, each as the chain of imports that makes it, found by a depth-first search. */
function cycles(graph: Map<string, Map<string, string>>): string[] {
  const found = new Map<string, string>();
  const visit = (node: string, path: string[]): void => {
    for (const [next, via] of graph.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const ring = [...path.slice(at), next];
        const key = ring.slice(0, -1).sort().join(' ');
        if (!found.has(key)) found.set(key, `${ring.join(' → ')} (closed by ${via})`);
        continue;
      }
      visit(next, [...path, next]);
    }
  };
  for (const node of [...graph.keys()].sort()) visit(node, [node]);
  return [...found.values()];
}

describe('layers of generator/', () => {
  it('has no import cycle between folders', () => {
    const graph = folderGraph();
    expect(graph.size, 'the graph was read').toBeGreaterThan(5);
    expect(cycles(graph)).toEqual([]);
  });

  it('touches the file system and starts processes only in cli/ and the tool-files module', () => {
    const offenders = sources(GENERATOR)
      .filter((f) => !f.startsWith('generator/cli/') && !TOOL_FILES.includes(f))
      .flatMap((f) =>
        imports(f)
          .filter((i) => IO_MODULES.test(i))
          .map((i) => `${f} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it('finds a cycle and an I/O import when there is one (the checks above can fail)', () => {
    const graph = new Map([
      ['a', new Map([['b', 'a.ts → b.ts']])],
      ['b', new Map([['a', 'b.ts → a.ts']])],
    ]);
    expect(cycles(graph)).toEqual(['a → b → a (closed by b.ts → a.ts)']);
    expect(imports('generator/cli/writer.ts').some((i) => IO_MODULES.test(i))).toBe(true);
  });
});
