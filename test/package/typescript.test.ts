/**
 * The package's TypeScript is type-checked and compiled in memory at generation, against the declarations of
 * @mimgen/runtime. Here: a package's committed src/ is exactly what compiles to its committed dist/, and the
 * checker stops generation on an error with file, line and column.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { GeneratedCodeError } from '../../generator/emit/package/generated-code-error.ts';
import { COMPILER_OPTIONS, compileer, formatteer } from '../../generator/emit/package/typescript.ts';
import { ROOT } from './support.ts';

describe('the TypeScript of the generated packages', () => {
  for (const model of ['vroegsignalering', 'schuldhulpverlening']) {
    it(`${model}: src/ type-checks against @mimgen/runtime and compiles to the committed dist/, file for file`, async () => {
      const src = join(ROOT, 'generated', model, 'src');
      const bronnen = new Map(readdirSync(src).map((f) => [f, readFileSync(join(src, f), 'utf8')]));
      const files = await compileer(model, bronnen);
      const dist = join(ROOT, 'generated', model, 'dist');
      const gemaakt = [...files].filter(([pad]) => pad.startsWith('dist/'));
      expect(gemaakt.length).toBeGreaterThan(10);
      for (const [pad, tekst] of gemaakt)
        expect(tekst, pad).toBe(readFileSync(join(dist, pad.slice('dist/'.length)), 'utf8'));
      // No engine in the package: what is the same for every model comes from the runtime.
      expect([...bronnen.keys()].filter((f) => /^(stream|controles|validatie|stream-worker)\.ts$/.test(f))).toEqual([]);
      expect(bronnen.get('validate-stream.ts')).toContain("from '@mimgen/runtime'");
    });
  }
});

describe('checking the files built from the model', () => {
  it('stops generation with the diagnostics, naming file, line and column, and returns nothing', async () => {
    const model = new Map([
      ['index.ts', `import { dubbel } from './reken.js';\nexport const x: string = dubbel(2);\n`],
      ['reken.ts', 'export function dubbel(n: number): number {\n  return n * 2;\n}\n'],
    ]);
    await expect(compileer('@test/kapot', model)).rejects.toThrow(GeneratedCodeError);
    await expect(compileer('@test/kapot', model)).rejects.toThrow(
      /@test\/kapot does not type-check:\nsrc\/index\.ts\(2,14\): error TS2322/,
    );
  });

  it('checks declaration files too, and compiles the rest', async () => {
    const model = (t: string) =>
      new Map([
        ['index.ts', `import type { T } from './t.js';\nexport const x: T = 1;\n`],
        ['t.d.ts', t],
      ]);
    await expect(compileer('@test/kapot', model('export type T = Onbekend;\n'))).rejects.toThrow(
      /t\.d\.ts\(1,17\): error TS2304/,
    );
    const files = await compileer('@test/heel', model('export type T = number;\n'));
    expect([...files.keys()].sort()).toEqual(['dist/index.d.ts', 'dist/index.js', 'src/index.ts', 'src/t.d.ts']);
    expect(files.get('dist/index.d.ts')).toBe(`import type { T } from './t.js';\nexport declare const x: T;\n`);
  });

  it('uses the lib it names and no other: no DOM in a package for servers', async () => {
    expect(COMPILER_OPTIONS.lib).toEqual(['lib.es2022.d.ts']);
    const model = new Map([['index.ts', 'export const x: number = document.title.length;\n']]);
    await expect(compileer('@test/dom', model)).rejects.toThrow(/Cannot find name 'document'/);
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
    expect(uit).toContain(
      `export type Lang =\n  | 'Waarde nummer 0 met \\'quote\\''\n  | 'Waarde nummer 1 met \\'quote\\''`,
    );
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
