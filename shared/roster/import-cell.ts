// Values as a spreadsheet gives them: text, numbers (IDs and phones typed as numbers lose their
// leading zero), and real dates. The readers (XLSX, CSV) produce these; validation reads them.
import { fromThaiDigits, parseThaiDate, toGregorianYear } from '../thai/buddhist-era-date';

export type ImportCell = string | number | Date | null;

/** The cell as trimmed text ('' for empty); whole numbers without exponent or decimals. */
export function cellText(cell: ImportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDateOfUtc(cell);
  return cell.replace(/\u00a0/g, ' ').trim();
}

/** 'YYYY-MM-DD' of a local calendar date. */
export function toIsoDate(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function isoDateOfUtc(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** Above this, a year in a real date cell was typed in Buddhist Era (Excel took 2565 as a CE year). */
const LATEST_CE_YEAR = 2400;

/**
 * A date cell as 'YYYY-MM-DD' (CE), from text in BE or CE ("16/06/2565", "16 มิ.ย. 2565",
 * "2022-06-16") or a spreadsheet date (which carries its date at UTC midnight); null if it is not a
 * date, undefined for an empty cell.
 */
export function cellIsoDate(cell: ImportCell | undefined): string | null | undefined {
  if (cell === null || cell === undefined || cell === '') return undefined;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    const year = cell.getUTCFullYear();
    const ceYear = year > LATEST_CE_YEAR ? toGregorianYear(year) : year;
    return `${String(ceYear).padStart(4, '0')}-${String(cell.getUTCMonth() + 1).padStart(2, '0')}-${String(cell.getUTCDate()).padStart(2, '0')}`;
  }
  const text = fromThaiDigits(cellText(cell));
  if (text === '') return undefined;
  const parsed = parseThaiDate(text);
  return parsed ? toIsoDate(parsed) : null;
}
