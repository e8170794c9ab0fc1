// Background work of a start (the day's backup, the other screens' code) waits until the first screen is up
// and the window is really idle: its reads wait on IndexedDB (the window looks idle meanwhile), and work started
// beside them — a backup reading every table, megabytes of code to compile — would take the IndexedDB queue
// and the thread before the first screen's figures are painted.

/** The window has nothing to do for at least this long. */
const IDLE_ENOUGH_MS = 45;

/** Runs `work` once the window has an idle stretch (at once where requestIdleCallback is missing, half a second later). */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback !== 'function') return void setTimeout(work, 500);
  requestIdleCallback((deadline) => (deadline.timeRemaining() >= IDLE_ENOUGH_MS ? work() : whenIdle(work)));
}

/** Runs `work` `delayMs` after now, at the first idle stretch after that. Returns a cancel. */
export function afterStart(delayMs: number, work: () => void): () => void {
  let cancelled = false;
  const timer = setTimeout(() => whenIdle(() => cancelled || work()), delayMs);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}
