// Where the table starts in a sheet as offices keep them: title rows above the heading
// ("ทำเนียบคณะกรรมการ ศส.ปชต. อำเภอเมืองเชียงราย"), merged cells, a heading in two rows (a group
// title over "คำนำหน้า | ชื่อ | นามสกุล"), and the heading's cells split by line breaks.
import { cellText, type ImportCell } from './import-cell';
import { recogniseHeader, type RosterField } from './roster-columns';

export interface HeaderRow {
  headers: string[];
  /** Index (0-based) of the first data row in the sheet's rows. */
  dataStart: number;
}

/** Rows searched for the heading: a title block longer than this is not a roster. */
const SEARCH_ROWS = 20;

function recognised(row: readonly string[]): Set<RosterField> {
  const fields = new Set<RosterField>();
  for (const cell of row) {
    const field = recogniseHeader(cell);
    if (field) fields.add(field);
  }
  return fields;
}

/**
 * The heading: the row (among the first rows) naming the most known columns, at least two.
 * The row under it joins the heading when it names columns too (the lower half of a two-row
 * heading); a column without a heading takes the text above it (a merged group title). Without
 * any recognisable heading, the first non-empty row is the heading and the user maps the columns.
 * Null when the sheet has no row at all.
 */
export function findHeaderRow(rows: readonly (readonly ImportCell[])[]): HeaderRow | null {
  const texts = rows.slice(0, SEARCH_ROWS + 1).map((r) => r.map((c) => (c instanceof Date ? '' : cellText(c))));
  let best = -1;
  let bestCount = 1;
  texts.slice(0, SEARCH_ROWS).forEach((row, i) => {
    const count = recognised(row).size;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  });
  if (best < 0) {
    const first = rows.findIndex((r) => r.some((c) => cellText(c) !== ''));
    if (first < 0) return null;
    return { headers: rows[first]!.map((c) => (c instanceof Date ? '' : cellText(c))), dataStart: first + 1 };
  }
  const width = Math.max(...texts.slice(Math.max(0, best - 3), best + 2).map((r) => r.length));
  let headers = Array.from({ length: width }, (_, i) => texts[best]![i] ?? '');
  let dataStart = best + 1;
  const below = texts[best + 1];
  if (below && recognised(below).size >= 2) {
    headers = headers.map((h, i) => (recogniseHeader(below[i] ?? '') || !h ? (below[i] ?? h) : h));
    dataStart = best + 2;
  }
  headers = headers.map((h, i) => {
    if (h) return h;
    for (let r = best - 1; r >= Math.max(0, best - 3); r--) if (texts[r]?.[i]) return texts[r]![i]!;
    return '';
  });
  return { headers, dataStart };
}
