// The columns of a people sheet: what each holds, the header the export writes, and the headers
// offices actually use, so an import maps Thai (and English) headings without the user's help.
import { normaliseThaiText } from '../thai/search-tokens';

export const ROSTER_FIELDS = [
  'title',
  'firstName',
  'lastName',
  'fullName',
  'nationalId',
  'phone',
  'lineId',
  'email',
  'village',
  'role',
  'sector',
  'tambon',
  'amphoe',
  'province',
  'termStart',
  'termEnd',
  'privacyNoticeOn',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Heading written by the export and shown in the mapping step. */
export const ROSTER_FIELD_LABELS: Record<RosterField, string> = {
  title: 'คำนำหน้า',
  firstName: 'ชื่อ',
  lastName: 'นามสกุล',
  fullName: 'ชื่อ-นามสกุล',
  nationalId: 'เลขประจำตัวประชาชน',
  phone: 'โทรศัพท์',
  lineId: 'LINE ID',
  email: 'อีเมล',
  village: 'หมู่ที่',
  role: 'ตำแหน่ง',
  sector: 'ภาคส่วน',
  tambon: 'ตำบล',
  amphoe: 'อำเภอ',
  province: 'จังหวัด',
  termStart: 'วันเริ่มวาระ',
  termEnd: 'วันสิ้นสุดวาระ',
  privacyNoticeOn: 'วันที่แจ้งประกาศความเป็นส่วนตัว',
};

const SYNONYMS: Record<RosterField, string[]> = {
  title: ['คำนำหน้า', 'คำนำหน้าชื่อ', 'คำนำหน้านาม', 'title', 'prefix'],
  firstName: ['ชื่อ', 'ชื่อจริง', 'ชื่อตัว', 'first name', 'firstname', 'given name'],
  lastName: ['นามสกุล', 'สกุล', 'last name', 'lastname', 'surname', 'family name'],
  fullName: ['ชื่อ-นามสกุล', 'ชื่อ-สกุล', 'ชื่อ นามสกุล', 'ชื่อและนามสกุล', 'ชื่อ – สกุล', 'ชื่อ - สกุล', 'ชื่อ - นามสกุล', 'ชื่อสกุล', 'name', 'full name'],
  nationalId: ['เลขประจำตัวประชาชน', 'เลขบัตรประชาชน', 'เลขบัตรประจำตัวประชาชน', 'บัตรประชาชน', 'เลขประจำตัว', 'เลขที่บัตรประชาชน', 'เลขที่บัตรประจำตัวประชาชน', 'national id', 'citizen id', 'id card'],
  phone: ['โทรศัพท์', 'เบอร์โทร', 'เบอร์โทรศัพท์', 'หมายเลขโทรศัพท์', 'โทร', 'มือถือ', 'เบอร์มือถือ', 'phone', 'mobile', 'tel', 'telephone'],
  lineId: ['line id', 'line', 'ไลน์', 'ไอดีไลน์', 'ไลน์ไอดี'],
  email: ['อีเมล', 'อีเมล์', 'e-mail', 'email', 'อีเมลล์'],
  village: ['หมู่ที่', 'หมู่', 'ม.', 'หมู่บ้าน', 'village', 'moo'],
  role: ['ตำแหน่ง', 'ตำแหน่งในคณะกรรมการ', 'ตำแหน่งใน ศส.ปชต.', 'บทบาท', 'role', 'position'],
  sector: ['ภาคส่วน', 'สถานะทางสังคม', 'ตำแหน่งทางสังคม', 'กลุ่ม', 'ประเภท', 'sector'],
  tambon: ['ตำบล', 'รหัสตำบล', 'แขวง', 'ต.', 'ตำบล/แขวง', 'ชื่อตำบล', 'tambon', 'subdistrict', 'sub-district'],
  amphoe: ['อำเภอ', 'เขต', 'อ.', 'อำเภอ/เขต', 'ชื่ออำเภอ', 'amphoe', 'district'],
  province: ['จังหวัด', 'จ.', 'province'],
  termStart: ['วันเริ่มวาระ', 'เริ่มวาระ', 'วันที่เริ่มวาระ', 'วันที่แต่งตั้ง', 'วันแต่งตั้ง', 'วันเดือนปีที่แต่งตั้ง', 'แต่งตั้งเมื่อ', 'term start'],
  termEnd: ['วันสิ้นสุดวาระ', 'สิ้นสุดวาระ', 'วันที่สิ้นสุดวาระ', 'วันครบวาระ', 'ครบวาระ', 'term end'],
  privacyNoticeOn: ['วันที่แจ้งประกาศความเป็นส่วนตัว', 'แจ้งประกาศความเป็นส่วนตัว', 'วันที่รับทราบประกาศ', 'privacy notice'],
};

/**
 * A heading as compared: normalised Thai, without spaces, line breaks, dashes, slashes, a
 * trailing dot, colon or asterisk, or a remark in brackets ("เลขประจำตัวประชาชน (13 หลัก)").
 * Also the key a remembered mapping is stored under.
 */
export function headerKey(header: string): string {
  return normaliseThaiText(header)
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/[\s_–\-/:*]+/g, '')
    .replace(/\.$/, '');
}

