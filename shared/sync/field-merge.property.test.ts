// Property tests of the per-field merge: it must be a join (commutative, associative, idempotent) so that
// replicas converge whatever order and however often writes arrive, and conflict detection must keep
// every value a user typed that LWW alone would drop.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import {
  applyFieldWrites,
  detectConflicts,
  mergeRemoteIntoLocal,
  type FieldChange,
  type FieldConflict,
  type FieldWrite,
  type StampedRecord,
} from './field-merge';
import { compareStamps, formatStamp, HybridLogicalClock } from './hybrid-logical-clock';

const RUNS = 500;
const T0 = Date.UTC(2026, 10, 22, 16, 20, 0, 0);
const NODES = ['0000000000000001', '00000000000000aa', 'ff00000000000000'] as const;
// `constructor` and `__proto__` are there to catch prototype mix-ups in field handling.
const FIELDS = ['title', 'place', 'deleted', 'constructor', '__proto__'] as const;

// Few distinct times, counters and nodes, so that equal millis, equal counters and ties by node are common.
const stampArb = fc
  .record({
    millis: fc.integer({ min: T0, max: T0 + 4 }),
    counter: fc.integer({ min: 0, max: 2 }),
    node: fc.constantFrom(...NODES),
  })
  .map(formatStamp);

const valueArb = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.boolean());

/**
 * A stamp names one write: the same (field, stamp) always carries the same value, as in the real system
 * (the node id inside the stamp makes two writers' stamps differ). fc.func gives a fixed random function.
 */
const worldArb = fc.func(valueArb).map((valueOf) => (field: string, stamp: string): FieldWrite => ({ value: valueOf(field, stamp), stamp }));
type World = (field: string, stamp: string) => FieldWrite;

// Built with Object.fromEntries so that a `__proto__` field is an own property, as JSON.parse makes it.
const writeSetArb = (world: World) =>
  fc
    .array(fc.tuple(fc.constantFrom(...FIELDS), stampArb), { maxLength: 8 })
    .map((entries): Record<string, FieldWrite> => Object.fromEntries(entries.map(([field, stamp]) => [field, world(field, stamp)])));

const recordArb = (world: World) => writeSetArb(world).map((writes) => applyFieldWrites(undefined, writes).record);

function toWrites(record: StampedRecord): Record<string, FieldWrite> {
  return Object.fromEntries(
    Object.keys(record.stamps).map((field) => [field, { value: record.values[field], stamp: record.stamps[field] ?? '' }]),
  );
}

/** The join of two records: what a replica holding `a` becomes after receiving everything in `b`. */
const join = (a: StampedRecord | undefined, b: StampedRecord): StampedRecord => applyFieldWrites(a, toWrites(b)).record;

