import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ActivityType } from '../domain/calendar-event';
import { buildPerformanceReport, periodText, type PerformanceReportInput } from './performance-report';
import { reportDocxBytes } from './report-docx';
import { syncWarningKinds } from './sync-warnings';

const TYPE_NAMES: Record<ActivityType, string> = { seminar: 'สัมมนา/เสวนา', training: 'อบรม', meeting: 'ประชุม', mou: 'ลงนาม MOU', campaign: 'รณรงค์', election_day: 'วันเลือกตั้ง', other: 'อื่น ๆ' };

function input(over: Partial<PerformanceReportInput> = {}): PerformanceReportInput {
  return {
    officeName: 'สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย',
    scopeName: 'จังหวัดเชียงราย',
    fiscalYear: 2565,
    quarter: null,
    dataMoment: new Date(2022, 8, 30, 14, 5),
    pendingChanges: 0,
    lastSyncAt: new Date(2022, 8, 30, 8, 0),
    activities: [
      {
        start: new Date(2022, 7, 24),
        end: new Date(2022, 7, 25, 23, 59),
        allDay: true,
        title: 'เสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”',
        type: 'seminar',
        place: 'โรงแรมอัศวิน แกรนด์คอนเวนชั่น',
        amphoe: null,
        groups: [
          { group: 'ผู้แทน ศส.ปชต. และเครือข่ายพันธมิตร', expected: 308, actual: 308 },
          { group: 'สื่อมวลชน', expected: 17, actual: 15 },
        ],
      },
      { start: new Date(2022, 5, 16, 9, 30), end: new Date(2022, 5, 16, 12), allDay: false, title: 'พิธีลงนามบันทึกข้อตกลง', type: 'mou', place: 'กระทรวงมหาดไทย', amphoe: 'เมืองเชียงราย', groups: [] },
    ],
    reach: [
      { group: 'ผู้แทน ศส.ปชต. และเครือข่ายพันธมิตร', expected: 308, actual: 308 },
      { group: 'สื่อมวลชน', expected: 17, actual: 15 },
    ],
    coverageLevel: 'amphoe',
    coverage: [{ code: '5701', name: 'เมืองเชียงราย', tambons: 16, withCentre: 3, centres: 3, completeCentres: 2, members: 25, termsEndingSoon: 7 }],
    news: [{ publishedAt: new Date(2022, 7, 26), title: 'รวมพลคน ศส.ปชต.', category: 'ข่าว/กิจกรรม' }],
    termEndingDays: 90,
    typeNames: TYPE_NAMES,
    ...over,
  };
}

async function documentText(bytes: Uint8Array): Promise<{ body: string; text: string; styles: string; zip: JSZip }> {
  const zip = await JSZip.loadAsync(bytes);
  const body = await zip.file('word/document.xml')!.async('string');
  const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { body, text, styles: await zip.file('word/styles.xml')!.async('string'), zip };
}

