// The overview's figures, checked against the records themselves: the roster's own place counts, the
// calendar's own occurrences, the news as stored — with deleted records, recurring activities with an
// exception, and records of another amphoe that an officer of one amphoe must not see.
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '../../../shared/domain/calendar-event';
import { fiscalQuarterRange, fiscalYearRange, monthKey } from '../../../shared/thai/fiscal-year';
import { openDeskData, type DeskData } from '../desk-data';
import { placeCounts } from '../repositories/roster-place-stats';
import { createTestDatabase } from '../test-database';
import { OverviewRepository, type OverviewScope } from './overview-repository';
import { attendanceRecord, centreRecord, eventRecord, memberRecord, newsRecord } from './test-support/overview-records';

const PROVINCE: OverviewScope = { provinceCode: '57', districtCode: null };
const MUEANG: OverviewScope = { provinceCode: '57', districtCode: '5701' };
const TODAY = new Date(2026, 11, 4);
const FY2566 = fiscalYearRange(2566);
const local = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h).toISOString();

let data: DeskData;
let overview: OverviewRepository;

beforeEach(async () => {
  data = await openDeskData(createTestDatabase());
  overview = new OverviewRepository(data.db);
});

async function committee(tambonCode: string, size: number, over: { chair?: boolean; termEnd?: string } = {}): Promise<string> {
  const centre = centreRecord({ tambonCode });
  await data.writer.create('centres', centre);
  const roles = [over.chair === false ? 'กรรมการ' : 'ประธาน', 'เลขานุการ', ...Array<string>(Math.max(0, size - 2)).fill('กรรมการ')].slice(0, size);
  await data.writer.createMany('members', roles.map((role) => memberRecord({ tambonCode, centreId: centre.id, role, termEnd: over.termEnd ?? '2027-03-31' })));
  return centre.id;
}

describe('coverage', () => {
  it('matches the roster’s own counts per amphoe and per tambon, deleted people and centres left out', async () => {
    await committee('570101', 9);
    await committee('570102', 9, { chair: false });
    await committee('570103', 7, { termEnd: '2027-01-31' }); // ends within 90 days of TODAY
    const gone = await committee('570104', 9);
    await data.writer.remove('centres', gone);
    const departed = memberRecord({ tambonCode: '570101' });
    await data.writer.create('members', departed);
    await data.writer.remove('members', departed.id);
    await committee('570801', 8);
    await data.writer.create('members', memberRecord({ tambonCode: '570802', termEnd: '2026-12-31' }));

    const coverage = await overview.coverage(PROVINCE, TODAY);
    const byAmphoe = await placeCounts(data.db, '57', 4, TODAY);
    for (const [code, counts] of byAmphoe.byChild) {
      const a = coverage.get(code)!;
      expect([a.centres, a.completeCentres, a.members, a.termsEndingSoon], code).toEqual([counts.centres, counts.completeCentres, counts.members, counts.termsEndingSoon]);
    }
    for (const amphoe of ['5701', '5708']) {
      const byTambon = await placeCounts(data.db, amphoe, 6, TODAY);
      for (const [code, counts] of byTambon.byChild) {
        const t = coverage.get(amphoe)!.tambons.get(code)!;
        expect([t.centres, t.completeCentres, t.members, t.termsEndingSoon], code).toEqual([counts.centres, counts.completeCentres, counts.members, counts.termsEndingSoon]);
      }
    }
    // The people of the deleted centre stay on the roster (34 = 9 + 9 + 7 + 9).
    expect(coverage.get('5701')).toMatchObject({ tambonsWithCentre: 3, centres: 3, completeCentres: 2, members: 34, termsEndingSoon: 7 });
    expect(coverage.get('5708')).toMatchObject({ tambonsWithCentre: 1, centres: 1, completeCentres: 1, members: 9, termsEndingSoon: 1 });

    // An officer of เมืองเชียงราย sees their own amphoe only.
    expect([...(await overview.coverage(MUEANG, TODAY)).keys()]).toEqual(['5701']);
  });
});

