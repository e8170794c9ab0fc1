import type { SqlQueryable } from '../store/sql-client';

/** A photo of a published article as it was when it was published. */
export interface SnapshotPhoto {
  sha256: string;
  width: number | null;
  height: number | null;
  /** The user whose write named this file in the attachment record (see blob-store's file holders). */
  namedBy: string | null;
}

interface NewsLike {
  id: string;
  provinceCode: string;
  values: Record<string, unknown>;
}

function photoIds(values: Record<string, unknown>): string[] {
  const photos = Array.isArray(values.photos) ? values.photos : [];
  return photos.flatMap((p: unknown) => (typeof p === 'object' && p !== null && typeof (p as { attachmentId?: unknown }).attachmentId === 'string' ? [(p as { attachmentId: string }).attachmentId] : []));
}

/**
 * Keeps the words and photos of news items as they are at the moment they are published (issue 18): the
 * public feed serves this copy, so a later change of the live record — a conflict resolution, a write from
 * before the server held the content rule — never goes live unpublished. Called in the transaction that
 * wrote the records, after they are saved, so attachments of the same batch are found.
 */
export async function snapshotPublished(tx: SqlQueryable, items: readonly NewsLike[]): Promise<void> {
  for (const item of items) {
    const ids = photoIds(item.values);
    const photos: Record<string, SnapshotPhoto> = {};
    if (ids.length > 0) {
      const { rows } = await tx.query<{ id: string; vals: Record<string, unknown>; authors: Record<string, [string, string] | undefined> }>(
        `SELECT id, vals, authors FROM records WHERE table_name = 'attachments' AND id = ANY($1::text[])`,
        [ids],
      );
      for (const row of rows) {
        if (typeof row.vals.sha256 !== 'string') continue;
        photos[row.id] = {
          sha256: row.vals.sha256,
          width: typeof row.vals.width === 'number' ? row.vals.width : null,
          height: typeof row.vals.height === 'number' ? row.vals.height : null,
          namedBy: row.authors.sha256?.[0] ?? null,
        };
      }
    }
    await tx.query(
      `INSERT INTO published_news (id, province_code, vals, photos, published_at) VALUES ($1, $2, $3::jsonb, $4::jsonb, now())
       ON CONFLICT (id) DO UPDATE SET province_code = EXCLUDED.province_code, vals = EXCLUDED.vals, photos = EXCLUDED.photos, published_at = EXCLUDED.published_at`,
      [item.id, item.provinceCode, JSON.stringify(item.values), JSON.stringify(photos)],
    );
  }
}
