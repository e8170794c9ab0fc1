// The ".xls" files that government systems export are often an HTML page with a <table> (Excel
// opens them, with a warning). This reads the tables of such a page into rows of text, spans
// (colspan, rowspan) spread over the cells they cover, without a DOM: it runs in tests and in
// any runtime, and a page is never rendered or run.

export interface HtmlTable {
  rows: string[][];
}

const ENTITIES: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return ENTITIES[lower] ?? whole;
  });
}

function cellTextOf(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(?:p|div)>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t\r\f]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

function span(attributes: string, name: string): number {
  const match = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
  const n = match ? Number(match[1]) : 1;
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : 1;
}

/** True when the text looks like an HTML page or fragment holding a table. */
export function isHtmlTable(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return (head.startsWith('<') && /<table[\s>]/.test(text.slice(0, 200_000).toLowerCase())) || head.startsWith('<table');
}

/** The charset a page declares (<meta charset> or http-equiv), lower-case, or null. */
export function declaredCharset(bytesAsLatin1: string): string | null {
  const match = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(bytesAsLatin1.slice(0, 4096));
  return match ? match[1]!.toLowerCase() : null;
}

/** Every table of the page, its rows as text cells. */
export function parseHtmlTables(html: string): HtmlTable[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)[\s\S]*?<\/\1>/gi, '');
  const tables: HtmlTable[] = [];
  for (const tableMatch of withoutComments.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/gi)) {
    const rows: string[][] = [];
    // Cells a rowspan carries into the rows below: row index → column → text.
    const carried = new Map<number, Map<number, string>>();
    for (const rowMatch of tableMatch[1]!.matchAll(/<tr[^>]*>([\s\S]*?)(?=<tr[\s>]|<\/table>|$)/gi)) {
      const r = rows.length;
      const row: string[] = [];
      const fromAbove = carried.get(r) ?? new Map<number, string>();
      let column = 0;
      const fill = () => {
        while (fromAbove.has(column)) {
          row[column] = fromAbove.get(column)!;
          column++;
        }
      };
      for (const cellMatch of rowMatch[1]!.matchAll(/<t([dh])([^>]*)>([\s\S]*?)(?=<t[dh][\s>]|<\/tr>|$)/gi)) {
        fill();
        const attributes = cellMatch[2] ?? '';
        const text = cellTextOf((cellMatch[3] ?? '').replace(/<\/t[dh]>[\s\S]*$/i, ''));
        const wide = span(attributes, 'colspan');
        const tall = span(attributes, 'rowspan');
        for (let c = 0; c < wide; c++) {
          row[column + c] = c === 0 ? text : '';
          for (let below = 1; below < tall; below++) {
            const map = carried.get(r + below) ?? new Map<number, string>();
            map.set(column + c, c === 0 ? text : '');
            carried.set(r + below, map);
          }
        }
        column += wide;
      }
      fill();
      rows.push(Array.from({ length: row.length }, (_, i) => row[i] ?? ''));
    }
    if (rows.some((r) => r.some((c) => c !== ''))) tables.push({ rows });
  }
  return tables;
}
