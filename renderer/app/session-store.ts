import { create } from 'zustand';
import { DEFAULT_SETTINGS, type AppInfo, type Settings, type SyncSession } from '../../shared/ipc/desk-api';
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
  /** Who is signed in to the sync server; null before sign-in (local work only). */
  syncSession: SyncSession | null;
  setSettings(settings: Settings): void;
  /** Sign-in and sign-out: the signed-in user becomes the author, their role and office the scope. */
  setSyncSession(session: SyncSession | null): void;
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
  syncSession: null,
  setSyncSession: (session) =>
    set((s) =>
      session
        ? {
            syncSession: session,
            author: { userId: session.user.id, displayName: session.user.displayName },
            role: session.user.role,
            // An admin belongs to no office: new records keep the local default scope.
            scope: session.user.provinceCode ? { provinceCode: session.user.provinceCode, districtCode: session.user.districtCode } : DEFAULT_WORK_SCOPE,
          }
        : { syncSession: null, author: { userId: 'local', displayName: s.settings.deviceName }, role: 'editor', scope: DEFAULT_WORK_SCOPE },
    ),
  setSettings: (settings) => set((s) => ({ settings, author: s.author.userId === 'local' ? { userId: 'local', displayName: settings.deviceName } : s.author })),
  setAppInfo: (appInfo) => set({ appInfo }),
  setOnline: (online) => set({ online }),
}));
