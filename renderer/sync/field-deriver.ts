import type { RecordOf, SyncedTable } from '../../shared/domain/synced-tables';
import type { DeriveRequest } from '../db/derive-fields-worker';
import { derivedFieldsOrNone, hasDerivedFields, type DerivedFields } from '../db/derived-fields';

/** Computes the derived fields of many records of one table (in order). */
export type FieldDeriver = (table: SyncedTable, records: readonly RecordOf<SyncedTable>[]) => Promise<DerivedFields[]>;

export const deriveInThisThread: FieldDeriver = async (table, records) => records.map((record) => derivedFieldsOrNone(table, record));

interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<{ id: number; derived: DerivedFields[] }>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/**
 * Derived fields computed in a worker; the same function runs there as here. If the worker cannot be
 * made or fails (a shell or platform without module workers), everything it was asked and everything
 * after is computed in this thread instead: slower, never wrong.
 */
export function workerFieldDeriver(createWorker: () => WorkerLike): FieldDeriver {
  let worker: WorkerLike | null | 'failed' = null;
  let nextId = 0;
  const waiting = new Map<number, { request: DeriveRequest; resolve: (derived: DerivedFields[]) => void }>();

  const fallBack = () => {
    if (worker && worker !== 'failed') worker.terminate();
    worker = 'failed';
    for (const [id, { request, resolve }] of waiting) {
      waiting.delete(id);
      void deriveInThisThread(request.table, request.records).then(resolve);
    }
  };

  const start = (): WorkerLike | 'failed' => {
    if (worker) return worker;
    try {
      const created = createWorker();
      created.addEventListener('message', ({ data }) => {
        const entry = waiting.get(data.id);
        waiting.delete(data.id);
        entry?.resolve(data.derived);
      });
      created.addEventListener('error', fallBack);
      created.addEventListener('messageerror', fallBack);
      worker = created;
    } catch {
      worker = 'failed';
    }
    return worker;
  };

  return (table, records) => {
    if (!hasDerivedFields(table) || records.length === 0) return Promise.resolve(records.map(() => ({})));
    const current = start();
    if (current === 'failed') return deriveInThisThread(table, records);
    return new Promise((resolve) => {
      const request: DeriveRequest = { id: ++nextId, table, records: [...records] };
      waiting.set(request.id, { request, resolve });
      current.postMessage(request);
    });
  };
}
