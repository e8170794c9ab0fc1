import { useEffect, useMemo, useState } from 'react';
import { cellText } from '../../../shared/roster/import-cell';
import { writableDistrictOf } from '../../../shared/roster/import-scope';
import { ROSTER_FIELDS, ROSTER_FIELD_LABELS, columnMemoryOf, guessColumnMapping, mappingProblems, type ColumnMapping, type ColumnMemory, type RosterField } from '../../../shared/roster/roster-columns';
import { summariseRows, type PlaceQuestion, type ValidatedRow } from '../../../shared/roster/row-validation';
import type { MessageKey } from '../../app/i18n/translate';
import { desk } from '../../bridge/desk-bridge';
import { useNavigation } from '../../app/navigation-store';
import { useSession } from '../../app/session-store';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import type { ExistingPeople, ImportResult } from '../../db/repositories/roster-import-repository';
import { errorMessage } from './error-message';
import { ImportConversions } from './import-conversions';
import { ImportProblemRows } from './import-problem-rows';
import { createImportSheetClient, type ImportSheetClient } from './io/import-sheet-client';
import { SpreadsheetError, type WorkbookData } from './io/spreadsheet-reader';
import { PrivacyNotice } from './privacy-notice';
import { useRosterActor, useRosterData } from './use-roster-data';

type Mode = 'valid-only' | 'all-or-nothing';
type Stage =
  | { kind: 'idle'; notice?: string }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; fileName: string; workbook: WorkbookData; existing: ExistingPeople; memory: ColumnMemory }
  | { kind: 'importing'; fileName: string; done: number; total: number; cancel: AbortController }
  | { kind: 'done'; fileName: string; result: ImportResult; skipped: number[] }
  | { kind: 'failed'; message: string };

/**
 * Import people from Excel, CSV or a government system's HTML ".xls": pick, choose the sheet,
 * map columns (remembered), answer which tambon an ambiguous name means, see every value that was
 * converted and every problem per row and cell, import in one transaction, report.
 */
