// AES-256-GCM for many small values under one key (the personal fields sealed at rest, crypto-envelope-sync.ts).
// @noble's gcm() expands the AES key and builds GHASH's multiplication table on every call: ~25 µs for a phone
// number, most of a 20,000-row import's sealing (issue 13). Here both are made once per key and every value
// only runs the counter blocks and the hash. The primitives are noble's own (its AES rounds, ctr32 and GHASH);
// only their assembly into GCM (NIST SP 800-38D, 96-bit IV) is here, and aes-gcm-keyed.test.ts holds it to
// WebCrypto's and noble's gcm byte for byte.
import { unsafe } from '@noble/ciphers/aes.js';
import { GHASH } from '@noble/ciphers/_polyval.js';

const BLOCK = 16;
const TAG_BYTES = 16;
export const GCM_IV_BYTES = 12;

/** GHASH's window of 8 bits: a 64 kB table made once per key, 16 lookups per block. */
const LARGE_TABLE_HINT = 64 * 1024 + 1;

export class GcmTagError extends Error {
  constructor() {
    super('aes-gcm: the tag does not match');
    this.name = 'GcmTagError';
  }
}

export class KeyedAesGcm {
  private readonly expandedKey: Uint32Array;
  private readonly hashKeyed: GHASH;

  constructor(rawKey: Uint8Array) {
    if (rawKey.byteLength !== 32) throw new RangeError(`an AES-256 key is 32 bytes, not ${rawKey.byteLength}`);
    this.expandedKey = unsafe.expandKeyLE(rawKey);
    const hashKey = new Uint8Array(BLOCK);
    unsafe.encryptBlock(this.expandedKey, hashKey);
    this.hashKeyed = new GHASH(hashKey, LARGE_TABLE_HINT);
    hashKey.fill(0);
  }

  /** The ciphertext with the 16-byte tag at its end, as WebCrypto's encrypt gives it. */
  encrypt(iv: Uint8Array, plain: Uint8Array, aad: Uint8Array): Uint8Array<ArrayBuffer> {
    const counter = this.firstCounter(iv);
    const tagMask = unsafe.ctr32(this.expandedKey, false, counter, new Uint8Array(BLOCK));
    const out = new Uint8Array(plain.length + TAG_BYTES);
    unsafe.ctr32(this.expandedKey, false, counter, aligned(plain), out.subarray(0, plain.length));
    out.set(this.tag(aad, out.subarray(0, plain.length), tagMask), plain.length);
    return out;
  }

  /** The plain bytes, or GcmTagError when the key, the IV, the additional data or the bytes are not the sealed ones. */
  decrypt(iv: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array<ArrayBuffer> {
    if (sealed.length < TAG_BYTES) throw new GcmTagError();
    const body = aligned(sealed.subarray(0, sealed.length - TAG_BYTES));
    const counter = this.firstCounter(iv);
    const tagMask = unsafe.ctr32(this.expandedKey, false, counter, new Uint8Array(BLOCK));
    if (!equalInConstantTime(this.tag(aad, body, tagMask), sealed.subarray(sealed.length - TAG_BYTES))) throw new GcmTagError();
    const plain = new Uint8Array(body.length);
    unsafe.ctr32(this.expandedKey, false, counter, body, plain);
    return plain;
  }

  /** J0 = IV ‖ 0³¹1 for a 96-bit IV. */
  private firstCounter(iv: Uint8Array): Uint8Array {
    if (iv.length !== GCM_IV_BYTES) throw new RangeError(`the IV is ${GCM_IV_BYTES} bytes`);
    const counter = new Uint8Array(BLOCK);
    counter.set(iv);
    counter[BLOCK - 1] = 1;
    return counter;
  }

  /** GHASH(A, C, len(A) ‖ len(C)) XOR E(J0): a fresh hash state over the key's table (the table is only read). */
  private tag(aad: Uint8Array, ciphertext: Uint8Array, tagMask: Uint8Array): Uint8Array {
    const hash = Object.create(this.hashKeyed) as GHASH;
    Object.assign(hash, { s0: 0, s1: 0, s2: 0, s3: 0, finished: false, destroyed: false });
    const lengths = new Uint8Array(BLOCK);
    const view = new DataView(lengths.buffer);
    setBitLength(view, 0, aad.length);
    setBitLength(view, 8, ciphertext.length);
    if (aad.length) hash.update(aad);
    hash.update(ciphertext);
    hash.update(lengths);
    const tag = new Uint8Array(BLOCK);
    hash.digestInto(tag);
    for (let i = 0; i < BLOCK; i++) tag[i]! ^= tagMask[i]!;
    return tag;
  }
}

function setBitLength(view: DataView, at: number, bytes: number): void {
  const bits = bytes * 8;
  view.setUint32(at, Math.floor(bits / 2 ** 32), false);
  view.setUint32(at + 4, bits >>> 0, false);
}

/** ctr32 reads and writes whole 32-bit words: a view that does not start on a word boundary is copied. */
function aligned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
}

function equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const byKey = new WeakMap<Uint8Array, KeyedAesGcm>();

/** The keyed cipher of a raw key (made once; the key's bytes object is the cache key, so a dropped key drops it). */
export function keyedAesGcm(rawKey: Uint8Array): KeyedAesGcm {
  let cipher = byKey.get(rawKey);
  if (!cipher) byKey.set(rawKey, (cipher = new KeyedAesGcm(rawKey)));
  return cipher;
}
