// Remote wipe on the device (issue 14): at its next contact the server answered `401 device-wiped`. Everything
// the app holds goes — the database (records, outbox, attachments' bytes, conflicts), the keyring, local
// backups, unsaved typing, the sign-in — and a Thai notice says what happened. A flag in localStorage keeps the
// notice up across a reload until someone acknowledges it; it holds a time and nothing else.
import Dexie from 'dexie';
import type { DeskApi } from '../../../shared/ipc/desk-api';
import { DEFAULT_DATABASE_NAME } from '../../db/database';
import { Keyring } from '../../security/keyring';
import { getSyncRuntime } from '../../sync/sync-runtime';

export const WIPED_AT_KEY = 'provincedesk.wipedAt';
const SETTINGS_KEY = 'provincedesk.settings';

export interface WipeTargets {
  desk: Pick<DeskApi, 'wipeLocalFiles'>;
  storage: Storage;
  /** The open app database, closed before it is deleted. */
  db?: Dexie;
  now?: () => Date;
}

export async function wipeThisDevice({ desk, storage, db, now = () => new Date() }: WipeTargets): Promise<void> {
  getSyncRuntime()?.stop();
  db?.close();
  await Dexie.delete(db?.name ?? DEFAULT_DATABASE_NAME);
  await Keyring.destroy();
  const files = await desk.wipeLocalFiles();
  if (!files.ok) console.warn('remote wipe: main could not delete everything', files.error.code);
  // Unsaved typing and anything else the app kept in this profile's localStorage; the settings (language,
  // server address) are not personal and stay.
  for (const key of Object.keys(storage)) if (key.startsWith('provincedesk.') && key !== SETTINGS_KEY) storage.removeItem(key);
  storage.setItem(WIPED_AT_KEY, now().toISOString());
}

export function wipedAt(storage: Storage): string | null {
  return storage.getItem(WIPED_AT_KEY);
}
