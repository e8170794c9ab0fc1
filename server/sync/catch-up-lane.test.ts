import { describe, expect, it } from 'vitest';
import { CatchUpLane } from './catch-up-lane';

/** A piece of work that runs until released, recording when it started. */
function gate(started: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { work: () => (started.push(name), done.then(() => name)), release };
}

describe('CatchUpLane', () => {
  it('runs at most its width at once and lets the others through in arrival order', async () => {
    const lane = new CatchUpLane(2);
    const started: string[] = [];
    const pages = ['a', 'b', 'c', 'd'].map((name) => gate(started, name));
    const results = pages.map((p) => lane.run(p.work));
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    expect(lane.queued).toBe(2);
    pages[1]!.release();
    await results[1];
    await Promise.resolve();
    expect(started).toEqual(['a', 'b', 'c']);
    pages[0]!.release();
    pages[2]!.release();
    pages[3]!.release();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(lane.queued).toBe(0);
  });

  it('frees the turn of a page that failed', async () => {
    const lane = new CatchUpLane(1);
    await expect(lane.run(() => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await lane.run(async () => 'next')).toBe('next');
  });
});

describe('CatchUpLane.isCatchingUp', () => {
  it('takes a pull from scratch and the page after a full one, not a device in step however far the seqs moved', () => {
    const lane = new CatchUpLane(2, 2);
    expect(lane.isCatchingUp('a', 0)).toBe(true);
    lane.noteAnswered('a', 2000, true);
    expect(lane.isCatchingUp('a', 2000)).toBe(true);
    lane.noteAnswered('a', 2400, false);
    expect(lane.isCatchingUp('a', 2400)).toBe(false);
    expect(lane.isCatchingUp('b', 90_000)).toBe(false);
  });

  it('remembers a bounded number of devices, forgetting the oldest', () => {
    const lane = new CatchUpLane(2, 2);
    lane.noteAnswered('a', 10, true);
    lane.noteAnswered('b', 20, true);
    lane.noteAnswered('c', 30, true);
    expect(lane.isCatchingUp('a', 10)).toBe(false);
    expect(lane.isCatchingUp('b', 20)).toBe(true);
    expect(lane.isCatchingUp('c', 30)).toBe(true);
  });
});
