// Records for the sync benchmark: a province's worth of data in a realistic mix (rosters and attendance
// dominate; news is a tenth), with Thai text of realistic length. News records are complete and valid (the
// push benchmark edits them through the record writer); the others are plausible rows of their tables.
import { formatStamp, nodeIdFromDeviceId } from '../../shared/sync/hybrid-logical-clock';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import type { SyncedTable } from '../../shared/domain/synced-tables';

export interface BenchRecord {
  table: SyncedTable;
  id: string;
  provinceCode: string;
  districtCode: string | null;
  values: Record<string, unknown>;
  stamps: Record<string, string>;
}

export const MIX: Array<[SyncedTable, number]> = [
  ['members', 0.4],
  ['attendance', 0.35],
  ['events', 0.1],
  ['news', 0.1],
  ['centres', 0.05],
];

const FIRST = ['สมชาย', 'สมหญิง', 'ประเสริฐ', 'วิไลวรรณ', 'อนุชา', 'กัญญา', 'ธนากร', 'นภัสสร', 'บุญมี', 'จันทร์เพ็ญ'];
const LAST = ['ใจดี', 'ศรีสุข', 'บุญมา', 'แก้วมณี', 'ทองดี', 'มั่นคง', 'วงศ์ไทย', 'สายสุวรรณ'];
const SENTENCE = 'สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงรายจัดประชุมสัมมนาเครือข่าย ศส.ปชต. เพื่อส่งเสริมการมีส่วนร่วมทางการเมืองของประชาชน ';

function at(ms: number): string {
  return new Date(ms).toISOString();
}

export function makeRecords(count: number, provinceCode: string, districtCode: string): BenchRecord[] {
  const node = nodeIdFromDeviceId('bench-seed');
  const base = Date.now() - 24 * 3600_000;
  const records: BenchRecord[] = [];
  const eventIds: string[] = [];
  let index = 0;
  for (const [table, share] of MIX) {
    const n = Math.round(count * share);
    for (let i = 0; i < n && records.length < count; i++, index++) {
      const id = uuidv7(base + index);
      const stamp = formatStamp({ millis: base + index, counter: 0, node });
      const created = at(base + index);
      const tambon = `${districtCode}${String(1 + (i % 12)).padStart(2, '0')}`;
      let values: Record<string, unknown>;
      switch (table) {
        case 'members':
          values = {
            deleted: false, tambonCode: tambon, centreId: null, title: 'นาย', firstName: FIRST[i % FIRST.length], lastName: `${LAST[i % LAST.length]}${i}`,
            nationalId: null, phone: `08${String(10_000_000 + i).slice(-8)}`, lineId: '', email: '', village: 1 + (i % 20), role: 'กรรมการ', sector: 'ภาคประชาชน',
            termStart: '2024-01-01', termEnd: '2027-12-31', trainings: [{ curriculum: 'หลักสูตรพลเมืองคุณภาพ', date: '2024-03-15' }], photoAttachmentId: null,
            privacyNoticeOn: '2024-01-01', createdAt: created, updatedAt: created,
          };
          break;
        case 'attendance':
          values = { deleted: false, eventId: eventIds[i % Math.max(1, eventIds.length)] ?? id, memberId: null, personName: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`, group: 'เยาวชน', checkedInAt: created };
          break;
        case 'events':
          eventIds.push(id);
          values = {
            deleted: false, title: `อบรมเครือข่าย ศส.ปชต. ครั้งที่ ${i + 1}`, type: 'training', start: created, end: created, allDay: false, place: 'ห้องประชุมสำนักงาน',
            placeTambonCode: tambon, organiser: 'สำนักงาน กกต. จังหวัด', description: SENTENCE.repeat(2), expected: [{ group: 'เยาวชน', count: 40 }], actual: [],
            rrule: null, exdates: [], icsUid: null, createdAt: created, updatedAt: created,
          };
          break;
        case 'news':
          values = {
            deleted: false, title: `สัมมนาเครือข่ายส่งเสริมประชาธิปไตย ครั้งที่ ${i + 1}`, lead: SENTENCE, bodyHtml: `<p>${SENTENCE.repeat(8)}</p>`, category: 'ข่าว/กิจกรรม',
            tags: ['ศส.ปชต.', 'สัมมนา'], status: 'draft', eventId: null, dateline: '2026-11-20', authorId: 'bench', authorName: 'นางสาวสมใจ ใจดี', coverAttachmentId: null,
            photos: [], publishedAt: null, createdAt: created, updatedAt: created,
          };
          break;
        default:
          values = { deleted: false, tambonCode: tambon, name: `ศส.ปชต. ตำบล ${i + 1}`, location: 'ที่ทำการองค์การบริหารส่วนตำบล', establishedOn: '2015-06-01', status: 'active', orderNumber: `${i}/2558`, orderDate: '2015-06-01', notes: '', createdAt: created, updatedAt: created };
      }
      const stamps = Object.fromEntries(Object.keys(values).map((f) => [f, stamp]));
      records.push({ table, id, provinceCode, districtCode: table === 'news' || table === 'events' ? null : districtCode, values, stamps });
    }
  }
  return records;
}
