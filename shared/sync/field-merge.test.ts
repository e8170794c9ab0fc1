import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import {
  applyFieldWrites,
  detectConflicts,
  isConcurrentOverwrite,
  mergeRemoteIntoLocal,
  type FieldChange,
  type FieldWrite,
  type StampedRecord,
} from './field-merge';
import { formatStamp, HybridLogicalClock, InvalidStampError } from './hybrid-logical-clock';

const NODE_A = '000000000000000a';
const NODE_B = '000000000000000b';
const T0 = Date.UTC(2026, 10, 22, 16, 20, 0, 0);

/** Stamp `offset` ms after T0 by `node`. */
const st = (offset: number, node = NODE_A, counter = 0) => formatStamp({ millis: T0 + offset, counter, node });

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

function rec(fields: Record<string, [unknown, string]>): StampedRecord {
  const record: StampedRecord = { values: {}, stamps: {} };
  for (const [field, [value, stamp]] of Object.entries(fields)) {
    record.values[field] = value;
    record.stamps[field] = stamp;
  }
  return record;
}

describe('applyFieldWrites', () => {
  it('creates the record when there is none', () => {
    const result = applyFieldWrites(undefined, { title: { value: 'สัมมนา', stamp: st(1) }, deleted: { value: false, stamp: st(1) } });
    expect(result.record).toEqual(rec({ title: ['สัมมนา', st(1)], deleted: [false, st(1)] }));
    expect(result.accepted.sort()).toEqual(['deleted', 'title']);
    expect(result.rejected).toEqual([]);
  });

  it('keeps the later stamp per field, independently', () => {
    const current = rec({ title: ['old', st(10)], place: ['ห้องประชุม 1', st(30)] });
    const result = applyFieldWrites(current, {
      title: { value: 'new', stamp: st(20, NODE_B) },
      place: { value: 'ห้องประชุม 2', stamp: st(20, NODE_B) },
      organiser: { value: 'กกต.', stamp: st(5, NODE_B) },
    });
    expect(result.record).toEqual(
      rec({ title: ['new', st(20, NODE_B)], place: ['ห้องประชุม 1', st(30)], organiser: ['กกต.', st(5, NODE_B)] }),
    );
    expect(result.accepted.sort()).toEqual(['organiser', 'title']);
    expect(result.rejected).toEqual(['place']);
  });

  it('treats an equal stamp as the same write: accepted, nothing changes', () => {
    const current = rec({ title: ['x', st(10)] });
    const result = applyFieldWrites(current, { title: { value: 'x', stamp: st(10) } });
    expect(result.record).toEqual(current);
    expect(result.accepted).toEqual(['title']);
    expect(result.rejected).toEqual([]);
  });

  it('breaks a tie of time and counter by node id', () => {
    const current = rec({ title: ['from A', st(10, NODE_A)] });
    expect(applyFieldWrites(current, { title: { value: 'from B', stamp: st(10, NODE_B) } }).record.values.title).toBe('from B');
    const currentB = rec({ title: ['from B', st(10, NODE_B)] });
    expect(applyFieldWrites(currentB, { title: { value: 'from A', stamp: st(10, NODE_A) } }).rejected).toEqual(['title']);
  });

  it('orders by counter within one millisecond', () => {
    const current = rec({ title: ['first', st(10, NODE_B, 1)] });
    const result = applyFieldWrites(current, { title: { value: 'second', stamp: st(10, NODE_A, 2) } });
    expect(result.record.values.title).toBe('second');
  });

  it('never mutates its inputs', () => {
    const current = deepFreeze(rec({ title: ['old', st(10)], tags: [['a', 'b'], st(10)] }));
    const writes = deepFreeze({ title: { value: 'new', stamp: st(20) }, tags: { value: ['c'], stamp: st(5) } });
    const snapshot = structuredClone({ current, writes });
    const result = applyFieldWrites(current, writes);
    expect({ current, writes }).toEqual(snapshot);
    expect(result.record).not.toBe(current);
    expect(result.record.values).not.toBe(current.values);
    expect(result.record.stamps).not.toBe(current.stamps);
  });

  it('treats field names like constructor and __proto__ as plain fields', () => {
    const writes = JSON.parse(
      `{"constructor":{"value":1,"stamp":"${st(1)}"},"__proto__":{"value":2,"stamp":"${st(1)}"},"toString":{"value":3,"stamp":"${st(1)}"}}`,
    ) as Record<string, FieldWrite>;
    const result = applyFieldWrites(undefined, writes);
    expect(result.accepted.sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(result.record.values)).toBe(Object.prototype);
    expect(Object.hasOwn(result.record.values, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(result.record.values, '__proto__')?.value).toBe(2);
    expect(result.record.values.constructor).toBe(1);

    const again = applyFieldWrites(result.record, writes);
    expect(again.rejected).toEqual([]);
    expect(Object.getOwnPropertyDescriptor(again.record.stamps, '__proto__')?.value).toBe(st(1));
  });

  it('refuses a malformed stamp, which would otherwise sort after every real one and win forever', () => {
    const current = rec({ title: ['x', st(10)] });
    expect(() => applyFieldWrites(current, { title: { value: 'y', stamp: 'zzzz' } })).toThrow(InvalidStampError);
    expect(() => applyFieldWrites(current, { title: { value: 'y', stamp: st(20).toUpperCase() } })).toThrow(InvalidStampError);
  });

  describe('tombstones merge like any field', () => {
    const live = rec({ title: ['ข่าว', st(10)], deleted: [false, st(10)] });

    it('a later delete wins', () => {
      const result = applyFieldWrites(live, { deleted: { value: true, stamp: st(20, NODE_B) } });
      expect(result.record.values).toEqual({ title: 'ข่าว', deleted: true });
    });

    it('an earlier delete loses to a later undelete', () => {
      const restored = applyFieldWrites(live, { deleted: { value: false, stamp: st(30) } }).record;
      const result = applyFieldWrites(restored, { deleted: { value: true, stamp: st(20, NODE_B) } });
      expect(result.rejected).toEqual(['deleted']);
      expect(result.record.values.deleted).toBe(false);
    });

    it('an edit of another field does not resurrect a deleted record', () => {
      const deleted = applyFieldWrites(live, { deleted: { value: true, stamp: st(20) } }).record;
      const result = applyFieldWrites(deleted, { title: { value: 'แก้ไข', stamp: st(30, NODE_B) } });
      expect(result.record.values).toEqual({ title: 'แก้ไข', deleted: true });
    });
  });
});

describe('isConcurrentOverwrite', () => {
  const change = (prev: string | null, stamp = st(50, NODE_B)): FieldChange => ({ value: 'v', stamp, prev });

  it.each<[string, string | undefined, FieldChange, boolean]>([
    ['field new on the server', undefined, change(null), false],
    ['field new on the server, writer saw a value the server no longer has', undefined, change(st(10)), false],
    ['sequential edit: writer saw the current value', st(10), change(st(10)), false],
    ['writer saw a later value than current', st(10), change(st(20)), false],
    ['current is newer than what the writer saw', st(20), change(st(10)), true],
    ['writer never saw the existing value (prev null)', st(10), change(null), true],
    ['current is later than the change itself', st(90), change(st(10)), true],
    ['replayed push: current is the change itself', st(50, NODE_B), change(st(10)), false],
    ['replayed push of a first write', st(50, NODE_B), change(null), false],
  ])('%s', (_label, current, c, expected) => {
    expect(isConcurrentOverwrite(current, c)).toBe(expected);
  });
});

describe('detectConflicts', () => {
  it('finds no conflict for sequential edits', () => {
    const current = rec({ title: ['v1', st(10)] });
    expect(detectConflicts(current, { title: { value: 'v2', stamp: st(20, NODE_B), prev: st(10) } })).toEqual([]);
  });

  it('keeps both values of concurrent different edits, the later stamp as winner (incoming later)', () => {
    const current = rec({ title: ['from A', st(20, NODE_A)] });
    const conflicts = detectConflicts(current, { title: { value: 'from B', stamp: st(30, NODE_B), prev: st(10) } });
    expect(conflicts).toEqual([
      {
        field: 'title',
        winner: { value: 'from B', stamp: st(30, NODE_B), node: NODE_B },
        loser: { value: 'from A', stamp: st(20, NODE_A), node: NODE_A },
      },
    ]);
  });

  it('keeps both values of concurrent different edits, the later stamp as winner (current later)', () => {
    const current = rec({ title: ['from A', st(40, NODE_A)] });
    const conflicts = detectConflicts(current, { title: { value: 'from B', stamp: st(30, NODE_B), prev: st(10) } });
    expect(conflicts).toEqual([
      {
        field: 'title',
        winner: { value: 'from A', stamp: st(40, NODE_A), node: NODE_A },
        loser: { value: 'from B', stamp: st(30, NODE_B), node: NODE_B },
      },
    ]);
    // The winner is exactly what LWW keeps.
    expect(applyFieldWrites(current, { title: { value: 'from B', stamp: st(30, NODE_B) } }).record.values.title).toBe('from A');
  });

  it('finds no conflict when concurrent edits typed the same value', () => {
    const current = rec({ place: ['ห้องประชุม 1', st(20, NODE_A)] });
    expect(detectConflicts(current, { place: { value: 'ห้องประชุม 1', stamp: st(30, NODE_B), prev: st(10) } })).toEqual([]);
  });

  it('compares values structurally, whatever the key order', () => {
    const current = rec({ participants: [{ staff: 13, press: 17 }, st(20, NODE_A)] });
    expect(
      detectConflicts(current, { participants: { value: { press: 17, staff: 13 }, stamp: st(30, NODE_B), prev: null } }),
    ).toEqual([]);
    expect(
      detectConflicts(current, { participants: { value: { press: 17, staff: 14 }, stamp: st(30, NODE_B), prev: null } }),
    ).toHaveLength(1);
  });

  it('reports a conflict when the writer never saw the existing value (prev null)', () => {
    const current = rec({ title: ['typed on A', st(20, NODE_A)] });
    const conflicts = detectConflicts(current, { title: { value: 'typed on B', stamp: st(10, NODE_B), prev: null } });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.winner.value).toBe('typed on A');
    expect(conflicts[0]?.loser.value).toBe('typed on B');
  });

  it('finds no conflict for a new record or a new field', () => {
    expect(detectConflicts(undefined, { title: { value: 'x', stamp: st(10), prev: null } })).toEqual([]);
    expect(detectConflicts(rec({ title: ['x', st(10)] }), { place: { value: 'y', stamp: st(20, NODE_B), prev: null } })).toEqual([]);
  });

  it('finds no conflict for a replayed push', () => {
    const change: FieldChange = { value: 'v2', stamp: st(20, NODE_B), prev: st(10) };
    const after = applyFieldWrites(rec({ title: ['v1', st(10)] }), { title: change }).record;
    expect(detectConflicts(after, { title: change })).toEqual([]);
  });

  it('reports a delete concurrent with an edit like any field', () => {
    const current = rec({ deleted: [true, st(20, NODE_A)] });
    const conflicts = detectConflicts(current, { deleted: { value: false, stamp: st(30, NODE_B), prev: st(10) } });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.winner).toEqual({ value: false, stamp: st(30, NODE_B), node: NODE_B });
  });

  it('only reports the fields in conflict', () => {
    const current = rec({ title: ['t', st(20, NODE_A)], place: ['p', st(10, NODE_A)] });
    const conflicts = detectConflicts(current, {
      title: { value: 't2', stamp: st(30, NODE_B), prev: st(10) },
      place: { value: 'p2', stamp: st(30, NODE_B), prev: st(10, NODE_A) },
    });
    expect(conflicts.map((c) => c.field)).toEqual(['title']);
  });
});

