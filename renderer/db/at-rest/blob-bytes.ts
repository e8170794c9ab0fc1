// A Blob's bytes cannot be read synchronously, and an IndexedDB transaction commits at the first await of
// anything else: so the at-rest middleware cannot read the bytes of a photo it is given to seal. Whoever makes
// a Blob to store (the attachment writer, the blob sync's download) makes it here, from bytes it already holds,
// and the middleware finds them again by the Blob (the middleware registers the Blobs it opens the same way, so
// a stored row read and written back — `update(sha256, { uploaded: true })` — is sealed again).
const clearBytes = new WeakMap<Blob, Uint8Array>();

export function blobWithBytes(bytes: Uint8Array, type: string): Blob {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  clearBytes.set(blob, bytes);
  return blob;
}

/** The bytes a Blob was made from here, if it was (undefined: they can only be read asynchronously). */
export function knownBytesOf(blob: Blob): Uint8Array | undefined {
  return clearBytes.get(blob);
}

/** Remembers the bytes of a Blob made elsewhere, once read (sealing rows stored before encryption at rest). */
export function rememberBytes(blob: Blob, bytes: Uint8Array): void {
  clearBytes.set(blob, bytes);
}
