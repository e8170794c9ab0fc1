import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CalendarEvent } from '../domain/calendar-event';
import { allDayEnd } from './calendar-dates';
import { eventsToIcs, type ExportableEvent } from './ics-export';
import { parseIcs, parseIcsInSteps } from './ics-import';
import { buildRule } from './recurrence';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

const SEMINAR_GROUPS = [
  { group: 'ผู้แทน ศส.ปชต. และเครือข่ายพันธมิตร (77 จังหวัด ๆ ละ 4 คน)', count: 308 },
  { group: 'ผู้อำนวยการการเลือกตั้งประจำจังหวัดหรือผู้แทน', count: 77 },
  { group: 'สื่อมวลชน แขกผู้มีเกียรติ, ผู้สังเกตการณ์; อื่น ๆ', count: 17 },
];

function event(fields: Partial<CalendarEvent> & Pick<CalendarEvent, 'id' | 'title' | 'start' | 'end' | 'allDay'>): ExportableEvent {
  return { icsUid: null, type: 'other', place: '', placeTambonCode: null, organiser: '', description: '', expected: [], actual: [], rrule: null, exdates: [], rdates: [], timeZone: null, updatedAt: new Date(2022, 7, 26).toISOString(), ...fields };
}

const EVENTS: ExportableEvent[] = [
  event({
    id: '01890000-0000-7000-8000-000000000001',
    title: 'เสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”',
    type: 'seminar',
    start: local(2022, 8, 24).toISOString(),
    end: allDayEnd(local(2022, 8, 25)).toISOString(),
    allDay: true,
    place: 'ห้องประชุมอัศวินแกรนด์ บอลรูม ชั้น 4, โรงแรมอัศวิน; กรุงเทพมหานคร',
    organiser: 'สำนักพัฒนาเครือข่ายการเลือกตั้ง',
    description: 'บรรทัดแรก\nบรรทัดที่สอง: ยาวพอที่จะต้องพับบรรทัดตาม RFC 5545 เพราะยาวเกินเจ็ดสิบห้าไบต์แน่นอน',
    expected: SEMINAR_GROUPS,
    actual: SEMINAR_GROUPS.slice(0, 2),
  }),
  event({
    id: '01890000-0000-7000-8000-000000000002',
    title: 'พิธีลงนามบันทึกข้อตกลงความร่วมมือ',
    type: 'mou',
    start: local(2022, 6, 16, 9, 30).toISOString(),
    end: local(2022, 6, 16, 12).toISOString(),
    allDay: false,
    placeTambonCode: '570101',
  }),
  event({
    id: '01890000-0000-7000-8000-000000000003',
    icsUid: 'meeting-42@example.org',
    title: 'ประชุมประจำเดือน',
    type: 'meeting',
    start: local(2022, 12, 5, 9, 30).toISOString(),
    end: local(2022, 12, 5, 12).toISOString(),
    allDay: false,
    rrule: buildRule('monthly-weekday', local(2022, 12, 5), local(2023, 12, 31)),
    exdates: [local(2023, 1, 2, 9, 30).toISOString()],
  }),
  event({
    id: '01890000-0000-7000-8000-000000000004',
    title: 'วันเลือกตั้งท้องถิ่น (ทุกปี)',
    type: 'election_day',
    start: local(2022, 12, 31).toISOString(),
    end: allDayEnd(local(2023, 1, 1)).toISOString(),
    allDay: true,
    rrule: buildRule('yearly', local(2022, 12, 31), local(2030, 12, 31)),
    exdates: [local(2024, 12, 31).toISOString()],
  }),
  event({
    // Imported from a partner's calendar in Los Angeles: two rules, an extra date and an
    // exception, all on Los Angeles' clock (its UNTIL is written back in UTC).
    id: '01890000-0000-7000-8000-000000000005',
    icsUid: 'partner-call@example.org',
    title: 'ประชุมทางไกลกับเครือข่ายต่างประเทศ',
    type: 'meeting',
    start: '2022-10-04T17:00:00.000Z',
    end: '2022-10-04T18:00:00.000Z',
    allDay: false,
    rrule: 'FREQ=MONTHLY;BYDAY=1TU;UNTIL=20230630T235959\nFREQ=MONTHLY;BYDAY=3TH;UNTIL=20230630T235959\nEXRULE:FREQ=YEARLY;BYMONTH=1',
    rdates: ['2022-12-28T18:00:00.000Z'],
    exdates: ['2022-11-01T17:00:00.000Z'],
    timeZone: 'America/Los_Angeles',
  }),
];

const ALL_FIELDS = ['title', 'type', 'start', 'end', 'allDay', 'place', 'placeTambonCode', 'organiser', 'description', 'expected', 'actual', 'rrule', 'exdates', 'rdates', 'timeZone'];
const content = ({ id, icsUid, updatedAt: _u, ...rest }: ExportableEvent) => ({
  uid: icsUid ?? `${id}@provincedesk`,
  ...rest,
  // What the export leaves out (an empty place or description) is not in the file.
  fieldsInFile: ALL_FIELDS.filter((f) => (f !== 'place' || rest.place) && (f !== 'description' || rest.description)),
});

