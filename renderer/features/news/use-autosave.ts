import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; message: string };

/**
 * Saves a moment after typing stops (and at least every few seconds while it goes on), one save
 * at a time. Each save is coalesced by the repository into the record's pending outbox entry.
 * Pending work is flushed when the editor closes.
 */
export function useAutosave(save: () => Promise<void>, idleMs = 500, maxWaitMs = 3000) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const saveRef = useRef(save);
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

  useEffect(() => () => void flush(), [flush]);

  return { state, schedule, flush };
}
