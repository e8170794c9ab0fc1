import { maskNationalId } from '../../../shared/thai/national-id';
import { formatPhone } from '../../../shared/thai/phone-number';

/**
 * Personal fields are shown as the roster shows them: a national ID masked (revealing it is the
 * person page's audited action, not a side effect of resolving a conflict), a phone formatted.
 * A masked value cannot be edited into a merge, so such a field is resolved by keeping one side.
 */
export const PRIVATE_FIELDS = new Set(['nationalId']);

export function displayFieldValue(field: string, value: unknown): string {
  if (field === 'nationalId' && typeof value === 'string') return maskNationalId(value) ?? '—';
  if (field === 'phone' && typeof value === 'string') return formatPhone(value) ?? value;
  return displayText(value);
}

/** What a person reads: text as is (HTML without its tags), anything else as JSON. */
export function displayText(value: unknown): string {
  if (typeof value === 'string') {
    const text = /<[a-z][^>]*>/i.test(value) ? value.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : value;
    return text === '' ? '—' : text;
  }
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return JSON.stringify(value, null, 2);
}

