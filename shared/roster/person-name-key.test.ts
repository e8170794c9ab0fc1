import { describe, expect, it } from 'vitest';
import { comparePersonNames } from '../thai/thai-collation';
import { nameSearchToken, personSortKey } from './person-name-key';

const FIRST = ['สมชาย', 'สมศรี', 'บุญมี', 'ประเสริฐ', 'มาลัย', 'วันเพ็ญ', 'อำนาจ', 'จันทร์เพ็ญ', 'สุริยา', 'นงลักษณ์', 'ทองดี', 'พรทิพย์', 'ชัยวัฒน์', 'กาญจนา', 'วิชัย', 'ศิริพร', 'เกษม', 'อรุณี', 'ไพโรจน์', 'เพ็ญศรี', 'โสภา', 'ใจดี', 'แสงเดือน', 'กิตติ', 'ก้องภพ', 'กองทัพ', 'เก่ง', 'เกียรติ', 'ฤทธิ์', 'รัตนา'];
const LAST = ['ใจดี', 'ศรีสุข', 'คำแก้ว', 'อินทร์ตา', 'เรือนคำ', 'โพธิ์ทอง', 'ไชยมงคล', 'แก้วมา', 'กันทะ'];

describe('Thai sort key', () => {
  it('orders people as Intl.Collator("th") does (first name, then family name)', () => {
    const people = FIRST.flatMap((firstName) => LAST.map((lastName) => ({ firstName, lastName })));
    const byCollator = [...people].sort(comparePersonNames);
    const byKey = [...people].sort((a, b) => {
      const x = personSortKey(a.firstName, a.lastName);
      const y = personSortKey(b.firstName, b.lastName);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    expect(byKey).toEqual(byCollator);
  });

  it('puts a leading vowel under its consonant: เกษม before ขวัญ, after กาญจนา', () => {
    const key = (n: string) => personSortKey(n, '');
    expect(key('เกษม') > key('กาญจนา')).toBe(true);
    expect(key('เกษม') < key('ขวัญ')).toBe(true);
  });
});

describe('whole-name search token', () => {
  it('makes a prefix of the name a prefix of the token', () => {
    expect(nameSearchToken('สมชาย').startsWith(nameSearchToken('สมช'))).toBe(true);
    expect(nameSearchToken('สมชาย').startsWith(nameSearchToken('สมศ'))).toBe(false);
    expect(nameSearchToken('นํ้าฝน')).toBe(nameSearchToken('น้ำฝน'));
  });
});
