import { isRedacted } from '../../../shared/domain/redacted-value';
import { nameSearchToken } from '../../../shared/roster/person-name-key';

/** Phone suffixes from this many digits up are indexed, so "5678" finds 081-234-5678. */
const MIN_PHONE_SUFFIX = 4;
/** Only the last four ID digits are searchable: enough to confirm a person, too few to expose the ID. */
const ID_DIGITS_SEARCHABLE = 4;

/**
 * The text of a person that search covers: names (as words and as whole-name tokens for prefix
 * search), the phone and its suffixes, and the last digits of the ID. A deleted record (merged away
 * or erased) has none: it must not be found.
 */
export function memberSearchText(row: { deleted?: unknown; firstName?: unknown; lastName?: unknown; phone?: unknown; nationalId?: unknown }): string {
  if (row.deleted === true) return '';
  const parts: string[] = [];
  for (const name of [row.firstName, row.lastName]) {
    if (typeof name === 'string' && name.trim()) parts.push(name, nameSearchToken(name));
  }
  // A phone withheld from this user (issue 18) is not theirs to search by.
  if (typeof row.phone === 'string' && row.phone && !isRedacted(row.phone)) {
    parts.push(row.phone);
    for (let n = MIN_PHONE_SUFFIX; n < row.phone.length; n++) parts.push(row.phone.slice(-n));
  }
  if (typeof row.nationalId === 'string' && row.nationalId.length === 13) parts.push(row.nationalId.slice(-ID_DIGITS_SEARCHABLE));
  // A redacted ID still shows its last four digits: searchable as before.
  else if (typeof row.nationalId === 'string' && isRedacted(row.nationalId)) {
    const shown = row.nationalId.replace(/\D/g, '');
    if (shown.length === ID_DIGITS_SEARCHABLE) parts.push(shown);
  }
  return parts.join(' ');
}
