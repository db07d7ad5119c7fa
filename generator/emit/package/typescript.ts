/**
 * The package's TypeScript, type-checked and compiled in memory. The files built from the model are checked
 * under `strict`, and a diagnostic stops generation before anything is written. The engine files copied from
 * templates/package are the same for every model: the repository's tests check them under these options
 * (test/package/templates.test.ts), so here they are only compiled, each on its own, without the checker,
 * once per process. That is what keeps generating a model of 500 objecttypen in seconds.
 */
import { printStructure, Project, StructureKind, ts, type OptionalKind, type SourceFileStructure } from 'ts-morph';
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
  // The engine files are compiled one by one (transpileDeclaration), which needs declarations that do not
  // depend on inference; the repository's check of the templates holds them to that.
  isolatedDeclarations: true,
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

const FORMAT: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => '/', getNewLine: () => '\n' };

/** The text of a source: a structure is printed by ts-morph as it would write it into a file, with nothing parsed. */
function tekstVan(bron: Bron): string {
  return typeof bron === 'string' ? bron : printStructure({ kind: StructureKind.SourceFile, ...bron }, { indentNumberOfSpaces: 2, useSingleQuote: true });
}

/**
 * Checks and compiles the package's sources: `model` are the files built from the model, `engine` the fixed
 * engine files (.ts compiled on their own; .d.ts checked and copied). Returns the src/ and dist/ files by
 * path; rejects with GeneratedCodeError when they do not type-check.
 */
export async function compileer(naam: string, model: ReadonlyMap<string, Bron>, engine: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const teksten = new Map<string, string>();
  for (const [pad, bron] of model) teksten.set(`/src/${pad}`, tekstVan(bron));
  for (const [pad, tekst] of engine) teksten.set(`/src/${pad}`, tekst);
  const lib = libs();
  const files = new Map<string, string>();
  const schrijf = (pad: string, tekst: string) => files.set(pad.replace(/^\//, ''), tekst);
  const host: ts.CompilerHost = {
    // JSDoc is text to TypeScript code: not parsing it into nodes halves the parse; the emit copies comments as text.
    getSourceFile: (name) =>
      lib.get(name) ?? (teksten.has(name) ? ts.createSourceFile(name, teksten.get(name)!, { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors }) : undefined),
    getDefaultLibFileName: (o) => `${LIB}/${ts.getDefaultLibFileName(o)}`,
    getDefaultLibLocation: () => LIB,
    writeFile: schrijf,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => teksten.has(f) || lib.has(f),
    readFile: (f) => teksten.get(f) ?? lib.get(f)?.text,
    directoryExists: (d) => d === '/' || d === '/src' || d === LIB || LIB.startsWith(`${d}/`),
    getDirectories: () => [],
  };
  const program = ts.createProgram({ rootNames: [...teksten.keys()], options: COMPILER_OPTIONS, host });
  const gecontroleerd = [...teksten.keys()].filter((f) => model.has(f.slice('/src/'.length)) || f.endsWith('.d.ts')).map((f) => program.getSourceFile(f)!);
  const diagnostics: ts.Diagnostic[] = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const f of gecontroleerd) diagnostics.push(...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f));
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
  if (diagnostics.length > 0) throw new GeneratedCodeError(`generated TypeScript of ${naam} does not type-check:\n${ts.formatDiagnostics(diagnostics, FORMAT)}`);
  for (const [pad, tekst] of teksten) schrijf(pad, tekst);
  for (const [pad, tekst] of engine) {
    if (pad.endsWith('.d.ts')) continue;
    const { js, dts } = engineUitvoer(pad, tekst);
    const basis = `dist/${pad.replace(/\.ts$/, '')}`;
    files.set(`${basis}.js`, js);
    files.set(`${basis}.d.ts`, dts);
  }
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
        return ts.visitEachChild(ts.factory.updateTypeAliasDeclaration(node, node.modifiers, node.name, node.typeParameters, node.type.type), bezoek, context);
      }
      if (ts.isPropertySignature(node) && node.type && ts.isParenthesizedTypeNode(node.type)) {
        return ts.visitEachChild(ts.factory.updatePropertySignature(node, node.modifiers, node.name, node.questionToken, node.type.type), bezoek, context);
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
      regel.length <= 110 ? regel : `${inspringing}${kop}\n${inspringing}  | ${waarden.split(' | ').join(`\n${inspringing}  | `)};`,
    );
}

/**
 * A type alias or property whose type lists string values (an enumeration) on one line: longer than 110,
 * one value a line, so that a diff shows the value that changed.
 */
const LANGE_OPSOMMING = /^( *)(export type [\w$]+ =|[\w$]+\??:) ('(?:[^'\\\n]|\\.)*'(?: \| '(?:[^'\\\n]|\\.)*')*);$/gm;

const engineCache = new Map<string, { tekst: string; js: string; dts: string }>();

/** The JavaScript and declarations of one engine file, compiled on its own: the same for every model. */
export function engineUitvoer(pad: string, tekst: string): { js: string; dts: string } {
  const cached = engineCache.get(pad);
  if (cached?.tekst === tekst) return cached;
  const fileName = `/src/${pad}`;
  const js = ts.transpileModule(tekst, { compilerOptions: COMPILER_OPTIONS, fileName, reportDiagnostics: false }).outputText;
  const d = ts.transpileDeclaration(tekst, { compilerOptions: COMPILER_OPTIONS, fileName, reportDiagnostics: true });
  if (d.diagnostics && d.diagnostics.length > 0) {
    throw new GeneratedCodeError(`the engine file ${pad} cannot be compiled on its own:\n${ts.formatDiagnostics(d.diagnostics, FORMAT)}`);
  }
  const uit = { tekst, js, dts: d.outputText };
  engineCache.set(pad, uit);
  return uit;
}
