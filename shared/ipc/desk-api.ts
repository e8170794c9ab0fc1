import { z } from 'zod';
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

/** An HTTP call to the central server, made by main (which holds the address and the token). */
export const SyncHttpRequestSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT']),
  path: z.string().regex(/^\/v1\/[A-Za-z0-9/_.\-?=&%]*$/, 'a path under /v1/'),
  body: z.unknown().optional(),
  timeoutMs: z.number().int().min(100).max(300_000).optional(),
});
export type SyncHttpRequest = z.infer<typeof SyncHttpRequestSchema>;
export type SyncHttpResponse = { status: number; body: unknown };

/** Events main pushes to the renderer. */
export type DeskEvent =
  | { type: 'network'; online: boolean }
  | { type: 'resumed' }
  | { type: 'settings-changed'; settings: Settings };

export const EmptyRequestSchema = z.undefined();

/** Method name → IPC channel and argument schema. Results are typed by DeskApi below. */
export const DESK_METHODS = {
  appInfo: { channel: 'desk:app-info', request: EmptyRequestSchema },
  getSettings: { channel: 'desk:settings-get', request: EmptyRequestSchema },
  updateSettings: { channel: 'desk:settings-update', request: SettingsPatchSchema },
  saveFile: { channel: 'desk:file-save', request: SaveFileRequestSchema },
  openFiles: { channel: 'desk:files-open', request: OpenFilesRequestSchema },
  syncRequest: { channel: 'desk:sync-request', request: SyncHttpRequestSchema },
} as const;

export type DeskMethod = keyof typeof DESK_METHODS;
export const DESK_EVENT_CHANNEL = 'desk:event' as const;

export interface DeskApi {
  appInfo(): Promise<DeskResult<AppInfo>>;
  getSettings(): Promise<DeskResult<Settings>>;
  updateSettings(patch: SettingsPatch): Promise<DeskResult<Settings>>;
  saveFile(request: SaveFileRequest): Promise<DeskResult<SaveFileResult>>;
  openFiles(request: OpenFilesRequest): Promise<DeskResult<OpenedFile[]>>;
  syncRequest(request: SyncHttpRequest): Promise<DeskResult<SyncHttpResponse>>;
  /** Subscribe to events from main; returns the unsubscribe function. */
  onEvent(listener: (event: DeskEvent) => void): () => void;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'th',
  era: 'be',
  serverUrl: null,
  deviceName: 'เครื่องของสำนักงาน',
};
