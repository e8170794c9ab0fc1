// A report as a DOCX in the government format (shared/docx/thai-government-format.ts): Sarabun 16 pt on
// A4, the title centred and bold, page numbers "- ๒ -" at the top from the second page, tables whose
// heading row repeats on every page. Thai digits throughout when asked.
//
// Written as WordprocessingML text and zipped with fflate rather than through the docx library: a year's
// report has thousands of table rows, and the library's object tree took 1.2–1.6 s for them (issue 12's
// bar is 3 s for the whole report, data included); writing the XML directly takes a few tens of ms.
// Each cell says only what differs from the table's defaults (borders, margins, widths, left alignment).
import { strToU8, zipSync } from 'fflate';
import { A4_PAGE, A4_TEXT_WIDTH, CM, DOCX_FONT, SIZE_16PT } from '../docx/thai-government-format';
import { cellText, reportText, type CellAlign, type RenderOptions, type ReportDocument, type ReportTable } from './report-document';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CELL_MARGINS = { top: 20, bottom: 20, left: 80, right: 80 };
const TITLE_SIZE = 36;
const JC: Record<CellAlign, string> = { left: '', right: '<w:jc w:val="right"/>', center: '<w:jc w:val="center"/>' };

/** Text as XML character data: escaped, and without the control characters XML 1.0 cannot carry. */
function xmlText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- these are exactly the characters to drop
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function run(text: string, format: { bold?: boolean; size?: number } = {}): string {
  const props = (format.bold ? '<w:b/><w:bCs/>' : '') + (format.size ? `<w:sz w:val="${format.size}"/><w:szCs w:val="${format.size}"/>` : '');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

function paragraph(runs: string, properties = ''): string {
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${runs}</w:p>`;
}

/** A cell's text, one paragraph per line. */
function cellParagraphs(text: string, align: CellAlign, bold: boolean): string {
  return text
    .split('\n')
    .map((line) => paragraph(run(line, { bold }), JC[align]))
    .join('');
}

function table(spec: ReportTable, options: RenderOptions): string {
  const weights = spec.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => Math.floor((w / total) * A4_TEXT_WIDTH));
  const row = (cells: readonly (string | number)[], header: boolean, bold: boolean) => {
    const rowProps = `<w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>`;
    const cellsXml = cells
      .map((cell, i) => {
        const text = header ? reportText(String(cell), options) : cellText(cell, options);
        return `<w:tc><w:tcPr><w:tcW w:w="${widths[i] ?? 0}" w:type="dxa"/></w:tcPr>${cellParagraphs(text, header ? 'center' : (spec.columns[i]?.align ?? 'left'), bold)}</w:tc>`;
      })
      .join('');
    return `<w:tr>${rowProps}${cellsXml}</w:tr>`;
  };
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`;
  const margin = (side: keyof typeof CELL_MARGINS) => `<w:${side} w:w="${CELL_MARGINS[side]}" w:type="dxa"/>`;
  const props =
    `<w:tblPr><w:tblW w:w="${A4_TEXT_WIDTH}" w:type="dxa"/>` +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar>${(['top', 'left', 'bottom', 'right'] as const).map(margin).join('')}</w:tblCellMar></w:tblPr>`;
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const rows = [
    row(
      spec.columns.map((c) => c.title),
      true,
      true,
    ),
    ...spec.rows.map((r) => row(r, false, false)),
    ...(spec.totals ? [row(spec.totals, false, true)] : []),
  ];
  return `<w:tbl>${props}${grid}${rows.join('')}</w:tbl>`;
}

/** word/document.xml: the body, then the section (A4, margins, no header on the first page). */
export function reportDocumentXml(doc: ReportDocument, options: RenderOptions): string {
  const text = (s: string) => reportText(s, options);
  const centred = '<w:jc w:val="center"/>';
  const body: string[] = [
    paragraph(run(text(doc.title), { bold: true, size: TITLE_SIZE }), centred),
    ...doc.subtitle.map((s) => paragraph(run(text(s), { bold: true }), centred)),
    paragraph(''),
    ...doc.meta.map((s) => paragraph(run(text(s)))),
    ...doc.warnings.map((s) => paragraph(run(text(s), { bold: true }))),
  ];
  for (const section of doc.sections) {
    body.push(paragraph(run(text(section.title), { bold: true }), '<w:keepNext/><w:spacing w:before="240"/>'));
    // Thai official writing indents the first line of a paragraph 2.5 cm.
    for (const p of section.paragraphs) body.push(paragraph(run(text(p)), `<w:ind w:firstLine="${Math.round(2.5 * CM)}"/><w:jc w:val="thaiDistribute"/>`));
    if (section.table) body.push(table(section.table, options), paragraph(''));
  }
  const { size, margin } = A4_PAGE;
  const section =
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeaderDefault"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/>' +
    `<w:pgSz w:w="${size.width}" w:h="${size.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${margin.top}" w:right="${margin.right}" w:bottom="${margin.bottom}" w:left="${margin.left}" w:header="708" w:footer="708" w:gutter="0"/>` +
    // Page numbers in Thai digits when asked, as the section's number format (Word and LibreOffice both read it).
    (options.thaiDigits ? '<w:pgNumType w:fmt="thaiNumbers"/>' : '') +
    '<w:titlePg/></w:sectPr>';
  return `${XML_HEAD}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body.join('')}${section}</w:body></w:document>`;
}

/** The page number, "- ๒ -" (its digits are the section's page number format). */
function pageNumberHeader(options: RenderOptions): string {
  const field = ' PAGE ';
  const size = `<w:rPr><w:sz w:val="${SIZE_16PT}"/><w:szCs w:val="${SIZE_16PT}"/></w:rPr>`;
  const part = (inner: string) => `<w:r>${size}${inner}</w:r>`;
  const runs =
    part('<w:t xml:space="preserve">- </w:t>') +
    part('<w:fldChar w:fldCharType="begin"/>') +
    part(`<w:instrText xml:space="preserve">${field}</w:instrText>`) +
    part('<w:fldChar w:fldCharType="separate"/>') +
    part(`<w:t>${options.thaiDigits ? '๒' : '2'}</w:t>`) +
    part('<w:fldChar w:fldCharType="end"/>') +
    part('<w:t xml:space="preserve"> -</w:t>');
  return `${XML_HEAD}<w:hdr xmlns:w="${W_NS}" xmlns:r="${R_NS}">${paragraph(runs, '<w:jc w:val="center"/>')}</w:hdr>`;
}

const EMPTY_HEADER = `${XML_HEAD}<w:hdr xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:p/></w:hdr>`;

/** Sarabun 16 pt for every script, Thai as the complex-script language. */
function stylesXml(): string {
  const font = `<w:rFonts w:ascii="${DOCX_FONT}" w:hAnsi="${DOCX_FONT}" w:cs="${DOCX_FONT}" w:eastAsia="${DOCX_FONT}"/>`;
  return (
    `${XML_HEAD}<w:styles xmlns:w="${W_NS}"><w:docDefaults>` +
    `<w:rPrDefault><w:rPr>${font}<w:sz w:val="${SIZE_16PT}"/><w:szCs w:val="${SIZE_16PT}"/><w:lang w:val="th-TH" w:bidi="th-TH"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/></w:tblPr></w:style>' +
    '</w:styles>'
  );
}

