import { NewsItem } from '../../shared/domain/news';
import type { SqlQueryable } from '../store/sql-client';

export interface PublishedPhoto {
  attachmentId: string;
  sha256: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  caption: string;
  isCover: boolean;
}

export interface PublishedArticle {
  item: NewsItem;
  photos: PublishedPhoto[];
}

const PUBLISHED = `table_name = 'news' AND province_code = $1 AND vals ->> 'status' = 'published' AND coalesce((vals ->> 'deleted')::boolean, false) = false`;

async function photosOf(sql: SqlQueryable, item: NewsItem): Promise<PublishedPhoto[]> {
  if (item.photos.length === 0) return [];
  const ids = item.photos.map((p) => p.attachmentId);
  const { rows } = await sql.query<{ id: string; vals: Record<string, unknown> }>(
    `SELECT id, vals FROM records WHERE table_name = 'attachments' AND id = ANY($1::text[]) AND coalesce((vals ->> 'deleted')::boolean, false) = false`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r.vals]));
  const out: PublishedPhoto[] = [];
  for (const photo of item.photos) {
    const a = byId.get(photo.attachmentId);
    if (!a || typeof a.sha256 !== 'string') continue;
    out.push({
      attachmentId: photo.attachmentId,
      sha256: a.sha256,
      mimeType: String(a.mimeType ?? 'application/octet-stream'),
      width: typeof a.width === 'number' ? a.width : null,
      height: typeof a.height === 'number' ? a.height : null,
      caption: photo.caption,
      isCover: item.coverAttachmentId === photo.attachmentId,
    });
  }
  return out;
}

interface NewsRow {
  id: string;
  province_code: string;
  district_code: string | null;
  vals: Record<string, unknown>;
}

/**
 * Records are stored field by field from devices (id and scope in columns); only the ones that
 * parse as a whole news item are served.
 */
function parseItem(row: NewsRow): NewsItem | null {
  const parsed = NewsItem.safeParse({ ...row.vals, id: row.id, provinceCode: row.province_code, districtCode: row.district_code });
  return parsed.success ? parsed.data : null;
}

/** The province's published news, newest publication first. */
export async function publishedNews(sql: SqlQueryable, provinceCode: string, limit: number): Promise<PublishedArticle[]> {
  const { rows } = await sql.query<NewsRow>(`SELECT id, province_code, district_code, vals FROM records WHERE ${PUBLISHED} ORDER BY vals ->> 'publishedAt' DESC NULLS LAST, id DESC LIMIT $2`, [provinceCode, limit]);
  const out: PublishedArticle[] = [];
  for (const row of rows) {
    const item = parseItem(row);
    if (item) out.push({ item, photos: await photosOf(sql, item) });
  }
  return out;
}

export async function publishedArticle(sql: SqlQueryable, provinceCode: string, id: string): Promise<PublishedArticle | null> {
  const { rows } = await sql.query<NewsRow>(`SELECT id, province_code, district_code, vals FROM records WHERE ${PUBLISHED} AND id = $2`, [provinceCode, id]);
  const item = rows[0] ? parseItem(rows[0]) : null;
  return item ? { item, photos: await photosOf(sql, item) } : null;
}

/** A photo is public only while a published article of the province shows it. */
export async function publishedPhoto(sql: SqlQueryable, provinceCode: string, sha256: string): Promise<{ mimeType: string; size: number } | null> {
  const { rows } = await sql.query<{ mime: string; size: number | string }>(
    `SELECT a.vals ->> 'mimeType' AS mime, b.size
       FROM records a
       JOIN blobs b ON b.sha256 = a.vals ->> 'sha256'
       JOIN records n ON n.table_name = 'news' AND n.id = a.vals ->> 'ownerId'
      WHERE a.table_name = 'attachments' AND a.vals ->> 'sha256' = $2 AND coalesce((a.vals ->> 'deleted')::boolean, false) = false
        AND n.province_code = $1 AND n.vals ->> 'status' = 'published' AND coalesce((n.vals ->> 'deleted')::boolean, false) = false
        AND n.vals -> 'photos' @> jsonb_build_array(jsonb_build_object('attachmentId', a.id))
      LIMIT 1`,
    [provinceCode, sha256],
  );
  const row = rows[0];
  return row ? { mimeType: row.mime, size: Number(row.size) } : null;
}
