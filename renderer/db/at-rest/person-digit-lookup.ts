import { digitsQueryTokens, nationalIdQueryToken } from '../../security/field-cipher';
import type { DeskDatabase } from '../database';
import { AtRestLockedError } from './row-sealers';

/**
 * How typed digits are looked up in people's searchTokens index. Sealed at rest, the index holds keyed tokens:
 * exact ones (an ID, its or a phone's last four, a phone's beginning of six or more). Otherwise the digits are
 * there in clear and a prefix matches.
 */
export function digitLookup(db: DeskDatabase, digits: string): { exact: string[] } | { prefix: string } {
  if (!db.atRestKeys) return { prefix: digits };
  const keys = db.atRestKeys();
  if (!keys) throw new AtRestLockedError();
  return { exact: digitsQueryTokens(keys.searchKey, digits) };
}

/** Ids of the people stored with this whole national ID (sealed: by its keyed token; in clear: by its last four, to be compared). */
export async function peopleIdsWithNationalId(db: DeskDatabase, nationalId: string): Promise<string[]> {
  const keys = db.atRestKeys?.() ?? null;
  if (db.atRestKeys && !keys) throw new AtRestLockedError();
  const token = keys ? nationalIdQueryToken(keys.searchKey, nationalId) : nationalId.slice(-4);
  return token ? db.members.where('searchTokens').equals(token).primaryKeys() : [];
}
