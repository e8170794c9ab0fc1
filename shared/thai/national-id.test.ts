import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  formatNationalId,
  isValidNationalId,
  maskNationalId,
  nationalIdLastDigits,
  normaliseNationalId,
} from './national-id';
import { toThaiDigits } from './buddhist-era-date';

// The DOPA rule, written out independently of the code under test.
function withCheckDigit(first12: string): string {
  let sum = 0;
  [...first12].forEach((digit, i) => {
    sum += Number(digit) * (13 - i);
  });
  return `${first12}${(11 - (sum % 11)) % 10}`;
}

const twelveDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((d) => d.join(''));
const validId = twelveDigits.map(withCheckDigit);

const SAMPLE = withCheckDigit('110370012345');

function grouped(id: string): string {
  return `${id.slice(0, 1)}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id.slice(12)}`;
}

describe('normaliseNationalId', () => {
  it('keeps only the digits of a 13-digit ID typed with dashes, spaces or Thai digits', () => {
    expect(normaliseNationalId(SAMPLE)).toBe(SAMPLE);
    expect(normaliseNationalId(grouped(SAMPLE))).toBe(SAMPLE);
    expect(normaliseNationalId(` ${grouped(SAMPLE).replace(/-/g, ' ')} `)).toBe(SAMPLE);
    expect(normaliseNationalId(toThaiDigits(grouped(SAMPLE)))).toBe(SAMPLE);
  });

  it.each(['', '123', SAMPLE.slice(0, 12), `${SAMPLE}0`, `${SAMPLE.slice(0, 12)}a`, `${SAMPLE.slice(0, 6)}.${SAMPLE.slice(6)}`])(
    'returns null for %j',
    (input) => {
      expect(normaliseNationalId(input)).toBeNull();
    },
  );
});

describe('isValidNationalId', () => {
  it('accepts any 12 digits followed by their check digit, however they are written', () => {
    fc.assert(
      fc.property(validId, (id) => {
        expect(isValidNationalId(id)).toBe(true);
        expect(isValidNationalId(grouped(id))).toBe(true);
        expect(isValidNationalId(toThaiDigits(id))).toBe(true);
      }),
    );
  });

  it('rejects every other check digit', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const right = Number(id[12]);
        for (let wrong = 0; wrong <= 9; wrong++) {
          if (wrong !== right) expect(isValidNationalId(`${id.slice(0, 12)}${wrong}`)).toBe(false);
        }
      }),
    );
  });

  it.each(['', 'abcdefghijklm', SAMPLE.slice(0, 12), `${SAMPLE}1`, `+${SAMPLE}`])('rejects %j', (input) => {
    expect(isValidNationalId(input)).toBe(false);
  });
});

describe('formatNationalId', () => {
  it('groups as X-XXXX-XXXXX-XX-X', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const formatted = formatNationalId(id);
        expect(formatted).toMatch(/^\d-\d{4}-\d{5}-\d{2}-\d$/);
        expect(formatted?.replace(/-/g, '')).toBe(id);
        expect(formatNationalId(` ${toThaiDigits(formatted ?? '')} `)).toBe(formatted);
      }),
    );
  });

  it('returns null for input that is not 13 digits', () => {
    expect(formatNationalId('12345')).toBeNull();
    expect(formatNationalId('')).toBeNull();
  });
});

describe('maskNationalId', () => {
  it('shows only the last four digits and keeps the grouping', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const masked = maskNationalId(id);
        expect(masked).toMatch(/^x-xxxx-xxxx\d-\d{2}-\d$/);
        expect(masked?.replace(/[^\d]/g, '')).toBe(id.slice(9));
      }),
    );
    expect(maskNationalId(grouped(SAMPLE))).toBe(`x-xxxx-xxxx${SAMPLE[9]}-${SAMPLE.slice(10, 12)}-${SAMPLE[12]}`);
  });

  it('returns null for input that is not 13 digits', () => {
    expect(maskNationalId('1-2345')).toBeNull();
  });
});

describe('nationalIdLastDigits', () => {
  it('gives the last four digits by default, or as many as asked', () => {
    expect(nationalIdLastDigits(grouped(SAMPLE))).toBe(SAMPLE.slice(-4));
    expect(nationalIdLastDigits(SAMPLE, 1)).toBe(SAMPLE.slice(-1));
    expect(nationalIdLastDigits(SAMPLE, 13)).toBe(SAMPLE);
    expect(nationalIdLastDigits(SAMPLE, 0)).toBe('');
  });

  it('returns null for a bad ID and throws for a bad count', () => {
    expect(nationalIdLastDigits('123')).toBeNull();
    expect(() => nationalIdLastDigits(SAMPLE, 14)).toThrow(RangeError);
    expect(() => nationalIdLastDigits(SAMPLE, -1)).toThrow(RangeError);
    expect(() => nationalIdLastDigits(SAMPLE, 1.5)).toThrow(RangeError);
  });
});
