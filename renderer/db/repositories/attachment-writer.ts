import { isAttachmentMime, type AttachmentMime } from '../../../shared/domain/attachment';
import { documentMimeOf } from '../../../shared/roster/document-type';
import type { DeskDatabase } from '../database';
import { RecordValidationError } from '../record-validation-error';
import type { LocalRecord } from '../local-record';
import type { RecordWriter } from '../record-writer';
import { newRecordIdentity } from './record-envelope';
import { sha256Hex } from '../sha256-hex';
import { blobWithBytes } from '../at-rest/blob-bytes';

export interface AttachmentFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  width: number | null;
  height: number | null;
  caption?: string;
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

/** The name a file's blob is stored and synced under. */
export const fileHash = (bytes: Uint8Array): Promise<string> => sha256Hex(bytes);

/**
 * Stores a file's bytes under their hash, to be sent on the next sync. Bytes this device already has
 * are offered again too: the server may have dropped them since nothing named them (prune), and the
 * blob sync's HEAD then either renews them there or sends them.
 */
export async function keepBlob(db: DeskDatabase, sha256: string, bytes: Uint8Array, mimeType: string): Promise<void> {
  const existing = await db.blobs.get(sha256);
  // blobWithBytes: the at-rest middleware seals the bytes inside this transaction (at-rest/blob-bytes.ts).
  if (!existing) await db.blobs.put({ sha256, data: blobWithBytes(bytes, mimeType), size: bytes.byteLength, uploaded: false });
  else await offerBlobAgain(db, sha256);
}

/** An attachment brought back (undo): its bytes are offered to the server again, as keepBlob does. */
export async function offerBlobAgain(db: DeskDatabase, sha256: string): Promise<void> {
  if ((await db.blobs.get(sha256))?.uploaded) await db.blobs.update(sha256, { uploaded: false });
}

/** The type a file's bytes tell (what the server serves it as too), or the one given when they tell none. */
function attachmentMimeOf(file: AttachmentFile): AttachmentMime {
  const told = documentMimeOf(file.bytes) ?? file.mimeType;
  if (isAttachmentMime(told)) return told;
  throw new RecordValidationError('attachments', [{ path: 'mimeType', message: 'แนบได้เฉพาะรูปภาพ (JPEG, PNG, WebP, GIF) หรือไฟล์ PDF' }]);
}

/**
 * A file as the sync protocol carries it: the bytes as a content-addressed blob (uploaded and
 * downloaded by hash), and an attachment record naming its owner, in the owner's scope. Runs in the
 * caller's transaction; the hash is computed by the caller beforehand (crypto.subtle is async and
 * would end an IndexedDB transaction).
 */
export async function storeAttachment(db: DeskDatabase, writer: RecordWriter, owner: AttachmentOwner, file: AttachmentFile, sha256: string, now: Date): Promise<LocalRecord<'attachments'>> {
  const mimeType = attachmentMimeOf(file);
  await keepBlob(db, sha256, file.bytes, mimeType);
  return writer.create('attachments', {
    ...newRecordIdentity(owner.provinceCode, owner.districtCode, now),
    sha256,
    ownerTable: owner.table,
    ownerId: owner.id,
    fileName: file.fileName,
    mimeType,
    size: file.bytes.byteLength,
    width: file.width,
    height: file.height,
    caption: file.caption ?? '',
    createdAt: now.toISOString(),
  });
}
