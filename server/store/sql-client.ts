// The one SQL code path of the server: every query goes through this interface, implemented over
// PGlite (embedded default) and over a pg.Pool (a PostgreSQL server via DATABASE_URL).

export type SqlRow = Record<string, unknown>;

export interface SqlQueryable {
  query<T extends object = SqlRow>(text: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
}

export interface SqlClient extends SqlQueryable {
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; the returned function stops listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

/** bigint columns come back as number (PGlite) or string (pg); both are safe integers here. */
export function toNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`expected a safe integer, got ${String(value)}`);
  return n;
}

/** bytea comes back as Uint8Array (PGlite) or Buffer (pg). */
export function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError('expected bytea');
}

export function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}
