/**
 * The one writer: every file mimgen writes goes through here, all at once or not at all, in one of two ways.
 *
 * - A folder that mimgen owns (`generated/`, a model folder an import writes) is replaced whole: the new
 *   folder is built beside it as `.<name>.tmp-<pid>` and swapped in with two renames (`swapFolder`).
 * - Files in a folder that holds other things (a standard's repository, where `init` writes) go in through a
 *   staging folder that serves as a journal (`writeFilesAtOnce`): a folder that is the user's working
 *   folder cannot be swapped.
 *
 * A run killed at any point leaves the old state or the new one; the next run cleans up first.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, posix, relative } from 'node:path';

/** Generated files of each model: model folder name → (path inside it → contents). */
export type GeneratedTree = Map<string, Map<string, string>>;

/** The names beside a folder that a swap uses: for generated/, .generated.tmp-<pid> and .generated.old-<pid>, as .gitignore has them. */
function aside(target: string): { parent: string; tmpPrefix: string; oldPrefix: string } {
  const naam = basename(target);
  return { parent: dirname(target), tmpPrefix: `.${naam}.tmp-`, oldPrefix: `.${naam}.old-` };
}

/**
 * Replaces the folder `target` all at once: `fill` writes the new contents into a folder beside it, which is
 * then swapped in with two renames. When `fill` throws, nothing changed.
 */
export function swapFolder(target: string, fill: (tmp: string) => void): void {
  const { parent, tmpPrefix, oldPrefix } = aside(target);
  mkdirSync(parent, { recursive: true });
  recoverFolder(target);
  const tmp = join(parent, `${tmpPrefix}${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    fill(tmp);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const old = join(parent, `${oldPrefix}${process.pid}`);
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, old);
  renameSync(tmp, target);
  if (hadTarget) rmSync(old, { recursive: true, force: true });
}

/** Undoes what a killed swap left: a half-built folder is removed, a folder moved aside is restored. */
export function recoverFolder(target: string): void {
  const { parent, tmpPrefix, oldPrefix } = aside(target);
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

/** Writes one file all at once: written beside it, then renamed over it (a rename replaces a file atomically). */
export function writeFileAtOnce(path: string, contents: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, contents);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes `files` (path relative to `dir`, forward slashes → contents) into a folder being built. */
export function writeFiles(dir: string, files: Map<string, string>): void {
  for (const [path, contents] of files) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}

/**
 * Writes the generated tree all at once: the new `generated/` (or the config's output folder) replaces the
 * old one. Folders of models not in `tree` are carried over unchanged.
 */
export function writeGenerated(root: string, tree: GeneratedTree, output = 'generated'): void {
  const target = join(root, output);
  swapFolder(target, (tmp) => {
    if (existsSync(target)) {
      for (const entry of readdirSync(target)) {
        if (!tree.has(entry)) cpSync(join(target, entry), join(tmp, entry), { recursive: true });
      }
    }
    for (const [model, files] of tree) writeFiles(join(tmp, model), files);
  });
}

/** Undoes what a killed `generate` left in the output folder. */
export function recover(root: string, output = 'generated'): void {
  recoverFolder(join(root, output));
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

// Files into a folder that holds other things: the staging folder is the journal.
//
// 1. every file is written into `.mimgen-write.tmp-<pid>/` inside the folder (killed here: nothing changed,
//    the next run removes the half-built stage);
// 2. the stage is renamed to `.mimgen-write.ready`: the one atomic step that decides that the files are written;
// 3. each file is renamed from the stage to its place (a rename replaces a file atomically), then the stage
//    is removed. Killed here, the next run (finishWrite) moves what is left: the write completes.

const TMP_PREFIX = '.mimgen-write.tmp-';
const READY = '.mimgen-write.ready';

/** Writes `files` (path relative to `root`, forward slashes → contents) all at once. */
export function writeFilesAtOnce(root: string, files: Map<string, string>): void {
  for (const path of files.keys()) {
    const n = posix.normalize(path);
    if (
      n !== path ||
      posix.isAbsolute(path) ||
      n === '..' ||
      n.startsWith('../') ||
      path.startsWith('.mimgen-write.')
    ) {
      throw new Error(`refusing to write outside the folder or into mimgen's staging folder: ${path}`);
    }
  }
  finishWrite(root);
  // A file cannot go where a folder is, nor under a file: found now, before anything is written.
  for (const path of files.keys()) {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const at = join(root, ...parts.slice(0, i));
      if (!existsSync(at)) break;
      if (statSync(at).isDirectory() === (i === parts.length))
        throw new Error(
          `${parts.slice(0, i).join('/')} is ${i === parts.length ? 'a folder' : 'a file'}, in the way of ${path}`,
        );
    }
  }
  const tmp = join(root, `${TMP_PREFIX}${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    writeFiles(tmp, files);
    renameSync(tmp, join(root, READY));
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  moveInPlace(root);
}

/**
 * What a killed write left: a half-built stage is removed (nothing was written), a stage that was complete
 * is moved into place (the write finishes). Returns whether a write was finished.
 */
export function finishWrite(root: string): boolean {
  if (!existsSync(root)) return false;
  for (const entry of readdirSync(root)) {
    if (entry.startsWith(TMP_PREFIX)) rmSync(join(root, entry), { recursive: true, force: true });
  }
  if (!existsSync(join(root, READY))) return false;
  moveInPlace(root);
  return true;
}

function moveInPlace(root: string): void {
  const ready = join(root, READY);
  for (const path of filesUnder(ready)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(join(ready, path), target);
  }
  rmSync(ready, { recursive: true, force: true });
}

/** The files under `dir`, relative to it with forward slashes, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix === '' ? entry : `${prefix}/${entry}`;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...filesUnder(dir, rel));
    else out.push(rel);
  }
  return out;
}

/** Removes `dir` when it is empty (a folder init made and then wrote nothing into). */
export function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty, or not there: leave it.
  }
}
