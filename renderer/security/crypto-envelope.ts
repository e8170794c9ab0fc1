// AES-256-GCM through WebCrypto (issue 14, docs/privacy.md "How it is encrypted"). One envelope for everything
// the device encrypts — wrapped keys, backups, and (later) personal fields and photo bytes:
//
//   byte 0      format version (1)
//   bytes 1–12  a random 96-bit IV, new for every envelope
//   bytes 13–   the ciphertext with GCM's 128-bit tag at its end
//
// The "additional data" (AAD) names what the bytes are for (e.g. "provincedesk/master-key/password"): an
// envelope moved to another purpose fails to open instead of being read as something else. GCM cannot tell a
// wrong key from changed bytes; both are EnvelopeError.

export const ENVELOPE_FORMAT = 1;
export const ENVELOPE_IV_BYTES = 12;
const FORMAT = ENVELOPE_FORMAT;
const IV_BYTES = ENVELOPE_IV_BYTES;

export class EnvelopeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EnvelopeError';
  }
}

const encoder = new TextEncoder();

export function aadBytes(aad: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(aad);
}

/** A fresh 256-bit AES-GCM key from raw bytes; not extractable (its raw bytes stay where they are kept wrapped). */
export function importAesKey(raw: Uint8Array, usages: KeyUsage[] = ['encrypt', 'decrypt']): Promise<CryptoKey> {
  if (raw.byteLength !== 32) throw new EnvelopeError(`an AES-256 key is 32 bytes, not ${raw.byteLength}`);
  return crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, usages);
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export async function seal(key: CryptoKey, plain: Uint8Array, aad: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = randomBytes(IV_BYTES);
  const body = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aadBytes(aad) }, key, plain as Uint8Array<ArrayBuffer>));
  const out = new Uint8Array(1 + IV_BYTES + body.byteLength);
  out[0] = FORMAT;
  out.set(iv, 1);
  out.set(body, 1 + IV_BYTES);
  return out;
}

export async function open(key: CryptoKey, sealed: Uint8Array, aad: string): Promise<Uint8Array<ArrayBuffer>> {
  if (sealed.byteLength < 1 + IV_BYTES + 16 || sealed[0] !== FORMAT) throw new EnvelopeError('not an envelope of this format');
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(1, 1 + IV_BYTES), additionalData: aadBytes(aad) },
      key,
      sealed.slice(1 + IV_BYTES),
    );
    return new Uint8Array(plain);
  } catch (error) {
    // OperationError: the tag did not match — a wrong key, or bytes changed since they were sealed.
    throw new EnvelopeError('the envelope does not open with this key (wrong key or changed bytes)', { cause: error });
  }
}

export async function sealText(key: CryptoKey, text: string, aad: string): Promise<string> {
  return toBase64Url(await seal(key, encoder.encode(text), aad));
}

export async function openText(key: CryptoKey, sealed: string, aad: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(sealed);
  } catch (error) {
    throw new EnvelopeError('not an envelope (bad base64)', { cause: error });
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(await open(key, bytes, aad));
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new EnvelopeError('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
