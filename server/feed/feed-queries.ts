import { NewsItem } from '../../shared/domain/news';
import { detectImageMime, type ImageMime } from '../../shared/news/image-signature';
import { fileHeldBySql } from '../blobs/blob-store';
import type { SqlQueryable } from '../store/sql-client';
import { toBuffer } from '../store/sql-client';
import type { SnapshotPhoto } from './published-snapshots';

export interface PublishedPhoto {
  attachmentId: string;
  sha256: string;
  /** Told by the file's first bytes, never by what a device wrote in the attachment record. */
  mimeType: ImageMime;
  width: number | null;
  height: number | null;
  caption: string;
  isCover: boolean;
}

export interface PublishedArticle {
  item: NewsItem;
  photos: PublishedPhoto[];
}

interface PublishedRow {
  id: string;
  province_code: string;
  district_code: string | null;
  vals: Record<string, unknown>;
  photos: Record<string, SnapshotPhoto>;
}

// The words come from the copy kept when the item was published (published_news); the live record only
// says whether it is still published and not deleted.
const PUBLISHED = `
  SELECT p.id, p.province_code, n.district_code, p.vals, p.photos
    FROM published_news p
    JOIN records n ON n.table_name = 'news' AND n.id = p.id
   WHERE p.province_code = $1 AND n.vals ->> 'status' = 'published' AND coalesce((n.vals ->> 'deleted')::boolean, false) = false`;

interface ServableFile {
  /** The image type its first bytes tell. */
  mimeType: ImageMime;
  /** The users who hold it (blob-store's fileHeldBySql): a photo is public only as named by one of them. */
  holders: Set<string>;
}

/** The complete blobs among these that are images, with who holds each; files that are not images are left out. */
async function servableFiles(sql: SqlQueryable, shas: readonly string[]): Promise<Map<string, ServableFile>> {
  const files = new Map<string, ServableFile>();
  if (shas.length === 0) return files;
  const wanted = [...new Set(shas)];
  const { rows } = await sql.query<{ sha256: string; head: unknown }>(
    `SELECT c.sha256, substring(c.data from 1 for 16) AS head FROM blob_chunks c WHERE c.sha256 = ANY($1::text[]) AND c.start_byte = 0`,
    [wanted],
  );
  for (const row of rows) {
    const mimeType = detectImageMime(toBuffer(row.head));
    if (mimeType !== null) files.set(row.sha256, { mimeType, holders: new Set() });
  }
  const holders = await sql.query<{ sha256: string; user_id: string }>(
    `SELECT DISTINCT h.sha256, d.user_id FROM blob_uploaders h JOIN devices d ON d.id = h.device_id WHERE h.sha256 = ANY($1::text[])`,
    [wanted],
  );
  for (const row of holders.rows) files.get(row.sha256)?.holders.add(row.user_id);
  return files;
}

/** Only copies that parse as a whole news item are served (id and scope from the columns). */
function parseItem(row: PublishedRow): NewsItem | null {
  const parsed = NewsItem.safeParse({ ...row.vals, id: row.id, provinceCode: row.province_code, districtCode: row.district_code });
  return parsed.success ? parsed.data : null;
}

async function articles(sql: SqlQueryable, rows: readonly PublishedRow[]): Promise<PublishedArticle[]> {
  const parsed = rows.flatMap((row) => {
    const item = parseItem(row);
    return item ? [{ item, snapshot: row.photos }] : [];
  });
  const files = await servableFiles(
    sql,
    parsed.flatMap(({ item, snapshot }) => item.photos.flatMap((p) => (Object.hasOwn(snapshot, p.attachmentId) ? [snapshot[p.attachmentId]!.sha256] : []))),
  );
  return parsed.map(({ item, snapshot }) => ({
    item,
    photos: item.photos.flatMap((photo): PublishedPhoto[] => {
      const kept = Object.hasOwn(snapshot, photo.attachmentId) ? snapshot[photo.attachmentId] : undefined;
      const file = kept === undefined ? undefined : files.get(kept.sha256);
      if (kept === undefined || file === undefined || kept.namedBy === null || !file.holders.has(kept.namedBy)) return [];
      return [{ attachmentId: photo.attachmentId, sha256: kept.sha256, mimeType: file.mimeType, width: kept.width, height: kept.height, caption: photo.caption, isCover: item.coverAttachmentId === photo.attachmentId }];
    }),
  }));
}

/** The province's published news, newest publication first. */
export async function publishedNews(sql: SqlQueryable, provinceCode: string, limit: number): Promise<PublishedArticle[]> {
  const { rows } = await sql.query<PublishedRow>(`${PUBLISHED} ORDER BY p.vals ->> 'publishedAt' DESC NULLS LAST, p.id DESC LIMIT $2`, [provinceCode, limit]);
  return articles(sql, rows);
}

export async function publishedArticle(sql: SqlQueryable, provinceCode: string, id: string): Promise<PublishedArticle | null> {
  const { rows } = await sql.query<PublishedRow>(`${PUBLISHED} AND p.id = $2`, [provinceCode, id]);
  return (await articles(sql, rows))[0] ?? null;
}

/**
 * A photo is public only while a published article of the province shows it (as published), named there by
 * someone who holds the file, and only if its bytes are an image; the type served is the one its bytes tell.
 */
export async function publishedPhoto(sql: SqlQueryable, provinceCode: string, sha256: string): Promise<{ mimeType: ImageMime; size: number } | null> {
  const { rows } = await sql.query<{ size: number | string }>(
    `SELECT b.size
       FROM (${PUBLISHED}) p
       JOIN LATERAL jsonb_each(p.photos) AS ph(attachment_id, info) ON ph.info ->> 'sha256' = $2
       JOIN blobs b ON b.sha256 = $2
      WHERE p.vals -> 'photos' @> jsonb_build_array(jsonb_build_object('attachmentId', ph.attachment_id))
        AND ${fileHeldBySql('$2', "ph.info ->> 'namedBy'")}
      LIMIT 1`,
    [provinceCode, sha256],
  );
  const row = rows[0];
  if (row === undefined) return null;
  const file = (await servableFiles(sql, [sha256])).get(sha256);
  return file === undefined ? null : { mimeType: file.mimeType, size: Number(row.size) };
}
