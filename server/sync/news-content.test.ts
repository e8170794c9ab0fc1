import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import type { PushResponse } from '../../shared/sync/protocol';
import { createServer, type ProvinceDeskServer } from '../app';
import { seedProvince, type SeededProvince } from '../testing/seed-province';
import { fakeNode, mutation, newsValues, stampAt, TestClient } from '../testing/test-client';
import { testBackends } from '../testing/test-stores';

// Issue 18, item 4: the server did not hold who may change a news item's words, and an editor's device
// rewrote a published article. Now canEditContent is enforced per field on push, and the feed serves the
// words as they were published.
describe.each(testBackends())('who may edit a news item’s words, on the server ($name)', (backend) => {
  let server: ProvinceDeskServer;
  let bkk: SeededProvince;
  let editor: TestClient;
  let coordinator: TestClient;
  let nowMs = Date.parse('2026-11-22T09:00:00.000Z');
  const tick = () => (nowMs += 1000);
  const editorNode = fakeNode();
  const coordinatorNode = fakeNode();

  beforeAll(async () => {
    server = await createServer({ store: backend.options(), now: () => nowMs, loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    bkk = await seedProvince(server.store, { provinceCode: '10', districtCode: '1001' });
    editor = await TestClient.signedIn(server.app, bkk.editor);
    coordinator = await TestClient.signedIn(server.app, bkk.coordinator);
  });
  afterAll(async () => {
    await server?.close();
    await backend.cleanUp();
  });

  const write = async (c: TestClient, recordId: string, values: Record<string, unknown>, stamp = stampAt(tick(), c === editor ? editorNode : coordinatorNode)) => {
    const result = (await c.push([mutation({ id: c.nextMutationId(), recordId, provinceCode: '10', values, stamp })])).json<PushResponse>().results[0]!;
    return result.status === 'rejected' ? result.reason : result.status;
  };
  const title = async (id: string) => (await server.store.sql.query<{ t: string }>(`SELECT vals ->> 'title' AS t FROM records WHERE id = $1`, [id])).rows[0]?.t;

  /** A draft written by the editor and moved along the workflow to `to`. */
  async function itemAt(to: 'draft' | 'in_review' | 'approved' | 'published' | 'archived'): Promise<string> {
    const id = uuidv7();
    expect(await write(editor, id, newsValues('ต้นฉบับ'))).toBe('applied');
    const steps = ['in_review', 'approved', 'published', 'archived'] as const;
    for (const step of steps.slice(0, steps.indexOf(to as (typeof steps)[number]) + 1)) {
      expect(await write(step === 'in_review' ? editor : coordinator, id, { status: step })).toBe('applied');
    }
    return id;
  }

  it('an editor writes the words of a draft only; a coordinator until approval; nobody once published or archived', async () => {
    for (const [status, editorMay, coordinatorMay] of [
      ['draft', true, true],
      ['in_review', false, true],
      ['approved', false, true],
      ['published', false, false],
      ['archived', false, false],
    ] as const) {
      const id = await itemAt(status);
      expect(await write(editor, id, { title: `บรรณาธิการแก้ (${status})` })).toBe(editorMay ? 'applied' : 'not-allowed');
      expect(await write(coordinator, id, { bodyHtml: `<p>ผู้ประสานงานแก้ (${status})</p>` })).toBe(coordinatorMay ? 'applied' : 'not-allowed');
      expect(await write(editor, id, { photos: [{ attachmentId: uuidv7(), caption: 'รูปใหม่' }] })).toBe(editorMay ? 'applied' : 'not-allowed');
      if (!editorMay) expect(await title(id)).toBe('ต้นฉบับ');
    }
  });

  it('refuses an editor’s rewrite of a published article, and its delete; status-only and bookkeeping writes pass', async () => {
    const id = await itemAt('published');
    const result = (await editor.push([mutation({ id: editor.nextMutationId(), recordId: id, provinceCode: '10', values: { title: 'เขียนใหม่ทั้งหมด', updatedAt: '2026-11-22T10:00:00.000Z' }, stamp: stampAt(tick(), editorNode) })])).json<PushResponse>().results[0];
    expect(result).toMatchObject({ status: 'rejected', reason: 'not-allowed', message: 'ข่าวที่เผยแพร่หรือเก็บถาวรแล้วแก้ไขเนื้อหาไม่ได้ (ผู้ตรวจและอนุมัติต้องนำกลับมาเป็นร่างก่อน)' });
    expect(await write(editor, id, { deleted: true })).toBe('not-allowed');
    expect(await write(editor, id, { updatedAt: '2026-11-22T10:00:00.000Z' })).toBe('applied');
    expect(await write(coordinator, id, { status: 'archived' })).toBe('applied');
    expect(await title(id)).toBe('ต้นฉบับ');
  });

  it('judges a mutation that moves the status and edits in one go by the move the workflow allowed', async () => {
    // A coordinator reopens an archived item and edits it before the device syncs: one coalesced mutation.
    const archived = await itemAt('archived');
    expect(await write(coordinator, archived, { status: 'draft', title: 'นำกลับมาแก้' })).toBe('applied');
    expect(await title(archived)).toBe('นำกลับมาแก้');
    // An editor cannot reach an editable status from a published one, so the edit goes with the refused move.
    const published = await itemAt('published');
    expect(await write(editor, published, { status: 'draft', title: 'แอบแก้' })).toBe('not-allowed');
    // A coordinator publishing with an edit: editing an approved item is theirs, so both land.
    const approved = await itemAt('approved');
    expect(await write(coordinator, approved, { status: 'published', publishedAt: '2026-11-22T10:00:00.000+07:00', title: 'แก้ก่อนเผยแพร่' })).toBe('applied');
  });

  it('answers a resent edit (same stamps) applied after publication, and refuses an offline edit that arrives late', async () => {
    const id = uuidv7();
    await editor.push([mutation({ id: editor.nextMutationId(), recordId: id, provinceCode: '10', values: newsValues('ร่าง'), stamp: stampAt(tick(), editorNode) })]);
    const edit = mutation({ id: editor.nextMutationId(), recordId: id, provinceCode: '10', values: { title: 'ร่างที่สอง', lead: 'นำเรื่อง' }, stamp: stampAt(tick(), editorNode) });
    expect((await editor.push([edit])).json<PushResponse>().results[0]).toMatchObject({ status: 'applied' });
    const offlineEdit = stampAt(tick(), editorNode);
    for (const status of ['in_review', 'approved', 'published']) await write(status === 'in_review' ? editor : coordinator, id, { status });
    // The edit again, under an id prune forgot: its fields hold these very stamps, so nothing is written.
    expect((await editor.push([{ ...edit, id: editor.nextMutationId() }])).json<PushResponse>().results[0]).toMatchObject({ status: 'applied' });
    // An edit made offline before the submit, pushed only now: the item is published, the edit is refused.
    expect(await write(editor, id, { lead: 'แก้ตอนออฟไลน์' }, offlineEdit)).toBe('not-allowed');
    expect(await title(id)).toBe('ร่างที่สอง');
  });

  it('a conflict on the words of a published item can only be closed keeping them', async () => {
    const id = await itemAt('published');
    const { rows } = await server.store.sql.query<{ stamp: string }>(`SELECT stamps ->> 'title' AS stamp FROM records WHERE id = $1`, [id]);
    const conflictId = uuidv7();
    // A conflict row as an older server stored it, with a seq of its own.
    await server.store.sql.query(
      `WITH next AS (UPDATE sync_state SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq)
       INSERT INTO conflicts (id, table_name, record_id, province_code, district_code, field, seq, winner_value, winner_stamp, loser_value, loser_stamp)
       VALUES ($1, 'news', $2, '10', NULL, 'title', (SELECT last_seq FROM next), '"ต้นฉบับ"', $3, '"หัวข้อที่อยากเปลี่ยน"', $3)`,
      [conflictId, id, rows[0]!.stamp],
    );
    const resolve = (resolution: string, value?: string) => coordinator.request({ method: 'POST', url: `/v1/conflicts/${conflictId}/resolve`, payload: { resolution, value } });
    expect((await resolve('loser')).statusCode).toBe(403);
    expect((await resolve('merged', 'อย่างอื่น')).json()).toMatchObject({ error: 'forbidden', message: 'ข่าวที่เผยแพร่หรือเก็บถาวรแล้วแก้ไขเนื้อหาไม่ได้ (ผู้ตรวจและอนุมัติต้องนำกลับมาเป็นร่างก่อน)' });
    expect((await resolve('winner')).json()).toMatchObject({ conflict: { resolution: 'winner' } });
    expect(await title(id)).toBe('ต้นฉบับ');
  });
});
