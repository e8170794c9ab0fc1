import { describe, expect, it } from 'vitest';
import { openDeskData } from '../desk-data';
import { SCHEMA_VERSIONS } from '../schema-versions';
import { createTestDatabase } from '../test-database';

describe('news schema v4', () => {
  it('upgrades older news rows: live-marker tokens, the author index and the revision tables', async () => {
    const name = `news-v4-${Date.now()}-${Math.random()}`;
    const old = createTestDatabase(SCHEMA_VERSIONS.filter((v) => v.version < 4), name);
    await old.open();
    await old.table('news').put({ id: '01890f3e-1c2b-7abc-8def-0123456789ab', title: 'จัดเสวนาวิชาการ', lead: '', bodyHtml: '', tags: [], authorId: 'u1', authorName: 'สมศรี', status: 'draft', category: 'ข่าว/กิจกรรม', updatedAt: '2022-08-26T00:00:00.000Z', deleted: false, _stamps: {} });
    await old.table('news').put({ id: '01890f3e-1c2b-7abc-8def-0123456789ac', title: 'ข่าวที่ถูกลบ', lead: '', bodyHtml: '', tags: [], authorId: 'u1', authorName: 'สมศรี', status: 'draft', category: 'ข่าว/กิจกรรม', updatedAt: '2022-08-27T00:00:00.000Z', deleted: true, _stamps: {} });
    old.close();

    const data = await openDeskData(createTestDatabase(undefined, name));
    expect(await data.news.searchIds({})).toEqual(['01890f3e-1c2b-7abc-8def-0123456789ab']);
    expect(await data.news.searchIds({ query: 'เสวนา', authorIds: ['u1'] })).toEqual(['01890f3e-1c2b-7abc-8def-0123456789ab']);
    expect(await data.db.table('newsRevisions').count()).toBe(0);
    expect(await data.db.table('newsTransitions').count()).toBe(0);
  });
});
