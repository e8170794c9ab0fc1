import { useRef, useState } from 'react';
import { MAX_ICS_BYTES, parseIcsInSteps, type IcsError, type IcsNote } from '../../../shared/calendar/ics-import';
import type { IcsActivity } from '../../../shared/calendar/ics-activity';
import { useDeskData } from '../../app/desk-data-context';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import type { MessageKey } from '../../app/i18n/translate';
import { desk } from '../../bridge/desk-bridge';
import type { ImportPreview } from '../../db/repositories/event-repository';
import { errorText } from './error-text';
import { ModalDialog } from './modal-dialog';

/** Activities listed in the preview; a file of thousands says how many more there are. */
const PREVIEW_LIMIT = 100;
/** Problems listed in the skip report and the notes; the rest are counted. */
const PROBLEMS_LISTED = 50;
const PROGRESS_STEP = 25;

interface ReadFile {
  file: string;
  preview: ImportPreview;
  skipped: IcsError[];
  notes: IcsNote[];
  /** Everything the file holds, as parsed: what confirm writes (worked out again in the transaction). */
  activities: IcsActivity[];
}

type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; file: string; done: number; total: number }
  | { step: 'rejected'; file: string; errors: IcsError[] | string }
  | ({ step: 'preview' } & ReadFile)
  | ({ step: 'importing'; done: number } & ReadFile);

/**
 * "นำเข้าไฟล์ .ics": pick a file, read all of it (with a progress bar for a large one), show what
 * would come in — new activities, ones here that the file updates (same UID), ones skipped and
 * why — and only on confirmation write it, in one transaction. Cancel writes nothing.
 */
export function IcsImportButton() {
  const t = useTranslate();
  const data = useDeskData();
  const scope = useSession((s) => s.scope);
  const notices = useNotices();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  // A read still running when the user cancels must not open its preview afterwards.
  const reading = useRef(0);
  const close = () => {
    reading.current++;
    setState({ step: 'idle' });
  };

  const pick = async () => {
    const picked = await desk.openFiles({ filters: [{ name: 'iCalendar', extensions: ['ics'] }], multiple: false, maxBytesPerFile: MAX_ICS_BYTES });
    if (!picked.ok) return setState({ step: 'rejected', file: '', errors: picked.error.message });
    const file = picked.value[0];
    if (!file) return;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.data);
    } catch {
      return setState({ step: 'rejected', file: file.name, errors: t('calendar.ics.notUtf8') });
    }
    const run = ++reading.current;
    setState({ step: 'reading', file: file.name, done: 0, total: 0 });
    const parsed = await parseIcsInSteps(text, (done, total) => run === reading.current && setState({ step: 'reading', file: file.name, done, total }));
    if (run !== reading.current) return;
    if (!parsed.ok) return setState({ step: 'rejected', file: file.name, errors: parsed.errors });
    const preview = await data.events.previewImport(parsed.activities);
    if (run !== reading.current) return;
    setState({ step: 'preview', file: file.name, preview, skipped: parsed.skipped, notes: parsed.notes, activities: parsed.activities });
  };

  const confirm = async () => {
    if (state.step !== 'preview') return;
    const { step: _step, ...read } = state;
    setState({ step: 'importing', ...read, done: 0 });
    try {
      // Redraw the progress bar every few activities, not after each one.
      const result = await data.events.importActivities(read.activities, scope, (done, total) => {
        if (done === total || done % PROGRESS_STEP === 0) setState({ step: 'importing', ...read, done });
      });
      notices.show(result.updated > 0 ? t('calendar.ics.importedAndUpdated', { count: result.created, updated: result.updated }) : t('calendar.ics.imported', { count: result.created }));
      close();
    } catch (error) {
      // The transaction rolled back: nothing of this file is on the device.
      setState({ step: 'rejected', file: read.file, errors: errorText(t, error) });
    }
  };

  return (
    <>
      <button type="button" className="button secondary" onClick={() => void pick()} disabled={state.step === 'reading'}>
        {t('calendar.import')}
      </button>
      {state.step === 'reading' && (
        <ModalDialog title={t('calendar.ics.previewTitle', { file: state.file })} onClose={close} wide>
          <div role="status" data-testid="ics-reading">
            <progress max={Math.max(1, state.total)} value={state.done} aria-label={t('calendar.ics.reading', { done: state.done, total: state.total })} />
            <span>{t('calendar.ics.reading', { done: state.done, total: state.total })}</span>
          </div>
          <div className="dialog-actions">
            <button type="button" className="button secondary" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </ModalDialog>
      )}
      {state.step === 'rejected' && (
        <ModalDialog title={t('calendar.ics.rejectedTitle', { file: state.file })} onClose={close} wide>
          <div role="alert" data-testid="ics-errors">
            {typeof state.errors === 'string' ? <p className="message error">{state.errors}</p> : <ProblemList problems={state.errors} />}
            <p className="message error">{t('calendar.ics.nothingImported')}</p>
          </div>
          <div className="dialog-actions">
            <button type="button" className="button secondary" onClick={close}>
              {t('calendar.detail.close')}
            </button>
          </div>
        </ModalDialog>
      )}
      {(state.step === 'preview' || state.step === 'importing') && <ImportPreviewDialog state={state} onConfirm={() => void confirm()} onClose={close} />}
    </>
  );
}

