import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { addDays, localDateKey } from '../../../shared/calendar/calendar-dates';
import { parseThaiDate } from '../../../shared/thai/buddhist-era-date';
import { eventsToIcs } from '../../../shared/calendar/ics-export';
import { useDeskData } from '../../app/desk-data-context';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import { desk } from '../../bridge/desk-bridge';
import { dateText } from './event-draft-of';
import { ModalDialog } from './modal-dialog';

/** Export the activities of any range (default: what is on screen) as an .ics file. */
export function IcsExportDialog({ from, to, onClose }: { from: Date; to: Date; onClose(): void }) {
  const t = useTranslate();
  const data = useDeskData();
  const notices = useNotices();
  const era = useSession((s) => s.settings.era);
  const [fromText, setFromText] = useState(dateText(from, era));
  const [toText, setToText] = useState(dateText(addDays(to, -1), era));
  const start = parseThaiDate(fromText);
  const lastDay = parseThaiDate(toText);
  const valid = start !== null && lastDay !== null && lastDay >= start;
  const events = useLiveQuery(async () => (valid ? data.events.recordsBetween(start, addDays(lastDay, 1)) : []), [data, valid, start?.getTime(), lastDay?.getTime()]);

  const save = async () => {
    if (!valid || !events) return;
    const fileName = `provincedesk-${localDateKey(start)}-${localDateKey(lastDay)}.ics`;
    const result = await desk.saveFile({ suggestedName: fileName, filters: [{ name: 'iCalendar', extensions: ['ics'] }], data: eventsToIcs(events) });
    if (!result.ok) return notices.show(t('common.error', { message: result.error.message }), 'error');
    if (result.value.saved) {
      notices.show(t('calendar.exportDialog.saved', { count: events.length, file: result.value.fileName }));
      onClose();
    }
  };

  return (
    <ModalDialog title={t('calendar.exportDialog.title')} onClose={onClose}>
      <div className="form-row">
        <div>
          <label htmlFor="export-from">{t('calendar.exportDialog.from')}</label>
          <input id="export-from" className="date-input" inputMode="numeric" placeholder={t('calendar.form.datePlaceholder')} value={fromText} onChange={(e) => setFromText(e.target.value)} aria-invalid={!valid || undefined} />
        </div>
        <div>
          <label htmlFor="export-to">{t('calendar.exportDialog.to')}</label>
          <input id="export-to" className="date-input" inputMode="numeric" placeholder={t('calendar.form.datePlaceholder')} value={toText} onChange={(e) => setToText(e.target.value)} aria-invalid={!valid || undefined} />
        </div>
      </div>
      {valid ? (
        <p>{t('calendar.exportDialog.count', { count: events?.length ?? 0 })}</p>
      ) : (
        <p className="message error" role="alert">
          {t('calendar.exportDialog.badRange')}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={() => void save()} disabled={!valid || !events}>
          {t('calendar.exportDialog.save')}
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
