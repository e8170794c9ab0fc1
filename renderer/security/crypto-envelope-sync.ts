// The envelope of crypto-envelope.ts (format byte, 96-bit IV, AES-256-GCM ciphertext and tag), made and opened
// synchronously with @noble/ciphers. Encryption at rest runs inside Dexie's IndexedDB transactions, which commit
// as soon as the code awaits anything that is not an IndexedDB request — WebCrypto's promises included — so the
// fields are sealed without awaiting. The bytes are standard AES-GCM: crypto-envelope-sync.test.ts opens them
// with WebCrypto and the other way round. The key is prepared once (aes-gcm-keyed.ts) and IVs are cut from a
// pool of random bytes: a 20,000-person import seals over 100,000 values.
import { keyedAesGcm } from './aes-gcm-keyed';
import { aadBytes, ENVELOPE_FORMAT, ENVELOPE_IV_BYTES, EnvelopeError, randomBytes } from './crypto-envelope';

const TAG_BYTES = 16;
const IV_POOL_BYTES = 4096;
let ivPool = new Uint8Array(0);
let ivPoolAt = 0;

/** A fresh random IV: bytes of one getRandomValues call, each handed out once. */
function nextIv(): Uint8Array {
  if (ivPoolAt + ENVELOPE_IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivPoolAt = 0;
  }
  const iv = ivPool.subarray(ivPoolAt, ivPoolAt + ENVELOPE_IV_BYTES);
  ivPoolAt += ENVELOPE_IV_BYTES;
  return iv;
}

export function sealSync(rawKey: Uint8Array, plain: Uint8Array, aad: string): Uint8Array<ArrayBuffer> {
  if (rawKey.byteLength !== 32) throw new EnvelopeError(`an AES-256 key is 32 bytes, not ${rawKey.byteLength}`);
  const iv = nextIv();
  const body = keyedAesGcm(rawKey).encrypt(iv, plain, aadBytes(aad));
  const out = new Uint8Array(1 + ENVELOPE_IV_BYTES + body.byteLength);
  out[0] = ENVELOPE_FORMAT;
  out.set(iv, 1);
  out.set(body, 1 + ENVELOPE_IV_BYTES);
  return out;
}

export function openSync(rawKey: Uint8Array, sealed: Uint8Array, aad: string): Uint8Array {
  if (sealed.byteLength < 1 + ENVELOPE_IV_BYTES + TAG_BYTES || sealed[0] !== ENVELOPE_FORMAT) throw new EnvelopeError('not an envelope of this format');
  try {
    return keyedAesGcm(rawKey).decrypt(sealed.subarray(1, 1 + ENVELOPE_IV_BYTES), sealed.subarray(1 + ENVELOPE_IV_BYTES), aadBytes(aad));
  } catch (error) {
    throw new EnvelopeError('the envelope does not open with this key (wrong key or changed bytes)', { cause: error });
  }
}
