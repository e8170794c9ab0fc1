// Duplicates on a roster: the same national ID, or the same name in the same tambon (the same
// person entered twice, often once by each device). Groups are offered for a merge, never merged
// silently: two people can share a name.
import { isRedacted } from '../domain/redacted-value';
import { personNameKey } from './row-validation';

export interface DuplicateCandidate {
  id: string;
  tambonCode: string;
  firstName: string;
  lastName: string;
  nationalId: string | null;
}

export interface DuplicateGroup {
  reason: 'same-id' | 'same-name';
  /** Record ids, in the order they were given (oldest first when the caller sorts so). */
  ids: string[];
}

/** Groups of two or more; a pair found by ID is not repeated as a name pair. */
export function findDuplicateGroups(people: readonly DuplicateCandidate[]): DuplicateGroup[] {
  const byId = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  for (const p of people) {
    // A redacted ID shows four digits: two people can share them, so it says nothing about sameness.
    if (p.nationalId && !isRedacted(p.nationalId)) push(byId, p.nationalId, p.id);
    if (p.firstName.trim()) push(byName, personNameKey(p.tambonCode, p.firstName, p.lastName), p.id);
  }
  const groups: DuplicateGroup[] = [];
  const paired = new Set<string>();
  for (const ids of byId.values()) {
    if (ids.length < 2) continue;
    groups.push({ reason: 'same-id', ids });
    for (const a of ids) for (const b of ids) paired.add(`${a}|${b}`);
  }
  for (const ids of byName.values()) {
    if (ids.length < 2) continue;
    if (ids.every((a) => ids.every((b) => a === b || paired.has(`${a}|${b}`)))) continue;
    groups.push({ reason: 'same-name', ids });
  }
  return groups;
}

/** The duplicates of one person among others. */
export function duplicatesOf(person: DuplicateCandidate, others: readonly DuplicateCandidate[]): DuplicateCandidate[] {
  const key = personNameKey(person.tambonCode, person.firstName, person.lastName);
  return others.filter(
    (o) => o.id !== person.id && ((person.nationalId !== null && !isRedacted(person.nationalId) && o.nationalId === person.nationalId) || (person.firstName.trim() !== '' && personNameKey(o.tambonCode, o.firstName, o.lastName) === key)),
  );
}

function push(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
