// Encrypted backups (issue 14, docs/privacy.md "Backups"). A `.pdbackup` of format 2 is:
//
//   {"format":"provincedesk.backup","formatVersion":2,"createdAt":…,"encryption":{…}}\n   ← a clear header line
//   an AES-256-GCM envelope (crypto-envelope.ts) of a whole format-1 file (its header line with the counts
//   and device, then the database export, photos included)
//
// The key comes from a passphrase chosen at export, or the office's backup key set in Settings (both through
// PBKDF2, parameters in the header), or — for the automatic local backups — the device's current data key.
// The clear header holds no personal data and no counts. `check` is a small envelope under the same key: it
// tells a wrong passphrase (the check does not open) from a damaged file (the check opens, the body does not).
import { z } from 'zod';
import { fromBase64Url, open, seal, toBase64Url } from '../security/crypto-envelope';
import { deriveKey, KDF_ITERATIONS, KDF_NAME, newKdfParams } from '../security/key-derivation';
import { EnvelopeError } from '../security/crypto-envelope';
import { BackupError } from './backup-error';
import { BACKUP_FORMAT } from './backup-format';

export const ENCRYPTED_BACKUP_FORMAT_VERSION = 2;
export const MIN_BACKUP_PASSPHRASE_LENGTH = 8;
const AAD_BODY = 'provincedesk/backup/body';
const AAD_CHECK = 'provincedesk/backup/check';
const CHECK_TEXT = new TextEncoder().encode('provincedesk backup key check');
const NEWLINE = 0x0a;
const MAX_HEADER_BYTES = 64 * 1024;

export const BACKUP_KEY_SOURCES = ['passphrase', 'office-key', 'device'] as const;
export type BackupKeySource = (typeof BACKUP_KEY_SOURCES)[number];

export const EncryptedBackupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(ENCRYPTED_BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  encryption: z.object({
    cipher: z.literal('AES-256-GCM'),
    source: z.enum(BACKUP_KEY_SOURCES),
    kdf: z.object({ name: z.literal(KDF_NAME), iterations: z.number().int().min(100_000).max(10_000_000), salt: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).optional(),
    /** device: which of the device's data keys. */
    keyId: z.string().max(64).optional(),
    check: z.string().regex(/^[A-Za-z0-9_-]+$/).max(200),
  }),
});
export type EncryptedBackupHeader = z.infer<typeof EncryptedBackupHeaderSchema>;

/** How to encrypt a backup: a passphrase (typed, or the office's key from Settings), or the device's data key. */
export type BackupEncryption = { source: 'passphrase' | 'office-key'; passphrase: string } | { source: 'device'; keyId: string; key: CryptoKey };

/** What may open a backup: a passphrase the user typed (or the office key), and the device's data keys. */
export interface BackupSecrets {
  passphrase?: string;
  deviceKeys?: ReadonlyMap<string, CryptoKey>;
}

export async function encryptBackupFile(inner: Uint8Array, encryption: BackupEncryption, createdAt: Date): Promise<Uint8Array<ArrayBuffer>> {
  let key: CryptoKey;
  let header: EncryptedBackupHeader['encryption'];
  if (encryption.source === 'device') {
    key = encryption.key;
    header = { cipher: 'AES-256-GCM', source: 'device', keyId: encryption.keyId, check: '' };
  } else {
    if ([...encryption.passphrase].length < MIN_BACKUP_PASSPHRASE_LENGTH) throw new BackupError('weak-passphrase', 'a backup passphrase has at least 8 characters');
    const { params, salt } = newKdfParams(KDF_ITERATIONS);
    key = await deriveKey(encryption.passphrase, salt, params.iterations);
    header = { cipher: 'AES-256-GCM', source: encryption.source, kdf: { name: KDF_NAME, iterations: params.iterations, salt: toBase64Url(salt) }, check: '' };
  }
  header.check = toBase64Url(await seal(key, CHECK_TEXT, AAD_CHECK));
  const line = new TextEncoder().encode(`${JSON.stringify({ format: BACKUP_FORMAT, formatVersion: ENCRYPTED_BACKUP_FORMAT_VERSION, createdAt: createdAt.toISOString(), encryption: header } satisfies EncryptedBackupHeader)}\n`);
  const body = await seal(key, inner, AAD_BODY);
  const file = new Uint8Array(line.byteLength + body.byteLength);
  file.set(line, 0);
  file.set(body, line.byteLength);
  return file;
}

/** The clear header of an encrypted backup, or null for a file that is not one (an older, unencrypted backup). */
export function encryptedBackupHeader(file: Uint8Array): EncryptedBackupHeader | null {
  const end = file.subarray(0, MAX_HEADER_BYTES + 1).indexOf(NEWLINE);
  if (end <= 0) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(0, end)));
  } catch {
    return null;
  }
  if ((raw as { formatVersion?: unknown } | null)?.formatVersion !== ENCRYPTED_BACKUP_FORMAT_VERSION || (raw as { format?: unknown }).format !== BACKUP_FORMAT) return null;
  const parsed = EncryptedBackupHeaderSchema.safeParse(raw);
  if (!parsed.success) throw new BackupError('damaged', `encrypted header: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * The format-1 file inside an encrypted backup; an unencrypted (older) backup is returned as it is. Throws
 * BackupError: needs-passphrase (none given), wrong-passphrase, other-device (a local backup of another
 * computer, or of keys this one no longer has), damaged (the body changed since it was written).
 */
export async function openBackupFile(file: Uint8Array, secrets: BackupSecrets): Promise<Uint8Array> {
  const header = encryptedBackupHeader(file);
  if (header === null) return file;
  const { encryption } = header;
  let key: CryptoKey | undefined;
  if (encryption.source === 'device') {
    key = encryption.keyId === undefined ? undefined : secrets.deviceKeys?.get(encryption.keyId);
    if (!key) throw new BackupError('other-device', 'made with the data key of another computer (or one this computer no longer has)');
  } else {
    if (!secrets.passphrase || !encryption.kdf) throw new BackupError('needs-passphrase', `encrypted with a ${encryption.source}`);
    key = await deriveKey(secrets.passphrase, fromBase64Url(encryption.kdf.salt), encryption.kdf.iterations);
  }
  try {
    await open(key, fromBase64Url(encryption.check), AAD_CHECK);
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    throw new BackupError(encryption.source === 'device' ? 'other-device' : 'wrong-passphrase', 'the key check does not open');
  }
  const start = file.indexOf(NEWLINE) + 1;
  try {
    return await open(key, file.subarray(start), AAD_BODY);
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    throw new BackupError('damaged', 'the encrypted body does not open with the right key: it was changed or cut short');
  }
}
