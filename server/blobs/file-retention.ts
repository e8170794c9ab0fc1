import type { SqlClient } from '../store/sql-client';
import { toNumber } from '../store/sql-client';
import { lockAllRecordWrites } from '../sync/record-row';

/** A blob no live attachment names is kept this long after it was last sent: its record is pushed after it. */
export const DEFAULT_KEEP_FILES_DAYS = 30;

/**
 * Drops complete blobs that no live attachment record names (deleted ones do not count) and that no
 * device has sent, or been told by HEAD it need not send, for `days` days; their pieces go with them
 * (ON DELETE CASCADE) and so do their uploader rows, so nobody can read them any more.
 *
 * Pushes: every record writer holds the shared side of the lock this transaction takes whole (lockRecords),
 * and the DELETE starts only once it holds it, so it sees every committed write and no write is half done. A push naming one of
 * these blobs either committed before (the blob stays) or waits and commits after (the blob is gone, as
 * for any record pushed after its blob's retention). Uploads: a device sending the bytes again updates
 * last_sent_at under the row lock, which the DELETE waits for and rechecks, or waits for the DELETE and
 * stores the blob anew.
 */
export async function dropUnreferencedBlobs(sql: Pick<SqlClient, 'transaction'>, days: number): Promise<{ blobs: number; bytes: number }> {
  return sql.transaction(async (tx) => {
    await lockAllRecordWrites(tx);
    const { rows } = await tx.query<{ blobs: number; bytes: unknown }>(
      `WITH gone AS (
         DELETE FROM blobs b
         WHERE b.last_sent_at < now() - make_interval(days => $1::int)
           AND NOT EXISTS (
             SELECT 1 FROM records r
             WHERE r.table_name = 'attachments' AND r.vals ->> 'sha256' = b.sha256 AND (r.vals ->> 'deleted') IS DISTINCT FROM 'true')
         RETURNING sha256, size),
       uploaders AS (DELETE FROM blob_uploaders u USING gone WHERE u.sha256 = gone.sha256)
       SELECT count(*)::int AS blobs, coalesce(sum(size), 0)::bigint AS bytes FROM gone`,
      [days],
    );
    return { blobs: rows[0]?.blobs ?? 0, bytes: toNumber(rows[0]?.bytes ?? 0) };
  });
}
