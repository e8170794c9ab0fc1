import { parseThaiDate } from '../../../shared/thai/buddhist-era-date';

/** A local calendar date as 'YYYY-MM-DD' (how datelines are stored). */
export function toIsoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A date typed in Thai (BE or CE, digits or month names) → 'YYYY-MM-DD'; '' → null; undefined when it is not a date. */
export function parseTypedDate(text: string): string | null | undefined {
  if (!text.trim()) return null;
  const d = parseThaiDate(text);
  return d ? toIsoDate(d) : undefined;
}
