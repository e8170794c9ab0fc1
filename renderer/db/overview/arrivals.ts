// "Since you were last here": what other people's changes brought to this device. The totals
// middleware sees every write with the record before and after it; a write whose changed fields all
// carry another device's clock stamps came from a sync pull, and the few kinds a coordinator wants
// to hear about are logged in db.arrivals with the time they arrived (not the time they were typed:
// a colleague may have been offline for days).
import { parseStamp, isStamp } from '../../../shared/sync/hybrid-logical-clock';
import { eventDistrictOf, type TrackedTable } from './overview-facts';

export const ARRIVAL_KINDS = ['news-submitted', 'news-published', 'event-added', 'event-moved', 'centre-added', 'people-added'] as const;
export type ArrivalKind = (typeof ARRIVAL_KINDS)[number];

export interface ArrivalRow {
  seq?: number;
  /** When it arrived on this device. */
  at: string;
  kind: ArrivalKind;
  /** The record to open; null on a line that stands for many (a large pull). */
  recordId: string | null;
  title: string;
  /** Whoever the record names (the news author, the activity's organiser); '' when it names nobody. */
  who: string;
  provinceCode: string;
  districtCode: string | null;
  count: number;
}

/** More than this many of one kind in one write (a first pull) are logged as one line with a count. */
export const ARRIVALS_PER_LINE = 20;
/** Arrivals older than this are dropped when the overview marks what was seen. */
export const ARRIVALS_KEPT_DAYS = 90;

type Row = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function stampsOf(row: Row | undefined): Record<string, unknown> {
  const stamps = row?._stamps;
  return typeof stamps === 'object' && stamps !== null ? (stamps as Record<string, unknown>) : {};
}

/**
 * Whether a write came from elsewhere: some field got a new stamp and every new stamp is another
 * node's. A local write stamps with this device's node; an unchanged re-store changes no stamp.
 */
export function isRemoteWrite(before: Row | undefined, after: Row, localNode: string | null): boolean {
  if (!localNode) return false;
  const was = stampsOf(before);
  let changed = 0;
  for (const [field, stamp] of Object.entries(stampsOf(after))) {
    if (was[field] === stamp) continue;
    if (typeof stamp !== 'string' || !isStamp(stamp) || parseStamp(stamp).node === localNode) return false;
    changed++;
  }
  return changed > 0;
}

const isLive = (row: Row | undefined): row is Row => row !== undefined && row.deleted === false;

/** The arrival lines one remote write makes (without `at`): usually none or one. */
export function arrivalsOf(table: TrackedTable, before: Row | undefined, after: Row): Omit<ArrivalRow, 'at'>[] {
  if (!isLive(after)) return [];
  const base = { recordId: str(after.id), provinceCode: str(after.provinceCode), districtCode: (after.districtCode as string | null) ?? null, count: 1 };
  const fresh = !isLive(before);
  switch (table) {
    case 'news': {
      const status = str(after.status);
      if (!fresh && before.status === status) return [];
      const line = { ...base, title: str(after.title), who: str(after.authorName) };
      if (status === 'in_review') return [{ ...line, kind: 'news-submitted' }];
      if (status === 'published') return [{ ...line, kind: 'news-published' }];
      return [];
    }
    case 'events': {
      const line = { ...base, districtCode: eventDistrictOf(after), title: str(after.title), who: str(after.organiser) };
      if (fresh) return [{ ...line, kind: 'event-added' }];
      if (before.start !== after.start || before.end !== after.end || before.rrule !== after.rrule) return [{ ...line, kind: 'event-moved' }];
      return [];
    }
    case 'centres':
      return fresh ? [{ ...base, kind: 'centre-added', title: str(after.name), who: '' }] : [];
    case 'members':
      return fresh ? [{ ...base, kind: 'people-added', title: '', who: '' }] : [];
    default:
      return [];
  }
}

/**
 * Many lines of one kind and amphoe become one line with their count (people always do: a person
 * is counted, never listed), so a first pull of a province logs a few lines, not thousands.
 */
export function collapseArrivals(lines: readonly Omit<ArrivalRow, 'at'>[], perLine = ARRIVALS_PER_LINE): Omit<ArrivalRow, 'at'>[] {
  const groups = new Map<string, Omit<ArrivalRow, 'at'>[]>();
  for (const line of lines) {
    const key = `${line.kind}|${line.provinceCode}|${line.districtCode ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(line);
    else groups.set(key, [line]);
  }
  const out: Omit<ArrivalRow, 'at'>[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    if (list.length <= perLine && first.kind !== 'people-added') out.push(...list);
    else out.push({ ...first, recordId: null, title: '', who: '', count: list.reduce((n, l) => n + l.count, 0) });
  }
  return out;
}
