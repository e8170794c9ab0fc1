import type { SqlQueryable } from '../store/sql-client';

/** How often a server process numbers what a writer left unnumbered (it crashed between its commit and its run). */
export const SWEEP_INTERVAL_MS = 5_000;

/**
 * Numbers the changes writers saved without a seq (migration 16, `sequence_pending_changes`): one run at a
 * time in this process, each run one statement that holds the change-sequence lock only inside the
 * database. A writer asks after its commit; while a run is on, the askers wait for the next run, which
 * starts after it ends and so sees their commits — one run serves every push that committed meanwhile
 * (group commit, issue 11). Runs of other server processes take the same lock in the database.
 */
export class ChangeSequencer {
  private current: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private report: (error: unknown) => void = () => undefined;

  constructor(
    private readonly sql: SqlQueryable,
    private readonly channel: string,
  ) {}

  /** Resolves once a run that started after this call has numbered every change committed before it. */
  sequence(): Promise<void> {
    if (this.current === undefined) return this.begin();
    this.queued ??= this.current.then(() => {
      this.queued = undefined;
      return this.begin();
    });
    return this.queued;
  }

  /**
   * sequence() for a writer whose writes are committed: they stand (durable, and the device must not send
   * them again) even if this run fails, which is reported and not thrown — the next run numbers them.
   */
  async afterCommit(): Promise<void> {
    try {
      await this.sequence();
    } catch (error) {
      this.report(error);
    }
  }

  /** Runs now and then every SWEEP_INTERVAL_MS, for changes whose writer stopped before asking. */
  startSweeping(onError: (error: unknown) => void, intervalMs = SWEEP_INTERVAL_MS): void {
    clearInterval(this.sweepTimer);
    this.report = onError;
    const sweep = () => void this.afterCommit();
    sweep();
    this.sweepTimer = setInterval(sweep, intervalMs);
    this.sweepTimer.unref();
  }

  /** Stops the sweeps and waits for a run in progress (before the database is closed). */
  async stopSweeping(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
    await this.queued?.catch(() => undefined);
    await this.current;
  }

  private begin(): Promise<void> {
    const run = this.sql.query('SELECT sequence_pending_changes($1)', [this.channel]).then(() => undefined);
    // `current` never rejects: a failed run is the asker's error, and the next run starts all the same.
    const settled: Promise<void> = run.then(
      () => this.finished(settled),
      () => this.finished(settled),
    );
    this.current = settled;
    return run;
  }

  private finished(run: Promise<void>): void {
    if (this.current === run) this.current = undefined;
  }
}
