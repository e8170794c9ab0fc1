import { photoBytesToKeep } from '../../../shared/media/image-metadata';
import { detectImageMime } from '../../../shared/news/image-signature';
import type { PreparedPhoto } from '../../db/repositories/news-photo-repository';

/** Photos are scaled so the long side is at most this: plenty for the website and A4, far smaller than a camera's. */
export const MAX_PHOTO_EDGE = 2000;
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
/** What the file pickers offer; the bytes decide what a file really is. */
export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif'];
/** Below this, a small JPEG/PNG is stored as it came. */
const KEEP_AS_IS_BYTES = 1_500_000;

export type PhotoProblem = { kind: 'not-image' | 'broken' | 'too-big'; name: string };
export type PreparedPhotos = { ok: true; photos: PreparedPhoto[] } | { ok: false; problem: PhotoProblem };

export interface InputFile {
  name: string;
  data: Uint8Array;
}

/**
 * Checks every file (by its bytes, not its name), decodes it, scales it down and drops its metadata (a
 * canvas writes none). All or nothing:
 * one bad file stops the batch before anything is stored.
 */
export async function preparePhotos(files: readonly InputFile[], onProgress: (done: number) => void): Promise<PreparedPhotos> {
  const out: PreparedPhoto[] = [];
  for (const [index, file] of files.entries()) {
    if (file.data.byteLength > MAX_INPUT_BYTES) return { ok: false, problem: { kind: 'too-big', name: file.name } };
    const mime = detectImageMime(file.data);
    if (!mime) return { ok: false, problem: { kind: 'not-image', name: file.name } };
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(new Blob([file.data as Uint8Array<ArrayBuffer>], { type: mime }));
    } catch {
      return { ok: false, problem: { kind: 'broken', name: file.name } };
    }
    try {
      out.push(await scaleDown(file, mime, bitmap));
    } finally {
      bitmap.close();
    }
    onProgress(index + 1);
  }
  return { ok: true, photos: out };
}

async function scaleDown(file: InputFile, mime: string, bitmap: ImageBitmap): Promise<PreparedPhoto> {
  const { width, height } = bitmap;
  const scale = Math.min(1, MAX_PHOTO_EDGE / Math.max(width, height));
  // WebP is re-encoded too: the DOCX export (Word) does not take it. A kept file loses its metadata (EXIF:
  // where and when, which phone); a JPEG with EXIF is drawn anew instead, since EXIF may turn the picture.
  const kept = scale === 1 && file.data.byteLength <= KEEP_AS_IS_BYTES && mime !== 'image/webp' ? photoBytesToKeep(file.data, mime) : null;
  if (kept) return { fileName: file.name, mimeType: mime, bytes: kept, width, height };
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2d is not available');
  // JPEG has no transparency: paint white under a PNG's transparent parts.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, w, h);
  context.drawImage(bitmap, 0, 0, w, h);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) throw new Error('could not encode the photo');
  return { fileName: file.name.replace(/\.[^.]+$/, '') + '.jpg', mimeType: 'image/jpeg', bytes: new Uint8Array(await blob.arrayBuffer()), width: w, height: h };
}
