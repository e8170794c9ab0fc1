import './reports.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { reportDocxBytes } from '../../../shared/reports/report-docx';
import type { ReportDocument } from '../../../shared/reports/report-document';
import { syncWarningKinds } from '../../../shared/reports/sync-warnings';
import { FISCAL_QUARTERS, fiscalYearOf, type FiscalQuarter } from '../../../shared/thai/fiscal-year';
import { desk } from '../../bridge/desk-bridge';
import { useNavigation } from '../../app/navigation-store';
import { useNotices } from '../../app/notice-store';
import { printToPdf } from '../../app/print-to-pdf';
import { useDateFormat } from '../../app/use-date-format';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import { ScopeLine } from '../dashboard/scope-line';
import { useOverviewRepository, useOverviewScope } from '../dashboard/use-overview';
import { ReportPrintView } from './report-print-view';
import { reportWorkbook } from './report-workbook';
import { useReportDocuments, type ReportKind, type ReportRequestState } from './use-report-documents';

interface ReportFormState {
  kind: ReportKind;
  fiscalYear: number;
  quarter: FiscalQuarter | null;
  thaiDigits: boolean;
  set(patch: Partial<Omit<ReportFormState, 'set'>>): void;
}

/** The report asked for (view state, kept while the user prints and comes back). */
const useReportForm = create<ReportFormState>((set) => ({
  kind: 'performance',
  fiscalYear: fiscalYearOf(new Date()),
  quarter: null,
  thaiDigits: false,
  set: (patch) => set(patch),
}));

/** รายงาน: #/reports (what to make) and #/reports/print (the report laid out for paper, printed to PDF). */
export function ReportsPage() {
  const path = useNavigation((s) => s.path);
  return path[0] === 'print' ? <PrintPage /> : <ReportForm />;
}

function useRequest(): ReportRequestState {
  const { kind, fiscalYear, quarter } = useReportForm();
  const { scope } = useOverviewScope();
  return { kind, scope, fiscalYear, quarter: kind === 'roster' ? null : quarter };
}

