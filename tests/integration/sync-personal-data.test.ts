// Issue 18, item 5 (PDPA), the device's half: with the real server and real devices, a device never stores
// personal data its user may not see, never writes a withheld value back over the real one, and still
// sends a value its user types; a reveal goes through the server, which audits it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRedacted } from '../../shared/domain/redacted-value';
import { SYNCED_TABLES } from '../../shared/domain/synced-tables';
import { PeopleRepository } from '../../renderer/db/repositories/people-repository';
import type { RosterActor } from '../../renderer/db/repositories/roster-actor';
import { PersonReveal } from '../../renderer/sync/person-reveal';
import { createDevice, startTestServer, type TestDevice, type TestServer } from './support/sync-harness';
import type { DeskData } from '../../renderer/db/desk-data';

const ID = '1101700230708';
const PHONE = '0812345678';

const person = (districtTambon = '570101') => ({
  tambonCode: districtTambon, centreId: null, title: 'นาย', firstName: 'สมชาย', lastName: 'ใจงาม', nationalId: ID, phone: PHONE, lineId: 'somchai.j', email: 'somchai@example.com',
  village: 1, role: 'ประธาน', sector: 'กำนัน', termStart: '2024-01-01', termEnd: '2027-12-31', trainings: [], photoAttachmentId: null, privacyNoticeOn: '2024-01-01',
});

/** Everything the device stores, as text: a withheld value must be nowhere in it. */
async function everythingStored(data: DeskData): Promise<string> {
  const present = new Set(data.db.tables.map((t) => t.name));
  const tables = [...SYNCED_TABLES.filter((t) => present.has(t)), 'outbox', 'conflicts', 'syncState'];
  const dumps = await Promise.all(tables.map(async (t) => JSON.stringify(await data.db.table(t).toArray())));
  return dumps.join('\n');
}

describe('personal data on devices', () => {
  let t: TestServer;
  let url: string;
  const scope = () => ({ provinceCode: t.province.provinceCode, districtCode: '5701' });

  beforeAll(async () => {
    t = await startTestServer();
    url = t.server.url;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an editor’s device stores no full ID or contact, edits the person without touching them, and can still set a new ID', async () => {
    const coordinator = await createDevice(url, t.province.coordinator);
    const created = await coordinator.data.roster.createMember(person(), scope());
    await coordinator.agent.sync();

    const editor = await createDevice(url, t.province.editor);
    expect((await editor.agent.sync()).ok).toBe(true);
    const held = await editor.data.db.members.get(created.id);
    expect(held).toMatchObject({ firstName: 'สมชาย', nationalId: expect.stringMatching(/0-70-8$/), lineId: expect.any(String) });
    for (const field of ['nationalId', 'phone', 'lineId', 'email'] as const) expect(isRedacted(held?.[field])).toBe(true);
    const stored = await everythingStored(editor.data);
    expect(stored).not.toContain(ID);
    expect(stored).not.toContain(PHONE);
    expect(stored).not.toContain('somchai@example.com');
    // Search still finds the person by the four digits the mask shows (a keyed token: sealed at rest, issue 14).
    expect((await new PeopleRepository(editor.data.db, editor.data.writer).search('0708')).map((p) => p.id)).toContain(created.id);

    // The editor fixes the name: only that goes up; the server keeps the real ID and contacts.
    const editorActor: RosterActor = { userId: t.province.editor.id, displayName: 'editor', role: 'editor', districtCode: null };
    const people = new PeopleRepository(editor.data.db, editor.data.writer);
    await people.update(created.id, { lastName: 'ใจงามยิ่ง' }, editorActor);
    expect((await editor.agent.sync()).problem).toBeNull();
    await coordinator.agent.sync();
    expect(await coordinator.data.db.members.get(created.id)).toMatchObject({ lastName: 'ใจงามยิ่ง', nationalId: ID, phone: PHONE, email: 'somchai@example.com' });

    // A new ID typed on the editor's device is a real write: it wins on the server, and comes back masked.
    await people.update(created.id, { nationalId: '3100600123456' }, editorActor);
    expect((await editor.agent.sync()).problem).toBeNull();
    await editor.agent.sync();
    await coordinator.agent.sync();
    expect((await coordinator.data.db.members.get(created.id))?.nationalId).toBe('3100600123456');
    const after = await editor.data.db.members.get(created.id);
    expect(isRedacted(after?.nationalId)).toBe(true);
    expect(after?._stamps.nationalId).toBe((await coordinator.data.db.members.get(created.id))?._stamps.nationalId);
    expect(await everythingStored(editor.data)).not.toContain('3100600123456');
  });

  it('a user who becomes a coordinator gets the full values of what the device already holds (and the reverse)', async () => {
    const coordinator = await createDevice(url, t.province.coordinator);
    const created = await coordinator.data.roster.createMember(person(), scope());
    await coordinator.agent.sync();
    const editor = await createDevice(url, t.province.editor);
    await editor.agent.sync();
    expect(isRedacted((await editor.data.db.members.get(created.id))?.nationalId)).toBe(true);

    await t.server.store.sql.query(`UPDATE users SET role = 'coordinator' WHERE id = $1`, [t.province.editor.id]);
    try {
      expect((await editor.agent.sync()).ok).toBe(true);
      expect(await editor.data.db.members.get(created.id)).toMatchObject({ nationalId: ID, phone: PHONE });
    } finally {
      await t.server.store.sql.query(`UPDATE users SET role = 'editor' WHERE id = $1`, [t.province.editor.id]);
    }
    expect((await editor.agent.sync()).ok).toBe(true);
    expect(isRedacted((await editor.data.db.members.get(created.id))?.nationalId)).toBe(true);
    expect(await everythingStored(editor.data)).not.toContain(ID);
  });

  it('reveals through the server: allowed roles see the ID and the audit entry syncs; others and offline get a reason', async () => {
    const coordinator = await createDevice(url, t.province.coordinator);
    const created = await coordinator.data.roster.createMember(person(), scope());
    await coordinator.agent.sync();
    const revealOn = (device: TestDevice) => new PersonReveal({ request: device.request, isSignedIn: async () => true, sync: (r) => device.agent.sync(r) });

    const officer = await createDevice(url, t.province.officer);
    await officer.agent.sync();
    expect(await revealOn(officer).nationalId(created.id)).toEqual({ ok: true, nationalId: ID });
    await officer.agent.sync();
    const trail = (await officer.data.db.table('auditEntries').toArray()) as Array<{ memberId: string; action: string; actorId: string }>;
    expect(trail.filter((e) => e.memberId === created.id && e.action === 'reveal-id').map((e) => e.actorId)).toEqual([t.province.officer.id]);

    const editor = await createDevice(url, t.province.editor);
    expect(await revealOn(editor).nationalId(created.id)).toEqual({ ok: false, reason: 'not-allowed', message: 'บทบาทของคุณไม่มีสิทธิ์ดูเลขประจำตัวประชาชนเต็มของบุคคลนี้' });
    officer.offline = true;
    expect(await revealOn(officer).nationalId(created.id)).toMatchObject({ ok: false, reason: 'offline' });

    // A person typed on this device and not sent yet: the reveal sends it first.
    const fresh = await coordinator.data.roster.createMember({ ...person(), firstName: 'สมหญิง', nationalId: '3100600123456' }, scope());
    expect(await revealOn(coordinator).nationalId(fresh.id)).toEqual({ ok: true, nationalId: '3100600123456' });
  });
});
