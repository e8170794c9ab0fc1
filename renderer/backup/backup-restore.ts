import type Dexie from 'dexie';
import { importInto } from 'dexie-export-import';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import { DeskDatabase } from '../db/database';
import { DEVICE_KEY } from '../db/device-clock';
import { ARRIVALS_TABLE, DERIVED_LOCAL_TABLES } from '../db/overview/overview-facts';
import { SCHEMA_VERSIONS, type SchemaVersion } from '../db/schema-versions';
import { SEALING_STATE_KEY } from '../db/at-rest/seal-existing-rows';
import { PULL_STATE_KEY } from '../sync/sync-records';
import { BackupError } from './backup-error';
import { schemaVersionsUpTo, type InspectedBackup } from './backup-inspect';
import type { OnBackupProgress } from './backup-progress';

/** Opens (creating if need be) a database with the given versions; tests pass a fake-indexeddb one. */
export type DatabaseFactory = (name: string, versions: SchemaVersion[]) => DeskDatabase;

export interface RestoreOptions {
  onProgress?: OnBackupProgress;
  createDatabase?: DatabaseFactory;
  /** Bytes of the body parsed per step of the streamed import. */
  chunkSizeBytes?: number;
}

const CLOCK_KEY = 'clock';

/**
 * `foreign`: the backup was made on another computer. This computer then gets a new device id (issue 14):
 * before, it kept its own, and the other computer's queued changes were sent under this computer's server
 * registration with the other's sequence numbers — the server took those it had already seen from this
 * computer as duplicates and dropped them. Now the pull position goes too and the app signs out: the next
 * sign-in registers anew, pulls everything and sends the restored queue under fresh mutation ids.
 */
export interface RestoreOutcome {
  foreign: boolean;
  deviceId: string;
}

/**
 * Replaces every table of `db` with the backup's rows, all or nothing.
 *
 * dexie-export-import's `clearTablesBeforeImport` clears the tables outside its import transaction,
 * so a failure midway would leave them empty. Instead the file is imported into a temporary
 * database declared at the backup's own schema version (the schema comes from this app, never from
 * the file), Dexie upgrades that copy to the current schema, its counts are checked, and only then
 * are the live tables cleared and filled in ONE read-write transaction: any error aborts it and the
 * current data stays as it was. The temporary database is deleted either way.
 */
export async function restoreBackup(db: DeskDatabase, backup: InspectedBackup, options: RestoreOptions = {}): Promise<RestoreOutcome> {
  const createDatabase = options.createDatabase ?? ((name, versions) => new DeskDatabase(name, undefined, versions));
  const tempName = `${db.name}-restore-${uuidv7()}`;
  const { header } = backup;
  const report = options.onProgress ?? (() => undefined);
  // The temporary copy is sealed at rest like the live database (no personal value in clear on disk meanwhile).
  const withKeys = (copy: DeskDatabase) => Object.assign(copy, { atRestKeys: db.atRestKeys });
  let temp = withKeys(createDatabase(tempName, schemaVersionsUpTo(header.schemaVersion)));
  try {
    await temp.open();
    try {
      await importInto(temp, backup.body, {
        acceptNameDiff: true,
        skipTables: [...DERIVED_LOCAL_TABLES],
        chunkSizeBytes: options.chunkSizeBytes,
        progressCallback: ({ completedRows, totalRows }) => {
          report({ phase: 'import', done: completedRows, total: totalRows ?? backup.totalRows });
          return true;
        },
      });
    } catch (error) {
      throw new BackupError('import-failed', `import: ${(error as Error).message}`, { cause: error });
    }
    await checkCounts(temp, header.counts);
    // Reopen the copy with every version this app knows: Dexie runs the upgrades of an older backup.
    temp.close();
    temp = withKeys(createDatabase(tempName, SCHEMA_VERSIONS));
    try {
      await temp.open();
    } catch (error) {
      throw new BackupError('unknown-schema', `upgrade from schema ${header.schemaVersion}: ${(error as Error).message}`, { cause: error });
    }
    return await replaceAllTables(db, temp, report, header.deviceId);
  } finally {
    temp.close();
    await temp.delete().catch(() => undefined);
  }
}

