import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Sha256Hex } from '../../shared/domain/attachment';
import { ProvinceCode, RecordId } from '../../shared/domain/common';
import { withoutImageMetadata } from '../../shared/media/image-metadata';
import { readBlobRange } from '../blobs/blob-store';
import { ApiError } from '../http/api-error';
import { SERVED_FILE_HEADERS } from '../http/served-file-headers';
import { parseInput } from '../http/parse-input';
import type { Store } from '../store/open-store';
import { publishedArticle, publishedNews, publishedPhoto } from './feed-queries';
import { articlePage, feedJson, feedRss, type FeedLinks } from './feed-render';

export interface FeedDeps {
  store: Store;
  /**
   * The address websites reach this server by (`--public-url`), for absolute links. Without it the links
   * are relative to this server: never built from the request's Host header, which the caller chooses
   * (a cached feed would otherwise point every reader wherever one request said).
   */
  publicUrl?: string;
  /** "สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัด…" for a province code; defaults to a generic name. */
  officeName?: (provinceCode: string) => string;
}

const ProvinceParams = z.object({ provinceCode: ProvinceCode });
const ArticleParams = z.object({ provinceCode: ProvinceCode, file: z.string().regex(/^[0-9a-f-]{36}\.html$/, 'ที่อยู่ข่าวไม่ถูกต้อง') });
const PhotoParams = z.object({ provinceCode: ProvinceCode, sha256: Sha256Hex });
/** A photo the desktop app prepared is 2000 px at most, far below this; a larger file is not served publicly. */
const MAX_PUBLIC_PHOTO_BYTES = 25 * 1024 * 1024;
const FeedQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/**
 * The published feed: public and read-only, outside /v1/ (no device token, no protocol headers),
 * so a provincial website takes the office's published news without retyping. Only what is
 * published is ever served — drafts, reviews and archived items are not.
 */
export function registerFeedRoutes(app: FastifyInstance, deps: FeedDeps): void {
  const officeName = deps.officeName ?? (() => 'สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัด');
  const origin = (deps.publicUrl ?? '').replace(/\/+$/, '');
  const links = (provinceCode: string): FeedLinks => ({ base: `${origin}/feed/${provinceCode}` });

  app.get('/feed/:provinceCode/news.json', async (request, reply) => {
    const { provinceCode } = parseInput(ProvinceParams, request.params);
    const { limit } = parseInput(FeedQuery, request.query);
    const articles = await publishedNews(deps.store.sql, provinceCode, limit);
    reply.header('cache-control', 'public, max-age=60').header('access-control-allow-origin', '*');
    return feedJson(articles, links(provinceCode), provinceCode);
  });

  app.get('/feed/:provinceCode/news.rss', async (request, reply) => {
    const { provinceCode } = parseInput(ProvinceParams, request.params);
    const { limit } = parseInput(FeedQuery, request.query);
    const articles = await publishedNews(deps.store.sql, provinceCode, limit);
    reply.type('application/rss+xml; charset=utf-8').header('cache-control', 'public, max-age=60').header('access-control-allow-origin', '*');
    return feedRss(articles, links(provinceCode), `ข่าว ${officeName(provinceCode)}`);
  });

  app.get('/feed/:provinceCode/news/:file', async (request, reply) => {
    const { provinceCode, file } = parseInput(ArticleParams, request.params);
    const id = parseInput(RecordId, file.slice(0, -'.html'.length));
    const article = await publishedArticle(deps.store.sql, provinceCode, id);
    if (!article) throw new ApiError(404, 'not-found', 'ไม่พบข่าวที่เผยแพร่นี้');
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      // The page is static: no script runs, pictures come from this feed only.
      .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
    return articlePage(article, links(provinceCode), officeName(provinceCode));
  });

  app.get('/feed/:provinceCode/photos/:sha256', async (request, reply) => {
    const { provinceCode, sha256 } = parseInput(PhotoParams, request.params);
    const photo = await publishedPhoto(deps.store.sql, provinceCode, sha256);
    if (!photo) throw new ApiError(404, 'not-found', 'ไม่พบรูปภาพนี้ในข่าวที่เผยแพร่');
    // Served without its metadata (EXIF: where and when, which phone), whatever device sent it (issue 18).
    if (photo.size > MAX_PUBLIC_PHOTO_BYTES) throw new ApiError(404, 'not-found', 'ไม่พบรูปภาพนี้ในข่าวที่เผยแพร่');
    const pieces: Buffer[] = [];
    for await (const piece of readBlobRange(deps.store.sql, sha256, 0, photo.size - 1)) pieces.push(piece);
    const bytes = withoutImageMetadata(Buffer.concat(pieces), photo.mimeType);
    if (bytes === null) throw new ApiError(404, 'not-found', 'ไม่พบรูปภาพนี้ในข่าวที่เผยแพร่');
    reply
      .type(photo.mimeType)
      .headers(SERVED_FILE_HEADERS)
      .header('content-disposition', 'inline')
      // Content-addressed: the bytes behind a hash never change.
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('access-control-allow-origin', '*');
    return reply.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}
