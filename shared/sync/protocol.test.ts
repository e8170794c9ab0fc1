import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStamp } from './hybrid-logical-clock';
import { decodeRecordStamps, encodeRecordStamps, PulledRecord, PushRequest, ResolveConflictRequest } from './protocol';

const stampArb = fc
  .record({ millis: fc.integer({ min: 0, max: 4_000_000_000_000 }), counter: fc.integer({ min: 0, max: 0xffff }), node: fc.stringMatching(/^[0-9a-f]{16}$/) })
  .map(formatStamp);

describe('record stamp encoding', () => {
  it('round-trips any field → stamp map', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z][A-Za-z0-9]{0,10}$/), stampArb, { minKeys: 1 }), (stamps) => {
        const encoded = encodeRecordStamps(stamps);
        expect(decodeRecordStamps(encoded, Object.keys(stamps))).toEqual(stamps);
        expect(new Set(encoded.stamps).size).toBe(encoded.stamps.length);
      }),
    );
  });

  it('keeps fields named like Object internals as own fields, never as a prototype', () => {
    const s1 = formatStamp({ millis: 1, counter: 0, node: '0123456789abcdef' });
    const s2 = formatStamp({ millis: 2, counter: 0, node: '0123456789abcdef' });
    const stamps = JSON.parse(`{"__proto__": "${s1}", "constructor": "${s2}", "title": "${s1}"}`) as Record<string, string>;
    const wire = JSON.parse(JSON.stringify(encodeRecordStamps(stamps))) as ReturnType<typeof encodeRecordStamps>;
    const decoded = decodeRecordStamps(wire, ['__proto__', 'constructor', 'title']);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(['__proto__', 'constructor', 'title']);
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toBe(s1);
    expect(decoded.constructor).toBe(s2);
  });

  it('leaves out the field map when every field has the same stamp', () => {
    const s = formatStamp({ millis: 1, counter: 0, node: '0123456789abcdef' });
    expect(encodeRecordStamps({ a: s, b: s })).toEqual({ stamps: [s] });
  });

  it('validates a pulled record', () => {
    const s = formatStamp({ millis: 1, counter: 0, node: '0123456789abcdef' });
    const record = { table: 'news', id: '01890000-0000-7000-8000-000000000001', provinceCode: '10', districtCode: null, seq: 1, values: { title: 'x' }, stamps: [s] };
    expect(PulledRecord.safeParse(record).success).toBe(true);
    expect(PulledRecord.safeParse({ ...record, table: 'users' }).success).toBe(false);
  });
});

describe('request schemas', () => {
  it('caps a push at 500 mutations and needs a value for a merged resolution', () => {
    expect(PushRequest.safeParse({ mutations: [] }).success).toBe(true);
    expect(PushRequest.safeParse({}).success).toBe(false);
    expect(ResolveConflictRequest.safeParse({ resolution: 'merged' }).success).toBe(false);
    expect(ResolveConflictRequest.safeParse({ resolution: 'merged', value: 'x' }).success).toBe(true);
    expect(ResolveConflictRequest.safeParse({ resolution: 'winner' }).success).toBe(true);
  });
});
