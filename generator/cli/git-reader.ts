/**
 * Model files at a git revision, behind the same SourceReader interface as the file system: `git cat-file`
 * and `git ls-tree` on a commit. I/O, like generator/cli: only the diff command and the changelog hook of
 * `generate` use it.
 */
import { execFileSync } from 'node:child_process';
import { isAbsolute, posix, relative } from 'node:path';
import type { SourceReader } from '../model/yaml-source.ts';
import { DiffInputError } from '../diff/types.ts';

function git(cwd: string, args: string[]): Buffer | undefined {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch {
    return undefined;
  }
}

export class GitRevisionReader implements SourceReader {
  private constructor(
    /** The revision as the user wrote it, for messages. */
    readonly revisie: string,
    /** The commit it names. */
    readonly commit: string,
    private readonly cwd: string,
    /** The repository's top folder. */
    private readonly top: string,
    /** The working folder relative to the top, with a trailing slash or empty. */
    private readonly prefix: string,
  ) {}

  /** Opens a revision of the repository that holds `cwd`; throws DiffInputError when there is none. */
  static open(revisie: string, cwd = process.cwd()): GitRevisionReader {
    if (revisie === '' || revisie.startsWith('-') || /[\0\s]/.test(revisie))
      throw new DiffInputError(`"${revisie}" is not a git revision`);
    const top = git(cwd, ['rev-parse', '--show-toplevel']);
    if (top === undefined)
      throw new DiffInputError(
        `cannot read revision "${revisie}": ${cwd} is not in a git repository (or git is not installed)`,
      );
    const commit = git(cwd, ['rev-parse', '--verify', '--quiet', `${revisie}^{commit}`]);
    if (commit === undefined) {
      const ondiep = git(cwd, ['rev-parse', '--is-shallow-repository'])?.toString().trim() === 'true';
      throw new DiffInputError(
        `unknown git revision "${revisie}"${ondiep ? ' (this clone is shallow; fetch the history with git fetch --unshallow)' : ''}`,
      );
    }
    const prefix = git(cwd, ['rev-parse', '--show-prefix'])?.toString().trim() ?? '';
    return new GitRevisionReader(revisie, commit.toString().trim(), cwd, top.toString().trim(), prefix);
  }

  /** The path inside the repository, or undefined when `path` lies outside it. */
  private repoPad(path: string): string | undefined {
    const p = isAbsolute(path)
      ? relative(this.top, path).split('\\').join('/')
      : posix.join(this.prefix, path.replaceAll('\\', '/'));
    const n = posix.normalize(p).replace(/\/$/, '');
    if (n === '..' || n.startsWith('../') || posix.isAbsolute(n)) return undefined;
    return n === '.' ? '' : n;
  }

  /** `tree` for a folder, `blob` for a file, undefined when the revision has nothing there. */
  soort(path: string): 'tree' | 'blob' | undefined {
    const p = this.repoPad(path);
    if (p === undefined) return undefined;
    const t = git(this.cwd, ['cat-file', '-t', `${this.commit}:${p}`])
      ?.toString()
      .trim();
    return t === 'tree' || t === 'blob' ? t : undefined;
  }

  listYaml(dir: string): string[] | undefined {
    if (this.soort(dir) !== 'tree') return undefined;
    const out = git(this.cwd, ['ls-tree', '--full-tree', '-z', `${this.commit}:${this.repoPad(dir)}`]);
    if (out === undefined) return undefined;
    return out
      .toString('utf8')
      .split('\0')
      .filter((e) => e !== '')
      .flatMap((e) => {
        const tab = e.indexOf('\t');
        const [, type] = e.slice(0, tab).split(' ');
        const naam = e.slice(tab + 1);
        return type === 'blob' && (naam.endsWith('.yaml') || naam.endsWith('.yml')) ? [naam] : [];
      });
  }

  read(path: string): Uint8Array | undefined {
    if (this.soort(path) !== 'blob') return undefined;
    return git(this.cwd, ['cat-file', 'blob', `${this.commit}:${this.repoPad(path)}`]);
  }
}
