/**
 * The package's TypeScript, type-checked and compiled in memory. The files built from the model are checked
 * under `strict` against the declarations of @mimgen/runtime (the engine that is the same for every model,
 * built and tested in runtime/), and a diagnostic stops generation before anything is written.
 */
import { printStructure, Project, StructureKind, ts, type OptionalKind, type SourceFileStructure } from 'ts-morph';
import { dependencyFile, dependencyFiles, dependencyFolder } from '../../common/tool-files.ts';
import { GeneratedCodeError } from './generated-code-error.ts';

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
  newLine: ts.NewLineKind.LineFeed,
};

/** A source file of the package by its path under src/: text, or a ts-morph structure printed once. */
export type Bron = string | OptionalKind<SourceFileStructure>;

const LIB = '/node_modules/typescript/lib';
let libBestanden: Map<string, ts.SourceFile> | undefined;

/**
 * TypeScript's lib files for these options, parsed once per process: taken from a ts-morph program, which
 * carries the lib files of the TypeScript it bundles.
 */
export function libs(): Map<string, ts.SourceFile> {
  if (!libBestanden) {
    const project = new Project({ useInMemoryFileSystem: true, compilerOptions: COMPILER_OPTIONS });
    project.createSourceFile('/src/leeg.ts', 'export {};\n');
    libBestanden = new Map(
      project
        .getProgram()
        .compilerObject.getSourceFiles()
        .filter((f) => f.fileName.startsWith(`${LIB}/`))
        .map((f) => [f.fileName, f]),
    );
  }
  return libBestanden;
}

const FORMAT: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => '/',
  getNewLine: () => '\n',
};

/** The text of a source: a structure is printed by ts-morph as it would write it into a file, with nothing parsed. */
function tekstVan(bron: Bron): string {
  return typeof bron === 'string'
    ? bron
    : printStructure({ kind: StructureKind.SourceFile, ...bron }, { indentNumberOfSpaces: 2, useSingleQuote: true });
}

/**
 * Checks and compiles the package's sources, the files built from the model by their path under src/, against
 * the declarations of @mimgen/runtime. Returns the src/ and dist/ files by path; rejects with
 * GeneratedCodeError when they do not type-check.
 */
export async function compileer(naam: string, model: ReadonlyMap<string, Bron>): Promise<Map<string, string>> {
  const teksten = new Map<string, string>();
  for (const [pad, bron] of model) teksten.set(`/src/${pad}`, tekstVan(bron));
  const lib = libs();
  const runtime = runtimeDeclaraties();
  const files = new Map<string, string>();
  const schrijf = (pad: string, tekst: string) => files.set(pad.replace(/^\//, ''), tekst);
  const bekend = (f: string): boolean => teksten.has(f) || lib.has(f) || runtime.has(f) || f === RUNTIME_PACKAGE_JSON;
  const host: ts.CompilerHost = {
    // JSDoc is text to TypeScript code: not parsing it into nodes halves the parse; the emit copies comments as text.
    getSourceFile: (name) =>
      lib.get(name) ??
      runtime.get(name) ??
      (teksten.has(name)
        ? ts.createSourceFile(name, teksten.get(name)!, {
            languageVersion: ts.ScriptTarget.ES2022,
            jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors,
          })
        : undefined),
    getDefaultLibFileName: (o) => `${LIB}/${ts.getDefaultLibFileName(o)}`,
    getDefaultLibLocation: () => LIB,
    writeFile: schrijf,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: bekend,
    readFile: (f) =>
      teksten.get(f) ??
      lib.get(f)?.text ??
      runtime.get(f)?.text ??
      (f === RUNTIME_PACKAGE_JSON ? dependencyFile(RUNTIME_PACKAGE, 'package.json') : undefined),
    directoryExists: (d) =>
      d === '/' ||
      d === '/src' ||
      LIB.startsWith(`${d}/`) ||
      d === LIB ||
      RUNTIME.startsWith(`${d}/`) ||
      d === RUNTIME ||
      [...runtime.keys()].some((f) => f.startsWith(`${d}/`)),
    getDirectories: () => [],
  };
  const program = ts.createProgram({ rootNames: [...teksten.keys(), OMGEVING], options: COMPILER_OPTIONS, host });
  const gecontroleerd = [...teksten.keys()].map((f) => program.getSourceFile(f)!);
  const diagnostics: ts.Diagnostic[] = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const f of gecontroleerd)
    diagnostics.push(...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f));
  if (diagnostics.length === 0) {
    // Declaration diagnostics come with the emit; nothing leaves this function unless there are none.
    for (const f of gecontroleerd) {
      if (f.isDeclarationFile) continue;
      if (alleenTypes(f)) {
        // A module of types alone is its own declaration file, and compiles to an empty module.
        schrijf(`/dist/${f.fileName.slice('/src/'.length).replace(/\.ts$/, '.d.ts')}`, f.text);
        schrijf(`/dist/${f.fileName.slice('/src/'.length).replace(/\.ts$/, '.js')}`, 'export {};\n');
      } else diagnostics.push(...program.emit(f, schrijf).diagnostics);
    }
  }
  if (diagnostics.length > 0)
    throw new GeneratedCodeError(
      `generated TypeScript of ${naam} does not type-check:\n${ts.formatDiagnostics(diagnostics, FORMAT)}`,
    );
  for (const [pad, tekst] of teksten) schrijf(pad, tekst);
  return files;
}

