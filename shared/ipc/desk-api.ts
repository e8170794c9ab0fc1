import { z } from 'zod';
import { Sha256Hex } from '../domain/attachment';
import { SessionUser } from '../sync/protocol';
import { DESK_CHANNELS } from './desk-channels';
import type { DeskResult } from './desk-result';

/**
 * The desk API: everything the renderer may ask of the system. Declared once here; the
 * preload exposes it as `window.desk` (checked with `satisfies DeskApi`), main validates
 * every argument with these schemas, and the browser shell implements the same type.
 */

export const Language = z.enum(['th', 'en']);
export type Language = z.infer<typeof Language>;
export const EraDisplay = z.enum(['be', 'ce']);
export type EraDisplay = z.infer<typeof EraDisplay>;
export const BackupSchedule = z.enum(['off', 'daily', 'weekly']);
export type BackupSchedule = z.infer<typeof BackupSchedule>;

export const SettingsSchema = z.object({
  language: Language,
  era: EraDisplay,
  serverUrl: z.string().url().nullable(),
  deviceName: z.string().trim().min(1).max(100),
  /** How often main writes an automatic backup; 'off' leaves backups to the user. */
  backupSchedule: BackupSchedule,
  /** Where automatic backups go; null means the default folder inside the user-data folder. */
  backupFolder: z.string().trim().min(1).max(1000).nullable(),
  /** Minutes without use after which the app locks (issue 14); the unlock password or PIN opens it again. */
  lockAfterMinutes: z.number().int().min(1).max(240),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(['electron', 'web']),
  platform: z.string(),
  /** Desktop: the user-data folder (database, settings, logs, backups). Absent in the browser shell. */
  dataFolder: z.string().optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const FileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9*]{1,10}$/i)).min(1).max(20),
});

export const SaveFileRequestSchema = z.object({
  suggestedName: z.string().min(1).max(255).refine((n) => !/[\\/]/.test(n), 'a file name, not a path'),
  filters: z.array(FileFilterSchema).max(10),
  data: z.union([z.string().max(512 * 1024 * 1024), z.instanceof(Uint8Array)]),
});
export type SaveFileRequest = z.infer<typeof SaveFileRequestSchema>;
export type SaveFileResult = { saved: true; fileName: string } | { saved: false };

export const OpenFilesRequestSchema = z.object({
  filters: z.array(FileFilterSchema).max(10),
  multiple: z.boolean(),
  maxBytesPerFile: z.number().int().positive().max(512 * 1024 * 1024),
});
export type OpenFilesRequest = z.infer<typeof OpenFilesRequestSchema>;
export type OpenedFile = { name: string; size: number; data: Uint8Array };

/** Prints the current page (its print stylesheet decides what shows) to an A4 PDF, saved through a dialog. */
export const PrintToPdfRequestSchema = z.object({
  suggestedName: z.string().min(1).max(255).regex(/\.pdf$/i, 'a .pdf file name').refine((n) => !/[\\/]/.test(n), 'a file name, not a path'),
});
export type PrintToPdfRequest = z.infer<typeof PrintToPdfRequestSchema>;

/** Why a rolling local backup was written (part of its file name). */
export const LocalBackupReason = z.enum(['daily', 'before-migration', 'before-restore', 'manual']);
export type LocalBackupReason = z.infer<typeof LocalBackupReason>;
/** Local backup file names are made by main; only names of that shape are ever read (no paths). */
export const LOCAL_BACKUP_NAME_PATTERN = /^provincedesk-(\d{8}T\d{9}Z)-(daily|before-migration|before-restore|manual)\.pdbackup$/;
export const WriteLocalBackupRequestSchema = z.object({
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= 512 * 1024 * 1024, 'at most 512 MB'),
  reason: LocalBackupReason,
});
export type WriteLocalBackupRequest = z.infer<typeof WriteLocalBackupRequestSchema>;
export const ReadLocalBackupRequestSchema = z.object({ name: z.string().max(100).regex(LOCAL_BACKUP_NAME_PATTERN, 'a local backup name') });
export type ReadLocalBackupRequest = z.infer<typeof ReadLocalBackupRequestSchema>;
export const LocalBackupInfoSchema = z.object({ name: z.string(), size: z.number().int().nonnegative(), createdAt: z.string(), reason: LocalBackupReason });
export type LocalBackupInfo = z.infer<typeof LocalBackupInfoSchema>;

