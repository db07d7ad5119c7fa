import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Generated files of each model: model folder name → (path inside it → contents). */
export type GeneratedTree = Map<string, Map<string, string>>;

const TMP_PREFIX = '.generated.tmp-';
const OLD_PREFIX = '.generated.old-';

/**
 * Writes the generated tree all at once: the new `generated/` is built beside the old one and swapped in
 * with two renames. Folders of models not in `tree` are carried over unchanged. A run killed at any point
 * leaves either the old or the new tree; the next run cleans up and, if the kill fell between the two
 * renames, puts the old tree back first.
 */
export function writeGenerated(root: string, tree: GeneratedTree): void {
  const target = join(root, 'generated');
  recover(root);
  const tmp = join(root, `${TMP_PREFIX}${process.pid}`);
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
  const old = join(root, `${OLD_PREFIX}${process.pid}`);
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, old);
  renameSync(tmp, target);
  if (hadTarget) rmSync(old, { recursive: true, force: true });
}

/** Undoes what a killed run left: a half-built tree is removed, a tree moved aside is restored. */
export function recover(root: string): void {
  const target = join(root, 'generated');
  for (const entry of readdirSync(root)) {
    if (entry.startsWith(TMP_PREFIX)) rmSync(join(root, entry), { recursive: true, force: true });
  }
  for (const entry of readdirSync(root)) {
    if (!entry.startsWith(OLD_PREFIX)) continue;
    if (!existsSync(target)) renameSync(join(root, entry), target);
    else rmSync(join(root, entry), { recursive: true, force: true });
  }
}

/** The files of `generated/` that differ from `tree`: changed, missing, or no longer generated. */
export function staleFiles(root: string, tree: GeneratedTree): string[] {
  const stale: string[] = [];
  for (const [model, files] of tree) {
    const dir = join(root, 'generated', model);
    const onDisk = new Set(listFiles(dir).map((f) => relative(dir, f).split('\\').join('/')));
    for (const [path, contents] of files) {
      const file = join(dir, path);
      if (!onDisk.has(path) || readFileSync(file, 'utf8') !== contents) stale.push(`generated/${model}/${path}`);
      onDisk.delete(path);
    }
    for (const extra of onDisk) stale.push(`generated/${model}/${extra}`);
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