function ReportForm() {
  const t = useTranslate();
  const form = useReportForm();
  const request = useRequest();
  const geography = useThaiGeography();
  const makeDocument = useReportDocuments();
  const navigate = useNavigation((s) => s.navigate);
  const show = useNotices((s) => s.show);
  const [busy, setBusy] = useState<string | null>(null);
  const current = fiscalYearOf(new Date());
  const years = Array.from({ length: 6 }, (_, i) => current - i);

  const save = async (format: 'docx' | 'xlsx') => {
    if (!geography) return;
    setBusy(format);
    try {
      const doc = await makeDocument(request, geography);
      const data = format === 'docx' ? await reportDocxBytes(doc, { thaiDigits: form.thaiDigits }) : await reportWorkbook(doc);
      const saved = await desk.saveFile({ suggestedName: `${doc.fileBase}.${format}`, filters: [{ name: format === 'docx' ? 'Word' : 'Excel', extensions: [format] }], data });
      if (!saved.ok) throw new Error(saved.error.message);
      if (saved.value.saved) show(t('common.savedAs', { name: saved.value.fileName }));
    } catch (error) {
      show(t('common.error', { message: (error as Error).message }), 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="reports-title" className="reports">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <p className="lead">{t('reports.lead')}</p>
      <ScopeLine />
      <fieldset>
        <legend>{t('reports.kind')}</legend>
        <label className="radio">
          <input type="radio" name="report-kind" checked={form.kind === 'performance'} onChange={() => form.set({ kind: 'performance' })} /> {t('reports.kind.performance')}
        </label>
        <label className="radio">
          <input type="radio" name="report-kind" checked={form.kind === 'roster'} onChange={() => form.set({ kind: 'roster' })} /> {t('reports.kind.roster')}
        </label>
      </fieldset>
      {form.kind === 'performance' && (
        <fieldset>
          <legend>{t('reports.period')}</legend>
          <div className="reports-row">
            <label>
              {t('reports.fiscalYear')}{' '}
              <select value={form.fiscalYear} onChange={(e) => form.set({ fiscalYear: Number(e.target.value) })} data-testid="report-fiscal-year">
                {[...new Set([...years, form.fiscalYear])].sort((a, b) => b - a).map((fy) => (
                  <option key={fy} value={fy}>
                    {fy}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('reports.quarter')}{' '}
              <select value={form.quarter ?? 'all'} onChange={(e) => form.set({ quarter: e.target.value === 'all' ? null : (Number(e.target.value) as FiscalQuarter) })} data-testid="report-quarter">
                <option value="all">{t('reports.wholeYear')}</option>
                {FISCAL_QUARTERS.map((q) => (
                  <option key={q} value={q}>
                    {t('reports.quarterN', { n: q })}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="radio">
            <input type="checkbox" checked={form.thaiDigits} onChange={(e) => form.set({ thaiDigits: e.target.checked })} /> {t('reports.thaiDigits')}
          </label>
        </fieldset>
      )}
      <DataMoment />
      <div className="reports-actions">
        {form.kind === 'performance' && (
          <button type="button" className="button primary" disabled={busy !== null || !geography} onClick={() => void save('docx')}>
            {busy === 'docx' ? t('reports.making') : t('reports.docx')}
          </button>
        )}
        <button type="button" className={`button ${form.kind === 'roster' ? 'primary' : 'secondary'}`} disabled={busy !== null || !geography} onClick={() => void save('xlsx')}>
          {busy === 'xlsx' ? t('reports.making') : t('reports.xlsx')}
        </button>
        <button type="button" className="button secondary" disabled={busy !== null} onClick={() => navigate('reports', 'print')}>
          {t('reports.print')}
        </button>
      </div>
    </section>
  );
}

/** The moment of the data, and what the report will warn of (unsynced changes, no sync for over a day). */
function DataMoment() {
  const t = useTranslate();
  const overview = useOverviewRepository();
  const { shortDate, time } = useDateFormat();
  const facts = useLiveQuery(async () => ({ pendingChanges: await overview.pendingChanges(), lastSyncAt: await overview.lastSyncAt() }), [overview]);
  if (!facts) return null;
  const now = new Date();
  const warnings = syncWarningKinds({ dataMoment: now, pendingChanges: facts.pendingChanges, lastSyncAt: facts.lastSyncAt ? new Date(facts.lastSyncAt) : null });
  return (
    <div className="reports-moment" data-testid="report-moment">
      <p>{t('reports.moment', { date: `${shortDate(now)} ${time(now)}` })}</p>
      {warnings.map((w) => (
        <p key={w.kind} className="message error" role="note">
          {w.kind === 'pending'
            ? t('reports.warn.pending', { count: w.count })
            : w.kind === 'never-synced'
              ? t('reports.warn.neverSynced')
              : t('reports.warn.stale', { days: w.days, date: `${shortDate(w.lastSyncAt)} ${time(w.lastSyncAt)}` })}
        </p>
      ))}
    </div>
  );
}

function PrintPage() {
  const t = useTranslate();
  const form = useReportForm();
  const request = useRequest();
  const geography = useThaiGeography();
  const makeDocument = useReportDocuments();
  const navigate = useNavigation((s) => s.navigate);
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { kind, scope, fiscalYear, quarter } = request;

  useEffect(() => {
    if (!geography) return;
    let alive = true;
    makeDocument({ kind, scope, fiscalYear, quarter }, geography).then(
      (d) => alive && setDoc(d),
      (e: unknown) => alive && setError((e as Error).message),
    );
    return () => {
      alive = false;
    };
  }, [geography, makeDocument, kind, scope, fiscalYear, quarter]);

  return (
    <>
      <div className="no-print reports-actions">
        <button type="button" className="button primary" disabled={!doc} onClick={() => doc && void printToPdf(doc.fileBase)}>
          {t('reports.printNow')}
        </button>
        <button type="button" className="button secondary" onClick={() => navigate('reports')}>
          {t('reports.back')}
        </button>
      </div>
      {error ? <p className="message error">{t('common.error', { message: error })}</p> : doc ? <ReportPrintView doc={doc} options={{ thaiDigits: form.thaiDigits }} /> : <p>{t('common.loading')}</p>}
    </>
  );
}
