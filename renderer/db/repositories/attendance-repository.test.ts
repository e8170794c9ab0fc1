import { describe, expect, it } from 'vitest';
import { attendanceByGroup } from '../../../shared/calendar/attendance-totals';
import { openDeskData } from '../desk-data';
import { createTestDatabase } from '../test-database';
import { AttendanceRepository } from './attendance-repository';
import { EventPhotoRepository } from './event-photo-repository';

const scope = { provinceCode: '57', districtCode: null };

async function setUp() {
  const data = await openDeskData(createTestDatabase());
  const event = await data.events.create(
    {
      title: 'อบรม ศส.ปชต.',
      type: 'training',
      start: new Date(2022, 8, 5, 9).toISOString(),
      end: new Date(2022, 8, 5, 16).toISOString(),
      allDay: false,
      place: '',
      placeTambonCode: null,
      organiser: '',
      description: '',
      expected: [{ group: 'กรรมการ ศส.ปชต.', count: 20 }, { group: 'วิทยากร', count: 2 }],
      actual: [{ group: 'กรรมการ ศส.ปชต.', count: 15 }],
      rrule: null,
      exdates: [],
    },
    scope,
  );
  return { data, event };
}

describe('AttendanceRepository', () => {
  it('checks people in once each, and the group totals add up to the whole', async () => {
    const { data, event } = await setUp();
    const attendance = new AttendanceRepository(data.db, data.writer);
    const memberId = '01890000-0000-7000-8000-0000000000aa';
    await attendance.checkIn({ eventId: event.id, memberId, personName: 'นางสมศรี ใจดี', group: 'กรรมการ ศส.ปชต.' }, scope);
    await attendance.checkIn({ eventId: event.id, memberId, personName: 'นางสมศรี ใจดี', group: 'กรรมการ ศส.ปชต.' }, scope);
    const walkIn = await attendance.checkIn({ eventId: event.id, memberId: null, personName: ' นายวิทยา สอนดี ', group: 'วิทยากร' }, scope);
    expect(walkIn.personName).toBe('นายวิทยา สอนดี');
    let present = await attendance.ofEvent(event.id);
    expect(present).toHaveLength(2);
    const summary = attendanceByGroup(event.expected, event.actual, present);
    expect(summary.groups.map((g) => [g.group, g.total])).toEqual([['กรรมการ ศส.ปชต.', 16], ['วิทยากร', 1]]);
    expect(summary.total).toBe(summary.groups.reduce((s, g) => s + g.total, 0));

    await attendance.remove(walkIn.id);
    present = await attendance.ofEvent(event.id);
    expect(present.map((p) => p.personName)).toEqual(['นางสมศรี ใจดี']);
  });

  it('refuses a check-in with neither a person nor a name', async () => {
    const { data, event } = await setUp();
    const attendance = new AttendanceRepository(data.db, data.writer);
    await expect(attendance.checkIn({ eventId: event.id, memberId: null, personName: '  ', group: 'ก' }, scope)).rejects.toThrow('กรุณาเลือกบุคคลหรือใส่ชื่อ');
    expect(await data.db.attendance.count()).toBe(0);
  });
});

describe('EventPhotoRepository', () => {
  it('stores photos as blobs with attachments owned by the activity', async () => {
    const { data, event } = await setUp();
    const photos = new EventPhotoRepository(data.db, data.writer);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    expect(await photos.addPhotos(event.id, [{ fileName: 'a.jpg', mimeType: 'image/jpeg', bytes }, { fileName: 'b.jpg', mimeType: 'image/jpeg', bytes }])).toBe(2);
    const stored = await photos.photosOf(event.id);
    expect(stored.map((p) => p.attachment.fileName).sort()).toEqual(['a.jpg', 'b.jpg']);
    expect(await data.db.blobs.count()).toBe(1); // the same bytes once
    await expect(photos.addPhotos('01890000-0000-7000-8000-0000000000bb', [{ fileName: 'c.jpg', mimeType: 'image/jpeg', bytes }])).rejects.toThrow();
    expect(await data.db.attachments.count()).toBe(2);
  });

  it('lists photos in the order they were picked, however many share a millisecond', async () => {
    const { data, event } = await setUp();
    const photos = new EventPhotoRepository(data.db, data.writer);
    const names = Array.from({ length: 8 }, (_, i) => `${i + 1}.jpg`);
    await photos.addPhotos(event.id, names.map((fileName, i) => ({ fileName, mimeType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, i]) })), new Date(2022, 8, 5, 17));
    expect((await photos.photosOf(event.id)).map((p) => p.attachment.fileName)).toEqual(names);
  });

  it('captions a photo in Thai (one pending change however often it is retyped), removes it and puts it back', async () => {
    const { data, event } = await setUp();
    const photos = new EventPhotoRepository(data.db, data.writer);
    await photos.addPhotos(event.id, [{ fileName: 'stage.jpg', mimeType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 1]) }]);
    const [photo] = await photos.photosOf(event.id);
    const id = photo!.attachment.id;
    expect(photo!.attachment.caption).toBe('');
    const queued = await data.db.outbox.count();

    await photos.setCaption(id, 'ผู้เข้าร่วม');
    await photos.setCaption(id, '  ผู้เข้าร่วมอบรม ศส.ปชต. ตำบลเวียง  ');
    expect((await photos.photosOf(event.id))[0]!.attachment.caption).toBe('ผู้เข้าร่วมอบรม ศส.ปชต. ตำบลเวียง');
    const captionChanges = (await data.db.outbox.toArray()).filter((e) => e.recordId === id && 'caption' in e.changes);
    expect(captionChanges).toHaveLength(1);
    expect(captionChanges[0]!.changes.caption!.value).toBe('ผู้เข้าร่วมอบรม ศส.ปชต. ตำบลเวียง');
    expect(await data.db.outbox.count()).toBe(queued); // folded into the photo's own queued entry
    await expect(photos.setCaption(id, 'ก'.repeat(501))).rejects.toThrow();

    await photos.remove(id);
    expect(await photos.photosOf(event.id)).toEqual([]);
    expect(await data.db.blobs.count()).toBe(1); // the bytes stay for the undo (and any other owner)
    await photos.restore(id);
    const [back] = await photos.photosOf(event.id);
    expect(back!.attachment).toMatchObject({ id, caption: 'ผู้เข้าร่วมอบรม ศส.ปชต. ตำบลเวียง', deleted: false });
    expect(back!.data).not.toBeNull();
  });
});
