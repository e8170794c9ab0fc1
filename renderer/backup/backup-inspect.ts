import { peakImportFile } from 'dexie-export-import';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from '../db/schema-versions';
import { BackupError } from './backup-error';
import { splitBackupFile, type BackupHeader } from './backup-format';

/** A backup file that passed every check that can be made without writing: safe to offer for restore. */
export interface InspectedBackup {
  header: BackupHeader;
  /** The dexie-export-import body, as importInto reads it. */
  body: Blob;
  /** Rows the file holds, for the summary shown before anything is replaced. */
  totalRows: number;
}

/** The schema versions up to and including `version`: how the database looked when it was at `version`. */
export function schemaVersionsUpTo(version: number): SchemaVersion[] {
  return SCHEMA_VERSIONS.filter((v) => v.version <= version);
}

/** The tables a database at `version` has. */
export function tablesAt(version: number): Set<string> {
  const tables = new Set<string>();
  for (const v of schemaVersionsUpTo(version)) {
    for (const [name, spec] of Object.entries(v.stores)) {
      if (spec === null) tables.delete(name);
      else tables.add(name);
    }
  }
  return tables;
}

/**
 * Checks a file before anything is touched: format and version, length and sha-256 of the body,
 * schema version (newer → update the app; unknown → refused), the body's own table list and row
 * counts against the header. Throws BackupError with a code the UI says in Thai.
 */
export async function inspectBackup(file: Uint8Array): Promise<InspectedBackup> {
  const { header, body } = await splitBackupFile(file);
  if (header.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new BackupError('newer-schema', `schema ${header.schemaVersion}, this app has ${CURRENT_SCHEMA_VERSION}`);
  }
  if (!SCHEMA_VERSIONS.some((v) => v.version === header.schemaVersion)) {
    throw new BackupError('unknown-schema', `schema ${header.schemaVersion} is not one this app can upgrade from`);
  }
  const bodyBlob = new Blob([body as Uint8Array<ArrayBuffer>], { type: 'application/json' });
  let meta: Awaited<ReturnType<typeof peakImportFile>>;
  try {
    meta = await peakImportFile(bodyBlob);
  } catch (error) {
    throw new BackupError('damaged', `the body is not a database export: ${(error as Error).message}`, { cause: error });
  }
  if (meta.formatName !== 'dexie' || meta.formatVersion !== 1) throw new BackupError('damaged', 'the body is not a Dexie export');
  if (meta.data.databaseVersion !== header.schemaVersion) {
    throw new BackupError('damaged', `the body is schema ${meta.data.databaseVersion}, the header says ${header.schemaVersion}`);
  }
  const known = tablesAt(header.schemaVersion);
  const bodyCounts = new Map(meta.data.tables.map((t) => [t.name, t.rowCount]));
  const headerTables = Object.keys(header.counts);
  for (const name of new Set([...headerTables, ...bodyCounts.keys()])) {
    if (!known.has(name)) throw new BackupError('damaged', `table ${name} does not exist at schema ${header.schemaVersion}`);
    if (bodyCounts.get(name) !== header.counts[name]) {
      throw new BackupError('counts-mismatch', `${name}: header ${header.counts[name] ?? 'none'}, body ${bodyCounts.get(name) ?? 'none'}`);
    }
  }
  const totalRows = headerTables.reduce((sum, name) => sum + (header.counts[name] ?? 0), 0);
  return { header, body: bodyBlob, totalRows };
}
