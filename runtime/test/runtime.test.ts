/**
 * @mimgen/runtime on its own, as it ships (its built dist/, through the package's exports): a small model of
 * two objects (bibliotheek.mjs) in the shape a generated package hands to the runtime, validated in memory,
 * chunk by chunk in one thread and with the worker thread, with every verdict, pointer, line and column
 * stated here. The generated packages' own agreement and stream tests run the same engine on the DDAS models.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  eenhedenValidator,
  maakValidate,
  StreamValidator,
  valideerBron,
  valideerMetWerker,
  type StreamResultaat,
} from '@mimgen/runtime';
import * as model from './bibliotheek.mjs';

const RUNTIME = new URL('..', import.meta.url).pathname;
const CONTEXT_MODULE = new URL('./bibliotheek.mjs', import.meta.url).href;

const GOED = `{
  "naam": "Centrale",
  "boeken": [
    { "isbn": "978-1", "titel": "Max Havelaar", "uitgeleend": "2025-01-02", "teruggebracht": "2025-01-20" },
    { "isbn": "978-2", "titel": "Karakter" },
    { "isbn": "978-3", "titel": "De avonden" }
  ]
}
`;

// Line 4: returned before it was lent; line 5: no titel; line 6: the isbn of line 4 again.
const FOUT = `{
  "naam": "Centrale",
  "boeken": [
    { "isbn": "978-1", "titel": "Max Havelaar", "uitgeleend": "2025-01-20", "teruggebracht": "2025-01-02" },
    { "isbn": "978-2" },
    { "isbn": "978-1", "titel": "Nog een keer" }
  ]
}
`;

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function inEenThread(tekst: string, chunk: number): StreamResultaat {
  const v = new StreamValidator(model.STREAM_PLAN, model.VALIDATORS, model.REGELS, model.STREAM_CONTEXT.melding);
  const b = bytes(tekst);
  for (let i = 0; i < b.length; i += chunk) v.write(b.subarray(i, i + chunk));
  return v.end();
}

const zonderOffset = (r: StreamResultaat) =>
  r.errors.map(({ path, line, column, element }) => ({ path, line, column, element }));

const tmp = mkdtempSync(join(tmpdir(), 'mimgen-runtime-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the streaming validator of @mimgen/runtime', () => {
  it('accepts a valid delivery, whatever the chunk size', () => {
    for (const chunk of [1, 7, 64, 1 << 20]) {
      const r = inEenThread(GOED, chunk);
      expect(r.errors, `chunk ${chunk}`).toEqual([]);
      expect(r.valid).toBe(true);
      expect(r.records).toBe(3);
      expect(r.bytes).toBe(bytes(GOED).length);
    }
  });

  it('reports each error with its pointer, line, column and the model element, in file order', () => {
    const r = inEenThread(FOUT, 5);
    expect(r.valid).toBe(false);
    // A field's error points at its value, an object's at its opening brace.
    const kolom = (regel: number, tekst: string): number => FOUT.split('\n')[regel - 1]!.indexOf(tekst) + 1;
    expect(zonderOffset(r)).toEqual([
      { path: '/boeken/0/teruggebracht', line: 4, column: kolom(4, '"2025-01-02"'), element: 'Boek.teruggebracht' },
      { path: '/boeken/1', line: 5, column: kolom(5, '{'), element: 'Boek' },
      { path: '/boeken/2/isbn', line: 6, column: kolom(6, '"978-1"'), element: 'Boek.isbn' },
    ]);
    expect(r.errors[1]!.message).toBe('Boek mist het verplichte veld "titel"');
    expect(r.errors[2]!.message).toMatch(/978-1/);
  });

  it('refuses an empty list by its minItems, and a message that is no object', () => {
    const leeg = inEenThread('{ "naam": "Leeg", "boeken": [] }', 3);
    expect(leeg.valid).toBe(false);
    expect(zonderOffset(leeg)).toEqual([{ path: '/boeken', line: 1, column: 29, element: 'boeken (Boek)' }]);
    const lijst = inEenThread('[1, 2]', 3);
    expect(lijst.valid).toBe(false);
    expect(lijst.errors[0]!.path).toBe('/');
  });

  it('reports a record that is no JSON and goes on; stops where the envelope is no JSON or the file ends early', () => {
    const record = inEenThread('{ "naam": "X", "boeken": [ { "isbn": "1", } ] }', 4);
    expect(record.stopped).toBeUndefined();
    expect(zonderOffset(record)).toEqual([{ path: '/boeken/0', line: 1, column: 43, element: 'Boek' }]);
    const envelop = inEenThread('{ "naam": "X" "boeken": [] }', 4);
    expect(envelop.stopped).toBe('fatal');
    expect(zonderOffset(envelop)).toEqual([{ path: '/naam', line: 1, column: 15, element: 'Bibliotheek' }]);
    const afgebroken = inEenThread('{ "naam": "X", "boeken": [ { "isbn": "1", "titel": "a" } ] ', 4);
    expect(afgebroken.stopped).toBe('fatal');
    expect(afgebroken.errors[0]!.message).toMatch(/houdt op/);
  });

  it('gives the same verdicts with the worker thread, from a file and from chunks, as in one thread', async () => {
    for (const [naam, tekst] of [
      ['goed', GOED],
      ['fout', FOUT],
    ] as const) {
      const pad = join(tmp, `${naam}.json`);
      writeFileSync(pad, tekst);
      const verwacht = inEenThread(tekst, 1 << 20);
      const uitBestand = await valideerMetWerker(CONTEXT_MODULE, model.STREAM_CONTEXT, {}, pad);
      const uitChunks = await valideerMetWerker(CONTEXT_MODULE, model.STREAM_CONTEXT, {}, [
        bytes(tekst).subarray(0, 50),
        bytes(tekst).subarray(50),
      ]);
      for (const r of [uitBestand, uitChunks]) {
        expect(r.valid, naam).toBe(verwacht.valid);
        expect(r.errors, naam).toEqual(verwacht.errors);
        expect(r.records, naam).toBe(3);
      }
    }
  });

  it('reads any async source of chunks in one thread too', async () => {
    async function* bron() {
      yield bytes(FOUT.slice(0, 30));
      yield bytes(FOUT.slice(30));
    }
    const r = await valideerBron(
      new StreamValidator(model.STREAM_PLAN, model.VALIDATORS, model.REGELS, model.STREAM_CONTEXT.melding),
      bron(),
    );
    expect(zonderOffset(r)).toEqual(zonderOffset(inEenThread(FOUT, 1 << 20)));
  });
});

describe('validate() of @mimgen/runtime', () => {
  const validate = maakValidate(
    eenhedenValidator(model.STREAM_PLAN, model.VALIDATORS),
    model.REGELS,
    model.STREAM_CONTEXT.melding,
  );

  it('agrees with the streaming validator on the same messages', () => {
    expect(validate(JSON.parse(GOED))).toEqual({ valid: true, errors: [] });
    // A schema error first: the checks across objects run only on a message the schema accepts.
    const fout = validate(JSON.parse(FOUT));
    expect(fout.valid).toBe(false);
    expect(fout.errors).toEqual([
      { path: '/boeken/1', element: 'Boek', message: 'Boek mist het verplichte veld "titel"' },
    ]);
    const dubbel = JSON.parse(FOUT) as { boeken: { titel?: string }[] };
    dubbel.boeken[1]!.titel = 'Karakter';
    expect(validate(dubbel).errors.map((e) => `${e.path} ${e.element}`)).toEqual([
      '/boeken/2/isbn Boek.isbn',
      '/boeken/0/teruggebracht Boek.teruggebracht',
    ]);
  });
});

describe('the runtime as a package', () => {
  it('declares no Node.js types in its public declarations: consumers compile without @types/node', () => {
    const dist = join(RUNTIME, 'dist');
    const declaraties = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.d.ts'));
    expect(declaraties).toContain('index.d.ts');
    for (const f of declaraties)
      expect(readFileSync(join(dist, f), 'utf8'), f).not.toMatch(/node:|reference types="node"/);
  });

  it('packs its built code and nothing of its tests', () => {
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: RUNTIME, encoding: 'utf8' }),
    ) as [{ files: { path: string }[] }];
    const paden = pack.files.map((f) => f.path);
    expect(paden).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/stream.js',
        'dist/stream-worker.js',
      ]),
    );
    expect(paden.filter((p) => p.startsWith('test/') || p.endsWith('.tsbuildinfo'))).toEqual([]);
  });
});
