import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .yaml and .yml file under a folder, recursively: the model files and fixtures the tests read. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}
