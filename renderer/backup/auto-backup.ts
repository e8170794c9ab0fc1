import type Dexie from 'dexie';
import type { BackupSchedule, LocalBackupInfo } from '../../shared/ipc/desk-api';
import type { DeskResult } from '../../shared/ipc/desk-result';
import { DeskDatabase } from '../db/database';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../db/schema-versions';
import type { DatabaseFactory } from './backup-restore';
import type { LocalBackupStore } from './local-backup-store';
import type { BackupEncryption } from './backup-encryption';

// The export code (dexie-export-import, a sixth of the first script) is fetched only when a backup is
// taken, after the first screen: start-up checks whether one is due without it (issue 13).
const loadExport = () => import('./backup-export');

/** syncState key of the last automatic backup: { at: ISO time, name }. */
export const LAST_AUTO_BACKUP_KEY = 'lastAutoBackup';

const DAY_MS = 24 * 60 * 60 * 1000;

function bangkokDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(date);
}

/**
 * Is a scheduled backup due? Daily: none yet on today's date in Bangkok (an office day, not a
 * rolling 24 hours, so the first start of each day takes it). Weekly: none in the last 7 days.
 * A last backup "in the future" (the PC clock was wrong) counts as none.
 */
export function isBackupDue(schedule: BackupSchedule, lastAt: Date | null, now: Date): boolean {
  if (schedule === 'off') return false;
  if (!lastAt || Number.isNaN(lastAt.getTime()) || lastAt.getTime() > now.getTime()) return true;
  if (schedule === 'daily') return bangkokDay(lastAt) !== bangkokDay(now);
  return now.getTime() - lastAt.getTime() >= 7 * DAY_MS;
}

export async function lastAutoBackupAt(db: Dexie): Promise<Date | null> {
  const row: unknown = await db.table('syncState').get(LAST_AUTO_BACKUP_KEY);
  const at = (row as { value?: { at?: unknown } } | undefined)?.value?.at;
  return typeof at === 'string' ? new Date(at) : null;
}

export interface ScheduledBackupOptions {
  db: Dexie;
  store: LocalBackupStore;
  schedule: BackupSchedule;
  appVersion: string;
  now?: () => Date;
  /** The app: the device's data key (issue 14), so a local backup is no copy in clear. */
  encryption?: BackupEncryption | null;
}

/** Takes the scheduled backup when it is due; null when it was not (or its code cannot be fetched now). Never throws: a failed backup is reported, the app goes on. */
export async function runScheduledBackup(options: ScheduledBackupOptions): Promise<DeskResult<LocalBackupInfo> | null> {
  const now = options.now ?? (() => new Date());
  const started = now();
  if (!isBackupDue(options.schedule, await lastAutoBackupAt(options.db), started)) return null;
  let exportBackup: Awaited<ReturnType<typeof loadExport>>['exportBackup'];
  try {
    ({ exportBackup } = await loadExport());
  } catch {
    // Its code could not be fetched: the browser shell gone offline before its service worker kept the file.
    // Nothing failed that the user must hear of: the backup stays due and a later start takes it.
    return null;
  }
  try {
    const { file } = await exportBackup(options.db, { appVersion: options.appVersion, now, encryption: options.encryption });
    const written = await options.store.writeLocalBackup({ data: file, reason: 'daily' });
    if (written.ok) await options.db.table('syncState').put({ key: LAST_AUTO_BACKUP_KEY, value: { at: started.toISOString(), name: written.value.name } });
    return written;
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: (error as Error).message } };
  }
}

/** The schema version of a stored database, without opening (and so creating) it; null when there is none. */
async function storedSchemaVersion(name: string, factory: IDBFactory = globalThis.indexedDB): Promise<number | null> {
  const stored = (await factory.databases()).find((d) => d.name === name);
  return stored?.version ? Math.round(stored.version / 10) : null;
}

const upgradeWaits = (storedVersion: number | null): storedVersion is number => storedVersion !== null && storedVersion > 0 && storedVersion < CURRENT_SCHEMA_VERSION;

/** Whether opening the database would upgrade a stored older schema (then backupBeforeMigration comes first). */
export async function schemaUpgradeWaits(name: string, factory?: IDBFactory): Promise<boolean> {
  return upgradeWaits(await storedSchemaVersion(name, factory));
}

export interface MigrationBackupOptions {
  /** The app's database name (DEFAULT_DATABASE_NAME). */
  name: string;
  store: LocalBackupStore;
  appVersion: string;
  indexedDB?: IDBFactory;
  createDatabase?: DatabaseFactory;
  now?: () => Date;
  encryption?: BackupEncryption | null;
}

export type MigrationBackupOutcome =
  | { state: 'not-needed'; storedVersion: number | null }
  | { state: 'backed-up'; storedVersion: number; backup: LocalBackupInfo }
  | { state: 'failed'; storedVersion: number; message: string };

/**
 * Call BEFORE the app opens its database: if the stored database has an older schema than
 * CURRENT_SCHEMA_VERSION, opening it would run the upgrades, so export it first, exactly as it is,
 * into a local backup. indexedDB.databases() gives the stored version without opening (and thus
 * without creating) anything; Dexie stores version × 10.
 */
export async function backupBeforeMigration(options: MigrationBackupOptions): Promise<MigrationBackupOutcome> {
  const storedVersion = await storedSchemaVersion(options.name, options.indexedDB);
  if (!upgradeWaits(storedVersion)) return { state: 'not-needed', storedVersion };
  const createDatabase = options.createDatabase ?? ((name, versions) => new DeskDatabase(name, undefined, versions));
  // Declared up to the stored version only: opening it runs no upgrade.
  const old = createDatabase(options.name, SCHEMA_VERSIONS.filter((v) => v.version <= storedVersion));
  try {
    await old.open();
    const { exportBackup } = await loadExport();
    const { file } = await exportBackup(old, { appVersion: options.appVersion, now: options.now, encryption: options.encryption });
    const written = await options.store.writeLocalBackup({ data: file, reason: 'before-migration' });
    return written.ok ? { state: 'backed-up', storedVersion, backup: written.value } : { state: 'failed', storedVersion, message: written.error.message };
  } catch (error) {
    return { state: 'failed', storedVersion, message: (error as Error).message };
  } finally {
    old.close();
  }
}
