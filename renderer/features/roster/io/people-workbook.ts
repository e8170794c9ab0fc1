import ExcelJS from 'exceljs';
import { toCsv } from '../../../../shared/roster/csv';
import { EXPORT_FIELDS, EXPORT_TEXT_COLUMNS } from '../../../../shared/roster/people-export-rows';

const WIDTHS: Partial<Record<(typeof EXPORT_FIELDS)[number], number>> = { firstName: 16, lastName: 18, nationalId: 20, phone: 14, role: 14, sector: 16, tambon: 14, amphoe: 16, termStart: 14, termEnd: 14, privacyNoticeOn: 16 };

/** An XLSX of the export rows: Thai headings in bold, Sarabun, ID and phone stored as text. */
export async function peopleWorkbook(rows: readonly (readonly string[])[], sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ProvinceDesk';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.columns = EXPORT_FIELDS.map((f) => ({ width: WIDTHS[f] ?? 12 }));
  for (const [i, values] of rows.entries()) {
    const row = sheet.addRow([...values]);
    row.font = { name: 'Sarabun', size: 14, bold: i === 0 };
  }
  for (const column of EXPORT_TEXT_COLUMNS) sheet.getColumn(column + 1).numFmt = '@';
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export function peopleCsv(rows: readonly (readonly string[])[]): string {
  return toCsv(rows, { textColumns: EXPORT_TEXT_COLUMNS });
}
