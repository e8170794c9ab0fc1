import { describe, expect, it } from 'vitest';
import { guessColumnMapping, mappingProblems, recogniseHeader } from './roster-columns';

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
});