describe('two offline devices and a server', () => {
  it('keeps the loser as a conflict and converges on the winner', () => {
    let time = T0;
    const clockA = new HybridLogicalClock({ node: NODE_A, now: () => time });
    const clockB = new HybridLogicalClock({ node: NODE_B, now: () => time });

    // Both devices start from the same synced record.
    const base = applyFieldWrites(undefined, { title: { value: 'ร่าง', stamp: clockA.tick() } }).record;
    let server = base;
    let deviceA = base;
    let deviceB = base;
    clockB.receive(base.stamps.title ?? '');

    // Offline, both edit the title.
    time += 1000;
    const changeA: FieldChange = { value: 'ร่าง ฉบับ A', stamp: clockA.tick(), prev: base.stamps.title ?? null };
    deviceA = applyFieldWrites(deviceA, { title: changeA }).record;
    time += 1000;
    const changeB: FieldChange = { value: 'ร่าง ฉบับ B', stamp: clockB.tick(), prev: base.stamps.title ?? null };
    deviceB = applyFieldWrites(deviceB, { title: changeB }).record;

    // A pushes first: sequential, no conflict.
    expect(detectConflicts(server, { title: changeA })).toEqual([]);
    server = applyFieldWrites(server, { title: changeA }).record;

    // B pushes: concurrent, B is later so it wins, A's text is kept as the loser.
    const conflicts = detectConflicts(server, { title: changeB });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.winner.value).toBe('ร่าง ฉบับ B');
    expect(conflicts[0]?.loser.value).toBe('ร่าง ฉบับ A');
    server = applyFieldWrites(server, { title: changeB }).record;

    // A pulls while it still has nothing pending; B pulls its own write back.
    const pulledA = mergeRemoteIntoLocal(deviceA, { title: { value: server.values.title, stamp: server.stamps.title ?? '' } }, new Set());
    deviceA = pulledA.record;
    expect(pulledA.changed).toEqual(['title']);
    const pulledB = mergeRemoteIntoLocal(deviceB, { title: { value: server.values.title, stamp: server.stamps.title ?? '' } }, new Set());
    expect(pulledB.changed).toEqual([]);
    deviceB = pulledB.record;

    expect(deviceA).toEqual(server);
    expect(deviceB).toEqual(server);
  });
});