/** An HTTP call to the central server, made by main (which holds the address and the token). */
export const SyncHttpRequestSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT']),
  path: z.string().regex(/^\/v1\/[A-Za-z0-9/_.\-?=&%]*$/, 'a path under /v1/'),
  body: z.unknown().optional(),
  timeoutMs: z.number().int().min(100).max(300_000).optional(),
});
export type SyncHttpRequest = z.infer<typeof SyncHttpRequestSchema>;
export type SyncHttpResponse = { status: number; body: unknown };

/**
 * Attachment bytes (docs/sync-protocol.md, "Blobs"): main makes the HEAD/PUT/GET with the token, the
 * renderer's blob sync decides what to send and verifies what arrives. `status` is the HTTP status;
 * `error` the server's error body when it sent one (e.g. upload-offset-mismatch, hash-mismatch).
 */
export const BlobStatusRequestSchema = z.object({ sha256: Sha256Hex });
export type BlobStatusRequest = z.infer<typeof BlobStatusRequestSchema>;
/** One chunk: `data` is the bytes [offset, offset + data.length) of a blob of `total` bytes. */
export const BlobUploadRequestSchema = z
  .object({
    sha256: Sha256Hex,
    offset: z.number().int().nonnegative(),
    total: z.number().int().nonnegative().max(200 * 1024 * 1024),
    data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= 50 * 1024 * 1024, 'at most 50 MB per chunk'),
  })
  .refine((r) => r.offset + r.data.byteLength <= r.total && (r.data.byteLength > 0 || r.total === 0), 'the chunk must lie inside the blob');
export type BlobUploadRequest = z.infer<typeof BlobUploadRequestSchema>;
/** `start`/`end` (inclusive) ask for a byte range; without them the whole blob. */
export const BlobDownloadRequestSchema = z
  .object({ sha256: Sha256Hex, start: z.number().int().nonnegative().optional(), end: z.number().int().nonnegative().optional(), timeoutMs: z.number().int().min(100).max(300_000).optional() })
  .refine((r) => r.end === undefined || (r.start !== undefined && r.end >= r.start), 'end needs a start at or before it');
export type BlobDownloadRequest = z.infer<typeof BlobDownloadRequestSchema>;
export type BlobServerError = { code: string; message: string; received: number | null };
/** exists: complete and readable by this device; received: this device's unfinished upload (0 if none). */
export type BlobStatusResult = { status: number; exists: boolean; size: number | null; received: number; total: number | null; error: BlobServerError | null };
export type BlobUploadResult = { status: number; complete: boolean; received: number; size: number | null; error: BlobServerError | null };
/** `data` is null unless status is 200/206; `total` is the blob's size (from Content-Range or the length). */
export type BlobDownloadResult = { status: number; data: Uint8Array | null; total: number | null; error: BlobServerError | null };

