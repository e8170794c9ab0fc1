import type { AttachmentMime } from '../domain/attachment';
import { detectImageMime } from '../news/image-signature';

/** What a signed MOU may be: a PDF or a scan. Judged by the bytes, not the file name. */
export function documentMimeOf(bytes: Uint8Array): AttachmentMime | null {
  if (bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  return detectImageMime(bytes);
}
