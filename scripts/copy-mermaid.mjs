/**
 * Part of `npm run build`: copies mermaid's browser build (and its licence) beside the compiled CLI, to
 * dist/site/, where `mimgen site` finds it (generator/cli/site.ts, mermaidBuild). The package ships it in dist/,
 * so that an installed mimgen draws the docs' diagrams without the mermaid package: one 5.3 MB file instead of
 * mermaid with its 115 dependencies (about 200 MB) in every standard's node_modules. mermaid stays a
 * devDependency of this repository, pinned in the lockfile; this copies the version installed.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const out = fileURLToPath(new URL('../dist/site/', import.meta.url));
let build;
try {
  build = require.resolve('mermaid/dist/mermaid.min.js');
} catch {
  console.error('copy-mermaid: the mermaid package is not installed (a devDependency): run npm ci');
  process.exit(1);
}
const pkg = join(dirname(build), '..');
mkdirSync(out, { recursive: true });
copyFileSync(build, join(out, 'mermaid.min.js'));
copyFileSync(join(pkg, 'LICENSE'), join(out, 'mermaid.LICENSE'));
const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
if (process.argv.includes('--verbose')) console.log(`copy-mermaid: mermaid ${version} → ${out}`);
