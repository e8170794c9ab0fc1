// The app lock (issue 14): whether the app shows its screens or the unlock screen, and the unlocked keys while
// it is open (in memory only). Locking saves what open editors hold, stops the sync agent, forgets the keys and
// takes every screen down; unlocking brings them back.
import { create } from 'zustand';
import { flushPendingSaves } from '../../app/pending-saves';
import { getSyncRuntime } from '../../sync/sync-runtime';
import type { Keyring, UnlockedKeys } from '../../security/keyring';

export type LockPhase = 'locked' | 'open';

interface AppLockState {
  phase: LockPhase;
  keyring: Keyring | null;
  /** Remote wipe under way or done (issue 14): the app shows only that. */
  wipe: 'wiping' | 'wiped' | null;
  /** Bumped when the keyring's stored state changes (a lock set, escrow confirmed), so screens re-read it. */
  version: number;
  setKeyring(keyring: Keyring, phase: LockPhase): void;
  changed(): void;
}

export const useAppLock = create<AppLockState>((set) => ({
  phase: 'locked',
  keyring: null,
  wipe: null,
  version: 0,
  setKeyring: (keyring, phase) => set({ keyring, phase }),
  changed: () => set((s) => ({ version: s.version + 1 })),
}));

/** The keys of the open app: never in a store React renders from, never persisted. */
let unlockedKeys: UnlockedKeys | null = null;

export function currentKeys(): UnlockedKeys | null {
  return unlockedKeys;
}

export function appUnlocked(keys: UnlockedKeys): void {
  unlockedKeys = keys;
  document.body.dataset.locked = 'false';
  useAppLock.setState({ phase: 'open' });
}

/** Resolves once the app is open (at once when it is). */
export function whenUnlocked(): Promise<void> {
  return new Promise((resolve) => {
    if (useAppLock.getState().phase === 'open') return resolve();
    const unsubscribe = useAppLock.subscribe((state) => {
      if (state.phase !== 'open') return;
      unsubscribe();
      resolve();
    });
  });
}

/** Locks now: only when an unlock password is set (before that there is nothing to unlock with). */
export async function lockApp(): Promise<boolean> {
  const { keyring, phase } = useAppLock.getState();
  if (!keyring?.lockSet || phase === 'locked') return false;
  await flushPendingSaves();
  getSyncRuntime()?.stop();
  unlockedKeys = null;
  document.body.dataset.locked = 'true';
  useAppLock.setState({ phase: 'locked' });
  return true;
}
