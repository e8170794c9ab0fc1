// What each record contributes to the overview's counts (docs/architecture.md, "Overview aggregates").
//
// A record's facts are a handful of counters in one partition — the record's table, province and
// amphoe. The totals kept in db.overviewTotals are, per partition, the sum of the facts of every live
// record, so a write changes them by (facts after − facts before) and nothing else is read. The
// overview derives everything else at read time from these few counters, including what depends on
// today's date (committees in office, terms ending within 90 days), so the totals never go stale
// with the calendar.
import { monthKey } from '../../../shared/thai/fiscal-year';
import { NEWS_INDEX_TABLE } from '../news-index/news-postings';

export const TOTALS_TABLE = 'overviewTotals';
export const ARRIVALS_TABLE = 'arrivals';
/** Local tables derived from the synced ones: never backed up, never synced (rebuilt from the records). */
export const DERIVED_LOCAL_TABLES: readonly string[] = [TOTALS_TABLE, ARRIVALS_TABLE, NEWS_INDEX_TABLE];

export const TRACKED_TABLES = ['members', 'centres', 'news', 'events', 'attendance'] as const;
export type TrackedTable = (typeof TRACKED_TABLES)[number];

export function isTrackedTable(name: string): name is TrackedTable {
  return (TRACKED_TABLES as readonly string[]).includes(name);
}

/** One partition's counters, as stored. `revision` counts its writes (tests use it to see what moved). */
export interface TotalsRow {
  key: string;
  table: TrackedTable;
  provinceCode: string;
  /** The amphoe, or null for a province-wide record. */
  districtCode: string | null;
  counts: Record<string, number>;
  revision: number;
}

export interface RecordFacts {
  partition: { table: TrackedTable; provinceCode: string; districtCode: string | null };
  counts: Map<string, number>;
}

// Fact keys are tuples joined by the ASCII unit separator: group names and categories are free text.
const SEP = '\u001f';

export function factKey(...parts: string[]): string {
  return parts.join(SEP);
}

export function splitFactKey(key: string): string[] {
  return key.split(SEP);
}

export function partitionKey(table: TrackedTable, provinceCode: string, districtCode: string | null): string {
  return factKey(table, provinceCode, districtCode ?? '-');
}

/** Fact kinds (the first part of a key). */
export const FACT = {
  /** members: tambon, centre id ('' none), role class, term start, term end ('' open) → people. */
  person: 'm',
  /** centres: tambon, centre id → 1. */
  centre: 'c',
  /** news: status → items. */
  newsStatus: 's',
  /** news: month published, category → items published (or published then archived). */
  newsPublished: 'p',
  /** events, one-off: month of start, type, id → 1. */
  activity: 'o',
  /** events, one-off: month of start, group → people expected. */
  expected: 'x',
  /** events, one-off: month of start, group → people counted (head counts typed in). */
  counted: 'a',
  /** events, recurring: id → 1 (expanded for the months asked, at read time). */
  series: 'r',
  /** attendance: event id, month checked in, group → people checked in by name. */
  checkIn: 'k',
} as const;

export type RoleClass = 'chair' | 'secretary' | 'other';

/** What completeness needs to know of a committee role (shared/roster/committee-status.ts). */
export function roleClassOf(role: string): RoleClass {
  return role === 'ประธาน' ? 'chair' : role === 'เลขานุการ' ? 'secretary' : 'other';
}

type Row = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const dateOf = (v: unknown): Date | null => {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

function groups(v: unknown): { group: string; count: number }[] {
  if (!Array.isArray(v)) return [];
  const out: { group: string; count: number }[] = [];
  for (const g of v as unknown[]) {
    if (typeof g !== 'object' || g === null) continue;
    const { group, count } = g as { group?: unknown; count?: unknown };
    if (typeof group === 'string' && typeof count === 'number' && Number.isFinite(count)) out.push({ group: group.trim(), count });
  }
  return out;
}

/** The amphoe an activity belongs to: its own district, else the one of its tambon (as the calendar's filter). */
export function eventDistrictOf(row: { districtCode?: unknown; placeTambonCode?: unknown }): string | null {
  return str(row.districtCode) ?? str(row.placeTambonCode)?.slice(0, 4) ?? null;
}

/**
 * The facts of one stored record (undefined: no record); null for a deleted record or one that
 * arrived incomplete (it counts once a later change completes it). Never throws: it runs inside
 * every write to these tables.
 */
export function factsOf(table: TrackedTable, record: unknown): RecordFacts | null {
  if (typeof record !== 'object' || record === null) return null;
  const row = record as Row;
  const provinceCode = str(row.provinceCode);
  if (row.deleted !== false || !provinceCode) return null;
  const counts = new Map<string, number>();
  const add = (key: string, n = 1) => {
    if (n !== 0) counts.set(key, (counts.get(key) ?? 0) + n);
  };
  let districtCode = str(row.districtCode);

  switch (table) {
    case 'members': {
      const tambon = str(row.tambonCode);
      if (!tambon) return null;
      districtCode ??= tambon.slice(0, 4);
      add(factKey(FACT.person, tambon, str(row.centreId) ?? '', roleClassOf(str(row.role) ?? ''), str(row.termStart) ?? '', str(row.termEnd) ?? ''));
      break;
    }
    case 'centres': {
      const tambon = str(row.tambonCode);
      const id = str(row.id);
      if (!tambon || !id) return null;
      districtCode ??= tambon.slice(0, 4);
      add(factKey(FACT.centre, tambon, id));
      break;
    }
    case 'news': {
      const status = str(row.status);
      if (!status) return null;
      add(factKey(FACT.newsStatus, status));
      const published = dateOf(row.publishedAt);
      if (published && (status === 'published' || status === 'archived')) add(factKey(FACT.newsPublished, monthKey(published), str(row.category) ?? ''));
      break;
    }
    case 'events': {
      const id = str(row.id);
      const start = dateOf(row.start);
      const type = str(row.type);
      if (!id || !start || !type) return null;
      districtCode = eventDistrictOf(row);
      if (str(row.rrule)) {
        add(factKey(FACT.series, id));
        break;
      }
      const month = monthKey(start);
      add(factKey(FACT.activity, month, type, id));
      for (const g of groups(row.expected)) add(factKey(FACT.expected, month, g.group), g.count);
      for (const g of groups(row.actual)) add(factKey(FACT.counted, month, g.group), g.count);
      break;
    }
    case 'attendance': {
      const eventId = str(row.eventId);
      const at = dateOf(row.checkedInAt);
      if (!eventId || !at) return null;
      add(factKey(FACT.checkIn, eventId, monthKey(at), (str(row.group) ?? '').trim()));
      break;
    }
  }
  return { partition: { table, provinceCode, districtCode }, counts };
}
