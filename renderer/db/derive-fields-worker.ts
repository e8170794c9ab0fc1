// A dedicated worker that computes the derived fields (Thai search tokens, sort keys) of pulled
// records, so a first pull of a province does not hold the window's thread with word segmentation.
import type { RecordOf, SyncedTable } from '../../shared/domain/synced-tables';
import { derivedFieldsOrNone } from './derived-fields';

export interface DeriveRequest {
  id: number;
  table: SyncedTable;
  records: RecordOf<SyncedTable>[];
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<DeriveRequest>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = ({ data }) => {
  scope.postMessage({ id: data.id, derived: data.records.map((record) => derivedFieldsOrNone(data.table, record)) });
};
