import { describe, expect, it } from 'vitest';
import { compareStamps } from '../../shared/sync/hybrid-logical-clock';
import { openDeskData } from './desk-data';
import { RecordValidationError } from './record-validation-error';
import { createTestDatabase } from './test-database';

const author = { userId: 'u1', displayName: 'สมศรี ใจดี' };
const scope = { provinceCode: '57', districtCode: null };

describe('RecordWriter', () => {
  it('writes the record, its stamps and an outbox entry in one go', async () => {
    const data = await openDeskData(createTestDatabase());
    const item = await data.news.createDraft({ title: 'รวมพลคน ศส.ปชต.' }, author, scope);

    const stored = await data.db.news.get(item.id);
    expect(stored?.title).toBe('รวมพลคน ศส.ปชต.');
    expect(Object.keys(stored!._stamps)).toContain('title');
    const outbox = await data.db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.recordId).toBe(item.id);
    expect(outbox[0]!.changes.title).toMatchObject({ value: 'รวมพลคน ศส.ปชต.', prev: null });
    expect(outbox[0]!.changes.title!.stamp).toBe(stored!._stamps.title);
  });

  it('queues only the fields that changed, with the stamp each replaced', async () => {
    const data = await openDeskData(createTestDatabase());
    const item = await data.news.createDraft({ title: 'ร่าง' }, author, scope);
    const firstStamp = item._stamps.title!;
    const updated = await data.news.update(item.id, { title: 'ร่างที่สอง' });

    const entries = await data.db.outbox.toArray();
    expect(entries).toHaveLength(2);
    const second = entries[1]!;
    expect(Object.keys(second.changes).sort()).toEqual(['title', 'updatedAt']);
    expect(second.changes.title!.prev).toBe(firstStamp);
    expect(compareStamps(updated._stamps.title!, firstStamp)).toBe(1);
    expect(updated._stamps.lead).toBe(item._stamps.lead);
  });

  it('writes nothing when nothing changed', async () => {
    const data = await openDeskData(createTestDatabase());
    const item = await data.news.createDraft({ title: 'เดิม' }, author, scope);
    await data.news.update(item.id, { title: 'เดิม' });
    expect(await data.db.outbox.count()).toBe(1);
  });

  it('coalesces an editing session into one pending change per record', async () => {
    const data = await openDeskData(createTestDatabase());
    const item = await data.news.createDraft({ title: 'ข่าว' }, author, scope);
    await data.news.update(item.id, { lead: 'ก' });
    const firstLead = (await data.db.outbox.toArray())[1]!.changes.lead!;
    for (let i = 0; i < 50; i++) await data.news.update(item.id, { lead: 'ก'.repeat(i + 2) }, { coalesce: true });

    const entries = await data.db.outbox.toArray();
    expect(entries).toHaveLength(2);
    expect(entries[1]!.changes.lead!.value).toBe('ก'.repeat(51));
    expect(entries[1]!.changes.lead!.prev).toBe(firstLead.prev);
  });

  it('never coalesces into an entry already sent', async () => {
    const data = await openDeskData(createTestDatabase());
    const item = await data.news.createDraft({ title: 'ข่าว' }, author, scope);
    await data.db.outbox.toCollection().modify({ sentAt: new Date().toISOString() });
    await data.news.update(item.id, { lead: 'ใหม่' }, { coalesce: true });
    expect(await data.db.outbox.count()).toBe(2);
  });

  it('refuses an invalid record with Thai messages and writes nothing', async () => {
    const data = await openDeskData(createTestDatabase());
    await expect(data.news.createDraft({ title: '   ' }, author, scope)).rejects.toBeInstanceOf(RecordValidationError);
    await expect(data.news.createDraft({ title: '   ' }, author, scope)).rejects.toThrow('กรุณาใส่หัวข้อข่าว');
    expect(await data.db.news.count()).toBe(0);
    expect(await data.db.outbox.count()).toBe(0);
  });

  it('rolls the record back when the outbox write fails', async () => {
    const data = await openDeskData(createTestDatabase());
    const item = await data.news.createDraft({ title: 'ก่อน' }, author, scope);
    const failing = () => {
      throw new Error('disk full');
    };
    data.db.outbox.hook('creating', failing);
    await expect(data.news.update(item.id, { title: 'หลัง' })).rejects.toThrow('disk full');
    data.db.outbox.hook('creating').unsubscribe(failing);
    expect((await data.db.news.get(item.id))?.title).toBe('ก่อน');
    expect(await data.db.outbox.count()).toBe(1);
  });

  it('creates many records in bulk exactly as one by one, or none when one is invalid', async () => {
    const data = await openDeskData(createTestDatabase());
    const draft = (title: string, i: number) => ({
      id: `0190${String(i).padStart(4, '0')}-0000-7000-8000-000000000000`,
      provinceCode: '57',
      districtCode: null,
      deleted: false,
      title,
      lead: '',
      bodyHtml: '',
      category: 'ข่าวประชาสัมพันธ์',
      tags: [],
      status: 'draft' as const,
      eventId: null,
      dateline: null,
      authorId: 'u1',
      authorName: 'สมศรี',
      coverAttachmentId: null,
      photos: [],
      publishedAt: null,
      createdAt: '2026-11-22T00:00:00.000Z',
      updatedAt: '2026-11-22T00:00:00.000Z',
    });
    await expect(data.writer.createMany('news', [draft('ดี', 1), draft('  ', 2)])).rejects.toBeInstanceOf(RecordValidationError);
    expect(await data.db.news.count()).toBe(0);

    await data.writer.createMany('news', [draft('เสวนา ศส.ปชต.', 1), draft('อบรม', 2)]);
    const stored = await data.db.news.get(draft('', 1).id);
    const entries = await data.db.outbox.toArray();
    expect(entries.map((e) => e.recordId)).toEqual([draft('', 1).id, draft('', 2).id]);
    expect(entries[0]!.changes.title).toEqual({ value: 'เสวนา ศส.ปชต.', stamp: stored!._stamps.title, prev: null });
    expect(Object.keys(entries[0]!.changes)).not.toContain('provinceCode');
    expect(compareStamps(entries[1]!.changes.title!.stamp, entries[0]!.changes.title!.stamp)).toBe(1);
    expect(stored!.searchTokens).toContain('เสวนา');
    await expect(data.writer.createMany('news', [draft('ซ้ำ', 1)])).rejects.toThrow('already exists');
  });

  it('deletes with a tombstone that syncs like any field', async () => {
    const data = await openDeskData(createTestDatabase());
    const item = await data.news.createDraft({ title: 'ลบ' }, author, scope);
    await data.news.remove(item.id);
    expect((await data.db.news.get(item.id))?.deleted).toBe(true);
    const last = (await data.db.outbox.toArray()).at(-1)!;
    expect(last.changes.deleted?.value).toBe(true);
    expect(await data.news.listRecent()).toHaveLength(0);
  });

  it('keeps stamps increasing across a restart of the app', async () => {
    const db = createTestDatabase();
    const first = await openDeskData(db);
    const item = await first.news.createDraft({ title: 'หนึ่ง' }, author, scope);
    db.close();
    // The wall clock went backwards by an hour between the runs: stamps must still grow.
    const second = await openDeskData(db, () => Date.now() - 3_600_000);
    const updated = await second.news.update(item.id, { title: 'สอง' });
    expect(second.identity.deviceId).toBe(first.identity.deviceId);
    expect(compareStamps(updated._stamps.title!, item._stamps.title!)).toBe(1);
  });

  it('derives Thai search tokens for news', async () => {
    const data = await openDeskData(createTestDatabase());
    const item = await data.news.createDraft({ title: 'จัดเสวนาวิชาการ รวมพลคน ศส.ปชต.' }, author, scope);
    expect((await data.db.news.get(item.id))!.searchTokens).toContain('เสวนา');
    expect(await data.news.searchIds({ query: 'เสวนา' })).toEqual([item.id]);
  });
  describe('an edit based on an older version (a form open while a pull changed the record)', () => {
    /** A record, a form's copy of it, then a newer stamp for `lead` as a pull would store it. */
    async function staleForm() {
      const data = await openDeskData(createTestDatabase());
      const item = await data.news.createDraft({ title: 'ร่าง', lead: 'นำเรื่องเดิม' }, author, scope);
      const base = { values: { ...item } as Record<string, unknown>, stamps: { ...item._stamps } };
      const pulled = await data.news.update(item.id, { lead: 'นำเรื่องจากอีกเครื่อง' });
      await data.db.outbox.clear();
      return { data, item, base, pulledLeadStamp: pulled._stamps.lead! };
    }

    it('does not write back a field the user left alone', async () => {
      const { data, item, base } = await staleForm();
      // The form saves all its fields: the untouched lead still says what the form loaded.
      const saved = await data.news.update(item.id, { title: 'หัวข้อใหม่', lead: 'นำเรื่องเดิม' }, { base });
      expect(saved).toMatchObject({ title: 'หัวข้อใหม่', lead: 'นำเรื่องจากอีกเครื่อง' });
      const [entry] = await data.db.outbox.toArray();
      expect(Object.keys(entry!.changes).sort()).toEqual(['title', 'updatedAt']);
    });

    it('sends a touched field with the stamp the user saw, so the server keeps both values', async () => {
      const { data, item, base, pulledLeadStamp } = await staleForm();
      const saved = await data.news.update(item.id, { lead: 'นำเรื่องที่ผู้ใช้พิมพ์' }, { base });
      expect(saved.lead).toBe('นำเรื่องที่ผู้ใช้พิมพ์');
      const [entry] = await data.db.outbox.toArray();
      // Not the pulled stamp it overwrote locally: the user never saw that value.
      expect(entry!.changes.lead!.prev).toBe(item._stamps.lead);
      expect(entry!.changes.lead!.prev).not.toBe(pulledLeadStamp);
    });

    it('writes nothing when the user typed only what is already stored', async () => {
      const { data, item, base } = await staleForm();
      await data.news.update(item.id, { lead: 'นำเรื่องจากอีกเครื่อง' }, { base });
      expect(await data.db.outbox.count()).toBe(0);
    });
  });
});
