// Keys from what a person types (the unlock password or PIN, a backup passphrase): PBKDF2-HMAC-SHA-256 through
// WebCrypto. scrypt and Argon2 are not in WebCrypto; PBKDF2 is, runs natively in Chromium and Node, and with
// the iteration count OWASP's Password Storage Cheat Sheet gives for it (600,000 for SHA-256, 2023) one guess
// costs about a third of a second on an office laptop. The parameters are stored beside every derived-key
// envelope, so a later version can raise them: docs/privacy.md lists them.
import { importAesKey, randomBytes } from './crypto-envelope';

export const KDF_NAME = 'PBKDF2-SHA-256';
export const KDF_ITERATIONS = 600_000;
export const KDF_SALT_BYTES = 16;

export interface KdfParams {
  name: typeof KDF_NAME;
  iterations: number;
  /** base64url */
  salt: string;
}

export function newKdfParams(iterations = KDF_ITERATIONS): { params: Omit<KdfParams, 'salt'>; salt: Uint8Array<ArrayBuffer> } {
  return { params: { name: KDF_NAME, iterations }, salt: randomBytes(KDF_SALT_BYTES) };
}

/** The 256-bit AES-GCM key a secret and salt give (NFC first: the same Thai text typed two ways is one secret). */
export async function deriveKey(secret: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  if (!Number.isInteger(iterations) || iterations < 100_000) throw new RangeError(`too few PBKDF2 iterations: ${iterations}`);
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, material, 256);
  return importAesKey(new Uint8Array(bits));
}
