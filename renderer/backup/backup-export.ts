import type Dexie from 'dexie';
import { exportDB, peakImportFile } from 'dexie-export-import';
import { DERIVED_LOCAL_TABLES } from '../db/overview/overview-facts';
import { BackupError } from './backup-error';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, encodeBackupFile, sha256Hex, type BackupHeader } from './backup-format';
import type { OnBackupProgress } from './backup-progress';
import { encryptBackupFile, type BackupEncryption } from './backup-encryption';

export interface ExportBackupOptions {
  appVersion: string;
  now?: () => Date;
  onProgress?: OnBackupProgress;
  /** Rows per chunk read from IndexedDB (dexie-export-import streams the tables in chunks). */
  rowsPerChunk?: number;
  /** How the file is encrypted (issue 14); the app always gives one, only tests of the inner format leave it out. */
  encryption?: BackupEncryption | null;
}

export interface ExportedBackup {
  header: BackupHeader;
  /** The whole file: header line + body (format 1), or their encryption (format 2). */
  file: Uint8Array<ArrayBuffer>;
}

/**
 * Exports the whole database, photos included, into one backup file. dexie-export-import reads
 * every table in one read transaction, so the counts in the header are those of one moment.
 */
export async function exportBackup(db: Dexie, options: ExportBackupOptions): Promise<ExportedBackup> {
  const now = options.now ?? (() => new Date());
  let exported: Blob;
  try {
    if (!db.isOpen()) await db.open();
    exported = await exportDB(db, {
      numRowsPerChunk: options.rowsPerChunk ?? 500,
      // Counters derived from the records: a restore counts them again as it writes the records.
      skipTables: [...DERIVED_LOCAL_TABLES],
      progressCallback: ({ completedRows, totalRows }) => {
        options.onProgress?.({ phase: 'export', done: completedRows, total: totalRows ?? completedRows });
        return true;
      },
    });
  } catch (error) {
    throw new BackupError('export-failed', (error as Error).message, { cause: error });
  }
  const meta = await peakImportFile(exported);
  const body = new Uint8Array(await exported.arrayBuffer());
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: meta.data.databaseVersion,
    appVersion: options.appVersion.slice(0, 50),
    createdAt: now().toISOString(),
    deviceId: await readDeviceId(db),
    counts: Object.fromEntries(meta.data.tables.map((t) => [t.name, t.rowCount])),
    bodyBytes: body.byteLength,
    bodySha256: await sha256Hex(body),
  };
  const inner = encodeBackupFile(header, body);
  return { header, file: options.encryption ? await encryptBackupFile(inner, options.encryption, new Date(header.createdAt)) : inner };
}

async function readDeviceId(db: Dexie): Promise<string | null> {
  const row: unknown = await db.table('syncState').get('device');
  const value = (row as { value?: unknown } | undefined)?.value;
  return typeof value === 'string' ? value.slice(0, 100) : null;
}
