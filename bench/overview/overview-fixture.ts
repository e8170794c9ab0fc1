// A province's data as the overview bench puts it on the device, the same on every run: 100,000 people
// (the roster bench's, a committee of ten in four of every five tambons), a centre in those tambons,
// 2,000 activities (nine in ten in the last whole fiscal year, the rest in the current one; one in a
// hundred a monthly series; the seed article's six participant groups), check-ins at some of them,
// and 10,000 news items over five years (seven in ten published). No DOM, no Node API.
import { ACTIVITY_TYPES, type CalendarEvent } from '../../shared/domain/calendar-event';
import type { Attendance } from '../../shared/domain/attendance';
import type { Centre } from '../../shared/domain/centre';
import type { Member } from '../../shared/domain/member';
import type { NewsItem } from '../../shared/domain/news';
import { fiscalYearOf, fiscalYearRange } from '../../shared/thai/fiscal-year';
import { bodyHtml, CATEGORIES, random, sentence } from '../news/fixtures';
import { benchPerson } from '../roster/people-fixture';

export const PEOPLE = 100_000;
export const ACTIVITIES = 2_000;
export const NEWS = 10_000;
export const CHECK_INS_PER_ACTIVITY = 10;
export const ACTIVITIES_WITH_CHECK_INS = 500;
const COMMITTEE = 10;
const ROLES = ['ประธาน', 'รองประธาน', 'เลขานุการ', 'กรรมการ', 'กรรมการ', 'กรรมการ', 'กรรมการ', 'กรรมการ', 'กรรมการ', 'ที่ปรึกษา'];
const GROUPS = [
  ['ผู้แทน ศส.ปชต. และเครือข่ายพันธมิตร', 40],
  ['ผู้อำนวยการการเลือกตั้งประจำจังหวัดหรือผู้แทน', 5],
  ['ผู้บริหารเจ้าหน้าที่โครงการ', 8],
  ['วิทยากรผู้ทรงคุณวุฒิภายนอก', 2],
  ['วิทยากรภายใน', 2],
  ['สื่อมวลชน แขกผู้มีเกียรติ ผู้สังเกตการณ์', 6],
] as const;
const AT = '2022-08-01T03:00:00.000Z';

const id = (kind: number, i: number) => `0190000${kind}-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;

/** The fiscal year the report bench writes: the last whole one before today's. */
export function reportFiscalYear(now = new Date()): number {
  return fiscalYearOf(now) - 1;
}

export function centreTambons(tambons: readonly string[]): string[] {
  return tambons.filter((_, i) => i % 5 !== 4);
}

export function centreOf(index: number, tambonCode: string, provinceCode: string): Centre {
  return { id: id(2, index), provinceCode, districtCode: tambonCode.slice(0, 4), deleted: false, tambonCode, name: `ศส.ปชต. ตำบล ${tambonCode}`, location: 'กศน.ตำบล', establishedOn: '2019-03-01', status: 'active', orderNumber: `${index + 1}/2565`, orderDate: '2022-04-01', notes: '', createdAt: AT, updatedAt: AT };
}

/** Person i: the roster bench's, the first ten per centre tambon on its committee. */
export function personOf(i: number, tambons: readonly string[], withCentre: readonly string[], provinceCode: string): Member {
  const person = benchPerson(i, tambons, provinceCode);
  if (i >= withCentre.length * COMMITTEE) return person;
  const t = i % withCentre.length;
  const tambonCode = withCentre[t]!;
  return { ...person, tambonCode, districtCode: tambonCode.slice(0, 4), centreId: id(2, t), role: ROLES[Math.floor(i / withCentre.length) % ROLES.length]! };
}

export function activityOf(i: number, amphoes: readonly string[], provinceCode: string, now = new Date()): CalendarEvent {
  const last = fiscalYearRange(reportFiscalYear(now));
  const current = fiscalYearRange(fiscalYearOf(now));
  const inLast = i % 10 !== 0;
  const range = inLast ? last : { from: current.from, to: now > current.from ? now : current.to };
  const span = range.to.getTime() - range.from.getTime();
  const day = new Date(range.from.getTime() + Math.floor(((i * 7919) % ACTIVITIES) / ACTIVITIES * span));
  const start = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 9 + (i % 6), (i % 2) * 30);
  const r = random(i + 1);
  const groups = GROUPS.map(([group, base]) => ({ group, count: Math.round(base * (0.5 + r())) }));
  return {
    id: id(3, i),
    provinceCode,
    districtCode: i % 10 === 5 ? null : amphoes[i % amphoes.length]!,
    deleted: false,
    title: `กิจกรรมที่ ${i + 1} ${sentence(r).slice(0, 80)}`,
    type: ACTIVITY_TYPES[i % ACTIVITY_TYPES.length]!,
    start: start.toISOString(),
    end: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
    allDay: false,
    place: `ห้องประชุมที่ว่าการอำเภอ ${amphoes[i % amphoes.length]}`,
    placeTambonCode: null,
    organiser: 'สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัด',
    description: sentence(r),
    expected: groups,
    actual: groups.map((g) => ({ group: g.group, count: Math.max(0, g.count - Math.floor(r() * 4)) })),
    rrule: i % 100 === 7 ? 'FREQ=MONTHLY;COUNT=12' : null,
    exdates: [],
    rdates: [],
    timeZone: null,
    icsUid: null,
    createdAt: AT,
    updatedAt: AT,
  };
}

export function checkInOf(i: number, event: CalendarEvent): Attendance {
  return { id: id(4, i), provinceCode: event.provinceCode, districtCode: event.districtCode, deleted: false, eventId: event.id, memberId: null, personName: `ผู้เข้าร่วม ${i}`, group: GROUPS[i % GROUPS.length]![0], checkedInAt: event.start };
}

export function newsOf(i: number, amphoes: readonly string[], provinceCode: string, now = new Date()): NewsItem {
  const r = random(i + 100_000);
  const published = i % 10 < 7;
  const when = new Date(now.getTime() - Math.floor(r() * 5 * 365) * 86_400_000);
  const status = published ? (i % 10 === 6 ? 'archived' : 'published') : (['draft', 'in_review', 'approved'] as const)[i % 3]!;
  return {
    id: id(5, i),
    provinceCode,
    districtCode: i % 4 === 0 ? null : amphoes[i % amphoes.length]!,
    deleted: false,
    title: `${sentence(r).slice(0, 90)} ครั้งที่ ${i + 1}`,
    lead: sentence(r),
    bodyHtml: bodyHtml(r, 300),
    category: CATEGORIES[i % CATEGORIES.length]!,
    tags: [],
    status,
    eventId: i < ACTIVITIES ? id(3, i) : null,
    dateline: when.toISOString().slice(0, 10),
    authorId: `author-${i % 12}`,
    authorName: `ผู้เขียน ${i % 12}`,
    coverAttachmentId: null,
    photos: [],
    publishedAt: published ? when.toISOString() : null,
    createdAt: when.toISOString(),
    updatedAt: when.toISOString(),
  };
}
