import { afterAll, describe, expect, it } from 'vitest';
import { encodeRecordStamps } from '../../shared/sync/protocol';
import { lockRecords, saveRecords, wireBodySql, wireStamps } from '../sync/record-row';
import { splitStatements } from './migrations';
import { testBackends } from '../testing/test-stores';

const S1 = '2026-11-20T09:30:00.000Z-0000-00000000000000a1';
const S2 = '2026-11-21T10:00:00.000Z-0001-00000000000000b2';
const S3 = '2026-11-22T11:15:00.000Z-0000-00000000000000c3';

const CASES: Array<Record<string, string>> = [
  { title: S1, lead: S1, status: S1 },
  { title: S1, lead: S2, status: S1, tags: S3 },
  { __proto__: S2, title: S1 } as Record<string, string>,
  {},
];

describe('wire stamps', () => {
  it('is the JSON of encodeRecordStamps without its braces', () => {
    for (const stamps of CASES) expect(JSON.parse(`{${wireStamps(stamps)}}`)).toEqual(JSON.parse(JSON.stringify(encodeRecordStamps(stamps))));
  });

  for (const backend of testBackends()) {
    describe(backend.name, () => {
      afterAll(() => backend.cleanUp());

      it('keeps the record as a pull sends it (but its seq) beside it, and writes the same for a row saved without it', async () => {
        const store = await backend.open();
        try {
          const values = { title: 'ข่าว "ทดสอบ" \\ ใหม่', tags: ['ศส.ปชต.'], deleted: false };
          const stamps = { title: S2, tags: S1, deleted: S1 };
          await store.sql.transaction(async (tx) => {
            await lockRecords(tx, [['news', 'n1']]);
            await saveRecords(tx, [{ table: 'news', id: 'n1', provinceCode: '57', districtCode: null, values, stamps, authors: {} }]);
          });
          await store.sql.query(
            `INSERT INTO records (table_name, id, province_code, district_code, seq, vals, stamps, authors) VALUES ('news', 'n2', '57', '5701', 7, $1::jsonb, $2::jsonb, '{}'::jsonb)`,
            [JSON.stringify(values), JSON.stringify(stamps)],
          );
          const { rows } = await store.sql.query<{ id: string; body: string }>(
            `SELECT r.id, coalesce(r.wire_body, ${wireBodySql('r')}) || '}' AS body FROM records r ORDER BY r.id`,
          );
          const expected = (id: string, districtCode: string | null) => ({ table: 'news', id, provinceCode: '57', districtCode, values, ...encodeRecordStamps(stamps) });
          const [saved, raw] = rows.map((row) => JSON.parse(row.body) as Record<string, unknown>);
          expect(saved).toEqual(expected('n1', null));
          // Stamps in JSONB's key order: the same stamp for each field, the list maybe in another order.
          expect({ ...raw, stamps: undefined, fieldStamps: undefined }).toEqual({ ...expected('n2', '5701'), stamps: undefined, fieldStamps: undefined });
        } finally {
          await store.close();
        }
      });

      it("pd_wire_stamps (migration 15, for rows written without the column) encodes as the server's own code", async () => {
        const store = await backend.open();
        try {
          for (const stamps of CASES) {
            const { rows } = await store.sql.query<{ wire: string }>('SELECT pd_wire_stamps($1::jsonb) AS wire', [JSON.stringify(stamps)]);
            const fromSql = JSON.parse(`{${rows[0]!.wire}}`) as { stamps: string[]; fieldStamps?: Record<string, number> };
            // The field order of JSONB differs from the object's: the decoded stamps per field are what must agree.
            const perField = (encoded: { stamps: string[]; fieldStamps?: Record<string, number> }) =>
              Object.fromEntries(Object.keys(stamps).map((field) => [field, encoded.stamps[encoded.fieldStamps === undefined ? 0 : encoded.fieldStamps[field]!]]));
            expect(perField(fromSql)).toEqual(perField(encodeRecordStamps(stamps)));
            expect(fromSql.stamps).toHaveLength(new Set(Object.values(stamps)).size);
            expect(fromSql.fieldStamps === undefined).toBe(new Set(Object.values(stamps)).size === 1);
          }
        } finally {
          await store.close();
        }
      });
    });
  }
});

describe('splitStatements', () => {
  it("splits at ';' ending a line, never inside a $$ body", () => {
    const sql = `-- a comment\nCREATE TABLE t (a int);\nCREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  PERFORM 1;\n  RETURN 2;\nEND $$;\nINSERT INTO t VALUES (1)\n`;
    expect(splitStatements(sql)).toEqual(['CREATE TABLE t (a int)', 'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  PERFORM 1;\n  RETURN 2;\nEND $$', 'INSERT INTO t VALUES (1)']);
  });
});
