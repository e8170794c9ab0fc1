import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/ipc/desk-api';
import { openDeskData } from '../db/desk-data';
import { createTestDatabase } from '../db/test-database';
import type { SyncAgent, SyncRunResult } from './sync-agent';
import { SyncScheduler, type SyncTimers } from './sync-scheduler';

/** Timers that only fire when the test says so; `advance` runs what is due. */
class ManualTimers implements SyncTimers {
  now = 0;
  private next = 1;
  readonly pending = new Map<number, { at: number; callback: () => void }>();
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  async advance(ms: number): Promise<void> {
    this.now += ms;
    for (const [id, timer] of [...this.pending].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > this.now) continue;
      this.pending.delete(id);
      timer.callback();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  delays(): number[] {
    return [...this.pending.values()].map((t) => t.at - this.now);
  }
}

function setUp(results: Array<Partial<SyncRunResult>> = []) {
  const reasons: string[] = [];
  const agent = {
    sync: async (reason: string) => {
      reasons.push(reason);
      return { ok: true, pushed: 0, pulled: 0, conflicts: 0, problem: null, detail: null, ...results.shift() } as SyncRunResult;
    },
  } as unknown as SyncAgent;
  const listeners = new Set<(event: DeskEvent) => void>();
  const timers = new ManualTimers();
  return { agent, reasons, timers, emit: (e: DeskEvent) => listeners.forEach((l) => l(e)), onEvent: (l: (e: DeskEvent) => void) => (listeners.add(l), () => listeners.delete(l)) };
}

describe('SyncScheduler', () => {
  it('syncs on start, then every few minutes', async () => {
    const data = await openDeskData(createTestDatabase());
    const { agent, reasons, timers, onEvent } = setUp();
    const scheduler = new SyncScheduler({ agent, db: data.db, onEvent, timers, intervalMs: 180_000 });
    scheduler.start();
    await timers.advance(0);
    expect(reasons).toEqual(['start']);
    expect(timers.delays()).toEqual([180_000]);
    await timers.advance(180_000);
    expect(reasons).toEqual(['start', 'interval']);
    scheduler.stop();
  });

  it('syncs shortly after a local change, on reconnect and on a poke', async () => {
    const data = await openDeskData(createTestDatabase());
    const { agent, reasons, timers, onEvent, emit } = setUp();
    const scheduler = new SyncScheduler({ agent, db: data.db, onEvent, timers, localChangeDelayMs: 2_000, pokeDelayMs: 300 });
    scheduler.start();
    await timers.advance(0);
    await data.news.createDraft({ title: 'ข่าวใหม่' }, { userId: 'u', displayName: 'ผู้ใช้' }, { provinceCode: '57', districtCode: null });
    expect(Math.min(...timers.delays())).toBe(2_000);
    await timers.advance(2_000);
    expect(reasons.at(-1)).toBe('local-change');
    emit({ type: 'network', online: true });
    await timers.advance(0);
    expect(reasons.at(-1)).toBe('reconnect');
    emit({ type: 'poke' });
    await timers.advance(300);
    expect(reasons.at(-1)).toBe('poke');
    emit({ type: 'network', online: false });
    await timers.advance(0);
    expect(reasons.at(-1)).toBe('poke');
    scheduler.stop();
  });

  it('retries after a failure with a growing, jittered pause', async () => {
    const data = await openDeskData(createTestDatabase());
    const { agent, reasons, timers, onEvent } = setUp([{ ok: false, problem: 'offline' }, { ok: false, problem: 'offline' }, { ok: false, problem: 'offline' }]);
    const scheduler = new SyncScheduler({ agent, db: data.db, onEvent, timers, random: () => 0.999, minRetryMs: 10_000, intervalMs: 600_000 });
    scheduler.start();
    await timers.advance(0);
    const first = Math.min(...timers.delays());
    await timers.advance(first);
    const second = Math.min(...timers.delays());
    expect(first).toBeLessThan(10_000);
    expect(second).toBeGreaterThan(first);
    expect(reasons).toEqual(['start', 'retry']);
    scheduler.stop();
  });
});
