// Reads a people file as offices really have them: an XLSX workbook (every sheet, formulas by their
// values, the 1900 or 1904 date system), a CSV (UTF-8 with or without BOM, or the Thai Windows code
// page that Thai Excel's "Save as CSV" writes), or the ".xls" that government systems export as
// an HTML table. A real Excel 97–2003 file, a text file named .xlsx, a PDF or a picture is refused
// with a Thai message that says what to do, before anything is validated.
import ExcelJS from 'exceljs';
import { findHeaderRow } from '../../../../shared/roster/header-row';
import { declaredCharset, isHtmlTable, parseHtmlTables } from '../../../../shared/roster/html-table';
import type { DateSystem, ImportCell } from '../../../../shared/roster/import-cell';
import { parseCsv } from '../../../../shared/roster/csv';
import { recogniseHeader } from '../../../../shared/roster/roster-columns';

export interface SheetData {
  headers: string[];
  rows: ImportCell[][];
  /** Spreadsheet row number of the first data row (after the heading). */
  firstRowNumber: number;
  sheetName: string;
}

export type WorkbookKind = 'xlsx' | 'csv' | 'html';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-874' | 'other';

export interface WorkbookData {
  kind: WorkbookKind;
  /** Every sheet (or HTML table) with rows, in the file's order. */
  sheets: SheetData[];
  /** The sheet a heading was best recognised in: where the import starts. */
  bestSheet: number;
  dateSystem: DateSystem;
  /** How a text file (CSV, HTML) was encoded. */
  encoding?: TextEncoding;
}

export class SpreadsheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

export const SPREADSHEET_MESSAGES = {
  empty: 'ไฟล์นี้ว่างเปล่า ไม่มีข้อมูลให้นำเข้า',
  oldExcel: 'ไฟล์นี้เป็น Excel รุ่นเก่า (.xls ของ Excel 97–2003) ซึ่งโปรแกรมอ่านไม่ได้ วิธีแก้: เปิดไฟล์ใน Excel เลือก ไฟล์ › บันทึกเป็น › ชนิดไฟล์ “สมุดงาน Excel (*.xlsx)” แล้วนำเข้าไฟล์ .xlsx ที่ได้',
  notXlsx: 'ไฟล์นี้ชื่อลงท้าย .xlsx แต่ไม่ใช่ไฟล์ Excel (อาจเป็นไฟล์ข้อความที่ถูกเปลี่ยนชื่อ) กรุณาเปิดไฟล์ต้นฉบับใน Excel แล้วบันทึกเป็น .xlsx หรือ .csv อีกครั้ง',
  notSpreadsheet: 'ไฟล์นี้ไม่ใช่ตารางข้อมูล (รองรับ .xlsx, .csv และ .xls ที่ระบบราชการส่งออกเป็นตาราง HTML)',
  damaged: 'ไฟล์ Excel เสียหรืออ่านไม่ได้ กรุณาตรวจสอบไฟล์แล้วลองใหม่',
  noRows: 'ไม่พบแถวข้อมูลในไฟล์ (ต้องมีแถวหัวตารางและข้อมูลอย่างน้อยหนึ่งแถว)',
} as const;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Reads every sheet of a people file; `fileName` tells a text file posing as .xlsx from a CSV. */
export async function readPeopleWorkbook(bytes: Uint8Array, fileName = ''): Promise<WorkbookData> {
  if (bytes.length === 0) throw new SpreadsheetError(SPREADSHEET_MESSAGES.empty);
  if (startsWith(bytes, OLE)) throw new SpreadsheetError(SPREADSHEET_MESSAGES.oldExcel);
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  // Excel would refuse it too: a .xlsx is a zip. Reading its text as a CSV would import nonsense.
  if (/\.xls[xm]$/i.test(fileName)) throw new SpreadsheetError(SPREADSHEET_MESSAGES.notXlsx);
  // A NUL byte never appears in a text table: this is a picture, a PDF or some other binary.
  if (bytes.subarray(0, 4096).includes(0)) throw new SpreadsheetError(SPREADSHEET_MESSAGES.notSpreadsheet);
  const { text, encoding } = decodeText(bytes);
  return isHtmlTable(text) ? readHtml(text, encoding) : readCsv(text, encoding);
}

