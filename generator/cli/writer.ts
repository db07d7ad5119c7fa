import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/** Generated files of each model: model folder name → (path inside it → contents). */
export type GeneratedTree = Map<string, Map<string, string>>;

/** The output folder (mimgen.config.yaml's `output`) and, beside it, the names of the trees being swapped. */
function plekken(root: string, output: string): { target: string; parent: string; tmpPrefix: string; oldPrefix: string } {
  const target = join(root, output);
  const naam = basename(target);
  // For generated/: .generated.tmp-<pid> and .generated.old-<pid>, as .gitignore has them.
  return { target, parent: dirname(target), tmpPrefix: `.${naam}.tmp-`, oldPrefix: `.${naam}.old-` };
}

/**
 * Writes the generated tree all at once: the new `generated/` (or the config's output folder) is built
 * beside the old one and swapped in with two renames. Folders of models not in `tree` are carried over
 * unchanged. A run killed at any point leaves either the old or the new tree; the next run cleans up and,
 * if the kill fell between the two renames, puts the old tree back first.
 */
export function writeGenerated(root: string, tree: GeneratedTree, output = 'generated'): void {
  const { target, parent, tmpPrefix, oldPrefix } = plekken(root, output);
  mkdirSync(parent, { recursive: true });
  recover(root, output);
  const tmp = join(parent, `${tmpPrefix}${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  if (existsSync(target)) {
    for (const entry of readdirSync(target)) {
      if (!tree.has(entry)) cpSync(join(target, entry), join(tmp, entry), { recursive: true });
    }
  }
  for (const [model, files] of tree) {
    for (const [path, contents] of files) {
      const file = join(tmp, model, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, contents);
    }
  }
  const old = join(parent, `${oldPrefix}${process.pid}`);
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, old);
  renameSync(tmp, target);
  if (hadTarget) rmSync(old, { recursive: true, force: true });
}

/** Undoes what a killed run left: a half-built tree is removed, a tree moved aside is restored. */
export function recover(root: string, output = 'generated'): void {
  const { target, parent, tmpPrefix, oldPrefix } = plekken(root, output);
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(tmpPrefix)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(oldPrefix)) continue;
    if (!existsSync(target)) renameSync(join(parent, entry), target);
    else rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

/** The files of `generated/` (or the output folder) that differ from `tree`: changed, missing, or no longer generated. */
export function staleFiles(root: string, tree: GeneratedTree, output = 'generated'): string[] {
  const stale: string[] = [];
  const shown = output.replaceAll('\\', '/').replace(/\/+$/, '');
  for (const [model, files] of tree) {
    const dir = join(root, output, model);
    const onDisk = new Set(listFiles(dir).map((f) => relative(dir, f).split('\\').join('/')));
    for (const [path, contents] of files) {
      const file = join(dir, path);
      if (!onDisk.has(path) || readFileSync(file, 'utf8') !== contents) stale.push(`${shown}/${model}/${path}`);
      onDisk.delete(path);
    }
    for (const extra of onDisk) stale.push(`${shown}/${model}/${extra}`);
  }
  return stale.sort();
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
