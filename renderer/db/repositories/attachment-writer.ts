import { uuidv7 } from '../../../shared/ids/uuid-v7';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import type { RecordWriter } from '../record-writer';
import { sha256Hex } from './news-photo-repository';

export interface AttachmentFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  width: number | null;
  height: number | null;
}

export interface AttachmentOwner {
  table: string;
  id: string;
  provinceCode: string;
  districtCode: string | null;
}

/** The stores a transaction that calls storeAttachment must include. */
export function attachmentStores(db: DeskDatabase) {
  return [db.attachments, db.blobs, db.outbox, db.syncState];
}

export const fileHash = sha256Hex;

/**
 * A file as the sync protocol carries it: the bytes as a content-addressed blob (uploaded and
 * downloaded by hash), and an attachment record naming its owner, in the owner's scope. Runs in the
 * caller's transaction; the hash is computed by the caller beforehand (crypto.subtle is async and
 * would end an IndexedDB transaction).
 */
export async function storeAttachment(db: DeskDatabase, writer: RecordWriter, owner: AttachmentOwner, file: AttachmentFile, sha256: string, now: Date): Promise<LocalRecord<'attachments'>> {
  if (!(await db.blobs.get(sha256))) {
    await db.blobs.put({ sha256, data: new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType }), size: file.bytes.byteLength, uploaded: false });
  }
  return writer.create('attachments', {
    id: uuidv7(now.getTime()),
    provinceCode: owner.provinceCode,
    districtCode: owner.districtCode,
    deleted: false,
    sha256,
    ownerTable: owner.table,
    ownerId: owner.id,
    fileName: file.fileName,
    mimeType: file.mimeType,
    size: file.bytes.byteLength,
    width: file.width,
    height: file.height,
    caption: '',
    createdAt: now.toISOString(),
  });
}
