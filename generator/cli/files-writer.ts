/**
 * Writes a set of files into a folder that holds other things (a repository with node_modules/, a README
 * of its own): all of them or none. writer.ts swaps a whole folder, which cannot be done to a folder that
 * is the user's working folder and holds what mimgen must not copy or touch; so this writer keeps writer.ts's
 * approach (build beside, then rename) per file, with the staging folder as the journal:
 *
 * 1. every file is written into `.mimgen-write.tmp-<pid>/` inside the folder (killed here: nothing changed,
 *    the next run removes the half-built stage);
 * 2. the stage is renamed to `.mimgen-write.ready`: the one atomic step that decides that the files are written;
 * 3. each file is renamed from the stage to its place (a rename replaces a file atomically), then the stage
 *    is removed. Killed here, the next run (finishWrite) moves what is left: the write completes.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

const TMP_PREFIX = '.mimgen-write.tmp-';
const READY = '.mimgen-write.ready';

/** Writes `files` (path relative to `root`, forward slashes → contents) all at once. */
export function writeFilesAtOnce(root: string, files: Map<string, string>): void {
  for (const path of files.keys()) {
    const n = posix.normalize(path);
    if (n !== path || posix.isAbsolute(path) || n === '..' || n.startsWith('../') || path.startsWith('.mimgen-write.')) {
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
      if (statSync(at).isDirectory() === (i === parts.length)) throw new Error(`${parts.slice(0, i).join('/')} is ${i === parts.length ? 'a folder' : 'a file'}, in the way of ${path}`);
    }
  }
  const tmp = join(root, `${TMP_PREFIX}${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [path, contents] of files) {
      const file = join(tmp, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, contents);
    }
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
