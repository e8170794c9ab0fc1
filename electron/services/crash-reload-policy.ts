/**
 * Decides whether main reloads a renderer that crashed. A reload loses nothing (every edit is
 * already in IndexedDB), but a page that crashes while it loads — a bad migration, a corrupt
 * record it reads at start — would otherwise reload forever and burn the CPU. So: reload, unless
 * the page crashed again before it finished loading, or crashed too often in a short time; then
 * main stops and asks the user (reload once more, save diagnostics, or quit).
 */

export type CrashDecision = 'reload' | 'give-up';

export interface CrashReloadPolicyOptions {
  /** At most this many crashes within windowMs, loaded or not. Default 3 in 60 s. */
  maxCrashes?: number;
  windowMs?: number;
  now?: () => number;
}

export class CrashReloadPolicy {
  readonly #maxCrashes: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  #crashTimes: number[] = [];
  /** We reloaded after a crash and that load has not finished yet. */
  #reloading = false;

  constructor(options: CrashReloadPolicyOptions = {}) {
    this.#maxCrashes = options.maxCrashes ?? 3;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** The page finished loading ('did-finish-load'). */
  loaded(): void {
    this.#reloading = false;
  }

  /** The renderer is gone (not a clean exit): reload it, or give up and ask. */
  crashed(): CrashDecision {
    const now = this.#now();
    this.#crashTimes = [...this.#crashTimes.filter((t) => now - t < this.#windowMs), now];
    // Our reload crashed before it finished loading: another reload would do the same.
    if (this.#reloading || this.#crashTimes.length > this.#maxCrashes) return 'give-up';
    this.#reloading = true;
    return 'reload';
  }

  /** The user asked to try again: start counting afresh. */
  reset(): void {
    this.#crashTimes = [];
    this.#reloading = false;
  }
}
