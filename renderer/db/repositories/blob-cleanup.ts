import { parseStamp } from '../../../shared/sync/hybrid-logical-clock';
import type { DeskDatabase } from '../database';

/** How long the bytes of a removed photo or document stay on the device: undo and a restore from the other side. */
export const REMOVED_FILE_GRACE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the stored bytes of these hashes when no live attachment names them any more — an erased
 * person's photo must not stay on the PC (PDPA). Runs in the caller's transaction, which must include
 * db.attachments and db.blobs. Bytes another live attachment shares (content-addressed) stay.
 */
export async function dropBlobsNoLongerUsed(db: DeskDatabase, hashes: Iterable<string>): Promise<number> {
  let dropped = 0;
  for (const sha256 of new Set(hashes)) {
    const users = await db.attachments.where('sha256').equals(sha256).toArray();
    if (users.some((a) => !a.deleted)) continue;
    if (await db.blobs.get(sha256)) {
      await db.blobs.delete(sha256);
      dropped++;
    }
  }
  return dropped;
}

/**
 * The device-wide sweep (at start-up): bytes that no live attachment names any more, once the grace
 * after their removal is over — photos removed from news and activities (which have an undo), files
 * of records deleted on other devices. A person's photo has no grace: a replaced photo has no undo,
 * and an erasure made on another PC must leave this one as soon as it is heard of (PDPA).
 * When an attachment was deleted is the time of its `deleted` stamp (HLC millis, the same on every device).
 */
export async function sweepUnusedBlobs(db: DeskDatabase, nowMs: number, graceDays = REMOVED_FILE_GRACE_DAYS): Promise<{ removed: number; bytes: number }> {
  return db.transaction('rw', db.attachments, db.blobs, async () => {
    const keepUntil = new Map<string, number>();
    await db.attachments.each((a) => {
      const until = a.deleted ? deletedAt(a._stamps.deleted) + (a.ownerTable === 'members' ? 0 : graceDays * DAY_MS) : Number.POSITIVE_INFINITY;
      keepUntil.set(a.sha256, Math.max(keepUntil.get(a.sha256) ?? Number.NEGATIVE_INFINITY, until));
    });
    const gone: string[] = [];
    let bytes = 0;
    await db.blobs.each((blob) => {
      // Bytes no attachment names at all are no one's (their records were dropped by a refetch).
      if ((keepUntil.get(blob.sha256) ?? Number.NEGATIVE_INFINITY) < nowMs) {
        gone.push(blob.sha256);
        bytes += blob.size;
      }
    });
    await db.blobs.bulkDelete(gone);
    return { removed: gone.length, bytes };
  });
}

function deletedAt(stamp: string | undefined): number {
  if (stamp === undefined) return Number.NEGATIVE_INFINITY;
  try {
    return parseStamp(stamp).millis;
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
}
