import type { DeskData } from '../../db/desk-data';
import type { Author, WorkScope } from '../../db/repositories/author';
import { parseThaiDate } from '../../../shared/thai/buddhist-era-date';
import { articleBodyHtml, parseListingArticle, parseSeminarArticle } from './seed-pages';
import { samplePeople } from './sample-people';

export interface SamplePages {
  seminarArticle: string;
  newsListing: string;
}

export type SampleLoadResult = { loaded: false } | { loaded: true; news: number; events: number; centres: number; members: number };

const SAMPLE_FLAG = 'sampleDataLoaded';

/** The example tambons of Mueang Chiang Rai, with where their centres sit. */
const SAMPLE_CENTRES = [
  { tambonCode: '570101', name: 'ศส.ปชต. ตำบลเวียง', location: 'กศน.ตำบลเวียง' },
  { tambonCode: '570102', name: 'ศส.ปชต. ตำบลรอบเวียง', location: 'ที่ทำการองค์การบริหารส่วนตำบลรอบเวียง' },
  { tambonCode: '570103', name: 'ศส.ปชต. ตำบลบ้านดู่', location: 'กศน.ตำบลบ้านดู่' },
];

/** One invented contact person per partner (names, phones and e-mails made up). */
export const SAMPLE_PARTNER_CONTACTS = [
  { name: 'นางบุษบา แก้วประเสริฐ', position: 'ประธาน', phone: '0891234501', email: 'busaba.k@example.co.th' },
  { name: 'นายธนากร มั่นคง', position: 'พัฒนากรจังหวัด', phone: '0891234502', email: 'thanakorn.m@example.co.th' },
  { name: 'นายสุเทพ บุญญา', position: 'ผู้ใหญ่บ้าน', phone: '0891234503', email: '' },
  { name: 'นางสาวปวีณา ศรีวงศ์', position: 'ปลัดอำเภอ', phone: '0891234504', email: 'paweena.s@example.co.th' },
  { name: 'นายอนุชา ทองมา', position: 'นายก อบต.', phone: '0891234505', email: '' },
];

const SAMPLE_PARTNERS = [
  { type: 'คณะกรรมการพัฒนาสตรี', name: 'คณะกรรมการพัฒนาสตรีอำเภอเมืองเชียงราย', level: 'district' as const },
  { type: 'กรมการพัฒนาชุมชน', name: 'สำนักงานพัฒนาชุมชนจังหวัดเชียงราย', level: 'province' as const },
  { type: 'กรรมการหมู่บ้าน', name: 'เครือข่ายกรรมการหมู่บ้านตำบลเวียง', level: 'tambon' as const },
  { type: 'กรมการปกครอง', name: 'ที่ทำการปกครองอำเภอเมืองเชียงราย', level: 'district' as const },
  { type: 'องค์กรปกครองส่วนท้องถิ่น', name: 'องค์การบริหารส่วนตำบลรอบเวียง', level: 'tambon' as const },
];

/** The seminar's participants exactly as the seed article counts them: 427 in all. */
export const SEMINAR_PARTICIPANTS = [
  { group: 'ผู้แทน ศส.ปชต. และเครือข่ายพันธมิตร (77 จังหวัด ๆ ละ 4 คน)', count: 308 },
  { group: 'ผู้อำนวยการการเลือกตั้งประจำจังหวัดหรือผู้แทน', count: 77 },
  { group: 'ผู้บริหารเจ้าหน้าที่โครงการ', count: 13 },
  { group: 'วิทยากรผู้ทรงคุณวุฒิภายนอก', count: 7 },
  { group: 'วิทยากรภายใน', count: 5 },
  { group: 'สื่อมวลชน แขกผู้มีเกียรติ ผู้สังเกตการณ์', count: 17 },
];

/**
 * "โหลดข้อมูลตัวอย่าง": the seed pages as news, their activities on the calendar, and example
 * rosters — written through the repositories, so they queue for sync like any user's work.
 * Each later capability extends this set. Loads once per device.
 */
export function loadSampleData(data: DeskData, pages: SamplePages, author: Author, scope: WorkScope): Promise<SampleLoadResult> {
  const { db } = data;
  // One transaction: the example set is all there or not at all.
  return db.transaction('rw', [db.news, db.events, db.centres, db.members, db.partners, db.outbox, db.syncState], () => writeSampleData(data, pages, author, scope));
}

