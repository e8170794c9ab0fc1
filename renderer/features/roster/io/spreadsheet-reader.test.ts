import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadThaiGeography } from '../../../../shared/geography/thai-geography';
import { toCsv } from '../../../../shared/roster/csv';
import { geographyPlaceResolver, type PlaceResolver } from '../../../../shared/roster/place-resolver';
import { peopleExportRows } from '../../../../shared/roster/people-export-rows';
import { guessColumnMapping } from '../../../../shared/roster/roster-columns';
import { IMPORT_MESSAGES, summariseRows, validateImportRows } from '../../../../shared/roster/row-validation';
import { badRowsAt, peopleRows, peopleWorkbookBytes, SHEET_HEADERS } from '../../../../tests/fixtures/roster-sheet';
import { peopleWorkbook } from './people-workbook';
import { readPeopleSheet, SPREADSHEET_MESSAGES } from './spreadsheet-reader';

const FIXTURES = join(import.meta.dirname, '../../../../tests/fixtures');
let places: PlaceResolver;

beforeAll(async () => {
  places = geographyPlaceResolver(await loadThaiGeography(), '57');
});

describe('reading people sheets', () => {
  it('reads the fixture sheet (title row, good and bad rows) and finds the errors per row and cell', async () => {
    const bad = badRowsAt(40);
    const bytes = await peopleWorkbookBytes({ count: 40, bad, titleRow: true });
    mkdirSync(FIXTURES, { recursive: true });
    writeFileSync(join(FIXTURES, 'roster-import-40-rows-5-bad.xlsx'), bytes);

    const sheet = await readPeopleSheet(bytes);
    expect(sheet.headers).toEqual(SHEET_HEADERS);
    expect(sheet.firstRowNumber).toBe(3);
    const rows = validateImportRows(sheet.rows, guessColumnMapping(sheet.headers), { places, existingNationalIds: new Set(), existingNameKeys: new Set() }, sheet.firstRowNumber);
    expect(summariseRows(rows)).toEqual({ rows: 40, valid: 35, withErrors: 5, withWarnings: 0 });
    const failing = rows.filter((r) => r.person === null).map((r) => [r.rowNumber, SHEET_HEADERS[r.issues[0]!.column!]]);
    expect(failing).toEqual([...bad.entries()].map(([i, kind]) => [i + 3, { 'bad-id': 'เลขประจำตัวประชาชน', 'bad-phone': 'เบอร์โทรศัพท์', 'no-name': 'ชื่อ', 'unknown-tambon': 'ตำบล', 'bad-date': 'วันเริ่มวาระ' }[kind]]));
    const good = rows.find((r) => r.rowNumber === 3)!.person!;
    expect(good).toMatchObject({ firstName: 'สมชาย', tambonCode: '570101', termStart: '2022-04-01', termEnd: '2027-03-31' });
    // Date cells (every third row) and number IDs come through as well.
    expect(rows.find((r) => r.rowNumber === 5)!.person).toMatchObject({ termStart: '2022-04-01', termEnd: '2027-03-31' });
  });

  it('reads a CSV with BOM the same way', async () => {
    const rows = peopleRows({ count: 3 }).map((r) => r.map((c) => (c instanceof Date ? '1/4/2565' : String(c))));
    const bytes = new TextEncoder().encode(toCsv([SHEET_HEADERS, ...rows]));
    const sheet = await readPeopleSheet(bytes);
    expect(sheet.rows).toHaveLength(3);
    const checked = validateImportRows(sheet.rows, guessColumnMapping(sheet.headers), { places, existingNationalIds: new Set(), existingNameKeys: new Set() });
    expect(checked.every((r) => r.person !== null)).toBe(true);
  });

  it('refuses what is not a spreadsheet with a Thai message', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    await expect(readPeopleSheet(png)).rejects.toThrow(SPREADSHEET_MESSAGES.notSpreadsheet);
    await expect(readPeopleSheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).rejects.toThrow(SPREADSHEET_MESSAGES.oldExcel);
    const broken = (await peopleWorkbookBytes({ count: 3 })).slice(0, 200);
    await expect(readPeopleSheet(broken)).rejects.toThrow(SPREADSHEET_MESSAGES.damaged);
    await expect(readPeopleSheet(new Uint8Array())).rejects.toThrow(SPREADSHEET_MESSAGES.empty);
    await expect(readPeopleSheet(new TextEncoder().encode('just some words\nand more'))).rejects.toThrow(SPREADSHEET_MESSAGES.notSpreadsheet);
  });

  it('exports an XLSX that imports back to the same people', async () => {
    const geography = await loadThaiGeography();
    const people = [
      { title: 'นาย', firstName: 'สมชาย', lastName: 'ใจดี', nationalId: '1101700230708', phone: '0812345678', lineId: 'somchai', email: '', village: 3, role: 'ประธาน', sector: 'กำนัน', tambonCode: '570101', termStart: '2022-04-01', termEnd: '2027-03-31', privacyNoticeOn: '2022-04-01' },
    ];
    const names = { tambon: (c: string) => geography.tambon(c)?.nameTh ?? c, amphoe: (c: string) => geography.amphoe(c)?.nameTh ?? c, province: (c: string) => geography.province(c)?.nameTh ?? c };
    const bytes = await peopleWorkbook(peopleExportRows(people, { fullIds: true, places: names }), 'ทำเนียบ');
    const sheet = await readPeopleSheet(bytes);
    const [row] = validateImportRows(sheet.rows, guessColumnMapping(sheet.headers), { places, existingNationalIds: new Set(), existingNameKeys: new Set() });
    expect(row!.person).toEqual(people[0]);
    const masked = await readPeopleSheet(await peopleWorkbook(peopleExportRows(people, { fullIds: false, places: names }), 'x'));
    expect(masked.rows[0]![3]).toBe('x-xxxx-xxxx0-70-8');
    const [maskedRow] = validateImportRows(masked.rows, guessColumnMapping(masked.headers), { places, existingNationalIds: new Set(), existingNameKeys: new Set() });
    expect(maskedRow!.issues[0]!.message).toBe(IMPORT_MESSAGES.badNationalId);
  });
});
