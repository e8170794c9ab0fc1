import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

describe('CSV for Excel', () => {
  it('starts with a BOM, ends lines with CRLF, and keeps IDs and phones as text', () => {
    const csv = toCsv(
      [
        ['ชื่อ', 'เลขประจำตัวประชาชน', 'หมายเหตุ'],
        ['สมชาย', '1570000000013', 'มี "เครื่องหมาย", และ\nขึ้นบรรทัด'],
      ],
      { textColumns: new Set([1]) },
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    expect(csv).toContain('"=""1570000000013"""');
    expect(parseCsv(csv)).toEqual([
      ['ชื่อ', 'เลขประจำตัวประชาชน', 'หมายเหตุ'],
      ['สมชาย', '1570000000013', 'มี "เครื่องหมาย", และ\nขึ้นบรรทัด'],
    ]);
  });

  it('reads semicolon and LF files too', () => {
    expect(parseCsv('ชื่อ;ตำบล\nสมศรี;เวียง\n')).toEqual([
      ['ชื่อ', 'ตำบล'],
      ['สมศรี', 'เวียง'],
    ]);
  });

  it('round-trips any table of text', () => {
    const cell = fc.string({ unit: fc.constantFrom('ก', 'ข', 'a', ' ', ',', '"', '\n', '1', '=', '+', '-', '@', 'ำ') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
        // A lone first cell of "" is a blank line by CSV's own rules; keep tables unambiguous.
        table[0]![0] = 'h';
        expect(parseCsv(toCsv(table))).toEqual(table);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes formula-like cells as text, so Excel never runs them', () => {
    const csv = toCsv([['ชื่อ'], ['=HYPERLINK("http://x")'], ['+66 81'], ['@SUM(A1)']]);
    expect(csv).not.toMatch(/\r\n[=+@]/);
    expect(parseCsv(csv).slice(1)).toEqual([['=HYPERLINK("http://x")'], ['+66 81'], ['@SUM(A1)']]);
  });
});