async function checkCounts(temp: Dexie, counts: Record<string, number>): Promise<void> {
  for (const table of temp.tables) {
    if (DERIVED_LOCAL_TABLES.includes(table.name)) continue;
    const actual = await table.count();
    if (actual !== (counts[table.name] ?? 0)) {
      throw new BackupError('counts-mismatch', `${table.name}: imported ${actual}, the header says ${counts[table.name] ?? 0}`);
    }
  }
}

async function replaceAllTables(live: DeskDatabase, source: DeskDatabase, report: OnBackupProgress, backupDevice: string | null): Promise<RestoreOutcome> {
  // Read the copy first: a transaction on `live` cannot wait on another database. Photo Blobs read
  // from IndexedDB are handles to stored bytes, so this holds the rows, not the pictures, in memory.
  const rowsByTable = new Map<string, unknown[]>();
  for (const table of source.tables) if (!DERIVED_LOCAL_TABLES.includes(table.name)) rowsByTable.set(table.name, await table.toArray());
  const total = [...rowsByTable.values()].reduce((sum, rows) => sum + rows.length, 0);
  if (!live.isOpen()) await live.open();
  const liveClock: unknown = (await live.syncState.get(CLOCK_KEY))?.value;
  const liveDevice: unknown = (await live.syncState.get(DEVICE_KEY))?.value;
  let done = 0;
  report({ phase: 'replace', done, total });
  // A backup without a device id (never opened by the app) counts as this computer's own.
  const foreign = typeof liveDevice === 'string' && backupDevice !== null && backupDevice !== liveDevice;
  const deviceId = foreign ? uuidv7().replace(/-/g, '') : typeof liveDevice === 'string' ? liveDevice : backupDevice ?? uuidv7().replace(/-/g, '');
  try {
    await live.transaction('rw', live.tables, async () => {
      for (const table of live.tables) {
        // The overview totals follow the records as they are cleared and written (overview-totals-middleware);
        // what arrived by sync before the restore means nothing after it.
        if (table.name === ARRIVALS_TABLE) await table.clear();
        if (DERIVED_LOCAL_TABLES.includes(table.name)) continue;
        if (!table.schema.primKey.keyPath) throw new Error(`table ${table.name} has out-of-line keys`);
        await table.clear();
        const rows = rowsByTable.get(table.name) ?? [];
        await table.bulkAdd(rows);
        done += rows.length;
        report({ phase: 'replace', done, total });
      }
      // The device's clock never goes back: stamps made after the restore must sort after every
      // stamp this device already sent, or its own later edits would lose against its earlier ones.
      const restored = (await live.syncState.get(CLOCK_KEY))?.value;
      const later = laterClock(liveClock, restored);
      if (later !== undefined && later !== restored) await live.syncState.put({ key: CLOCK_KEY, value: later });
      // Never the other computer's id: two PCs stamping with one node id would leave equal stamps on different
      // values, and the devices disagreeing for good. Another computer's backup gives this one a new id.
      await live.syncState.put({ key: DEVICE_KEY, value: deviceId });
      if (foreign) await live.syncState.delete(PULL_STATE_KEY);
      // Photo bytes come back from the backup as plain Blobs, which the at-rest layer cannot seal inside this
      // transaction (it has no bytes to hand): the resumable sealing pass runs again after the next unlock.
      await live.syncState.delete(SEALING_STATE_KEY);
      // Rows restored from another PC's backup carry its stamps: not news that arrived by sync.
      await live.table(ARRIVALS_TABLE).clear();
    });
  } catch (error) {
    throw new BackupError('import-failed', `replace: ${(error as Error).message}`, { cause: error });
  }
  return { foreign, deviceId };
}

type ClockState = { millis: number; counter: number };

function isClockState(v: unknown): v is ClockState {
  return typeof v === 'object' && v !== null && typeof (v as ClockState).millis === 'number' && typeof (v as ClockState).counter === 'number';
}

function laterClock(a: unknown, b: unknown): unknown {
  if (!isClockState(a)) return b;
  if (!isClockState(b)) return a;
  return a.millis > b.millis || (a.millis === b.millis && a.counter > b.counter) ? a : b;
}
