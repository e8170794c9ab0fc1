import { z } from 'zod';
import { IsoDateTime, RecordId, scopeShape } from './common';

/** The largest file the server takes (200 MB): the blob store's limit, and the bound of `size`. */
export const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;

/**
 * What a file may be: the photo formats, and PDF for documents (a partner's signed MOU). The app tells the
 * type from a file's bytes; the server serves bytes with the type their bytes tell, never this field's.
 */
export const ATTACHMENT_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];

export function isAttachmentMime(value: string): value is AttachmentMime {
  return (ATTACHMENT_MIME_TYPES as readonly string[]).includes(value);
}

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'ค่าแฮชไม่ถูกต้อง');

/**
 * Metadata of a photo or document. The bytes are a content-addressed blob (sha-256),
 * stored and synced separately from the record.
 */
export const Attachment = z.object({
  ...scopeShape,
  sha256: Sha256Hex,
  ownerTable: z.string().min(1).max(40),
  ownerId: RecordId,
  fileName: z.string().min(1).max(255),
  mimeType: z.enum(ATTACHMENT_MIME_TYPES),
  size: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
  width: z.number().int().min(0).max(100_000).nullable(),
  height: z.number().int().min(0).max(100_000).nullable(),
  caption: z.string().max(500),
  createdAt: IsoDateTime,
});
export type Attachment = z.infer<typeof Attachment>;
