// Activities per month by type, and people reached by group (expected against actual), for a range of
// whole months (a fiscal year, a quarter). One-off activities come from the totals' counters; the few
// recurring series are read by id and expanded for the range, as the calendar expands them. A series
// counts each occurrence, with its participant groups, once per occurrence.
import { ACTIVITY_TYPES, type ActivityType } from '../../../shared/domain/calendar-event';
import { expandOccurrences } from '../../../shared/calendar/recurrence';
import { monthKey, monthKeysOf, type DateRange } from '../../../shared/thai/fiscal-year';
import type { LocalRecord } from '../local-record';
import { FACT, splitFactKey, type TotalsRow } from './overview-facts';

export interface ReachByGroup {
  group: string;
  expected: number;
  /** Head counts typed in plus people checked in by name (shared/calendar/attendance-totals.ts). */
  actual: number;
}

export interface ActivitySummary {
  months: string[];
  /** month → type → activities (occurrences) starting that month. */
  byMonth: Record<string, Record<ActivityType, number>>;
  total: number;
  byType: Record<ActivityType, number>;
  reach: ReachByGroup[];
  /** Expected and actual over all groups. */
  reachTotal: { expected: number; actual: number };
}

const zeroByType = () => Object.fromEntries(ACTIVITY_TYPES.map((t) => [t, 0])) as Record<ActivityType, number>;

/** The ids of the recurring series the events' totals name (read them with bulkGet). */
export function seriesIdsOf(eventRows: readonly TotalsRow[]): string[] {
  const ids: string[] = [];
  for (const row of eventRows) for (const key of Object.keys(row.counts)) if (key.startsWith(`${FACT.series}\u001f`)) ids.push(splitFactKey(key)[1]!);
  return ids;
}

/**
 * @param eventRows the events' totals in scope
 * @param series the live recurring activities in scope (from seriesIdsOf)
 * @param attendanceRows the attendance totals of the whole province (check-ins count with their activity's scope)
 */
export function activitySummary(range: DateRange, eventRows: readonly TotalsRow[], series: readonly LocalRecord<'events'>[], attendanceRows: readonly TotalsRow[]): ActivitySummary {
  const months = monthKeysOf(range);
  const inRange = new Set(months);
  const byMonth = Object.fromEntries(months.map((m) => [m, zeroByType()])) as Record<string, Record<ActivityType, number>>;
  const byType = zeroByType();
  let total = 0;
  const reach = new Map<string, ReachByGroup>();
  const group = (name: string) => {
    let found = reach.get(name);
    if (!found) reach.set(name, (found = { group: name, expected: 0, actual: 0 }));
    return found;
  };
  const count = (month: string, type: ActivityType, n: number) => {
    const row = byMonth[month];
    if (!row || !(type in row)) return;
    row[type] += n;
    byType[type] += n;
    total += n;
  };

  const oneOffs = new Set<string>();
  for (const row of eventRows) {
    for (const [key, n] of Object.entries(row.counts)) {
      const [kind, month = '', a = '', b = ''] = splitFactKey(key);
      if (!inRange.has(month)) continue;
      if (kind === FACT.activity) {
        count(month, a as ActivityType, n);
        oneOffs.add(b);
      } else if (kind === FACT.expected) group(a).expected += n;
      else if (kind === FACT.counted) group(a).actual += n;
    }
  }

  const seriesIds = new Set<string>();
  for (const event of series) {
    seriesIds.add(event.id);
    let occurrences;
    try {
      occurrences = expandOccurrences(event, range.from, range.to).filter((o) => o.start >= range.from);
    } catch {
      continue; // a rule that does not parse draws nothing on the calendar either
    }
    for (const o of occurrences) count(monthKey(o.start), event.type, 1);
    for (const g of event.expected) group(g.group.trim()).expected += g.count * occurrences.length;
    for (const g of event.actual) group(g.group.trim()).actual += g.count * occurrences.length;
  }

  for (const row of attendanceRows) {
    for (const [key, n] of Object.entries(row.counts)) {
      const [kind, eventId = '', month = '', name = ''] = splitFactKey(key);
      if (kind !== FACT.checkIn) continue;
      // A one-off's check-ins count with the activity; a series' by the month they were taken.
      if (oneOffs.has(eventId) || (seriesIds.has(eventId) && inRange.has(month))) group(name).actual += n;
    }
  }

  const groups = [...reach.values()].filter((g) => g.expected > 0 || g.actual > 0);
  return {
    months,
    byMonth,
    total,
    byType,
    reach: groups,
    reachTotal: { expected: groups.reduce((s, g) => s + g.expected, 0), actual: groups.reduce((s, g) => s + g.actual, 0) },
  };
}

/** The months that have activities or published news, for the fiscal-year picker. */
export function monthsWithData(rows: readonly TotalsRow[]): Set<string> {
  const months = new Set<string>();
  const activity = `${FACT.activity}\u001f`;
  const published = `${FACT.newsPublished}\u001f`;
  for (const row of rows) {
    for (const key of Object.keys(row.counts)) {
      // The month is the second part of both kinds: read it without splitting every key.
      if (key.startsWith(activity) || key.startsWith(published)) months.add(key.slice(2, 9));
    }
  }
  return months;
}
