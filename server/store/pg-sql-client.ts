import pg from 'pg';
import type { SqlClient, SqlQueryable } from './sql-client';

export interface PgClientOptions {
  connectionString: string;
  /** A schema to work in (created if missing): tests use one per run so parallel runs never collide. */
  schema?: string;
  max?: number;
}

/**
 * Connections per server process. Measured side by side at 50 devices (bench/scale, 2 cores): 24 connections
 * doubled push p95 (2,314–2,373 ms against 1,004–1,090 with 10) — more pushes in flight only wait longer on
 * the change-sequence lock and for the CPU — while pull p95 moved little (647–660 against 776–884).
 */
const DEFAULT_POOL_SIZE = 10;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A PostgreSQL server through a pg.Pool: one pooled connection per transaction, one more for LISTEN. */
export async function openPgClient(options: PgClientOptions): Promise<SqlClient> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const connectionOptions = schema === undefined ? undefined : `-c search_path=${schema}`;
  if (schema !== undefined) {
    const setup = new pg.Client({ connectionString: options.connectionString });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (error) {
      // Two processes creating the same schema at once: the loser sees a unique violation; the schema exists.
      if ((error as { code?: string }).code !== '23505') throw error;
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? DEFAULT_POOL_SIZE, options: connectionOptions });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});

  const query = async <T extends object>(text: string, params: readonly unknown[] = []) => {
    const result = await pool.query<T>(text, [...params]);
    return { rows: result.rows };
  };

  let listener: pg.Client | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();

  return {
    kind: 'postgres',
    query,
    async transaction(fn) {
      const client = await pool.connect();
      const tx: SqlQueryable = {
        async query<T extends object>(text: string, params: readonly unknown[] = []) {
          const result = await client.query<T>(text, [...params]);
          return { rows: result.rows };
        },
      };
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await fn(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async listen(channel, onPayload) {
      if (listener === undefined) {
        listener = new pg.Client({ connectionString: options.connectionString, options: connectionOptions });
        listener.on('error', () => {});
        listener.on('notification', (message) => {
          for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
        });
        await listener.connect();
      }
      let set = handlers.get(channel);
      if (set === undefined) {
        set = new Set();
        handlers.set(channel, set);
        await listener.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}
