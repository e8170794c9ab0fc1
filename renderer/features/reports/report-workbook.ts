// A report as an XLSX: one sheet per section, in Sarabun, the heading row frozen, numbers as numbers.
// The first sheet starts with what the report covers, when its data is from, and its warnings.
import ExcelJS from 'exceljs';
import type { Cell, ReportDocument, ReportTable } from '../../../shared/reports/report-document';

const FONT = { name: 'Sarabun', size: 14 };

function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet';
  for (let i = 2; used.has(base); i++) base = `${name.slice(0, 28)} ${i}`;
  used.add(base);
  return base;
}

function widthOf(table: ReportTable, column: number): number {
  let longest = table.columns[column]!.title.length;
  for (const row of [...table.rows.slice(0, 500), ...(table.totals ? [table.totals] : [])]) {
    const cell: Cell | undefined = row[column];
    const text = cell === undefined ? '' : String(cell);
    for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  }
  return Math.min(60, Math.max(8, longest + 2));
}

export async function reportWorkbook(doc: ReportDocument): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ProvinceDesk';
  workbook.title = doc.title;
  const used = new Set<string>();
  doc.sections.forEach((section, index) => {
    const sheet = workbook.addWorksheet(sheetName(section.sheetName, used));
    const lines = [...(index === 0 ? [doc.title, ...doc.subtitle, ...doc.meta, ...doc.warnings] : []), section.title, ...section.paragraphs];
    for (const [i, line] of lines.entries()) {
      const row = sheet.addRow([line]);
      row.font = { ...FONT, bold: i === 0 || line.startsWith('คำเตือน') };
    }
    const table = section.sheet ?? section.table;
    if (!table) return;
    sheet.addRow([]);
    const header = sheet.addRow(table.columns.map((c) => c.title));
    header.font = { ...FONT, bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    for (const values of table.rows) {
      const row = sheet.addRow([...values]);
      row.font = FONT;
      row.alignment = { vertical: 'top', wrapText: values.some((v) => typeof v === 'string' && v.includes('\n')) };
    }
    if (table.totals) sheet.addRow([...table.totals]).font = { ...FONT, bold: true };
    table.columns.forEach((_, i) => (sheet.getColumn(i + 1).width = widthOf(table, i)));
    sheet.views = [{ state: 'frozen', ySplit: header.number }];
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
