import { useCallback } from 'react';
import { ACTIVITY_TYPES, type ActivityType } from '../../../shared/domain/calendar-event';
import type { ThaiGeography } from '../../../shared/geography/thai-geography';
import { buildPerformanceReport } from '../../../shared/reports/performance-report';
import type { ReportDocument } from '../../../shared/reports/report-document';
import { buildRosterSummary } from '../../../shared/reports/roster-summary';
import type { FiscalQuarter } from '../../../shared/thai/fiscal-year';
import { useDeskData } from '../../app/desk-data-context';
import { createTranslate, type MessageKey } from '../../app/i18n/translate';
import type { OverviewScope } from '../../db/overview/overview-repository';
import { gatherPerformanceReport, gatherRosterSummary } from '../../db/overview/report-data';

export type ReportKind = 'performance' | 'roster';

export interface ReportRequestState {
  kind: ReportKind;
  scope: OverviewScope;
  fiscalYear: number;
  quarter: FiscalQuarter | null;
}

// Reports leave the office in Thai, whatever language the screen is in.
const thai = createTranslate('th');
const TYPE_NAMES = Object.fromEntries(ACTIVITY_TYPES.map((t) => [t, thai(`calendar.type.${t}` as MessageKey)])) as Record<ActivityType, string>;

/** "สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย" */
export function officeNameOf(geography: ThaiGeography, provinceCode: string): string {
  return `${thai('app.office')}${geography.province(provinceCode)?.nameTh ?? ''}`;
}

/** Reads this device's data and lays out the report asked for (one document for DOCX, XLSX and print). */
export function useReportDocuments(): (request: ReportRequestState, geography: ThaiGeography) => Promise<ReportDocument> {
  const data = useDeskData();
  return useCallback(
    async (request, geography) => {
      const context = { geography, officeName: officeNameOf(geography, request.scope.provinceCode) };
      if (request.kind === 'roster') return buildRosterSummary(await gatherRosterSummary(data, request.scope, context));
      return buildPerformanceReport(await gatherPerformanceReport(data, request, { ...context, typeNames: TYPE_NAMES }));
    },
    [data],
  );
}
