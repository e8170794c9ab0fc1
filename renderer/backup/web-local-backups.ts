import Dexie, { type EntityTable } from 'dexie';
import { LOCAL_BACKUP_NAME_PATTERN, type LocalBackupInfo, type LocalBackupReason } from '../../shared/ipc/desk-api';
import { fail, ok } from '../../shared/ipc/desk-result';
import type { LocalBackupStore } from './local-backup-store';

/**
 * The browser shell's rolling local backups: a separate IndexedDB database, so that wiping or
 * restoring the app's database never touches them. Same names, order and pruning as main's
 * electron/services/local-backups.ts. A browser's storage quota is small: keep fewer.
 */
export const WEB_LOCAL_BACKUPS_DATABASE = 'provincedesk-local-backups';
export const DEFAULT_KEEP_WEB_LOCAL_BACKUPS = 3;

interface StoredBackup extends LocalBackupInfo {
  data: Blob;
}

class LocalBackupDatabase extends Dexie {
  backups!: EntityTable<StoredBackup, 'name'>;
  constructor(options?: ConstructorParameters<typeof Dexie>[1]) {
    super(WEB_LOCAL_BACKUPS_DATABASE, options);
    this.version(1).stores({ backups: 'name, createdAt' });
  }
}

export interface WebLocalBackupsOptions {
  keep?: number;
  now?: () => Date;
  /** fake-indexeddb in Node tests. */
  dexieOptions?: ConstructorParameters<typeof Dexie>[1];
}

function nameOf(createdAt: Date, reason: LocalBackupReason): string {
  return `provincedesk-${createdAt.toISOString().replace(/[-:.]/g, '')}-${reason}.pdbackup`;
}

export function createWebLocalBackups(options: WebLocalBackupsOptions = {}): LocalBackupStore & { deleteAll(): Promise<void> } {
  const db = new LocalBackupDatabase(options.dexieOptions);
  const keep = Math.max(1, options.keep ?? DEFAULT_KEEP_WEB_LOCAL_BACKUPS);
  const now = options.now ?? (() => new Date());
  const describe = (error: unknown) => `เก็บไฟล์สำรองในเบราว์เซอร์ไม่ได้ — Could not keep the backup in the browser (${(error as Error).message}).`;
  return {
    async writeLocalBackup({ data, reason }) {
      try {
        return ok(
          await db.transaction('rw', db.backups, async () => {
            let created = now();
            while (await db.backups.get(nameOf(created, reason))) created = new Date(created.getTime() + 1);
            const info: LocalBackupInfo = { name: nameOf(created, reason), size: data.byteLength, createdAt: created.toISOString(), reason };
            await db.backups.add({ ...info, data: new Blob([data as Uint8Array<ArrayBuffer>]) });
            const stale = await db.backups.orderBy('createdAt').reverse().offset(keep).primaryKeys();
            await db.backups.bulkDelete(stale);
            return info;
          }),
        );
      } catch (error) {
        return fail('io', describe(error));
      }
    },
    async listLocalBackups() {
      try {
        const rows = await db.backups.orderBy('createdAt').reverse().toArray();
        return ok(rows.map(({ name, size, createdAt, reason }) => ({ name, size, createdAt, reason })));
      } catch (error) {
        return fail('io', describe(error));
      }
    },
    /** Remote wipe: every local backup goes, with the database that held them. */
    async deleteAll() {
      db.close();
      await db.delete();
    },
    async readLocalBackup({ name }) {
      if (!LOCAL_BACKUP_NAME_PATTERN.test(name)) return fail('invalid-argument', `ไม่ใช่ชื่อไฟล์สำรองในเครื่อง — "${name.slice(0, 100)}" is not a local backup name.`);
      const row = await db.backups.get(name);
      if (!row) return fail('not-found', `ไม่พบไฟล์สำรอง "${name}" — The backup "${name}" was not found.`);
      const data = new Uint8Array(await row.data.arrayBuffer());
      return ok({ name, size: data.byteLength, data });
    },
  };
}
