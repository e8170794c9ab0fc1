import { beforeEach, describe, expect, it } from 'vitest';
import { openDeskData, type DeskData } from '../desk-data';
import { createTestDatabase } from '../test-database';
import { EventPhotoRepository } from './event-photo-repository';
import { PeopleRepository } from './people-repository';
import { sweepUnusedBlobs } from './blob-cleanup';

const DAY = 24 * 60 * 60 * 1000;
const png = (byte: number) => ({ fileName: `รูป${byte}.png`, mimeType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, byte]) });

let data: DeskData;
let photos: EventPhotoRepository;
let now = Date.parse('2026-11-01T03:00:00Z');
let eventId: string;

beforeEach(async () => {
  now = Date.parse('2026-11-01T03:00:00Z');
  data = await openDeskData(createTestDatabase(), () => now);
  photos = new EventPhotoRepository(data.db, data.writer);
  const event = await data.events.create(
    { title: 'อบรมเครือข่าย', type: 'training', start: '2026-11-01T02:00:00.000Z', end: '2026-11-01T05:00:00.000Z', allDay: false, place: '', placeTambonCode: null, organiser: '', description: '', expected: [], actual: [], rrule: null, exdates: [], icsUid: null },
    { provinceCode: '57', districtCode: null },
  );
  eventId = event.id;
});

const stored = async () => (await data.db.blobs.toCollection().primaryKeys()).length;

describe('sweeping bytes no live attachment uses', () => {
  it('keeps a removed photo through the grace days (undo), then drops it; live photos stay', async () => {
    await photos.addPhotos(eventId, [png(1), png(2)], new Date(now));
    const [kept, removed] = (await photos.photosOf(eventId)).map((p) => p.attachment);
    await photos.remove(removed!.id);
    expect(await stored()).toBe(2);

    expect(await sweepUnusedBlobs(data.db, now + 6 * DAY)).toEqual({ removed: 0, bytes: 0 });
    expect(await sweepUnusedBlobs(data.db, now + 8 * DAY)).toEqual({ removed: 1, bytes: 5 });
    expect(await data.db.blobs.get(removed!.sha256)).toBeUndefined();
    expect(await data.db.blobs.get(kept!.sha256)).toBeDefined();
    expect((await photos.photosOf(eventId))[0]!.data).not.toBeNull();
  });

  it('keeps bytes a live attachment shares with a removed one, and drops bytes no attachment names', async () => {
    await photos.addPhotos(eventId, [png(3)], new Date(now));
    await photos.addPhotos(eventId, [png(3)], new Date(now + 1));
    const [first] = (await photos.photosOf(eventId)).map((p) => p.attachment);
    await photos.remove(first!.id);
    await data.db.blobs.put({ sha256: 'f'.repeat(64), data: new Blob([new Uint8Array([1, 2, 3])]), size: 3, uploaded: true });

    expect(await sweepUnusedBlobs(data.db, now + 30 * DAY)).toEqual({ removed: 1, bytes: 3 });
    expect(await data.db.blobs.get(first!.sha256)).toBeDefined();
    expect(await data.db.blobs.get('f'.repeat(64))).toBeUndefined();
  });

  it('drops a person\'s replaced photo at the next sweep: person photos have no undo', async () => {
    const people = new PeopleRepository(data.db, data.writer, () => new Date(now));
    const actor = { userId: 'u1', displayName: 'ผอ.', role: 'coordinator' as const, districtCode: null };
    const person = await people.create(
      { tambonCode: '570101', centreId: null, title: 'นาย', firstName: 'สมชาย', lastName: 'ใจดี', nationalId: null, phone: null, lineId: '', email: '', village: 1, role: 'กรรมการ', sector: '', termStart: null, termEnd: null, trainings: [], photoAttachmentId: null, privacyNoticeOn: '2026-11-01' },
      { provinceCode: '57', districtCode: null },
      actor,
    );
    const first = await people.setPhoto(person.id, { ...png(5), width: 1, height: 1 }, actor);
    const firstSha = (await data.db.attachments.get(first.photoAttachmentId!))!.sha256;
    await people.setPhoto(person.id, { ...png(6), width: 1, height: 1 }, actor);
    expect(await sweepUnusedBlobs(data.db, now + 1)).toEqual({ removed: 1, bytes: 5 });
    expect(await data.db.blobs.get(firstSha)).toBeUndefined();
    expect(await stored()).toBe(1);
  });
});