/** Only interfaces, type aliases and type-only imports and exports: nothing that exists at run time. */
function alleenTypes(f: ts.SourceFile): boolean {
  return f.statements.every(
    (s) =>
      ts.isInterfaceDeclaration(s) ||
      ts.isTypeAliasDeclaration(s) ||
      (ts.isImportDeclaration(s) && s.importClause?.isTypeOnly === true) ||
      (ts.isExportDeclaration(s) && s.isTypeOnly),
  );
}

/**
 * TypeScript formatted as the rest of the package's source is written: TypeScript's own printer, string
 * literals in single quotes, two spaces of indentation, no trailing white space, no parentheses around the
 * whole type of a type alias or property. For json-schema-to-typescript's output, which it leaves unformatted.
 */
export function formatteer(code: string, bestand: string): string {
  const sf = ts.createSourceFile(bestand, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const stijl: ts.TransformerFactory<ts.SourceFile> = (context) => (root) => {
    const bezoek = (node: ts.Node): ts.Node => {
      if (ts.isStringLiteral(node)) return ts.factory.createStringLiteral(node.text, true);
      if (ts.isTypeAliasDeclaration(node) && ts.isParenthesizedTypeNode(node.type)) {
        return ts.visitEachChild(
          ts.factory.updateTypeAliasDeclaration(node, node.modifiers, node.name, node.typeParameters, node.type.type),
          bezoek,
          context,
        );
      }
      if (ts.isPropertySignature(node) && node.type && ts.isParenthesizedTypeNode(node.type)) {
        return ts.visitEachChild(
          ts.factory.updatePropertySignature(node, node.modifiers, node.name, node.questionToken, node.type.type),
          bezoek,
          context,
        );
      }
      return ts.visitEachChild(node, bezoek, context);
    };
    return ts.visitNode(root, bezoek) as ts.SourceFile;
  };
  const uit = ts.transform(sf, [stijl]);
  const gedrukt = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed }).printFile(uit.transformed[0]!);
  uit.dispose();
  // The printer indents by four; a JSDoc line has one space more.
  return gedrukt
    .replace(/^( +)/gm, (spaties) => ' '.repeat((spaties.length - (spaties.length % 4)) / 2 + (spaties.length % 4)))
    .replace(/[ \t]+$/gm, '')
    .replace(LANGE_OPSOMMING, (regel, inspringing: string, kop: string, waarden: string) =>
      regel.length <= 110
        ? regel
        : `${inspringing}${kop}\n${inspringing}  | ${waarden.split(' | ').join(`\n${inspringing}  | `)};`,
    );
}

/**
 * A type alias or property whose type lists string values (an enumeration) on one line: longer than 110,
 * one value a line, so that a diff shows the value that changed.
 */
const LANGE_OPSOMMING = /^( *)(export type [\w$]+ =|[\w$]+\??:) ('(?:[^'\\\n]|\\.)*'(?: \| '(?:[^'\\\n]|\\.)*')*);$/gm;

/** Where the checker finds @mimgen/runtime: as a package installed beside the generated one. */
const RUNTIME_PACKAGE = '@mimgen/runtime';
const RUNTIME = `/node_modules/${RUNTIME_PACKAGE}`;
const RUNTIME_PACKAGE_JSON = `${RUNTIME}/package.json`;
/**
 * What the places the package runs in (Node.js, browsers) both declare and TypeScript's ES lib does not:
 * validate-stream.ts names its own module to the runtime's worker thread by import.meta.url.
 */
const OMGEVING = '/omgeving/import-meta.d.ts';
const OMGEVING_TEKST = 'interface ImportMeta {\n  readonly url: string;\n}\n';

let runtimeBestanden: Map<string, ts.SourceFile> | undefined;

/**
 * The runtime's declaration files (its dist/*.d.ts), as the checker sees them under /node_modules, and the
 * environment's declarations: read and parsed once per process.
 */
export function runtimeDeclaraties(): Map<string, ts.SourceFile> {
  if (!runtimeBestanden) {
    const namen = dependencyFiles(RUNTIME_PACKAGE, 'dist')?.filter((f) => f.endsWith('.d.ts'));
    if (!namen || namen.length === 0)
      throw new Error(
        `${RUNTIME_PACKAGE} has no declarations in ${dependencyFolder(RUNTIME_PACKAGE)}/dist; build it (npm run build)`,
      );
    runtimeBestanden = new Map(
      namen.map((f) => [
        `${RUNTIME}/dist/${f}`,
        ts.createSourceFile(
          `${RUNTIME}/dist/${f}`,
          dependencyFile(RUNTIME_PACKAGE, `dist/${f}`),
          ts.ScriptTarget.ES2022,
        ),
      ]),
    );
    runtimeBestanden.set(OMGEVING, ts.createSourceFile(OMGEVING, OMGEVING_TEKST, ts.ScriptTarget.ES2022));
  }
  return runtimeBestanden;
}
