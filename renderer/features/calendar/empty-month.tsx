import { useLiveQuery } from 'dexie-react-hooks';
import { startOfMonth } from '../../../shared/calendar/calendar-dates';
import { useDeskData } from '../../app/desk-data-context';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';

interface EmptyMonthProps {
  month: Date;
  onJump(month: Date): void;
}

/**
 * A month without activities, with a way to the latest one. Asks for the latest start only here,
 * so a busy month's first load neither reads it nor renders again when it arrives.
 */
export function EmptyMonth({ month, onJump }: EmptyMonthProps) {
  const t = useTranslate();
  const dates = useDateFormat();
  const data = useDeskData();
  const latestStart = useLiveQuery(() => data.events.latestStart(), [data]);
  return (
    <div className="empty-state">
      <p>{t('calendar.empty')}</p>
      {latestStart && startOfMonth(latestStart).getTime() !== month.getTime() && (
        <button type="button" className="button secondary" title={t('calendar.jumpToLatest')} onClick={() => onJump(startOfMonth(latestStart))}>
          {dates.monthHeading(latestStart)}
        </button>
      )}
    </div>
  );
}
