import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../../shared/calendar/ics-import';
import { eventsToIcs } from '../../../shared/calendar/ics-export';
import { allDayEnd } from '../../../shared/calendar/calendar-dates';
import { openDeskData } from '../desk-data';
import { SCHEMA_VERSIONS } from '../schema-versions';
import { createTestDatabase } from '../test-database';
import { RecordValidationError } from '../record-validation-error';
import type { EventInput } from './event-repository';

const scope = { provinceCode: '57', districtCode: null };
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

function input(fields: Partial<EventInput>): EventInput {
  return {
    title: 'ประชุมประจำเดือน',
    type: 'meeting',
    start: local(2022, 12, 5, 9, 30).toISOString(),
    end: local(2022, 12, 5, 12).toISOString(),
    allDay: false,
    place: '',
    placeTambonCode: null,
    organiser: '',
    description: '',
    expected: [],
    actual: [],
    rrule: null,
    exdates: [],
    ...fields,
  };
}

describe('EventRepository', () => {
  it('lists the occurrences of a monthly meeting across the new year, minus its exceptions', async () => {
    const data = await openDeskData(createTestDatabase());
    const series = await data.events.create(input({ rrule: 'FREQ=MONTHLY;BYDAY=1MO', exdates: [local(2023, 1, 2, 9, 30).toISOString()] }), scope);
    await data.events.create(input({ title: 'วันเลือกตั้ง', type: 'election_day', start: local(2023, 1, 15).toISOString(), end: allDayEnd(local(2023, 1, 15)).toISOString(), allDay: true }), scope);
    const occurrences = await data.events.occurrencesBetween(local(2022, 12, 1), local(2023, 3, 1));
    expect(occurrences.map((o) => [o.event.title, o.start])).toEqual([
      ['ประชุมประจำเดือน', local(2022, 12, 5, 9, 30)],
      ['วันเลือกตั้ง', local(2023, 1, 15)],
      ['ประชุมประจำเดือน', local(2023, 2, 6, 9, 30)],
    ]);
    expect(occurrences[0]!.event.id).toBe(series.id);
  });

  it('finds an activity longer than a month, and a series that began years ago', async () => {
    const data = await openDeskData(createTestDatabase());
    const campaign = await data.events.create(input({ title: 'รณรงค์ทั้งไตรมาส', type: 'campaign', start: local(2022, 6, 1).toISOString(), end: allDayEnd(local(2022, 9, 30)).toISOString(), allDay: true }), scope);
    const weekly = await data.events.create(input({ title: 'ประชุมทุกวันจันทร์', start: local(2019, 1, 7, 9).toISOString(), end: local(2019, 1, 7, 10).toISOString(), rrule: 'FREQ=WEEKLY;BYDAY=MO' }), scope);
    await data.events.create(input({ title: 'ก่อนหน้านั้น', start: local(2022, 7, 1, 9).toISOString(), end: local(2022, 7, 1, 10).toISOString() }), scope);
    const august = await data.events.occurrencesBetween(local(2022, 8, 1), local(2022, 9, 1));
    expect(august.filter((o) => o.event.id === campaign.id)).toHaveLength(1);
    expect(august.filter((o) => o.event.id === weekly.id).map((o) => o.start.getDate())).toEqual([1, 8, 15, 22, 29]);
    expect(august.some((o) => o.event.title === 'ก่อนหน้านั้น')).toBe(false);
    expect((await data.events.between(local(2022, 8, 1), local(2022, 9, 1))).map((e) => e.title)).toEqual(['ประชุมทุกวันจันทร์', 'รณรงค์ทั้งไตรมาส']);
    expect(await data.events.organisers()).toEqual([]);
  });

  it('finds the activities that began before the range and still run, short or long, and no others', async () => {
    const data = await openDeskData(createTestDatabase());
    const allDay = (title: string, first: Date, last: Date) => data.events.create(input({ title, start: first.toISOString(), end: allDayEnd(last).toISOString(), allDay: true }), scope);
    await allDay('สามวันข้ามเดือน', local(2022, 7, 30), local(2022, 8, 1));
    await allDay('สิบวันข้ามเดือน', local(2022, 7, 23), local(2022, 8, 2));
    await allDay('จบก่อนเดือน', local(2022, 7, 20), local(2022, 7, 31));
    await allDay('ต้นเดือน', local(2022, 8, 1), local(2022, 8, 1));
    const august = await data.events.occurrencesBetween(local(2022, 8, 1), local(2022, 9, 1));
    expect(august.map((o) => o.event.title).sort()).toEqual(['ต้นเดือน', 'สามวันข้ามเดือน', 'สิบวันข้ามเดือน']);
  });

  it('moves one occurrence of a series by detaching it, in one transaction', async () => {
    const data = await openDeskData(createTestDatabase());
    const series = await data.events.create(input({ rrule: 'FREQ=MONTHLY;BYDAY=1MO' }), scope);
    const [, february] = await data.events.occurrencesBetween(local(2023, 1, 1), local(2023, 3, 1));
    expect(february!.start).toEqual(local(2023, 2, 6, 9, 30));
    const id = await data.events.moveOccurrence(february!, local(2023, 2, 7, 13), local(2023, 2, 7, 15), false, 'one', scope);
    expect(id).not.toBe(series.id);
    const after = await data.events.occurrencesBetween(local(2023, 2, 1), local(2023, 3, 1));
    expect(after.map((o) => [o.event.id, o.start, o.recurring])).toEqual([[id, local(2023, 2, 7, 13), false]]);
    expect((await data.events.get(series.id))!.exdates).toEqual([local(2023, 2, 6, 9, 30).toISOString()]);
    // create + exception update + the new one-off: three queued changes.
    expect(await data.db.outbox.count()).toBe(3);
  });

  it('moves a whole weekly series to another weekday and keeps its rule in step', async () => {
    const data = await openDeskData(createTestDatabase());
    const series = await data.events.create(input({ start: local(2022, 8, 1, 9).toISOString(), end: local(2022, 8, 1, 10).toISOString(), rrule: 'FREQ=WEEKLY;BYDAY=MO' }), scope);
    const [first] = await data.events.occurrencesBetween(local(2022, 8, 1), local(2022, 8, 2));
    await data.events.moveOccurrence(first!, local(2022, 8, 3, 9), local(2022, 8, 3, 11), false, 'series', scope);
    const moved = await data.events.get(series.id);
    expect(moved!.rrule).toBe('FREQ=WEEKLY;BYDAY=WE');
    const days = (await data.events.occurrencesBetween(local(2022, 8, 1), local(2022, 8, 20))).map((o) => [o.start.getDate(), o.end.getHours()]);
    expect(days).toEqual([[3, 11], [10, 11], [17, 11]]);
  });

  it('refuses an end before the start and writes nothing', async () => {
    const data = await openDeskData(createTestDatabase());
    await expect(data.events.create(input({ end: local(2022, 12, 5, 9).toISOString() }), scope)).rejects.toBeInstanceOf(RecordValidationError);
    expect(await data.db.events.count()).toBe(0);
    expect(await data.db.outbox.count()).toBe(0);
  });

  it('imports an .ics file once: the second import finds everything here and unchanged', async () => {
    const data = await openDeskData(createTestDatabase());
    const text = eventsToIcs([
      { ...input({}), id: '01890000-0000-7000-8000-00000000000a', icsUid: 'a@example.org', updatedAt: new Date().toISOString() },
      { ...input({ title: 'อบรม', type: 'training' }), id: '01890000-0000-7000-8000-00000000000b', icsUid: 'b@example.org', updatedAt: new Date().toISOString() },
    ]);
    const parsed = parseIcs(text);
    if (!parsed.ok) throw new Error('parse');
    expect(await data.events.importActivities(parsed.activities, scope)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await data.events.importActivities(parsed.activities, scope)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    // Our own export of what is here is the same activities too.
    const own = parseIcs(eventsToIcs(await data.db.events.toArray()));
    if (!own.ok) throw new Error('parse');
    expect((await data.events.previewImport(own.activities)).unchanged).toHaveLength(2);
    expect(await data.db.events.count()).toBe(2);
  });

  it('updates by UID on a re-import: what the file says changes, what was set here and the file does not say stays', async () => {
    const data = await openDeskData(createTestDatabase());
    const google = (title: string, hour: number) =>
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:meeting@google.com', `SUMMARY:${title}`, `DTSTART:20221003T0${hour}0000Z`, `DTEND:20221003T0${hour + 1}0000Z`, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const first = parseIcs(google('ประชุม', 2));
    if (!first.ok) throw new Error('parse');
    await data.events.importActivities(first.activities, scope);
    const [record] = await data.db.events.toArray();
    // Set here: the type and the tambon, which a Google calendar knows nothing of.
    await data.events.update(record!.id, { type: 'training', placeTambonCode: '570101' });

    const second = parseIcs(google('ประชุม (เลื่อนเวลา)', 3));
    if (!second.ok) throw new Error('parse');
    const preview = await data.events.previewImport(second.activities);
    expect(preview.fresh).toEqual([]);
    expect(preview.updates.map((u) => [u.id, u.changed])).toEqual([[record!.id, ['title', 'start', 'end']]]);
    const outboxBefore = await data.db.outbox.count();
    expect(await data.events.importActivities(second.activities, scope)).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const after = await data.events.get(record!.id);
    expect(after).toMatchObject({ title: 'ประชุม (เลื่อนเวลา)', start: '2022-10-03T03:00:00.000Z', type: 'training', placeTambonCode: '570101', icsUid: 'meeting@google.com' });
    expect(await data.db.events.count()).toBe(1);
    expect(await data.db.outbox.count()).toBe(outboxBefore + 1);
  });

  it('imports thousands of activities in chunks, with progress between them, in one transaction', async () => {
    const data = await openDeskData(createTestDatabase());
    const activities = Array.from({ length: 2500 }, (_, i) => ({
      uid: `e${i}@google.com`,
      fieldsInFile: ['title', 'start', 'end'] as const,
      ...input({ title: `กิจกรรมที่ ${i + 1}`, start: local(2015, 1, 1 + i, 9).toISOString(), end: local(2015, 1, 1 + i, 10).toISOString() }),
      rdates: [],
      timeZone: null,
    }));
    const progress: number[] = [];
    expect(await data.events.importActivities(activities, scope, (done) => progress.push(done))).toEqual({ created: 2500, updated: 0, unchanged: 0 });
    expect(progress).toEqual(Array.from({ length: 25 }, (_, i) => (i + 1) * 100));
    expect(await data.db.events.count()).toBe(2500);
    expect(await data.db.outbox.count()).toBe(2500);
  });

  it('imports nothing when one activity fails to write', async () => {
    const data = await openDeskData(createTestDatabase());
    // Past the parser (which skips a bad event), a record the schema refuses rolls the whole import back.
    const fields = ['title', 'start', 'end'] as const;
    const good = { uid: 'g@example.org', fieldsInFile: fields, ...input({}), rdates: [], timeZone: null };
    const bad = { uid: 'x@example.org', fieldsInFile: fields, ...input({ title: '' }), rdates: [], timeZone: null };
    await expect(data.events.importActivities([good, bad], scope)).rejects.toBeInstanceOf(RecordValidationError);
    expect(await data.db.events.count()).toBe(0);
    expect(await data.db.outbox.count()).toBe(0);
  });

  it('upgrades activities written before schema 5 with icsUid = null, so they still validate', async () => {
    const name = `calendar-upgrade-${Math.random()}`;
    const old = createTestDatabase(SCHEMA_VERSIONS.filter((v) => v.version < 5), name);
    await old.open();
    const { icsUid: _unused, ...legacy } = { ...input({}), icsUid: null, id: '01890000-0000-7000-8000-0000000000ff', provinceCode: '57', districtCode: null, deleted: false, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), _stamps: {} };
    await old.table('events').put(legacy);
    old.close();
    const data = await openDeskData(createTestDatabase(undefined, name));
    expect((await data.events.get(legacy.id))!.icsUid).toBeNull();
    await data.events.update(legacy.id, { title: 'ประชุม (แก้ไข)' });
    expect((await data.events.get(legacy.id))!.title).toBe('ประชุม (แก้ไข)');
  });
});
