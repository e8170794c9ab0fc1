import type { SqlQueryable } from '../store/sql-client';
import { toNumber } from '../store/sql-client';

/** An unfinished upload nobody added to for this long is taken as abandoned. */
export const DEFAULT_KEEP_UPLOADS_DAYS = 7;

/**
 * Drops unfinished uploads (their pieces go with them, ON DELETE CASCADE) not touched for `days` days.
 * A device that comes back to one starts again from byte 0: HEAD answers received 0, and a chunk sent
 * at its old offset gets 409 upload-offset-mismatch with received 0. One statement, and a chunk being
 * stored holds its upload's row lock, so an upload in progress is never dropped under it.
 */
export async function dropIdleUploads(sql: SqlQueryable, days: number): Promise<{ uploads: number; bytes: number }> {
  const { rows } = await sql.query<{ uploads: number; bytes: unknown }>(
    `WITH gone AS (DELETE FROM blob_uploads WHERE updated_at < now() - make_interval(days => $1::int) RETURNING received)
     SELECT count(*)::int AS uploads, coalesce(sum(received), 0)::bigint AS bytes FROM gone`,
    [days],
  );
  return { uploads: rows[0]?.uploads ?? 0, bytes: toNumber(rows[0]?.bytes ?? 0) };
}
