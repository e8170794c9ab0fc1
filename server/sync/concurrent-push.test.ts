import { describe, expect, it } from 'vitest';
import { compareStamps } from '../../shared/sync/hybrid-logical-clock';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { useClockedServer } from '../testing/clocked-server';
import { fakeNode, mutation, newsValues, stampAt, type TestClient } from '../testing/test-client';
import { testBackends } from '../testing/test-stores';

// Issue 11: a push writes under its records' locks only and the change sequencer numbers it after the
// commit. Many devices pushing at once must
// still lose nothing, keep each device's pushes in order, recognise a retry racing its original, and give
// every change its own seq, so that a pull in seq order sees everything.
describe.each(testBackends())('pushes from many devices at once ($name)', (backend) => {
  const clocked = useClockedServer(backend, { seed: { provinceCode: '57', districtCode: '5701' } });

  it('applies every write once, merges a shared record to the latest stamp, and pulls it all in seq order', async () => {
    const { province } = clocked;
    const devices: Array<{ client: TestClient; node: string }> = [];
    for (let i = 0; i < 8; i++) devices.push({ client: await clocked.client(i % 2 ? province.coordinator : province.editor), node: fakeNode() });
    const shared = uuidv7();
    const base = clocked.tick();
    const first = devices[0]!;
    const created = await first.client.push([mutation({ id: first.client.nextMutationId(), recordId: shared, provinceCode: '57', values: newsValues('ต้นฉบับ'), stamp: stampAt(base, first.node) })]);
    expect(created.json<PushResponse>().results[0]?.status).toBe('applied');

    const rounds = 3;
    const own = new Map<string, string>();
    const edits: Array<{ stamp: string; title: string }> = [];
    const pushes = devices.map(async ({ client, node }, d) => {
      for (let round = 0; round < rounds; round++) {
        const stamp = stampAt(base + 1 + round * 1000 + d * 10, node);
        const title = `เครื่อง ${d} รอบ ${round}`;
        const recordId = uuidv7();
        own.set(recordId, title);
        edits.push({ stamp, title });
        const batch = [
          mutation({ id: client.nextMutationId(), recordId, provinceCode: '57', values: newsValues(title), stamp }),
          mutation({ id: client.nextMutationId(), recordId: shared, provinceCode: '57', values: { title }, stamp, prev: null }),
        ];
        // A retry racing the push it retries (a lost answer): one applies it, the other answers duplicate.
        const [sent, retried] = await Promise.all([client.push(batch), client.push(batch)]);
        const statuses = [...sent.json<PushResponse>().results, ...retried.json<PushResponse>().results].map((r) => r.status).sort();
        expect(statuses).toEqual(['applied', 'applied', 'duplicate', 'duplicate']);
      }
    });
    await Promise.all(pushes);

    const { rows } = await clocked.server.store.sql.query<{ id: string; seq: unknown; title: string }>(`SELECT id, seq, vals ->> 'title' AS title FROM records WHERE table_name = 'news'`);
    expect(rows).toHaveLength(1 + devices.length * rounds);
    expect(new Set(rows.map((r) => Number(r.seq))).size).toBe(rows.length);
    for (const [id, title] of own) expect(rows.find((r) => r.id === id)?.title).toBe(title);
    const latest = edits.reduce((a, b) => (compareStamps(a.stamp, b.stamp) >= 0 ? a : b));
    expect(rows.find((r) => r.id === shared)?.title).toBe(latest.title);

    // A device starting from nothing gets every record, pages in seq order, ending at the last seq.
    const reader = await clocked.client(province.coordinator);
    const seen: number[] = [];
    let cursor = 0;
    for (;;) {
      const page = (await reader.pull(cursor, 5)).json<PullResponse>();
      seen.push(...page.records.map((r) => r.seq));
      cursor = page.cursor;
      if (!page.hasMore) {
        expect(cursor).toBe(page.lastSeq);
        break;
      }
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(rows.length);
  });
});
