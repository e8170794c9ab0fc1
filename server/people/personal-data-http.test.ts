// Issue 18, item 5 (PDPA): the server, not the UI, keeps personal data from users who may not see it —
// redacted in the pull by role and office, a redacted value never written back, and full IDs revealed
// only through POST /v1/people/:id/reveal, which the server audits itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { isRedacted, redactedValue } from '../../shared/domain/redacted-value';
import { redactPersonForViewer } from '../../shared/roster/personal-data-redaction';
import { decodeRecordStamps, type PulledRecord, type PullResponse, type PushResponse } from '../../shared/sync/protocol';
import { seedProvince, type SeededProvince } from '../testing/seed-province';
import { useClockedServer } from '../testing/clocked-server';
import { fakeNode, mutation, newsValues, stampAt, type TestClient } from '../testing/test-client';
import { testBackends } from '../testing/test-stores';

const ID = '1101700230708';

function personValues(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    deleted: false,
    tambonCode: '100101',
    centreId: null,
    title: 'นาย',
    firstName: 'สมชาย',
    lastName: 'ใจงาม',
    nationalId: ID,
    phone: '0812345678',
    lineId: 'somchai.j',
    email: 'somchai@example.com',
    village: 3,
    role: 'ประธาน',
    sector: 'กำนัน',
    termStart: '2024-01-01',
    termEnd: '2027-12-31',
    trainings: [],
    photoAttachmentId: null,
    privacyNoticeOn: '2024-01-01',
    mergedIntoId: null,
    mergedFromIds: [],
    erasedAt: null,
    createdAt: '2024-01-01T09:00:00.000+07:00',
    updatedAt: '2024-01-01T09:00:00.000+07:00',
    ...overrides,
  };
}

