// The building block of encryption at rest of personal fields (issue 14, part 2; docs/privacy.md "Encryption at
// rest of the personal fields"). Not wired into the data layer yet: this is what the record writer, the pull's
// page store, the outbox and the refused-changes list will call at their edges.
//
// - A field value is sealed as "pd1.<keyId>.<envelope>": AES-256-GCM (crypto-envelope.ts) of its JSON, the
//   additional data binding it to "<table>/<recordId>/<field>", so a value copied to another record or field
//   does not open. The key id says which data key (rotation: old envelopes open until re-sealed).
// - What must stay findable without the value in clear gets keyed search tokens: HMAC-SHA-256 under a search
//   key derived from the data key (HKDF), truncated to 16 bytes, base64url. A national ID gives a token for the
//   whole number and one for its last four digits; a phone one per suffix of four digits and more. Equal values
//   give equal tokens on this device only (another device's key gives others), so an index of them finds a
//   person by a typed ID or phone ending without the number being stored in clear.
import { fromBase64Url, importAesKey, open, seal, toBase64Url } from './crypto-envelope';

const PREFIX = 'pd1';
const TOKEN_BYTES = 16;
const encoder = new TextEncoder();

export interface FieldKeys {
  currentKeyId: string;
  keys: ReadonlyMap<string, CryptoKey>;
  /** HMAC-SHA-256 key for search tokens. */
  searchKey: CryptoKey;
}

/** Whether a stored value is a sealed one (anything else is a value written before encryption, in clear). */
export function isSealedValue(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${PREFIX}.`) && value.split('.').length === 3;
}

const aad = (table: string, recordId: string, field: string) => `provincedesk/field/${table}/${recordId}/${field}`;

export async function sealField(keys: FieldKeys, table: string, recordId: string, field: string, value: unknown): Promise<string> {
  const key = keys.keys.get(keys.currentKeyId);
  if (!key) throw new RangeError('the current data key is not loaded');
  const envelope = await seal(key, encoder.encode(JSON.stringify(value ?? null)), aad(table, recordId, field));
  return `${PREFIX}.${keys.currentKeyId}.${toBase64Url(envelope)}`;
}

/** The value of a sealed field; a value in clear (not sealed yet) is returned as it is. */
export async function openField(keys: FieldKeys, table: string, recordId: string, field: string, stored: unknown): Promise<unknown> {
  if (!isSealedValue(stored)) return stored;
  const [, keyId, body] = stored.split('.') as [string, string, string];
  const key = keys.keys.get(keyId);
  if (!key) throw new RangeError(`data key ${keyId} is not on this device`);
  return JSON.parse(new TextDecoder().decode(await open(key, fromBase64Url(body), aad(table, recordId, field)))) as unknown;
}

/** The search key: HKDF-SHA-256 of the data key's raw bytes (kept apart from the data key's own use). */
export async function deriveSearchKey(rawDataKey: Uint8Array): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', rawDataKey as Uint8Array<ArrayBuffer>, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode('provincedesk/search-tokens/v1') },
    material,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
}

async function token(searchKey: CryptoKey, text: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', searchKey, encoder.encode(text)));
  return `#${toBase64Url(mac.subarray(0, TOKEN_BYTES))}`;
}

/** Tokens of a national ID: the whole number and its last four digits. */
export async function nationalIdTokens(searchKey: CryptoKey, nationalId: string): Promise<string[]> {
  const digits = nationalId.replace(/\D/g, '');
  if (digits.length !== 13) return [];
  return Promise.all([token(searchKey, `id:${digits}`), token(searchKey, `id4:${digits.slice(-4)}`)]);
}

/** The token to look a typed ID (13 digits) or ID ending (4 digits) up by; null for anything else. */
export async function nationalIdQueryToken(searchKey: CryptoKey, typed: string): Promise<string | null> {
  const digits = typed.replace(/\D/g, '');
  if (digits.length === 13) return token(searchKey, `id:${digits}`);
  if (digits.length === 4) return token(searchKey, `id4:${digits}`);
  return null;
}

/** Tokens of a phone: the whole number and every ending of four digits or more. */
export async function phoneTokens(searchKey: CryptoKey, phone: string): Promise<string[]> {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 4) return [];
  const endings = new Set<string>();
  for (let n = 4; n <= digits.length; n++) endings.add(digits.slice(-n));
  return Promise.all([...endings].map((ending) => token(searchKey, `tel:${ending}`)));
}

export async function phoneQueryToken(searchKey: CryptoKey, typed: string): Promise<string | null> {
  const digits = typed.replace(/\D/g, '');
  return digits.length >= 4 ? token(searchKey, `tel:${digits}`) : null;
}

/** For tests and the keyring: a FieldKeys from raw data keys. */
export async function fieldKeysFrom(rawKeys: ReadonlyMap<string, Uint8Array>, currentKeyId: string): Promise<FieldKeys> {
  const keys = new Map<string, CryptoKey>();
  for (const [id, raw] of rawKeys) keys.set(id, await importAesKey(raw));
  const current = rawKeys.get(currentKeyId);
  if (!current) throw new RangeError('no current data key');
  return { currentKeyId, keys, searchKey: await deriveSearchKey(current) };
}
