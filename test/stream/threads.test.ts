/**
 * The same errors whoever validates the records: this thread alone, the main thread with a worker that only
 * scans, or the worker validating every record itself (and the main thread applying what it found). The
 * delivery holds an error of every kind, spread over chunks: schema errors, a repeated ID, a reference to a
 * Vroegsignaal of another Levering, a date order, a record that is not JSON, duplicate Leveringen.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inChunks, pakket } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'mimgen-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function levering(teller: number, n: number, fouten: boolean) {
  const signalen = Array.from({ length: n }, (_, i) => ({
    ID: `vs-${teller}-${i}`,
    signaalpartner: { type: 'Huur' },
    client: { Achternaam: 'Jansen '.repeat(20) },
  }));
  const zaken = Array.from({ length: n / 2 }, (_, i) => ({
    startdatum_matchtingperiode: '2025-01-01',
    einddatum_matchingperiode: '2025-01-31',
    vroegsignalen: [{ ID: `vs-${teller}-${2 * i}` }, { ID: `vs-${teller}-${2 * i + 1}` }],
  }));
  if (fouten) {
    signalen[1500]!.ID = 'vs-1-7'; // repeats the ID of signal 7
    (signalen[2500]!.signaalpartner as { type: string }).type = 'Onbekend';
    zaken[300]!.vroegsignalen[0]!.ID = 'vs-9-1'; // a Vroegsignaal of another Levering
    zaken[900]!.einddatum_matchingperiode = '2024-12-31';
  }
  return {
    teller,
    gemeentecode: '0363',
    aanleverende_organisatie: { naam: 'Gemeente' },
    vroegsignalen: signalen,
    vroegsignaalzaken: zaken,
  };
}

describe('one thread or two', () => {
  it('reports the same errors at the same places whichever thread validates the records', async () => {
    const bericht = {
      startdatumLevering: '2025-01-01',
      einddatumLevering: '2025-03-31',
      aanleverdatumEnTijd: '2025-04-01T09:00:00Z',
      codeGegevensleverancier: 'LEV01',
      leveringen: [levering(1, 4000, true), levering(2, 4000, false), levering(1, 4000, true)],
    };
    let tekst = JSON.stringify(bericht, null, 2);
    // A record that is not valid JSON, in the second Levering.
    tekst = tekst.replace('"ID": "vs-2-3000",', '"ID": "vs-2-3000" "x": 1,');
    const pad = join(dir, 'levering.json');
    writeFileSync(pad, tekst);
    const p = await pakket('vroegsignalering');
    const een = inChunks(p, Buffer.from(tekst), 1 << 16);
    const paden = een.errors.map((e) => e.path);
    expect(paden).toContain('/leveringen/0/vroegsignalen/1500/ID');
    expect(paden).toContain('/leveringen/0/vroegsignalen/2500/signaalpartner/type');
    expect(paden).toContain('/leveringen/0/vroegsignaalzaken/300/vroegsignalen/0/ID');
    expect(paden).toContain('/leveringen/0/vroegsignaalzaken/900/einddatum_matchingperiode');
    expect(paden).toContain('/leveringen/1/vroegsignalen/3000');
    // The first and the third Levering are equal: the list of Leveringen must have unique items.
    expect(een.errors).toContainEqual(
      expect.objectContaining({
        path: '/leveringen',
        message: 'leveringen (Levering) bevat twee gelijke elementen (nummer 1 en 3)',
      }),
    );
    for (const verdeling of ['hoofd', 'werker', 'balans'] as const) {
      expect(await p.validateFile(pad, { verdeling } as never), verdeling).toEqual(een);
      expect(await p.validateStream([Buffer.from(tekst)], { verdeling } as never), verdeling).toEqual(een);
    }
    expect(await p.validateFile(pad, { worker: false })).toEqual(een);
  });

  it('tells apart Leveringen that only look alike (same fields, counts and sizes) by reading the file again', async () => {
    const a = levering(1, 10, false);
    const b = structuredClone(a);
    b.vroegsignalen[3]!.ID = 'vs-1-X'; // same length, other bytes
    b.vroegsignaalzaken[1]!.vroegsignalen[1]!.ID = 'vs-1-X';
    const tekst = JSON.stringify({
      startdatumLevering: '2025-01-01',
      einddatumLevering: '2025-03-31',
      aanleverdatumEnTijd: '2025-04-01T09:00:00Z',
      codeGegevensleverancier: 'L',
      leveringen: [a, b],
    });
    const pad = join(dir, 'gelijkend.json');
    writeFileSync(pad, tekst);
    const p = await pakket('vroegsignalering');
    expect(inChunks(p, Buffer.from(tekst), 100).valid).toBe(true);
    expect((await p.validateFile(pad)).valid).toBe(true);
  });
});
