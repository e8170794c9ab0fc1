import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlQueryable } from './sql-client';

/**
 * PGlite: real PostgreSQL in-process, data in a folder (or in memory when dataDir is undefined).
 * PGlite is one connection; its own mutex queues queries behind an open transaction, so concurrent
 * requests never run inside each other's transactions.
 */
export async function openPgliteClient(dataDir: string | undefined): Promise<SqlClient> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const wrap = (q: Pick<PGlite, 'query'>): SqlQueryable => ({
    async query<T extends object>(text: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(text, [...params]);
      return { rows: result.rows };
    },
  });
  const base = wrap(db);
  return {
    kind: 'pglite',
    query: base.query,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onPayload) {
      const unlisten = await db.listen(channel, onPayload);
      return async () => {
        if (!db.closed) await unlisten();
      };
    },
    close: () => db.close(),
  };
}
