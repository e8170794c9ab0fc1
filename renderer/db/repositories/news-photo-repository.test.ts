import { describe, expect, it } from 'vitest';
import { openDeskData } from '../desk-data';
import { createTestDatabase } from '../test-database';
import { fileHash } from './attachment-writer';
import { NewsPhotoRepository } from './news-photo-repository';

const author = { userId: 'u1', displayName: 'สมศรี' };
const scope = { provinceCode: '57', districtCode: null };
const bytes = (n: number) => new Uint8Array(64).fill(n);

describe('NewsPhotoRepository', () => {
  it('stores blobs by sha-256 with synced attachments, sets a cover, captions, reorders and removes with undo', async () => {
    const data = await openDeskData(createTestDatabase());
    const photos = new NewsPhotoRepository(data.db, data.writer);
    const item = await data.news.createDraft({ title: 'เสวนา' }, author, scope);
    const added = await photos.addPhotos(item.id, [
      { fileName: 'a.jpg', mimeType: 'image/jpeg', bytes: bytes(1), width: 800, height: 600 },
      { fileName: 'b.jpg', mimeType: 'image/jpeg', bytes: bytes(2), width: 600, height: 800 },
    ]);
    const [a, b] = added.photos.map((p) => p.attachmentId) as [string, string];
    expect(added.coverAttachmentId).toBe(a);
    const attachment = await data.db.attachments.get(a);
    expect(attachment?.sha256).toBe(await fileHash(bytes(1)));
    expect((await data.db.blobs.get(attachment!.sha256))?.size).toBe(64);

    await photos.setCaption(item.id, b, 'ผู้เข้าร่วมเสวนา');
    await photos.movePhoto(item.id, b, -1);
    await photos.setCover(item.id, b);
    let current = (await data.news.get(item.id))!;
    expect(current.photos).toEqual([{ attachmentId: b, caption: 'ผู้เข้าร่วมเสวนา' }, { attachmentId: a, caption: '' }]);
    expect(current.coverAttachmentId).toBe(b);

    const removed = current.photos[0]!;
    current = await photos.removePhoto(item.id, b);
    expect(current.photos.map((p) => p.attachmentId)).toEqual([a]);
    expect(current.coverAttachmentId).toBe(a);
    expect((await data.db.attachments.get(b))?.deleted).toBe(true);
    current = await photos.restorePhoto(item.id, removed, 0, true);
    expect(current.photos.map((p) => p.attachmentId)).toEqual([b, a]);
    expect(current.coverAttachmentId).toBe(b);
    const loaded = await photos.photosOf(current);
    expect(loaded.map((p) => [p.caption, p.isCover, p.data.size])).toEqual([['ผู้เข้าร่วมเสวนา', true, 64], ['', false, 64]]);
  });

  it('stores nothing when one photo of the batch cannot be written', async () => {
    const data = await openDeskData(createTestDatabase());
    const photos = new NewsPhotoRepository(data.db, data.writer);
    const item = await data.news.createDraft({ title: 'เสวนา' }, author, scope);
    const outbox = await data.db.outbox.count();
    await expect(
      photos.addPhotos(item.id, [
        { fileName: 'a.jpg', mimeType: 'image/jpeg', bytes: bytes(1), width: 800, height: 600 },
        { fileName: 'b.jpg', mimeType: '', bytes: bytes(2), width: 10, height: 10 },
      ]),
    ).rejects.toThrow();
    expect(await data.db.blobs.count()).toBe(0);
    expect(await data.db.attachments.count()).toBe(0);
    expect(await data.db.outbox.count()).toBe(outbox);
    expect((await data.news.get(item.id))?.photos).toEqual([]);
  });
});
