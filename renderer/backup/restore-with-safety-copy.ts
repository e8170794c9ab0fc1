import type { LocalBackupInfo } from '../../shared/ipc/desk-api';
import type { DeskDatabase } from '../db/database';
import { exportBackup } from './backup-export';
import type { InspectedBackup } from './backup-inspect';
import type { OnBackupProgress } from './backup-progress';
import { restoreBackup, type DatabaseFactory, type RestoreOutcome } from './backup-restore';
import type { BackupEncryption } from './backup-encryption';
import type { LocalBackupStore } from './local-backup-store';

export interface RestoreWithSafetyCopyOptions {
  store: LocalBackupStore;
  appVersion: string;
  onProgress?: OnBackupProgress;
  /** Called when the safety copy starts, for the UI to say so. */
  onSafetyCopy?: () => void;
  createDatabase?: DatabaseFactory;
  /** The safety copy's encryption (the app: the device's data key). */
  encryption?: BackupEncryption | null;
}

export type SafetyCopyFailure = { ok: false; message: string };

/**
 * A restore as the user runs it: first the current data goes into a local backup ('before-restore'),
 * and only if that was written does the restore start. Throws BackupError if the restore fails (the
 * data is then unchanged, see restoreBackup).
 */
export async function restoreWithSafetyCopy(
  db: DeskDatabase,
  backup: InspectedBackup,
  options: RestoreWithSafetyCopyOptions,
): Promise<({ ok: true; safetyCopy: LocalBackupInfo } & RestoreOutcome) | SafetyCopyFailure> {
  options.onSafetyCopy?.();
  let written: Awaited<ReturnType<LocalBackupStore['writeLocalBackup']>>;
  try {
    const { file } = await exportBackup(db, { appVersion: options.appVersion, encryption: options.encryption });
    written = await options.store.writeLocalBackup({ data: file, reason: 'before-restore' });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (!written.ok) return { ok: false, message: written.error.message };
  const outcome = await restoreBackup(db, backup, { onProgress: options.onProgress, createDatabase: options.createDatabase });
  return { ok: true, safetyCopy: written.value, ...outcome };
}
