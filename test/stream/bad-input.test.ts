/**
 * Bad input for the streaming validator: each a clear error with its place in the file, no crash, no hang,
 * memory bounded. Most cases run in this thread with chunks of several sizes (so that every token and record
 * also runs over chunk boundaries); some run through the worker thread as validateFile does.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inChunks, pakket, positionOf, type Pakket, type StreamResultaat } from './support.ts';

let vs: Pakket;
let dir: string;
beforeAll(async () => {
  vs = await pakket('vroegsignalering');
  dir = mkdtempSync(join(tmpdir(), 'mimgen-stream-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const signaal = (id: string, extra: Record<string, unknown> = {}) => ({
  ID: id,
  signaalpartner: { type: 'Huur' },
  client: { Achternaam: 'Jansen' },
  ...extra,
});

/** A small valid delivery, pretty-printed like the published examples. */
function bericht(signalen: unknown[] = [signaal('vs-1'), signaal('vs-2')]) {
  return {
    startdatumLevering: '2025-01-01',
    einddatumLevering: '2025-03-31',
    aanleverdatumEnTijd: '2025-04-01T09:00:00Z',
    codeGegevensleverancier: 'LEV01',
    leveringen: [
      {
        teller: 1,
        gemeentecode: '0363',
        aanleverende_organisatie: {
          naam: 'Gemeente',
          'kvk-nummer': '12345678',
          contactpersoonen: [{ naam: 'A. de Vries' }],
        },
        vroegsignalen: signalen,
        vroegsignaalzaken: [
          {
            startdatum_matchtingperiode: '2025-01-01',
            einddatum_matchingperiode: '2025-01-31',
            vroegsignalen: [{ ID: 'vs-1' }],
          },
        ],
      },
    ],
  };
}

const tekst = (v: unknown) => JSON.stringify(v, null, 2);
const bytes = (s: string | Uint8Array) => (typeof s === 'string' ? Buffer.from(s) : Buffer.from(s));

/** The same result for chunks of 1, 7 and 4096 bytes and for the whole at once (but for how much was read before a stop). */
function overal(p: Pakket, b: Uint8Array, opties = {}): StreamResultaat {
  const heel = inChunks(p, b, b.length || 1, opties);
  const zonderBytes = (r: StreamResultaat) => ({ ...r, bytes: r.stopped ? 0 : r.bytes });
  for (const size of [1, 7, 4096]) expect(zonderBytes(inChunks(p, b, size, opties))).toEqual(zonderBytes(heel));
  return heel;
}

/** The byte offset of `marker` in `b` (its first occurrence after `from`). */
function plek(b: Uint8Array, marker: string, from = 0): { offset: number; line: number; column: number } {
  const offset = Buffer.from(b).indexOf(marker, from);
  expect(offset, `marker ${marker}`).toBeGreaterThanOrEqual(0);
  return { offset, ...positionOf(b, offset) };
}

describe('valid input', () => {
  it('accepts a valid delivery in chunks of any size and in the worker thread', async () => {
    const b = bytes(tekst(bericht()));
    expect(overal(vs, b)).toEqual({ valid: true, errors: [], bytes: b.length, records: 3 });
    expect(await vs.validateStream([b])).toEqual({ valid: true, errors: [], bytes: b.length, records: 3 });
  });
});

describe('truncated JSON', () => {
  it('reports a file that ends inside a record with the record and where it began', () => {
    const volledig = tekst(bericht());
    const b = bytes(volledig.slice(0, volledig.indexOf('"vs-2"') + 3));
    const r = overal(vs, b);
    const start = positionOf(b, volledig.lastIndexOf('{', volledig.indexOf('"vs-2"')));
    expect(r.valid).toBe(false);
    expect(r.stopped).toBe('fatal');
    expect(r.errors).toEqual([
      expect.objectContaining({
        path: '/leveringen/0/vroegsignalen/1',
        message: `het bestand houdt op midden in Vroegsignaal /leveringen/0/vroegsignalen/1 (begonnen op regel ${start.line}, kolom ${start.column}): de JSON is afgebroken`,
        ...positionOf(b, b.length),
        offset: b.length,
      }),
    ]);
  });

  it('reports a file that ends in the envelope with what is still missing', () => {
    const b = bytes('{\n  "startdatumLevering": "2025-01-01",\n  "leveringen": [\n');
    const r = overal(vs, b);
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: "het bestand houdt op voordat de JSON af is (er ontbreekt nog ']}'): de JSON is afgebroken",
        line: 4,
        column: 1,
      }),
    ]);
  });

  it('gives exactly one clear error for every cut of a delivery, never a crash', () => {
    const volledig = bytes(tekst(bericht()));
    for (let n = 0; n < volledig.length - 2; n += 1) {
      const r = inChunks(vs, volledig.subarray(0, n), 5);
      expect(r.valid, `cut at ${n}`).toBe(false);
      const fataal = r.errors.filter((e) => /houdt op|is leeg|witruimte/.test(e.message));
      expect(fataal, `cut at ${n}: ${JSON.stringify(r.errors)}`).toHaveLength(1);
      expect(r.stopped).toBe('fatal');
    }
  });
});

