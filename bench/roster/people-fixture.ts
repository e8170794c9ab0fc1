// A province-sized roster of invented people, the same on every run: common Thai given names, and
// family names built from common parts (Thai family names are many and rarely shared), spread over
// the real tambon of a province. Used in Chromium (seeding) and in Node (choosing queries): no DOM,
// no Node API.
import type { Member } from '../../shared/domain/member';

const GIVEN = [
  'สมชาย', 'สมศรี', 'สมพร', 'สมหญิง', 'สมบัติ', 'สมศักดิ์', 'บุญมี', 'บุญเรือง', 'บุญชู', 'ประเสริฐ',
  'ประยุทธ', 'ประภา', 'มาลัย', 'มาลี', 'วันเพ็ญ', 'วันชัย', 'อำนาจ', 'อำพร', 'จันทร์เพ็ญ', 'จันทร์ทิพย์',
  'สุริยา', 'สุรชัย', 'สุนันทา', 'สุภาพ', 'นงลักษณ์', 'นงนุช', 'ทองดี', 'ทองใบ', 'พรทิพย์', 'พรรณี',
  'ชัยวัฒน์', 'ชาญชัย', 'กาญจนา', 'กมล', 'วิชัย', 'วิไล', 'ศิริพร', 'ศรีนวล', 'เกษม', 'เกศินี',
  'อรุณี', 'อนันต์', 'ไพโรจน์', 'ไพศาล', 'เพ็ญศรี', 'เพชร', 'แสงเดือน', 'แก้ว', 'โสภา', 'ใจดี',
  'ธนพล', 'ธีระ', 'นิพนธ์', 'นิตยา', 'ปราณี', 'ปัญญา', 'รัตนา', 'รุ่งนภา', 'ละเอียด', 'ลำดวน',
];
const FAMILY_HEAD = ['ใจ', 'ศรี', 'คำ', 'อินทร์', 'ปัญญา', 'บุญ', 'ทอง', 'แสง', 'วงศ์', 'จันทร์', 'ธรรม', 'สาย', 'เรือน', 'โพธิ์', 'ไชย', 'แก้ว', 'มณี', 'พรหม', 'สุข', 'เพชร'];
const FAMILY_TAIL = ['ดี', 'สุข', 'แก้ว', 'ตา', 'งาม', 'เรือง', 'คำ', 'ไชย', 'หอม', 'วงศ์', 'ทอง', 'มงคล', 'ประเสริฐ', 'รักษ์', 'วิเศษ', 'สวัสดิ์', 'ศรี', 'อุดม', 'เจริญ', 'พันธ์'];
const FAMILY_END = ['', 'กุล', 'ชัย', 'วัฒน์', 'สกุล'];
const ROLES = ['ประธาน', 'รองประธาน', 'เลขานุการ', 'กรรมการ', 'กรรมการ', 'กรรมการ', 'กรรมการ', 'กรรมการ', 'ที่ปรึกษา'];
const SECTORS = ['กำนัน', 'ผู้ใหญ่บ้าน', 'ครู กศน.', 'อสม.', 'ผู้นำชุมชน'];

/** A cheap deterministic hash, so person i is the same person on every run. */
function mix(i: number, salt: number): number {
  let x = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
  x = Math.imul(x ^ (x >>> 12), 0x297a2d39);
  return (x ^ (x >>> 15)) >>> 0;
}

function nationalId(i: number): string {
  const body = `3${String(5_700_000_000 + i * 37).padStart(11, '0')}`.slice(0, 12);
  let sum = 0;
  for (let k = 0; k < 12; k++) sum += Number(body[k]) * (13 - k);
  return body + String((11 - (sum % 11)) % 10);
}

