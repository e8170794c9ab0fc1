// The erasure screen's retention period, kept per device: it is an office's working choice on this
// machine, not roster data, so it lives in syncState (never synced) rather than in a synced table.
import { DEFAULT_RETENTION_YEARS } from '../../../shared/roster/erasure-rules';
import type { DeskDatabase } from '../../db/database';

export const RETENTION_YEARS_KEY = 'roster.retentionYears';
export const MAX_RETENTION_YEARS = 50;

/** A whole number of years in 0…50; anything else (a typo, a blank field) falls back sensibly. */
export function clampRetentionYears(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return DEFAULT_RETENTION_YEARS;
  return Math.max(0, Math.min(MAX_RETENTION_YEARS, Math.trunc(n)));
}

/** The saved period, or the default when none was saved (or the stored value is unusable). */
export async function loadRetentionYears(db: DeskDatabase): Promise<number> {
  const row = await db.syncState.get(RETENTION_YEARS_KEY);
  return typeof row?.value === 'number' ? clampRetentionYears(row.value) : DEFAULT_RETENTION_YEARS;
}

export async function saveRetentionYears(db: DeskDatabase, years: number): Promise<number> {
  const value = clampRetentionYears(years);
  await db.syncState.put({ key: RETENTION_YEARS_KEY, value });
  return value;
}
