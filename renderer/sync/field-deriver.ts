import type { RecordOf, SyncedTable } from '../../shared/domain/synced-tables';
import { workerCalls, type WorkerLike } from '../app/worker-calls';
import type { DeriveRequest } from '../db/derive-fields-worker';
import { derivedFieldsOrNone, hasDerivedFields, type DerivedFields } from '../db/derived-fields';

/** Computes the derived fields of many records of one table (in order). */
export type FieldDeriver = (table: SyncedTable, records: readonly RecordOf<SyncedTable>[]) => Promise<DerivedFields[]>;

export const deriveInThisThread: FieldDeriver = async (table, records) => records.map((record) => derivedFieldsOrNone(table, record));

/**
 * Derived fields computed in a worker; the same function runs there as here. If the worker cannot be
 * made or fails (a shell or platform without module workers), everything it was asked and everything
 * after is computed in this thread instead: slower, never wrong.
 */
export function workerFieldDeriver(createWorker: () => WorkerLike): FieldDeriver {
  const calls = workerCalls<DeriveRequest, DerivedFields[]>(createWorker, (request) => deriveInThisThread(request.table, request.records));
  return (table, records) => {
    if (!hasDerivedFields(table) || records.length === 0) return Promise.resolve(records.map(() => ({})));
    return calls.call({ table, records: [...records] });
  };
}