describe.each(testBackends())('personal data on the server ($name)', (backend) => {
  const t = useClockedServer(backend);
  const tick = () => t.tick();
  const client = (user: { username: string; password: string }) => t.client(user);
  let bkk: SeededProvince;
  let cnx: SeededProvince;
  beforeAll(async () => {
    bkk = t.province;
    cnx = await seedProvince(t.server.store, { provinceCode: '50', districtCode: '5001' });
  });

  /** A person of district 1001 written by the coordinator; returns its id and the stamp of every field. */
  async function personOf1001(overrides: Record<string, unknown> = {}): Promise<{ id: string; stamp: string }> {
    const coordinator = await client(bkk.coordinator);
    const stamp = stampAt(tick(), fakeNode());
    const m = mutation({ id: coordinator.nextMutationId(), table: 'members', provinceCode: '10', districtCode: '1001', values: personValues(overrides), stamp });
    expect((await coordinator.push([m])).json<PushResponse>().results[0]?.status).toBe('applied');
    return { id: m.recordId, stamp };
  }

  async function pulled(c: TestClient, id: string): Promise<PulledRecord & { fieldStampsDecoded: Record<string, string> }> {
    const record = (await c.pull(0, 2000)).json<PullResponse>().records.find((r) => r.id === id);
    if (!record) throw new Error(`${id} not pulled`);
    return { ...record, fieldStampsDecoded: decodeRecordStamps(record, Object.keys(record.values)) };
  }

  it('an editor gets each person whole but for exactly what the policy withholds: the same values as redactPersonForViewer of the stored ones', async () => {
    const people = [
      await personOf1001(),
      await personOf1001({ nationalId: null, phone: null, lineId: '', email: '' }),
      await personOf1001({ nationalId: '3570100123455', phone: '021234567', lineId: '', email: 'a@example.com' }),
      await personOf1001({ firstName: 'ทดสอบ "อัญประกาศ" \\ ทับ', tambonCode: '100102' }),
    ];
    const editor = await client(bkk.editor);
    const coordinator = await client(bkk.coordinator);
    for (const { id } of people) {
      const full = await pulled(coordinator, id);
      const shown = await pulled(editor, id);
      expect(shown.values).toEqual(redactPersonForViewer(full.values, full.districtCode, { role: 'editor', districtCode: null }));
      expect({ ...shown, values: undefined, fieldStampsDecoded: undefined }).toEqual({ ...full, values: undefined, fieldStampsDecoded: undefined });
      expect(shown.fieldStampsDecoded).toEqual(full.fieldStampsDecoded);
    }
    // Sent as kept with each person (migration 19)…
    const kept = await t.server.store.sql.query<{ n: unknown }>(`SELECT count(*) AS n FROM records WHERE table_name = 'members' AND withheld_body IS NOT NULL AND id = ANY($1::text[])`, [people.map((p) => p.id)]);
    expect(Number(kept.rows[0]?.n)).toBe(people.length);
    // …and the same from a person written before it (no withheld_body): withheld here, field by field.
    const before = await Promise.all(people.map(async ({ id }) => (await pulled(editor, id)).values));
    await t.server.store.sql.query(`UPDATE records SET withheld_body = NULL WHERE id = ANY($1::text[])`, [people.map((p) => p.id)]);
    expect(await Promise.all(people.map(async ({ id }) => (await pulled(editor, id)).values))).toEqual(before);
  });

  it('sends the full ID and contacts to a coordinator and to the officer of the person’s district, a redacted form to an editor', async () => {
    const { id, stamp } = await personOf1001();
    for (const user of [bkk.coordinator, bkk.officer, bkk.admin]) {
      expect((await pulled(await client(user), id)).values).toMatchObject({ nationalId: ID, phone: '0812345678', lineId: 'somchai.j', email: 'somchai@example.com' });
    }
    const editor = await pulled(await client(bkk.editor), id);
    expect(editor.values).toMatchObject({
      firstName: 'สมชาย',
      lastName: 'ใจงาม',
      nationalId: redactedValue('x-xxxx-xxxx0-70-8'),
      phone: redactedValue(),
      lineId: redactedValue(),
      email: redactedValue(),
    });
    expect(JSON.stringify(editor.values)).not.toContain('0812345678');
    expect(JSON.stringify(editor.values)).not.toContain('230708');
    // The stamps are the real writes' stamps: the merge on the device still sees them.
    expect(editor.fieldStampsDecoded.nationalId).toBe(stamp);
    // Empty values give nothing away and stay empty.
    const { id: bare } = await personOf1001({ nationalId: null, phone: null, lineId: '', email: '' });
    expect((await pulled(await client(bkk.editor), bare)).values).toMatchObject({ nationalId: null, phone: null, lineId: '', email: '' });
  });

  it('keeps a page in seq order when people redacted for an editor sit between other records, page after page', async () => {
    const coordinator = await client(bkk.coordinator);
    const stamp = stampAt(tick(), fakeNode());
    const kinds = ['news', 'members', 'members', 'news', 'news', 'members', 'news'] as const;
    const batch = kinds.map((table, i) =>
      table === 'news'
        ? mutation({ id: coordinator.nextMutationId(), provinceCode: '10', values: newsValues(`ข่าวลำดับ ${i}`), stamp })
        : mutation({ id: coordinator.nextMutationId(), table, provinceCode: '10', districtCode: '1001', values: personValues({ firstName: `คนที่ ${i}` }), stamp }),
    );
    expect((await coordinator.push(batch)).json<PushResponse>().results.every((r) => r.status === 'applied')).toBe(true);
    const editor = await client(bkk.editor);
    const seen: PulledRecord[] = [];
    let cursor = 0;
    for (let pages = 0; pages < 100; pages++) {
      const page = (await editor.pull(cursor, 3)).json<PullResponse>();
      expect(page.records.length).toBeLessThanOrEqual(3);
      seen.push(...page.records);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen.map((r) => r.seq)).toEqual([...seen.map((r) => r.seq)].sort((a, b) => a - b));
    const ours = seen.filter((r) => batch.some((m) => m.recordId === r.id));
    expect(ours.map((r) => r.table)).toEqual([...kinds]);
    for (const person of ours.filter((r) => r.table === 'members')) expect(isRedacted(person.values.nationalId)).toBe(true);
  });

  it('refuses a redacted value in a push, so it never overwrites the real one; a new ID typed by an editor is kept', async () => {
    const { id, stamp } = await personOf1001();
    const editor = await client(bkk.editor);
    const later = stampAt(tick(), fakeNode());
    const pushRedacted = await editor.push([mutation({ id: editor.nextMutationId(), table: 'members', recordId: id, provinceCode: '10', districtCode: '1001', values: { nationalId: redactedValue('x-xxxx-xxxx0-70-8'), lastName: 'ใจงามยิ่ง' }, stamp: later, prev: stamp })]);
    expect(pushRedacted.json<PushResponse>().results[0]).toMatchObject({ status: 'rejected', reason: 'invalid-value' });
    const coordinator = await client(bkk.coordinator);
    expect((await pulled(coordinator, id)).values).toMatchObject({ nationalId: ID, lastName: 'ใจงาม' });

    const typed = '3100600123456';
    const newStamp = stampAt(tick(), fakeNode());
    const pushTyped = await editor.push([mutation({ id: editor.nextMutationId(), table: 'members', recordId: id, provinceCode: '10', districtCode: '1001', values: { nationalId: typed }, stamp: newStamp, prev: stamp })]);
    expect(pushTyped.json<PushResponse>().results[0]?.status).toBe('applied');
    expect((await pulled(coordinator, id)).values.nationalId).toBe(typed);
    const back = await pulled(editor, id);
    expect(isRedacted(back.values.nationalId)).toBe(true);
    expect(back.fieldStampsDecoded.nationalId).toBe(newStamp);
  });

  it('reveals a full ID only to a role and office allowed to see it, and writes the audit entry itself, actor from the token', async () => {
    const { id } = await personOf1001();
    const reveal = (c: TestClient, personId = id) => c.request({ method: 'POST', url: `/v1/people/${personId}/reveal` });

    const officer = await client(bkk.officer);
    const answer = await reveal(officer);
    expect(answer.statusCode).toBe(200);
    const body = answer.json<{ nationalId: string; auditEntryId: string }>();
    expect(body.nationalId).toBe(ID);
    const coordinator = await client(bkk.coordinator);
    const audit = await pulled(coordinator, body.auditEntryId);
    expect(audit).toMatchObject({ table: 'auditEntries', provinceCode: '10', districtCode: '1001' });
    expect(audit.values).toMatchObject({ memberId: id, action: 'reveal-id', fields: ['nationalId'], actorId: bkk.officer.id, actorRole: 'officer', deleted: false });

    const editor = await client(bkk.editor);
    const refused = await reveal(editor);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'forbidden', message: 'บทบาทของคุณไม่มีสิทธิ์ดูเลขประจำตัวประชาชนเต็มของบุคคลนี้' });
    // Another province, or nobody at all: not found, and nothing told about who exists.
    expect((await reveal(await client(cnx.coordinator))).statusCode).toBe(404);
    expect((await reveal(coordinator, '01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await reveal(coordinator, 'not-an-id')).statusCode).toBe(400);
    expect((await coordinator.request({ method: 'POST', url: `/v1/people/${id}/reveal`, headers: { authorization: '' } })).statusCode).toBe(401);
    // Only the officer's reveal was recorded.
    const reveals = (await coordinator.pull(0, 2000)).json<PullResponse>().records.filter((r) => r.table === 'auditEntries' && r.values.memberId === id);
    expect(reveals.map((r) => r.values.actorId)).toEqual([bkk.officer.id]);
  });
});
