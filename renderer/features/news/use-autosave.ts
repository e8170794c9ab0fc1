import { useCallback, useEffect, useRef, useState } from 'react';
import { registerPendingSave } from '../../app/pending-saves';
import { forgetUnsavedEdit, type UnsavedEdit } from '../../app/unsaved-edits';
import type { SyncedTable } from '../../../shared/domain/synced-tables';

export interface AutosaveJournal {
  table: SyncedTable;
  id: string;
  /** What a save now would write, read synchronously (the page may be going). */
  edit: () => Pick<UnsavedEdit, 'patch' | 'base'>;
}

export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; message: string };

/**
 * Saves a moment after typing stops (and at least every few seconds while it goes on), one save
 * at a time. Each save is coalesced by the repository into the record's pending outbox entry.
 * Pending work is flushed when the editor closes, and when the app does (page hidden or left, window
 * closed: renderer/app/pending-saves.ts).
 */
export function useAutosave(save: () => Promise<void>, journal?: AutosaveJournal, idleMs = 500, maxWaitMs = 3000) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const saveRef = useRef(save);
  const journalRef = useRef(journal);
  journalRef.current = journal;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const firstPendingAt = useRef<number | null>(null);
  const running = useRef<Promise<void>>(Promise.resolve());
  const dirty = useRef(false);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    firstPendingAt.current = null;
    const next = running.current.then(async () => {
      if (!dirty.current) return;
      dirty.current = false;
      setState({ kind: 'saving' });
      try {
        await saveRef.current();
        const kept = journalRef.current;
        if (kept) forgetUnsavedEdit(window.localStorage, kept.table, kept.id);
        setState(dirty.current ? { kind: 'pending' } : { kind: 'saved' });
      } catch (error) {
        setState({ kind: 'failed', message: (error as Error).message });
      }
    });
    running.current = next;
    await next;
  }, []);

  const schedule = useCallback(() => {
    dirty.current = true;
    setState((s) => (s.kind === 'failed' ? s : { kind: 'pending' }));
    const now = Date.now();
    firstPendingAt.current ??= now;
    if (timer.current) clearTimeout(timer.current);
    const wait = Math.max(0, Math.min(idleMs, firstPendingAt.current + maxWaitMs - now));
    timer.current = setTimeout(() => void flush(), wait);
  }, [flush, idleMs, maxWaitMs]);

  useEffect(() => {
    const unregister = registerPendingSave({
      flush,
      unsaved: () => {
        const kept = journalRef.current;
        if (!dirty.current || !kept) return null;
        return { table: kept.table, id: kept.id, ...kept.edit(), at: new Date().toISOString() };
      },
    });
    return () => {
      unregister();
      void flush();
    };
  }, [flush]);

  return { state, schedule, flush };
}
