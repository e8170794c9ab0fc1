import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClockDriftError,
  ClockOverflowError,
  compareStamps,
  DEFAULT_MAX_DRIFT_MS,
  formatStamp,
  HybridLogicalClock,
  InvalidStampError,
  isStamp,
  nodeIdFromDeviceId,
  parseStamp,
  STAMP_MAX_MILLIS,
  STAMP_REGEX,
} from './hybrid-logical-clock';

const NODE_A = '000000000000000a';
const NODE_B = '000000000000000b';
const T0 = Date.UTC(2026, 10, 22, 16, 20, 0, 0);

/** A clock whose physical time the test sets. */
function manualClock(node: string, start = T0, options: { maxDriftMs?: number; state?: { millis: number; counter: number } } = {}) {
  let time = start;
  const clock = new HybridLogicalClock({ node, now: () => time, ...options });
  return {
    clock,
    set: (ms: number) => {
      time = ms;
    },
  };
}

const nodeArb = fc.stringMatching(/^[0-9a-f]{16}$/);
const partsArb = fc.record({
  millis: fc.integer({ min: 0, max: STAMP_MAX_MILLIS }),
  counter: fc.integer({ min: 0, max: 0xffff }),
  node: nodeArb,
});

describe('stamp format', () => {
  it('formats the documented example', () => {
    expect(formatStamp({ millis: T0, counter: 0, node: '0123456789abcdef' })).toBe(
      '2026-11-22T16:20:00.000Z-0000-0123456789abcdef',
    );
    expect(formatStamp({ millis: T0 + 7, counter: 0xab, node: '0123456789abcdef' })).toBe(
      '2026-11-22T16:20:00.007Z-00ab-0123456789abcdef',
    );
  });

  it('parses what it formats, and formats what it parses (round trip)', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const stamp = formatStamp(parts);
        expect(stamp).toMatch(STAMP_REGEX);
        expect(isStamp(stamp)).toBe(true);
        expect(parseStamp(stamp)).toEqual(parts);
        expect(formatStamp(parseStamp(stamp))).toBe(stamp);
      }),
      { numRuns: 1000 },
    );
  });

  it('orders stamps as strings exactly as (millis, counter, node) tuples', () => {
    const tupleOrder = (a: { millis: number; counter: number; node: string }, b: typeof a) =>
      Math.sign(a.millis - b.millis) || Math.sign(a.counter - b.counter) || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
    fc.assert(
      fc.property(partsArb, partsArb, (a, b) => {
        expect(compareStamps(formatStamp(a), formatStamp(b))).toBe(tupleOrder(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('compareStamps is antisymmetric and 0 only for equal stamps', () => {
    fc.assert(
      fc.property(partsArb, partsArb, (a, b) => {
        const sa = formatStamp(a);
        const sb = formatStamp(b);
        expect(compareStamps(sa, sb)).toBe(-compareStamps(sb, sa) || 0);
        expect(compareStamps(sa, sb) === 0).toBe(sa === sb);
      }),
    );
  });

  it.each([
    ['empty', ''],
    ['no counter and node', '2026-11-22T16:20:00.000Z'],
    ['upper-case counter', '2026-11-22T16:20:00.000Z-00AB-0123456789abcdef'],
    ['upper-case node', '2026-11-22T16:20:00.000Z-0000-0123456789ABCDEF'],
    ['short node', '2026-11-22T16:20:00.000Z-0000-0123456789abcde'],
    ['long node', '2026-11-22T16:20:00.000Z-0000-0123456789abcdef0'],
    ['5-digit counter', '2026-11-22T16:20:00.000Z-00000-0123456789abcdef'],
    ['no millis', '2026-11-22T16:20:00Z-0000-0123456789abcdef'],
    ['timezone offset', '2026-11-22T16:20:00.000+07:00-0000-0123456789abcdef'],
    ['no Z', '2026-11-22T16:20:00.000-0000-0123456789abcdef'],
    ['30 February', '2026-02-30T00:00:00.000Z-0000-0123456789abcdef'],
    ['29 February of a common year', '2026-02-29T00:00:00.000Z-0000-0123456789abcdef'],
    ['hour 24', '2026-11-22T24:00:00.000Z-0000-0123456789abcdef'],
    ['month 13', '2026-13-01T00:00:00.000Z-0000-0123456789abcdef'],
    ['before 1970', '1969-12-31T23:59:59.999Z-0000-0123456789abcdef'],
    ['leading space', ' 2026-11-22T16:20:00.000Z-0000-0123456789abcdef'],
    ['trailing newline', '2026-11-22T16:20:00.000Z-0000-0123456789abcdef\n'],
    ['non-hex node', '2026-11-22T16:20:00.000Z-0000-0123456789abcdeg'],
    ['extended year', '+012026-11-22T16:20:00.000Z-0000-0123456789abcdef'],
  ])('rejects a malformed stamp: %s', (_label, stamp) => {
    expect(isStamp(stamp)).toBe(false);
    expect(() => parseStamp(stamp)).toThrow(InvalidStampError);
  });

  it('accepts a leap day and the limits of the range', () => {
    expect(isStamp('2028-02-29T23:59:59.999Z-ffff-ffffffffffffffff')).toBe(true);
    expect(parseStamp('1970-01-01T00:00:00.000Z-0000-0000000000000000')).toEqual({
      millis: 0,
      counter: 0,
      node: '0000000000000000',
    });
    expect(parseStamp('9999-12-31T23:59:59.999Z-ffff-ffffffffffffffff').millis).toBe(STAMP_MAX_MILLIS);
  });

  it('isStamp is false for non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['2026-11-22T16:20:00.000Z-0000-0123456789abcdef']]) {
      expect(isStamp(value)).toBe(false);
    }
  });

  it('formatStamp refuses parts that cannot make an ordered stamp', () => {
    const ok = { millis: T0, counter: 0, node: NODE_A };
    for (const bad of [
      { ...ok, millis: -1 },
      { ...ok, millis: STAMP_MAX_MILLIS + 1 },
      { ...ok, millis: 1.5 },
      { ...ok, millis: Number.NaN },
      { ...ok, counter: 0x10000 },
      { ...ok, counter: -1 },
      { ...ok, counter: 0.5 },
      { ...ok, node: 'ABCDEF0123456789' },
      { ...ok, node: 'abc' },
    ]) {
      expect(() => formatStamp(bad)).toThrow(InvalidStampError);
    }
  });
});

describe('nodeIdFromDeviceId', () => {
  it('is FNV-1a 64 over UTF-8 (reference vectors)', () => {
    expect(nodeIdFromDeviceId('a')).toBe('af63dc4c8601ec8c');
    expect(nodeIdFromDeviceId('foobar')).toBe('85944171f73967e8');
  });

  it('is deterministic, 16 lower-case hex, and hashes Thai and astral text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (id) => {
        const node = nodeIdFromDeviceId(id);
        expect(node).toMatch(/^[0-9a-f]{16}$/);
        expect(nodeIdFromDeviceId(id)).toBe(node);
      }),
    );
    expect(nodeIdFromDeviceId('เครื่องอำเภอเมือง')).not.toBe(nodeIdFromDeviceId('เครื่องอำเภอเมื่อง'));
    expect(nodeIdFromDeviceId('device-😀')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives distinct ids for distinct devices', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => nodeIdFromDeviceId(`019a1b2c-0000-7000-8000-${String(i).padStart(12, '0')}`));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses an empty device id', () => {
    expect(() => nodeIdFromDeviceId('')).toThrow(RangeError);
  });
});

describe('HybridLogicalClock.tick', () => {
  it('uses the physical time when it moves forward', () => {
    const { clock, set } = manualClock(NODE_A);
    expect(clock.tick()).toBe(formatStamp({ millis: T0, counter: 0, node: NODE_A }));
    set(T0 + 5);
    expect(clock.tick()).toBe(formatStamp({ millis: T0 + 5, counter: 0, node: NODE_A }));
    expect(clock.snapshot()).toEqual({ millis: T0 + 5, counter: 0 });
  });

  it('increments the counter within one millisecond', () => {
    const { clock } = manualClock(NODE_A);
    const stamps = [clock.tick(), clock.tick(), clock.tick()];
    expect(stamps.map((s) => parseStamp(s).counter)).toEqual([0, 1, 2]);
  });

  it('keeps increasing when the wall clock goes backwards', () => {
    const { clock, set } = manualClock(NODE_A);
    const first = clock.tick();
    set(T0 - 60_000);
    const second = clock.tick();
    expect(compareStamps(second, first)).toBe(1);
    expect(parseStamp(second)).toEqual({ millis: T0, counter: 1, node: NODE_A });
  });

  it('issues strictly increasing stamps whatever the wall clock and remote stamps do (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), jump: fc.integer({ min: -10_000, max: 10_000 }) }),
      fc.record({
        kind: fc.constant('receive' as const),
        jump: fc.integer({ min: -10_000, max: 10_000 }),
        remoteOffset: fc.integer({ min: -20_000, max: DEFAULT_MAX_DRIFT_MS }),
        remoteCounter: fc.integer({ min: 0, max: 50 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 200 }), (steps) => {
        let time = T0;
        const clock = new HybridLogicalClock({ node: NODE_A, now: () => time });
        let last = '';
        for (const s of steps) {
          time += s.jump;
          if (s.kind === 'receive') {
            const remote = formatStamp({ millis: time + s.remoteOffset, counter: s.remoteCounter, node: NODE_B });
            clock.receive(remote);
            const next = clock.tick();
            expect(compareStamps(next, remote)).toBe(1);
            expect(compareStamps(next, last)).toBe(1);
            last = next;
          } else {
            const next = clock.tick();
            expect(compareStamps(next, last)).toBe(1);
            last = next;
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('breaks ties by node deterministically', () => {
    const a = manualClock(NODE_A).clock.tick();
    const b = manualClock(NODE_B).clock.tick();
    expect(parseStamp(a).millis).toBe(parseStamp(b).millis);
    expect(parseStamp(a).counter).toBe(parseStamp(b).counter);
    expect(compareStamps(a, b)).toBe(-1);
    expect(compareStamps(b, a)).toBe(1);
  });

  it('resumes after a restart from the persisted snapshot, never reissuing a stamp', () => {
    const { clock } = manualClock(NODE_A);
    const before = [clock.tick(), clock.tick()];
    const restarted = manualClock(NODE_A, T0, { state: clock.snapshot() }).clock;
    const after = restarted.tick();
    expect(before.every((s) => compareStamps(after, s) === 1)).toBe(true);
  });

  it('throws ClockOverflowError past 0xffff events in one millisecond and keeps its state', () => {
    const { clock, set } = manualClock(NODE_A, T0, { state: { millis: T0, counter: 0xfffe } });
    expect(parseStamp(clock.tick()).counter).toBe(0xffff);
    expect(() => clock.tick()).toThrow(ClockOverflowError);
    expect(clock.snapshot()).toEqual({ millis: T0, counter: 0xffff });
    set(T0 + 1);
    expect(parseStamp(clock.tick())).toEqual({ millis: T0 + 1, counter: 0, node: NODE_A });
  });

  it('validates its options', () => {
    expect(() => new HybridLogicalClock({ node: 'ABCDEF0123456789' })).toThrow(RangeError);
    expect(() => new HybridLogicalClock({ node: NODE_A, state: { millis: -1, counter: 0 } })).toThrow(RangeError);
    expect(() => new HybridLogicalClock({ node: NODE_A, state: { millis: T0, counter: 0x10000 } })).toThrow(RangeError);
    expect(() => new HybridLogicalClock({ node: NODE_A, maxDriftMs: -1 })).toThrow(RangeError);
    expect(() => new HybridLogicalClock({ node: NODE_A, now: () => Number.NaN }).tick()).toThrow(RangeError);
  });

  it('uses Date.now and a 5-minute drift limit by default', () => {
    const clock = new HybridLogicalClock({ node: NODE_A });
    const before = Date.now();
    const { millis } = parseStamp(clock.tick());
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(Date.now());
    expect(clock.maxDriftMs).toBe(5 * 60 * 1000);
  });
});

describe('HybridLogicalClock.receive', () => {
  it('advances to a remote stamp ahead of local time, so the next local stamp orders after it', () => {
    const { clock } = manualClock(NODE_A);
    const remote = formatStamp({ millis: T0 + 1000, counter: 7, node: NODE_B });
    clock.receive(remote);
    expect(clock.snapshot()).toEqual({ millis: T0 + 1000, counter: 8 });
    const next = clock.tick();
    expect(parseStamp(next)).toEqual({ millis: T0 + 1000, counter: 9, node: NODE_A });
    expect(compareStamps(next, remote)).toBe(1);
  });

  it('takes the larger counter plus one when local, remote and physical time agree', () => {
    const { clock } = manualClock(NODE_A, T0, { state: { millis: T0, counter: 3 } });
    clock.receive(formatStamp({ millis: T0, counter: 10, node: NODE_B }));
    expect(clock.snapshot()).toEqual({ millis: T0, counter: 11 });
    clock.receive(formatStamp({ millis: T0, counter: 2, node: NODE_B }));
    expect(clock.snapshot()).toEqual({ millis: T0, counter: 12 });
  });

  it('increments the local counter for a remote stamp in the past', () => {
    const { clock } = manualClock(NODE_A, T0, { state: { millis: T0 + 50, counter: 4 } });
    clock.receive(formatStamp({ millis: T0 - 1000, counter: 99, node: NODE_B }));
    expect(clock.snapshot()).toEqual({ millis: T0 + 50, counter: 5 });
  });

  it('resets the counter when physical time is ahead of both', () => {
    const { clock } = manualClock(NODE_A, T0, { state: { millis: T0 - 10, counter: 4 } });
    clock.receive(formatStamp({ millis: T0 - 5, counter: 9, node: NODE_B }));
    expect(clock.snapshot()).toEqual({ millis: T0, counter: 0 });
  });

  it('refuses a stamp too far ahead with ClockDriftError and leaves the state untouched', () => {
    const { clock } = manualClock(NODE_A, T0, { maxDriftMs: 60_000 });
    clock.tick();
    const before = clock.snapshot();
    const remote = formatStamp({ millis: T0 + 60_001, counter: 0, node: NODE_B });
    let error: unknown;
    try {
      clock.receive(remote);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClockDriftError);
    expect((error as ClockDriftError).driftMs).toBe(60_001);
    expect((error as ClockDriftError).maxDriftMs).toBe(60_000);
    expect((error as ClockDriftError).name).toBe('ClockDriftError');
    expect(clock.snapshot()).toEqual(before);
    expect(parseStamp(clock.tick())).toEqual({ millis: T0, counter: 1, node: NODE_A });
  });

  it('accepts a stamp exactly at the drift limit', () => {
    const { clock } = manualClock(NODE_A, T0, { maxDriftMs: 60_000 });
    clock.receive(formatStamp({ millis: T0 + 60_000, counter: 0, node: NODE_B }));
    expect(clock.snapshot()).toEqual({ millis: T0 + 60_000, counter: 1 });
  });

  it('throws ClockOverflowError when the merged counter would pass 0xffff, leaving the state untouched', () => {
    const { clock } = manualClock(NODE_A);
    clock.tick();
    const before = clock.snapshot();
    expect(() => clock.receive(formatStamp({ millis: T0, counter: 0xffff, node: NODE_B }))).toThrow(ClockOverflowError);
    expect(clock.snapshot()).toEqual(before);
  });

  it('throws InvalidStampError for a malformed remote stamp, leaving the state untouched', () => {
    const { clock } = manualClock(NODE_A);
    clock.tick();
    const before = clock.snapshot();
    expect(() => clock.receive('2026-11-22T16:20:00.000Z-0000-XYZ')).toThrow(InvalidStampError);
    expect(clock.snapshot()).toEqual(before);
  });
});

describe('HybridLogicalClock.resetTo — recovery from a wrong PC clock', () => {
  it('lets a device whose clock was a day ahead stop winning every conflict', () => {
    const DAY = 24 * 60 * 60 * 1000;
    // The PC clock was a day ahead; stamps issued then are a day in the future.
    const device = manualClock(NODE_A, T0 + DAY);
    const wrong = device.clock.tick();
    expect(() => HybridLogicalClock.checkNotTooFarAhead(wrong, T0)).toThrow(ClockDriftError);

    // The clock is fixed, but logical time alone would stay a day ahead.
    device.set(T0 + 1000);
    expect(compareStamps(device.clock.tick(), wrong)).toBe(1);
    expect(() => HybridLogicalClock.checkNotTooFarAhead(device.clock.tick(), T0 + 1000)).toThrow(ClockDriftError);

    // Reset to the server's time: new stamps are accepted and order before the wrong ones.
    device.clock.resetTo(T0 + 1000);
    expect(device.clock.snapshot()).toEqual({ millis: T0 + 1000, counter: 0 });
    const fresh = device.clock.tick();
    expect(() => HybridLogicalClock.checkNotTooFarAhead(fresh, T0 + 1000)).not.toThrow();
    expect(compareStamps(fresh, wrong)).toBe(-1);
    // The refused stamp still sorts later (the sync agent must re-stamp it); fresh stamps compete fairly.
    const honestEarlier = formatStamp({ millis: T0, counter: 0, node: NODE_B });
    expect(compareStamps(fresh, honestEarlier)).toBe(1);
  });

  it('still increases after the reset when physical time is ahead of the reset point', () => {
    const { clock, set } = manualClock(NODE_A);
    clock.resetTo(T0 - 5000);
    set(T0);
    expect(parseStamp(clock.tick())).toEqual({ millis: T0, counter: 0, node: NODE_A });
  });

  it('refuses an invalid time', () => {
    const { clock } = manualClock(NODE_A);
    expect(() => clock.resetTo(-1)).toThrow(RangeError);
    expect(() => clock.resetTo(Number.NaN)).toThrow(RangeError);
  });
});

describe('HybridLogicalClock.checkNotTooFarAhead', () => {
  it('accepts stamps in the past and up to the limit ahead, refuses beyond', () => {
    const at = (offset: number) => formatStamp({ millis: T0 + offset, counter: 0, node: NODE_B });
    expect(() => HybridLogicalClock.checkNotTooFarAhead(at(-DEFAULT_MAX_DRIFT_MS * 100), T0, DEFAULT_MAX_DRIFT_MS)).not.toThrow();
    expect(() => HybridLogicalClock.checkNotTooFarAhead(at(DEFAULT_MAX_DRIFT_MS), T0, DEFAULT_MAX_DRIFT_MS)).not.toThrow();
    expect(() => HybridLogicalClock.checkNotTooFarAhead(at(DEFAULT_MAX_DRIFT_MS + 1), T0, DEFAULT_MAX_DRIFT_MS)).toThrow(
      ClockDriftError,
    );
    expect(() => HybridLogicalClock.checkNotTooFarAhead(at(1001), T0, 1000)).toThrow(
      expect.objectContaining({ name: 'ClockDriftError', driftMs: 1001, maxDriftMs: 1000 }),
    );
  });

  it('defaults to the 5-minute limit', () => {
    const at = (offset: number) => formatStamp({ millis: T0 + offset, counter: 0, node: NODE_B });
    expect(() => HybridLogicalClock.checkNotTooFarAhead(at(DEFAULT_MAX_DRIFT_MS), T0)).not.toThrow();
    expect(() => HybridLogicalClock.checkNotTooFarAhead(at(DEFAULT_MAX_DRIFT_MS + 1), T0)).toThrow(ClockDriftError);
  });

  it('throws InvalidStampError for a malformed stamp', () => {
    expect(() => HybridLogicalClock.checkNotTooFarAhead('not a stamp', T0, 1000)).toThrow(InvalidStampError);
  });
});
