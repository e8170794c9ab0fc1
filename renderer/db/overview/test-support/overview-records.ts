// Records for the overview's tests: whole, valid synced records of the counted tables, built from a
// few fields that matter to the counts.
import type { Attendance } from '../../../../shared/domain/attendance';
import type { CalendarEvent } from '../../../../shared/domain/calendar-event';
import type { Centre } from '../../../../shared/domain/centre';
import type { Member } from '../../../../shared/domain/member';
import type { NewsItem } from '../../../../shared/domain/news';
import { uuidv7 } from '../../../../shared/ids/uuid-v7';

const AT = '2023-01-01T00:00:00.000Z';

const envelope = (districtCode: string | null) => ({ id: uuidv7(), provinceCode: '57', districtCode, deleted: false });

export function memberRecord(over: Partial<Member> & { tambonCode: string }): Member {
  return {
    ...envelope(over.tambonCode.slice(0, 4)),
    centreId: null,
    title: 'นาย',
    firstName: 'สมชาย',
    lastName: 'ใจดี',
    nationalId: null,
    phone: null,
    lineId: '',
    email: '',
    village: null,
    role: 'กรรมการ',
    sector: '',
    termStart: '2022-04-01',
    termEnd: '2027-03-31',
    trainings: [],
    photoAttachmentId: null,
    privacyNoticeOn: null,
    mergedIntoId: null,
    mergedFromIds: [],
    erasedAt: null,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  };
}

export function centreRecord(over: Partial<Centre> & { tambonCode: string }): Centre {
  return { ...envelope(over.tambonCode.slice(0, 4)), name: `ศส.ปชต. ${over.tambonCode}`, location: '', establishedOn: null, status: 'active', orderNumber: '', orderDate: null, notes: '', createdAt: AT, updatedAt: AT, ...over };
}

export function eventRecord(over: Partial<CalendarEvent> & { start: string }): CalendarEvent {
  return {
    ...envelope(null),
    title: 'อบรม ศส.ปชต.',
    type: 'training',
    end: over.start,
    allDay: false,
    place: 'ห้องประชุม',
    placeTambonCode: null,
    organiser: 'สำนักงาน กกต. จังหวัดเชียงราย',
    description: '',
    expected: [],
    actual: [],
    rrule: null,
    exdates: [],
    rdates: [],
    timeZone: null,
    icsUid: null,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  };
}

export function newsRecord(over: Partial<NewsItem> = {}): NewsItem {
  return {
    ...envelope(null),
    title: 'ข่าวทดสอบ',
    lead: '',
    bodyHtml: '<p>เนื้อข่าว</p>',
    category: 'ข่าวประชาสัมพันธ์',
    tags: [],
    status: 'draft',
    eventId: null,
    dateline: null,
    authorId: 'u1',
    authorName: 'ผู้เขียน',
    coverAttachmentId: null,
    photos: [],
    publishedAt: null,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  };
}

export function attendanceRecord(over: Partial<Attendance> & { eventId: string }): Attendance {
  return { ...envelope(null), memberId: null, personName: 'ผู้เข้าร่วม', group: 'กรรมการ ศส.ปชต.', checkedInAt: AT, ...over };
}
