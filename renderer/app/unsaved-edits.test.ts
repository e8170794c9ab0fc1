import { describe, expect, it } from 'vitest';
import { openDeskData } from '../db/desk-data';
import { createTestDatabase } from '../db/test-database';
import { forgetUnsavedEdit, keepUnsavedEdit, replayUnsavedEdits } from './unsaved-edits';

/** localStorage as the browser has it, in memory. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const author = { userId: 'u1', displayName: 'สมศรี ใจดี' };
const scope = { provinceCode: '57', districtCode: null };

describe('typing kept when the page was torn down', () => {
  it('is written into its record at the next start, against the version that was being edited', async () => {
    const data = await openDeskData(createTestDatabase());
    const storage = new MemoryStorage();
    const item = await data.news.createDraft({ title: 'ร่าง', lead: 'เดิม' }, author, scope);
    keepUnsavedEdit(storage, { table: 'news', id: item.id, patch: { lead: 'พิมพ์ก่อนโหลดหน้าใหม่', title: 'ร่าง' }, base: { values: { ...item }, stamps: item._stamps }, at: new Date().toISOString() });
    // Meanwhile another device's lead arrived.
    const pulled = await data.news.update(item.id, { lead: 'จากอีกเครื่อง' });
    await data.db.outbox.clear();

    expect(await replayUnsavedEdits(storage, data.writer)).toBe(1);
    expect((await data.news.get(item.id))?.lead).toBe('พิมพ์ก่อนโหลดหน้าใหม่');
    const [entry] = await data.db.outbox.toArray();
    // Sent as an edit of what the user saw, so the server keeps the other device's lead as a conflict.
    expect(entry?.changes.lead?.prev).toBe(item._stamps.lead);
    expect(entry?.changes.lead?.prev).not.toBe(pulled._stamps.lead);
    expect(Object.keys(entry!.changes)).not.toContain('title');
    expect(storage.length).toBe(0);
  });

  it('is dropped for a record deleted meanwhile, for a table that does not sync, and when unreadable', async () => {
    const data = await openDeskData(createTestDatabase());
    const storage = new MemoryStorage();
    const item = await data.news.createDraft({ title: 'ร่างที่ถูกลบ' }, author, scope);
    keepUnsavedEdit(storage, { table: 'news', id: item.id, patch: { lead: 'ไม่ต้องเขียน' }, base: { values: { ...item }, stamps: item._stamps }, at: '' });
    storage.setItem('provincedesk.unsaved:settings:x', JSON.stringify({ table: 'settings', id: 'x', patch: {}, base: {} }));
    storage.setItem('provincedesk.unsaved:news:broken', '{');
    storage.setItem('another.app.key', 'kept');
    await data.news.remove(item.id);
    const queued = await data.db.outbox.count();

    expect(await replayUnsavedEdits(storage, data.writer)).toBe(0);
    expect(await data.db.outbox.count()).toBe(queued);
    expect(storage.length).toBe(1);
    expect(storage.getItem('another.app.key')).toBe('kept');
  });

  it('is forgotten once the editor saved it itself', () => {
    const storage = new MemoryStorage();
    keepUnsavedEdit(storage, { table: 'news', id: 'n1', patch: { lead: 'x' }, base: { values: {}, stamps: {} }, at: '' });
    forgetUnsavedEdit(storage, 'news', 'n1');
    expect(storage.length).toBe(0);
  });
});
