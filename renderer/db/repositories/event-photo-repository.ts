import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import type { RecordWriter } from '../record-writer';
import { attachmentStores, fileHash, offerBlobAgain, storeAttachment } from './attachment-writer';

/** A photo as the picker prepared it (checked by its bytes, scaled down like news and person photos). */
export interface EventPhotoFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  width?: number | null;
  height?: number | null;
}

/** An activity's photos: content-addressed blobs plus synced attachment records owned by the event. */
export class EventPhotoRepository {
  constructor(
    private readonly db: DeskDatabase,
    private readonly writer: RecordWriter,
  ) {}

  /** Stores all the photos or none. */
  async addPhotos(eventId: string, photos: readonly EventPhotoFile[], now = new Date()): Promise<number> {
    const hashed = await Promise.all(photos.map(async (p) => ({ ...p, sha256: await fileHash(p.bytes) })));
    return this.db.transaction('rw', [this.db.events, ...attachmentStores(this.db)], async () => {
      const event = await this.db.events.get(eventId);
      if (!event || event.deleted) throw new Error(`events ${eventId} does not exist`);
      const owner = { table: 'events', id: eventId, provinceCode: event.provinceCode, districtCode: event.districtCode };
      for (const [index, photo] of hashed.entries()) {
        const file = { ...photo, fileName: photo.fileName.slice(0, 255) || 'photo.jpg', width: photo.width ?? null, height: photo.height ?? null };
        // A millisecond apart: ids are time-ordered, so the photos list in the order they were picked.
        await storeAttachment(this.db, this.writer, owner, file, photo.sha256, new Date(now.getTime() + index));
      }
      return hashed.length;
    });
  }

  /** The activity's photos in the order they were added (the index keeps ids in order), with their bytes (null until a synced blob arrives). */
  async photosOf(eventId: string): Promise<{ attachment: LocalRecord<'attachments'>; data: Blob | null }[]> {
    const attachments = await this.db.attachments.where('ownerId').equals(eventId).filter((a) => !a.deleted && a.ownerTable === 'events').toArray();
    return Promise.all(attachments.map(async (attachment) => ({ attachment, data: (await this.db.blobs.get(attachment.sha256))?.data ?? null })));
  }

  /**
   * The caption shown under a photo (and its alt text). Coalesced like other as-you-type edits:
   * changing it again before a sync leaves one pending change.
   */
  setCaption(attachmentId: string, caption: string): Promise<LocalRecord<'attachments'>> {
    return this.writer.update('attachments', attachmentId, { caption: caption.trim() }, { coalesce: true });
  }

  /** Takes a photo off the activity: a tombstone on its attachment. The blob stays (content-addressed, maybe shared). */
  remove(attachmentId: string): Promise<void> {
    return this.writer.remove('attachments', attachmentId);
  }

  /** Undoes remove: the same attachment, caption and place in the order. */
  async restore(attachmentId: string): Promise<void> {
    await this.db.transaction('rw', attachmentStores(this.db), async () => {
      const attachment = await this.writer.update('attachments', attachmentId, { deleted: false });
      await offerBlobAgain(this.db, attachment.sha256);
    });
  }
}