describe('invalid UTF-8', () => {
  it('stops at the first byte that is not UTF-8, with its line and column', () => {
    const voor = Buffer.from(
      tekst(bericht([signaal('vs-1'), signaal('vs-2', { client: { Achternaam: 'Jansen-XYZ' } })])),
    );
    const at = voor.indexOf('XYZ');
    for (const slecht of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf0, 0x82, 0x82, 0xac]]) {
      const b = Buffer.concat([voor.subarray(0, at), Buffer.from(slecht), voor.subarray(at + 3)]);
      const r = overal(vs, b);
      expect(r.stopped).toBe('fatal');
      expect(r.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^ongeldige UTF-8/),
          offset: at,
          ...positionOf(b, at),
        }),
      ]);
    }
  });

  it('accepts characters of two, three and four bytes split over chunks, and counts columns in UTF-16 units', () => {
    const b = bytes(
      tekst(
        bericht([signaal('vs-1', { client: { Achternaam: 'Ærø 🦆 Zoë' } }), signaal('vs-2', { status: 'onbekend' })]),
      ),
    );
    const r = overal(vs, b);
    expect(r.errors).toEqual([
      expect.objectContaining({ path: '/leveringen/0/vroegsignalen/1/status', ...plekZonderOffset(b, '"onbekend"') }),
    ]);
  });

  it('reports a file that ends in the middle of a character', () => {
    const b = Buffer.concat([Buffer.from('{"codeGegevensleverancier": "a'), Buffer.from([0xe2, 0x82])]);
    const r = overal(vs, b);
    expect(r.errors[0]!.message).toBe('ongeldige UTF-8: het bestand houdt op midden in een teken');
    expect(r.errors[0]!.offset).toBe(b.length - 2);
  });
});

function plekZonderOffset(b: Uint8Array, marker: string) {
  const { line, column } = plek(b, marker);
  return { line, column };
}

describe('byte order mark', () => {
  it('reports a UTF-8 BOM and validates the rest, counting columns after it', () => {
    const b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(`{"codeGegevensleverancier": 5}`)]);
    const r = overal(vs, b);
    expect(r.stopped).toBeUndefined();
    expect(r.errors[0]).toEqual(
      expect.objectContaining({
        line: 1,
        column: 1,
        offset: 0,
        message: expect.stringMatching(/byte order mark \(BOM\)/),
      }),
    );
    expect(r.errors).toContainEqual(
      expect.objectContaining({
        path: '/codeGegevensleverancier',
        line: 1,
        column: 29,
        offset: 31,
        message: 'codeGegevensleverancier (CharacterString) moet tekst zijn',
      }),
    );
  });

  it('refuses UTF-16', () => {
    const b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')]);
    expect(overal(vs, b).errors).toEqual([
      expect.objectContaining({
        message: 'het bestand is in UTF-16; een JSON-bestand moet in UTF-8 zijn',
        line: 1,
        column: 1,
      }),
    ]);
  });
});

describe('duplicate keys', () => {
  it('reports a key repeated in the envelope and in a record, where JSON.parse would silently keep the last', () => {
    const b = bytes(
      [
        '{',
        '  "startdatumLevering": "2025-01-01",',
        '  "einddatumLevering": "2025-03-31",',
        '  "aanleverdatumEnTijd": "2025-04-01T09:00:00Z",',
        '  "codeGegevensleverancier": "LEV01",',
        '  "codeGegevensleverancier": "LEV02",',
        '  "leveringen": [{ "teller": 1, "gemeentecode": "0363", "teller": 2, "aanleverende_organisatie": { "naam": "G" },',
        '    "vroegsignalen": [',
        '      { "ID": "vs-1", "signaalpartner": { "type": "Huur" }, "client": { "Achternaam": "A", "Achternaam": "B" }, "ID": "vs-9" }',
        '    ]',
        '  }]',
        '}',
      ].join('\n'),
    );
    const r = overal(vs, b);
    const at = (marker: string, n = 1) => {
      let i = -1;
      for (let k = 0; k < n; k++) i = b.indexOf(marker, i + 1);
      return positionOf(b, i);
    };
    const bericht = (naam: string, eerste: { line: number; column: number }) =>
      `het veld "${naam}" staat twee keer in hetzelfde object (ook op regel ${eerste.line}, kolom ${eerste.column}); JSON.parse houdt alleen de laatste waarde`;
    expect(r.errors.map((e) => [e.path, e.line, e.column, e.message])).toEqual([
      [
        '/codeGegevensleverancier',
        ...Object.values(at('"codeGegevensleverancier"', 2)),
        bericht('codeGegevensleverancier', at('"codeGegevensleverancier"')),
      ],
      ['/leveringen/0/teller', ...Object.values(at('"teller"', 2)), bericht('teller', at('"teller"'))],
      [
        '/leveringen/0/vroegsignalen/0/client/Achternaam',
        ...Object.values(at('"Achternaam"', 2)),
        bericht('Achternaam', at('"Achternaam"')),
      ],
      ['/leveringen/0/vroegsignalen/0/ID', ...Object.values(at('"ID"', 2)), bericht('ID', at('"ID"'))],
    ]);
    expect(at('"teller"', 2)).toEqual({ line: 7, column: 57 });
  });
});