export function ImportPage() {
  const t = useTranslate();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const { imports } = useRosterData();
  const client = useImportSheetClient();

  const pick = async () => {
    const opened = await desk.openFiles({ filters: [{ name: 'Excel / CSV', extensions: ['xlsx', 'csv', 'xls'] }], multiple: false, maxBytesPerFile: 64 * 1024 * 1024 });
    if (!opened.ok) return setStage({ kind: 'failed', message: opened.error.message });
    const file = opened.value[0];
    if (!file) return;
    setStage({ kind: 'reading', fileName: file.name });
    try {
      const [workbook, existing, memory] = await Promise.all([client.read(file.data, file.name), imports.existingPeople(), imports.columnMemory()]);
      setStage({ kind: 'preview', fileName: file.name, workbook, existing, memory });
    } catch (error) {
      if (isAbort(error)) setStage({ kind: 'idle', notice: t('roster.import.readingCancelled') });
      else setStage({ kind: 'failed', message: error instanceof SpreadsheetError ? error.message : errorMessage(error, t) });
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
      {stage.kind === 'reading' && (
        <div role="status" className="roster-progress">
          <label>
            {t('roster.import.reading', { file: stage.fileName })}
            {/* No value: the reader cannot tell how far it is, only that it is working. */}
            <progress />
          </label>
          <button type="button" className="button secondary" onClick={() => client.abort()}>
            {t('roster.import.cancelReading')}
          </button>
        </div>
      )}
      {stage.kind === 'idle' && stage.notice && <p role="status">{stage.notice}</p>}
      {stage.kind === 'failed' && (
        <p className="message error" role="alert" data-testid="import-error">
          {stage.message}
        </p>
      )}
      {stage.kind === 'preview' && <ImportPreview key={stage.fileName} client={client} stage={stage} onImporting={(done, total, cancel) => setStage({ kind: 'importing', fileName: stage.fileName, done, total, cancel })} onDone={(result, skipped) => setStage({ kind: 'done', fileName: stage.fileName, result, skipped })} onFailed={(message) => setStage({ kind: 'failed', message })} />}
      {stage.kind === 'importing' && (
        <div role="status" className="roster-progress">
          <label>
            {t('roster.import.progress', { done: stage.done, total: stage.total })}
            <progress max={stage.total} value={stage.done} />
          </label>
          {/* One transaction: a cancel rolls back the chunks already written. */}
          <button type="button" className="button secondary" onClick={() => stage.cancel.abort()}>
            {t('roster.import.cancel')}
          </button>
        </div>
      )}
      {stage.kind === 'done' && <ImportReport {...stage} />}
    </>
  );
}

function ImportPreview({ client, stage, onImporting, onDone, onFailed }: { client: ImportSheetClient; stage: Extract<Stage, { kind: 'preview' }>; onImporting(done: number, total: number, cancel: AbortController): void; onDone(result: ImportResult, skipped: number[]): void; onFailed(message: string): void }) {
  const t = useTranslate();
  const geography = useThaiGeography();
  const scope = useSession((s) => s.scope);
  const role = useSession((s) => s.role);
  const actor = useRosterActor();
  const { imports } = useRosterData();
  const { workbook, existing, memory } = stage;
  const [sheetIndex, setSheetIndex] = useState(workbook.bestSheet);
  const sheet = workbook.sheets[sheetIndex]!;
  const [mapping, setMapping] = useState<ColumnMapping>(() => guessColumnMapping(sheet.headers, memory));
  const [placeChoices, setPlaceChoices] = useState<ReadonlyMap<string, string>>(new Map());
  const [mode, setMode] = useState<Mode>('valid-only');
  const writableDistrict = writableDistrictOf(role, scope.districtCode);
  const problems = mappingProblems(mapping);
  const [checked, setChecked] = useState<ValidatedRow[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkFailure, setCheckFailure] = useState<unknown>(null);
  // Every row checked again in the worker whenever the mapping, the sheet or an answer changes; the last
  // check's rows stay on screen meanwhile, but nothing can be imported until the new one is in.
  useEffect(() => {
    if (mappingProblems(mapping).length > 0) return;
    let current = true;
    setChecking(true);
    client
      .validate({ rows: sheet.rows, firstRowNumber: sheet.firstRowNumber, dateSystem: workbook.dateSystem, mapping, provinceCode: scope.provinceCode, writableDistrict, existingNationalIds: existing.nationalIds, existingNameKeys: existing.nameKeys, placeChoices })
      .then(
        (rows) => {
          if (!current) return;
          setChecked(rows);
          setCheckFailure(null);
          setChecking(false);
        },
        (error: unknown) => {
          if (!current || isAbort(error)) return;
          setCheckFailure(error);
          setChecking(false);
        },
      );
    return () => {
      current = false;
    };
  }, [client, mapping, sheet, scope.provinceCode, writableDistrict, existing, workbook.dateSystem, placeChoices]);
  const rows = problems.length > 0 || checkFailure !== null ? null : checked;
  const summary = rows ? summariseRows(rows) : null;
  const flagged = rows?.filter((r) => r.issues.length > 0) ?? [];
  const questions = useMemo(() => placeQuestionsOf(rows ?? []), [rows]);

  const chooseSheet = (index: number) => {
    setSheetIndex(index);
    setMapping(guessColumnMapping(workbook.sheets[index]!.headers, memory));
  };

  const run = async () => {
    if (!rows || !summary || checking) return;
    if (mode === 'all-or-nothing' && summary.withErrors > 0) return;
    const people = rows.flatMap((r) => (r.person ? [r.person] : []));
    const cancel = new AbortController();
    onImporting(0, people.length, cancel);
    try {
      const result = await imports.importPeople(people, scope, actor, { fileName: stage.fileName, tambonName: (c) => geography?.tambon(c)?.nameTh ?? c, onProgress: (p) => onImporting(p.done, p.total, cancel), signal: cancel.signal });
      // The next file with these headings maps the same way, the user's changes included.
      await imports.rememberColumns(columnMemoryOf(sheet.headers, mapping));
      onDone(result, rows.filter((r) => !r.person).map((r) => r.rowNumber));
    } catch (error) {
      onFailed(cancel.signal.aborted ? t('roster.import.cancelled') : t('roster.import.failed', { message: errorMessage(error, t) }));
    }
  };

  return (
    <section aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">{t('roster.import.preview', { file: stage.fileName, sheet: sheet.sheetName })}</h3>
      <p className="muted" data-testid="import-file-info">
        {t(`roster.import.kind.${workbook.kind}` as MessageKey)}
        {workbook.encoding && ` · ${t(`roster.import.encoding.${workbook.encoding}` as MessageKey)}`}
        {workbook.dateSystem === 1904 && ` · ${t('roster.import.date1904')}`}
      </p>
      {workbook.sheets.length > 1 && (
        <label className="roster-sheet-choice">
          {t('roster.import.sheet')}
          <select value={sheetIndex} onChange={(e) => chooseSheet(Number(e.target.value))}>
            {workbook.sheets.map((s, i) => (
              <option key={i} value={i}>
                {t('roster.import.sheetOption', { name: s.sheetName, rows: s.rows.filter((r) => r.some((c) => cellText(c) !== '')).length })}
              </option>
            ))}
          </select>
        </label>
      )}
      {writableDistrict && geography && <p className="muted">{t('roster.import.districtOnly', { amphoe: geography.amphoe(writableDistrict)?.nameTh ?? writableDistrict })}</p>}
      <fieldset className="roster-mapping" key={sheetIndex}>
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
      {questions.length > 0 && geography && (
        <fieldset className="roster-place-questions" data-testid="place-questions">
          <legend>{t('roster.import.placeQuestions')}</legend>
          {questions.map(({ question, rows: count }) => (
            <label key={question.key}>
              {t('roster.import.placeQuestion', { tambon: question.tambon, amphoe: question.amphoe || '—', rows: count })}
              <select value={placeChoices.get(question.key) ?? ''} onChange={(e) => setPlaceChoices((c) => new Map(c).set(question.key, e.target.value))}>
                <option value="">{t('roster.import.placeChoose')}</option>
                {question.candidates.map((code) => (
                  <option key={code} value={code}>
                    {geography.describePlace(code) ?? code}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      {checking && problems.length === 0 && <p role="status">{t('roster.import.checking')}</p>}
      {checkFailure !== null && (
        <p className="message error" role="alert" data-testid="import-error">
          {t('roster.import.failed', { message: errorMessage(checkFailure, t) })}
        </p>
      )}
      {summary && rows && (
        <>
          <p data-testid="import-summary" className="roster-summary">
            {t('roster.import.summary', { rows: summary.rows, valid: summary.valid, errors: summary.withErrors, warnings: summary.withWarnings })}
          </p>
          <ImportConversions rows={rows} headers={sheet.headers} dateSystem={workbook.dateSystem} />
          {flagged.length > 0 && <ImportProblemRows rows={flagged} headers={sheet.headers} />}
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
          <button type="button" className="button primary" disabled={checking || summary.valid === 0 || (mode === 'all-or-nothing' && summary.withErrors > 0)} onClick={() => void run()}>
            {t('roster.import.run', { count: summary.valid })}
          </button>
        </>
      )}
    </section>
  );
}

/** One reader and checker for the page's life; whatever it is doing stops when the page goes. */
function useImportSheetClient(): ImportSheetClient {
  const [client] = useState(createImportSheetClient);
  useEffect(() => {
    // A failure here shows again, and is reported, at the first real request.
    client.prepare().catch(() => undefined);
    return () => client.abort();
  }, [client]);
  return client;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The distinct questions of the rows, each with how many rows wait for its answer. */
function placeQuestionsOf(rows: readonly ValidatedRow[]): { question: PlaceQuestion; rows: number }[] {
  const byKey = new Map<string, { question: PlaceQuestion; rows: number }>();
  for (const row of rows) {
    const question = row.placeQuestion;
    if (!question) continue;
    const found = byKey.get(question.key);
    if (found) found.rows++;
    else byKey.set(question.key, { question, rows: 1 });
  }
  return [...byKey.values()];
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
