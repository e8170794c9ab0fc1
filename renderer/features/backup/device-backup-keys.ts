import type { BackupEncryption, BackupSecrets } from '../../backup/backup-encryption';
import { currentKeys } from '../lock/app-lock';

/** Automatic local backups are encrypted with the device's current data key (only this computer opens them). */
export function deviceBackupEncryption(): BackupEncryption | null {
  const keys = currentKeys();
  const key = keys?.dataKeys.get(keys.currentDataKeyId);
  return keys && key ? { source: 'device', keyId: keys.currentDataKeyId, key } : null;
}

/** What opens a backup on this computer without asking: its data keys. */
export function deviceBackupSecrets(): BackupSecrets {
  return { deviceKeys: currentKeys()?.dataKeys };
}
