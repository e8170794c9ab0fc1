// Metadata inside photo files: EXIF (camera, time, GPS position), XMP, IPTC, comments. A published photo
// must not carry where and when it was taken or by which phone (issue 18), so both the device (when a photo
// is prepared) and the server (when the public feed serves one) drop it. Only the bytes are read here, so
// it runs on both sides (no DOM, no Node).

const JPEG_KEEP_APP = new Set([0xe0, 0xee]); // APP0 JFIF, APP14 Adobe (colour transform: decoding needs it)
const ICC_ID = 'ICC_PROFILE\u0000';

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let out = '';
  for (let i = start; i < start + length && i < bytes.length; i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

/** A JPEG's header segments walked up to the image data: what stays, and the markers of what goes. */
function splitJpeg(bytes: Uint8Array): { kept: Uint8Array[]; removed: number[] } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  const removed: number[] = [];
  let at = 2;
  for (;;) {
    // Markers may be preceded by any number of 0xFF fill bytes.
    while (bytes[at] === 0xff && bytes[at + 1] === 0xff) at++;
    if (bytes[at] !== 0xff || at + 1 >= bytes.length) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xda || marker === 0xd9) {
      // Start of scan (or an image with no scan): the rest is image data, kept as it is.
      kept.push(bytes.subarray(at));
      return { kept, removed };
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) return null;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) return null;
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const metadata = marker === 0xfe || (isApp && !JPEG_KEEP_APP.has(marker) && !(marker === 0xe2 && ascii(bytes, at + 4, ICC_ID.length) === ICC_ID));
    if (metadata) removed.push(marker);
    else kept.push(bytes.subarray(at, at + 2 + length));
    at += 2 + length;
  }
}

/**
 * The JPEG without its metadata segments: APP1 (EXIF, XMP), APP2 other than an ICC colour profile,
 * APP3–APP13 and APP15 (IPTC, maker data), and comments. The image data is untouched. Null when the bytes
 * are not a JPEG whose header segments can be walked (then nothing can be said about what they carry).
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | null {
  const split = splitJpeg(bytes);
  if (split === null) return null;
  return split.removed.length > 0 ? concat(split.kept) : bytes;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Text, EXIF and time chunks; everything a picture needs to look the same stays. */
const PNG_METADATA_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/** The PNG without its text, EXIF and time chunks; null when its chunks cannot be walked. */
export function stripPngMetadata(bytes: Uint8Array): Uint8Array | null {
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return null;
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let removed = false;
  let at = 8;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) return null;
    const length = ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    const type = ascii(bytes, at + 4, 4);
    if (PNG_METADATA_CHUNKS.has(type)) removed = true;
    else kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return removed ? concat(kept) : bytes;
}

/**
 * For a photo being prepared on the device: the bytes to store as they came, with their metadata dropped —
 * or null when it must be drawn anew instead (a JPEG with EXIF, which may say how to turn the picture, so
 * dropping it could leave the photo lying on its side; a file whose structure cannot be walked).
 */
export function photoBytesToKeep(bytes: Uint8Array, mimeType: string): Uint8Array | null {
  if (mimeType === 'image/jpeg') {
    const split = splitJpeg(bytes);
    if (split === null || split.removed.includes(0xe1)) return null;
    return split.removed.length > 0 ? concat(split.kept) : bytes;
  }
  return withoutImageMetadata(bytes, mimeType);
}

/**
 * A photo with its metadata dropped, for the formats that carry it (JPEG, PNG); other images as they are.
 * Null when a JPEG or PNG cannot be walked.
 */
export function withoutImageMetadata(bytes: Uint8Array, mimeType: string): Uint8Array | null {
  if (mimeType === 'image/jpeg') return stripJpegMetadata(bytes);
  if (mimeType === 'image/png') return stripPngMetadata(bytes);
  return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
