import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { DEFAULT_RETENTION_YEARS, retentionCutoff } from '../../../shared/roster/erasure-rules';
import { canErase } from '../../../shared/roster/reveal-policy';
import { useNotices } from '../../app/notice-store';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import { errorMessage } from './error-message';
import { dateOfIso } from './iso-dates';
import { fullName } from './person-row';
import { clampRetentionYears, loadRetentionYears, MAX_RETENTION_YEARS, saveRetentionYears } from './retention-setting';
import { useRosterActor, useRosterData } from './use-roster-data';

/** PDPA retention: people whose term ended more than N years ago, for erasure (coordinators and admins). */
export function ErasurePage() {
  const t = useTranslate();
  const dates = useDateFormat();
  const { data, people } = useRosterData();
  const actor = useRosterActor();
  const show = useNotices((s) => s.show);
  const saved = useLiveQuery(() => loadRetentionYears(data.db), [data]);
  // What is typed shows at once; the saved value (per device) only seeds the field.
  const [typed, setTyped] = useState<number | null>(null);
  const years = typed ?? saved ?? DEFAULT_RETENTION_YEARS;
  const setYears = (value: number) => {
    setTyped(value);
    saveRetentionYears(data.db, value).catch((error: unknown) => show(errorMessage(error, t), 'error'));
  };
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const cutoff = retentionCutoff(new Date(), years);
  const loaded = saved !== undefined;
  const due = useLiveQuery(() => (loaded ? people.dueForErasure(cutoff) : undefined), [people, cutoff, loaded]);
  const allowed = canErase(actor);

  const erase = async () => {
    if (!window.confirm(t('roster.erase.confirmMany', { count: selected.size }))) return;
    setBusy(true);
    try {
      for (const id of selected) await people.erase(id, actor);
      show(t('roster.erase.done', { count: selected.size }));
      setSelected(new Set());
    } catch (error) {
      show(errorMessage(error, t), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2>{t('roster.erasure.title')}</h2>
      <p className="lead">{t('roster.erasure.lead')}</p>
      <label className="roster-search">
        {t('roster.erasure.years')}
        <input type="number" min={0} max={MAX_RETENTION_YEARS} value={years} disabled={!loaded} onChange={(e) => setYears(clampRetentionYears(Number(e.target.value) || 0))} />
      </label>
      <p className="muted">{t('roster.erasure.cutoff', { date: dates.shortDate(dateOfIso(cutoff)) })}</p>
      {!allowed && <p className="notice">{t('roster.erasure.notAllowed')}</p>}
      {due === undefined ? (
        <p>{t('common.loading')}</p>
      ) : due.length === 0 ? (
        <p className="empty-state" role="status">
          {t('roster.erasure.none')}
        </p>
      ) : (
        <>
          <ul className="roster-history" aria-label={t('roster.erasure.title')}>
            {due.map((p) => (
              <li key={p.id}>
                <label className="checkbox">
                  <input type="checkbox" disabled={!allowed} checked={selected.has(p.id)} onChange={(e) => setSelected((s) => { const next = new Set(s); if (e.target.checked) next.add(p.id); else next.delete(p.id); return next; })} /> {fullName(p)}
                </label>{' '}
                <span className="muted">{t('roster.erasure.ended', { date: p.termEnd ? dates.shortDate(dateOfIso(p.termEnd)) : '' })}</span>
              </li>
            ))}
          </ul>
          {allowed && (
            <button type="button" className="button danger" disabled={busy || selected.size === 0} onClick={() => void erase()}>
              {t('roster.erasure.run', { count: selected.size })}
            </button>
          )}
        </>
      )}
    </>
  );
}
