import { THAI_WEEKDAY_HEADS, THAI_WEEKDAYS } from '../../../shared/thai/buddhist-era-date';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import { monthWeeks } from './month-grid';

interface MiniMonthProps {
  month: Date;
  busyDays: ReadonlySet<number>;
  selected: Date;
  onMonth(month: Date): void;
  onDay(day: Date): void;
}

/** The office website's sidebar calendar: « month year », Sunday first, busy days marked. */
export function MiniMonth({ month, busyDays, selected, onMonth, onDay }: MiniMonthProps) {
  const t = useTranslate();
  const dates = useDateFormat();
  const y = month.getFullYear();
  const m = month.getMonth();
  const today = new Date();
  const isSame = (a: Date, day: number) => a.getFullYear() === y && a.getMonth() === m && a.getDate() === day;
  return (
    <nav className="mini-month" aria-label={t('calendar.miniMonth')}>
      <div className="mini-month-head">
        <button type="button" className="icon-button" onClick={() => onMonth(new Date(y, m - 1, 1))} aria-label={t('calendar.previous')}>
          «
        </button>
        <h2 data-testid="month-heading">{dates.monthHeading(month)}</h2>
        <button type="button" className="icon-button" onClick={() => onMonth(new Date(y, m + 1, 1))} aria-label={t('calendar.next')}>
          »
        </button>
      </div>
      <table>
        <thead>
          <tr>
            {THAI_WEEKDAY_HEADS.map((d, i) => (
              <th key={d} scope="col" abbr={THAI_WEEKDAYS[i]}>
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(y, m).map((week, w) => (
            <tr key={w}>
              {week.map((day, i) => {
                if (day === null) return <td key={i} />;
                const classes = [busyDays.has(day) ? 'busy' : '', isSame(today, day) ? 'today' : '', isSame(selected, day) ? 'selected' : ''].filter(Boolean).join(' ');
                return (
                  <td key={i} className={classes || undefined}>
                    <button type="button" onClick={() => onDay(new Date(y, m, day))} aria-label={dates.longDate(new Date(y, m, day))} aria-current={isSame(today, day) ? 'date' : undefined}>
                      {day}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </nav>
  );
}
