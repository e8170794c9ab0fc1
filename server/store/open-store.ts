import path from 'node:path';
import { migrate } from './migrations';
import { PlannerStatistics } from './planner-statistics';
import { openPgClient } from './pg-sql-client';
import { openPgliteClient } from './pglite-sql-client';
import type { SqlClient } from './sql-client';
import { CatchUpLane } from '../sync/catch-up-lane';
import { ChangeSequencer } from '../sync/change-sequencer';

/**
 * Where the server keeps its data: a PGlite folder (the embedded default, `.data/server`), PGlite in
 * memory (tests), or a PostgreSQL server, optionally in a schema of its own.
 */
export type StoreOptions =
  | { kind: 'pglite'; dataDir?: string }
  | { kind: 'postgres'; url: string; schema?: string };

export interface Store {
  sql: SqlClient;
  /** Refreshes planner statistics on PGlite, which has no autovacuum (see planner-statistics.ts). */
  statistics: PlannerStatistics;
  /** The LISTEN/NOTIFY channel for change pokes, per schema so test schemas never poke each other. */
  notifyChannel: string;
  /** Numbers the changes writers saved (change-sequencer.ts); a writer asks after its commit. */
  sequencer: ChangeSequencer;
  /** Pages of devices catching up, a few at a time (catch-up-lane.ts). */
  catchUp: CatchUpLane;
  close(): Promise<void>;
}

/** Catch-up pages built at once per process: a fifth of the pool (pg-sql-client.ts), the rest for devices in step. */
const CATCH_UP_WIDTH = 2;

export const DEFAULT_DATA_DIR = path.join('.data', 'server');

/** DATABASE_URL wins; otherwise PGlite in dataDir. */
export function storeOptionsFromEnv(dataDir: string = DEFAULT_DATA_DIR, env: NodeJS.ProcessEnv = process.env): StoreOptions {
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '') return { kind: 'postgres', url, schema: env.PROVINCEDESK_DB_SCHEMA || undefined };
  return { kind: 'pglite', dataDir };
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const sql =
    options.kind === 'pglite'
      ? await openPgliteClient(options.dataDir)
      : await openPgClient({ connectionString: options.url, schema: options.schema });
  try {
    await migrate(sql);
  } catch (error) {
    await sql.close();
    throw error;
  }
  const schema = options.kind === 'postgres' ? (options.schema ?? 'public') : 'public';
  const notifyChannel = `provincedesk_changes_${schema}`;
  const sequencer = new ChangeSequencer(sql, notifyChannel);
  const close = async () => {
    await sequencer.stopSweeping();
    await sql.close();
  };
  return { sql, statistics: new PlannerStatistics(sql, options.kind === 'pglite'), notifyChannel, sequencer, catchUp: new CatchUpLane(CATCH_UP_WIDTH), close };
}
