// Wall-clock time in a named time zone (IANA, through Intl), for recurring activities imported
// from a calendar kept elsewhere: a meeting "every first Tuesday at 10.00 in Los Angeles" must
// be expanded on Los Angeles' calendar and clock (its DST included), then shown in local time.
// A "floating" date here is a Date whose UTC fields are the wall clock, as rrule computes.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let found = formatters.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, found);
  }
  return found;
}

/** True when this runtime knows the zone by that name ("Asia/Bangkok", "UTC", "Etc/GMT-7"). */
export function isKnownTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/.test(zone)) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (Bangkok: +7 h). */
export function zoneOffsetMs(instant: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type === 'era') bc = part.value.startsWith('B');
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = bc ? 1 - fields.year! : fields.year!;
  const wall = Date.UTC(year, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
  // Intl drops the milliseconds; the offset is a whole number of seconds anyway.
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The wall clock of an instant in the zone, as a floating date. */
export function toZoneWallClock(instant: Date, zone: string): Date {
  return new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), zone));
}

/**
 * The instant a floating wall-clock time names in the zone. A time that happens twice (the hour
 * repeated when DST ends) is its first; one that does not exist (the hour skipped when DST
 * starts) is read with the offset from before the change. Both as RFC 5545 3.3.5 says.
 */
export function fromZoneWallClock(floating: Date, zone: string): Date {
  const wall = floating.getTime();
  // The offsets a day either side: the same unless the zone changes its offset around this time.
  const before = zoneOffsetMs(wall - DAY_MS, zone);
  const after = zoneOffsetMs(wall + DAY_MS, zone);
  if (before === after) return new Date(wall - before);
  const readings = [wall - before, wall - after].filter((t) => t + zoneOffsetMs(t, zone) === wall);
  return new Date(readings.length > 0 ? Math.min(...readings) : wall - before);
}

const DAY_MS = 86_400_000;
