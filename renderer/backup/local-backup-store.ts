import type { DeskApi } from '../../shared/ipc/desk-api';

/** Where rolling local backups live: main's user-data folder (desk methods) or, in the browser shell, IndexedDB. */
export type LocalBackupStore = Pick<DeskApi, 'writeLocalBackup' | 'listLocalBackups' | 'readLocalBackup'>;
