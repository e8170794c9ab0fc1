import { useMemo } from 'react';
import { useDeskData } from '../../app/desk-data-context';
import { useSession } from '../../app/session-store';
import { OverviewRepository, type OverviewScope } from '../../db/overview/overview-repository';
import { useCalendarView } from '../calendar/calendar-view-store';

const repositories = new WeakMap<object, OverviewRepository>();

/** The overview's reads over the app's one database. */
export function useOverviewRepository(): OverviewRepository {
  const { db } = useDeskData();
  let found = repositories.get(db);
  if (!found) repositories.set(db, (found = new OverviewRepository(db)));
  return found;
}

export interface OverviewScopeState {
  scope: OverviewScope;
  /** An officer's overview is their own district: the amphoe filter is fixed. */
  locked: boolean;
  setDistrict(code: string): void;
}

/**
 * Whose figures the overview shows: an officer's own district, else the province or the amphoe chosen
 * in the filter — the same filter the calendar has (one choice, kept while moving between the screens).
 */
export function useOverviewScope(): OverviewScopeState {
  const role = useSession((s) => s.role);
  const { provinceCode, districtCode } = useSession((s) => s.scope);
  const filtered = useCalendarView((s) => s.filters.districtCode);
  const setFilters = useCalendarView((s) => s.setFilters);
  const locked = role === 'officer' && districtCode !== null;
  const chosen = locked ? districtCode : filtered || null;
  return useMemo(() => ({ scope: { provinceCode, districtCode: chosen }, locked, setDistrict: (code: string) => setFilters({ districtCode: code }) }), [provinceCode, chosen, locked, setFilters]);
}
