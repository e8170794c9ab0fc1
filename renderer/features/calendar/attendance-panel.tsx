import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { attendanceByGroup } from '../../../shared/calendar/attendance-totals';
import { normaliseThaiText } from '../../../shared/thai/search-tokens';
import { useDeskData } from '../../app/desk-data-context';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import type { LocalRecord } from '../../db/local-record';
import { errorText } from './error-text';
import { useCalendarRepositories } from './use-calendar-repositories';

const MEMBER_RESULTS = 8;

/**
 * Attendance: people checked in by name (from the rosters, or typed in) plus the head counts by
 * group from the form; per group and in all, each person counted once.
 */
export function AttendancePanel({ event }: { event: LocalRecord<'events'> }) {
  const t = useTranslate();
  const data = useDeskData();
  const scope = useSession((s) => s.scope);
  const { attendance } = useCalendarRepositories();
  const checkIns = useLiveQuery(() => attendance.ofEvent(event.id), [attendance, event.id]);
  const [query, setQuery] = useState('');
  const [name, setName] = useState('');
  const [group, setGroup] = useState(event.expected[0]?.group ?? '');
  const [error, setError] = useState<string | null>(null);
  const members = useLiveQuery(async () => {
    const q = normaliseThaiText(query.trim());
    if (!q) return [];
    return data.db.members
      .filter((m) => !m.deleted && normaliseThaiText(`${m.title}${m.firstName} ${m.lastName}`).includes(q))
      .limit(MEMBER_RESULTS)
      .toArray();
  }, [data, query]);

  const summary = attendanceByGroup(event.expected, event.actual, checkIns ?? []);
  const checkIn = async (memberId: string | null, personName: string) => {
    if (!personName.trim()) return setError(t('calendar.attendance.nameRequired'));
    if (!group.trim()) return setError(t('calendar.attendance.groupRequired'));
    try {
      await attendance.checkIn({ eventId: event.id, memberId, personName, group }, scope);
      setError(null);
      setName('');
      setQuery('');
    } catch (err) {
      setError(errorText(t, err));
    }
  };
  const submitWalkIn = (e: FormEvent) => {
    e.preventDefault();
    void checkIn(null, name);
  };

  return (
    <section className="attendance-panel" aria-labelledby="attendance-title">
      <h3 id="attendance-title">{t('calendar.attendance.title')}</h3>
      <table className="attendance-table" data-testid="attendance-table">
        <thead>
          <tr>
            <th scope="col">{t('calendar.attendance.group')}</th>
            <th scope="col">{t('calendar.attendance.expected')}</th>
            <th scope="col">{t('calendar.attendance.counted')}</th>
            <th scope="col">{t('calendar.attendance.checkedIn')}</th>
            <th scope="col">{t('calendar.attendance.total')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.groups.map((g) => (
            <tr key={g.group}>
              <th scope="row">{g.group}</th>
              <td>{g.expected}</td>
              <td>{g.counted}</td>
              <td>{g.checkedIn}</td>
              <td>{g.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('calendar.attendance.sum')}</th>
            <td>{summary.expected}</td>
            <td>{summary.groups.reduce((s, g) => s + g.counted, 0)}</td>
            <td>{summary.groups.reduce((s, g) => s + g.checkedIn, 0)}</td>
            <td data-testid="attendance-total">{summary.total}</td>
          </tr>
        </tfoot>
      </table>

      <form className="check-in-form" onSubmit={submitWalkIn} noValidate>
        <label htmlFor="check-in-group">{t('calendar.attendance.group')}</label>
        <input id="check-in-group" list="check-in-groups" value={group} onChange={(e) => setGroup(e.target.value)} />
        <datalist id="check-in-groups">
          {event.expected.map((g) => (
            <option key={g.group} value={g.group} />
          ))}
        </datalist>
        <label htmlFor="check-in-search">{t('calendar.attendance.fromRoster')}</label>
        <input id="check-in-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        {(members ?? []).length > 0 && (
          <ul className="member-results">
            {(members ?? []).map((m) => {
              const full = `${m.title}${m.firstName} ${m.lastName}`;
              return (
                <li key={m.id}>
                  <button type="button" className="button secondary" onClick={() => void checkIn(m.id, full)}>
                    {t('calendar.attendance.checkIn')}: {full}
                    {m.role ? ` (${m.role})` : ''}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <label htmlFor="check-in-name">{t('calendar.attendance.name')}</label>
        <div className="inline-row">
          <input id="check-in-name" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button primary">
            {t('calendar.attendance.checkIn')}
          </button>
        </div>
        {error && (
          <p className="message error" role="alert">
            {error}
          </p>
        )}
      </form>
      {checkIns && checkIns.length === 0 ? (
        <p className="muted">{t('calendar.attendance.none')}</p>
      ) : (
        <ul className="check-in-list">
          {(checkIns ?? []).map((c) => (
            <li key={c.id}>
              <span>{c.personName}</span> <span className="muted">{c.group}</span>
              <button type="button" className="icon-button" aria-label={t('calendar.attendance.undo', { name: c.personName })} onClick={() => void attendance.remove(c.id)}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