export function personId(i: number): string {
  return `01900000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
}

/** Person i as the server would send it (synced fields only; derived fields are the app's job). */
export function benchPerson(i: number, tambonCodes: readonly string[], provinceCode: string): Member {
  const h = mix(i, 1);
  const given = GIVEN[h % GIVEN.length]!;
  const family = `${FAMILY_HEAD[(h >>> 6) % FAMILY_HEAD.length]!}${FAMILY_TAIL[(h >>> 11) % FAMILY_TAIL.length]!}${FAMILY_END[(h >>> 16) % FAMILY_END.length]!}`;
  const tambonCode = tambonCodes[mix(i, 2) % tambonCodes.length]!;
  const hasPhone = mix(i, 3) % 10 !== 0;
  const phone = hasPhone ? `0${['8', '9', '6'][i % 3]!}${String(mix(i, 4) % 100_000_000).padStart(8, '0')}` : null;
  const startYear = 2018 + (i % 5);
  return {
    id: personId(i),
    provinceCode,
    districtCode: tambonCode.slice(0, 4),
    deleted: false,
    tambonCode,
    centreId: null,
    title: i % 3 === 0 ? 'นาง' : 'นาย',
    firstName: given,
    lastName: family,
    nationalId: i % 7 === 0 ? null : nationalId(i),
    phone,
    lineId: '',
    email: '',
    village: (i % 15) + 1,
    role: ROLES[i % ROLES.length]!,
    sector: SECTORS[i % SECTORS.length]!,
    termStart: `${startYear}-04-01`,
    termEnd: `${startYear + 5}-03-31`,
    trainings: [],
    photoAttachmentId: null,
    privacyNoticeOn: `${startYear}-04-01`,
    mergedIntoId: null,
    mergedFromIds: [],
    erasedAt: null,
    createdAt: '2022-08-01T03:00:00.000Z',
    updatedAt: '2022-08-01T03:00:00.000Z',
  };
}

export interface BenchQuery {
  kind: 'given-prefix' | 'family-prefix' | 'full-name' | 'titled-name' | 'phone-prefix' | 'phone-suffix' | 'id-suffix' | 'no-match';
  text: string;
}

/**
 * Queries as officers type them, taken from people in the roster: prefixes of given and family
 * names (2 to 5 letters), given + family name, a titled name, a phone's first digits (with and
 * without dashes) or last four, the last four ID digits, and a few that find nobody.
 */
export function benchQueries(count: number, tambonCodes: readonly string[], provinceCode: string, people: number): BenchQuery[] {
  const kinds: BenchQuery['kind'][] = ['given-prefix', 'family-prefix', 'full-name', 'phone-prefix', 'phone-suffix', 'id-suffix', 'given-prefix', 'titled-name', 'family-prefix', 'phone-suffix', 'id-suffix', 'no-match'];
  const out: BenchQuery[] = [];
  for (let q = 0; out.length < count; q++) {
    const kind = kinds[q % kinds.length]!;
    const p = benchPerson(mix(q, 9) % people, tambonCodes, provinceCode);
    const cut = 2 + (q % 4);
    const text = ((): string | null => {
      switch (kind) {
        case 'given-prefix':
          return p.firstName.slice(0, cut);
        case 'family-prefix':
          return p.lastName.slice(0, cut + 1);
        case 'full-name':
          return `${p.firstName} ${p.lastName.slice(0, 3)}`;
        case 'titled-name':
          return `${p.title}${p.firstName} ${p.lastName}`;
        case 'phone-prefix':
          return p.phone ? (q % 2 ? `${p.phone.slice(0, 3)}-${p.phone.slice(3, 6)}` : p.phone.slice(0, 6)) : null;
        case 'phone-suffix':
          return p.phone ? p.phone.slice(-4) : null;
        case 'id-suffix':
          return p.nationalId ? p.nationalId.slice(-4) : null;
        case 'no-match':
          return ['ไม่มีใครชื่อนี้', 'ซุปเปอร์แมน', 'กขคงจ'][q % 3]!;
      }
    })();
    if (text) out.push({ kind, text });
  }
  return out;
}