describe('performance report', () => {
  it('names its period by the fiscal year and quarter, in BE', () => {
    expect(periodText(2566, null)).toBe('ประจำปีงบประมาณ พ.ศ. 2566');
    expect(periodText(2566, 2)).toBe('ไตรมาสที่ 2 (มกราคม – มีนาคม 2566) ปีงบประมาณ พ.ศ. 2566');
    expect(periodText(2566, 1)).toBe('ไตรมาสที่ 1 (ตุลาคม – ธันวาคม 2565) ปีงบประมาณ พ.ศ. 2566');
  });

  it('states its scope and data moment, sums activities and people, and lays out every section', () => {
    const doc = buildPerformanceReport(input());
    expect(doc.meta).toEqual(['ขอบเขต: จังหวัดเชียงราย', 'ข้อมูล ณ วันที่ 30 กันยายน 2565 เวลา 14.05 น. จากข้อมูลในเครื่องนี้']);
    expect(doc.warnings).toEqual([]);
    expect(doc.sections.map((s) => s.id)).toEqual(['summary', 'activities', 'participants', 'coverage', 'news']);
    const summary = doc.sections[0]!;
    expect(summary.paragraphs[0]).toBe('จัดกิจกรรมรวม 2 ครั้ง ได้แก่ สัมมนา/เสวนา 1 ครั้ง ลงนาม MOU 1 ครั้ง');
    expect(summary.paragraphs[1]).toBe('มีผู้เข้าร่วมตามเป้าหมาย 325 คน เข้าร่วมจริง 323 คน (ร้อยละ 99.4 ของเป้าหมาย)');
    const activities = doc.sections[1]!.table!;
    expect(activities.rows[0]).toEqual([1, '24 – 25 ส.ค. 2565', 'เสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร” (สัมมนา/เสวนา)\nสถานที่: โรงแรมอัศวิน แกรนด์คอนเวนชั่น', 'ผู้แทน ศส.ปชต. และเครือข่ายพันธมิตร 308/308\nสื่อมวลชน 17/15', '325/323']);
    expect(activities.rows[1]![1]).toBe('16 มิ.ย. 2565\n09.30 น.');
    // The spreadsheet has one row per activity and group, numbers as numbers.
    expect(doc.sections[1]!.sheet!.rows.map((r) => r.slice(-3))).toEqual([
      ['ผู้แทน ศส.ปชต. และเครือข่ายพันธมิตร', 308, 308],
      ['สื่อมวลชน', 17, 15],
      ['', 0, 0],
    ]);
    expect(doc.sections[3]!.table!.rows).toEqual([['เมืองเชียงราย', 16, 3, 13, '2/3', 7]]);
  });

  it('warns of unsynced changes and of no sync for more than a day', () => {
    const moment = new Date(2022, 8, 30, 14, 5);
    expect(syncWarningKinds({ dataMoment: moment, pendingChanges: 0, lastSyncAt: new Date(moment.getTime() - 23 * 3_600_000) })).toEqual([]);
    const doc = buildPerformanceReport(input({ pendingChanges: 38, lastSyncAt: new Date(2022, 8, 27, 9, 0) }));
    expect(doc.warnings).toEqual([
      'คำเตือน: เครื่องนี้มีการเปลี่ยนแปลง 38 รายการที่ยังไม่ได้ซิงก์ขึ้นเซิร์ฟเวอร์กลาง ตัวเลขในรายงานอาจต่างจากข้อมูลของสำนักงาน',
      'คำเตือน: ไม่ได้ซิงก์กับเซิร์ฟเวอร์กลางมาแล้ว 3 วัน (ครั้งล่าสุด 27 กันยายน 2565 เวลา 09.00 น.) งานของผู้อื่นหลังจากนั้นจะไม่อยู่ในรายงานนี้',
    ]);
    expect(buildPerformanceReport(input({ lastSyncAt: null })).warnings).toEqual(['คำเตือน: เครื่องนี้ยังไม่เคยซิงก์กับเซิร์ฟเวอร์กลาง รายงานนี้มีเฉพาะข้อมูลที่บันทึกในเครื่องนี้']);
  });

  it('writes a DOCX in the government format: Sarabun 16 pt, A4 with its margins, BE dates, Thai digits when asked', async () => {
    const doc = buildPerformanceReport(input({ pendingChanges: 2 }));
    const arabic = await documentText(await reportDocxBytes(doc, { thaiDigits: false }));
    expect(arabic.text).toContain('รายงานผลการดำเนินงาน');
    expect(arabic.text).toContain('ประจำปีงบประมาณ พ.ศ. 2565');
    expect(arabic.text).toContain('ข้อมูล ณ วันที่ 30 กันยายน 2565 เวลา 14.05 น.');
    expect(arabic.text).toContain('คำเตือน: เครื่องนี้มีการเปลี่ยนแปลง 2 รายการ');
    expect(arabic.text).toContain('24 – 25 ส.ค. 2565');
    expect(arabic.text).toContain('รวมพลคน ศส.ปชต.');
    expect(arabic.body).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(arabic.body).toMatch(/<w:pgMar w:top="1418" w:right="1134" w:bottom="1134" w:left="1701"/);
    expect(arabic.body).toContain('<w:tblHeader/>');
    expect(arabic.styles).toContain('TH Sarabun New');
    expect(arabic.styles).toContain('<w:sz w:val="32"/>');

    const thai = await documentText(await reportDocxBytes(doc, { thaiDigits: true }));
    expect(thai.text).toContain('ข้อมูล ณ วันที่ ๓๐ กันยายน ๒๕๖๕ เวลา ๑๔.๐๕ น.');
    expect(thai.text).toContain('๒๔ – ๒๕ ส.ค. ๒๕๖๕');
    expect(thai.text).toContain('๓๒๕/๓๒๓');
    expect(thai.text).not.toMatch(/[0-9]/);
  });
});
