/**
 * The engine files of every package (templates/package) are compiled one by one at generation, without the
 * type-checker. Here they are checked as the whole program they are part of: a generated package's src/,
 * every file, under the emitter's compiler options; and each one's separate compilation must equal what the
 * whole program emits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { GeneratedCodeError } from '../../generator/emit/package/generated-code-error.ts';
import { COMPILER_OPTIONS, compileer, engineUitvoer, formatteer } from '../../generator/emit/package/typescript.ts';
import { ROOT } from './support.ts';

const ENGINE = ['controles.ts', 'validatie.ts', 'stream.ts', 'stream-worker.ts'];

function volledigProgramma(model: string): Project {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: COMPILER_OPTIONS });
  const src = join(ROOT, 'generated', model, 'src');
  for (const f of readdirSync(src)) project.createSourceFile(`/src/${f}`, readFileSync(join(src, f), 'utf8'));
  return project;
}

describe('the engine files of the packages', () => {
  for (const model of ['vroegsignalering', 'schuldhulpverlening']) {
    it(`type-check with everything else in ${model}'s src/, every file, under strict and isolatedDeclarations`, () => {
      const project = volledigProgramma(model);
      const diagnostics = project.getPreEmitDiagnostics();
      expect(project.formatDiagnosticsWithColorAndContext(diagnostics)).toBe('');
      expect(project.getSourceFiles().map((f) => f.getBaseName())).toEqual(expect.arrayContaining(ENGINE));
    });
  }

  it('compile on their own to exactly what the whole program emits', () => {
    const project = volledigProgramma('vroegsignalering');
    const emitted = new Map<string, string>(project.emitToMemory().getFiles().map((f) => [f.filePath, f.text]));
    for (const pad of ENGINE) {
      const tekst = readFileSync(join(ROOT, 'templates', 'package', pad), 'utf8');
      const { js, dts } = engineUitvoer(pad, tekst);
      const basis = `/dist/${pad.replace(/\.ts$/, '')}`;
      expect(js, pad).toBe(emitted.get(`${basis}.js`));
      expect(dts, pad).toBe(emitted.get(`${basis}.d.ts`));
    }
  });

  it('an engine file that needs the checker for its declarations is refused with the reason', () => {
    expect(() => engineUitvoer('afgeleid.ts', 'export const x = [1, 2].map((n) => n * 2);\n')).toThrow(GeneratedCodeError);
    expect(() => engineUitvoer('afgeleid.ts', 'export const x = [1, 2].map((n) => n * 2);\n')).toThrow(/afgeleid\.ts cannot be compiled on its own:[\s\S]*isolatedDeclarations/);
  });
});

describe('checking the files built from the model', () => {
  it('stops generation with the diagnostics, naming file, line and column, and returns nothing', async () => {
    const model = new Map([
      ['index.ts', `import { dubbel } from './reken.js';\nexport const x: string = dubbel(2);\n`],
      ['reken.ts', 'export function dubbel(n: number): number {\n  return n * 2;\n}\n'],
    ]);
    await expect(compileer('@test/kapot', model, new Map())).rejects.toThrow(GeneratedCodeError);
    await expect(compileer('@test/kapot', model, new Map())).rejects.toThrow(/@test\/kapot does not type-check:\nsrc\/index\.ts\(2,14\): error TS2322/);
  });

  it('checks declaration files of the engine too, and compiles the rest', async () => {
    const model = new Map([['index.ts', `import type { T } from './t.js';\nexport const x: T = 1;\n`]]);
    await expect(compileer('@test/kapot', model, new Map([['t.d.ts', 'export type T = Onbekend;\n']]))).rejects.toThrow(/t\.d\.ts\(1,17\): error TS2304/);
    const files = await compileer('@test/heel', model, new Map([['t.d.ts', 'export type T = number;\n']]));
    expect([...files.keys()].sort()).toEqual(['dist/index.d.ts', 'dist/index.js', 'src/index.ts', 'src/t.d.ts']);
    expect(files.get('dist/index.d.ts')).toBe(`import type { T } from './t.js';\nexport declare const x: T;\n`);
  });

  it('uses the lib it names and no other: no DOM in a package for servers', async () => {
    expect(COMPILER_OPTIONS.lib).toEqual(['lib.es2022.d.ts']);
    const model = new Map([['index.ts', 'export const x: number = document.title.length;\n']]);
    await expect(compileer('@test/dom', model, new Map())).rejects.toThrow(/Cannot find name 'document'/);
  });
});

describe('formatting json-schema-to-typescript output', () => {
  const ruw = [
    '/** banner */',
    '/**',
    ' * Een soort. ',
    ' * ',
    ' */',
    'export type Kort = ("A" | "B")',
    `export type Lang = (${Array.from({ length: 12 }, (_, i) => `"Waarde nummer ${i} met 'quote'"`).join(' | ')})`,
    'export interface Ding {',
    '/**',
    ' * Een veld.',
    ' */',
    `soort?: (${Array.from({ length: 9 }, (_, i) => `"Soort ${i} van dit ding"`).join(' | ')})`,
    'kort: ("x" | "y")',
    '[k: string]: unknown',
    '}',
  ].join('\n');
  const uit = formatteer(ruw, 'uitwisselmodel.ts');

  it('writes single quotes, two spaces, no trailing white space and no parentheses around a whole type', () => {
    expect(uit).toContain(`export type Kort = 'A' | 'B';`);
    expect(uit).toContain(`  kort: 'x' | 'y';\n  [k: string]: unknown;\n}`);
    expect(uit).toContain(`/**\n * Een soort.\n *\n */`);
    expect(uit).toContain(`  /**\n   * Een veld.\n   */\n  soort?:`);
    expect(uit).not.toMatch(/[ \t]$/m);
  });

  it('puts each value of a long enumeration on a line of its own, escaped quotes included', () => {
    expect(uit).toContain(`export type Lang =\n  | 'Waarde nummer 0 met \\'quote\\''\n  | 'Waarde nummer 1 met \\'quote\\''`);
    expect(uit).toContain(`  soort?:\n    | 'Soort 0 van dit ding'\n    | 'Soort 1 van dit ding'`);
    expect(uit.split('\n').every((regel) => regel.length <= 110 || regel.startsWith(' * '))).toBe(true);
  });

  it('changes no type: the formatted text declares what the unformatted one does', () => {
    // Every name and every string value, in order, read by TypeScript's parser from each text.
    const inhoud = (code: string): string[] => {
      const uit: string[] = [];
      const bezoek = (n: ts.Node): void => {
        if (ts.isIdentifier(n) || ts.isStringLiteral(n)) uit.push(n.text);
        if (n.kind === ts.SyntaxKind.QuestionToken) uit.push('?');
        ts.forEachChild(n, bezoek);
      };
      bezoek(ts.createSourceFile('x.ts', code, ts.ScriptTarget.ES2022, true));
      return uit;
    };
    expect(inhoud(uit)).toEqual(inhoud(ruw));
    expect(inhoud(uit)).toContain("Waarde nummer 11 met 'quote'");
  });
});
