// The compatibility suite: real calendars from public test suites (ical.js's samples, python
// icalendar's test calendars) and exports made with Google Calendar, Outlook and Apple Calendar
// conventions, each imported through parseIcs and expanded through expandOccurrences, then
// compared occurrence by occurrence with ical.js's own expansion over 2000–2030. Run in two
// machine zones (one without DST, one with), since a rule must mean the same instants in both.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIcs, type IcsParseResult } from './ics-import';
import { expandOccurrences } from './recurrence';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/ical');
const SUITES = ['ical.js-samples', 'python-icalendar', 'exports'] as const;
const FROM = new Date(Date.UTC(2000, 0, 1));
const TO = new Date(Date.UTC(2031, 0, 1));

interface Fixture {
  suite: (typeof SUITES)[number];
  file: string;
  text: string;
}

const fixtures: Fixture[] = SUITES.flatMap((suite) =>
  readdirSync(join(FIXTURES, suite))
    .filter((f) => f.endsWith('.ics'))
    .sort()
    .map((file) => ({ suite, file, text: readFileSync(join(FIXTURES, suite, file), 'utf8') })),
);

/** Occurrence starts (ISO, sorted) by UID, as ical.js expands the file's series and their changed instances. */
function icalJsExpansion(text: string): Map<string, string[]> {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const registered: string[] = [];
  try {
    for (const zone of root.getAllSubcomponents('vtimezone')) {
      const tzid = zone.getFirstPropertyValue('tzid');
      if (typeof tzid !== 'string' || ICAL.TimezoneService.has(tzid)) continue;
      ICAL.TimezoneService.register(zone);
      registered.push(tzid);
    }
    const vevents = root.getAllSubcomponents('vevent');
    const out = new Map<string, string[]>();
    for (const master of vevents.filter((v) => !v.hasProperty('recurrence-id'))) {
      const starts = new Set<string>();
      // ical.js ends an expansion of several RRULEs when its first rule ends (multiple_rrules.ics
      // gives 35 occurrences with its rules in one order, 36 in the other: 29 July 2012, a Sunday
      // before UNTIL, is lost). Each rule in turn goes first, and the union is the reference.
      const rules = master.getAllProperties('rrule');
      for (let turn = 0; turn < Math.max(1, rules.length); turn++) {
        const copy = new ICAL.Component(structuredClone(master.jCal) as unknown[]);
        copy.removeAllProperties('rrule');
        for (const rule of [...rules.slice(turn), ...rules.slice(0, turn)]) copy.addProperty(new ICAL.Property(structuredClone(rule.jCal) as unknown[]));
        const event = new ICAL.Event(copy);
        for (const exception of vevents) if (exception.hasProperty('recurrence-id') && exception.getFirstPropertyValue('uid') === event.uid) event.relateException(exception);
        const iterator = event.iterator();
        for (let next = iterator.next(); next; next = iterator.next()) {
          // ical.js hands RDATE periods over as periods, which its own getOccurrenceDetails cannot take.
          const time = (next as unknown) instanceof ICAL.Period ? (next as unknown as ICAL.Period).start : next;
          if (time.toJSDate() >= TO) break;
          const details = event.getOccurrenceDetails(time);
          const start = details.startDate.toJSDate();
          if (start < TO && details.endDate.toJSDate() >= FROM) starts.add(start.toISOString());
        }
      }
      const uid = String(master.getFirstPropertyValue('uid') ?? '');
      out.set(uid, [...(out.get(uid) ?? []), ...starts].sort());
    }
    return out;
  } finally {
    for (const tzid of registered) ICAL.TimezoneService.remove(tzid);
  }
}

/** The same, from what parseIcs made of the file and expandOccurrences makes of that. */
function ourExpansion(result: Extract<IcsParseResult, { ok: true }>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const activity of result.activities) {
    // A changed instance is its own activity, "<series UID>#<original start>".
    const uid = activity.uid.replace(/#.*$/, '');
    const starts = expandOccurrences(activity, FROM, TO).map((o) => o.start.toISOString());
    out.set(uid, [...(out.get(uid) ?? []), ...starts].sort());
  }
  return out;
}

function referenceOf(text: string): Map<string, string[]> | Error {
  try {
    return icalJsExpansion(text);
  } catch (error) {
    return error as Error;
  }
}

/**
 * Files ical.js itself cannot read as a whole (so there is nothing to compare with), and what
 * the import must make of them instead.
 */
