import { z } from 'zod';
import { sha256Hex } from '../db/sha256-hex';
import { BackupError } from './backup-error';

/**
 * A ProvinceDesk backup is one file: a JSON header on the first line, a newline, then the body —
 * dexie-export-import's export of the whole database (it encodes the photo Blobs). The header is
 * small and read first, so a file is judged (format, versions, counts, sha-256 of the body) before
 * a single row is parsed, let alone written.
 */
export const BACKUP_FORMAT = 'provincedesk.backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = 'pdbackup';
export const BACKUP_MIME = 'application/x-provincedesk-backup';

/** A header is a few hundred bytes; a first line longer than this is not ours. */
const MAX_HEADER_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

const TableName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/);

export const BackupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  /** The Dexie verno of the database the backup was taken from. */
  schemaVersion: z.number().int().positive(),
  appVersion: z.string().max(50),
  createdAt: z.iso.datetime(),
  deviceId: z.string().max(100).nullable(),
  /** Rows per table, as the body holds them. */
  counts: z.record(TableName, z.number().int().nonnegative()),
  bodyBytes: z.number().int().nonnegative(),
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

/** Only the fields needed to tell "ours, but newer" from "not ours" before the full check. */
const HeaderShapeSchema = z.object({ format: z.literal(BACKUP_FORMAT), formatVersion: z.number().int().positive() });

// The backup's checksum is the same sha-256 as attachment names.
export { sha256Hex };

/** The file's bytes: header line + body. */
export function encodeBackupFile(header: BackupHeader, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const headerBytes = new TextEncoder().encode(`${JSON.stringify(header)}\n`);
  const file = new Uint8Array(headerBytes.byteLength + body.byteLength);
  file.set(headerBytes, 0);
  file.set(body, headerBytes.byteLength);
  return file;
}

export interface SplitBackupFile {
  header: BackupHeader;
  body: Uint8Array;
}

/**
 * Splits a file into its header and body and checks everything that needs no database: the
 * format, its version, the body's length and hash. Throws BackupError.
 */
export async function splitBackupFile(file: Uint8Array): Promise<SplitBackupFile> {
  const end = file.subarray(0, MAX_HEADER_BYTES + 1).indexOf(NEWLINE);
  if (end <= 0) throw new BackupError('foreign', 'no header line');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(0, end)));
  } catch {
    throw new BackupError('foreign', 'the first line is not JSON');
  }
  const shape = HeaderShapeSchema.safeParse(raw);
  if (!shape.success) throw new BackupError('foreign', 'not a ProvinceDesk backup header');
  if (shape.data.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError('newer-format', `format version ${shape.data.formatVersion}, this app reads ${BACKUP_FORMAT_VERSION}`);
  }
  const parsed = BackupHeaderSchema.safeParse(raw);
  if (!parsed.success) throw new BackupError('damaged', `header: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const header = parsed.data;
  const body = file.subarray(end + 1);
  if (body.byteLength !== header.bodyBytes) {
    throw new BackupError('damaged', `the body has ${body.byteLength} bytes, the header says ${header.bodyBytes}`);
  }
  if ((await sha256Hex(body)) !== header.bodySha256) throw new BackupError('damaged', 'the body does not match its sha-256');
  return { header, body };
}

/** `provincedesk-2569-11-22.pdbackup`: the Buddhist Era date the office uses, in Bangkok time. */
export function backupFileName(createdAt: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(createdAt);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `provincedesk-${Number(part('year')) + 543}-${part('month')}-${part('day')}.${BACKUP_EXTENSION}`;
}
