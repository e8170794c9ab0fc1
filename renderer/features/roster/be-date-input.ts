import { parseThaiDate, toBuddhistYear } from '../../../shared/thai/buddhist-era-date';
import { toIsoDate } from '../../../shared/roster/import-cell';

/** A stored date as a Thai user types it: "31/3/2570" (BE). */
export function beInputValue(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${toBuddhistYear(y!)}`;
}

/** Typed text back to a stored date: '' → null, unreadable → undefined. BE or CE are both read. */
export function parseBeInput(text: string): string | null | undefined {
  if (!text.trim()) return null;
  const date = parseThaiDate(text);
  return date ? toIsoDate(date) : undefined;
}