/** Sign in to a sync server and register this computer as a device there. */
export const SignInRequestSchema = z.object({
  serverUrl: z.string().url().max(2000),
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1024),
  deviceName: z.string().trim().min(1).max(100),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

/**
 * Who is signed in on this device. The token is not here: main keeps it encrypted (the browser shell
 * keeps it in localStorage). `deviceId` is the server's id of this registration, the prefix of every
 * mutation id the sync agent sends.
 */
export const SyncSessionSchema = z.object({
  serverUrl: z.string(),
  deviceId: z.string(),
  user: SessionUser,
  signedInAt: z.string(),
});
export type SyncSession = z.infer<typeof SyncSessionSchema>;

/**
 * The desktop app's self-update (electron-updater, from the central server's /updates/). 'unsupported'
 * in the browser shell and in unpackaged builds; 'ready' means it installs when the app quits.
 */
export type UpdateStatus =
  | { state: 'unsupported' }
  | { state: 'idle'; lastCheckedAt: string | null }
  | { state: 'offline'; lastCheckedAt: string | null }
  | { state: 'checking' }
  | { state: 'up-to-date'; lastCheckedAt: string }
  | { state: 'downloading'; version: string; percent: number }
  | { state: 'ready'; version: string }
  | { state: 'error'; message: string; lastCheckedAt: string | null };

/** Events main pushes to the renderer. */
export type DeskEvent =
  | { type: 'network'; online: boolean }
  | { type: 'resumed' }
  | { type: 'settings-changed'; settings: Settings }
  /** The server said records in this device's scope changed (server-sent event): pull soon. */
  | { type: 'poke' }
  | { type: 'session-changed'; session: SyncSession | null }
  | { type: 'update-status'; status: UpdateStatus }
  /** The desktop window is closing: save what editors hold, then answer readyToClose (main waits a few seconds). */
  | { type: 'closing' };

export const EmptyRequestSchema = z.undefined();

/** A short secret (a wrapped key, base64url) to seal with the OS key store, or sealed text to open. */
export const SecretRequestSchema = z.object({ text: z.string().min(1).max(64 * 1024) });
export type SecretRequest = z.infer<typeof SecretRequestSchema>;

/** Method name → IPC channel and argument schema. Results are typed by DeskApi below. */
export const DESK_METHODS = {
  appInfo: { channel: DESK_CHANNELS.appInfo, request: EmptyRequestSchema },
  getSettings: { channel: DESK_CHANNELS.getSettings, request: EmptyRequestSchema },
  updateSettings: { channel: DESK_CHANNELS.updateSettings, request: SettingsPatchSchema },
  saveFile: { channel: DESK_CHANNELS.saveFile, request: SaveFileRequestSchema },
  openFiles: { channel: DESK_CHANNELS.openFiles, request: OpenFilesRequestSchema },
  syncRequest: { channel: DESK_CHANNELS.syncRequest, request: SyncHttpRequestSchema },
  signIn: { channel: DESK_CHANNELS.signIn, request: SignInRequestSchema },
  signOut: { channel: DESK_CHANNELS.signOut, request: EmptyRequestSchema },
  getSession: { channel: DESK_CHANNELS.getSession, request: EmptyRequestSchema },
  printToPdf: { channel: DESK_CHANNELS.printToPdf, request: PrintToPdfRequestSchema },
  writeLocalBackup: { channel: DESK_CHANNELS.writeLocalBackup, request: WriteLocalBackupRequestSchema },
  listLocalBackups: { channel: DESK_CHANNELS.listLocalBackups, request: EmptyRequestSchema },
  readLocalBackup: { channel: DESK_CHANNELS.readLocalBackup, request: ReadLocalBackupRequestSchema },
  getUpdateStatus: { channel: DESK_CHANNELS.getUpdateStatus, request: EmptyRequestSchema },
  checkForUpdates: { channel: DESK_CHANNELS.checkForUpdates, request: EmptyRequestSchema },
  installUpdate: { channel: DESK_CHANNELS.installUpdate, request: EmptyRequestSchema },
  saveDiagnostics: { channel: DESK_CHANNELS.saveDiagnostics, request: EmptyRequestSchema },
  blobStatus: { channel: DESK_CHANNELS.blobStatus, request: BlobStatusRequestSchema },
  blobUpload: { channel: DESK_CHANNELS.blobUpload, request: BlobUploadRequestSchema },
  blobDownload: { channel: DESK_CHANNELS.blobDownload, request: BlobDownloadRequestSchema },
  readyToClose: { channel: DESK_CHANNELS.readyToClose, request: EmptyRequestSchema },
  osKeyStore: { channel: DESK_CHANNELS.osKeyStore, request: EmptyRequestSchema },
  sealSecret: { channel: DESK_CHANNELS.sealSecret, request: SecretRequestSchema },
  openSecret: { channel: DESK_CHANNELS.openSecret, request: SecretRequestSchema },
  wipeLocalFiles: { channel: DESK_CHANNELS.wipeLocalFiles, request: EmptyRequestSchema },
} as const;

export type DeskMethod = keyof typeof DESK_METHODS;
export { DESK_EVENT_CHANNEL } from './desk-channels';

export interface DeskApi {
  appInfo(): Promise<DeskResult<AppInfo>>;
  getSettings(): Promise<DeskResult<Settings>>;
  updateSettings(patch: SettingsPatch): Promise<DeskResult<Settings>>;
  saveFile(request: SaveFileRequest): Promise<DeskResult<SaveFileResult>>;
  openFiles(request: OpenFilesRequest): Promise<DeskResult<OpenedFile[]>>;
  syncRequest(request: SyncHttpRequest): Promise<DeskResult<SyncHttpResponse>>;
  /** Signs in (saving the server address), registers this device; the token stays in main. */
  signIn(request: SignInRequest): Promise<DeskResult<SyncSession>>;
  /** Revokes this device on the server when it can be reached, and forgets the token either way. */
  signOut(): Promise<DeskResult<void>>;
  getSession(): Promise<DeskResult<SyncSession | null>>;
  /** Desktop: A4 PDF of the page through a save dialog. Browser shell: the browser's print dialog ({saved: false}). */
  printToPdf(request: PrintToPdfRequest): Promise<DeskResult<SaveFileResult>>;
  /** Rolling local backups (user-data folder; the browser shell keeps them in IndexedDB): write one, keeping the last N. */
  writeLocalBackup(request: WriteLocalBackupRequest): Promise<DeskResult<LocalBackupInfo>>;
  /** The local backups, newest first. */
  listLocalBackups(): Promise<DeskResult<LocalBackupInfo[]>>;
  readLocalBackup(request: ReadLocalBackupRequest): Promise<DeskResult<OpenedFile>>;
  getUpdateStatus(): Promise<DeskResult<UpdateStatus>>;
  /** Checks the server now (only when it answers); a found update downloads in the background. */
  checkForUpdates(): Promise<DeskResult<UpdateStatus>>;
  /** Restarts into a downloaded update now instead of at the next quit. */
  installUpdate(): Promise<DeskResult<void>>;
  /** Saves a zip for support (logs, versions, settings; personal data redacted) through a dialog. */
  saveDiagnostics(): Promise<DeskResult<SaveFileResult>>;
  /** HEAD of an attachment blob on the sync server: is it complete there, or how far did our upload get. */
  blobStatus(request: BlobStatusRequest): Promise<DeskResult<BlobStatusResult>>;
  /** PUT one chunk of an attachment blob (Content-Range); the server verifies the hash after the last one. */
  blobUpload(request: BlobUploadRequest): Promise<DeskResult<BlobUploadResult>>;
  /** GET an attachment blob or a byte range of it; the caller verifies the hash. */
  blobDownload(request: BlobDownloadRequest): Promise<DeskResult<BlobDownloadResult>>;
  /** After a `closing` event: everything is saved, the window may close. */
  readyToClose(): Promise<DeskResult<void>>;
  /**
   * The OS key store (Electron's safeStorage: Keychain, DPAPI, libsecret/KWallet) that binds the device's keys
   * to this computer's user account. Unavailable in the browser shell and on Linux without a keyring.
   */
  osKeyStore(): Promise<DeskResult<{ available: boolean }>>;
  /** Seals text with the OS key store (base64 out); fails when it is unavailable. */
  sealSecret(request: SecretRequest): Promise<DeskResult<string>>;
  openSecret(request: SecretRequest): Promise<DeskResult<string>>;
  /**
   * Remote wipe (issue 14): deletes what main keeps of this device — local backups (in the chosen and the
   * default folder), the server token and the session. The renderer deletes its databases itself.
   */
  wipeLocalFiles(): Promise<DeskResult<void>>;
  /** Subscribe to events from main; returns the unsubscribe function. */
  onEvent(listener: (event: DeskEvent) => void): () => void;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'th',
  era: 'be',
  serverUrl: null,
  deviceName: 'เครื่องของสำนักงาน',
  backupSchedule: 'daily',
  backupFolder: null,
  lockAfterMinutes: 15,
};