describe('activities and reach', () => {
  it('counts occurrences per month by type as the calendar lists them, with series, exceptions, deletions and scope', async () => {
    const seminar = eventRecord({ type: 'seminar', start: local(2022, 8, 24), districtCode: '5701', expected: [{ group: 'ผู้แทน ศส.ปชต.', count: 308 }, { group: 'สื่อมวลชน', count: 17 }], actual: [{ group: 'ผู้แทน ศส.ปชต.', count: 300 }] });
    const training = eventRecord({ type: 'training', start: local(2022, 11, 2), districtCode: '5701', expected: [{ group: 'ผู้แทน ศส.ปชต.', count: 40 }] });
    const meeting = eventRecord({ type: 'meeting', start: local(2022, 10, 3), end: local(2022, 10, 3, 11), districtCode: '5701', rrule: 'FREQ=MONTHLY;BYDAY=1MO', exdates: [local(2023, 1, 2)], expected: [{ group: 'กรรมการ', count: 9 }] });
    const elsewhere = eventRecord({ type: 'campaign', start: local(2023, 2, 14), districtCode: '5708', expected: [{ group: 'ประชาชน', count: 200 }] });
    const placed = eventRecord({ type: 'mou', start: local(2023, 6, 16), placeTambonCode: '570101' }); // Mueang, by its tambon
    const provinceWide = eventRecord({ type: 'election_day', start: local(2023, 5, 14) });
    const deleted = eventRecord({ type: 'training', start: local(2023, 3, 1), districtCode: '5701' });
    for (const e of [seminar, training, meeting, elsewhere, placed, provinceWide, deleted]) await data.writer.create('events', e);
    await data.writer.remove('events', deleted.id);
    await data.writer.createMany('attendance', [
      attendanceRecord({ eventId: training.id, group: 'ผู้แทน ศส.ปชต.', checkedInAt: local(2022, 11, 2) }),
      attendanceRecord({ eventId: training.id, group: 'ผู้สังเกตการณ์', checkedInAt: local(2022, 11, 3) }),
      attendanceRecord({ eventId: meeting.id, group: 'กรรมการ', checkedInAt: local(2023, 4, 3) }),
      attendanceRecord({ eventId: meeting.id, group: 'กรรมการ', checkedInAt: local(2024, 4, 3) }), // next fiscal year
    ]);
    const checkIn = attendanceRecord({ eventId: training.id, group: 'ผู้แทน ศส.ปชต.' });
    await data.writer.create('attendance', { ...checkIn, checkedInAt: local(2022, 11, 2) });
    await data.writer.remove('attendance', checkIn.id);

    for (const scope of [PROVINCE, MUEANG]) {
      const summary = await overview.activities(scope, FY2566);
      const occurrences = await overview.activitiesIn(data.events, scope, FY2566);
      expect(summary.total).toBe(occurrences.length);
      for (const month of summary.months) {
        for (const type of ACTIVITY_TYPES) {
          const expected = occurrences.filter((o) => monthKey(o.start) === month && o.event.type === type).length;
          expect(summary.byMonth[month]![type], `${month} ${type}`).toBe(expected);
        }
      }
      // Reach from the records: groups of each occurrence, plus check-ins (a series' by when they were taken).
      const reference = new Map<string, { expected: number; actual: number }>();
      const at = (g: string) => reference.get(g) ?? (reference.set(g, { expected: 0, actual: 0 }), reference.get(g)!);
      for (const o of occurrences) {
        for (const g of o.event.expected) at(g.group).expected += g.count;
        for (const g of o.event.actual) at(g.group).actual += g.count;
      }
      const ids = new Set(occurrences.map((o) => o.event.id));
      for (const a of (await data.db.attendance.toArray()).filter((a) => !a.deleted && ids.has(a.eventId))) {
        const event = occurrences.find((o) => o.event.id === a.eventId)!.event;
        if (event.rrule && (new Date(a.checkedInAt) < FY2566.from || new Date(a.checkedInAt) >= FY2566.to)) continue;
        at(a.group).actual += 1;
      }
      expect(Object.fromEntries(summary.reach.map((g) => [g.group, { expected: g.expected, actual: g.actual }]))).toEqual(Object.fromEntries(reference));
    }

    const mueang = await overview.activities(MUEANG, FY2566);
    // 11 monthly meetings (12 first Mondays, one exception), one training; the August seminar is FY 2565.
    expect(mueang.byType).toMatchObject({ meeting: 11, training: 1, seminar: 0, campaign: 0, mou: 1, election_day: 0 });
    expect(mueang.reach.find((g) => g.group === 'กรรมการ')).toEqual({ group: 'กรรมการ', expected: 99, actual: 1 });
    expect((await overview.activities(PROVINCE, FY2566)).byType).toMatchObject({ campaign: 1, mou: 1, election_day: 1 });
    // The figures of the first paint, in one read: with nothing in the current year, the latest year with data.
    const figures = await overview.figures(PROVINCE, null, TODAY);
    expect([figures.fiscalYear, figures.years]).toEqual([2566, [2566, 2565]]);
    expect(figures.activities).toEqual(await overview.activities(PROVINCE, FY2566));
    expect((await overview.figures(PROVINCE, 2565, TODAY)).activities.byType.seminar).toBe(1);
    const q2 = await overview.activities(MUEANG, fiscalQuarterRange(2566, 2));
    expect(q2.months).toEqual(['2023-01', '2023-02', '2023-03']);
    expect(q2.byType.meeting).toBe(2);
  });
});

