/**
 * Invented people for the example rosters: common Thai given names and surnames, no real
 * person's data. Phone numbers are in the 08X mobile range, national IDs are left empty.
 */
const FIRST_NAMES = ['สมชาย', 'สมศรี', 'บุญมี', 'ประเสริฐ', 'มาลัย', 'วันเพ็ญ', 'อำนาจ', 'จันทร์เพ็ญ', 'สุริยา', 'นงลักษณ์', 'ทองดี', 'พรทิพย์', 'ชัยวัฒน์', 'กาญจนา', 'วิชัย', 'ศิริพร', 'เกษม', 'อรุณี'];
const LAST_NAMES = ['ใจดี', 'ศรีสุข', 'คำแก้ว', 'อินทร์ตา', 'ปัญญาดี', 'บุญเรือง', 'ทองคำ', 'แสงงาม', 'วงศ์ไชย', 'จันทร์หอม', 'ธรรมวงศ์', 'สายทอง'];
const ROLES = ['ประธาน', 'รองประธาน', 'เลขานุการ', 'กรรมการ', 'กรรมการ', 'กรรมการ', 'กรรมการ', 'กรรมการ', 'ที่ปรึกษา'];
const SECTORS = ['กำนัน', 'ผู้ใหญ่บ้าน', 'ครู กศน.', 'อสม.', 'ผู้นำชุมชน', 'คณะกรรมการพัฒนาสตรี', 'ผู้แทน อปท.', 'ผู้นำชุมชน', 'ปราชญ์ชาวบ้าน'];

export interface SamplePerson {
  title: string;
  firstName: string;
  lastName: string;
  phone: string;
  role: string;
  sector: string;
  village: number;
}

export function samplePeople(centreIndex: number, count: number): SamplePerson[] {
  return Array.from({ length: count }, (_, i) => {
    const n = centreIndex * 7 + i;
    const firstName = FIRST_NAMES[n % FIRST_NAMES.length]!;
    const female = ['สมศรี', 'มาลัย', 'วันเพ็ญ', 'จันทร์เพ็ญ', 'นงลักษณ์', 'พรทิพย์', 'กาญจนา', 'ศิริพร', 'อรุณี'].includes(firstName);
    return {
      title: female ? (n % 2 ? 'นาง' : 'นางสาว') : 'นาย',
      firstName,
      lastName: LAST_NAMES[(n * 5 + centreIndex) % LAST_NAMES.length]!,
      phone: `08${(n % 10).toString()}${String(1_000_000 + n * 7919).slice(-7)}`,
      role: ROLES[i % ROLES.length]!,
      sector: SECTORS[i % SECTORS.length]!,
      village: (i % 12) + 1,
    };
  });
}
