/**
 * A large delivery, written to a temporary file with a streaming writer: one error planted in the Vroegsignaal
 * with index 500,000 (of 600,000, spread over Leveringen of 7,000) is the only error reported, with the right
 * JSON pointer, line and column. The size can be set with MIMGEN_STREAM_RECORDS (default 600,000).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDelivery } from './delivery.ts';
import { pakket, positionOf } from './support.ts';

const RECORDS = Number(process.env.MIMGEN_STREAM_RECORDS ?? 600_000);
const PLANTED = Math.min(500_000, RECORDS - 1);
const PER_LEVERING = 7_000;
const dir = mkdtempSync(join(tmpdir(), 'mimgen-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a large delivery', () => {
  it(`finds the one error planted at record ${PLANTED.toLocaleString('en')} of ${RECORDS.toLocaleString('en')} with its pointer, line and column`, async () => {
    const pad = join(dir, 'levering.json');
    const info = writeDelivery(pad, {
      model: 'vroegsignalering',
      records: RECORDS,
      perLevering: PER_LEVERING,
      style: 'compact',
      content: 'small',
      plant: { index: PLANTED, record: (r) => ({ ...r, signaalpartner: { type: 'Geplante fout' } }) },
    });
    const p = await pakket('vroegsignalering');
    const r = await p.validateFile(pad);

    // Where the planted value is, found in the file's bytes independently of the validator.
    const bytes = readFileSync(pad);
    const offset = bytes.indexOf('"Geplante fout"');
    expect(bytes.indexOf('"Geplante fout"', offset + 1)).toBe(-1);
    const levering = Math.floor(PLANTED / PER_LEVERING);
    const index = PLANTED % PER_LEVERING;
    expect(r.errors).toEqual([
      {
        path: `/leveringen/${levering}/vroegsignalen/${index}/signaalpartner/type`,
        element: 'Signaalpartner.type (EnumSignaalpartner)',
        message: expect.stringMatching(
          /^Signaalpartner\.type \(EnumSignaalpartner\): de waarde komt niet voor in de lijst \("Energie", /,
        ),
        offset,
        ...positionOf(bytes, offset),
      },
    ]);
    expect(r.records).toBe(info.records + info.zaken);
    expect(r.bytes).toBe(info.bytes);
    console.log(
      `${(info.bytes / 1e6).toFixed(0)} MB, ${r.records} records; error at line ${r.errors[0]!.line}, column ${r.errors[0]!.column}`,
    );
  }, 240_000);
});
