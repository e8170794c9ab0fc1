// Reads a people sheet (XLSX or CSV) into a heading row and cells. Anything else — an old .xls, a
// PDF, a picture, a damaged file — is refused with a Thai message before anything is validated.
import ExcelJS from 'exceljs';
import type { ImportCell } from '../../../../shared/roster/import-cell';
import { parseCsv } from '../../../../shared/roster/csv';
import { recogniseHeader } from '../../../../shared/roster/roster-columns';

export interface SheetData {
  headers: string[];
  rows: ImportCell[][];
  /** Spreadsheet row number of the first data row (after the heading). */
  firstRowNumber: number;
  sheetName: string;
}

export class SpreadsheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

export const SPREADSHEET_MESSAGES = {
  empty: 'ไฟล์นี้ว่างเปล่า ไม่มีข้อมูลให้นำเข้า',
  oldExcel: 'ไฟล์ Excel รุ่นเก่า (.xls) อ่านไม่ได้ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ .csv',
  notSpreadsheet: 'ไฟล์นี้ไม่ใช่ตารางข้อมูล (รองรับ .xlsx และ .csv เท่านั้น)',
  damaged: 'ไฟล์ Excel เสียหรืออ่านไม่ได้ กรุณาตรวจสอบไฟล์แล้วลองใหม่',
  noRows: 'ไม่พบแถวข้อมูลในไฟล์ (ต้องมีแถวหัวตารางและข้อมูลอย่างน้อยหนึ่งแถว)',
} as const;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
/** Title rows above the heading ("ทำเนียบคณะกรรมการ ศส.ปชต. …") are common; look this far for it. */
const HEADING_SEARCH_ROWS = 10;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export async function readPeopleSheet(bytes: Uint8Array): Promise<SheetData> {
  if (bytes.length === 0) throw new SpreadsheetError(SPREADSHEET_MESSAGES.empty);
  if (startsWith(bytes, OLE)) throw new SpreadsheetError(SPREADSHEET_MESSAGES.oldExcel);
  const table = startsWith(bytes, ZIP) ? await readXlsx(bytes) : readCsv(bytes);
  return withHeading(table.rows, table.sheetName);
}

async function readXlsx(bytes: Uint8Array): Promise<{ rows: ImportCell[][]; sheetName: string }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new SpreadsheetError(SPREADSHEET_MESSAGES.damaged);
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new SpreadsheetError(SPREADSHEET_MESSAGES.noRows);
  const rows: ImportCell[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: ImportCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    rows.push(cells);
  }
  return { rows, sheetName: sheet.name };
}

function cellValue(value: ExcelJS.CellValue): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

function readCsv(bytes: Uint8Array): { rows: ImportCell[][]; sheetName: string } {
  // A NUL byte never appears in a text table: this is a picture, a PDF or some other binary.
  if (bytes.subarray(0, 4096).includes(0)) throw new SpreadsheetError(SPREADSHEET_MESSAGES.notSpreadsheet);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older Thai Windows saves CSV in the Thai code page (TIS-620 / windows-874).
    text = new TextDecoder('windows-874').decode(bytes);
  }
  const rows = parseCsv(text);
  if (rows.length > 0 && !rows.some((r) => r.length > 1) && !rows.some((r) => r.some((c) => recogniseHeader(c) !== null))) {
    throw new SpreadsheetError(SPREADSHEET_MESSAGES.notSpreadsheet);
  }
  return { rows, sheetName: 'CSV' };
}

function withHeading(rows: ImportCell[][], sheetName: string): SheetData {
  const texts = rows.map((r) => r.map((c) => (c === null ? '' : c instanceof Date ? '' : String(c).trim())));
  let heading = texts.slice(0, HEADING_SEARCH_ROWS).findIndex((r) => r.filter((c) => recogniseHeader(c) !== null).length >= 2);
  if (heading < 0) heading = texts.findIndex((r) => r.some((c) => c !== ''));
  if (heading < 0 || heading === rows.length - 1) throw new SpreadsheetError(SPREADSHEET_MESSAGES.noRows);
  const headers = texts[heading]!;
  const width = headers.length;
  const data = rows.slice(heading + 1).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
  return { headers, rows: data, firstRowNumber: heading + 2, sheetName };
}
