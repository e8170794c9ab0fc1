// A dedicated worker that computes the derived fields (Thai search tokens, sort keys) of pulled
// records, so a first pull of a province does not hold the window's thread with word segmentation.
import type { RecordOf, SyncedTable } from '../../shared/domain/synced-tables';
import { answerInWorker } from '../app/worker-calls';
import { derivedFieldsOrNone } from './derived-fields';

export interface DeriveRequest {
  table: SyncedTable;
  records: RecordOf<SyncedTable>[];
}

answerInWorker(async ({ table, records }: DeriveRequest) => records.map((record) => derivedFieldsOrNone(table, record)));
