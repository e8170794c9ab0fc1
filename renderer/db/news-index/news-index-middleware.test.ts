// The news token index is kept by a middleware inside every news write's transaction. Whoever writes
// (the record writer, a pull's storeMerged, hard deletes, a cleared table), each token's posting list
// must hold exactly the items whose stored tokens include it, and search must answer as a scan would.
// liveQuery finds IndexedDB through the global, as in a window.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { formatStamp } from '../../../shared/sync/hybrid-logical-clock';
import { matchesAllTokens, searchQueryTokens } from '../../../shared/thai/search-tokens';
import { openDeskData, type DeskData } from '../desk-data';
import { newsRecord } from '../overview/test-support/overview-records';
import { uuidv7 } from '../../../shared/ids/uuid-v7';
import { createTestDatabase } from '../test-database';
import { NEWS_INDEX_TABLE, postingIds, type PostingRow } from './news-postings';

const author = { userId: 'u1', displayName: 'ผู้เขียน' };
const scope = { provinceCode: '57', districtCode: null };
const TITLES = ['จัดเสวนาวิชาการ ศส.ปชต.', 'อบรมเชิงปฏิบัติการการเลือกตั้งท้องถิ่น', 'รณรงค์การมีส่วนร่วมทางการเมือง แม่สาย', 'ลงนามบันทึกข้อตกลง เชียงราย', 'ตรวจเยี่ยมหน่วยเลือกตั้ง เชียงแสน'];

/** Token → ids, as the index holds them. */
async function indexed(data: DeskData): Promise<Record<string, string[]>> {
  const rows = await data.db.table<PostingRow>(NEWS_INDEX_TABLE).toArray();
  const out: Record<string, string[]> = {};
  for (const row of rows) (out[row.token] ??= []).push(...postingIds(row));
  for (const ids of Object.values(out)) ids.sort();
  return out;
}

/** Token → ids, from the stored rows' own tokens. */
async function expected(data: DeskData): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const row of await data.db.news.toArray()) for (const token of row.searchTokens ?? []) (out[token] ??= []).push(row.id);
  for (const ids of Object.values(out)) ids.sort();
  return out;
}

async function pull(data: DeskData, titles: string[]): Promise<string[]> {
  const stamp = formatStamp({ millis: Date.UTC(2026, 0, 1), counter: 0, node: 'abcdef0123456789' });
  const records = titles.map((title) => ({ ...newsRecord({ title }), id: uuidv7() }));
  await data.db.transaction('rw', data.db.news, () =>
    data.writer.storeMerged('news', records.map((r) => ({ ...r, _stamps: Object.fromEntries(Object.keys(r).map((f) => [f, stamp])) }))),
  );
  return records.map((r) => r.id);
}

describe('news index middleware', () => {
  it('keeps every posting list equal to the stored tokens, however news is written', async () => {
    const data = await openDeskData(createTestDatabase());
    const created = [];
    for (const title of TITLES) created.push(await data.news.createDraft({ title }, author, scope));
    expect(await indexed(data)).toEqual(await expected(data));

    await data.news.update(created[0]!.id, { title: 'ประชุมชี้แจงแนวทาง สตรี' });
    await data.news.remove(created[1]!.id);
    const pulled = await pull(data, [...TITLES, ...TITLES]);
    await data.db.news.bulkDelete([pulled[0]!, created[2]!.id]);
    expect(await indexed(data)).toEqual(await expected(data));

    for (const query of ['เสวนา', 'เชียง', 'เลือกตั้ง ท้อง', 'ศส.ปชต.', 'สตรี', 'ไม่มีคำนี้']) {
      const tokens = searchQueryTokens(query);
      const scan = (await data.db.news.toArray()).filter((n) => !n.deleted && matchesAllTokens(n.searchTokens ?? [], tokens)).map((n) => n.id).sort();
      expect([...(await data.news.searchIds({ query }))].sort(), query).toEqual(scan);
    }
    expect(await data.news.searchIds({ query: 'สตรี' })).toEqual([created[0]!.id]);

    await data.db.news.clear();
    expect(await data.db.table(NEWS_INDEX_TABLE).count()).toBe(0);
  });

  it('writes no posting list when an edit brings no new word', async () => {
    const data = await openDeskData(createTestDatabase());
    const item = await data.news.createDraft({ title: 'จัดเสวนาวิชาการ', bodyHtml: '<p>เสวนา</p>' }, author, scope);
    const before = await data.db.table<PostingRow>(NEWS_INDEX_TABLE).toArray();
    await data.news.editContent(item.id, { bodyHtml: '<p>เสวนา วิชาการ</p>' }, { author, role: 'editor' }, { coalesce: true });
    expect(await data.db.table<PostingRow>(NEWS_INDEX_TABLE).toArray()).toEqual(before);
  });

  it('runs a live search again after a news write, even when every answer came from its cache', async () => {
    const data = await openDeskData(createTestDatabase());
    const first = await data.news.createDraft({ title: 'จัดเสวนาวิชาการ' }, author, scope);
    const seen: string[][] = [];
    // First read inside the live query (as the list screen does), so Dexie's own query cache holds the postings too.
    const subscription = liveQuery(() => data.news.searchIds({ query: 'เสวนา' })).subscribe((ids) => seen.push(ids));
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toEqual([first.id]);
    const second = await data.news.createDraft({ title: 'เสวนาประชาธิปไตย' }, author, scope);
    await expect.poll(() => seen.at(-1)?.slice().sort()).toEqual([first.id, second.id].sort());
    subscription.unsubscribe();
  });
});