const FIELD_BY_HEADER = new Map<string, RosterField>();
for (const field of ROSTER_FIELDS) for (const s of [ROSTER_FIELD_LABELS[field], ...SYNONYMS[field]]) FIELD_BY_HEADER.set(headerKey(s), field);

// Headings that carry more words than a known one ("เบอร์โทรศัพท์มือถือ", "ตำแหน่งในคณะกรรมการ
// ศส.ปชต. ตำบล"): the longest known heading they start with, if it is long enough not to be a
// mere prefix (a "ชื่อเล่น" is not a "ชื่อ").
const PREFIX_MIN = 6;
const PREFIXES = [...FIELD_BY_HEADER.entries()].filter(([key]) => key.length >= PREFIX_MIN).sort((a, b) => b[0].length - a[0].length);

/** The field a heading means, or null when it is not recognised. */
export function recogniseHeader(header: string): RosterField | null {
  const key = headerKey(header);
  if (key === '') return null;
  const exact = FIELD_BY_HEADER.get(key);
  if (exact) return exact;
  for (const [prefix, field] of PREFIXES) if (key.startsWith(prefix)) return field;
  return null;
}

/** Mappings the user chose before, by heading key: a field, or null for "do not import". */
export type ColumnMemory = Readonly<Record<string, RosterField | null>>;

/** Column index → field (or null: not imported). */
export type ColumnMapping = (RosterField | null)[];

/**
 * Maps each heading to a field, each field at most once (the first column that claims it wins):
 * what the user chose before for that heading, else what it is recognised as.
 */
export function guessColumnMapping(headers: readonly string[], memory: ColumnMemory = {}): ColumnMapping {
  const taken = new Set<RosterField>();
  return headers.map((h) => {
    const key = headerKey(h);
    const field = Object.prototype.hasOwnProperty.call(memory, key) ? (memory[key] ?? null) : recogniseHeader(h);
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** What to remember of a mapping: every heading's choice, so the next file with it maps the same. */
export function columnMemoryOf(headers: readonly string[], mapping: ColumnMapping): Record<string, RosterField | null> {
  const memory: Record<string, RosterField | null> = {};
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key !== '') memory[key] = mapping[i] ?? null;
  });
  return memory;
}

export type MappingProblem = 'no-name' | 'no-place' | 'duplicate-field';

/** What a mapping lacks before rows can be read: a name and a place are the least a person needs. */
export function mappingProblems(mapping: ColumnMapping): MappingProblem[] {
  const fields = mapping.filter((f): f is RosterField => f !== null);
  const has = (f: RosterField) => fields.includes(f);
  const problems: MappingProblem[] = [];
  if (!has('firstName') && !has('fullName')) problems.push('no-name');
  if (!has('tambon')) problems.push('no-place');
  if (new Set(fields).size !== fields.length) problems.push('duplicate-field');
  return problems;
}
