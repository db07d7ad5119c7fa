import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { SourceReader } from '../model/yaml-source.ts';

/** Reads model files from disk; the only place the model stage touches the file system. */
export const fileSystemReader: SourceReader = {
  listYaml(dir) {
    try {
      if (!statSync(dir).isDirectory()) return undefined;
      return readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'));
    } catch {
      return undefined;
    }
  },
  read(path) {
    try {
      if (!statSync(path).isFile()) return undefined;
      return readFileSync(path);
    } catch {
      return undefined;
    }
  },
};

/** The models under `root`: every folder holding a file with an `informatiemodel` section. */
export function discoverModels(root: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(root).sort();
  } catch {
    return [];
  }
  return entries.filter((name) => {
    const files = fileSystemReader.listYaml(`${root}/${name}`) ?? [];
    // Through the reader, so that a folder named x.yaml or an unreadable file is skipped, not thrown.
    return files.some((f) =>
      /^informatiemodel\s*:/m.test(Buffer.from(fileSystemReader.read(`${root}/${name}/${f}`) ?? []).toString('utf8')),
    );
  });
}
