// Actual attendance per group: people counted by group (walk-ins, a head count) plus people
// checked in by name from the rosters. Each person is counted once, in one group, so the
// group totals always add up to the grand total.
import type { ParticipantGroup } from '../domain/calendar-event';

export interface CheckIn {
  group: string;
}

export interface GroupTotal {
  group: string;
  expected: number;
  counted: number;
  checkedIn: number;
  total: number;
}

export interface AttendanceSummary {
  groups: GroupTotal[];
  expected: number;
  total: number;
}

/** Groups in the order the activity lists them, then groups only check-ins name. */
export function attendanceByGroup(expected: readonly ParticipantGroup[], counted: readonly ParticipantGroup[], checkIns: readonly CheckIn[]): AttendanceSummary {
  const rows = new Map<string, GroupTotal>();
  const row = (group: string) => {
    const key = group.trim();
    let found = rows.get(key);
    if (!found) {
      found = { group: key, expected: 0, counted: 0, checkedIn: 0, total: 0 };
      rows.set(key, found);
    }
    return found;
  };
  for (const g of expected) row(g.group).expected += g.count;
  for (const g of counted) row(g.group).counted += g.count;
  for (const c of checkIns) row(c.group).checkedIn += 1;
  const groups = [...rows.values()].map((g) => ({ ...g, total: g.counted + g.checkedIn }));
  return {
    groups,
    expected: groups.reduce((sum, g) => sum + g.expected, 0),
    total: groups.reduce((sum, g) => sum + g.total, 0),
  };
}
