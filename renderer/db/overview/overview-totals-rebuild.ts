import type { Table } from 'dexie';
import { factsOf, partitionKey, TOTALS_TABLE, TRACKED_TABLES, type TotalsRow } from './overview-facts';

/**
 * The overview totals counted from scratch: every record of the counted tables, read once. Runs in
 * the schema upgrade that creates the totals store (existing data counted once) and in tests, as the
 * reference the incremental totals must equal. `tableOf` gives the tables of the caller's
 * transaction (the upgrade's, or a read-write one over the counted tables and the totals).
 */
export async function rebuildOverviewTotals(tableOf: (name: string) => Table): Promise<void> {
  const rows = await countOverviewTotals(tableOf);
  const totals = tableOf(TOTALS_TABLE);
  await totals.clear();
  await totals.bulkPut([...rows.values()]);
}

/** The totals as a full count would store them, keyed by partition. */
export async function countOverviewTotals(tableOf: (name: string) => Table): Promise<Map<string, TotalsRow>> {
  const rows = new Map<string, TotalsRow>();
  for (const table of TRACKED_TABLES) {
    await tableOf(table).each((record: unknown) => {
      const facts = factsOf(table, record);
      if (!facts) return;
      const { provinceCode, districtCode } = facts.partition;
      const key = partitionKey(table, provinceCode, districtCode);
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { key, table, provinceCode, districtCode, counts: {}, revision: 1 }));
      for (const [fact, n] of facts.counts) {
        const next = (row.counts[fact] ?? 0) + n;
        if (next === 0) delete row.counts[fact];
        else row.counts[fact] = next;
      }
    });
  }
  return rows;
}
