import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PHONE_ERROR_MESSAGES, formatPhone, isMobile, normalisePhone, validatePhone } from './phone-number';
import type { PhoneErrorCode } from './phone-number';
import { toThaiDigits } from './buddhist-era-date';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const mobile = fc.tuple(fc.constantFrom('6', '8', '9'), digits(8)).map(([network, rest]) => `0${network}${rest}`);
const bangkokLandline = digits(7).map((rest) => `02${rest}`);
const provincialLandline = fc.tuple(fc.constantFrom('3', '4', '5', '7'), digits(7)).map(([area, rest]) => `0${area}${rest}`);

describe('normalisePhone', () => {
  it.each([
    ['081-234-5678', '0812345678'],
    ['081 234 5678', '0812345678'],
    ['+66 81 234 5678', '0812345678'],
    ['+66-81-234-5678', '0812345678'],
    ['+66 (0) 81 234 5678', '0812345678'],
    ['66812345678', '0812345678'],
    ['0066812345678', '0812345678'],
    ['๐๘๑-๒๓๔-๕๖๗๘', '0812345678'],
    ['02-123-4567', '021234567'],
    ['+662 123 4567', '021234567'],
    ['(053) 711-111', '053711111'],
    ['053.711.111', '053711111'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each(['', 'โทร', '1669', '0112345678', '081234567', '08123456789', '02123456', '+1 202 555 0100', '081-234-5678 ต่อ 12', '++66812345678'])(
    'returns null for %j',
    (input) => {
      expect(normalisePhone(input)).toBeNull();
    },
  );

  it('round-trips any mobile or landline through every way of writing it', () => {
    fc.assert(
      fc.property(fc.oneof(mobile, bangkokLandline, provincialLandline), (national) => {
        const formatted = formatPhone(national) ?? '';
        expect(normalisePhone(formatted)).toBe(national);
        expect(normalisePhone(`+66 ${national.slice(1)}`)).toBe(national);
        expect(normalisePhone(toThaiDigits(formatted))).toBe(national);
      }),
    );
  });
});

describe('isMobile', () => {
  it('is true for 06, 08 and 09 numbers only', () => {
    fc.assert(
      fc.property(mobile, (n) => {
        expect(isMobile(n)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(bangkokLandline, provincialLandline), (n) => {
        expect(isMobile(n)).toBe(false);
      }),
    );
  });

  it('is false for anything that is not a phone number', () => {
    expect(isMobile('')).toBe(false);
    expect(isMobile('081234567')).toBe(false);
  });
});

describe('formatPhone', () => {
  it('groups mobiles 3-3-4, Bangkok 2-3-4 and provincial lines 3-3-3', () => {
    expect(formatPhone('0812345678')).toBe('081-234-5678');
    expect(formatPhone('+66 2 123 4567')).toBe('02-123-4567');
    expect(formatPhone('053711111')).toBe('053-711-111');
    fc.assert(
      fc.property(mobile, (n) => {
        expect(formatPhone(n)).toMatch(/^0[689]\d-\d{3}-\d{4}$/);
      }),
    );
    fc.assert(
      fc.property(bangkokLandline, (n) => {
        expect(formatPhone(n)).toMatch(/^02-\d{3}-\d{4}$/);
      }),
    );
    fc.assert(
      fc.property(provincialLandline, (n) => {
        expect(formatPhone(n)).toMatch(/^0[3457]\d-\d{3}-\d{3}$/);
      }),
    );
  });

  it('returns null for a bad number', () => {
    expect(formatPhone('12345')).toBeNull();
  });
});

describe('validatePhone', () => {
  it('returns the national form and the kind of line', () => {
    expect(validatePhone('081-234-5678')).toEqual({ ok: true, value: '0812345678', kind: 'mobile' });
    expect(validatePhone('02 123 4567')).toEqual({ ok: true, value: '021234567', kind: 'bangkok-landline' });
    expect(validatePhone('053 711 111')).toEqual({ ok: true, value: '053711111', kind: 'provincial-landline' });
  });

  it.each<[string, PhoneErrorCode]>([
    ['', 'empty'],
    [' - ', 'empty'],
    ['081-234-567x', 'not-digits'],
    ['081-234-5678 ต่อ 12', 'not-digits'],
    ['1669', 'bad-prefix'],
    ['0112345678', 'bad-prefix'],
    ['+1 202 555 0100', 'bad-prefix'],
    ['081234567', 'mobile-length'],
    ['+66 81 234 56789', 'mobile-length'],
    ['0212345678', 'landline-length'],
    ['05371111', 'landline-length'],
  ])('explains in Thai why %j is refused (%s)', (input, code) => {
    const result = validatePhone(input);
    expect(result).toEqual({ ok: false, code, reason: PHONE_ERROR_MESSAGES[code] });
    if (!result.ok) expect(result.reason).toMatch(/[\u0E01-\u0E4E]/);
  });
});
