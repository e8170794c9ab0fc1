// Gathers what the performance report and the roster summary say, from this device's data: the
// period's activities with their participants (check-ins included), people reached by group as the
// overview counts them, the coverage table, the news published, and the facts of its sync state.
import { attendanceByGroup } from '../../../shared/calendar/attendance-totals';
import { localDateKey } from '../../../shared/calendar/calendar-dates';
import type { ActivityType } from '../../../shared/domain/calendar-event';
import { BANGKOK_PROVINCE_CODE, type ThaiGeography } from '../../../shared/geography/thai-geography';
import type { PerformanceReportInput, ReportCoverageRow } from '../../../shared/reports/performance-report';
import type { RosterSummaryInput } from '../../../shared/reports/roster-summary';
import { TERM_ENDING_DAYS } from '../../../shared/roster/committee-status';
import { fiscalQuarterRange, fiscalYearRange, type FiscalQuarter } from '../../../shared/thai/fiscal-year';
import type { DeskData } from '../desk-data';
import { tambonCoverageOf, type AmphoeCoverage } from './coverage';
import { eventDistrictOf } from './overview-facts';
import { OverviewRepository, type OverviewScope } from './overview-repository';

export interface ReportRequest {
  scope: OverviewScope;
  fiscalYear: number;
  /** null: the whole fiscal year. */
  quarter: FiscalQuarter | null;
}

export interface ReportContext {
  geography: ThaiGeography;
  /** "สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัด…" */
  officeName: string;
  typeNames: Record<ActivityType, string>;
  now?: Date;
}

/** "จังหวัดเชียงราย", "อำเภอเมืองเชียงราย จังหวัดเชียงราย" (Bangkok: "เขต… กรุงเทพมหานคร"). */
export function scopeName(geography: ThaiGeography, scope: OverviewScope): string {
  const province = geography.province(scope.provinceCode)?.nameTh ?? scope.provinceCode;
  const bangkok = scope.provinceCode === BANGKOK_PROVINCE_CODE;
  const provinceText = bangkok ? province : `จังหวัด${province}`;
  if (scope.districtCode === null) return provinceText;
  const amphoe = geography.amphoe(scope.districtCode)?.nameTh ?? scope.districtCode;
  return `${bangkok ? 'เขต' : 'อำเภอ'}${amphoe} ${provinceText}`;
}

/** The coverage table: per amphoe for a province, per tambon for one amphoe. */
export function coverageRows(geography: ThaiGeography, scope: OverviewScope, coverage: ReadonlyMap<string, AmphoeCoverage>): ReportCoverageRow[] {
  if (scope.districtCode === null) {
    return geography.amphoesOf(scope.provinceCode).map((a) => {
      const c = coverage.get(a.code);
      return { code: a.code, name: a.nameTh, tambons: geography.tambonsOf(a.code).length, withCentre: c?.tambonsWithCentre ?? 0, centres: c?.centres ?? 0, completeCentres: c?.completeCentres ?? 0, members: c?.members ?? 0, termsEndingSoon: c?.termsEndingSoon ?? 0 };
    });
  }
  const amphoe = coverage.get(scope.districtCode);
  return geography.tambonsOf(scope.districtCode).map((t) => {
    const c = tambonCoverageOf(amphoe, t.code);
    return { code: t.code, name: t.nameTh, tambons: 1, withCentre: c.centres > 0 ? 1 : 0, centres: c.centres, completeCentres: c.completeCentres, members: c.members, termsEndingSoon: c.termsEndingSoon };
  });
}

