// What the roster counts at each level: centres with a complete committee, people, terms ending
// soon, partners.
import type { Member } from '../domain/member';

/** A term "ends soon" within this many days: time to prepare the next appointment order. */
export const TERM_ENDING_DAYS = 90;
/**
 * A committee is complete when it has a chair (ประธาน), a secretary (เลขานุการ) and at least
 * this many people in office. Centres have about 9–10; 7 is the working minimum offices use.
 */
export const COMPLETE_COMMITTEE_SIZE = 7;

type Person = Pick<Member, 'role' | 'termStart' | 'termEnd' | 'deleted'>;

export function isInOffice(person: Person, today: string): boolean {
  return !person.deleted && (person.termEnd === null || person.termEnd >= today) && (person.termStart === null || person.termStart <= today);
}

export function isCommitteeComplete(people: readonly Person[], today: string): boolean {
  const current = people.filter((p) => isInOffice(p, today));
  return current.length >= COMPLETE_COMMITTEE_SIZE && current.some((p) => p.role === 'ประธาน') && current.some((p) => p.role === 'เลขานุการ');
}

/** The last day (inclusive) a term may end on to count as ending soon. */
export function termEndingHorizon(today: Date, days = TERM_ENDING_DAYS): string {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function isTermEndingSoon(person: Person, today: string, horizon: string): boolean {
  return !person.deleted && person.termEnd !== null && person.termEnd >= today && person.termEnd <= horizon;
}
