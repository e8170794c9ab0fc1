// Which stored values are personal data, sealed at rest (issue 14, docs/privacy.md "Encryption at rest of the
// personal fields"): the fields of people and partner contacts, wherever a copy of them is kept — the records,
// the outbox's queued changes, the conflicts rows and the list of refused changes. Names, places, roles and
// dates of activities stay in clear (the lists sort and search by them).
import { isSearchToken, nationalIdTokens, phoneTokens } from '../../security/field-cipher';
import { isRedacted } from '../../../shared/domain/redacted-value';

/** Personal fields per synced table (address and date of birth are sealed too if a later schema adds them). */
export const PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  members: ['nationalId', 'phone', 'lineId', 'email', 'address', 'dateOfBirth'],
  partners: ['contacts'],
};

export function personalFieldsOf(table: unknown): readonly string[] {
  return typeof table === 'string' && Object.hasOwn(PERSONAL_FIELDS, table) ? PERSONAL_FIELDS[table]! : [];
}

/** The syncState row holding the refused changes (renderer/sync/sync-records.ts REJECTED_KEY). */
export const REJECTED_STATE_KEY = 'syncRejected';

/** Whether a value is worth sealing: absent and blank values say nothing and stay as they are. */
export function holdsValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * A person's search tokens with the digits in clear (phone endings, an ID's last four, as member-search-text.ts
 * derives them) replaced by keyed tokens of the clear values. Name tokens stay. A deleted person has none.
 */
export function sealedMemberTokens(searchKey: Uint8Array, tokens: readonly unknown[], person: { deleted?: unknown; nationalId?: unknown; phone?: unknown }): string[] {
  const kept = tokens.filter((t): t is string => typeof t === 'string' && !/^\d+$/.test(t) && !isSearchToken(t));
  if (person.deleted === true) return kept;
  const keyed: string[] = [];
  if (typeof person.nationalId === 'string') keyed.push(...nationalIdTokens(searchKey, isRedacted(person.nationalId) ? person.nationalId.replace(/\D/g, '') : person.nationalId));
  if (typeof person.phone === 'string' && !isRedacted(person.phone)) keyed.push(...phoneTokens(searchKey, person.phone));
  return [...kept, ...new Set(keyed)];
}

/** Whether stored search tokens still hold digits in clear (a row written before encryption at rest). */
export function hasClearDigitTokens(tokens: unknown): boolean {
  return Array.isArray(tokens) && tokens.some((t) => typeof t === 'string' && /^\d+$/.test(t));
}
