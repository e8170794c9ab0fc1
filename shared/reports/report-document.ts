// A report as the office sends it upward, independent of its file format: a title, the lines that say
// what it covers and when the data is from, warnings, and sections of paragraphs and tables. The DOCX,
// the XLSX and the printed page (PDF) are all drawn from this one document, so they say the same.
// Texts are Thai (reports leave the office in Thai, whatever the UI language) with Arabic digits;
// a renderer writes Thai digits when asked.
import { toThaiDigits } from '../thai/buddhist-era-date';

export type CellAlign = 'left' | 'right' | 'center';

/** A cell's text; '\n' separates lines within a cell. Numbers stay numbers (an XLSX keeps them as such). */
export type Cell = string | number;

export interface ReportColumn {
  title: string;
  align?: CellAlign;
  /** Relative width in the document (the widths of a table are shared out in proportion). */
  weight?: number;
}

export interface ReportTable {
  columns: ReportColumn[];
  rows: Cell[][];
  /** A last row in bold: the totals. */
  totals?: Cell[];
}

export interface ReportSection {
  /** Stable, for tests and the sheet order: 'summary', 'activities', … */
  id: string;
  title: string;
  /** The sheet's name in the XLSX (at most 31 characters). */
  sheetName: string;
  paragraphs: string[];
  /** The table as the document and the printed page lay it out. */
  table: ReportTable | null;
  /** The same facts as flat columns for a spreadsheet, when they differ from the document's table. */
  sheet?: ReportTable;
}

export interface ReportDocument {
  title: string;
  /** Under the title: the office, the period. */
  subtitle: string[];
  /** What it covers and the moment of the data. */
  meta: string[];
  /** Unsynced changes, no sync for more than a day. */
  warnings: string[];
  sections: ReportSection[];
  /** A file name without extension. */
  fileBase: string;
}

export interface RenderOptions {
  /** Write digits as ๐–๙ (official letters often do). */
  thaiDigits: boolean;
}

// One formatter for the whole report: a report formats tens of thousands of numbers, and
// Number.prototype.toLocaleString builds a new formatter on every call.
const numberFormat = new Intl.NumberFormat('th-TH', { numberingSystem: 'latn', maximumFractionDigits: 1 });

/** "1,234" (Arabic digits; a renderer writes Thai ones when asked). */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** A cell as text: numbers grouped ("1,234"), Thai digits when asked. */
export function cellText(cell: Cell, options: RenderOptions): string {
  const text = typeof cell === 'number' ? formatCount(cell) : cell;
  return options.thaiDigits ? toThaiDigits(text) : text;
}

/** Any running text of the report, in the digits asked for. */
export function reportText(text: string, options: RenderOptions): string {
  return options.thaiDigits ? toThaiDigits(text) : text;
}

/** A file name from a title: no path separators or characters Windows refuses. */
export function reportFileBase(text: string): string {
  return [...text].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? ' ' : c)).join('').replace(/\s+/g, ' ').trim().slice(0, 100) || 'report';
}
