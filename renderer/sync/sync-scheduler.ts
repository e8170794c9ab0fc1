// When the agent syncs: on start, on reconnect and resume, shortly after local changes, on a poke from the
// server, every few minutes, and sooner again after a failure (with a growing, jittered pause).

import type { DeskEvent } from '../../shared/ipc/desk-api';
import type { DeskDatabase } from '../db/database';
import type { SyncAgent, SyncRunResult } from './sync-agent';

export interface SyncTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncSchedulerOptions {
  agent: SyncAgent;
  db: DeskDatabase;
  onEvent: (listener: (event: DeskEvent) => void) => () => void;
  timers?: SyncTimers;
  random?: () => number;
  /** After a local change: wait this long for more (typing, autosave), then push. */
  localChangeDelayMs?: number;
  intervalMs?: number;
  /** Pokes from the server come in bursts when many devices push: gather them. */
  pokeDelayMs?: number;
  minRetryMs?: number;
  maxRetryMs?: number;
}

export const DEFAULT_INTERVAL_MS = 3 * 60_000;

const defaultTimers: SyncTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class SyncScheduler {
  private readonly options: Required<Omit<SyncSchedulerOptions, 'agent' | 'db' | 'onEvent'>> & Pick<SyncSchedulerOptions, 'agent' | 'db' | 'onEvent'>;
  private timer: unknown = null;
  private dueAt = Number.POSITIVE_INFINITY;
  private dueReason = '';
  private failures = 0;
  private stopped = true;
  private readonly cleanups: Array<() => void> = [];

  constructor(options: SyncSchedulerOptions) {
    this.options = {
      timers: defaultTimers,
      random: Math.random,
      localChangeDelayMs: 2_000,
      intervalMs: DEFAULT_INTERVAL_MS,
      pokeDelayMs: 300,
      minRetryMs: 10_000,
      maxRetryMs: 5 * 60_000,
      ...options,
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const { db, onEvent } = this.options;
    this.cleanups.push(
      onEvent((event) => {
        if (event.type === 'network' && event.online) this.schedule('reconnect', 0);
        else if (event.type === 'resumed') this.schedule('resumed', 0);
        else if (event.type === 'poke') this.schedule('poke', this.options.pokeDelayMs);
        else if (event.type === 'session-changed' && event.session) this.schedule('signed-in', 0);
      }),
    );
    // Every new outbox entry (a local write): push soon.
    const onCreate = () => {
      if (!this.stopped) this.schedule('local-change', this.options.localChangeDelayMs);
    };
    db.outbox.hook('creating', onCreate);
    this.cleanups.push(() => db.outbox.hook('creating').unsubscribe(onCreate));
    this.schedule('start', 0);
  }

  stop(): void {
    this.stopped = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = Number.POSITIVE_INFINITY;
  }

  /** A sync now, whatever the schedule (the "sync now" button). */
  async syncNow(reason = 'manual'): Promise<SyncRunResult> {
    const result = await this.options.agent.sync(reason);
    this.afterRun(result);
    return result;
  }

  /** Runs after `delayMs` unless something is already due sooner. */
  schedule(reason: string, delayMs: number): void {
    if (this.stopped) return;
    const at = Date.now() + delayMs;
    if (at >= this.dueAt) return;
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.dueAt = at;
    this.dueReason = reason;
    this.timer = this.options.timers.setTimeout(() => void this.fire(), delayMs);
  }

  private async fire(): Promise<void> {
    this.timer = null;
    this.dueAt = Number.POSITIVE_INFINITY;
    const reason = this.dueReason;
    const result = await this.options.agent.sync(reason);
    this.afterRun(result);
  }

  private afterRun(result: SyncRunResult): void {
    if (this.stopped) return;
    if (result.ok || result.problem === 'signed-out' || result.problem === 'unauthorized' || result.problem === 'update-required') {
      this.failures = 0;
      this.schedule('interval', this.options.intervalMs);
      return;
    }
    // Full jitter, so many laptops coming back at once do not retry in step.
    const ceiling = Math.min(this.options.maxRetryMs, this.options.minRetryMs * 2 ** this.failures++);
    this.schedule('retry', Math.max(1_000, Math.floor(this.options.random() * ceiling)));
  }
}
