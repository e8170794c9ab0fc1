import type { SqlQueryable } from '../store/sql-client';

/** How long a device may take to resend a push whose answer it lost and still be told "duplicate". */
export const DEFAULT_KEEP_MUTATION_IDS_DAYS = 90;

/**
 * Forgets the ids of mutations applied more than `days` days ago. A device that resends one of them
 * gets it applied again, which changes no value (its stamps are already there) — but see
 * docs/sync-protocol.md, "Retention", for the conflict row and the rejections a late resend can cause.
 * One statement: a push that runs meanwhile either saw the id (duplicate) or not (applied again).
 */
export async function dropAppliedMutationIds(sql: SqlQueryable, days: number): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `WITH gone AS (DELETE FROM applied_mutations WHERE applied_at < now() - make_interval(days => $1::int) RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [days],
  );
  return rows[0]?.n ?? 0;
}