async function writeSampleData(data: DeskData, pages: SamplePages, author: Author, scope: WorkScope): Promise<SampleLoadResult> {
  if ((await data.db.syncState.get(SAMPLE_FLAG))?.value === true) return { loaded: false };

  const seminar = parseSeminarArticle(pages.seminarArticle);
  const mou = parseListingArticle(pages.newsListing);
  const mouDate = parseThaiDate(mou.datelineText?.replace(/^วันที่\s*/, '') ?? '');

  const seminarEvent = await data.events.create(
    {
      title: 'เสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”',
      type: 'seminar',
      start: new Date(2022, 7, 24).toISOString(),
      end: new Date(2022, 7, 25, 23, 59).toISOString(),
      allDay: true,
      place: 'ห้องประชุมอัศวินแกรนด์ บอลรูม ชั้น 4 โรงแรมอัศวิน แกรนด์คอนเวนชั่น ถนนวิภาวดีรังสิต เขตหลักสี่ กรุงเทพมหานคร',
      placeTambonCode: null,
      organiser: 'สำนักพัฒนาเครือข่ายการเลือกตั้ง สำนักงานคณะกรรมการการเลือกตั้ง',
      description: 'พัฒนาเครือข่ายศูนย์ส่งเสริมพัฒนาประชาธิปไตย (ศส.ปชต.) และส่งเสริมความเข้มแข็งภาคพลเมือง',
      expected: SEMINAR_PARTICIPANTS,
      actual: SEMINAR_PARTICIPANTS,
      rrule: null,
      exdates: [],
    },
    scope,
  );
  const mouEvent = await data.events.create(
    {
      title: 'พิธีลงนามบันทึกข้อตกลงความร่วมมือ สำนักงาน กกต. กับกระทรวงมหาดไทย',
      type: 'mou',
      start: new Date(2022, 5, 16, 9, 30).toISOString(),
      end: new Date(2022, 5, 16, 12, 0).toISOString(),
      allDay: false,
      place: 'ห้องประชุมราชสีห์ ชั้น 2 อาคารศาลาว่าการกระทรวงมหาดไทย',
      placeTambonCode: null,
      organiser: 'สำนักงานคณะกรรมการการเลือกตั้ง และกระทรวงมหาดไทย',
      description: 'ลงนามบันทึกข้อตกลงว่าด้วยความร่วมมือระดับนโยบาย การเสริมสร้างความเป็นพลเมืองคุณภาพ',
      expected: [],
      actual: [],
      rrule: null,
      exdates: [],
    },
    scope,
  );

  const seminarNews = await data.news.createDraft(
    { title: seminar.title, lead: seminar.paragraphs[0] ?? '', bodyHtml: articleBodyHtml(seminar), category: 'ข่าว/กิจกรรม', tags: ['ศส.ปชต.', 'เครือข่าย'], eventId: seminarEvent.id, dateline: '2022-08-26' },
    author,
    scope,
  );
  await data.news.createDraft(
    {
      title: mou.title,
      lead: mou.paragraphs[0] ?? '',
      bodyHtml: articleBodyHtml(mou),
      category: 'ข่าวประชาสัมพันธ์',
      tags: ['MOU', 'กระทรวงมหาดไทย'],
      eventId: mouEvent.id,
      dateline: mouDate ? `${mouDate.getFullYear()}-${String(mouDate.getMonth() + 1).padStart(2, '0')}-${String(mouDate.getDate()).padStart(2, '0')}` : null,
    },
    author,
    scope,
  );
  await data.news.update(seminarNews.id, { status: 'in_review' });

  let members = 0;
  for (const [index, spec] of SAMPLE_CENTRES.entries()) {
    const centre = await data.roster.createCentre(
      { ...spec, establishedOn: '2019-03-01', status: 'active', orderNumber: `${index + 101}/2565`, orderDate: '2022-04-01', notes: '' },
      scope,
    );
    for (const person of samplePeople(index, index === 2 ? 7 : 9)) {
      await data.roster.createMember(
        {
          ...person,
          tambonCode: spec.tambonCode,
          centreId: centre.id,
          termStart: '2022-04-01',
          termEnd: index === 1 ? '2026-12-31' : '2027-03-31',
          trainings: [],
          photoAttachmentId: null,
          privacyNoticeOn: '2022-04-01',
        },
        scope,
      );
      members++;
    }
  }
  for (const [index, partner] of SAMPLE_PARTNERS.entries()) {
    await data.roster.createPartner({ ...partner, contacts: [SAMPLE_PARTNER_CONTACTS[index]!], mouDate: null, mouAttachmentId: null, notes: '' }, scope);
  }

  await data.db.syncState.put({ key: SAMPLE_FLAG, value: true });
  return { loaded: true, news: 2, events: 2, centres: SAMPLE_CENTRES.length, members };
}
