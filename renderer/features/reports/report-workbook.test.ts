import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildPerformanceReport } from '../../../shared/reports/performance-report';
import { reportWorkbook } from './report-workbook';

const TYPE_NAMES = { seminar: 'สัมมนา/เสวนา', training: 'อบรม', meeting: 'ประชุม', mou: 'ลงนาม MOU', campaign: 'รณรงค์', election_day: 'วันเลือกตั้ง', other: 'อื่น ๆ' };

describe('report workbook', () => {
  it('has one sheet per section, the scope and warnings on the first, numbers as numbers', async () => {
    const doc = buildPerformanceReport({
      officeName: 'สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย',
      scopeName: 'อำเภอเมืองเชียงราย จังหวัดเชียงราย',
      fiscalYear: 2566,
      quarter: 2,
      dataMoment: new Date(2023, 3, 2, 10, 0),
      pendingChanges: 3,
      lastSyncAt: new Date(2023, 3, 2, 9, 0),
      activities: [{ start: new Date(2023, 1, 14, 9), end: new Date(2023, 1, 14, 12), allDay: false, title: 'อบรม ศส.ปชต. ตำบลเวียง', type: 'training', place: 'กศน.ตำบลเวียง', amphoe: null, groups: [{ group: 'กรรมการ ศส.ปชต.', expected: 9, actual: 8 }] }],
      reach: [{ group: 'กรรมการ ศส.ปชต.', expected: 9, actual: 8 }],
      coverageLevel: 'tambon',
      coverage: [{ code: '570101', name: 'เวียง', tambons: 1, withCentre: 1, centres: 1, completeCentres: 1, members: 9, termsEndingSoon: 0 }],
      news: [],
      termEndingDays: 90,
      typeNames: TYPE_NAMES,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportWorkbook(doc)).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['สรุป', 'กิจกรรม', 'ผู้เข้าร่วม', 'ศส.ปชต.', 'ข่าว']);
    const summary = workbook.getWorksheet('สรุป')!;
    const firstColumn = summary.getColumn(1).values.filter((v) => typeof v === 'string') as string[];
    expect(firstColumn).toEqual(expect.arrayContaining(['รายงานผลการดำเนินงาน', 'ไตรมาสที่ 2 (มกราคม – มีนาคม 2566) ปีงบประมาณ พ.ศ. 2566', 'ขอบเขต: อำเภอเมืองเชียงราย จังหวัดเชียงราย']));
    expect(firstColumn.some((v) => v.startsWith('คำเตือน: เครื่องนี้มีการเปลี่ยนแปลง 3 รายการ'))).toBe(true);
    const activities = workbook.getWorksheet('กิจกรรม')!;
    const row = activities.getRows(1, activities.rowCount)!.find((r) => r.getCell(5).value === 'อบรม ศส.ปชต. ตำบลเวียง')!;
    expect(row.values).toEqual([undefined, 1, '14 ก.พ. 2566', '14 ก.พ. 2566', '09.00 น.', 'อบรม ศส.ปชต. ตำบลเวียง', 'อบรม', 'กศน.ตำบลเวียง', '', 'กรรมการ ศส.ปชต.', 9, 8]);
    expect(activities.views[0]).toMatchObject({ state: 'frozen' });
    expect(workbook.getWorksheet('ข่าว')!.getCell('A2').value).toBe('ไม่มีข่าวที่เผยแพร่ในช่วงเวลานี้');
  });
});
