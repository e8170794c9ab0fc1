import { describe, expect, it } from 'vitest';
import { CloseGuard } from './close-guard';

function fakeTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    pending,
    setTimeout: (callback: () => void) => {
      pending.set(next, callback);
      return next++;
    },
    clearTimeout: (handle: unknown) => void pending.delete(handle as number),
    fire: () => [...pending.values()].forEach((callback) => callback()),
  };
}

function guarded() {
  const timers = fakeTimers();
  const log: string[] = [];
  const guard = new CloseGuard({ notify: () => log.push('notify'), close: () => log.push('close'), timers });
  const closeEvent = () => {
    let prevented = false;
    guard.onClose(() => (prevented = true));
    return prevented;
  };
  return { guard, timers, log, closeEvent };
}

describe('closing the window waits for the page to save', () => {
  it('holds the first close, asks the page once, and closes when the page is ready', () => {
    const { guard, log, closeEvent } = guarded();
    expect(closeEvent()).toBe(true);
    expect(closeEvent()).toBe(true); // a second click while saving: still one question
    expect(log).toEqual(['notify']);
    guard.ready();
    expect(log).toEqual(['notify', 'close']);
    // The close that follows goes through.
    expect(closeEvent()).toBe(false);
  });

  it('closes anyway after the wait when the page never answers', () => {
    const { timers, log, closeEvent } = guarded();
    closeEvent();
    timers.fire();
    expect(log).toEqual(['notify', 'close']);
    expect(closeEvent()).toBe(false);
  });

  it('ignores a ready that no close asked for', () => {
    const { guard, log, closeEvent } = guarded();
    guard.ready();
    expect(log).toEqual([]);
    expect(closeEvent()).toBe(true);
  });
});
