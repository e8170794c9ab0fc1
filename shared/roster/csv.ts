// CSV that Excel opens correctly in Thai: UTF-8 with a byte-order mark (without it Excel reads the
// bytes as the Windows code page and Thai turns to mojibake), CRLF line ends, RFC 4180 quoting.

const BOM = '\uFEFF';

export interface CsvOptions {
  /**
   * Columns (by index) written as ="…" so Excel keeps them as text: a national ID would otherwise
   * become 1.23457E+12 and a phone lose its leading zero. parseCsv reads the form back.
   */
  textColumns?: ReadonlySet<number>;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A cell Excel would run as a formula (=, +, -, @: "CSV injection"), or that would read back as the
 * ="…" text form, is written in the text form itself, so it opens as the text it is.
 */
const FORMULA_LIKE = /^[=+\-@]/;

export function toCsv(rows: readonly (readonly string[])[], { textColumns }: CsvOptions = {}): string {
  const asText = (value: string) => `"=""${value.replace(/"/g, '""""')}"""`;
  const lines = rows.map((row, r) =>
    row.map((value, c) => ((r > 0 && textColumns?.has(c) && value !== '') || FORMULA_LIKE.test(value) ? asText(value) : quote(value))).join(','),
  );
  return BOM + lines.join('\r\n') + '\r\n';
}

const EXCEL_TEXT = /^="(.*)"$/s;

/** Rows of a CSV text (BOM, CRLF or LF, quoted fields, ="…" text cells); a delimiter of , ; or tab is detected from the first line. */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const delimiter = detectDelimiter(input);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    const text = EXCEL_TEXT.exec(field)?.[1];
    row.push(text === undefined ? field : text.replace(/""/g, '"'));
    field = '';
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (input[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}
