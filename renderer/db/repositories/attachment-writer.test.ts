import { describe, expect, it } from 'vitest';
import { openDeskData } from '../desk-data';
import { createTestDatabase } from '../test-database';
import { EventPhotoRepository } from './event-photo-repository';

const png = { fileName: 'เวที.png', mimeType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, 9]) };

describe('bytes offered to the server again', () => {
  it('when a file already sent is attached anew or a removed photo is brought back (the server may have dropped it)', async () => {
    const data = await openDeskData(createTestDatabase());
    const photos = new EventPhotoRepository(data.db, data.writer);
    const event = await data.events.create(
      { title: 'ประชุม', type: 'meeting', start: '2026-11-02T02:00:00.000Z', end: '2026-11-02T03:00:00.000Z', allDay: false, place: '', placeTambonCode: null, organiser: '', description: '', expected: [], actual: [], rrule: null, exdates: [], icsUid: null },
      { provinceCode: '57', districtCode: null },
    );
    await photos.addPhotos(event.id, [png]);
    const [first] = await photos.photosOf(event.id);
    const sha256 = first!.attachment.sha256;
    const uploaded = async () => (await data.db.blobs.get(sha256))?.uploaded;
    expect(await uploaded()).toBe(false);

    await data.db.blobs.update(sha256, { uploaded: true }); // the blob sync sent it
    await photos.addPhotos(event.id, [png]);
    expect(await uploaded()).toBe(false);
    expect(await data.db.blobs.count()).toBe(1);

    await data.db.blobs.update(sha256, { uploaded: true });
    await photos.remove(first!.attachment.id);
    await photos.restore(first!.attachment.id);
    expect(await uploaded()).toBe(false);
  });
});
