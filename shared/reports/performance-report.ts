// รายงานผลการดำเนินงาน: the quarterly or fiscal-year performance report of a province or one amphoe —
// activities by type with dates, places and participants by group, people reached, the ศส.ปชต.
// coverage table and the news published — with its scope, the moment of its data and warnings when
// the device has not synced. Built from plain data (renderer/db/overview/report-data.ts gathers it).
import { ACTIVITY_TYPES, type ActivityType } from '../domain/calendar-event';
import { formatDateRange, formatLongDate, formatShortDate, formatTime, THAI_MONTHS } from '../thai/buddhist-era-date';
import { fiscalQuarterRange, type FiscalQuarter } from '../thai/fiscal-year';
import { formatCount, reportFileBase, type ReportDocument, type ReportSection } from './report-document';
import { syncWarnings, type SyncFacts } from './sync-warnings';

export interface ReportGroupCount {
  group: string;
  expected: number;
  actual: number;
}

export interface ReportActivity {
  start: Date;
  end: Date;
  allDay: boolean;
  title: string;
  type: ActivityType;
  place: string;
  /** The amphoe's name, when the report covers a province. */
  amphoe: string | null;
  groups: ReportGroupCount[];
}

export interface ReportCoverageRow {
  code: string;
  name: string;
  /** Tambons in the amphoe (1 for a tambon row). */
  tambons: number;
  withCentre: number;
  centres: number;
  completeCentres: number;
  members: number;
  termsEndingSoon: number;
}

export interface ReportNewsItem {
  publishedAt: Date;
  title: string;
  category: string;
}

export interface PerformanceReportInput extends SyncFacts {
  officeName: string;
  /** "จังหวัดเชียงราย", "อำเภอเมืองเชียงราย จังหวัดเชียงราย". */
  scopeName: string;
  fiscalYear: number;
  /** null: the whole fiscal year. */
  quarter: FiscalQuarter | null;
  activities: ReportActivity[];
  /** People reached by group over the period (as the overview counts them). */
  reach: ReportGroupCount[];
  /** Rows per amphoe (a province's report) or per tambon (an amphoe's). */
  coverageLevel: 'amphoe' | 'tambon';
  coverage: ReportCoverageRow[];
  news: ReportNewsItem[];
  termEndingDays: number;
  /** The Thai name of each activity type (the calendar's own). */
  typeNames: Record<ActivityType, string>;
}

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((part / whole) * 1000) / 10}%`);

export function periodText(fiscalYear: number, quarter: FiscalQuarter | null): string {
  if (quarter === null) return `ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`;
  const { from, to } = fiscalQuarterRange(fiscalYear, quarter);
  const last = new Date(to.getFullYear(), to.getMonth() - 1, 1);
  return `ไตรมาสที่ ${quarter} (${THAI_MONTHS[from.getMonth()]} – ${THAI_MONTHS[last.getMonth()]} ${last.getFullYear() + 543}) ปีงบประมาณ พ.ศ. ${fiscalYear}`;
}

/**
 * Date formatting through Intl is the costly part of laying out a year of activities, and their dates
 * repeat (2,000 activities fall on a few hundred days): each day is formatted once per report.
 */
function memoByDay(format: (d: Date) => string): (d: Date) => string {
  const cache = new Map<string, string>();
  return (d) => {
    const key = `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
    let text = cache.get(key);
    if (text === undefined) cache.set(key, (text = format(d)));
    return text;
  };
}

function activityWhen(a: ReportActivity): string {
  const dates = formatDateRange(a.start, a.end < a.start ? a.start : a.end);
  return a.allDay ? dates : `${dates}\n${formatTime(a.start)}`;
}

function groupLines(groups: readonly ReportGroupCount[]): string {
  return groups.map((g) => `${g.group || 'ไม่ระบุกลุ่ม'} ${formatCount(g.expected)}/${formatCount(g.actual)}`).join('\n');
}

