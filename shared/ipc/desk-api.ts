import { z } from 'zod';
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

export const SettingsSchema = z.object({
  language: Language,
  era: EraDisplay,
  serverUrl: z.string().url().nullable(),
  deviceName: z.string().trim().min(1).max(100),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(['electron', 'web']),
  platform: z.string(),
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

/** An HTTP call to the central server, made by main (which holds the address and the token). */
export const SyncHttpRequestSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT']),
  path: z.string().regex(/^\/v1\/[A-Za-z0-9/_.\-?=&%]*$/, 'a path under /v1/'),
  body: z.unknown().optional(),
  timeoutMs: z.number().int().min(100).max(300_000).optional(),
});
export type SyncHttpRequest = z.infer<typeof SyncHttpRequestSchema>;
export type SyncHttpResponse = { status: number; body: unknown };

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

/** Events main pushes to the renderer. */
export type DeskEvent =
  | { type: 'network'; online: boolean }
  | { type: 'resumed' }
  | { type: 'settings-changed'; settings: Settings }
  /** The server said records in this device's scope changed (server-sent event): pull soon. */
  | { type: 'poke' }
  | { type: 'session-changed'; session: SyncSession | null };

export const EmptyRequestSchema = z.undefined();

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
  /** Subscribe to events from main; returns the unsubscribe function. */
  onEvent(listener: (event: DeskEvent) => void): () => void;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'th',
  era: 'be',
  serverUrl: null,
  deviceName: 'เครื่องของสำนักงาน',
};
