import { createHash } from 'node:crypto';
import { MAX_ATTACHMENT_BYTES } from '../../shared/domain/attachment';
import type { AuthenticatedDevice } from '../accounts/accounts-repository';
import { readableSql } from '../accounts/scope';
import { ApiError } from '../http/api-error';
import type { SqlQueryable } from '../store/sql-client';
import { toBuffer, toNumber } from '../store/sql-client';

// Blobs live in the database as bytea pieces: one code path (and one backup) for PGlite and PostgreSQL.
// An upload collects its pieces per (sha256, device) and is moved under the hash only once the bytes hash
// to it, so a blob under a name is always exactly the bytes of that name.

export const BLOB_PIECE_BYTES = 1024 * 1024;
export const MAX_BLOB_BYTES = MAX_ATTACHMENT_BYTES;

export type BlobStatus =
  | { state: 'complete'; size: number }
  | { state: 'partial'; received: number; total: number }
  | { state: 'missing' };

/**
 * SQL: the user `userIdSql` holds the file `shaSql` — one of their devices sent its bytes, or was told by
 * HEAD it need not while it could read it (blob_uploaders). An attachment record opens a file to its scope
 * only when whoever named the file in it holds it (issue 18: naming a hash learned elsewhere in a record of
 * one's own scope read someone else's file).
 */
export function fileHeldBySql(shaSql: string, userIdSql: string): string {
  return `EXISTS (SELECT 1 FROM blob_uploaders h JOIN devices hd ON hd.id = h.device_id WHERE h.sha256 = ${shaSql} AND hd.user_id = ${userIdSql})`;
}

/** A device may read a blob it holds, or one an attachment record in its scope names, written by someone holding it. */
export async function canReadBlob(sql: SqlQueryable, sha256: string, device: AuthenticatedDevice): Promise<boolean> {
  const scope = readableSql(device.scope, 'r', 3);
  const { rows } = await sql.query(
    `SELECT 1 FROM blob_uploaders WHERE sha256 = $1 AND device_id = $2
     UNION ALL
     SELECT 1 FROM records r
      WHERE r.table_name = 'attachments' AND r.vals ->> 'sha256' = $1 AND ${scope.sql}
        AND ${fileHeldBySql('$1', "r.authors -> 'sha256' ->> 0")}
     LIMIT 1`,
    [sha256, device.deviceId, ...scope.params],
  );
  return rows.length > 0;
}

/**
 * `markSent` is for HEAD: its 200 tells an uploading device it need not send the bytes, so the blob
 * counts as just sent (prune's --keep-files-days). A blob pruned meanwhile is answered as missing.
 */
