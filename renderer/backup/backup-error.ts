/**
 * Why a backup could not be made or restored. The UI turns the code into a Thai sentence
 * ('backup.error.<code>'); `detail` is for the log and for tests, never shown as the message.
 */
export const BACKUP_ERROR_CODES = [
  /** Not a ProvinceDesk backup at all (another program's file, a photo, a plain Dexie export). */
  'foreign',
  /** Ours, but cut short or altered: the body does not match the length or hash in the header. */
  'damaged',
  /** A backup format this version of the app does not know (made by a newer app). */
  'newer-format',
  /** Made with a newer database schema than this app's: the user must update the app first. */
  'newer-schema',
  /** An older schema this app cannot upgrade from. */
  'unknown-schema',
  /** The header's row counts do not match what the body holds. */
  'counts-mismatch',
  /** The data itself could not be written (nothing of the current data changed). */
  'import-failed',
  /** The database could not be read for a backup. */
  'export-failed',
  /** Encrypted with a passphrase (or the office's backup key), and none was given yet: ask for it. */
  'needs-passphrase',
  /** Encrypted, and the passphrase given does not open it. */
  'wrong-passphrase',
  /** An automatic local backup of another computer (or of keys this computer no longer has). */
  'other-device',
  /** A backup passphrase shorter than 8 characters. */
  'weak-passphrase',
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${detail}`, options);
    this.name = 'BackupError';
  }
}
