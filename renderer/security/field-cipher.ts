// Encryption at rest of personal fields (issue 14, part 2; docs/privacy.md "Encryption at rest of the personal
// fields"), used by the data layer's middleware (renderer/db/at-rest/). Synchronous on purpose: it runs inside
// IndexedDB transactions (crypto-envelope-sync.ts says why).
//
// - A field value is sealed as "pd1.<keyId>.<envelope>": the envelope of crypto-envelope.ts (AES-256-GCM) of its
//   JSON, the additional data binding it to "<store>/<row key>/<field>", so a value copied to another record or
//   field does not open. The key id says which data key (rotation: old envelopes open until re-sealed).
// - What must stay findable without the value in clear gets keyed search tokens: HMAC-SHA-256 under a search
//   key derived from the master key (HKDF-SHA-256), truncated to 16 bytes, base64url, "#" first. A national ID
//   gives a token for the whole number and one for its last four digits; a phone one for its last four digits
//   and one per prefix of six digits or more (the whole number included). Equal values give equal tokens on this
//   device only (another device's key gives others), so an index of them finds a person by a typed ID or phone
//   without the number being stored in clear.
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64Url, toBase64Url } from './crypto-envelope';
import { openSync, sealSync } from './crypto-envelope-sync';

const PREFIX = 'pd1';
const TOKEN_BYTES = 16;
const MIN_PHONE_PREFIX = 6;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export interface FieldKeys {
  currentKeyId: string;
  /** Raw AES-256 data keys by id (noble needs the bytes; they live in memory only while unlocked). */
  keys: ReadonlyMap<string, Uint8Array>;
  /** HMAC-SHA-256 key for search tokens. */
  searchKey: Uint8Array;
}

/** Whether a stored value is a sealed one (anything else is a value written before encryption, in clear). */
export function isSealedValue(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${PREFIX}.`) && value.split('.').length === 3;
}

const aad = (store: string, rowKey: string, field: string) => `provincedesk/field/${store}/${rowKey}/${field}`;

export function sealField(keys: FieldKeys, store: string, rowKey: string, field: string, value: unknown): string {
  const key = keys.keys.get(keys.currentKeyId);
  if (!key) throw new RangeError('the current data key is not loaded');
  const envelope = sealSync(key, encoder.encode(JSON.stringify(value ?? null)), aad(store, rowKey, field));
  return `${PREFIX}.${keys.currentKeyId}.${toBase64Url(envelope)}`;
}

/** The value of a sealed field; a value in clear (not sealed yet) is returned as it is. Throws EnvelopeError if changed. */
export function openField(keys: FieldKeys, store: string, rowKey: string, field: string, stored: unknown): unknown {
  if (!isSealedValue(stored)) return stored;
  const [, keyId, body] = stored.split('.') as [string, string, string];
  const key = keys.keys.get(keyId);
  if (!key) throw new RangeError(`data key ${keyId} is not on this device`);
  return JSON.parse(decoder.decode(openSync(key, fromBase64Url(body), aad(store, rowKey, field)))) as unknown;
}

/** The search key: HKDF-SHA-256 of the master key's raw bytes, so it outlives data-key rotation. */
export function deriveSearchKey(rawMasterKey: Uint8Array): Uint8Array {
  return hkdf(sha256, rawMasterKey, new Uint8Array(0), encoder.encode('provincedesk/search-tokens/v1'), 32);
}

/** A search token as stored in an index: never a value in clear, and never a Thai word or a digit string. */
export function isSearchToken(token: unknown): boolean {
  return typeof token === 'string' && token.startsWith('#');
}

/** HMAC keyed once per search key (its inner and outer hash states), cloned per token: half the hashing of hmac(). */
const keyedHmacs = new WeakMap<Uint8Array, ReturnType<typeof hmac.create>>();

function token(searchKey: Uint8Array, text: string): string {
  let keyed = keyedHmacs.get(searchKey);
  if (!keyed) keyedHmacs.set(searchKey, (keyed = hmac.create(sha256, searchKey)));
  return `#${toBase64Url(keyed.clone().update(encoder.encode(text)).digest().subarray(0, TOKEN_BYTES))}`;
}

/** Tokens of a national ID: the whole number and its last four digits (only the four when that is all there is). */
export function nationalIdTokens(searchKey: Uint8Array, nationalId: string): string[] {
  const digits = nationalId.replace(/\D/g, '');
  if (digits.length === 13) return [token(searchKey, `id:${digits}`), token(searchKey, `id4:${digits.slice(-4)}`)];
  if (digits.length === 4) return [token(searchKey, `id4:${digits}`)];
  return [];
}

/** Tokens of a phone: its last four digits and every prefix of six digits or more (the whole number the longest). */
export function phoneTokens(searchKey: Uint8Array, phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 4) return [];
  const tokens = [token(searchKey, `tel4:${digits.slice(-4)}`)];
  for (let n = MIN_PHONE_PREFIX; n <= digits.length; n++) tokens.push(token(searchKey, `telp:${digits.slice(0, n)}`));
  return tokens;
}

/**
 * The tokens to look typed digits up by: 13 digits an ID; 4 digits an ID's or a phone's last four; 6 or more a
 * phone's beginning (or the whole number). Other lengths find nothing (a short fragment is not indexed).
 */
export function digitsQueryTokens(searchKey: Uint8Array, typed: string): string[] {
  const digits = typed.replace(/\D/g, '');
  const tokens: string[] = [];
  if (digits.length === 13) tokens.push(token(searchKey, `id:${digits}`));
  if (digits.length === 4) tokens.push(token(searchKey, `id4:${digits}`), token(searchKey, `tel4:${digits}`));
  if (digits.length >= MIN_PHONE_PREFIX) tokens.push(token(searchKey, `telp:${digits}`));
  return tokens;
}

/** The token of a whole national ID (duplicate detection looks people up by it). */
export function nationalIdQueryToken(searchKey: Uint8Array, nationalId: string): string | null {
  const digits = nationalId.replace(/\D/g, '');
  return digits.length === 13 ? token(searchKey, `id:${digits}`) : null;
}

/** The field keys of raw data keys and the raw master key (the keyring makes them on unlock; tests directly). */
export function fieldKeysFrom(rawDataKeys: ReadonlyMap<string, Uint8Array>, currentKeyId: string, rawMasterKey: Uint8Array): FieldKeys {
  if (!rawDataKeys.has(currentKeyId)) throw new RangeError('no current data key');
  return { currentKeyId, keys: rawDataKeys, searchKey: deriveSearchKey(rawMasterKey) };
}
