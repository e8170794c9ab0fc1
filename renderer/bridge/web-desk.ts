import {
  AppInfoSchema,
  DEFAULT_SETTINGS,
  SettingsPatchSchema,
  SettingsSchema,
  type DeskApi,
  type DeskEvent,
  type OpenedFile,
  type Settings,
} from '../../shared/ipc/desk-api';
import { fail, ok } from '../../shared/ipc/desk-result';
import { webSyncRequest } from './web-sync-request';

const SETTINGS_KEY = 'provincedesk.settings';

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
      const parsed = SettingsSchema.safeParse(JSON.parse(win.localStorage.getItem(SETTINGS_KEY) ?? 'null'));
      return parsed.success ? parsed.data : DEFAULT_SETTINGS;
    } catch {
      return DEFAULT_SETTINGS;
    }
  };

  const api = {
    async appInfo() {
      return ok(AppInfoSchema.parse({ name: 'ProvinceDesk', version: import.meta.env.VITE_APP_VERSION ?? '0.1.0', shell: 'web', platform: win.navigator.platform || 'web' }));
    },
    async getSettings() {
      return ok(readSettings());
    },
    async updateSettings(patch) {
      const parsed = SettingsPatchSchema.safeParse(patch);
      if (!parsed.success) return fail('invalid-argument', parsed.error.issues.map((i) => i.message).join('; '));
      const next = SettingsSchema.parse({ ...readSettings(), ...parsed.data });
      win.localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      emit({ type: 'settings-changed', settings: next });
      return ok(next);
    },
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
    syncRequest(request) {
      return webSyncRequest(readSettings().serverUrl, request);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } satisfies DeskApi;
  return api;
}

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
