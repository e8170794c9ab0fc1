// Values as a spreadsheet gives them: text, numbers (IDs and phones typed as numbers lose their
// leading zero), and real dates. The readers (XLSX, CSV, HTML) produce these; validation reads
// them. Text that went through many hands carries invisible things (non-breaking and zero-width
// spaces, sara am typed as nikhahit + sara aa); they are cleaned here, and the preview says so.
import { fromThaiDigits, parseThaiDate, toGregorianYear } from '../thai/buddhist-era-date';

export type ImportCell = string | number | Date | null;

/** Excel counts dates from 1900 (Windows) or from 1904 (older Mac workbooks). */
export type DateSystem = 1900 | 1904;

// Sara am as nikhahit + sara aa (old fonts, PDF copies), with or without a tone mark between.
const SPLIT_SARA_AM = /\u0E4D([\u0E48-\u0E4B]?)\u0E32/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
// Anything cleanText would change besides trimming: checked first, so ordinary cells cost one test.
const UNUSUAL = /[\u00A0\u200B-\u200D\u2060\uFEFF\t\n\r\u2000-\u200A\u202F\u3000]|\u0E4D| {2}/;

/** Text as it should be stored: invisible characters gone, sara am composed, spaces collapsed, trimmed. */
export function cleanText(text: string): string {
  if (!UNUSUAL.test(text)) return text.trim();
  return text.normalize('NFC').replace(ZERO_WIDTH, '').replace(SPLIT_SARA_AM, '$1\u0E33').replace(/\s+/g, ' ').trim();
}

/** Text with its invisible characters shown (␣ a non-breaking space, ¦ a zero-width one), for the preview. */
export function showInvisible(text: string): string {
  return text.replace(/\u00A0/g, '␣').replace(ZERO_WIDTH, '¦');
}

/** The cell as cleaned text ('' for empty); whole numbers without exponent or decimals. */
export function cellText(cell: ImportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDateOfUtc(cell);
  return cleanText(cell);
}

/** The cell as the file shows it, for the preview's "what the file said" (only trimmed). */
export function rawCellText(cell: ImportCell | undefined): string {
  if (typeof cell === 'string') return cell.trim();
  return cellText(cell);
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
 * How a date was read: a real date cell; one whose year Excel took from a BE year; an Excel day
 * number (a date cell that lost its format, or a CSV of one); text in BE or in CE.
 */
export type DateKind = 'date-cell' | 'date-be-year-cell' | 'date-serial' | 'date-be-text' | 'date-ce-text';

export interface DateReading {
  /** 'YYYY-MM-DD', Christian Era. */
  iso: string;
  kind: DateKind;
}

// Excel day numbers a roster date can have: 1927 to the year 9999 (a BE year typed into a date).
const SERIAL_MIN = 10_000;
const SERIAL_MAX = 2_958_465;

/**
 * An Excel day number as a UTC date. The 1900 system counts 1 January 1900 as day 1 and, like
 * Lotus 1-2-3, has a 29 February 1900 (day 60); past it, day n is n days after 30 December 1899.
 * The 1904 system counts from 1 January 1904 as day 0.
 */
export function excelSerialDate(serial: number, system: DateSystem): Date {
  const days = Math.floor(serial);
  return system === 1904 ? new Date(Date.UTC(1904, 0, 1 + days)) : new Date(Date.UTC(1899, 11, 30 + days));
}

function fromUtcDate(date: Date, kind: 'date-cell' | 'date-serial'): DateReading {
  const year = date.getUTCFullYear();
  const be = year > LATEST_CE_YEAR;
  const ceYear = be ? toGregorianYear(year) : year;
  return { iso: `${String(ceYear).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`, kind: be ? 'date-be-year-cell' : kind };
}

/**
 * A date cell read, in CE, with how it was read: from text in BE or CE ("16/06/2565",
 * "16 มิ.ย. 2565", "16 มิถุนายน 2565", "2022-06-16", Thai digits too), a spreadsheet date (which
 * carries its date at UTC midnight), or an Excel day number in the workbook's date system.
 * Null if it is not a date, undefined for an empty cell.
 */
export function readCellDate(cell: ImportCell | undefined, system: DateSystem = 1900): DateReading | null | undefined {
  if (cell === null || cell === undefined || cell === '') return undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : fromUtcDate(cell, 'date-cell');
  const text = fromThaiDigits(cellText(cell));
  if (text === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    const serial = Number(text);
    return serial >= SERIAL_MIN && serial <= SERIAL_MAX ? fromUtcDate(excelSerialDate(serial, system), 'date-serial') : null;
  }
  const parsed = parseThaiDate(text);
  if (!parsed) return null;
  // parseThaiDate took a year above 2400 (or one marked พ.ศ.) as BE: say which it was.
  const writtenYear = /(\d{4})/.exec(text)?.[1];
  const be = /พ\.ศ\./.test(text) || (writtenYear !== undefined && Number(writtenYear) > LATEST_CE_YEAR && !/ค\.ศ\./.test(text));
  return { iso: toIsoDate(parsed), kind: be ? 'date-be-text' : 'date-ce-text' };
}

/** A date cell as 'YYYY-MM-DD' (CE); null if it is not a date, undefined for an empty cell. */
export function cellIsoDate(cell: ImportCell | undefined, system: DateSystem = 1900): string | null | undefined {
  const read = readCellDate(cell, system);
  return read === null || read === undefined ? read : read.iso;
}
