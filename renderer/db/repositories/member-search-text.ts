import { isRedacted } from '../../../shared/domain/redacted-value';
import { nameSearchToken } from '../../../shared/roster/person-name-key';
import { tokenizeForSearch } from '../../../shared/thai/search-tokens';

/** Phone suffixes from this many digits up are indexed, so "5678" finds 081-234-5678. */
const MIN_PHONE_SUFFIX = 4;
/** Only the last four ID digits are searchable: enough to confirm a person, too few to expose the ID. */
const ID_DIGITS_SEARCHABLE = 4;

/**
 * The text of a person that search covers: names (as words and as whole-name tokens for prefix
 * search), the phone and its suffixes, and the last digits of the ID. A deleted record (merged away
 * or erased) has none: it must not be found.
 */
export function memberSearchText(row: SearchableMember): string {
  return memberSearchParts(row).join(' ');
}

type SearchableMember = { deleted?: unknown; firstName?: unknown; lastName?: unknown; phone?: unknown; nationalId?: unknown };

function memberSearchParts(row: SearchableMember): string[] {
  if (row.deleted === true) return [];
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
  return parts;
}

/** Parts tokenized before: names repeat across a province, and ICU segmentation is most of a person's tokens' cost. */
const tokensOfPart = new Map<string, string[]>();
const TOKENS_OF_PART_LIMIT = 20_000;
/** A phone or ID as typed ("081-234-5678"): ICU makes each run of digits a word and nothing else. */
const DIGIT_GROUPS = /^[\d\s-]+$/;

function partTokens(part: string): string[] {
  if (DIGIT_GROUPS.test(part)) return part.split(/[\s-]+/).filter((group) => group !== '');
  let tokens = tokensOfPart.get(part);
  if (!tokens) {
    if (tokensOfPart.size >= TOKENS_OF_PART_LIMIT) tokensOfPart.clear();
    tokensOfPart.set(part, (tokens = tokenizeForSearch(part)));
  }
  return tokens;
}

/**
 * A person's search tokens: the tokens of memberSearchText, part by part (words never cross the spaces
 * between its parts, so the union is the same), each distinct part segmented once.
 */
export function memberSearchTokens(row: SearchableMember): string[] {
  const tokens = new Set<string>();
  for (const part of memberSearchParts(row)) for (const token of partTokens(part)) tokens.add(token);
  return [...tokens];
}