export function buildPerformanceReport(input: PerformanceReportInput): ReportDocument {
  const byType = Object.fromEntries(ACTIVITY_TYPES.map((t) => [t, 0])) as Record<ActivityType, number>;
  for (const a of input.activities) byType[a.type]++;
  const expected = sum(input.reach.map((g) => g.expected));
  const actual = sum(input.reach.map((g) => g.actual));
  const tambons = sum(input.coverage.map((c) => c.tambons));
  const withCentre = sum(input.coverage.map((c) => c.withCentre));
  const centres = sum(input.coverage.map((c) => c.centres));
  const complete = sum(input.coverage.map((c) => c.completeCentres));
  const period = periodText(input.fiscalYear, input.quarter);
  const typesDone = ACTIVITY_TYPES.filter((t) => byType[t] > 0);
  const shortDate = memoByDay(formatShortDate);

  const summary: ReportSection = {
    id: 'summary',
    title: '1. สรุปผลการดำเนินงาน',
    sheetName: 'สรุป',
    paragraphs: [
      input.activities.length === 0
        ? `ในช่วงเวลานี้ยังไม่มีกิจกรรมที่บันทึกไว้`
        : `จัดกิจกรรมรวม ${formatCount(input.activities.length)} ครั้ง ได้แก่ ${typesDone.map((t) => `${input.typeNames[t]} ${formatCount(byType[t])} ครั้ง`).join(' ')}`,
      `มีผู้เข้าร่วมตามเป้าหมาย ${formatCount(expected)} คน เข้าร่วมจริง ${formatCount(actual)} คน (ร้อยละ ${percent(actual, expected).replace('%', '')} ของเป้าหมาย)`,
      `ศูนย์ส่งเสริมพัฒนาประชาธิปไตยตำบล (ศส.ปชต.) มีแล้ว ${formatCount(withCentre)} จาก ${formatCount(tambons)} ตำบล คณะกรรมการครบองค์ประกอบ ${formatCount(complete)} จาก ${formatCount(centres)} ศูนย์`,
      `เผยแพร่ข่าวประชาสัมพันธ์ ${formatCount(input.news.length)} ข่าว`,
    ],
    table: {
      columns: [{ title: 'ประเภทกิจกรรม', weight: 3 }, { title: 'จำนวน (ครั้ง)', align: 'right', weight: 1 }],
      rows: ACTIVITY_TYPES.map((t) => [input.typeNames[t], byType[t]]),
      totals: ['รวม', input.activities.length],
    },
  };

  const activities: ReportSection = {
    id: 'activities',
    title: '2. กิจกรรมที่ดำเนินการ',
    sheetName: 'กิจกรรม',
    paragraphs: input.activities.length === 0 ? ['ไม่มีกิจกรรมในช่วงเวลานี้'] : ['ผู้เข้าร่วมตามกลุ่มแสดงเป็น เป้าหมาย/เข้าร่วมจริง (คน)'],
    table:
      input.activities.length === 0
        ? null
        : {
            columns: [
              { title: 'ที่', align: 'center', weight: 0.6 },
              { title: 'วันที่', weight: 1.8 },
              { title: 'กิจกรรมและสถานที่', weight: 4 },
              { title: 'ผู้เข้าร่วมตามกลุ่ม', weight: 3 },
              { title: 'รวม', align: 'right', weight: 1.3 },
            ],
            rows: input.activities.map((a, i) => [
              i + 1,
              activityWhen(a),
              [`${a.title} (${input.typeNames[a.type]})`, a.place && `สถานที่: ${a.place}`, a.amphoe && `อำเภอ${a.amphoe}`].filter(Boolean).join('\n'),
              groupLines(a.groups),
              `${formatCount(sum(a.groups.map((g) => g.expected)))}/${formatCount(sum(a.groups.map((g) => g.actual)))}`,
            ]),
          },
    sheet: {
      columns: ['ที่', 'วันที่เริ่ม', 'วันที่สิ้นสุด', 'เวลา', 'กิจกรรม', 'ประเภท', 'สถานที่', 'อำเภอ', 'กลุ่มผู้เข้าร่วม', 'เป้าหมาย (คน)', 'เข้าร่วมจริง (คน)'].map((title) => ({ title })),
      rows: input.activities.flatMap((a, i) => {
        const base = [i + 1, shortDate(a.start), shortDate(a.end < a.start ? a.start : a.end), a.allDay ? 'ทั้งวัน' : formatTime(a.start), a.title, input.typeNames[a.type], a.place, a.amphoe ?? ''];
        return a.groups.length === 0 ? [[...base, '', 0, 0]] : a.groups.map((g) => [...base, g.group, g.expected, g.actual]);
      }),
    },
  };

  const participants: ReportSection = {
    id: 'participants',
    title: '3. ผู้เข้าร่วมกิจกรรมตามกลุ่ม',
    sheetName: 'ผู้เข้าร่วม',
    paragraphs: ['กิจกรรมที่จัดซ้ำตามรอบนับผู้เข้าร่วมทุกครั้งที่จัด ผู้เข้าร่วมจริงรวมผู้ที่ลงชื่อจากทำเนียบ'],
    table: {
      columns: [{ title: 'กลุ่มผู้เข้าร่วม', weight: 4 }, { title: 'เป้าหมาย (คน)', align: 'right' }, { title: 'เข้าร่วมจริง (คน)', align: 'right' }, { title: 'ร้อยละ', align: 'right' }],
      rows: input.reach.map((g) => [g.group || 'ไม่ระบุกลุ่ม', g.expected, g.actual, percent(g.actual, g.expected)]),
      totals: ['รวม', expected, actual, percent(actual, expected)],
    },
  };

  const coverageTitle = input.coverageLevel === 'amphoe' ? 'อำเภอ' : 'ตำบล';
  const coverage: ReportSection = {
    id: 'coverage',
    title: '4. ศูนย์ส่งเสริมพัฒนาประชาธิปไตยตำบล (ศส.ปชต.)',
    sheetName: 'ศส.ปชต.',
    paragraphs: [`ข้อมูล ณ วันที่ออกรายงาน คณะกรรมการครบองค์ประกอบเมื่อมีประธาน เลขานุการ และกรรมการที่อยู่ในวาระอย่างน้อย 7 คน`],
    table: {
      columns:
        input.coverageLevel === 'amphoe'
          ? [
              { title: coverageTitle, weight: 2.6 },
              { title: 'ตำบล', align: 'right' },
              { title: 'มีศูนย์', align: 'right' },
              { title: 'ยังไม่มี', align: 'right' },
              { title: 'กรรมการครบ', align: 'right' },
              { title: `ครบวาระใน ${input.termEndingDays} วัน (คน)`, align: 'right', weight: 1.4 },
            ]
          : [
              { title: coverageTitle, weight: 2.6 },
              { title: 'ศูนย์', align: 'center' },
              { title: 'คณะกรรมการ', align: 'center' },
              { title: 'บุคคล', align: 'right' },
              { title: `ครบวาระใน ${input.termEndingDays} วัน (คน)`, align: 'right', weight: 1.4 },
            ],
      rows: input.coverage.map((c) =>
        input.coverageLevel === 'amphoe'
          ? [c.name, c.tambons, c.withCentre, c.tambons - c.withCentre, `${c.completeCentres}/${c.centres}`, c.termsEndingSoon]
          : [c.name, c.centres > 0 ? 'มี' : 'ยังไม่มี', c.centres === 0 ? '–' : c.completeCentres >= c.centres ? 'ครบ' : 'ไม่ครบ', c.members, c.termsEndingSoon],
      ),
      totals:
        input.coverageLevel === 'amphoe'
          ? ['รวม', tambons, withCentre, tambons - withCentre, `${complete}/${centres}`, sum(input.coverage.map((c) => c.termsEndingSoon))]
          : ['รวม', `${withCentre}/${tambons}`, `${complete}/${centres}`, sum(input.coverage.map((c) => c.members)), sum(input.coverage.map((c) => c.termsEndingSoon))],
    },
    sheet: {
      columns: ['รหัส', coverageTitle, 'จำนวนตำบล', 'ตำบลที่มีศูนย์', 'ตำบลที่ยังไม่มีศูนย์', 'ศูนย์', 'คณะกรรมการครบ', 'คณะกรรมการไม่ครบ', 'บุคคลในทำเนียบ', `ครบวาระใน ${input.termEndingDays} วัน`].map((title) => ({ title })),
      rows: input.coverage.map((c) => [c.code, c.name, c.tambons, c.withCentre, c.tambons - c.withCentre, c.centres, c.completeCentres, c.centres - c.completeCentres, c.members, c.termsEndingSoon]),
    },
  };

  const news: ReportSection = {
    id: 'news',
    title: '5. ข่าวที่เผยแพร่',
    sheetName: 'ข่าว',
    paragraphs: input.news.length === 0 ? ['ไม่มีข่าวที่เผยแพร่ในช่วงเวลานี้'] : [],
    table:
      input.news.length === 0
        ? null
        : {
            columns: [{ title: 'ที่', align: 'center', weight: 0.6 }, { title: 'วันที่เผยแพร่', weight: 1.8 }, { title: 'หัวข้อข่าว', weight: 5 }, { title: 'หมวด', weight: 2 }],
            rows: input.news.map((n, i) => [i + 1, shortDate(n.publishedAt), n.title, n.category]),
          },
  };

  return {
    title: 'รายงานผลการดำเนินงาน',
    subtitle: [input.officeName, period],
    meta: [`ขอบเขต: ${input.scopeName}`, `ข้อมูล ณ วันที่ ${formatLongDate(input.dataMoment)} เวลา ${formatTime(input.dataMoment)} จากข้อมูลในเครื่องนี้`],
    warnings: syncWarnings(input),
    sections: [summary, activities, participants, coverage, news],
    fileBase: reportFileBase(`รายงานผลการดำเนินงาน ${input.scopeName} ${period}`),
  };
}
