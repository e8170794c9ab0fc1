import { beforeAll, describe, expect, it } from 'vitest';
import { loadThaiGeography } from '../geography/thai-geography';
import { geographyPlaceResolver, type PlaceResolver } from './place-resolver';
import { guessColumnMapping } from './roster-columns';
import { IMPORT_MESSAGES, summariseRows, validateImportRows, type ValidationContext } from './row-validation';
import { findDuplicateGroups } from './duplicate-detection';

const HEADERS = ['คำนำหน้า', 'ชื่อ', 'นามสกุล', 'เลขประจำตัวประชาชน', 'โทรศัพท์', 'หมู่ที่', 'ตำแหน่ง', 'ตำบล', 'อำเภอ', 'วันเริ่มวาระ', 'วันสิ้นสุดวาระ'];
const mapping = guessColumnMapping(HEADERS);
const GOOD_ID = '1101700230708'; // check digit valid
let places: PlaceResolver;
let context: ValidationContext;

beforeAll(async () => {
  places = geographyPlaceResolver(await loadThaiGeography(), '57');
  context = { places, existingNationalIds: new Set(), existingNameKeys: new Set() };
});

function row(overrides: Partial<Record<(typeof HEADERS)[number], string | number | Date | null>>) {
  const base: Record<string, string | number | Date | null> = { คำนำหน้า: 'นาย', ชื่อ: 'สมชาย', นามสกุล: 'ใจดี', เลขประจำตัวประชาชน: GOOD_ID, โทรศัพท์: '081-234-5678', หมู่ที่: '3', ตำแหน่ง: 'ประธานกรรมการ', ตำบล: 'เวียง', อำเภอ: 'เมืองเชียงราย', วันเริ่มวาระ: '1/4/2565', วันสิ้นสุดวาระ: '31 มี.ค. 2570' };
  return HEADERS.map((h) => (h in overrides ? overrides[h]! : base[h]!));
}

describe('import row validation', () => {
  it('reads a good row into a person: BE dates to CE, role normalised, tambon by name', () => {
    const [result] = validateImportRows([row({})], mapping, context);
    expect(result!.issues).toEqual([]);
    expect(result!.person).toMatchObject({ title: 'นาย', firstName: 'สมชาย', nationalId: GOOD_ID, phone: '0812345678', village: 3, role: 'ประธาน', tambonCode: '570101', termStart: '2022-04-01', termEnd: '2027-03-31' });
  });

  it('takes CE text dates, real date cells (also ones typed with a BE year) and number cells', () => {
    const [result] = validateImportRows([row({ วันเริ่มวาระ: '2022-04-01', วันสิ้นสุดวาระ: new Date(Date.UTC(2570, 2, 31)), เลขประจำตัวประชาชน: Number(GOOD_ID), โทรศัพท์: 812345678 })], mapping, context);
    expect(result!.person).toMatchObject({ termStart: '2022-04-01', termEnd: '2027-03-31', nationalId: GOOD_ID, phone: '0812345678' });
  });

  it('reports each bad cell with its column and a Thai message', () => {
    const rows = validateImportRows(
      [
        row({ เลขประจำตัวประชาชน: '1101700230709' }),
        row({ โทรศัพท์: '0123', เลขประจำตัวประชาชน: '' }),
        row({ ชื่อ: '', เลขประจำตัวประชาชน: '' }),
        row({ ตำบล: 'ไม่มีจริง', เลขประจำตัวประชาชน: '' }),
        row({ วันเริ่มวาระ: '31/02/2565', เลขประจำตัวประชาชน: '' }),
        row({ ตำบล: 'บางรัก', อำเภอ: 'บางรัก', เลขประจำตัวประชาชน: '' }),
      ],
      mapping,
      context,
    );
    const first = (i: number) => ({ column: rows[i]!.issues[0]?.column, message: rows[i]!.issues[0]?.message });
    expect(first(0)).toEqual({ column: 3, message: IMPORT_MESSAGES.badNationalId });
    expect(first(1).column).toBe(4);
    expect(first(1).message).toMatch(/โทรศัพท์/);
    expect(first(2)).toEqual({ column: 1, message: IMPORT_MESSAGES.missingName });
    expect(first(3)).toEqual({ column: 7, message: IMPORT_MESSAGES.unknownPlace });
    expect(first(4)).toEqual({ column: 9, message: IMPORT_MESSAGES.badDate });
    expect(first(5)).toEqual({ column: 7, message: IMPORT_MESSAGES.outOfProvince });
    expect(rows.every((r) => r.person === null)).toBe(true);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(summariseRows(rows)).toMatchObject({ rows: 6, valid: 0, withErrors: 6 });
  });

  it('refuses an ID twice in the file or already on the roster, and warns of a name already in the tambon', () => {
    const rows = validateImportRows([row({}), row({ ชื่อ: 'สมศรี' }), row({ เลขประจำตัวประชาชน: '', ชื่อ: 'บุญมี' })], mapping, {
      places,
      existingNationalIds: new Set(),
      existingNameKeys: new Set(['570101|บุญมี|ใจดี']),
    });
    expect(rows[0]!.person).not.toBeNull();
    expect(rows[1]!.issues[0]!.message).toBe(IMPORT_MESSAGES.duplicateIdInFile.replace('{row}', '2'));
    expect(rows[2]!.person).not.toBeNull();
    expect(rows[2]!.issues).toEqual([expect.objectContaining({ severity: 'warning', message: IMPORT_MESSAGES.duplicateName })]);
    const onRoster = validateImportRows([row({})], mapping, { places, existingNationalIds: new Set([GOOD_ID]), existingNameKeys: new Set() });
    expect(onRoster[0]!.issues[0]!.message).toBe(IMPORT_MESSAGES.duplicateIdExisting);
  });

  it('splits a full-name column and skips blank rows', () => {
    const m = guessColumnMapping(['ชื่อ-นามสกุล', 'รหัสตำบล']);
    const rows = validateImportRows([['นางสาวมาลัย ศรีสุข', '570103'], [null, ''], ['น.ส. อรุณี คำแก้ว', '570101']], m, context);
    expect(rows.map((r) => r.person && [r.person.title, r.person.firstName, r.person.lastName, r.person.tambonCode])).toEqual([
      ['นางสาว', 'มาลัย', 'ศรีสุข', '570103'],
      ['นางสาว', 'อรุณี', 'คำแก้ว', '570101'],
    ]);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 4]);
  });
});

describe('duplicate detection', () => {
  it('groups the same ID anywhere, and the same name only within a tambon', () => {
    const groups = findDuplicateGroups([
      { id: 'a', tambonCode: '570101', firstName: 'สมชาย', lastName: 'ใจดี', nationalId: GOOD_ID },
      { id: 'b', tambonCode: '570102', firstName: 'สมชาย', lastName: 'ใจดี', nationalId: GOOD_ID },
      { id: 'c', tambonCode: '570101', firstName: 'สมชาย ', lastName: 'ใจดี', nationalId: null },
      { id: 'd', tambonCode: '570103', firstName: 'สมชาย', lastName: 'ใจดี', nationalId: null },
      { id: 'e', tambonCode: '570101', firstName: 'สมศรี', lastName: 'ใจดี', nationalId: null },
    ]);
    expect(groups).toEqual([
      { reason: 'same-id', ids: ['a', 'b'] },
      { reason: 'same-name', ids: ['a', 'c'] },
    ]);
  });
});
