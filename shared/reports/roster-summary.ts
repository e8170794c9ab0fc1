// สรุปทำเนียบเครือข่ายรายอำเภอ: the per-amphoe roster summary the central office asks for — per amphoe,
// tambons with and without a ศส.ปชต., committees complete or not, people, terms ending soon and partner
// organisations; and tambon by tambon on a second sheet.
import { formatLongDate, formatTime } from '../thai/buddhist-era-date';
import type { ReportCoverageRow } from './performance-report';
import { formatCount, reportFileBase, type ReportDocument } from './report-document';
import { syncWarnings, type SyncFacts } from './sync-warnings';

export interface RosterSummaryAmphoe extends ReportCoverageRow {
  partners: number;
  tambonRows: ReportCoverageRow[];
}

export interface RosterSummaryInput extends SyncFacts {
  officeName: string;
  scopeName: string;
  amphoes: RosterSummaryAmphoe[];
  /** Partner organisations of the whole province (not placed in one amphoe). */
  provincePartners: number;
  termEndingDays: number;
}

const sum = (rows: readonly RosterSummaryAmphoe[], pick: (r: RosterSummaryAmphoe) => number) => rows.reduce((s, r) => s + pick(r), 0);

export function buildRosterSummary(input: RosterSummaryInput): ReportDocument {
  const ending = `ครบวาระใน ${input.termEndingDays} วัน (คน)`;
  return {
    title: 'สรุปทำเนียบเครือข่ายศูนย์ส่งเสริมพัฒนาประชาธิปไตยตำบล (ศส.ปชต.) รายอำเภอ',
    subtitle: [input.officeName],
    meta: [`ขอบเขต: ${input.scopeName}`, `ข้อมูล ณ วันที่ ${formatLongDate(input.dataMoment)} เวลา ${formatTime(input.dataMoment)} จากข้อมูลในเครื่องนี้`],
    warnings: syncWarnings(input),
    sections: [
      {
        id: 'amphoes',
        title: 'รายอำเภอ',
        sheetName: 'รายอำเภอ',
        paragraphs: input.provincePartners > 0 ? [`ภาคีเครือข่ายระดับจังหวัด ${formatCount(input.provincePartners)} หน่วยงาน`] : [],
        table: {
          columns: ['รหัส', 'อำเภอ', 'จำนวนตำบล', 'ตำบลที่มีศูนย์', 'ตำบลที่ยังไม่มีศูนย์', 'ศูนย์', 'คณะกรรมการครบ', 'คณะกรรมการไม่ครบ', 'บุคคลในทำเนียบ', ending, 'ภาคีเครือข่าย'].map((title, i) => ({ title, align: i < 2 ? 'left' : 'right' })),
          rows: input.amphoes.map((a) => [a.code, a.name, a.tambons, a.withCentre, a.tambons - a.withCentre, a.centres, a.completeCentres, a.centres - a.completeCentres, a.members, a.termsEndingSoon, a.partners]),
          totals: [
            '',
            'รวม',
            sum(input.amphoes, (a) => a.tambons),
            sum(input.amphoes, (a) => a.withCentre),
            sum(input.amphoes, (a) => a.tambons - a.withCentre),
            sum(input.amphoes, (a) => a.centres),
            sum(input.amphoes, (a) => a.completeCentres),
            sum(input.amphoes, (a) => a.centres - a.completeCentres),
            sum(input.amphoes, (a) => a.members),
            sum(input.amphoes, (a) => a.termsEndingSoon),
            sum(input.amphoes, (a) => a.partners) + input.provincePartners,
          ],
        },
      },
      {
        id: 'tambons',
        title: 'รายตำบล',
        sheetName: 'รายตำบล',
        paragraphs: [],
        table: {
          columns: ['รหัส', 'อำเภอ', 'ตำบล', 'ศูนย์', 'คณะกรรมการ', 'บุคคลในทำเนียบ', ending].map((title, i) => ({ title, align: i < 5 ? 'left' : 'right' })),
          rows: input.amphoes.flatMap((a) =>
            a.tambonRows.map((t) => [t.code, a.name, t.name, t.centres > 0 ? 'มี' : 'ยังไม่มี', t.centres === 0 ? '' : t.completeCentres >= t.centres ? 'ครบ' : 'ไม่ครบ', t.members, t.termsEndingSoon]),
          ),
        },
      },
    ],
    fileBase: reportFileBase(`สรุปทำเนียบ ศส.ปชต. รายอำเภอ ${input.scopeName}`),
  };
}
