import { describe, expect, it } from 'vitest';
import { parseKardinaliteit } from '../generator/model/resolve.ts';

describe('kardinaliteit', () => {
  it('parses the MIM forms', () => {
    expect(parseKardinaliteit('0..*')).toEqual({ min: 0, max: undefined, tekst: '0..*' });
    expect(parseKardinaliteit(1)).toEqual({ min: 1, max: 1, tekst: '1' });
    expect(parseKardinaliteit('2..1')).toBeUndefined();
  });
});
