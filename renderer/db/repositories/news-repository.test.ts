import { describe, expect, it } from 'vitest';
import { openDeskData } from '../desk-data';
import { RecordValidationError } from '../record-validation-error';
import { createTestDatabase } from '../test-database';
import { NewsRuleError, type NewsActor } from './news-repository';

const editor: NewsActor = { author: { userId: 'u-editor', displayName: 'สมศรี ใจดี' }, role: 'editor' };
const coordinator: NewsActor = { author: { userId: 'u-coord', displayName: 'ผอ. สมชาย' }, role: 'coordinator' };
const scope = { provinceCode: '57', districtCode: null };

async function setUp() {
  const data = await openDeskData(createTestDatabase());
  const item = await data.news.createDraft({ title: 'จัดเสวนาวิชาการ รวมพลคน ศส.ปชต.', bodyHtml: '<p>ผู้เข้าร่วม 427 คน</p>' }, editor.author, scope);
  return { data, item };
}

describe('NewsRepository workflow', () => {
  it('records every step with who, when and the comment, and a revision at submit', async () => {
    const { data, item } = await setUp();
    await data.news.transition(item.id, 'submit', editor, '', new Date('2022-08-26T03:00:00Z'));
    await data.news.transition(item.id, 'send_back', coordinator, 'แก้จำนวนผู้เข้าร่วม', new Date('2022-08-26T04:00:00Z'));
    await data.news.editContent(item.id, { bodyHtml: '<p>ผู้เข้าร่วม 430 คน</p>' }, editor);
    await data.news.transition(item.id, 'submit', editor, '', new Date('2022-08-26T05:00:00Z'));
    await data.news.transition(item.id, 'approve', coordinator, '', new Date('2022-08-26T06:00:00Z'));
    const published = await data.news.transition(item.id, 'publish', coordinator, '', new Date('2022-08-26T07:00:00Z'));

    expect(published.status).toBe('published');
    expect(published.publishedAt).toBe('2022-08-26T07:00:00.000Z');
    const steps = await data.news.transitions(item.id);
    expect(steps.map((s) => [s.action, s.from, s.to, s.actorName, s.comment])).toEqual([
      ['submit', 'draft', 'in_review', 'สมศรี ใจดี', ''],
      ['send_back', 'in_review', 'draft', 'ผอ. สมชาย', 'แก้จำนวนผู้เข้าร่วม'],
      ['submit', 'draft', 'in_review', 'สมศรี ใจดี', ''],
      ['approve', 'in_review', 'approved', 'ผอ. สมชาย', ''],
      ['publish', 'approved', 'published', 'ผอ. สมชาย', ''],
    ]);
    const revisions = await data.news.revisions(item.id);
    expect(revisions.map((r) => [r.reason, r.bodyHtml])).toEqual([
      ['submit', '<p>ผู้เข้าร่วม 427 คน</p>'],
      ['submit', '<p>ผู้เข้าร่วม 430 คน</p>'],
    ]);
    // Each step and revision is its own synced record in the outbox.
    const tables = (await data.db.outbox.toArray()).map((e) => e.table);
    expect(tables.filter((t) => t === 'newsTransitions')).toHaveLength(5);
    expect(tables.filter((t) => t === 'newsRevisions')).toHaveLength(2);
  });

  it('refuses a move the role may not make, in Thai, and writes nothing', async () => {
    const { data, item } = await setUp();
    await data.news.transition(item.id, 'submit', editor);
    const before = await data.db.outbox.count();
    await expect(data.news.transition(item.id, 'approve', editor)).rejects.toThrow(new NewsRuleError('บทบาท “ผู้เขียนข่าว” ไม่มีสิทธิ์ทำขั้นตอนนี้'));
    await expect(data.news.transition(item.id, 'send_back', coordinator, '')).rejects.toThrow('กรุณาเขียนความเห็น');
    await expect(data.news.editContent(item.id, { title: 'แก้ระหว่างรอตรวจ' }, editor)).rejects.toBeInstanceOf(NewsRuleError);
    expect(await data.db.outbox.count()).toBe(before);
    expect((await data.news.get(item.id))?.status).toBe('in_review');
    expect(await data.news.transitions(item.id)).toHaveLength(1);
  });

  it('rolls the whole step back when a part of it fails', async () => {
    const { data, item } = await setUp();
    const failing = () => {
      throw new Error('disk full');
    };
    data.db.table('newsTransitions').hook('creating', failing);
    await expect(data.news.transition(item.id, 'submit', editor)).rejects.toThrow('disk full');
    data.db.table('newsTransitions').hook('creating').unsubscribe(failing);
    expect((await data.news.get(item.id))?.status).toBe('draft');
    expect(await data.news.revisions(item.id)).toHaveLength(0);
  });

  it('restores a revision and keeps what it replaced, so the restore can be undone', async () => {
    const { data, item } = await setUp();
    const first = await data.news.saveRevision(item.id, editor.author, 'ฉบับแรก');
    await data.news.editContent(item.id, { title: 'หัวข้อใหม่', bodyHtml: '<p>เนื้อหาใหม่</p>' }, editor);
    const restored = await data.news.restoreRevision(first.id, editor);
    expect(restored.title).toBe('จัดเสวนาวิชาการ รวมพลคน ศส.ปชต.');
    expect(restored.bodyHtml).toBe('<p>ผู้เข้าร่วม 427 คน</p>');
    const revisions = await data.news.revisions(item.id);
    expect(revisions.map((r) => [r.reason, r.title])).toEqual([
      ['manual', 'จัดเสวนาวิชาการ รวมพลคน ศส.ปชต.'],
      ['restore', 'หัวข้อใหม่'],
    ]);
    const undone = await data.news.restoreRevision(revisions[1]!.id, editor);
    expect(undone.title).toBe('หัวข้อใหม่');
  });

  it('coalesces an autosave session into one pending change', async () => {
    const { data, item } = await setUp();
    let body = '';
    for (let i = 0; i < 100; i++) {
      body += 'ก';
      await data.news.editContent(item.id, { bodyHtml: `<p>${body}</p>` }, editor, { coalesce: true });
    }
    // The draft's own create entry is not sent yet, so the whole session folds into it.
    const entries = await data.db.outbox.where('[table+recordId]').equals(['news', item.id]).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.changes.bodyHtml!.value).toBe(`<p>${'ก'.repeat(100)}</p>`);
    expect((await data.news.get(item.id))?.bodyHtml).toBe(`<p>${'ก'.repeat(100)}</p>`);
  });

  it('refuses a missing item with a Thai message', async () => {
    const { data } = await setUp();
    await expect(data.news.transition('01890f3e-1c2b-7abc-8def-0123456789ab', 'submit', editor)).rejects.toBeInstanceOf(RecordValidationError);
  });
});

