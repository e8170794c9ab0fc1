import { addDays } from '../../../shared/calendar/calendar-dates';
import { formatTimeRange } from '../../../shared/calendar/thai-calendar-formats';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import type { Landing } from './keyboard-move';
import type { Carried, KeyboardMoveNote } from './use-keyboard-move';

/** The hint's id: every activity block is described by it, so a screen reader tells how to move one. */
export const KEYBOARD_HINT_ID = 'calendar-keyboard-hint';

interface KeyboardMoveStatusProps {
  carried: Carried | null;
  note: KeyboardMoveNote;
  onDrop(): void;
  onCancel(options: { keepFocus: boolean }): void;
}

/** How to move an activity with the keyboard, always shown under the calendar. */
export function KeyboardMoveHint() {
  const t = useTranslate();
  return (
    <p id={KEYBOARD_HINT_ID} className="muted keyboard-hint">
      {t('calendar.keyboardMove.hint')}
    </p>
  );
}

/**
 * While an activity is carried: where it would land and the keys, over the calendar's toolbar (so
 * the grid does not shift), with buttons for a pointer too; and a live region that says each step.
 */
export function KeyboardMoveStatus({ carried, note, onDrop, onCancel }: KeyboardMoveStatusProps) {
  const t = useTranslate();
  const dates = useDateFormat();
  const when = (l: Landing) =>
    l.allDay
      ? dates.range(l.start, addDays(l.end, -1))
      : dates.shortDate(l.start) === dates.shortDate(l.end)
        ? `${dates.shortDate(l.start)} ${formatTimeRange(l)}`
        : `${dates.shortDate(l.start)} ${dates.time(l.start)} – ${dates.shortDate(l.end)} ${dates.time(l.end)}`;
  const carrying = carried ? t('calendar.keyboardMove.carrying', { title: carried.item.title, when: when(carried.landing) }) : '';
  const said = note?.kind === 'cancelled' ? t('calendar.keyboardMove.cancelled', { title: note.title }) : note?.kind === 'shortest' ? t('calendar.keyboardMove.shortest') : carrying;
  return (
    <>
      {carried && (
        <div className="keyboard-move-status" data-testid="keyboard-move-status">
          <div>
            <strong>{carrying}</strong>
            {note?.kind === 'shortest' && <span className="keyboard-move-note"> · {t('calendar.keyboardMove.shortest')}</span>}
            <br />
            <span className="muted">{t('calendar.keyboardMove.keys')}</span>
          </div>
          <div className="button-group">
            <button type="button" className="button primary" onClick={onDrop}>
              {t('calendar.keyboardMove.drop')}
            </button>
            <button type="button" className="button secondary" onClick={() => onCancel({ keepFocus: true })}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
    </>
  );
}
