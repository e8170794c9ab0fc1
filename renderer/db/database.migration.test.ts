import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema-versions';
import { createTestDatabase } from './test-database';
import { openDeskData } from './desk-data';

describe('schema migrations', () => {
  it('versions only ever increase', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('upgrades a version-1 database and keeps every row', async () => {
    const name = `migrate-${Date.now()}-${Math.random()}`;
    const v1 = createTestDatabase(SCHEMA_VERSIONS.slice(0, 1), name);
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.table('news').put({ id: 'n1', title: 'สำนักงานคณะกรรมการการเลือกตั้ง จัดเสวนาวิชาการ', lead: '', bodyHtml: '<p>รวมพลคน ศส.ปชต.</p>', tags: [], deleted: false, updatedAt: '2022-08-26T00:00:00.000Z', _stamps: {} });
    await v1.table('members').put({ id: 'm1', firstName: 'สมชาย', lastName: 'ใจงาม', phone: '0812345678', nationalId: null, deleted: false, _stamps: {} });
    await v1.table('outbox').add({ table: 'news', recordId: 'n1', changes: {}, sentAt: null });
    v1.close();

    const current = createTestDatabase(undefined, name);
    const data = await openDeskData(current);
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await current.news.count()).toBe(1);
    expect(await current.outbox.count()).toBe(1);
    // v8 built the news token index from the stored rows.
    expect(await data.news.searchIds({ query: 'เสวนา' })).toEqual(['n1']);
    expect((await current.members.where('searchTokens').startsWith('0812').primaryKeys())).toEqual(['m1']);
    expect(data.identity.deviceId).toMatch(/^[0-9a-f]{32}$/);
  });
});
