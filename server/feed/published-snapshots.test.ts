import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import { migrate, MIGRATIONS } from '../store/migrations';
import { openPgClient } from '../store/pg-sql-client';
import { openPgliteClient } from '../store/pglite-sql-client';
import type { SqlClient } from '../store/sql-client';
import { fakeNode, mutation, newsValues, stampAt, TestClient } from '../testing/test-client';
import { useClockedServer } from '../testing/clocked-server';
import { testBackends } from '../testing/test-stores';

describe.each(testBackends())('the feed keeps the words of each publication ($name)', (backend) => {
  const clocked = useClockedServer(backend, { seed: { provinceCode: '57', districtCode: '5701' } });
  const { tick } = clocked;

  const titles = async () => (await clocked.server.app.inject({ method: 'GET', url: '/feed/57/news.json' })).json<{ items: { title: string }[] }>().items.map((i) => i.title);

  it('leaves an archived item out, and serves the new words once it is published again', async () => {
    const coordinator = await TestClient.signedIn(clocked.server.app, clocked.province.coordinator);
    const node = fakeNode();
    const id = uuidv7();
    const write = (values: Record<string, unknown>) => coordinator.push([mutation({ id: coordinator.nextMutationId(), recordId: id, provinceCode: '57', values, stamp: stampAt(tick(), node) })]);
    await write({ ...newsValues('ฉบับแรก'), status: 'published', publishedAt: '2026-11-22T16:00:00.000+07:00' });
    expect(await titles()).toEqual(['ฉบับแรก']);
    await write({ status: 'archived' });
    expect(await titles()).toEqual([]);
    await write({ status: 'draft', title: 'ฉบับแก้ไข' });
    expect(await titles()).toEqual([]);
    await write({ status: 'in_review' });
    await write({ status: 'approved' });
    await write({ status: 'published' });
    expect(await titles()).toEqual(['ฉบับแก้ไข']);
  });
});

describe.each(testBackends())('migrating to kept publications ($name)', (backend) => {
  let sql: SqlClient | undefined;
  afterAll(async () => {
    await sql?.close();
    await backend.cleanUp();
  });

  it('keeps what is published at the upgrade as published, with its photos', async () => {
    const options = backend.options();
    sql = options.kind === 'pglite' ? await openPgliteClient(undefined) : await openPgClient({ connectionString: options.url, schema: options.schema });
    await migrate(sql, MIGRATIONS.filter((m) => m.version < 10));
    const photoId = uuidv7();
    const published = { ...newsValues('เผยแพร่แล้ว'), status: 'published', photos: [{ attachmentId: photoId, caption: 'ภาพ' }] };
    await sql.query(
      `INSERT INTO records (table_name, id, province_code, district_code, seq, vals, stamps, authors) VALUES
        ('news', 'n1', '57', NULL, 1, $1::jsonb, '{}', '{}'),
        ('news', 'n2', '57', NULL, 2, $2::jsonb, '{}', '{}'),
        ('attachments', $3, '57', NULL, 3, $4::jsonb, '{}', '{"sha256": ["user-1", "device-1"]}')`,
      [JSON.stringify(published), JSON.stringify(newsValues('ร่าง')), photoId, JSON.stringify({ sha256: 'a'.repeat(64), width: 640, height: 480 })],
    );
    expect(await migrate(sql, MIGRATIONS.filter((m) => m.version <= 10))).toEqual([10]);
    const { rows } = await sql.query<{ id: string; title: string; photos: unknown }>(`SELECT id, vals ->> 'title' AS title, photos FROM published_news`);
    expect(rows).toEqual([{ id: 'n1', title: 'เผยแพร่แล้ว', photos: { [photoId]: { sha256: 'a'.repeat(64), width: 640, height: 480, namedBy: 'user-1' } } }]);
  });
});
