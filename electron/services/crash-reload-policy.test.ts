import { describe, expect, it } from 'vitest';
import { CrashReloadPolicy } from './crash-reload-policy';

describe('CrashReloadPolicy', () => {
  it('reloads a page that crashed after it had loaded', () => {
    let now = 0;
    const policy = new CrashReloadPolicy({ now: () => now });
    for (let i = 0; i < 10; i++) {
      policy.loaded();
      expect(policy.crashed()).toBe('reload');
      now += 5 * 60_000; // one crash every five minutes: each one is worth a reload
    }
  });

  it('gives up when the page crashes again before it has finished loading', () => {
    const policy = new CrashReloadPolicy({ now: () => 0 });
    policy.loaded();
    expect(policy.crashed()).toBe('reload');
    expect(policy.crashed()).toBe('give-up'); // the reload crashed while loading
  });

  it('gives up on a page that crashes while loading from the start', () => {
    const policy = new CrashReloadPolicy({ now: () => 0 });
    expect(policy.crashed()).toBe('reload');
    expect(policy.crashed()).toBe('give-up');
  });

  it('gives up after too many crashes in a short time, even if each load finished', () => {
    let now = 0;
    const policy = new CrashReloadPolicy({ now: () => now, maxCrashes: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      policy.loaded();
      expect(policy.crashed()).toBe('reload');
      now += 10_000;
    }
    policy.loaded();
    expect(policy.crashed()).toBe('give-up');
  });

  it('counts afresh when the user asks to try again', () => {
    const policy = new CrashReloadPolicy({ now: () => 0 });
    policy.crashed();
    expect(policy.crashed()).toBe('give-up');
    policy.reset();
    expect(policy.crashed()).toBe('reload');
  });
});
