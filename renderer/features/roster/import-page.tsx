import { useMemo, useState } from 'react';
import { geographyPlaceResolver } from '../../../shared/roster/place-resolver';
import { ROSTER_FIELDS, ROSTER_FIELD_LABELS, guessColumnMapping, mappingProblems, type ColumnMapping, type RosterField } from '../../../shared/roster/roster-columns';
import { cellText } from '../../../shared/roster/import-cell';
import { summariseRows, validateImportRows, type ValidatedRow } from '../../../shared/roster/row-validation';
import type { MessageKey } from '../../app/i18n/translate';
import { desk } from '../../bridge/desk-bridge';
import { useNavigation } from '../../app/navigation-store';
import { useSession } from '../../app/session-store';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import type { ExistingPeople, ImportResult } from '../../db/repositories/roster-import-repository';
import { errorMessage } from './error-message';
import { readPeopleSheet, SpreadsheetError, type SheetData } from './io/spreadsheet-reader';
import { PrivacyNotice } from './privacy-notice';
import { useRosterActor, useRosterData } from './use-roster-data';

type Mode = 'valid-only' | 'all-or-nothing';
type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; fileName: string; sheet: SheetData; existing: ExistingPeople }
  | { kind: 'importing'; fileName: string; done: number; total: number }
  | { kind: 'done'; fileName: string; result: ImportResult; skipped: number[] }
  | { kind: 'failed'; message: string };

/** Rows with problems shown at most; the count says how many more there are. */
const PROBLEM_ROWS_SHOWN = 200;

/** Import people from Excel or CSV: pick, map columns, preview errors per row and cell, import in one transaction, report. */
export function ImportPage() {
  const t = useTranslate();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const { imports } = useRosterData();

  const pick = async () => {
    const opened = await desk.openFiles({ filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'csv'] }], multiple: false, maxBytesPerFile: 64 * 1024 * 1024 });
    if (!opened.ok) return setStage({ kind: 'failed', message: opened.error.message });
    const file = opened.value[0];
    if (!file) return;
    setStage({ kind: 'reading', fileName: file.name });
    try {
      const [sheet, existing] = await Promise.all([readPeopleSheet(file.data), imports.existingPeople()]);
      setStage({ kind: 'preview', fileName: file.name, sheet, existing });
    } catch (error) {
      setStage({ kind: 'failed', message: error instanceof SpreadsheetError ? error.message : errorMessage(error, t) });
    }
  };

  return (
    <>
      <h2>{t('roster.import.title')}</h2>
      <p className="lead">{t('roster.import.lead')}</p>
      <PrivacyNotice />
      <div className="roster-actions">
        <button type="button" className="button primary" onClick={() => void pick()} disabled={stage.kind === 'reading' || stage.kind === 'importing'}>
          {t('roster.import.choose')}
        </button>
      </div>
      {stage.kind === 'reading' && <p role="status">{t('roster.import.reading', { file: stage.fileName })}</p>}
      {stage.kind === 'failed' && (
        <p className="message error" role="alert" data-testid="import-error">
          {stage.message}
        </p>
      )}
      {stage.kind === 'preview' && <ImportPreview key={stage.fileName} stage={stage} onImporting={(done, total) => setStage({ kind: 'importing', fileName: stage.fileName, done, total })} onDone={(result, skipped) => setStage({ kind: 'done', fileName: stage.fileName, result, skipped })} onFailed={(message) => setStage({ kind: 'failed', message })} />}
      {stage.kind === 'importing' && (
        <div role="status" className="roster-progress">
          <label>
            {t('roster.import.progress', { done: stage.done, total: stage.total })}
            <progress max={stage.total} value={stage.done} />
          </label>
        </div>
      )}
      {stage.kind === 'done' && <ImportReport {...stage} />}
    </>
  );
}