describe('ICS', () => {
  it('round-trips: export then import gives the same activities', () => {
    const text = eventsToIcs(EVENTS, local(2022, 9, 1));
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('DTSTART;VALUE=DATE:20220824');
    expect(text).toContain('DTEND;VALUE=DATE:20220826');
    const parsed = parseIcs(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.activities).toEqual(EVENTS.map(content));
  });

  it('skips the one bad event of a file, naming its line and the reason, and reads the others', () => {
    const text = readFileSync(fileURLToPath(new URL('./fixtures/one-bad-event.ics', import.meta.url)), 'utf8');
    const parsed = parseIcs(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.activities.map((a) => a.uid)).toEqual(['good-1@example.org', 'good-2@example.org']);
    expect(parsed.skipped).toEqual([{ line: 21, code: 'end-before-start', detail: '2022-09-12T13:00:00Z → 2022-09-12T09:00:00Z', title: 'อบรมเจ้าหน้าที่ประจำหน่วยเลือกตั้ง' }]);
  });

  it('never throws: a broken line or nesting costs only the event it is in', () => {
    const text = [
      'BEGIN:VCALENDAR', 'VERSION:2.0',
      'BEGIN:VEVENT', 'UID:a', 'SUMMARY:ดี', 'DTSTART:20221003T020000Z', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:b', 'SUMMARY:เสีย', 'not a property', 'DTSTART:20221004T020000Z', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:c', 'SUMMARY:ไม่ปิด VALARM', 'DTSTART:20221005T020000Z', 'BEGIN:VALARM', 'END:VEVENT',
      'BEGIN:VTIMEZONE', 'X-NO-TZID:TRUE', 'END:VTIMEZONE',
      'END:VCALENDAR',
    ].join('\r\n');
    const parsed = parseIcs(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.activities.map((a) => a.uid)).toEqual(['a']);
    expect(parsed.skipped.map((s) => [s.line, s.code])).toEqual([[11, 'bad-line'], [19, 'unbalanced']]);
  });

  it('points at lines that are not iCalendar at all', () => {
    const parsed = parseIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nthis is not a property\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    expect(parsed).toEqual({ ok: false, errors: [{ line: 4, code: 'bad-line', detail: 'this is not a property' }] });
    expect(parseIcs('hello')).toMatchObject({ ok: false, errors: [{ line: 1, code: 'not-calendar' }] });
    const unbalanced = parseIcs('BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VCALENDAR');
    expect(unbalanced.ok ? null : unbalanced.errors[0]).toEqual({ line: 4, code: 'unbalanced', detail: 'END:VCALENDAR' });
  });

  it('refuses impossible dates and bad rules, and names an untitled event', () => {
    const wrap = (body: string) => `BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\n${body}\nEND:VEVENT\nEND:VCALENDAR\n`;
    expect(parseIcs(wrap('SUMMARY:a\nDTSTART:20221340T090000Z'))).toMatchObject({ ok: false, errors: [{ line: 6, code: 'bad-date' }] });
    expect(parseIcs(wrap('SUMMARY:a\nDTSTART;VALUE=DATE:20230229'))).toMatchObject({ ok: false, errors: [{ line: 6, code: 'bad-date' }] });
    expect(parseIcs(wrap('SUMMARY:a\nDTSTART:20221010T090000Z\nRRULE:FREQ=MINUTELY'))).toMatchObject({ ok: false, errors: [{ line: 7, code: 'bad-rule' }] });
    expect(parseIcs(wrap('SUMMARY:a'))).toMatchObject({ ok: false, errors: [{ line: 3, code: 'missing-start' }] });
    // Without a title the activity comes in under a placeholder, and the preview says so.
    expect(parseIcs(wrap('DTSTART:20221010T090000Z'))).toMatchObject({ ok: true, activities: [{ title: 'กิจกรรมไม่มีชื่อ' }], notes: [{ line: 3, code: 'untitled' }] });
  });

  it('reads a changed instance of a series as a one-off and an exception', () => {
    const text = [
      'BEGIN:VCALENDAR', 'VERSION:2.0',
      'BEGIN:VEVENT', 'UID:s1', 'SUMMARY:ประชุม', 'DTSTART:20221003T093000', 'DTEND:20221003T120000', 'RRULE:FREQ=WEEKLY;COUNT=4', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:s1', 'RECURRENCE-ID:20221010T093000', 'SUMMARY:ประชุม (เลื่อน)', 'DTSTART:20221011T133000', 'DTEND:20221011T150000', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const parsed = parseIcs(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.activities.map((a) => [a.uid, a.start, a.exdates])).toEqual([
      ['s1', local(2022, 10, 3, 9, 30).toISOString(), [local(2022, 10, 10, 9, 30).toISOString()]],
      [`s1#${local(2022, 10, 10, 9, 30).toISOString()}`, local(2022, 10, 11, 13, 30).toISOString(), []],
    ]);
  });

  it('reads a large export in steps, handing the thread back between them with the progress so far', async () => {
    // Ten years of a busy office calendar: 3,000 events.
    const events = Array.from({ length: 3000 }, (_, i) => {
      const day = new Date(Date.UTC(2015, 0, 1 + i));
      const stamp = day.toISOString().slice(0, 10).replace(/-/g, '');
      return ['BEGIN:VEVENT', `UID:e${i}@google.com`, `SUMMARY:กิจกรรมที่ ${i + 1}`, `DTSTART:${stamp}T020000Z`, `DTEND:${stamp}T040000Z`, 'END:VEVENT'].join('\r\n');
    });
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR'].join('\r\n');
    const progress: [number, number][] = [];
    let pauses = 0;
    const parsed = await parseIcsInSteps(text, (done, total) => progress.push([done, total]), async () => {
      pauses++;
    });
    expect(parsed.ok && parsed.activities).toHaveLength(3000);
    expect(pauses).toBe(progress.length);
    expect(progress.length).toBeGreaterThanOrEqual(60);
    expect(progress[0]).toEqual([0, 3000]);
    expect(progress[progress.length - 1]).toEqual([3000, 3000]);
  });
});
