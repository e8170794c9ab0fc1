import { canRead, type Scope } from '../accounts/scope';
import type { SqlQueryable } from '../store/sql-client';
import type { Store } from '../store/open-store';

/** A scope that changed: a province, and the district when the record belongs to one. */
export interface ChangedScope {
  provinceCode: string;
  districtCode: string | null;
}

// NOTIFY payloads are capped at 8000 bytes; past this the poke goes to everyone ('*').
const MAX_PAYLOAD = 7000;

/**
 * Inside a writing transaction: tell every server process (LISTEN/NOTIFY) which scopes changed.
 * PostgreSQL delivers the notification at commit and drops it on rollback, so no poke for nothing.
 */
export async function notifyChanges(tx: SqlQueryable, channel: string, scopes: readonly ChangedScope[]): Promise<void> {
  if (scopes.length === 0) return;
  const keys = [...new Set(scopes.map((s) => (s.districtCode === null ? s.provinceCode : `${s.provinceCode}:${s.districtCode}`)))];
  let payload = JSON.stringify(keys);
  if (payload.length > MAX_PAYLOAD) payload = '"*"';
  await tx.query('SELECT pg_notify($1, $2)', [channel, payload]);
}

type Listener = () => void;

/** One per server process: listens on the store's channel and pokes the live connections in scope. */
export class ChangeHub {
  private readonly subscribers = new Map<Listener, Scope>();
  private stopListening: (() => Promise<void>) | undefined;

  constructor(private readonly store: Store) {}

  async start(): Promise<void> {
    this.stopListening = await this.store.sql.listen(this.store.notifyChannel, (payload) => this.dispatch(payload));
  }

  async stop(): Promise<void> {
    this.subscribers.clear();
    await this.stopListening?.();
  }

  subscribe(scope: Scope, listener: Listener): () => void {
    this.subscribers.set(listener, scope);
    return () => this.subscribers.delete(listener);
  }

  get size(): number {
    return this.subscribers.size;
  }

  private dispatch(payload: string): void {
    let changed: ChangedScope[] | '*';
    try {
      const parsed: unknown = JSON.parse(payload);
      if (parsed === '*') changed = '*';
      else if (Array.isArray(parsed)) {
        changed = parsed.filter((k): k is string => typeof k === 'string').map((key) => {
          const [provinceCode = '', districtCode] = key.split(':');
          return { provinceCode, districtCode: districtCode ?? null };
        });
      } else return;
    } catch {
      return;
    }
    for (const [listener, scope] of this.subscribers) {
      if (changed === '*' || changed.some((c) => canRead(scope, c.provinceCode, c.districtCode))) listener();
    }
  }
}