function ImportPreview({ stage, onImporting, onDone, onFailed }: { stage: Extract<Stage, { kind: 'preview' }>; onImporting(done: number, total: number): void; onDone(result: ImportResult, skipped: number[]): void; onFailed(message: string): void }) {
  const t = useTranslate();
  const geography = useThaiGeography();
  const scope = useSession((s) => s.scope);
  const actor = useRosterActor();
  const { imports } = useRosterData();
  const { sheet, existing } = stage;
  const [mapping, setMapping] = useState<ColumnMapping>(() => guessColumnMapping(sheet.headers));
  const [mode, setMode] = useState<Mode>('valid-only');
  const problems = mappingProblems(mapping);
  const rows = useMemo(() => {
    if (!geography || mappingProblems(mapping).length > 0) return null;
    return validateImportRows(sheet.rows, mapping, { places: geographyPlaceResolver(geography, scope.provinceCode), existingNationalIds: existing.nationalIds, existingNameKeys: existing.nameKeys }, sheet.firstRowNumber);
  }, [geography, mapping, sheet, scope.provinceCode, existing]);
  const summary = rows ? summariseRows(rows) : null;
  const flagged = rows?.filter((r) => r.issues.length > 0) ?? [];

  const run = async () => {
    if (!rows || !summary) return;
    if (mode === 'all-or-nothing' && summary.withErrors > 0) return;
    const people = rows.flatMap((r) => (r.person ? [r.person] : []));
    onImporting(0, people.length);
    try {
      const result = await imports.importPeople(people, scope, actor, { fileName: stage.fileName, tambonName: (c) => geography?.tambon(c)?.nameTh ?? c, onProgress: (p) => onImporting(p.done, p.total) });
      onDone(result, rows.filter((r) => !r.person).map((r) => r.rowNumber));
    } catch (error) {
      onFailed(t('roster.import.failed', { message: errorMessage(error, t) }));
    }
  };

  return (
    <section aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">{t('roster.import.preview', { file: stage.fileName, sheet: sheet.sheetName })}</h3>
      <fieldset className="roster-mapping">
        <legend>{t('roster.import.mapping')}</legend>
        {sheet.headers.map((header, i) => (
          <label key={i}>
            <span className="mapping-header">{header || t('roster.import.column', { n: i + 1 })}</span>
            <select value={mapping[i] ?? ''} onChange={(e) => setMapping((m) => m.map((f, j) => (j === i ? ((e.target.value || null) as RosterField | null) : f)))}>
              <option value="">{t('roster.import.skipColumn')}</option>
              {ROSTER_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {ROSTER_FIELD_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      {problems.length > 0 && (
        <p className="message error" role="alert">
          {problems.map((p) => t(`roster.import.problem.${p}` as MessageKey)).join(' ')}
        </p>
      )}
      {summary && (
        <>
          <p data-testid="import-summary" className="roster-summary">
            {t('roster.import.summary', { rows: summary.rows, valid: summary.valid, errors: summary.withErrors, warnings: summary.withWarnings })}
          </p>
          {flagged.length > 0 && <ProblemRows rows={flagged} headers={sheet.headers} />}
          <fieldset>
            <legend>{t('roster.import.mode')}</legend>
            <label className="radio">
              <input type="radio" name="import-mode" checked={mode === 'valid-only'} onChange={() => setMode('valid-only')} /> {t('roster.import.mode.validOnly', { count: summary.valid })}
            </label>
            <label className="radio">
              <input type="radio" name="import-mode" checked={mode === 'all-or-nothing'} onChange={() => setMode('all-or-nothing')} /> {t('roster.import.mode.allOrNothing')}
            </label>
          </fieldset>
          {mode === 'all-or-nothing' && summary.withErrors > 0 && (
            <p className="message error" role="alert">
              {t('roster.import.fixFirst', { count: summary.withErrors })}
            </p>
          )}
          <button type="button" className="button primary" disabled={summary.valid === 0 || (mode === 'all-or-nothing' && summary.withErrors > 0)} onClick={() => void run()}>
            {t('roster.import.run', { count: summary.valid })}
          </button>
        </>
      )}
    </section>
  );
}

function ProblemRows({ rows, headers }: { rows: ValidatedRow[]; headers: string[] }) {
  const t = useTranslate();
  return (
    <div className="roster-scroll">
      <table className="roster-table import-problems" aria-label={t('roster.import.problems')} data-testid="import-problems">
        <thead>
          <tr>
            <th scope="col">{t('roster.import.row')}</th>
            {headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
            <th scope="col">{t('roster.import.issues')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, PROBLEM_ROWS_SHOWN).map((row) => {
            const bad = new Map(row.issues.filter((i) => i.column !== null).map((i) => [i.column!, i]));
            return (
              <tr key={row.rowNumber} data-row={row.rowNumber} className={row.person ? 'row-warning' : 'row-error'}>
                <th scope="row">{row.rowNumber}</th>
                {headers.map((_, i) => (
                  <td key={i} className={bad.has(i) ? `cell-${bad.get(i)!.severity}` : undefined} title={bad.get(i)?.message}>
                    {cellText(row.cells[i])}
                  </td>
                ))}
                <td>
                  <ul>
                    {row.issues.map((issue, k) => (
                      <li key={k} className={issue.severity === 'error' ? 'issue-error' : 'issue-warning'}>
                        {ROSTER_FIELD_LABELS[issue.field]}: {issue.message}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > PROBLEM_ROWS_SHOWN && <p className="muted">{t('roster.import.moreProblems', { count: rows.length - PROBLEM_ROWS_SHOWN })}</p>}
    </div>
  );
}

function ImportReport({ fileName, result, skipped }: Extract<Stage, { kind: 'done' }>) {
  const t = useTranslate();
  const navigate = useNavigation((s) => s.navigate);
  return (
    <div className="notice" role="status" data-testid="import-report">
      <p>
        <strong>{t('roster.import.done', { count: result.imported, file: fileName })}</strong>
      </p>
      {result.centresCreated > 0 && <p>{t('roster.import.centresCreated', { count: result.centresCreated })}</p>}
      {skipped.length > 0 && <p>{t('roster.import.skipped', { count: skipped.length, rows: skipped.join(', ') })}</p>}
      <button type="button" className="button secondary" onClick={() => navigate('roster')}>
        {t('roster.import.toBrowse')}
      </button>
    </div>
  );
}
