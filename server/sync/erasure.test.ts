import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import { erasurePatch } from '../../shared/roster/erasure-rules';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { fakeNode, mutation, stampAt, TestClient } from '../testing/test-client';
import { useClockedServer } from '../testing/clocked-server';
import { testBackends } from '../testing/test-stores';
import { lockRecords } from './record-row';

// Issue 18, item 8: erasing a person (PDPA) blanked their record, but the clocked.server kept their name in the
// file name of their photo and their name, ID number and phone in conflict rows.
describe.each(testBackends())('erasing a person leaves nothing of them on the clocked.server ($name)', (backend) => {
  const clocked = useClockedServer(backend, { seed: { provinceCode: '57', districtCode: '5701' } });
  const { tick } = clocked;

  const person = {
    deleted: false,
    tambonCode: '570101',
    centreId: null,
    title: 'นาย',
    firstName: 'สมชาย',
    lastName: 'ใจดี',
    nationalId: '1101700203451',
    phone: '0812345678',
    lineId: 'somchai',
    email: '',
    village: 3,
    role: 'ประธาน',
    sector: 'ผู้ใหญ่บ้าน',
    termStart: '2022-01-01',
    termEnd: '2024-12-31',
    trainings: [],
    photoAttachmentId: null as string | null,
    privacyNoticeOn: '2022-01-01',
    mergedIntoId: null,
    mergedFromIds: [],
    erasedAt: null,
    createdAt: '2022-01-01T09:00:00.000+07:00',
    updatedAt: '2022-01-01T09:00:00.000+07:00',
  };

  it('blanks the photo’s file name and caption and the values of every conflict row about them, and refuses a late edit', async () => {
    const officer = await TestClient.signedIn(clocked.server.app, clocked.province.officer);
    const coordinator = await TestClient.signedIn(clocked.server.app, clocked.province.coordinator);
    const [officerNode, coordinatorNode] = [fakeNode(), fakeNode()];
    const memberId = uuidv7();
    const photoId = uuidv7();
    const visitId = uuidv7();
    const photo = Buffer.from('ภาพถ่ายหน้าตรง');
    const photoSha = createHash('sha256').update(photo).digest('hex');
    expect((await officer.request({ method: 'PUT', url: `/v1/blobs/${photoSha}`, headers: { 'content-type': 'application/octet-stream' }, payload: photo })).statusCode).toBe(200);
    const created = stampAt(tick(), officerNode);
    const scope = { provinceCode: '57', districtCode: '5701' };
    const push = (c: TestClient, table: 'members' | 'attachments' | 'attendance', recordId: string, values: Record<string, unknown>, stamp: string, prev: string | null = null) =>
      c.push([mutation({ id: c.nextMutationId(), table, recordId, ...scope, values, stamp, prev })]).then((r) => r.json<PushResponse>().results[0]);

    await push(officer, 'attachments', photoId, { deleted: false, sha256: photoSha, ownerTable: 'members', ownerId: memberId, fileName: 'นายสมชาย ใจดี.jpg', mimeType: 'image/jpeg', size: photo.length, width: null, height: null, caption: 'สมชาย ใจดี ประธาน', createdAt: '2022-01-01T09:00:00.000+07:00' }, created);
    await push(officer, 'members', memberId, { ...person, photoAttachmentId: photoId }, created);
    await push(officer, 'attendance', visitId, { deleted: false, eventId: uuidv7(), memberId, personName: 'สมชาย ใจดี', group: 'ประธาน', checkedInAt: '2022-08-24T09:00:00.000+07:00' }, created);
    // Concurrent edits (neither saw the other): conflict rows keep both phone numbers, both names on the visit,
    // both captions of the photo.
    for (const [table, recordId, field, a, b] of [
      ['members', memberId, 'phone', '0899999999', '0888888888'],
      ['attendance', visitId, 'personName', 'นายสมชาย ใจดี', 'สมชาย (ประธาน)'],
      ['attachments', photoId, 'caption', 'สมชาย ที่เวที', 'ประธานสมชาย'],
    ] as const) {
      expect(await push(officer, table, recordId, { [field]: a }, stampAt(tick(), officerNode), created)).toMatchObject({ status: 'applied' });
      expect(await push(coordinator, table, recordId, { [field]: b }, stampAt(tick(), coordinatorNode), created)).toMatchObject({ status: 'applied' });
    }
    const conflictValues = async () =>
      (await clocked.server.store.sql.query<{ v: string; resolution: string | null }>(`SELECT winner_value::text || loser_value::text AS v, resolution FROM conflicts WHERE record_id = ANY($1::text[])`, [[memberId, visitId, photoId]])).rows;
    expect((await conflictValues()).map((r) => r.v).join()).toContain('0899999999');
    const cursor = (await coordinator.pull(0, 2000)).json<PullResponse>().cursor;

    // What the device sends when it erases: the photo deleted, the person blanked (the visit's name in a later batch).
    expect(await push(officer, 'attachments', photoId, { deleted: true }, stampAt(tick(), officerNode), created)).toMatchObject({ status: 'applied' });
    expect(await push(officer, 'members', memberId, erasurePatch(new Date(clocked.now())), stampAt(tick(), officerNode), created)).toMatchObject({ status: 'applied' });

    const rows = await conflictValues();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      for (const gone of ['0899999999', '0888888888', 'สมชาย', 'ประธาน']) expect(row.v).not.toContain(gone);
      expect(row.resolution).toBe('winner');
    }
    const attachment = await clocked.server.store.sql.query<{ vals: Record<string, unknown> }>('SELECT vals FROM records WHERE id = $1', [photoId]);
    expect(attachment.rows[0]!.vals).toMatchObject({ fileName: 'erased.jpg', caption: '', deleted: true });

    // Coordinators' devices replace their copies of those rows and of the photo at their next pull.
    const page = (await coordinator.pull(cursor, 2000)).json<PullResponse>();
    expect(page.conflicts.map((c) => c.recordId).sort()).toEqual([memberId, visitId, photoId].sort());
    expect(JSON.stringify(page)).not.toContain('สมชาย');
    expect(page.records.find((r) => r.id === photoId)?.values).toMatchObject({ fileName: 'erased.jpg', caption: '' });

    // An edit made offline before the erasure arrives later: refused, nothing of it kept.
    const late = await push(coordinator, 'members', memberId, { phone: '0877777777' }, stampAt(tick(), coordinatorNode), created);
    expect(late).toMatchObject({ status: 'rejected', reason: 'deleted' });
    expect((await conflictValues()).map((r) => r.v).join()).not.toContain('0877777777');
  });

  if (backend.name === 'postgres') {
    it('applies an erasure that met another writer in a deadlock over the photo (rolled back, applied again)', async () => {
      const officer = await TestClient.signedIn(clocked.server.app, clocked.province.officer);
      const node = fakeNode();
      const memberId = uuidv7();
      const photoId = uuidv7();
      const scope = { provinceCode: '57', districtCode: '5701' };
      const created = stampAt(tick(), node);
      const push = (table: 'members' | 'attachments', recordId: string, values: Record<string, unknown>, stamp: string, prev: string | null = null) =>
        officer.push([mutation({ id: officer.nextMutationId(), table, recordId, ...scope, values, stamp, prev })]).then((r) => r.json<PushResponse>().results[0]);
      const sha = createHash('sha256').update('ภาพ').digest('hex');
      await push('attachments', photoId, { deleted: false, sha256: sha, ownerTable: 'members', ownerId: memberId, fileName: 'สมชาย.jpg', mimeType: 'image/jpeg', size: 3, width: null, height: null, caption: 'สมชาย', createdAt: '2022-01-01T09:00:00.000+07:00' }, created);
      await push('members', memberId, { ...person, photoAttachmentId: photoId }, created);

      const { sql } = clocked.server.store;
      const waitingLocks = async () =>
        Number((await sql.query<{ n: unknown }>(`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).rows[0]?.n);
      // Another writer holds the photo and then asks for the person, while the erasure holds the person and asks for the photo.
      let erasure: Promise<unknown> | undefined;
      await sql.transaction(async (tx) => {
        await lockRecords(tx, [['attachments', photoId]]);
        erasure = push('members', memberId, erasurePatch(new Date(clocked.now())), stampAt(tick(), node), created);
        await expect.poll(waitingLocks, { timeout: 5000 }).toBe(1);
        await lockRecords(tx, [['members', memberId]]);
      });
      expect(await erasure).toMatchObject({ status: 'applied' });
      const { rows } = await sql.query<{ vals: Record<string, unknown> }>(`SELECT vals FROM records WHERE table_name = 'attachments' AND id = $1`, [photoId]);
      expect(rows[0]!.vals).toMatchObject({ fileName: 'erased.jpg', caption: '', deleted: true });
    });
  }
});