describe('news', () => {
  it('counts news published per month and category as stored, drafts and deleted items left out', async () => {
    const published = [
      newsRecord({ status: 'published', publishedAt: local(2022, 10, 5), category: 'ข่าว/กิจกรรม', districtCode: '5701' }),
      newsRecord({ status: 'archived', publishedAt: local(2022, 10, 20), districtCode: '5701' }),
      newsRecord({ status: 'published', publishedAt: local(2023, 9, 30, 20), districtCode: null }),
      newsRecord({ status: 'published', publishedAt: local(2023, 10, 1), districtCode: '5701' }), // FY 2567
    ];
    const deleted = newsRecord({ status: 'published', publishedAt: local(2022, 12, 1), districtCode: '5701' });
    for (const n of [...published, deleted, newsRecord({ status: 'in_review', districtCode: '5708' })]) await data.writer.create('news', n);
    await data.writer.remove('news', deleted.id);

    const months = (await overview.activities(PROVINCE, FY2566)).months;
    const summary = await overview.news(PROVINCE, months);
    const listed = await overview.newsPublishedIn(PROVINCE, FY2566);
    expect(summary.total).toBe(listed.length);
    expect(summary.total).toBe(3);
    expect(summary.byMonth['2022-10']).toEqual({ 'ข่าว/กิจกรรม': 1, ข่าวประชาสัมพันธ์: 1 });
    expect(summary.byMonth['2023-09']).toEqual({ ข่าวประชาสัมพันธ์: 1 });
    expect(summary.byStatus).toMatchObject({ published: 3, archived: 1, in_review: 1, draft: 0 });
    expect((await overview.news(MUEANG, months)).total).toBe(2);
    expect((await overview.newsWithStatus(PROVINCE, 'in_review')).length).toBe(1);
    expect(await overview.newsWithStatus(MUEANG, 'in_review')).toEqual([]);
  });
});

describe('work waiting and since you were last here', () => {
  it('finds my drafts sent back with the reviewer’s comment', async () => {
    const author = { userId: 'editor-1', displayName: 'สมศรี' };
    const coordinator = { author: { userId: 'coord-1', displayName: 'ผอ.สมชาย' }, role: 'coordinator' as const };
    const mine = await data.news.createDraft({ title: 'ข่าวของฉัน' }, author, PROVINCE);
    const approved = await data.news.createDraft({ title: 'ข่าวที่ผ่านแล้ว' }, author, PROVINCE);
    for (const item of [mine, approved]) await data.news.transition(item.id, 'submit', { author, role: 'editor' });
    await data.news.transition(mine.id, 'send_back', coordinator, 'กรุณาเพิ่มจำนวนผู้เข้าร่วม');
    await data.news.transition(approved.id, 'approve', coordinator);
    const back = await overview.draftsSentBack('editor-1');
    expect(back.map((b) => [b.news.title, b.comment, b.by])).toEqual([['ข่าวของฉัน', 'กรุณาเพิ่มจำนวนผู้เข้าร่วม', 'ผอ.สมชาย']]);
  });

  it('lists what arrived after the mark, in scope, and forgets it once seen', async () => {
    expect(await overview.seenMark('u1')).toBeNull();
    await data.db.arrivals.bulkAdd([
      { at: new Date().toISOString(), kind: 'news-submitted', recordId: 'a', title: 'ข่าวแม่สาย', who: 'จนท.แม่สาย', provinceCode: '57', districtCode: '5708', count: 1 },
      { at: new Date().toISOString(), kind: 'event-added', recordId: 'b', title: 'ประชุม', who: '', provinceCode: '57', districtCode: '5701', count: 1 },
    ]);
    expect((await overview.arrivalsAfter(PROVINCE, 0)).map((a) => a.title)).toEqual(['ข่าวแม่สาย', 'ประชุม']);
    expect((await overview.arrivalsAfter(MUEANG, 0)).map((a) => a.title)).toEqual(['ประชุม']);
    const mark = await overview.markSeen('u1');
    expect(await overview.arrivalsAfter(PROVINCE, mark.seq)).toEqual([]);
    expect(await overview.seenMark('u1')).toEqual(mark);
  });
});
