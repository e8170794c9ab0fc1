import type { Store } from '../../server/store/open-store';
import { redactPersonForViewer } from '../../shared/roster/personal-data-redaction';
import { NO_PERSONAL_DATA_VIEWER } from '../../shared/roster/reveal-policy';
import { wireBodySql, wireStamps } from '../../server/sync/record-row';
import type { BenchRecord } from '../sync/fixtures';

/** Writes bench records straight into the store (no push), each with the next seq, 2,000 per statement, stamps
 * and the record kept in their wire forms as a push keeps them (recordRowsJson, save_records). */
export async function seedRecords(store: Store, records: readonly BenchRecord[]): Promise<void> {
  const { rows } = await store.sql.query<{ last_seq: string | number }>('SELECT last_seq FROM sync_state WHERE id = 1');
  let seq = Number(rows[0]?.last_seq ?? 0);
  for (let i = 0; i < records.length; i += 2000) {
    const chunk = records.slice(i, i + 2000).map((r) => ({ t: r.table, id: r.id, p: r.provinceCode, d: r.districtCode, s: ++seq, v: r.values, st: r.stamps, w: wireStamps(r.stamps), wv: r.table === 'members' ? redactPersonForViewer(r.values, r.districtCode, NO_PERSONAL_DATA_VIEWER) : null }));
    await store.sql.query(
      `INSERT INTO records (table_name, id, province_code, district_code, seq, vals, stamps, wire_stamps, wire_body, withheld_body, authors)
       SELECT s.table_name, s.id, s.province_code, s.district_code, s.seq, s.vals, s.stamps, s.wire_stamps, ${wireBodySql('s')},
              CASE WHEN jsonb_typeof(s.withheld_vals) = 'object' THEN ${wireBodySql('s', 's.withheld_vals')} END, '{}'::jsonb
         FROM (SELECT r ->> 't' AS table_name, r ->> 'id' AS id, r ->> 'p' AS province_code, r ->> 'd' AS district_code, (r ->> 's')::bigint AS seq,
                      r -> 'v' AS vals, r -> 'wv' AS withheld_vals, r -> 'st' AS stamps, r ->> 'w' AS wire_stamps
                 FROM jsonb_array_elements($1::jsonb) AS r) AS s`,
      [JSON.stringify(chunk)],
    );
  }
  await store.sql.query('UPDATE sync_state SET last_seq = $1 WHERE id = 1', [seq]);
}