const WITHOUT_REFERENCE: Record<string, (result: IcsParseResult) => void> = {
  // "DTSTART:20220101": a date without VALUE=DATE. Read as the all-day dates they are.
  'example.ics': (result) => {
    expect(result.ok && result.activities.map((a) => [a.title, a.allDay, new Date(a.start).getDate(), new Date(a.start).getMonth() + 1])).toEqual([
      ["New Year's Day", true, 1, 1],
      ['Orthodox Christmas', true, 7, 1],
      ["International Women's Day", true, 8, 3],
    ]);
  },
  // A stray "X" line between the event and END:VCALENDAR costs nothing but a note.
  'issue_104_broken_calendar.ics': (result) => {
    expect(result.ok && [result.activities.map((a) => a.title), result.notes.map((n) => [n.line, n.code])]).toEqual([['Broken Eevnt'], [[13, 'ignored-line']]]);
  },
  // RDATE periods of two dates: the event is skipped, with the line of its RDATE.
  'issue_1633_rdate_with_dates.ics': (result) => expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ line: 5, code: 'bad-date' })] }),
  'issue_1633_rdate_with_dates_and_tzid.ics': (result) => expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ line: 5, code: 'bad-date' })] }),
  // A fuzzer's output: not a calendar.
  'fuzz_testcase_invalid_month.ics': (result) => expect(result).toEqual({ ok: false, errors: [{ line: 1, code: 'not-calendar', detail: 'BEGIN:V' }] }),
};

for (const machineZone of ['Asia/Bangkok', 'Europe/Berlin']) {
  describe(`ICS compatibility with ical.js (machine in ${machineZone})`, () => {
    const before = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = machineZone;
    });
    afterAll(() => {
      process.env.TZ = before;
    });

    it.each(fixtures.map((f) => [`${f.suite}/${f.file}`, f] as const))('%s: never throws, and every occurrence is ical.js’s', (_name, fixture) => {
      const result = parseIcs(fixture.text);
      const reference = referenceOf(fixture.text);
      const expectation = WITHOUT_REFERENCE[fixture.file];
      if (expectation) {
        expect(reference).toBeInstanceOf(Error);
        expectation(result);
        return;
      }
      if (reference instanceof Error) throw new Error(`ical.js cannot read ${fixture.file} (${reference.message}): add what the import must do to WITHOUT_REFERENCE`);
      const expected = new Map([...reference].filter(([, starts]) => starts.length > 0));
      if (expected.size === 0) {
        // Nothing ical.js would show (an empty calendar, only changed instances of a series
        // that is not in the file): the file is refused, saying why.
        expect(result.ok).toBe(false);
        return;
      }
      if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
      const ours = ourExpansion(result);
      // A VEVENT without UID gets one from its content here; ical.js has none for it.
      if (expected.has('') && !ours.has('')) {
        const unnamed = [...ours.keys()].filter((uid) => !reference.has(uid));
        expect(unnamed).toHaveLength(1);
        ours.set('', ours.get(unnamed[0]!)!);
        ours.delete(unnamed[0]!);
      }
      expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(expected));
    });
  });
}

describe('the calendars of issue 15', () => {
  const read = (file: string) => parseIcs(readFileSync(join(FIXTURES, 'ical.js-samples', file), 'utf8'));
  const count = (result: IcsParseResult) => (result.ok ? result.activities.reduce((n, a) => n + expandOccurrences(a, FROM, TO).length, 0) : -1);

  it('keeps the two RDATEs of recur_instances_finite.ics (5 occurrences, not 3)', () => {
    expect(count(read('recur_instances_finite.ics'))).toBe(5);
  });

  it('keeps both RRULEs of multiple_rrules.ics (36 occurrences, not 18)', () => {
    const result = read('multiple_rrules.ics');
    expect(result.ok && result.activities[0]!.rrule).toBe('FREQ=WEEKLY;UNTIL=20120729T235959\nFREQ=MONTHLY;BYDAY=SU;UNTIL=20120729T235959');
    // The issue counted 35 after ical.js, which drops Sunday 29 July 2012 (see icalJsExpansion).
    expect(count(result)).toBe(36);
  });

  it('imports rdate_exdate.ics, whose event has no SUMMARY, under a Thai placeholder and says so', () => {
    const result = read('rdate_exdate.ics');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.activities.map((a) => a.title)).toEqual(['กิจกรรมไม่มีชื่อ']);
    expect(result.notes).toEqual([{ line: 2, code: 'untitled', detail: 'กิจกรรมไม่มีชื่อ' }]);
    expect(count(result)).toBe(3);
  });

  it('reads recur_instances.ics (a VTIMEZONE without TZID) without throwing', () => {
    const result = read('recur_instances.ics');
    expect(result.ok && result.activities.map((a) => a.uid)).toEqual([
      '623c13c0-6c2b-45d6-a12b-c33ad61c4868',
      '623c13c0-6c2b-45d6-a12b-c33ad61c4868#2012-10-02T17:00:00.000Z',
      '623c13c0-6c2b-45d6-a12b-c33ad61c4868#2012-11-05T18:00:00.000Z',
    ]);
  });

  it('says which overrides of google_birthday.ics have no series in the file, instead of adding them (3 occurrences, not 4)', () => {
    const result = read('google_birthday.ics');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.activities).toHaveLength(1);
    expect(count(result)).toBe(3);
    expect(result.skipped.map((s) => [s.line, s.code, s.detail])).toEqual([
      [27, 'orphan-override', 'BIRTHDAY_79d389868f96182e@google.com'],
      [48, 'orphan-override', 'BIRTHDAY_79d389868f96182e@google.com'],
      [69, 'orphan-override', 'BIRTHDAY_79d389868f96182e@google.com'],
    ]);
  });
});
