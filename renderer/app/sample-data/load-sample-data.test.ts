import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDeskData } from '../../db/desk-data';
import { createTestDatabase } from '../../db/test-database';
import { loadSampleData, SEMINAR_PARTICIPANTS } from './load-sample-data';

const pages = {
  seminarArticle: readFileSync(new URL('./seeds/seminar-article.txt', import.meta.url), 'utf8'),
  newsListing: readFileSync(new URL('./seeds/news-listing.txt', import.meta.url), 'utf8'),
};
const author = { userId: 'local', displayName: 'เครื่องทดสอบ' };
const scope = { provinceCode: '57', districtCode: null };

describe('loadSampleData', () => {
  it('writes the seed content through the repositories, queued for sync', async () => {
    const data = await openDeskData(createTestDatabase());
    const result = await loadSampleData(data, pages, author, scope);
    expect(result).toEqual({ loaded: true, news: 2, events: 2, centres: 3, members: 25 });
    expect(await data.db.news.count()).toBe(2);
    expect(await data.db.members.count()).toBe(25);
    expect(await data.db.partners.count()).toBe(5);
    // every record write is queued: 2 events, 2 news + 1 status change, 3 centres, 25 members, 5 partners
    expect(await data.db.outbox.count()).toBe(38);

    const [seminar] = await data.db.events.where('type').equals('seminar').toArray();
    expect(seminar!.expected.reduce((sum, g) => sum + g.count, 0)).toBe(427);
    expect(SEMINAR_PARTICIPANTS).toHaveLength(6);
    const linked = await data.db.news.filter((n) => n.eventId === seminar!.id).toArray();
    expect(linked[0]!.status).toBe('in_review');
  });

  it('loads once per device', async () => {
    const data = await openDeskData(createTestDatabase());
    await loadSampleData(data, pages, author, scope);
    expect(await loadSampleData(data, pages, author, scope)).toEqual({ loaded: false });
    expect(await data.db.news.count()).toBe(2);
  });
});