export async function gatherPerformanceReport(data: DeskData, request: ReportRequest, context: ReportContext): Promise<PerformanceReportInput> {
  const { geography } = context;
  const now = context.now ?? new Date();
  const overview = new OverviewRepository(data.db);
  const { scope, fiscalYear, quarter } = request;
  const range = quarter === null ? fiscalYearRange(fiscalYear) : fiscalQuarterRange(fiscalYear, quarter);
  const [occurrences, summary, coverage, news, pendingChanges, lastSyncAt] = await Promise.all([
    overview.activitiesIn(data.events, scope, range),
    overview.activities(scope, range),
    overview.coverage(scope, now),
    overview.newsPublishedIn(scope, range),
    overview.pendingChanges(),
    overview.lastSyncAt(),
  ]);
  // Every check-in of the period's activities: one key-range read per activity, all in one transaction and
  // side by side (anyOf would walk one cursor a step per round trip: seconds for a year's 2,000 activities).
  const ids = [...new Set(occurrences.map((o) => o.event.id))];
  const checkIns = new Map<string, { group: string; day: string }[]>();
  const rows = await data.db.transaction('r', data.db.attendance, () => Promise.all(ids.map((id) => data.db.attendance.where('eventId').equals(id).toArray())));
  for (const a of rows.flat()) {
    if (a.deleted) continue;
    const list = checkIns.get(a.eventId) ?? [];
    list.push({ group: a.group, day: localDateKey(new Date(a.checkedInAt)) });
    checkIns.set(a.eventId, list);
  }

  return {
    officeName: context.officeName,
    scopeName: scopeName(geography, scope),
    fiscalYear,
    quarter,
    dataMoment: now,
    pendingChanges,
    lastSyncAt: lastSyncAt ? new Date(lastSyncAt) : null,
    activities: occurrences.map((o) => {
      // A series' check-ins belong to the occurrence of their day; a one-off's are all its own.
      const taken = (checkIns.get(o.event.id) ?? []).filter((c) => !o.recurring || c.day === localDateKey(o.start));
      const district = eventDistrictOf(o.event);
      return {
        start: o.start,
        end: o.end,
        allDay: o.event.allDay,
        title: o.event.title,
        type: o.event.type,
        place: o.event.place,
        amphoe: scope.districtCode === null && district ? (geography.amphoe(district)?.nameTh ?? null) : null,
        groups: attendanceByGroup(o.event.expected, o.event.actual, taken).groups.map((g) => ({ group: g.group, expected: g.expected, actual: g.total })),
      };
    }),
    reach: summary.reach,
    coverageLevel: scope.districtCode === null ? 'amphoe' : 'tambon',
    coverage: coverageRows(geography, scope, coverage),
    news: news.reverse().map((n) => ({ publishedAt: new Date(n.publishedAt!), title: n.title, category: n.category })),
    termEndingDays: TERM_ENDING_DAYS,
    typeNames: context.typeNames,
  };
}

/** The per-amphoe roster summary: coverage per amphoe and per tambon, and partner organisations by amphoe. */
export async function gatherRosterSummary(data: DeskData, scope: OverviewScope, context: Omit<ReportContext, 'typeNames'>): Promise<RosterSummaryInput> {
  const { geography } = context;
  const now = context.now ?? new Date();
  const overview = new OverviewRepository(data.db);
  const [coverage, partners, pendingChanges, lastSyncAt] = await Promise.all([overview.coverage(scope, now), data.db.partners.toArray(), overview.pendingChanges(), overview.lastSyncAt()]);
  // As the roster counts partners: by the place they work in, else their district; province-wide ones apart.
  const partnersByAmphoe = new Map<string, number>();
  let provincePartners = 0;
  for (const p of partners) {
    if (p.deleted || p.provinceCode !== scope.provinceCode) continue;
    const code = p.placeCode ?? p.districtCode ?? p.provinceCode;
    if (code.length >= 4) partnersByAmphoe.set(code.slice(0, 4), (partnersByAmphoe.get(code.slice(0, 4)) ?? 0) + 1);
    else if (scope.districtCode === null) provincePartners++;
  }
  const amphoeRows = coverageRows(geography, { provinceCode: scope.provinceCode, districtCode: null }, coverage).filter((a) => scope.districtCode === null || a.code === scope.districtCode);
  return {
    officeName: context.officeName,
    scopeName: scopeName(geography, scope),
    dataMoment: now,
    pendingChanges,
    lastSyncAt: lastSyncAt ? new Date(lastSyncAt) : null,
    amphoes: amphoeRows.map((a) => ({ ...a, partners: partnersByAmphoe.get(a.code) ?? 0, tambonRows: coverageRows(geography, { provinceCode: scope.provinceCode, districtCode: a.code }, coverage) })),
    provincePartners,
    termEndingDays: TERM_ENDING_DAYS,
  };
}
