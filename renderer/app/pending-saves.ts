// Editors that save a moment after typing stops (useAutosave) hold the last half-second of typing in memory.
// Each registers here while it is open, so the app can save everything before it goes away (issue 17): when
// the page is hidden, when it is left (browser shell: reload, tab closed — see unsaved-edits.ts) and when the
// desktop window closes (main asks first: electron/services/close-guard.ts).

import { keepUnsavedEdit, type UnsavedEdit } from './unsaved-edits';

export interface PendingSave {
  /** Saves what the editor holds (nothing when nothing is typed since its last save). */
  flush: () => Promise<void>;
  /** The typing not saved yet, for a page being torn down; null when there is none. Must be synchronous. */
  unsaved?: () => UnsavedEdit | null;
}

const open = new Set<PendingSave>();

/** Registers an open editor; returns the unregister function. */
export function registerPendingSave(save: PendingSave): () => void {
  open.add(save);
  return () => {
    open.delete(save);
  };
}

/** Saves what every open editor holds; one failing editor does not keep the others from saving. */
export async function flushPendingSaves(): Promise<void> {
  await Promise.allSettled([...open].map((save) => save.flush()));
}

/** Keeps every editor's unsaved typing synchronously (the page is going), then starts saving it. */
export function keepPendingSaves(storage: Storage): void {
  for (const save of open) {
    const edit = save.unsaved?.();
    if (edit) keepUnsavedEdit(storage, edit);
  }
  void flushPendingSaves();
}

/** Saves when the page is hidden (it stays alive: minimised, another tab) and keeps the typing when it is left. */
export function flushWhenPageLeaves(win: Window): () => void {
  const onHidden = () => {
    if (win.document.visibilityState === 'hidden') void flushPendingSaves();
  };
  const onLeave = () => keepPendingSaves(win.localStorage);
  win.document.addEventListener('visibilitychange', onHidden);
  win.addEventListener('pagehide', onLeave);
  return () => {
    win.document.removeEventListener('visibilitychange', onHidden);
    win.removeEventListener('pagehide', onLeave);
  };
}
