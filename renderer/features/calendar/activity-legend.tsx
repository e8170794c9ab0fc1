import { useLiveQuery } from 'dexie-react-hooks';
import { ACTIVITY_TYPES } from '../../../shared/domain/calendar-event';
import { compareThai } from '../../../shared/thai/thai-collation';
import { useDeskData } from '../../app/desk-data-context';
import { useSession } from '../../app/session-store';
import { useThaiAmphoes } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import type { MessageKey } from '../../app/i18n/translate';
import { useCalendarView } from './calendar-view-store';

/** The colour legend, which is also the type filter, and the district and organiser filters. */
export function ActivityLegend() {
  const t = useTranslate();
  const data = useDeskData();
  const scope = useSession((s) => s.scope);
  const places = useThaiAmphoes();
  const { filters, setFilters } = useCalendarView();
  const organisers = useLiveQuery(async () => (await data.events.organisers()).sort(compareThai), [data]);
  const amphoes = places?.amphoesOf(scope.provinceCode) ?? [];
  const active = filters.hiddenTypes.length > 0 || filters.districtCode !== '' || filters.organiser !== '';

  return (
    <div className="calendar-filters">
      <fieldset className="legend">
        <legend>{t('calendar.legend')}</legend>
        <ul>
          {ACTIVITY_TYPES.map((type) => (
            <li key={type}>
              <label>
                <input
                  type="checkbox"
                  checked={!filters.hiddenTypes.includes(type)}
                  onChange={(e) => setFilters({ hiddenTypes: e.target.checked ? filters.hiddenTypes.filter((x) => x !== type) : [...filters.hiddenTypes, type] })}
                />
                <span className={`swatch activity-${type}`} aria-hidden="true" />
                {t(`calendar.type.${type}` as MessageKey)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>{t('calendar.filters')}</legend>
        <label htmlFor="calendar-filter-district">{t('calendar.filter.district')}</label>
        <select id="calendar-filter-district" value={filters.districtCode} onChange={(e) => setFilters({ districtCode: e.target.value })}>
          <option value="">{t('calendar.filter.all')}</option>
          {amphoes.map((a) => (
            <option key={a.code} value={a.code}>
              {a.nameTh}
            </option>
          ))}
        </select>
        <label htmlFor="calendar-filter-organiser">{t('calendar.filter.organiser')}</label>
        <select id="calendar-filter-organiser" value={filters.organiser} onChange={(e) => setFilters({ organiser: e.target.value })}>
          <option value="">{t('calendar.filter.all')}</option>
          {(organisers ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        {active && (
          <button type="button" className="button secondary" onClick={() => setFilters({ hiddenTypes: [], districtCode: '', organiser: '' })}>
            {t('calendar.filter.clear')}
          </button>
        )}
      </fieldset>
    </div>
  );
}