const SETTINGS_XML = `${XML_HEAD}<w:settings xmlns:w="${W_NS}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:themeFontLang w:val="en-US" w:bidi="th-TH"/></w:settings>`;

function coreXml(creator: string, title: string): string {
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>${xmlText(creator)}</dc:creator></cp:coreProperties>`
  );
}

const CONTENT_TYPES_XML =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const PACKAGE_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const DOCUMENT_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rIdStyles" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rIdSettings" Type="${REL_TYPE}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rIdHeaderDefault" Type="${REL_TYPE}/header" Target="header1.xml"/>` +
  `<Relationship Id="rIdHeaderFirst" Type="${REL_TYPE}/header" Target="header2.xml"/>` +
  '</Relationships>';

/** The DOCX file's bytes. */
export async function reportDocxBytes(doc: ReportDocument, options: RenderOptions): Promise<Uint8Array<ArrayBuffer>> {
  const title = `${doc.title} ${doc.subtitle.slice(1).join(' ')}`.trim();
  const zipped = zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES_XML),
      '_rels/.rels': strToU8(PACKAGE_RELS),
      'docProps/core.xml': strToU8(coreXml(doc.subtitle[0] ?? 'ProvinceDesk', title)),
      'word/document.xml': strToU8(reportDocumentXml(doc, options)),
      'word/styles.xml': strToU8(stylesXml()),
      'word/settings.xml': strToU8(SETTINGS_XML),
      'word/header1.xml': strToU8(pageNumberHeader(options)),
      'word/header2.xml': strToU8(EMPTY_HEADER),
      'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
    },
    { level: 6 },
  );
  return new Uint8Array(zipped.buffer.slice(zipped.byteOffset, zipped.byteOffset + zipped.byteLength) as ArrayBuffer);
}
