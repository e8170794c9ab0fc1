// The performance report's activity rows, checked against the records: each occurrence's check-ins (a series'
// by the day they were taken, a one-off's all of them), deleted check-ins left out, other periods' apart.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadThaiGeography } from '../../../shared/geography/thai-geography';
import { fiscalYearRange } from '../../../shared/thai/fiscal-year';
import { openDeskData, type DeskData } from '../desk-data';
import { createTestDatabase } from '../test-database';
import { gatherPerformanceReport } from './report-data';
import { attendanceRecord, eventRecord } from './test-support/overview-records';

const local = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h).toISOString();
const TYPE_NAMES = { seminar: 'สัมมนา', training: 'อบรม', meeting: 'ประชุม', mou: 'MOU', campaign: 'รณรงค์', election_day: 'วันเลือกตั้ง', other: 'อื่น ๆ' };

let data: DeskData;
beforeEach(async () => {
  data = await openDeskData(createTestDatabase());
});

describe('the performance report’s activities', () => {
  it('counts each occurrence’s own check-ins, without deleted ones', async () => {
    const training = eventRecord({ type: 'training', start: local(2022, 11, 2), districtCode: '5701', expected: [{ group: 'ผู้แทน ศส.ปชต.', count: 40 }] });
    const meeting = eventRecord({ type: 'meeting', start: local(2022, 10, 3), end: local(2022, 10, 3, 11), districtCode: '5701', rrule: 'FREQ=MONTHLY;COUNT=3;BYDAY=1MO', expected: [{ group: 'กรรมการ', count: 9 }] });
    const other = eventRecord({ type: 'seminar', start: local(2021, 5, 1), districtCode: '5701' }); // FY 2564
    for (const e of [training, meeting, other]) await data.writer.create('events', e);
    const gone = attendanceRecord({ eventId: training.id, group: 'ผู้แทน ศส.ปชต.', checkedInAt: local(2022, 11, 2) });
    await data.writer.createMany('attendance', [
      attendanceRecord({ eventId: training.id, group: 'ผู้แทน ศส.ปชต.', checkedInAt: local(2022, 11, 2) }),
      attendanceRecord({ eventId: training.id, group: 'ผู้แทน ศส.ปชต.', checkedInAt: local(2022, 11, 3) }),
      gone,
      attendanceRecord({ eventId: meeting.id, group: 'กรรมการ', checkedInAt: local(2022, 11, 7, 10) }), // the November meeting
      attendanceRecord({ eventId: meeting.id, group: 'กรรมการ', checkedInAt: local(2022, 11, 7, 10) }),
      attendanceRecord({ eventId: meeting.id, group: 'กรรมการ', checkedInAt: local(2022, 12, 5, 10) }), // the December one
      attendanceRecord({ eventId: other.id, group: 'ประชาชน', checkedInAt: local(2021, 5, 1) }),
    ]);
    await data.writer.remove('attendance', gone.id);

    const report = await gatherPerformanceReport(
      data,
      { scope: { provinceCode: '57', districtCode: null }, fiscalYear: 2566, quarter: null },
      { geography: await loadThaiGeography(), officeName: 'สำนักงาน กกต. จังหวัดเชียงราย', typeNames: TYPE_NAMES, now: new Date(2023, 9, 2) },
    );
    const rows = report.activities.map((a) => [a.start.toISOString(), a.title, a.groups.map((g) => `${g.group} ${g.expected}/${g.actual}`).join(', ')]);
    expect(report.activities.every((a) => a.start >= fiscalYearRange(2566).from)).toBe(true);
    expect(rows).toEqual([
      [local(2022, 10, 3), meeting.title, 'กรรมการ 9/0'],
      [local(2022, 11, 2), training.title, 'ผู้แทน ศส.ปชต. 40/2'],
      [local(2022, 11, 7), meeting.title, 'กรรมการ 9/2'],
      [local(2022, 12, 5), meeting.title, 'กรรมการ 9/1'],
    ]);
  });
});