function ImportPreviewDialog({ state, onConfirm, onClose }: { state: Extract<ImportState, { step: 'preview' | 'importing' }>; onConfirm(): void; onClose(): void }) {
  const t = useTranslate();
  const dates = useDateFormat();
  const { preview, skipped, notes } = state;
  const writes = preview.fresh.length + preview.updates.length;
  const rows = [
    ...preview.fresh.map((a) => ({ a, kind: 'fresh' as const })),
    ...preview.updates.map((u) => ({ a: u.activity, kind: 'update' as const })),
    ...preview.unchanged.map((a) => ({ a, kind: 'same' as const })),
  ];
  const busy = state.step === 'importing';
  return (
    <ModalDialog title={t('calendar.ics.previewTitle', { file: state.file })} onClose={busy ? () => undefined : onClose} wide>
      <div data-testid="ics-summary">
        <p>{t('calendar.ics.fresh', { count: preview.fresh.length })}</p>
        {preview.updates.length > 0 && <p>{t('calendar.ics.updates', { count: preview.updates.length })}</p>}
        {preview.unchanged.length > 0 && <p className="muted">{t('calendar.ics.unchanged', { count: preview.unchanged.length })}</p>}
      </div>
      <ul className="ics-preview" data-testid="ics-preview">
        {rows.slice(0, PREVIEW_LIMIT).map(({ a, kind }, i) => (
          <li key={i} className={kind === 'same' ? 'duplicate' : undefined}>
            {kind !== 'fresh' && <span className="badge">{t(kind === 'update' ? 'calendar.ics.update' : 'calendar.ics.same')}</span>} <span className={`badge activity-${a.type}`}>{t(`calendar.type.${a.type}` as MessageKey)}</span> {dates.range(new Date(a.start), new Date(a.end))}
            {!a.allDay && ` ${dates.time(new Date(a.start))}`} — {a.title}
          </li>
        ))}
      </ul>
      {rows.length > PREVIEW_LIMIT && <p className="muted">{t('calendar.ics.more', { count: rows.length - PREVIEW_LIMIT })}</p>}
      {skipped.length > 0 && (
        <section className="ics-skipped" data-testid="ics-skipped" aria-label={t('calendar.ics.skippedTitle', { count: skipped.length })}>
          <h3>{t('calendar.ics.skippedTitle', { count: skipped.length })}</h3>
          <ProblemList problems={skipped} />
        </section>
      )}
      {notes.length > 0 && (
        <section className="ics-notes" data-testid="ics-notes" aria-label={t('calendar.ics.notesTitle')}>
          <h3>{t('calendar.ics.notesTitle')}</h3>
          <ul className="ics-errors">
            {notes.slice(0, PROBLEMS_LISTED).map((n, i) => (
              <li key={i}>
                <strong>{t('calendar.ics.line', { line: n.line })}</strong>: {t(`calendar.ics.note.${n.code}` as MessageKey, { detail: n.detail })}
                {n.title && ` — “${n.title}”`}
              </li>
            ))}
          </ul>
          {notes.length > PROBLEMS_LISTED && <p className="muted">{t('calendar.ics.more', { count: notes.length - PROBLEMS_LISTED })}</p>}
        </section>
      )}
      {busy && (
        <div role="status">
          <progress max={writes} value={state.done} aria-label={t('calendar.ics.importing', { done: state.done, total: writes })} />
          <span>{t('calendar.ics.importing', { done: state.done, total: writes })}</span>
        </div>
      )}
      <div className="dialog-actions">
        {writes > 0 ? (
          <button type="button" className="button primary" onClick={onConfirm} disabled={busy}>
            {t(preview.updates.length > 0 ? 'calendar.ics.confirmWithUpdates' : 'calendar.ics.confirm', { count: writes })}
          </button>
        ) : (
          <p>{t('calendar.ics.nothingNew')}</p>
        )}
        <button type="button" className="button secondary" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}

/** Problems with their line, reason and the activity's title, so each can be found in the other calendar. */
function ProblemList({ problems }: { problems: IcsError[] }) {
  const t = useTranslate();
  return (
    <>
      <ul className="ics-errors">
        {problems.slice(0, PROBLEMS_LISTED).map((e, i) => (
          <li key={i}>
            <strong>{t('calendar.ics.line', { line: e.line })}</strong>: {t(`calendar.ics.error.${e.code}` as MessageKey, { detail: e.detail })}
            {e.title && ` — “${e.title}”`}
            {e.detail && e.code !== 'unterminated' && e.code !== 'orphan-override' && <code>{e.detail}</code>}
          </li>
        ))}
      </ul>
      {problems.length > PROBLEMS_LISTED && <p className="muted">{t('calendar.ics.more', { count: problems.length - PROBLEMS_LISTED })}</p>}
    </>
  );
}
