/**
 * What the streaming validator is generated from: the record lists found generically in the uitwisselmodel
 * (lists of objecttype objects held directly by an envelope object), and the "date" format check that
 * replaces ajv-formats' regular expression with the same verdict.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { recordLijsten } from '../../generator/emit/package/stream.ts';
import { uitwisselmodel } from '../package/support.ts';
import { pakket, ROOT } from './support.ts';

describe('stream plan', () => {
  it('finds the record lists of both models without naming them', () => {
    expect(recordLijsten(uitwisselmodel('vroegsignalering'))).toEqual([
      ['leveringen', '*', 'vroegsignalen'],
      ['leveringen', '*', 'vroegsignaalzaken'],
    ]);
    expect(recordLijsten(uitwisselmodel('schuldhulpverlening'))).toEqual([['leveringen', '*', 'schuldhulptrajecten']]);
  });

  it('splits the message into the envelope, each Levering and the records', async () => {
    const p = await pakket('vroegsignalering');
    expect(p.STREAM_PLAN.eenheden.map((e) => [e.naam, e.pad.join('.'), e.record])).toEqual([
      ['Uitwisselmodel', '', false],
      ['Levering', 'leveringen.*', false],
      ['Vroegsignaal', 'leveringen.*.vroegsignalen.*', true],
      ['Vroegsignaalzaak', 'leveringen.*.vroegsignaalzaken.*', true],
    ]);
  });
});

describe('date format', () => {
  const volledig = (fullFormats.date as { validate: (s: string) => boolean }).validate;
  it('gives the verdict of ajv-formats on any string', async () => {
    const { datumFormaat } = (await import(
      join(ROOT, 'generated', 'vroegsignalering', 'dist', 'stream-validators.js')
    )) as { datumFormaat: (s: string) => boolean };
    const datumAchtig = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([j, m, d]) => `${String(j).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    // A fixed seed: a failure reproduces, and fast-check prints it with the counterexample.
    let runs = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          datumAchtig,
          fc.string(),
          fc.string({ unit: 'binary' }),
          datumAchtig.map((s) => `${s}\n`),
          datumAchtig.map((s) => s.replace(/\d/, '٣')),
        ),
        (s) => {
          runs++;
          expect(datumFormaat(s)).toBe(volledig(s));
        },
      ),
      { numRuns: 20_000, seed: 20_241_204 },
    );
    expect(runs).toBe(20_000);
    for (const s of [
      '2024-02-29',
      '2023-02-29',
      '1900-02-29',
      '2000-02-29',
      '2025-04-31',
      '2025-12-31',
      '0000-01-01',
      '2025-1-01',
      '2025-01-01 ',
      ' 2025-01-01',
      '2025-00-10',
      '2025-13-10',
    ])
      expect(datumFormaat(s), s).toBe(volledig(s));
  });
});
