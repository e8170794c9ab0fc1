import type { SqlClient } from './sql-client';

/** Writes after which the statistics are refreshed: a first big push or import, not every edit. */
const WRITES_BEFORE_REFRESH = 500;

/**
 * Keeps PostgreSQL's planner statistics fresh where nothing else does. A PostgreSQL server has
 * autovacuum; PGlite does not, so its tables are never analyzed and the planner, believing them
 * nearly empty, sorts a whole province for every pull page instead of walking the seq index
 * (measured: 4–5× slower on 50,000 records). The server counts its own writes and runs ANALYZE
 * before the next pull once enough have accumulated.
 */
export class PlannerStatistics {
  // Unknown at start (data may predate this process): refresh before the first pull.
  #writesSinceRefresh = Number.POSITIVE_INFINITY;
  #refreshing: Promise<void> | null = null;

  constructor(
    private readonly sql: SqlClient,
    private readonly enabled: boolean,
  ) {}

  noteWrites(count: number): void {
    this.#writesSinceRefresh += count;
  }

  /** Refreshes the statistics if enough has changed; concurrent callers share one ANALYZE. */
  async refreshIfStale(): Promise<void> {
    if (!this.enabled || this.#writesSinceRefresh < WRITES_BEFORE_REFRESH) return;
    this.#refreshing ??= (async () => {
      this.#writesSinceRefresh = 0;
      try {
        await this.sql.query('ANALYZE records, conflicts');
      } finally {
        this.#refreshing = null;
      }
    })();
    await this.#refreshing;
  }
}
