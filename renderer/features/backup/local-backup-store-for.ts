import type { AppInfo } from '../../../shared/ipc/desk-api';
import { desk } from '../../bridge/desk-bridge';
import type { LocalBackupStore } from '../../backup/local-backup-store';
import { createWebLocalBackups } from '../../backup/web-local-backups';

let webStore: LocalBackupStore | null = null;

/**
 * The desktop keeps rolling backups in main's user-data folder (desk methods); the browser shell
 * has no main process and keeps them in an IndexedDB database of its own.
 */
export function localBackupStoreFor(shell: AppInfo['shell'] | undefined): LocalBackupStore {
  if (shell === 'electron') return desk;
  webStore ??= createWebLocalBackups();
  return webStore;
}
