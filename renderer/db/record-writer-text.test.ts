import { describe, expect, it } from 'vitest';
import { unstorableReason } from '../../shared/sync/storable-json';
import { openDeskData } from './desk-data';
import { createTestDatabase } from './test-database';

const author = { userId: 'u1', displayName: 'สมศรี ใจดี' };
const scope = { provinceCode: '57', districtCode: null };

// Issue 18, item 2: the server's database refuses U+0000 and unpaired surrogates. The device drops them
// when it writes a record, so it never stores or queues a value the server would have to refuse.
describe('RecordWriter and text the server cannot store', () => {
  it('drops U+0000 and replaces an unpaired surrogate before the record and its outbox entry are written', async () => {
    const data = await openDeskData(createTestDatabase());
    const item = await data.news.createDraft({ title: 'สัมมนา\u0000เครือข่าย', lead: 'ครึ่ง\ud800ตัว', tags: ['ศส.\u0000ปชต.'] }, author, scope);
    expect(item.title).toBe('สัมมนาเครือข่าย');
    expect(item.lead).toBe('ครึ่ง\uFFFDตัว');
    expect(item.tags).toEqual(['ศส.ปชต.']);
    const updated = await data.news.update(item.id, { bodyHtml: '<p>ก\u0000ข</p>' });
    expect(updated.bodyHtml).toBe('<p>กข</p>');
    for (const entry of await data.db.outbox.toArray()) {
      expect(unstorableReason(Object.fromEntries(Object.entries(entry.changes).map(([field, change]) => [field, change.value])))).toBeNull();
    }
    expect((await data.db.news.get(item.id))?.title).toBe('สัมมนาเครือข่าย');
  });
});