/** The sheet to import from a file: the one whose heading was best recognised. */
export async function readPeopleSheet(bytes: Uint8Array, fileName = ''): Promise<SheetData & { dateSystem: DateSystem }> {
  const workbook = await readPeopleWorkbook(bytes, fileName);
  return { ...workbook.sheets[workbook.bestSheet]!, dateSystem: workbook.dateSystem };
}

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8; else the charset an HTML page
 * declares; else the Thai Windows code page (windows-874, TIS-620's superset), which is what
 * Thai Excel's "Save as CSV" and older government systems write.
 */
function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  try {
    // The decoder drops a byte-order mark; the bytes tell whether there was one.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 'utf-8-bom' : 'utf-8' };
  } catch {
    const declared = declaredCharset(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)));
    if (declared && !/^(?:utf-?8|tis-?620|windows-874|iso-8859-11|x-windows-874)$/.test(declared)) {
      try {
        return { text: new TextDecoder(declared).decode(bytes), encoding: 'other' };
      } catch {
        // An encoding this runtime does not know: the Thai code page is the likeliest.
      }
    }
    return { text: new TextDecoder('windows-874').decode(bytes), encoding: 'windows-874' };
  }
}

async function readXlsx(bytes: Uint8Array): Promise<WorkbookData> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new SpreadsheetError(SPREADSHEET_MESSAGES.damaged);
  }
  const tables: { name: string; rows: ImportCell[][] }[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.actualRowCount === 0) continue;
    const rows: ImportCell[][] = [];
    const width = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: ImportCell[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
      rows.push(cells);
    }
    tables.push({ name: sheet.name, rows });
  }
  // exceljs turns date cells into dates by the workbook's own system; a day number left in a
  // General cell needs it too (properties.date1904 is set by the workbook's workbookPr).
  const dateSystem: DateSystem = (workbook.properties as { date1904?: boolean }).date1904 ? 1904 : 1900;
  return withHeadings('xlsx', tables, dateSystem);
}

function cellValue(value: ExcelJS.CellValue): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    // A formula (shared or not) by the value Excel computed and saved with it.
    if ('result' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

function readCsv(text: string, encoding: TextEncoding): WorkbookData {
  const rows = parseCsv(text);
  if (rows.length > 0 && !rows.some((r) => r.length > 1) && !rows.some((r) => r.some((c) => recogniseHeader(c) !== null))) {
    throw new SpreadsheetError(SPREADSHEET_MESSAGES.notSpreadsheet);
  }
  return { ...withHeadings('csv', [{ name: 'CSV', rows }], 1900), encoding };
}

function readHtml(text: string, encoding: TextEncoding): WorkbookData {
  const tables = parseHtmlTables(text).map((t, i) => ({ name: `ตารางที่ ${i + 1}`, rows: t.rows as ImportCell[][] }));
  if (tables.length === 0) throw new SpreadsheetError(SPREADSHEET_MESSAGES.noRows);
  return { ...withHeadings('html', tables, 1900), encoding };
}

function withHeadings(kind: WorkbookKind, tables: { name: string; rows: ImportCell[][] }[], dateSystem: DateSystem): WorkbookData {
  const sheets: SheetData[] = [];
  let bestSheet = 0;
  let bestScore = -1;
  for (const table of tables) {
    const heading = findHeaderRow(table.rows);
    if (!heading || heading.dataStart >= table.rows.length) continue;
    const width = heading.headers.length;
    const rows = table.rows.slice(heading.dataStart).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
    const score = new Set(heading.headers.map(recogniseHeader).filter((f) => f !== null)).size;
    if (score > bestScore) {
      bestScore = score;
      bestSheet = sheets.length;
    }
    sheets.push({ headers: heading.headers, rows, firstRowNumber: heading.dataStart + 1, sheetName: table.name });
  }
  if (sheets.length === 0) throw new SpreadsheetError(SPREADSHEET_MESSAGES.noRows);
  return { kind, sheets, bestSheet, dateSystem };
}
