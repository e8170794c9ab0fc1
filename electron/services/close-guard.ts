// The window's close waits for the page to save what its editors hold (issue 17: the last half-second of
// typing is in memory until an autosave runs). Main asks the page ('closing' event), the page saves and
// answers readyToClose, and only then does the window close — or after a few seconds, if the page cannot
// answer (hung, crashed, not loaded yet): a window that never closes would be worse than that risk.

export interface CloseGuardOptions {
  /** Tell the page the window is closing. */
  notify: () => void;
  /** Close the window for real (the guard lets that close through). */
  close: () => void;
  timeoutMs?: number;
  timers?: { setTimeout(callback: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
}

export const CLOSE_WAIT_MS = 4_000;

const realTimers = {
  setTimeout: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class CloseGuard {
  private waiting: unknown = null;
  private released = false;
  private readonly timers: NonNullable<CloseGuardOptions['timers']>;

  constructor(private readonly options: CloseGuardOptions) {
    this.timers = options.timers ?? realTimers;
  }

  /** The window's 'close' event: the first one is held until the page is ready; the release goes through. */
  onClose(preventDefault: () => void): void {
    if (this.released) return;
    preventDefault();
    if (this.waiting !== null) return;
    this.waiting = this.timers.setTimeout(() => this.release(), this.options.timeoutMs ?? CLOSE_WAIT_MS);
    this.options.notify();
  }

  /** The page saved everything: close now (ignored unless a close is waiting). */
  ready(): void {
    if (this.waiting !== null) this.release();
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    if (this.waiting !== null) this.timers.clearTimeout(this.waiting);
    this.waiting = null;
    this.options.close();
  }
}
