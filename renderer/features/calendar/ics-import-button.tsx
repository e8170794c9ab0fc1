import { useState } from 'react';
import { MAX_ICS_BYTES, parseIcs, type IcsError } from '../../../shared/calendar/ics-import';
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
const PROGRESS_STEP = 25;

type ImportState =
  | { step: 'idle' }
  | { step: 'rejected'; file: string; errors: IcsError[] | string }
  | { step: 'preview'; file: string; preview: ImportPreview }
  | { step: 'importing'; file: string; preview: ImportPreview; done: number };

/**
 * "นำเข้าไฟล์ .ics": pick a file, check all of it, show what would come in (duplicates by UID
 * marked), and only on confirmation write it, in one transaction.
 */
export function IcsImportButton() {
  const t = useTranslate();
  const dates = useDateFormat();
  const data = useDeskData();
  const scope = useSession((s) => s.scope);
  const notices = useNotices();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const close = () => setState({ step: 'idle' });

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
    const parsed = parseIcs(text);
    if (!parsed.ok) return setState({ step: 'rejected', file: file.name, errors: parsed.errors });
    setState({ step: 'preview', file: file.name, preview: await data.events.previewImport(parsed.activities) });
  };

  const confirm = async () => {
    if (state.step !== 'preview') return;
    const { file, preview } = state;
    setState({ step: 'importing', file, preview, done: 0 });
    try {
      // Redraw the progress bar every few activities, not after each one: a render per write
      // would cost more than the writes.
      const result = await data.events.importActivities(preview.fresh, scope, (done, total) => {
        if (done === total || done % PROGRESS_STEP === 0) setState({ step: 'importing', file, preview, done });
      });
      notices.show(t('calendar.ics.imported', { count: result.created }));
      close();
    } catch (error) {
      // The transaction rolled back: nothing of this file is on the device.
      setState({ step: 'rejected', file, errors: errorText(t, error) });
    }
  };

  return (
    <>
      <button type="button" className="button secondary" onClick={() => void pick()}>
        {t('calendar.import')}
      </button>
      {state.step === 'rejected' && (
        <ModalDialog title={t('calendar.ics.rejectedTitle', { file: state.file })} onClose={close} wide>
          <div role="alert" data-testid="ics-errors">
            {typeof state.errors === 'string' ? (
              <p className="message error">{state.errors}</p>
            ) : (
              <ul className="ics-errors">
                {state.errors.map((e, i) => (
                  <li key={i}>
                    <strong>{t('calendar.ics.line', { line: e.line })}</strong>: {t(`calendar.ics.error.${e.code}` as MessageKey, { detail: e.detail })}
                    {e.title && ` — “${e.title}”`}
                    {e.detail && e.code !== 'unterminated' && <code>{e.detail}</code>}
                  </li>
                ))}
              </ul>
            )}
            <p className="message error">{t('calendar.ics.nothingImported')}</p>
          </div>
          <div className="dialog-actions">
            <button type="button" className="button secondary" onClick={close}>
              {t('calendar.detail.close')}
            </button>
          </div>
        </ModalDialog>
      )}
      {(state.step === 'preview' || state.step === 'importing') && (
        <ModalDialog title={t('calendar.ics.previewTitle', { file: state.file })} onClose={state.step === 'preview' ? close : () => undefined} wide>
          <p>{t('calendar.ics.fresh', { count: state.preview.fresh.length })}</p>
          {state.preview.duplicates.length > 0 && <p className="muted">{t('calendar.ics.duplicates', { count: state.preview.duplicates.length })}</p>}
          <ul className="ics-preview" data-testid="ics-preview">
            {[...state.preview.fresh.map((a) => ({ a, duplicate: false })), ...state.preview.duplicates.map((a) => ({ a, duplicate: true }))].slice(0, PREVIEW_LIMIT).map(({ a, duplicate }, i) => (
              <li key={i} className={duplicate ? 'duplicate' : undefined}>
                {duplicate && <span className="badge">{t('calendar.ics.duplicate')}</span>} <span className={`badge activity-${a.type}`}>{t(`calendar.type.${a.type}` as MessageKey)}</span> {dates.range(new Date(a.start), new Date(a.end))}
                {!a.allDay && ` ${dates.time(new Date(a.start))}`} — {a.title}
              </li>
            ))}
          </ul>
          {state.preview.fresh.length + state.preview.duplicates.length > PREVIEW_LIMIT && (
            <p className="muted">{t('calendar.ics.more', { count: state.preview.fresh.length + state.preview.duplicates.length - PREVIEW_LIMIT })}</p>
          )}
          {state.step === 'importing' && (
            <div>
              <progress max={state.preview.fresh.length} value={state.done} aria-label={t('calendar.ics.importing', { done: state.done, total: state.preview.fresh.length })} />
              <span>{t('calendar.ics.importing', { done: state.done, total: state.preview.fresh.length })}</span>
            </div>
          )}
          <div className="dialog-actions">
            {state.preview.fresh.length > 0 ? (
              <button type="button" className="button primary" onClick={() => void confirm()} disabled={state.step === 'importing'}>
                {t('calendar.ics.confirm', { count: state.preview.fresh.length })}
              </button>
            ) : (
              <p>{t('calendar.ics.nothingNew')}</p>
            )}
            <button type="button" className="button secondary" onClick={close} disabled={state.step === 'importing'}>
              {t('common.cancel')}
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