/** Reference result: per field, the write with the greatest stamp among all of them. */
function oracle(writeSets: Array<Record<string, FieldWrite>>): StampedRecord {
  const best = new Map<string, FieldWrite>();
  for (const writes of writeSets) {
    for (const [field, write] of Object.entries(writes)) {
      const seen = best.get(field);
      if (seen === undefined || write.stamp > seen.stamp) best.set(field, write);
    }
  }
  return applyFieldWrites(undefined, Object.fromEntries(best)).record;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

describe('applyFieldWrites is a join (fast-check)', () => {
  it('is commutative: two write sets applied in either order give the same record', () => {
    fc.assert(
      fc.property(
        worldArb.chain((world) => fc.tuple(fc.option(recordArb(world), { nil: undefined }), writeSetArb(world), writeSetArb(world))),
        ([base, a, b]) => {
          const ab = applyFieldWrites(applyFieldWrites(base, a).record, b).record;
          const ba = applyFieldWrites(applyFieldWrites(base, b).record, a).record;
          expect(ab).toEqual(ba);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('is commutative as a join of records', () => {
    fc.assert(
      fc.property(
        worldArb.chain((world) => fc.tuple(recordArb(world), recordArb(world))),
        ([x, y]) => {
          expect(join(x, y)).toEqual(join(y, x));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('is associative: (x ⊔ y) ⊔ z = x ⊔ (y ⊔ z), so batching does not matter', () => {
    fc.assert(
      fc.property(
        worldArb.chain((world) => fc.tuple(recordArb(world), recordArb(world), recordArb(world))),
        ([x, y, z]) => {
          expect(join(join(x, y), z)).toEqual(join(x, join(y, z)));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('is associative over write sets: one combined batch equals the batches one after another', () => {
    fc.assert(
      fc.property(
        worldArb.chain((world) => fc.tuple(fc.option(recordArb(world), { nil: undefined }), writeSetArb(world), writeSetArb(world))),
        ([base, a, b]) => {
          const sequential = applyFieldWrites(applyFieldWrites(base, a).record, b).record;
          const combined = applyFieldWrites(base, toWrites(applyFieldWrites(applyFieldWrites(undefined, a).record, b).record)).record;
          expect(combined).toEqual(sequential);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('is idempotent: applying the same writes again changes nothing and rejects nothing new', () => {
    fc.assert(
      fc.property(
        worldArb.chain((world) => fc.tuple(fc.option(recordArb(world), { nil: undefined }), writeSetArb(world))),
        ([base, writes]) => {
          const once = applyFieldWrites(base, writes);
          const twice = applyFieldWrites(once.record, writes);
          expect(twice.record).toEqual(once.record);
          expect(twice.rejected.sort()).toEqual(once.rejected.sort());
          expect(twice.accepted.sort()).toEqual(once.accepted.sort());
          if (base !== undefined) expect(join(base, base)).toEqual(base);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps, per field, the greatest stamp, and partitions the written fields into accepted and rejected', () => {
    fc.assert(
      fc.property(
        worldArb.chain((world) => fc.tuple(recordArb(world), writeSetArb(world))),
        ([base, writes]) => {
          const result = applyFieldWrites(base, writes);
          expect(result.record).toEqual(oracle([toWrites(base), writes]));
          expect([...result.accepted, ...result.rejected].sort()).toEqual(Object.keys(writes).sort());
          for (const field of result.rejected) expect(compareStamps(base.stamps[field] ?? '', writes[field]?.stamp ?? '')).toBe(1);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never mutates its inputs', () => {
    fc.assert(
      fc.property(
        worldArb.chain((world) => fc.tuple(recordArb(world), writeSetArb(world))),
        ([base, writes]) => {
          const before = structuredClone({ base, writes });
          deepFreeze(base);
          deepFreeze(writes);
          applyFieldWrites(base, writes);
          mergeRemoteIntoLocal(base, writes, new Set(FIELDS));
          expect({ base, writes }).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('convergence (fast-check)', () => {
  /** Each replica gets every write set, in its own order, some of them more than once. */
  const scenarioArb = worldArb.chain((world) =>
    fc.array(writeSetArb(world), { minLength: 1, maxLength: 8 }).chain((writeSets) => {
      const indices = writeSets.map((_, i) => i);
      const deliveryArb = fc
        .tuple(
          fc.shuffledSubarray(indices, { minLength: indices.length, maxLength: indices.length }),
          fc.array(fc.tuple(fc.nat({ max: indices.length - 1 }), fc.nat()), { maxLength: 4 }),
        )
        .map(([order, duplicates]) => {
          const delivery = [...order];
          for (const [index, position] of duplicates) delivery.splice(position % (delivery.length + 1), 0, index);
          return delivery.map((i) => writeSets[i] ?? {});
        });
      return fc.record({
        writeSets: fc.constant(writeSets),
        replicas: fc.array(fc.tuple(deliveryArb, fc.subarray<string>([...FIELDS])), { minLength: 2, maxLength: 5 }),
      });
    }),
  );

  it('N replicas receiving the same writes in different orders, with duplicates, end identical', () => {
    fc.assert(
      fc.property(scenarioArb, ({ writeSets, replicas }) => {
        const expected = oracle(writeSets);
        replicas.forEach(([delivery, pending], i) => {
          let state: StampedRecord | undefined;
          for (const writes of delivery) {
            // Half the replicas play the server (applyFieldWrites), half a device pulling with pending
            // edits (mergeRemoteIntoLocal): both sides must agree on every winner.
            state = i % 2 === 0 ? applyFieldWrites(state, writes).record : mergeRemoteIntoLocal(state, writes, new Set(pending)).record;
          }
          expect(state).toEqual(expected);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('replicas that gossip their whole state pairwise, in any order, converge', () => {
    fc.assert(
      fc.property(
        worldArb.chain((world) =>
          fc.tuple(
            fc.array(recordArb(world), { minLength: 2, maxLength: 5 }),
            fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 20 }),
          ),
        ),
        ([initial, exchanges]) => {
          const replicas = [...initial];
          const n = replicas.length;
          for (const [from, to] of exchanges) {
            const source = replicas[from % n];
            if (source) replicas[to % n] = join(replicas[to % n], source);
          }
          // A final round in a ring brings every replica everything.
          for (let round = 0; round < 2; round++) {
            for (let i = 0; i < n; i++) {
              const source = replicas[i];
              if (source) replicas[(i + 1) % n] = join(replicas[(i + 1) % n], source);
            }
          }
          const expected = oracle(initial.map(toWrites));
          for (const replica of replicas) expect(replica).toEqual(expected);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('mergeRemoteIntoLocal agrees with the server (fast-check)', () => {
  it('gives the same record as applyFieldWrites, and reports exactly the fields whose stamp changed', () => {
    fc.assert(
      fc.property(
        worldArb.chain((world) => fc.tuple(fc.option(recordArb(world), { nil: undefined }), writeSetArb(world), fc.subarray<string>([...FIELDS]))),
        ([local, remote, pending]) => {
          const merged = mergeRemoteIntoLocal(local, remote, new Set(pending));
          expect(merged.record).toEqual(applyFieldWrites(local, remote).record);
          const stampChanged = Object.keys(remote).filter((f) => merged.record.stamps[f] !== (local && Object.hasOwn(local.stamps, f) ? local.stamps[f] : undefined));
          expect(merged.changed.sort()).toEqual(stampChanged.sort());
          expect(merged.overriddenPending.sort()).toEqual(stampChanged.filter((f) => pending.includes(f)).sort());
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('detectConflicts (fast-check)', () => {
  // A well-formed change: the writer's clock had seen `prev`, so its stamp is later than prev.
  const changeArb = (world: World) =>
    fc
      .tuple(fc.constantFrom(...FIELDS), stampArb, fc.option(stampArb, { nil: null }))
      .filter(([, stamp, prev]) => prev === null || compareStamps(prev, stamp) < 0)
      .map(([field, stamp, prev]): [string, FieldChange] => [field, { ...world(field, stamp), prev }]);

  it('names the later stamp as winner, which is what applyFieldWrites keeps, and the other as loser', () => {
    fc.assert(
      fc.property(
        worldArb.chain((world) => fc.tuple(fc.option(recordArb(world), { nil: undefined }), changeArb(world))),
        ([current, [field, change]]) => {
          const changes = Object.fromEntries([[field, change]]) as Record<string, FieldChange>;
          const conflicts = detectConflicts(current, changes);
          const applied = applyFieldWrites(current, changes).record;
          for (const conflict of conflicts) {
            expect(conflict.field).toBe(field);
            expect(compareStamps(conflict.winner.stamp, conflict.loser.stamp)).toBe(1);
            expect(conflict.winner.stamp).toBe(applied.stamps[field]);
            expect(conflict.winner.node).toBe(conflict.winner.stamp.slice(-16));
            expect(conflict.loser.node).toBe(conflict.loser.stamp.slice(-16));
            expect(canonicalJson(conflict.winner.value)).not.toBe(canonicalJson(conflict.loser.value));
            expect([conflict.winner.stamp, conflict.loser.stamp].sort()).toEqual([change.stamp, current?.stamps[field]].sort());
          }
          // A well-formed change that LWW rejects was necessarily concurrent: it is kept unless equal.
          const currentStamp = current && Object.hasOwn(current.stamps, field) ? current.stamps[field] : undefined;
          if (currentStamp !== undefined && compareStamps(change.stamp, currentStamp) < 0) {
            const same = canonicalJson(current?.values[field]) === canonicalJson(change.value);
            expect(conflicts.length).toBe(same ? 0 : 1);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  /**
   * A small world of devices with real clocks, editing one record offline, pushing and pulling in random
   * order, with a server that applies pushes field by field and keeps conflicts. Every edit gets a unique
   * value, so "not lost" can be checked by value.
   */
  const DEVICES = 3;
  const SIM_FIELDS = ['title', 'place', 'deleted'] as const;
  const actionArb = fc.oneof(
    fc.record({ kind: fc.constant('edit' as const), device: fc.nat({ max: DEVICES - 1 }), field: fc.constantFrom(...SIM_FIELDS) }),
    fc.record({ kind: fc.constant('push' as const), device: fc.nat({ max: DEVICES - 1 }) }),
    fc.record({ kind: fc.constant('pull' as const), device: fc.nat({ max: DEVICES - 1 }) }),
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3000 }) }),
  );

  it('keeps every value a user typed: in the final record, in a conflict, or replaced by someone who saw it; and all converge', () => {
    fc.assert(
      fc.property(
        fc.array(actionArb, { maxLength: 60 }),
        fc.array(fc.integer({ min: -2000, max: 2000 }), { minLength: DEVICES, maxLength: DEVICES }),
        (actions, skews) => {
          let time = T0;
          const devices = NODES.map((node, i) => ({
            clock: new HybridLogicalClock({ node, now: () => time + (skews[i] ?? 0) }),
            local: undefined as StampedRecord | undefined,
            outbox: [] as Array<{ field: string; change: FieldChange }>,
          }));
          let server: StampedRecord | undefined;
          const conflicts: FieldConflict[] = [];
          const edits: Array<{ field: string; change: FieldChange }> = [];

          const push = (device: (typeof devices)[number]) => {
            for (const { field, change } of device.outbox) {
              HybridLogicalClock.checkNotTooFarAhead(change.stamp, time);
              const changes = Object.fromEntries([[field, change]]) as Record<string, FieldChange>;
              conflicts.push(...detectConflicts(server, changes));
              server = applyFieldWrites(server, changes).record;
            }
            device.outbox = [];
          };
          const pull = (device: (typeof devices)[number]) => {
            if (server === undefined) return;
            // The clock must see every pulled stamp, or a later local edit could be stamped before the
            // value it replaces and lose to it.
            for (const stamp of Object.values(server.stamps)) device.clock.receive(stamp);
            const pending = new Set(device.outbox.map((entry) => entry.field));
            device.local = mergeRemoteIntoLocal(device.local, toWrites(server), pending).record;
          };

          for (const action of actions) {
            if (action.kind === 'wait') {
              time += action.ms;
              continue;
            }
            const device = devices[action.device];
            if (!device) continue;
            if (action.kind === 'push') push(device);
            else if (action.kind === 'pull') pull(device);
            else {
              const stamp = device.clock.tick();
              const prev = device.local && Object.hasOwn(device.local.stamps, action.field) ? (device.local.stamps[action.field] ?? null) : null;
              const change: FieldChange = { value: `${action.field} #${edits.length}`, stamp, prev };
              const local = applyFieldWrites(device.local, Object.fromEntries([[action.field, change]]));
              expect(local.accepted).toEqual([action.field]);
              device.local = local.record;
              device.outbox.push({ field: action.field, change });
              edits.push({ field: action.field, change });
            }
          }
          devices.forEach(push);
          devices.forEach(pull);

          for (const device of devices) expect(device.local).toEqual(server);
          for (const { field, change } of edits) {
            const inFinal = server?.values[field] === change.value;
            const inConflict = conflicts.some((c) => c.field === field && (c.loser.stamp === change.stamp || c.winner.stamp === change.stamp));
            const seenAndReplaced = edits.some((other) => other.field === field && other.change.prev === change.stamp);
            expect(inFinal || inConflict || seenAndReplaced).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
