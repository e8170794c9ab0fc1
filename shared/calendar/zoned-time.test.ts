import { describe, expect, it } from 'vitest';
import { fromZoneWallClock, isKnownTimeZone, toZoneWallClock, zoneOffsetMs } from './zoned-time';

const wall = (iso: string) => new Date(`${iso}Z`);

describe('zoned wall clock', () => {
  it('knows IANA zones and not made-up ones', () => {
    expect(isKnownTimeZone('Asia/Bangkok')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Nowhere/Middle')).toBe(false);
    expect(isKnownTimeZone('SE Asia Standard Time')).toBe(false);
  });

  it('converts both ways, Bangkok without DST and Berlin with it', () => {
    expect(zoneOffsetMs(Date.parse('2022-08-24T02:30:00Z'), 'Asia/Bangkok')).toBe(7 * 3_600_000);
    expect(toZoneWallClock(new Date('2022-08-24T02:30:00Z'), 'Asia/Bangkok').toISOString()).toBe('2022-08-24T09:30:00.000Z');
    expect(fromZoneWallClock(wall('2023-01-10T10:00:00'), 'Europe/Berlin').toISOString()).toBe('2023-01-10T09:00:00.000Z');
    expect(fromZoneWallClock(wall('2023-07-10T10:00:00'), 'Europe/Berlin').toISOString()).toBe('2023-07-10T08:00:00.000Z');
  });

  it('reads a time skipped by the spring change with the offset from before it, and a repeated one as its first', () => {
    // Berlin skips 02:00–03:00 on 26 March 2023: 02:30 is read as +01:00, i.e. 03:30 summer time.
    expect(fromZoneWallClock(wall('2023-03-26T02:30:00'), 'Europe/Berlin').toISOString()).toBe('2023-03-26T01:30:00.000Z');
    // 02:30 on 29 October 2023 happens twice: the first (summer time, +02:00).
    expect(fromZoneWallClock(wall('2023-10-29T02:30:00'), 'Europe/Berlin').toISOString()).toBe('2023-10-29T00:30:00.000Z');
  });
});
