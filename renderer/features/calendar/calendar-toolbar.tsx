import type { ToolbarProps } from 'react-big-calendar';
import { useTranslate } from '../../app/use-translate';
import type { MessageKey } from '../../app/i18n/translate';
import { CALENDAR_VIEWS } from './calendar-view-store';
import type { CalendarItem } from './calendar-items';

/** Thai toolbar: today / previous / next, the range heading, and the four views as toggle buttons. */
export function CalendarToolbar({ label, onNavigate, onView, view }: ToolbarProps<CalendarItem>) {
  const t = useTranslate();
  return (
    <div className="calendar-toolbar">
      <div className="button-group">
        <button type="button" className="button secondary" onClick={() => onNavigate('TODAY')}>
          {t('calendar.today')}
        </button>
        <button type="button" className="button secondary" onClick={() => onNavigate('PREV')} aria-label={t('calendar.previous')}>
          ‹ {t('calendar.previous')}
        </button>
        <button type="button" className="button secondary" onClick={() => onNavigate('NEXT')} aria-label={t('calendar.next')}>
          {t('calendar.next')} ›
        </button>
      </div>
      <h2 className="calendar-range-heading" data-testid="range-heading" aria-live="polite">
        {label}
      </h2>
      <div className="button-group" role="group" aria-label={t('calendar.views')}>
        {CALENDAR_VIEWS.map((v) => (
          <button key={v} type="button" className={`button ${view === v ? 'primary' : 'secondary'}`} aria-pressed={view === v} onClick={() => onView(v)}>
            {t(`calendar.${v}` as MessageKey)}
          </button>
        ))}
      </div>
    </div>
  );
}
