import { create } from 'zustand';
import { DEFAULT_SETTINGS, type AppInfo, type Settings } from '../../shared/ipc/desk-api';
import type { Author, WorkScope } from '../db/repositories/author';
import type { Role } from '../../shared/sync/protocol';

/** Chiang Rai, the office the seed pages come from: the scope of local work until sign-in. */
export const DEFAULT_WORK_SCOPE: WorkScope = { provinceCode: '57', districtCode: null };

/** UI and session state only — the data itself lives in IndexedDB and is read with useLiveQuery. */
interface SessionState {
  settings: Settings;
  appInfo: AppInfo | null;
  online: boolean;
  author: Author;
  /** What the user may do (news workflow, revealing IDs …): from the server after sign-in. */
  role: Role;
  scope: WorkScope;
  setSettings(settings: Settings): void;
  setAppInfo(info: AppInfo): void;
  setOnline(online: boolean): void;
}

export const useSession = create<SessionState>((set) => ({
  settings: DEFAULT_SETTINGS,
  appInfo: null,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  author: { userId: 'local', displayName: DEFAULT_SETTINGS.deviceName },
  // Before sign-in the local user writes drafts; approving and publishing need a signed-in coordinator.
  role: 'editor',
  scope: DEFAULT_WORK_SCOPE,
  setSettings: (settings) => set((s) => ({ settings, author: s.author.userId === 'local' ? { userId: 'local', displayName: settings.deviceName } : s.author })),
  setAppInfo: (appInfo) => set({ appInfo }),
  setOnline: (online) => set({ online }),
}));
