import { describe, expect, it } from 'vitest';
import { columnMemoryOf, guessColumnMapping, mappingProblems, recogniseHeader } from './roster-columns';

describe('Thai header recognition', () => {
  it('maps the headings offices use, with or without spaces, dots and dashes', () => {
    expect(recogniseHeader('ชื่อ')).toBe('firstName');
    expect(recogniseHeader(' นามสกุล ')).toBe('lastName');
    expect(recogniseHeader('ชื่อ - สกุล')).toBe('fullName');
    expect(recogniseHeader('เลขบัตรประชาชน')).toBe('nationalId');
    expect(recogniseHeader('เบอร์โทร')).toBe('phone');
    expect(recogniseHeader('ม.')).toBe('village');
    expect(recogniseHeader('หมู่ที่')).toBe('village');
    expect(recogniseHeader('E-mail')).toBe('email');
    expect(recogniseHeader('วันสิ้นสุดวาระ')).toBe('termEnd');
    expect(recogniseHeader('ลำดับ')).toBeNull();
  });

  it('guesses a mapping where each field is taken once, and says what is missing', () => {
    const mapping = guessColumnMapping(['ลำดับ', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'โทรศัพท์', 'มือถือ', 'ตำบล']);
    expect(mapping).toEqual([null, 'title', 'firstName', 'lastName', 'phone', null, 'tambon']);
    expect(mappingProblems(mapping)).toEqual([]);
    expect(mappingProblems(guessColumnMapping(['ลำดับ', 'โทรศัพท์']))).toEqual(['no-name', 'no-place']);
  });

  it('maps headings with line breaks, remarks in brackets and extra words, but not a mere prefix', () => {
    expect(recogniseHeader('เลขประจำตัวประชาชน\n(13 หลัก)')).toBe('nationalId');
    expect(recogniseHeader('เบอร์โทรศัพท์มือถือ')).toBe('phone');
    expect(recogniseHeader('ตำแหน่งใน\nคณะกรรมการ ศส.ปชต.')).toBe('role');
    expect(recogniseHeader('วัน/เดือน/ปี ที่แต่งตั้ง')).toBe('termStart');
    expect(recogniseHeader('ตำบล/แขวง')).toBe('tambon');
    expect(recogniseHeader('ชื่อ*')).toBe('firstName');
    expect(recogniseHeader('ชื่อเล่น')).toBeNull();
  });

  it('remembers what the user chose for a heading, including "do not import"', () => {
    const headers = ['ที่', 'ชื่อ', 'อาชีพ', 'ตำบล', 'หมายเหตุ'];
    const memory = columnMemoryOf(headers, [null, 'firstName', 'sector', 'tambon', null]);
    expect(memory).toEqual({ ที่: null, ชื่อ: 'firstName', อาชีพ: 'sector', ตำบล: 'tambon', หมายเหตุ: null });
    // Another file with the same headings, spelt with other spaces and line breaks.
    expect(guessColumnMapping([' อาชีพ ', 'ชื่อ', 'ตำบล'], memory)).toEqual(['sector', 'firstName', 'tambon']);
  });
});
