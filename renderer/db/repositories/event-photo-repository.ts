import { uuidv7 } from '../../../shared/ids/uuid-v7';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import type { RecordWriter } from '../record-writer';
import { sha256Hex } from './news-photo-repository';

export interface EventPhotoFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** An activity's photos: content-addressed blobs plus synced attachment records owned by the event. */
export class EventPhotoRepository {
  constructor(
    private readonly db: DeskDatabase,
    private readonly writer: RecordWriter,
  ) {}

  /** Stores all the photos or none. */
  async addPhotos(eventId: string, photos: readonly EventPhotoFile[], now = new Date()): Promise<number> {
    const hashed = await Promise.all(photos.map(async (p) => ({ ...p, sha256: await sha256Hex(p.bytes) })));
    return this.db.transaction('rw', [this.db.events, this.db.attachments, this.db.blobs, this.db.outbox, this.db.syncState], async () => {
      const event = await this.db.events.get(eventId);
      if (!event || event.deleted) throw new Error(`events ${eventId} does not exist`);
      for (const photo of hashed) {
        if (!(await this.db.blobs.get(photo.sha256))) {
          await this.db.blobs.put({ sha256: photo.sha256, data: new Blob([photo.bytes as Uint8Array<ArrayBuffer>], { type: photo.mimeType }), size: photo.bytes.byteLength, uploaded: false });
        }
        await this.writer.create('attachments', {
          id: uuidv7(now.getTime()),
          provinceCode: event.provinceCode,
          districtCode: event.districtCode,
          deleted: false,
          sha256: photo.sha256,
          ownerTable: 'events',
          ownerId: eventId,
          fileName: photo.fileName.slice(0, 255) || 'photo.jpg',
          mimeType: photo.mimeType,
          size: photo.bytes.byteLength,
          width: null,
          height: null,
          caption: '',
          createdAt: now.toISOString(),
        });
      }
      return hashed.length;
    });
  }

  async photosOf(eventId: string): Promise<{ attachment: LocalRecord<'attachments'>; data: Blob | null }[]> {
    const attachments = await this.db.attachments.where('ownerId').equals(eventId).filter((a) => !a.deleted && a.ownerTable === 'events').toArray();
    return Promise.all(attachments.map(async (attachment) => ({ attachment, data: (await this.db.blobs.get(attachment.sha256))?.data ?? null })));
  }

  remove(attachmentId: string): Promise<void> {
    return this.writer.remove('attachments', attachmentId);
  }
}
