// Thai Excel rosters as they really come (issue 15): each case has a file in tests/fixtures/roster
// (made by make-roster-fixtures.ts, except excel-97.xls) read by the real reader and checked by
// the real validation, against the real DOPA geography.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadThaiGeography, type ThaiGeography } from '../../../../shared/geography/thai-geography';
import { geographyPlaceResolver } from '../../../../shared/roster/place-resolver';
import { guessColumnMapping, recogniseHeader, type ColumnMapping } from '../../../../shared/roster/roster-columns';
import { IMPORT_MESSAGES, validateImportRows, type ValidationContext } from '../../../../shared/roster/row-validation';
import { toThaiDigits } from '../../../../shared/thai/buddhist-era-date';
import { formatNationalId } from '../../../../shared/thai/national-id';
import { nationalIdFor } from '../../../../tests/fixtures/roster-sheet';
import { readPeopleWorkbook, SPREADSHEET_MESSAGES, type SheetData, type WorkbookData } from './spreadsheet-reader';

const DIR = join(import.meta.dirname, '../../../../tests/fixtures/roster');
const file = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
let geography: ThaiGeography;

beforeAll(async () => {
  geography = await loadThaiGeography();
});

function check(sheet: SheetData, book: Pick<WorkbookData, 'dateSystem'>, extra: Partial<ValidationContext> & { mapping?: ColumnMapping } = {}) {
  const { mapping = guessColumnMapping(sheet.headers), ...context } = extra;
  return validateImportRows(sheet.rows, mapping, { places: geographyPlaceResolver(geography, '57', context.writableDistrict ?? null), existingNationalIds: new Set(), existingNameKeys: new Set(), dateSystem: book.dateSystem, ...context }, sheet.firstRowNumber);
}

async function read(name: string) {
  const book = await readPeopleWorkbook(file(name), name);
  return { book, sheet: book.sheets[book.bestSheet]! };
}

