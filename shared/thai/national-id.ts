// เลขประจำตัวประชาชน: 13 digits, the last a check digit over the first 12. Shown as
// X-XXXX-XXXXX-XX-X and masked by default (PDPA: show only what the work needs).
import { fromThaiDigits } from './buddhist-era-date';

const LENGTH = 13;
const GROUPS = [1, 4, 5, 2, 1] as const;

/** The 13 digits of an ID typed with or without dashes and spaces (Thai digits too), or null. */
export function normaliseNationalId(input: string): string | null {
  const digits = fromThaiDigits(input).replace(/[\s-]/g, '');
  return /^\d{13}$/.test(digits) ? digits : null;
}

function checkDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < LENGTH - 1; i++) sum += Number(digits[i]) * (LENGTH - i);
  return (11 - (sum % 11)) % 10;
}

/** True for 13 digits whose last digit is the DOPA check digit of the first 12. */
export function isValidNationalId(input: string): boolean {
  const digits = normaliseNationalId(input);
  return digits !== null && checkDigit(digits) === Number(digits[LENGTH - 1]);
}

function group(digits: string): string {
  const out: string[] = [];
  let at = 0;
  for (const size of GROUPS) {
    out.push(digits.slice(at, at + size));
    at += size;
  }
  return out.join('-');
}

/** "1-2345-67890-12-1", or null when the input is not 13 digits. The check digit is not verified. */
export function formatNationalId(input: string): string | null {
  const digits = normaliseNationalId(input);
  return digits === null ? null : group(digits);
}

/** "x-xxxx-xxxx0-12-1": the grouping stays, all but the last four digits become "x". */
export function maskNationalId(input: string): string | null {
  const digits = normaliseNationalId(input);
  if (digits === null) return null;
  const shown = 4;
  return group('x'.repeat(LENGTH - shown) + digits.slice(LENGTH - shown));
}

/** The last `n` digits (4 by default), e.g. to confirm an identity by phone; null for a bad ID. */
export function nationalIdLastDigits(input: string, n = 4): string | null {
  if (!Number.isInteger(n) || n < 0 || n > LENGTH) throw new RangeError(`n must be an integer from 0 to ${LENGTH}`);
  const digits = normaliseNationalId(input);
  return digits === null ? null : digits.slice(LENGTH - n);
}