describe('__proto__ keys', () => {
  it('never pollutes a prototype: the key is an own property, refused where the object is closed', async () => {
    const b = bytes(
      tekst(
        bericht([signaal('vs-1', { client: { Achternaam: 'A', ['__proto__']: { polluted: true } } }), signaal('vs-2')]),
      ).replace('"ID": "vs-2",', '"ID": "vs-2", "__proto__": { "polluted": true },'),
    );
    expect(b.includes('"__proto__"')).toBe(true);
    const r = overal(vs, b);
    expect(r.errors.map((e) => [e.path, e.message])).toEqual([
      ['/leveringen/0/vroegsignalen/1', 'Vroegsignaal kent geen veld "__proto__"'],
    ]);
    expect((await vs.validateStream([b])).errors.map((e) => e.path)).toEqual(['/leveringen/0/vroegsignalen/1']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('handles __proto__ in the envelope too', () => {
    const b = bytes('{"__proto__": {"polluted": true}, "__proto__": 1}');
    const r = overal(vs, b);
    expect(r.errors.map((e) => e.message)).toContain('Uitwisselmodel kent geen veld "__proto__"');
    expect(r.errors.map((e) => e.message)).toContain(
      'het veld "__proto__" staat twee keer in hetzelfde object (ook op regel 1, kolom 2); JSON.parse houdt alleen de laatste waarde',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('deep nesting', () => {
  it('refuses nesting 10,000 deep, in the envelope and in a record, without overflowing the stack', async () => {
    const diep = '['.repeat(10_000) + ']'.repeat(10_000);
    const b = bytes(diep);
    const r = overal(vs, b);
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: 'geen geldige JSON: te diep genest: meer dan 128 niveaus van objecten en lijsten',
        line: 1,
        column: 129,
      }),
    ]);
    const inRecord = bytes(tekst(bericht()).replace('"ID": "vs-2"', `"ID": "vs-2", "x": ${diep}`));
    const r2 = overal(vs, inRecord);
    expect(r2.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('te diep genest: meer dan 128 niveaus'),
        path: '/leveringen/0/vroegsignalen/1',
      }),
    ]);
    expect(r2.errors[0]!.offset).toBe(inRecord.indexOf('[[[') + 128 - 5);
    expect((await vs.validateStream([inRecord])).errors).toEqual(r2.errors);
  });
});

describe('a single 100 MB string', () => {
  const MB100 = 100 * 1024 * 1024;
  function schrijf(pad: string, voor: string, na: string): void {
    const fd = openSync(pad, 'w');
    writeSync(fd, voor);
    const blok = Buffer.alloc(1 << 20, 'x');
    for (let i = 0; i < MB100 / blok.length; i++) writeSync(fd, blok);
    writeSync(fd, na);
    closeSync(fd);
  }

  it('in a record: reports the record as too large, keeps memory bounded, and validates the rest', async () => {
    const volledig = tekst(bericht([signaal('vs-1'), signaal('vs-2'), signaal('vs-3', { status: 'onbekend' })]));
    const at = volledig.indexOf('"vs-2"') + 1;
    const pad = join(dir, 'lange-tekst.json');
    schrijf(pad, volledig.slice(0, at), volledig.slice(at));
    const rss = process.memoryUsage().rss;
    const r = await vs.validateFile(pad);
    const groei = process.memoryUsage().rss - rss;
    const recordStart = volledig.lastIndexOf('{', at);
    expect(r.errors.map((e) => [e.path, e.message])).toEqual([
      [
        '/leveringen/0/vroegsignalen/1',
        'Vroegsignaal is te groot om te controleren: meer dan het maximum aan bytes van een record (maxRecordBytes)',
      ],
      ['/leveringen/0/vroegsignalen/2/status', expect.stringContaining('de waarde komt niet voor in de lijst')],
    ]);
    expect(r.errors[0]).toEqual(
      expect.objectContaining({ offset: recordStart, ...positionOf(Buffer.from(volledig), recordStart) }),
    );
    expect(r.records).toBe(4);
    // A reference to the record that could not be read is not reported as dangling.
    // The worker thread itself, the chunks in flight and at most maxRecordBytes of the record: not 100 MB.
    expect(groei).toBeLessThan(100 * 1024 * 1024);
  });

  it('in the envelope: reports the part as too large and goes on', async () => {
    const volledig = tekst({ ...bericht(), codeGegevensleverancier: 'LEV' });
    const at = volledig.indexOf('"LEV"') + 1;
    const pad = join(dir, 'lange-code.json');
    schrijf(pad, volledig.slice(0, at), volledig.slice(at));
    const r = await vs.validateFile(pad);
    expect(r.errors.map((e) => [e.path, e.line, e.column, e.message])).toEqual([
      [
        '/',
        1,
        1,
        'Uitwisselmodel is te groot om te controleren: meer dan 16777216 bytes buiten de records (maxRecordBytes)',
      ],
    ]);
    expect(r.records).toBe(3);
  });
});

describe('empty and non-JSON files', () => {
  it('empty', async () => {
    const pad = join(dir, 'leeg.json');
    writeFileSync(pad, '');
    expect(await vs.validateFile(pad)).toEqual({
      valid: false,
      errors: [
        {
          path: '/',
          element: '',
          message: 'het bestand is leeg: er staat geen JSON in',
          line: 1,
          column: 1,
          offset: 0,
        },
      ],
      bytes: 0,
      records: 0,
      stopped: 'fatal',
    });
    expect(overal(vs, bytes(' \n\t\r\n ')).errors).toEqual([
      expect.objectContaining({
        message: 'het bestand bevat alleen witruimte: er staat geen JSON in',
        line: 3,
        column: 2,
      }),
    ]);
  });

  it('not JSON: XML, text, binary, a value that is not an object, something after the value', () => {
    expect(overal(vs, bytes('<?xml version="1.0"?>\n<levering/>')).errors).toEqual([
      expect.objectContaining({
        message: "geen geldige JSON: het bestand is geen JSON: het begint met '<'",
        line: 1,
        column: 1,
      }),
    ]);
    expect(overal(vs, bytes('levering: 1')).errors).toEqual([
      expect.objectContaining({ message: "geen geldige JSON: het bestand is geen JSON: het begint met 'l'" }),
    ]);
    expect(overal(vs, Buffer.from([0x00, 0x01, 0x02, 0x89, 0x50])).errors).toEqual([
      expect.objectContaining({ message: 'geen geldige JSON: het bestand is geen JSON: het begint met byte 0x00' }),
    ]);
    expect(overal(vs, bytes('tru')).errors).toEqual([
      expect.objectContaining({ message: 'geen geldige JSON: ongeldige waarde tru' }),
    ]);
    expect(overal(vs, bytes('42')).errors).toEqual([
      expect.objectContaining({ path: '/', message: 'Uitwisselmodel moet een object zijn' }),
    ]);
    expect(overal(vs, bytes('{} {}')).errors).toContainEqual(
      expect.objectContaining({
        message: "geen geldige JSON: na het einde van het JSON-document staat nog '{'",
        column: 4,
      }),
    );
  });

  it('a record that is not valid JSON is reported and the records after it are still validated', () => {
    const b = bytes(
      tekst(bericht([signaal('vs-1'), signaal('vs-2'), signaal('vs-3', { status: 'onbekend' })])).replace(
        '"ID": "vs-2",',
        '"ID": "vs-2" "x": 1,',
      ),
    );
    const r = overal(vs, b);
    expect(r.errors.map((e) => [e.path, e.message])).toEqual([
      [
        '/leveringen/0/vroegsignalen/1',
        "Vroegsignaal is geen geldige JSON: onverwacht teken '\"'; verwacht ',' of '}'",
      ],
      ['/leveringen/0/vroegsignalen/2/status', expect.stringContaining('de waarde komt niet voor in de lijst')],
    ]);
    expect(r.errors[0]).toEqual(expect.objectContaining(plekZonderOffset(b, '"x": 1')));
  });

  it('records not separated by a comma', () => {
    const b = bytes(tekst(bericht()).replace(/\},(\s*)\{\s*"ID": "vs-2"/, '}$1{ "ID": "vs-2"'));
    expect(overal(vs, b).errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/verwacht ',' of '\]' na Vroegsignaal \/leveringen\/0\/vroegsignalen\/0/),
      }),
    ]);
  });
});

describe('limits', () => {
  it('stops after --max-errors errors', () => {
    const signalen = Array.from({ length: 50 }, (_, i) => signaal(`vs-${i}`, { status: 'onbekend' }));
    const r = overal(vs, bytes(tekst(bericht(signalen))), { maxErrors: 10 });
    expect(r.errors).toHaveLength(10);
    expect(r.stopped).toBe('max-errors');
  });
});
