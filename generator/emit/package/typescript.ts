/**
 * The package's TypeScript, type-checked and compiled in memory. The files built from the model are checked
 * under `strict`, and a diagnostic stops generation before anything is written. The engine files copied from
 * templates/package are the same for every model: the repository's tests check them under these options
 * (test/package/templates.test.ts), so here they are only compiled, each on its own, without the checker,
 * once per process. That is what keeps generating a model of 500 objecttypen in seconds.
 */
import { IndentationText, Project, QuoteKind, ts, type OptionalKind, type SourceFileStructure } from 'ts-morph';

/** Generated TypeScript that does not type-check: generation stops and nothing is written. */
export class GeneratedCodeError extends Error {}

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  declaration: true,
  outDir: '/dist',
  rootDir: '/src',
  lib: ['lib.es2022.d.ts'],
  // TypeScript's own lib files need no checking; every generated file, .d.ts included, is checked.
  skipDefaultLibCheck: true,
  // The engine files are compiled one by one (transpileDeclaration), which needs declarations that do not
  // depend on inference; the repository's check of the templates holds them to that.
  isolatedDeclarations: true,
  newLine: ts.NewLineKind.LineFeed,
};

/** A source file of the package by its path under src/: text, or a ts-morph structure printed once. */
export type Bron = string | OptionalKind<SourceFileStructure>;

/**
 * Checks and compiles the package's sources: `model` are the files built from the model, `engine` the fixed
 * engine files (.ts compiled on their own; .d.ts copied). Returns src/ and dist/ files by path.
 */
export function compileer(naam: string, model: ReadonlyMap<string, Bron>, engine: ReadonlyMap<string, string>): Map<string, string> {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces },
    compilerOptions: COMPILER_OPTIONS,
  });
  const files = new Map<string, string>();
  const gecontroleerd: ts.SourceFile[] = [];
  for (const [pad, bron] of model) gecontroleerd.push(project.createSourceFile(`/src/${pad}`, bron).compilerNode);
  for (const [pad, tekst] of engine) {
    const f = project.createSourceFile(`/src/${pad}`, tekst);
    // A declaration file of the engine describes something not compiled here (Ajv's code, tabellen.js): checked with the rest.
    if (pad.endsWith('.d.ts')) gecontroleerd.push(f.compilerNode);
  }
  const program = project.getProgram().compilerObject;
  const diagnostics: ts.Diagnostic[] = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const f of gecontroleerd) diagnostics.push(...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f));
  const schrijf = (pad: string, tekst: string) => files.set(pad.replace(/^\//, ''), tekst);
  if (diagnostics.length === 0) {
    // Declaration diagnostics come with the emit; nothing leaves this function unless there are none.
    for (const f of gecontroleerd) if (!f.isDeclarationFile) diagnostics.push(...program.emit(f, schrijf).diagnostics);
  }
  if (diagnostics.length > 0) {
    const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => '/', getNewLine: () => '\n' };
    throw new GeneratedCodeError(`generated TypeScript of ${naam} does not type-check:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
  for (const f of project.getSourceFiles()) schrijf(f.getFilePath(), f.getFullText());
  for (const [pad, tekst] of engine) {
    if (pad.endsWith('.d.ts')) continue;
    const { js, dts } = engineUitvoer(pad, tekst);
    const basis = `dist/${pad.replace(/\.ts$/, '')}`;
    files.set(`${basis}.js`, js);
    files.set(`${basis}.d.ts`, dts);
  }
  return files;
}

const engineCache = new Map<string, { tekst: string; js: string; dts: string }>();

/** The JavaScript and declarations of one engine file, compiled on its own: the same for every model. */
export function engineUitvoer(pad: string, tekst: string): { js: string; dts: string } {
  const cached = engineCache.get(pad);
  if (cached?.tekst === tekst) return cached;
  const fileName = `/src/${pad}`;
  const js = ts.transpileModule(tekst, { compilerOptions: COMPILER_OPTIONS, fileName, reportDiagnostics: false }).outputText;
  const d = ts.transpileDeclaration(tekst, { compilerOptions: COMPILER_OPTIONS, fileName, reportDiagnostics: true });
  if (d.diagnostics && d.diagnostics.length > 0) {
    const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => '/', getNewLine: () => '\n' };
    throw new GeneratedCodeError(`the engine file ${pad} cannot be compiled on its own:\n${ts.formatDiagnostics(d.diagnostics, host)}`);
  }
  const uit = { tekst, js, dts: d.outputText };
  engineCache.set(pad, uit);
  return uit;
}