describe('mergeRemoteIntoLocal', () => {
  it('takes later remote writes and reports the changed fields', () => {
    const local = rec({ title: ['local', st(10)], place: ['p', st(50)] });
    const result = mergeRemoteIntoLocal(
      local,
      { title: { value: 'remote', stamp: st(20, NODE_B) }, place: { value: 'q', stamp: st(40, NODE_B) } },
      new Set(),
    );
    expect(result.record).toEqual(rec({ title: ['remote', st(20, NODE_B)], place: ['p', st(50)] }));
    expect(result.changed).toEqual(['title']);
    expect(result.overriddenPending).toEqual([]);
  });

  it('keeps a later pending local edit with its own stamp', () => {
    const local = rec({ title: ['pending', st(30)] });
    const result = mergeRemoteIntoLocal(local, { title: { value: 'remote', stamp: st(20, NODE_B) } }, new Set(['title']));
    expect(result.record).toEqual(local);
    expect(result.changed).toEqual([]);
    expect(result.overriddenPending).toEqual([]);
  });

  it('lets a later remote write replace an earlier pending local edit, and says so', () => {
    const local = rec({ title: ['pending', st(30)], place: ['p', st(5)] });
    const result = mergeRemoteIntoLocal(
      local,
      { title: { value: 'remote', stamp: st(40, NODE_B) }, place: { value: 'q', stamp: st(40, NODE_B) } },
      new Set(['title']),
    );
    expect(result.record.values).toEqual({ title: 'remote', place: 'q' });
    expect(result.changed.sort()).toEqual(['place', 'title']);
    expect(result.overriddenPending).toEqual(['title']);
  });

  it('ignores its own write echoed back (same stamp)', () => {
    const local = rec({ title: ['mine', st(30)] });
    const result = mergeRemoteIntoLocal(local, { title: { value: 'mine', stamp: st(30) } }, new Set(['title']));
    expect(result.record).toEqual(local);
    expect(result.changed).toEqual([]);
  });

  it('creates a record it did not have, without mutating anything', () => {
    const writes = deepFreeze({ title: { value: 'ใหม่', stamp: st(1, NODE_B) } });
    const result = mergeRemoteIntoLocal(undefined, writes, new Set());
    expect(result.record).toEqual(rec({ title: ['ใหม่', st(1, NODE_B)] }));
    expect(result.changed).toEqual(['title']);
  });

  it('refuses a malformed remote stamp', () => {
    expect(() => mergeRemoteIntoLocal(undefined, { title: { value: 1, stamp: '' } }, new Set())).toThrow(InvalidStampError);
  });
});

describe('canonicalJson', () => {
  it('sorts object keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('keeps array order', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('follows JSON.stringify for what JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, f: () => 1, s: Symbol('s'), n: 1 })).toBe('{"n":1}');
    expect(canonicalJson([undefined, () => 1, Number.NaN, Number.POSITIVE_INFINITY])).toBe('[null,null,null,null]');
    expect(canonicalJson(new Date(0))).toBe('"1970-01-01T00:00:00.000Z"');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson('ศส.ปชต. "quoted"\n')).toBe(JSON.stringify('ศส.ปชต. "quoted"\n'));
    expect(canonicalJson(undefined)).toBe('null');
    expect(() => canonicalJson(10n)).toThrow(TypeError);
  });

  it('throws on a cycle but accepts a shared (non-cyclic) reference', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
  });

  it('agrees with JSON.stringify on key-sorted JSON values', () => {
    const value = JSON.parse('{"a":[1,"x",{"b":true,"c":null}],"d":1.5e-7,"e":"ไทย"}') as unknown;
    expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });
});