describe('Thai rosters as they come', () => {
  it('finds the heading under title rows and merged cells, in two rows, and skips the empty row', async () => {
    const { sheet, book } = await read('title-rows-two-row-heading.xlsx');
    expect(sheet.headers).toEqual(['ลำดับ', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'เลขประจำตัวประชาชน', 'ตำบล', 'อำเภอ', 'ตำแหน่ง', 'วันเริ่มวาระ', 'วันสิ้นสุดวาระ']);
    expect(sheet.firstRowNumber).toBe(5);
    const rows = check(sheet, book);
    expect(rows.map((r) => [r.rowNumber, r.person?.firstName, r.person?.tambonCode, r.person?.termStart])).toEqual([
      [5, 'สมชาย', '570101', '2022-04-01'],
      [6, 'สมศรี', '570101', '2022-04-01'],
      [7, 'บุญมี', '570102', '2022-04-01'],
      [9, 'มาลัย', '570103', '2022-04-01'],
      [10, 'ประเสริฐ', '570104', '2022-04-01'],
    ]);
  });

  it('maps headings with line breaks, extra spaces and other wording; remembers a mapping the user chose', async () => {
    const { sheet, book } = await read('odd-headings.xlsx');
    const guessed = guessColumnMapping(sheet.headers);
    expect(guessed).toEqual([null, 'title', 'firstName', 'lastName', 'nationalId', 'phone', 'role', 'tambon', 'amphoe', 'termStart', null]);
    // The user maps "อาชีพ" to ภาคส่วน; the next file with that heading maps the same way.
    const remembered = guessColumnMapping(sheet.headers, { อาชีพ: 'sector', ที่: null });
    expect(remembered[10]).toBe('sector');
    const rows = check(sheet, book, { mapping: remembered });
    expect(rows.map((r) => r.person && [r.person.role, r.person.sector, r.person.tambonCode, r.person.termStart])).toEqual([
      ['ประธาน', 'เกษตรกร', '570101', '2022-04-01'],
      ['กรรมการ', 'ค้าขาย', '570101', '2022-04-01'],
    ]);
  });

  it('reads IDs typed as numbers, floats, with dashes, spaces or Thai digits, and phones without their 0 or with +66; says what it changed', async () => {
    const { sheet, book } = await read('ids-and-phones.xlsx');
    const rows = check(sheet, book);
    expect(rows.slice(0, 5).map((r) => r.person && [r.person.nationalId, r.person.phone, r.person.village])).toEqual([
      [nationalIdFor(301), '0812345601', 3],
      [nationalIdFor(302), '0812345602', 3],
      [nationalIdFor(303), '0812345603', 3],
      [nationalIdFor(304), '0812345604', 3],
      [nationalIdFor(305), '0812345605', 3],
    ]);
    expect(rows.slice(0, 5).map((r) => r.conversions.map((c) => [c.field, c.kind, c.from, c.to]))).toEqual([
      [['phone', 'phone-leading-zero', '812345601', '0812345601']],
      [['nationalId', 'id-from-number', `${nationalIdFor(302)}.0`, nationalIdFor(302)], ['phone', 'phone-leading-zero', '812345602', '0812345602']],
      [['phone', 'phone-country-code', '+66 81 234 5603', '0812345603']],
      [['phone', 'phone-country-code', '66812345604', '0812345604']],
      [['nationalId', 'thai-digits', toThaiDigits(formatNationalId(nationalIdFor(305))!), nationalIdFor(305)], ['phone', 'thai-digits', '๐๘๑-๒๓๔-๕๖๐๕', '0812345605'], ['village', 'thai-digits', '๓', '3']],
    ]);
    // Excel shortened this one to 1.10170E+12: the digits are gone, and the row says so. Its
    // landline (8 digits) got its 0 back.
    expect(rows[5]!.issues.map((i) => i.message)).toEqual([IMPORT_MESSAGES.shortenedNationalId]);
    expect(rows[5]!.conversions).toEqual([expect.objectContaining({ field: 'phone', kind: 'phone-leading-zero', to: '053711111' })]);
  });

  it.each([1900, 1904] as const)('reads BE and CE dates in text, date cells (a BE year typed into one too) and Excel day numbers of the %i system, telling them apart', async (system) => {
    const { sheet, book } = await read(`dates-${system}.xlsx`);
    expect(book.dateSystem).toBe(system);
    const rows = check(sheet, book);
    expect(rows.map((r) => r.person?.termStart)).toEqual(Array(8).fill('2022-08-24'));
    expect(rows.map((r) => r.conversions.map((c) => [c.kind, c.from]))).toEqual([
      [['date-be-text', '24 ส.ค. 2565']],
      [['date-be-text', '24/08/2565']],
      [['date-be-text', '24 สิงหาคม 2565']],
      [['date-ce-text', '24/08/2022']],
      [['date-ce-text', '2022-08-24']],
      [],
      [['date-be-year-cell', '24/8/2565']],
      [['date-serial', system === 1904 ? '43335' : '44797']],
    ]);
  });

  it('cleans sara am typed as two characters, non-breaking and zero-width spaces and Thai digits, and lists each change', async () => {
    const { sheet, book } = await read('messy-text.csv');
    const rows = check(sheet, book);
    expect(rows.map((r) => r.person && [r.person.firstName, r.person.lastName, r.person.role, r.person.village, r.person.phone])).toEqual([
      ['น้ำฝน', 'คำแก้ว', 'กรรมการ', 3, '0812345607'],
      ['สมชาย', 'ใจดี', 'ประธาน', 4, '0812345608'],
      ['ทองคำ', 'สายทอง', 'กรรมการ', 5, '0812345609'],
    ]);
    expect(rows.map((r) => r.conversions.map((c) => [c.field, c.kind]))).toEqual([
      [['firstName', 'hidden-characters'], ['village', 'thai-digits'], ['phone', 'thai-digits']],
      // Spaces around a value (non-breaking ones too) are only trimmed; inside it they are changes.
      [['lastName', 'hidden-characters'], ['role', 'hidden-characters']],
      [['firstName', 'hidden-characters'], ['tambon', 'hidden-characters']],
    ]);
  });

  it('offers every sheet of a workbook, starts at one with a roster, and reads formulas by their saved values', async () => {
    const book = await readPeopleWorkbook(file('several-sheets-formulas.xlsx'), 'several-sheets-formulas.xlsx');
    expect(book.sheets.map((s) => s.sheetName)).toEqual(['สรุป', 'อ.เมือง', 'อ.เวียงชัย']);
    expect(book.sheets[book.bestSheet]!.sheetName).toBe('อ.เมือง');
    const other = book.sheets[2]!;
    const rows = check(other, book);
    expect(rows.map((r) => r.person && [r.rowNumber, r.person.firstName, r.person.tambonCode, r.person.termEnd])).toEqual([
      [2, 'สุริยา', '570202', '2027-03-31'],
      [4, 'นงลักษณ์', '570202', '2027-03-31'],
    ]);
    expect(other.rows[0]![3]).toBe('สุริยา ธรรมวงศ์');
  });

  it.each([
    ['utf8-bom.csv', 'utf-8-bom'],
    ['utf8.csv', 'utf-8'],
    ['windows-874.csv', 'windows-874'],
  ] as const)('reads %s (%s) to the same people', async (name, encoding) => {
    const { book, sheet } = await read(name);
    expect(book.encoding).toBe(encoding);
    expect(sheet.headers[0]).toBe('ชื่อ');
    expect(check(sheet, book).map((r) => r.person && [r.person.firstName, r.person.lastName, r.person.tambonCode])).toEqual([
      ['สมหญิง', 'ทองคำ', '570101'],
      ['วิชัย', 'แสงงาม', '570102'],
    ]);
  });

  it('reads a government system’s “.xls” that is an HTML table in the Thai code page', async () => {
    const { book, sheet } = await read('gov-export.xls');
    expect([book.kind, book.encoding]).toEqual(['html', 'windows-874']);
    expect(sheet.headers).toEqual(['ลำดับ', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'เลขประจำตัว ประชาชน', 'เบอร์โทร', 'ตำบล', 'อำเภอ']);
    expect(recogniseHeader(sheet.headers[4]!)).toBe('nationalId');
    const rows = check(sheet, book);
    expect(rows.map((r) => r.person && [r.person.title, r.person.firstName, r.person.nationalId, r.person.phone, r.person.tambonCode])).toEqual([
      ['นาย', 'อำนาจ', nationalIdFor(601), '0812345611', '570101'],
      ['นาง', 'จันทร์เพ็ญ', nationalIdFor(602), '0812345612', '570101'],
    ]);
  });

  it('refuses a real Excel 97–2003 file, saying how to save it as .xlsx, and a text file named .xlsx', async () => {
    await expect(readPeopleWorkbook(file('excel-97.xls'), 'excel-97.xls')).rejects.toThrow(SPREADSHEET_MESSAGES.oldExcel);
    expect(SPREADSHEET_MESSAGES.oldExcel).toContain('บันทึกเป็น');
    expect(SPREADSHEET_MESSAGES.oldExcel).toContain('.xlsx');
    // Issue 17: this used to be read as a CSV.
    await expect(readPeopleWorkbook(file('csv-named.xlsx'), 'csv-named.xlsx')).rejects.toThrow(SPREADSHEET_MESSAGES.notXlsx);
    // The same bytes named .csv are a CSV.
    expect((await readPeopleWorkbook(file('csv-named.xlsx'), 'roster.csv')).sheets[0]!.rows).toHaveLength(2);
  });

  it('resolves tambon and amphoe by name within the province, asks about names that fit several, and keeps the answer', async () => {
    const { sheet, book } = await read('places.xlsx');
    const rows = check(sheet, book);
    expect(rows.map((r) => r.person?.tambonCode ?? r.placeQuestion?.candidates ?? r.issues[0]?.message)).toEqual([
      '570101',
      '570102',
      '570103',
      '570104',
      ['570107', '570705'],
      ['570107', '570705'],
      ['570601', '571002'],
      '570801',
    ]);
    expect(rows[4]!.issues[0]!.message).toBe(IMPORT_MESSAGES.ambiguousPlace);
    expect(rows[4]!.placeQuestion!.key).toBe(rows[5]!.placeQuestion!.key);
    // The user says สันทราย is the one in แม่จัน: both rows take it.
    const answered = check(sheet, book, { placeChoices: new Map([[rows[4]!.placeQuestion!.key, '570705']]) });
    expect(answered.slice(4, 6).map((r) => r.person?.tambonCode)).toEqual(['570705', '570705']);
  });

  it('refuses, row by row, a tambon outside the district of the officer importing (issue 17), and prefers their district for an ambiguous name', async () => {
    const { sheet, book } = await read('places.xlsx');
    const rows = check(sheet, book, { writableDistrict: '5701' });
    // เวียง in เชียงแสน (570801): the server would refuse it and the centre it would make.
    expect(rows[7]!.person).toBeNull();
    expect(rows[7]!.issues.map((i) => i.message)).toEqual([IMPORT_MESSAGES.outOfDistrict]);
    // สันทราย of อ.เมือง is meant: the other is outside this officer's district.
    expect(rows[4]!.person?.tambonCode).toBe('570107');
    // Neither ป่าแดด is in อ.เมือง: nothing to ask, it is outside the district.
    expect(rows[6]!.issues.map((i) => i.message)).toEqual([IMPORT_MESSAGES.outOfDistrict]);
    expect(rows.filter((r) => r.person).every((r) => r.person!.tambonCode.startsWith('5701'))).toBe(true);
  });
});
