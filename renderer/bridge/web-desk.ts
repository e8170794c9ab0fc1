import { createWebLocalBackups } from '../backup/web-local-backups';
import { PokeStream } from '../../shared/sync/poke-stream';
import {
  AppInfoSchema,
  DEFAULT_SETTINGS,
  SettingsPatchSchema,
  SettingsSchema,
  type DeskApi,
  type DeskEvent,
  type OpenedFile,
  type Settings,
  SignInRequestSchema,
  SyncSessionSchema,
  type SyncSession,
} from '../../shared/ipc/desk-api';
import { fail, ok } from '../../shared/ipc/desk-result';
import { LoginResponse } from '../../shared/sync/protocol';
import { createWebBlobTransfer } from './web-blob-transfer';
import { createFetchSyncRequest, TOKEN_KEY, webSyncRequest } from './web-sync-request';

const SETTINGS_KEY = 'provincedesk.settings';
const SESSION_KEY = 'provincedesk.session';

/**
 * The desk API in a plain browser: settings in localStorage, files through download and
 * <input type=file>, sync over fetch. Used by `npm run start:web` and the end-to-end tests.
 */
export function createWebDesk(win: Window): DeskApi {
  const listeners = new Set<(event: DeskEvent) => void>();
  const emit = (event: DeskEvent) => listeners.forEach((l) => l(event));
  win.addEventListener('online', () => emit({ type: 'network', online: true }));
  win.addEventListener('offline', () => emit({ type: 'network', online: false }));

  const readSettings = (): Settings => {
    try {
      // Settings saved before a field existed take that field's default.
      const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(JSON.parse(win.localStorage.getItem(SETTINGS_KEY) ?? 'null') as object | null) });
      return parsed.success ? parsed.data : DEFAULT_SETTINGS;
    } catch {
      return DEFAULT_SETTINGS;
    }
  };

  const readSession = (): SyncSession | null => {
    if (!win.localStorage.getItem(TOKEN_KEY)) return null;
    try {
      const parsed = SyncSessionSchema.safeParse(JSON.parse(win.localStorage.getItem(SESSION_KEY) ?? 'null'));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  const pokes = new PokeStream({ serverUrl: () => readSession()?.serverUrl ?? null, token: () => win.localStorage.getItem(TOKEN_KEY), onPoke: () => emit({ type: 'poke' }) });
  const forget = () => {
    win.localStorage.removeItem(TOKEN_KEY);
    win.localStorage.removeItem(SESSION_KEY);
    pokes.stop();
  };

  const updateSettings: DeskApi['updateSettings'] = async (patch) => {
    const parsed = SettingsPatchSchema.safeParse(patch);
    if (!parsed.success) return fail('invalid-argument', parsed.error.issues.map((i) => i.message).join('; '));
    const before = readSettings();
    // A new server address signs out first (the old server is told): the token never goes to another server.
    if (parsed.data.serverUrl !== undefined && parsed.data.serverUrl !== before.serverUrl && readSession()) await signOut();
    const next = SettingsSchema.parse({ ...before, ...parsed.data });
    win.localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
    emit({ type: 'settings-changed', settings: next });
    return ok(next);
  };

  const signOut: DeskApi['signOut'] = async () => {
    const session = readSession();
    if (session) await webSyncRequest(session.serverUrl, { method: 'POST', path: '/v1/auth/logout', timeoutMs: 5_000 });
    forget();
    emit({ type: 'session-changed', session: null });
    return ok(undefined);
  };

  const localBackups = createWebLocalBackups();
  const api = {
    writeLocalBackup: (request) => localBackups.writeLocalBackup(request),
    listLocalBackups: () => localBackups.listLocalBackups(),
    readLocalBackup: (request) => localBackups.readLocalBackup(request),
    async appInfo() {
      return ok(AppInfoSchema.parse({ name: 'ProvinceDesk', version: import.meta.env.VITE_APP_VERSION ?? '0.1.0', shell: 'web', platform: win.navigator.platform || 'web' }));
    },
    async getSettings() {
      return ok(readSettings());
    },
    updateSettings,
    async saveFile(request) {
      const data = typeof request.data === 'string' ? request.data : new Uint8Array(request.data);
      const url = URL.createObjectURL(new Blob([data]));
      const link = win.document.createElement('a');
      link.href = url;
      link.download = request.suggestedName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return ok({ saved: true as const, fileName: request.suggestedName });
    },
    async openFiles(request) {
      const files = await pickFiles(win, request.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(','), request.multiple);
      const opened: OpenedFile[] = [];
      for (const file of files) {
        if (file.size > request.maxBytesPerFile) return fail('invalid-argument', `ไฟล์ ${file.name} ใหญ่เกินกำหนด`);
        opened.push({ name: file.name, size: file.size, data: new Uint8Array(await file.arrayBuffer()) });
      }
      return ok(opened);
    },
    async printToPdf() {
      // The browser's own print dialog offers "Save as PDF"; whether it was saved is not ours to know.
      win.print();
      return ok({ saved: false as const });
    },
    syncRequest(request) {
      return webSyncRequest(readSettings().serverUrl, request);
    },
    // Attachment bytes over fetch (blobStatus, blobUpload, blobDownload), with the same token.
    ...createWebBlobTransfer(() => readSettings().serverUrl),
    async signIn(request) {
      const parsed = SignInRequestSchema.safeParse(request);
      if (!parsed.success) return fail('invalid-argument', parsed.error.issues.map((i) => i.message).join('; '));
      const { serverUrl, username, password, deviceName } = parsed.data;
      // Never send the old token to another server.
      forget();
      const saved = await updateSettings({ serverUrl, deviceName });
      if (!saved.ok) return saved;
      const answer = await createFetchSyncRequest({ getServerUrl: () => serverUrl, getToken: () => null })({
        method: 'POST',
        path: '/v1/auth/login',
        body: { username, password, deviceName },
        timeoutMs: 20_000,
      });
      if (!answer.ok) return answer;
      const { status, body } = answer.value;
      if (status !== 200) {
        const message = typeof (body as { message?: unknown } | null)?.message === 'string' ? (body as { message: string }).message : `HTTP ${status}`;
        return fail([400, 401, 403, 426].includes(status) ? 'invalid-argument' : 'network', message);
      }
      const login = LoginResponse.safeParse(body);
      if (!login.success) return fail('internal', 'เซิร์ฟเวอร์ตอบกลับในรูปแบบที่ไม่รู้จัก ตรวจสอบที่อยู่เซิร์ฟเวอร์อีกครั้ง');
      const session: SyncSession = { serverUrl, deviceId: login.data.deviceId, user: login.data.user, signedInAt: new Date().toISOString() };
      win.localStorage.setItem(TOKEN_KEY, login.data.token);
      win.localStorage.setItem(SESSION_KEY, JSON.stringify(session));
      emit({ type: 'session-changed', session });
      pokes.start();
      return ok(session);
    },
    signOut,
    async getSession() {
      return ok(readSession());
    },
    // The browser shell is updated by whoever serves it; it never updates itself.
    async getUpdateStatus() {
      return ok({ state: 'unsupported' as const });
    },
    async checkForUpdates() {
      return ok({ state: 'unsupported' as const });
    },
    async installUpdate() {
      return fail('not-found', 'โปรแกรมบนเบราว์เซอร์ไม่ต้องติดตั้งรุ่นใหม่ — The browser version needs no installing');
    },
    async saveDiagnostics() {
      return fail('not-found', 'ข้อมูลวินิจฉัยบันทึกได้จากโปรแกรม ProvinceDesk บนเครื่องเท่านั้น — Diagnostics are saved by the desktop app');
    },
    // No OS key store in a browser: the keyring is protected by the unlock password alone (docs/privacy.md).
    async osKeyStore() {
      return ok({ available: false });
    },
    async sealSecret() {
      return fail('not-found', 'ไม่มีที่เก็บกุญแจของระบบในเบราว์เซอร์ — No OS key store in the browser');
    },
    async openSecret() {
      return fail('not-found', 'ไม่มีที่เก็บกุญแจของระบบในเบราว์เซอร์ — No OS key store in the browser');
    },
    async wipeLocalFiles() {
      await localBackups.deleteAll();
      forget();
      emit({ type: 'session-changed', session: null });
      return ok(undefined);
    },
    // A browser tab closes without asking: editors save when the page is hidden or left (pending-saves.ts).
    async readyToClose() {
      return ok(undefined);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } satisfies DeskApi;
  if (readSession()) pokes.start();
  return api;
}

/**
 * The server's pokes (GET /v1/events, server-sent events) read with fetch, because EventSource cannot send
 * the Authorization header. Reconnects with a growing pause while signed in; a poke carries no data.
 */
function pickFiles(win: Window, accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = win.document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}
