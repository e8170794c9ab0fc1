import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './open-store';
import { PlannerStatistics } from './planner-statistics';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function seed(s: Store, count: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({ id: `r${i}`, s: i + 1 }));
  await s.sql.query(
    `INSERT INTO records (table_name, id, province_code, district_code, seq, vals, stamps, authors)
     SELECT 'news', r ->> 'id', '57', NULL, (r ->> 's')::bigint, '{}'::jsonb, '{}'::jsonb, '{}'::jsonb FROM jsonb_array_elements($1::jsonb) AS r`,
    [JSON.stringify(rows)],
  );
}

const estimatedRows = async (s: Store) => Number((await s.sql.query<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE relname = 'records'`)).rows[0]?.reltuples);

describe('PlannerStatistics', () => {
  it('analyzes a PGlite store before the first pull, then again only after enough writes', async () => {
    store = await openStore({ kind: 'pglite' });
    await seed(store, 3000);
    expect(await estimatedRows(store)).toBeLessThan(1);

    await store.statistics.refreshIfStale();
    expect(await estimatedRows(store)).toBe(3000);

    await store.sql.query(`DELETE FROM records WHERE seq > 1000`);
    store.statistics.noteWrites(10);
    await store.statistics.refreshIfStale();
    expect(await estimatedRows(store)).toBe(3000); // a few writes: the old figures stand
    store.statistics.noteWrites(2000);
    await store.statistics.refreshIfStale();
    expect(await estimatedRows(store)).toBe(1000);
  });

  it('leaves a PostgreSQL server to its autovacuum', async () => {
    store = await openStore({ kind: 'pglite' });
    await seed(store, 100);
    await new PlannerStatistics(store.sql, false).refreshIfStale();
    expect(await estimatedRows(store)).toBeLessThan(1);
  });
});
