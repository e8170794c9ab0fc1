// A report as a DOCX in the government format (shared/docx/thai-government-format.ts): Sarabun 16 pt on
// A4, the title centred and bold, page numbers "- ๒ -" at the top from the second page, tables whose
// heading row repeats on every page. Thai digits throughout when asked.
import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { A4_PAGE, A4_TEXT_WIDTH, CM, GOVERNMENT_RUN, SIZE_16PT } from '../docx/thai-government-format';
import { cellText, reportText, type CellAlign, type RenderOptions, type ReportDocument, type ReportTable } from './report-document';

const ALIGN = { left: undefined, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
const CELL_MARGINS = { top: 20, bottom: 20, left: 80, right: 80 };

// A year's report has thousands of rows: each cell says only what differs from the defaults (borders,
// margins and widths are the table's, left alignment the paragraph's), which keeps the file and the
// time to write it small.
function lines(text: string, align: CellAlign, bold = false): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ alignment: ALIGN[align], children: [bold ? new TextRun({ text: line, bold }) : new TextRun(line)] }));
}

function table(spec: ReportTable, options: RenderOptions): Table {
  const weights = spec.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => Math.floor((w / total) * A4_TEXT_WIDTH));
  const row = (cells: readonly (string | number)[], header: boolean, bold: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (cell, i) =>
          new TableCell({
            children: lines(header ? reportText(String(cell), options) : cellText(cell, options), header ? 'center' : (spec.columns[i]?.align ?? 'left'), bold),
          }),
      ),
    });
  return new Table({
    width: { size: A4_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    rows: [
      row(
        spec.columns.map((c) => c.title),
        true,
        true,
      ),
      ...spec.rows.map((r) => row(r, false, false)),
      ...(spec.totals ? [row(spec.totals, false, true)] : []),
    ],
  });
}

export function buildReportDocx(doc: ReportDocument, options: RenderOptions): Document {
  const text = (s: string) => reportText(s, options);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: text(doc.title), bold: true, size: 36 })] }),
    ...doc.subtitle.map((s) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: text(s), bold: true })] })),
    new Paragraph({ children: [] }),
    ...doc.meta.map((s) => new Paragraph({ children: [new TextRun(text(s))] })),
    ...doc.warnings.map((s) => new Paragraph({ children: [new TextRun({ text: text(s), bold: true })] })),
  ];
  for (const section of doc.sections) {
    children.push(new Paragraph({ spacing: { before: 240 }, keepNext: true, children: [new TextRun({ text: text(section.title), bold: true })] }));
    // Thai official writing indents the first line of a paragraph 2.5 cm.
    for (const p of section.paragraphs) children.push(new Paragraph({ indent: { firstLine: Math.round(2.5 * CM) }, alignment: AlignmentType.THAI_DISTRIBUTE, children: [new TextRun(text(p))] }));
    if (section.table) children.push(table(section.table, options), new Paragraph({ children: [] }));
  }
  return new Document({
    creator: doc.subtitle[0] ?? 'ProvinceDesk',
    title: `${doc.title} ${doc.subtitle.slice(1).join(' ')}`.trim(),
    styles: { default: { document: { run: GOVERNMENT_RUN } } },
    sections: [
      {
        properties: { page: A4_PAGE, titlePage: true },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: SIZE_16PT })] })] }),
          first: new Header({ children: [] }),
        },
        children,
      },
    ],
  });
}

/** The DOCX file's bytes. */
export async function reportDocxBytes(doc: ReportDocument, options: RenderOptions): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await Packer.toArrayBuffer(buildReportDocx(doc, options)));
}
