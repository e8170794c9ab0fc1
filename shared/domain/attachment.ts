import { z } from 'zod';
import { IsoDateTime, RecordId, scopeShape } from './common';

/** The largest file the server takes (200 MB): the blob store's limit, and the bound of `size`. */
export const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;

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
  mimeType: z.string().min(1).max(100),
  size: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
  width: z.number().int().min(0).max(100_000).nullable(),
  height: z.number().int().min(0).max(100_000).nullable(),
  caption: z.string().max(500),
  createdAt: IsoDateTime,
});
export type Attachment = z.infer<typeof Attachment>;
