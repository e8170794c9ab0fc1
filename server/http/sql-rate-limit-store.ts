import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { SqlClient, SqlQueryable } from '../store/sql-client';
import { toNumber } from '../store/sql-client';

/**
 * Rate-limit counters in the database instead of each process's memory, so several server processes on
 * one PostgreSQL share them: ten password guesses a minute means ten, however many processes answer.
 * One statement per hit (an upsert that starts a new window when the old one is over), atomic on both stores.
 */
export function sqlRateLimitStore(sql: SqlClient): FastifyRateLimitStoreCtor {
  class SqlRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly scope = '*',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      sql
        .query<{ hits: unknown; ttl: unknown }>(
          `INSERT INTO rate_limits (key, hits, window_ends) VALUES ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
           ON CONFLICT (key) DO UPDATE SET
             hits = CASE WHEN rate_limits.window_ends <= now() THEN 1 ELSE rate_limits.hits + 1 END,
             window_ends = CASE WHEN rate_limits.window_ends <= now() THEN EXCLUDED.window_ends ELSE rate_limits.window_ends END
           RETURNING hits, greatest(0, ceil(extract(epoch FROM (window_ends - now())) * 1000)) AS ttl`,
          [`${this.scope} ${key}`, timeWindow],
        )
        .then(
          ({ rows }) => callback(null, { current: toNumber(rows[0]?.hits), ttl: toNumber(rows[0]?.ttl) }),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
    }

    child(routeOptions: FastifyRateLimitOptions & { routeInfo?: { method?: unknown; url?: unknown } }): FastifyRateLimitStore {
      // One counter per route and client, as the in-memory store keeps.
      const route = routeOptions.routeInfo;
      return new SqlRateLimitStore(routeOptions, `${String(route?.method ?? '')} ${String(route?.url ?? '')}`.trim() || '*');
    }
  }
  return SqlRateLimitStore;
}

/** Counters whose window is over count nothing: `prune` clears them so the table keeps only live ones. */
export async function dropExpiredRateLimits(sql: SqlQueryable): Promise<number> {
  const { rows } = await sql.query('DELETE FROM rate_limits WHERE window_ends <= now() RETURNING key');
  return rows.length;
}
