// Node has no Web Worker: a worker here is a stand-in that answers through events, the way a Worker's
// messages arrive. The real worker path runs in Chromium (the roster import and two-device e2e specs).
import { describe, expect, it } from 'vitest';
import { workerCalls } from './worker-calls';

type Ask = { n: number; wait?: number };

/** A worker that answers `n * 10`, each after `wait` ms, so later requests can overtake earlier ones. */
class AnsweringWorker extends EventTarget {
  terminated = false;
  postMessage(message: { id: number; body: Ask }): void {
    setTimeout(() => {
      if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: { id: message.id, body: message.body.n * 10 } }));
    }, message.body.wait ?? 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const inThisThread = async ({ n }: Ask) => -n;

describe('workerCalls', () => {
  it('gives each caller its own answer, whatever order the worker answers in', async () => {
    const calls = workerCalls(() => new AnsweringWorker() as never, inThisThread);
    expect(await Promise.all([calls.call({ n: 1, wait: 30 }), calls.call({ n: 2, wait: 0 }), calls.call({ n: 3, wait: 10 })])).toEqual([10, 20, 30]);
  });

  it('answers in this thread when no worker can be made', async () => {
    const calls = workerCalls<Ask, number>(() => {
      throw new ReferenceError('Worker is not defined');
    }, inThisThread);
    expect(await calls.call({ n: 4 })).toBe(-4);
  });

  it('answers what a failing worker was asked in this thread, and keeps to this thread after', async () => {
    const worker = new AnsweringWorker();
    let made = 0;
    const calls = workerCalls<Ask, number>(() => {
      made++;
      return worker as never;
    }, inThisThread);
    const waiting = calls.call({ n: 5, wait: 50 });
    worker.dispatchEvent(new Event('error'));
    expect(await waiting).toBe(-5);
    expect(worker.terminated).toBe(true);
    expect(await calls.call({ n: 6 })).toBe(-6);
    expect(made).toBe(1);
  });

  it('abort ends the worker and rejects what waited; the next call starts a new worker', async () => {
    const made: AnsweringWorker[] = [];
    const calls = workerCalls<Ask, number>(() => {
      const worker = new AnsweringWorker();
      made.push(worker);
      return worker as never;
    }, inThisThread);
    const waiting = calls.call({ n: 7, wait: 1_000 });
    calls.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(made[0]!.terminated).toBe(true);
    expect(await calls.call({ n: 8 })).toBe(80);
    expect(made).toHaveLength(2);
  });
});