describe('NewsRepository search', () => {
  it('finds Thai words by prefix and filters by status, category, author and date range', async () => {
    const data = await openDeskData(createTestDatabase());
    const other = { userId: 'u2', displayName: 'สมปอง' };
    const seminar = await data.news.createDraft({ title: 'จัดเสวนาวิชาการ รวมพลคน ศส.ปชต.', category: 'ข่าว/กิจกรรม', dateline: '2022-08-26' }, editor.author, scope, new Date('2022-08-26T00:00:00Z'));
    const mou = await data.news.createDraft({ title: 'ลงนามบันทึกข้อตกลงความร่วมมือ กกต. กับกระทรวงมหาดไทย', dateline: '2022-06-16' }, other, scope, new Date('2022-06-16T00:00:00Z'));
    const tender = await data.news.createDraft({ title: 'ประกาศประกวดราคาจ้างพิมพ์บัตรเลือกตั้ง', category: 'ข่าวประกวดราคา' }, editor.author, scope, new Date('2022-09-01T00:00:00Z'));
    const gone = await data.news.createDraft({ title: 'เสวนาที่ถูกลบ' }, editor.author, scope);
    await data.news.remove(gone.id);
    await data.news.transition(seminar.id, 'submit', editor);

    expect(await data.news.searchIds({ query: 'เสว' })).toEqual([seminar.id]);
    expect(await data.news.searchIds({ query: 'ศส.ปชต.' })).toEqual([seminar.id]);
    expect(await data.news.searchIds({ query: 'กกต มหาด' })).toEqual([mou.id]);
    expect(new Set(await data.news.searchIds({}))).toEqual(new Set([seminar.id, mou.id, tender.id]));
    expect(await data.news.searchIds({ statuses: ['in_review'] })).toEqual([seminar.id]);
    expect(await data.news.searchIds({ categories: ['ข่าวประกวดราคา'] })).toEqual([tender.id]);
    expect(await data.news.searchIds({ authorIds: ['u2'] })).toEqual([mou.id]);
    expect(await data.news.searchIds({ datelineFrom: '2022-06-01', datelineTo: '2022-06-30' })).toEqual([mou.id]);
    expect(await data.news.searchIds({ sort: 'dateline_desc' })).toEqual([seminar.id, mou.id, tender.id]);
    expect(await data.news.searchIds({ sort: 'dateline_asc' })).toEqual([mou.id, seminar.id, tender.id]);
    expect(await data.news.searchIds({ query: 'ไม่มีคำนี้' })).toEqual([]);
    // Cached key sets follow every change of the table.
    await data.news.update(mou.id, { title: 'เสวนาเรื่องความร่วมมือ' });
    expect(await data.news.searchIds({ query: 'เสว' })).toEqual([mou.id, seminar.id]);
    await data.news.remove(seminar.id);
    expect(await data.news.searchIds({ query: 'เสว' })).toEqual([mou.id]);
    expect((await data.news.authors()).map((a) => a.name).sort()).toEqual(['สมปอง', 'สมศรี ใจดี'].sort());
  });

  it('answers the same when the common words are read as key sets and when rows are checked', async () => {
    const data = await openDeskData(createTestDatabase());
    const ids: string[] = [];
    // More items than the row-check limit hold the common words; a few hold the rare one.
    for (let i = 0; i < 320; i++) {
      const rare = i % 100 === 7 ? ' ทุจริต' : '';
      ids.push((await data.news.createDraft({ title: `สำนักงานเลือกตั้ง ประชุมชี้แจง ครั้งที่ ${i}${rare}` }, editor.author, scope, new Date(Date.UTC(2024, 0, 1, 0, i)))).id);
    }
    const rareIds = [307, 207, 107, 7].map((i) => ids[i]);
    expect(await data.news.searchIds({ query: 'ประชุม ทุจ' })).toEqual(rareIds);
    expect(await data.news.searchIds({ query: 'ทุจริต ประชุม' })).toEqual(rareIds);
    expect(await data.news.searchIds({ query: 'สำนักงาน ประชุม' })).toHaveLength(320);
    expect(await data.news.searchIds({ query: 'ประชุม ครั้ง' })).toHaveLength(320);
  });
});
