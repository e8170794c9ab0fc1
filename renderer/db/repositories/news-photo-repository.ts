import type { NewsItem } from '../../../shared/domain/news';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import { RecordValidationError } from '../record-validation-error';
import type { RecordWriter } from '../record-writer';
import { fileHash, offerBlobAgain, storeAttachment } from './attachment-writer';

/** A photo ready to store: already checked and scaled down by the caller. */
export interface PreparedPhoto {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  width: number;
  height: number;
  caption?: string;
}

/** A stored photo with its bytes, for preview and export. */
export interface NewsPhotoData {
  attachmentId: string;
  caption: string;
  fileName: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  sha256: string;
  data: Blob;
  isCover: boolean;
}

/**
 * A news item's photos: content-addressed blobs (sha-256) plus synced attachment records, and the
 * item's ordered list with captions and a cover. Each operation is one transaction.
 */
export class NewsPhotoRepository {
  constructor(
    private readonly db: DeskDatabase,
    private readonly writer: RecordWriter,
  ) {}

  private tables() {
    return [this.db.news, this.db.attachments, this.db.blobs, this.db.outbox, this.db.syncState];
  }

  /** Stores all the photos or none. The first photo of an item without a cover becomes the cover. */
  async addPhotos(newsId: string, photos: readonly PreparedPhoto[], now = new Date()): Promise<LocalRecord<'news'>> {
    const hashed = await Promise.all(photos.map(async (p) => ({ ...p, sha256: await fileHash(p.bytes) })));
    return this.db.transaction('rw', this.tables(), async () => {
      const item = await this.requireItem(newsId);
      const added: NewsItem['photos'] = [];
      for (const photo of hashed) {
        const owner = { table: 'news', id: newsId, provinceCode: item.provinceCode, districtCode: item.districtCode };
        const file = { ...photo, fileName: photo.fileName.slice(0, 255) || 'photo.jpg' };
        const attachment = await storeAttachment(this.db, this.writer, owner, file, photo.sha256, now);
        added.push({ attachmentId: attachment.id, caption: photo.caption ?? '' });
      }
      const cover = item.coverAttachmentId ?? added[0]?.attachmentId ?? null;
      return this.writer.update('news', newsId, { photos: [...item.photos, ...added], coverAttachmentId: cover });
    });
  }

  async removePhoto(newsId: string, attachmentId: string): Promise<LocalRecord<'news'>> {
    return this.db.transaction('rw', this.tables(), async () => {
      const item = await this.requireItem(newsId);
      const photos = item.photos.filter((p) => p.attachmentId !== attachmentId);
      const cover = item.coverAttachmentId === attachmentId ? (photos[0]?.attachmentId ?? null) : item.coverAttachmentId;
      const updated = await this.writer.update('news', newsId, { photos, coverAttachmentId: cover });
      // The blob stays: it is content-addressed and may belong to another record too.
      if (await this.db.attachments.get(attachmentId)) await this.writer.remove('attachments', attachmentId);
      return updated;
    });
  }

  /** Puts a removed photo back (undo), at the place it had. */
  async restorePhoto(newsId: string, photo: NewsItem['photos'][number], index: number, wasCover: boolean): Promise<LocalRecord<'news'>> {
    return this.db.transaction('rw', this.tables(), async () => {
      const item = await this.requireItem(newsId);
      const attachment = await this.db.attachments.get(photo.attachmentId);
      if (attachment?.deleted) {
        await this.writer.update('attachments', photo.attachmentId, { deleted: false });
        await offerBlobAgain(this.db, attachment.sha256);
      }
      const photos = [...item.photos];
      photos.splice(Math.min(index, photos.length), 0, photo);
      return this.writer.update('news', newsId, { photos, coverAttachmentId: wasCover ? photo.attachmentId : item.coverAttachmentId });
    });
  }

  async setCaption(newsId: string, attachmentId: string, caption: string): Promise<LocalRecord<'news'>> {
    const item = await this.requireItem(newsId);
    const photos = item.photos.map((p) => (p.attachmentId === attachmentId ? { ...p, caption } : p));
    return this.writer.update('news', newsId, { photos }, { coalesce: true });
  }

  async setCover(newsId: string, attachmentId: string): Promise<LocalRecord<'news'>> {
    return this.writer.update('news', newsId, { coverAttachmentId: attachmentId });
  }

  /** Moves a photo by `delta` places (−1 earlier, +1 later). */
  async movePhoto(newsId: string, attachmentId: string, delta: number): Promise<LocalRecord<'news'>> {
    const item = await this.requireItem(newsId);
    const from = item.photos.findIndex((p) => p.attachmentId === attachmentId);
    const to = from + delta;
    if (from === -1 || to < 0 || to >= item.photos.length) return item;
    const photos = [...item.photos];
    const [moved] = photos.splice(from, 1);
    photos.splice(to, 0, moved!);
    return this.writer.update('news', newsId, { photos });
  }

  /** The item's photos in order, with their bytes (a photo whose blob has not arrived yet is left out). */
  async photosOf(item: Pick<NewsItem, 'photos' | 'coverAttachmentId'>): Promise<NewsPhotoData[]> {
    const out: NewsPhotoData[] = [];
    for (const photo of item.photos) {
      const attachment = await this.db.attachments.get(photo.attachmentId);
      if (!attachment || attachment.deleted) continue;
      const blob = await this.db.blobs.get(attachment.sha256);
      if (!blob) continue;
      out.push({
        attachmentId: attachment.id,
        caption: photo.caption,
        fileName: attachment.fileName,
        mimeType: attachment.mimeType,
        width: attachment.width,
        height: attachment.height,
        sha256: attachment.sha256,
        data: blob.data,
        isCover: item.coverAttachmentId === attachment.id,
      });
    }
    return out;
  }

  private async requireItem(id: string): Promise<LocalRecord<'news'>> {
    const item = await this.db.news.get(id);
    if (!item || item.deleted) throw new RecordValidationError('news', [{ path: 'id', message: 'ไม่พบข่าวนี้ในเครื่อง อาจถูกลบไปแล้ว' }]);
    return item;
  }
}
