// What live queries must hear about when a DBCore middleware writes below Dexie's observability layer (or writes
// keys that layer never saw): the keys are added to the transaction's mutatedParts, as that layer adds its own.
import { RangeSet, type DBCoreTransaction, type IndexableType, type ObservabilitySet } from 'dexie';

/** Marks `keys` of `table` (of its `index`; '' the primary key) in database `databaseName` as changed by `trans`. */
export function markMutated(trans: DBCoreTransaction, databaseName: string, table: string, keys: readonly IndexableType[], index = ''): void {
  const holder = trans as DBCoreTransaction & { mutatedParts?: ObservabilitySet };
  const parts = (holder.mutatedParts ??= {});
  const part = `idb://${databaseName}/${table}/${index}`;
  parts[part] = ((parts[part] as RangeSet | undefined) ?? new RangeSet()).addKeys([...keys]);
}