export async function blobStatus(sql: SqlQueryable, sha256: string, device: AuthenticatedDevice, options: { markSent?: boolean } = {}): Promise<BlobStatus> {
  const blob = (await sql.query<{ size: unknown }>('SELECT size FROM blobs WHERE sha256 = $1', [sha256])).rows[0];
  if (blob !== undefined && (await canReadBlob(sql, sha256, device))) {
    if (options.markSent !== true) return { state: 'complete', size: toNumber(blob.size) };
    const sent = (await sql.query<{ size: unknown }>('UPDATE blobs SET last_sent_at = now() WHERE sha256 = $1 RETURNING size', [sha256])).rows[0];
    if (sent !== undefined) {
      // It reads the file and is told it need not send it: it holds it, so an attachment it writes opens it.
      await sql.query('INSERT INTO blob_uploaders (sha256, device_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [sha256, device.deviceId]);
      return { state: 'complete', size: toNumber(sent.size) };
    }
  }
  const upload = (
    await sql.query<{ received: unknown; total: unknown }>('SELECT received, total FROM blob_uploads WHERE sha256 = $1 AND device_id = $2', [
      sha256,
      device.deviceId,
    ])
  ).rows[0];
  if (upload !== undefined) return { state: 'partial', received: toNumber(upload.received), total: toNumber(upload.total) };
  return { state: 'missing' };
}

export interface ChunkInput {
  start: number;
  total: number;
  data: Buffer;
}

/** Stores one piece of an upload; when the last byte arrives, verifies the hash and publishes the blob. */
export async function putBlobChunk(
  sql: { transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> },
  sha256: string,
  device: AuthenticatedDevice,
  chunk: ChunkInput,
): Promise<BlobStatus> {
  if (chunk.total > MAX_BLOB_BYTES) throw new ApiError(413, 'payload-too-large');
  const outcome = await sql.transaction(async (tx) => {
    const key = [sha256, device.deviceId];
    let upload = (await tx.query<{ received: unknown; total: unknown }>('SELECT received, total FROM blob_uploads WHERE sha256 = $1 AND device_id = $2 FOR UPDATE', key)).rows[0];
    if (chunk.start === 0 && upload !== undefined) {
      // Starting again from byte 0 replaces an earlier unfinished attempt.
      await tx.query('DELETE FROM blob_uploads WHERE sha256 = $1 AND device_id = $2', key);
      upload = undefined;
    }
    if (upload === undefined) {
      if (chunk.start !== 0) throw new ApiError(409, 'upload-offset-mismatch', undefined, { received: 0 });
      await tx.query('INSERT INTO blob_uploads (sha256, device_id, total, received) VALUES ($1, $2, $3, 0)', [...key, chunk.total]);
      upload = { received: 0, total: chunk.total };
    }
    const received = toNumber(upload.received);
    if (toNumber(upload.total) !== chunk.total) throw new ApiError(400, 'bad-request', 'ขนาดไฟล์ไม่ตรงกับที่เริ่มอัปโหลดไว้');
    if (chunk.start !== received) throw new ApiError(409, 'upload-offset-mismatch', undefined, { received });

    for (let offset = 0; offset < chunk.data.length; offset += BLOB_PIECE_BYTES) {
      const piece = chunk.data.subarray(offset, offset + BLOB_PIECE_BYTES);
      await tx.query('INSERT INTO upload_chunks (sha256, device_id, start_byte, data) VALUES ($1, $2, $3, $4)', [...key, chunk.start + offset, piece]);
    }
    const nowReceived = received + chunk.data.length;
    await tx.query('UPDATE blob_uploads SET received = $3, updated_at = now() WHERE sha256 = $1 AND device_id = $2', [...key, nowReceived]);
    if (nowReceived < chunk.total) return { state: 'partial', received: nowReceived, total: chunk.total } as const;

    const actual = await hashPieces(tx, 'upload_chunks', 'sha256 = $1 AND device_id = $2', key);
    if (actual !== sha256) {
      await tx.query('DELETE FROM blob_uploads WHERE sha256 = $1 AND device_id = $2', key);
      return 'mismatch' as const;
    }
    // Bytes the server already has count as just sent (prune's --keep-files-days), since a record naming
    // them follows. The UPDATE comes first: behind a prune deleting the row it finds nothing, and the
    // bytes are stored anew below.
    const resent = await tx.query('UPDATE blobs SET last_sent_at = now() WHERE sha256 = $1 RETURNING sha256', [sha256]);
    if (resent.rows.length === 0) {
      const inserted = await tx.query('INSERT INTO blobs (sha256, size) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING RETURNING sha256', [sha256, chunk.total]);
      if (inserted.rows.length > 0) {
        await tx.query(
          'INSERT INTO blob_chunks (sha256, start_byte, data) SELECT sha256, start_byte, data FROM upload_chunks WHERE sha256 = $1 AND device_id = $2',
          key,
        );
      }
    }
    await tx.query('DELETE FROM blob_uploads WHERE sha256 = $1 AND device_id = $2', key);
    await tx.query('INSERT INTO blob_uploaders (sha256, device_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', key);
    return { state: 'complete', size: chunk.total } as const;
  });
  // Thrown after the transaction so the discarded partial stays discarded.
  if (outcome === 'mismatch') throw new ApiError(422, 'hash-mismatch');
  return outcome;
}

/** Reads pieces one at a time in byte order, so hashing a large blob never holds it all in memory. */
async function hashPieces(tx: SqlQueryable, table: string, where: string, params: unknown[]): Promise<string> {
  const hash = createHash('sha256');
  let next = 0;
  for (;;) {
    const row = (
      await tx.query<{ start_byte: unknown; data: unknown }>(
        `SELECT start_byte, data FROM ${table} WHERE ${where} AND start_byte >= $${params.length + 1} ORDER BY start_byte LIMIT 1`,
        [...params, next],
      )
    ).rows[0];
    if (row === undefined) break;
    const data = toBuffer(row.data);
    hash.update(data);
    next = toNumber(row.start_byte) + data.length;
  }
  return hash.digest('hex');
}

/** The bytes [start, endInclusive] of a complete blob, piece by piece. */
export async function* readBlobRange(sql: SqlQueryable, sha256: string, start: number, endInclusive: number): AsyncGenerator<Buffer> {
  let position = start;
  while (position <= endInclusive) {
    const row = (
      await sql.query<{ start_byte: unknown; data: unknown }>(
        'SELECT start_byte, data FROM blob_chunks WHERE sha256 = $1 AND start_byte <= $2 ORDER BY start_byte DESC LIMIT 1',
        [sha256, position],
      )
    ).rows[0];
    if (row === undefined) throw new Error(`blob ${sha256} has no piece at ${position}`);
    const data = toBuffer(row.data);
    const pieceStart = toNumber(row.start_byte);
    const from = position - pieceStart;
    const to = Math.min(data.length, endInclusive - pieceStart + 1);
    if (from >= data.length) throw new Error(`blob ${sha256} has a gap at ${position}`);
    yield data.subarray(from, to);
    position = pieceStart + to;
  }
}
