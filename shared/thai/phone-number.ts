// Thai phone numbers in the national form: mobiles are 10 digits starting 06, 08 or 09; fixed lines
// are 9 digits, 02 for Bangkok and its neighbours and 03/04/05/07 for the provinces.
import { fromThaiDigits } from './buddhist-era-date';

export type PhoneKind = 'mobile' | 'bangkok-landline' | 'provincial-landline';

export type PhoneErrorCode = 'empty' | 'not-digits' | 'bad-prefix' | 'mobile-length' | 'landline-length';

/** Messages shown beside the field, in Thai. */
export const PHONE_ERROR_MESSAGES: Record<PhoneErrorCode, string> = {
  'empty': 'กรุณากรอกหมายเลขโทรศัพท์',
  'not-digits': 'หมายเลขโทรศัพท์ต้องเป็นตัวเลขเท่านั้น',
  'bad-prefix': 'หมายเลขโทรศัพท์ต้องขึ้นต้นด้วย 02–09 หรือ +66',
  'mobile-length': 'หมายเลขโทรศัพท์มือถือต้องมี 10 หลัก',
  'landline-length': 'หมายเลขโทรศัพท์พื้นฐานต้องมี 9 หลัก',
};

export type PhoneValidation =
  | { ok: true; value: string; kind: PhoneKind }
  | { ok: false; code: PhoneErrorCode; reason: string };

function fail(code: PhoneErrorCode): PhoneValidation {
  return { ok: false, code, reason: PHONE_ERROR_MESSAGES[code] };
}

/**
 * Checks a number as typed: spaces, dashes, dots, brackets, Thai digits and a +66 / 66 / 0066
 * country prefix are accepted; the value is the digits-only national form ("0812345678").
 */
export function validatePhone(input: string): PhoneValidation {
  const compact = fromThaiDigits(input).replace(/[\s().-]/g, '');
  if (compact === '') return fail('empty');
  if (!/^\+?\d+$/.test(compact)) return fail('not-digits');
  // "+66 (0)81…" is common on business cards: drop the trunk 0 written after the country code.
  const international = /^(?:\+|00)?66(\d+)$/.exec(compact);
  const national = international ? `0${(international[1] ?? '').replace(/^0/, '')}` : compact;
  if (national.startsWith('+')) return fail('bad-prefix');

  const kind = kindOf(national);
  if (kind === null) return fail('bad-prefix');
  if (kind === 'mobile' && national.length !== 10) return fail('mobile-length');
  if (kind !== 'mobile' && national.length !== 9) return fail('landline-length');
  return { ok: true, value: national, kind };
}

function kindOf(national: string): PhoneKind | null {
  if (/^0[689]/.test(national)) return 'mobile';
  if (national.startsWith('02')) return 'bangkok-landline';
  if (/^0[3457]/.test(national)) return 'provincial-landline';
  return null;
}

/** The digits-only national form ("0812345678", "053711111"), or null if it is not a Thai number. */
export function normalisePhone(input: string): string | null {
  const result = validatePhone(input);
  return result.ok ? result.value : null;
}

export function isMobile(input: string): boolean {
  const result = validatePhone(input);
  return result.ok && result.kind === 'mobile';
}

/** "081-234-5678", "02-123-4567", "053-711-111"; null if it is not a Thai number. */
export function formatPhone(input: string): string | null {
  const result = validatePhone(input);
  if (!result.ok) return null;
  const n = result.value;
  switch (result.kind) {
    case 'mobile':
      return `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
    case 'bangkok-landline':
      return `${n.slice(0, 2)}-${n.slice(2, 5)}-${n.slice(5)}`;
    case 'provincial-landline':
      return `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
  }
}
