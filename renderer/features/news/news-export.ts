import sarabun400Latin from '@fontsource/sarabun/files/sarabun-latin-400-normal.woff2?inline';
import sarabun400Thai from '@fontsource/sarabun/files/sarabun-thai-400-normal.woff2?inline';
import sarabun700Latin from '@fontsource/sarabun/files/sarabun-latin-700-normal.woff2?inline';
import sarabun700Thai from '@fontsource/sarabun/files/sarabun-thai-700-normal.woff2?inline';
import type { NewsItem } from '../../../shared/domain/news';
import { newsDocxBytes, type DocxPhoto } from '../../../shared/news/news-docx-export';
import { newsHtmlDocument, type ArticlePhoto } from '../../../shared/news/news-article';
import type { SaveFileResult } from '../../../shared/ipc/desk-api';
import { desk } from '../../bridge/desk-bridge';
import type { NewsPhotoData } from '../../db/repositories/news-photo-repository';

async function dataUri(blob: Blob, type = blob.type): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}

// Inlined into the bundle (?inline) rather than fetched: an export must work with no server at all.
const BUNDLED_FONTS = [
  { weight: 400, dataUri: sarabun400Thai },
  { weight: 400, dataUri: sarabun400Latin },
  { weight: 700, dataUri: sarabun700Thai },
  { weight: 700, dataUri: sarabun700Latin },
];

/** A file name from the headline: no path separators or characters Windows refuses. */
export function exportFileName(title: string, extension: string): string {
  const base = [...title].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? ' ' : c)).join('').replace(/\s+/g, ' ').trim().slice(0, 80) || 'news';
  return `${base}.${extension}`;
}

export async function exportNewsHtml(item: NewsItem, photos: readonly NewsPhotoData[], officeName: string): Promise<SaveFileResult> {
  const inline: ArticlePhoto[] = await Promise.all(photos.map(async (p) => ({ attachmentId: p.attachmentId, src: await dataUri(p.data, p.mimeType), caption: p.caption, isCover: p.isCover })));
  const html = newsHtmlDocument(item, inline, { officeName, fonts: BUNDLED_FONTS });
  return unwrap(await desk.saveFile({ suggestedName: exportFileName(item.title, 'html'), filters: [{ name: 'HTML', extensions: ['html'] }], data: html }));
}

const DOCX_TYPES: Record<string, DocxPhoto['type']> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif' };

export async function exportNewsDocx(item: NewsItem, photos: readonly NewsPhotoData[], officeName: string): Promise<SaveFileResult> {
  const docxPhotos: DocxPhoto[] = [];
  for (const p of photos) {
    const type = DOCX_TYPES[p.mimeType];
    if (!type) continue;
    docxPhotos.push({ attachmentId: p.attachmentId, data: new Uint8Array(await p.data.arrayBuffer()), type, width: p.width ?? 800, height: p.height ?? 600, caption: p.caption, isCover: p.isCover });
  }
  const bytes = await newsDocxBytes(item, docxPhotos, { officeName });
  return unwrap(await desk.saveFile({ suggestedName: exportFileName(item.title, 'docx'), filters: [{ name: 'Word', extensions: ['docx'] }], data: bytes }));
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
