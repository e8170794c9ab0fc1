import { describe, expect, it } from 'vitest';
import { allDayEnd } from '../../../shared/calendar/calendar-dates';
import type { CalendarItem } from './calendar-items';
import { itemAt, landingOf, stepLanding, withCarried, type Landing } from './keyboard-move';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);
// The seminar of the sample data: all day on 24 and 25 August 2565.
const seminar: Landing = { start: local(2022, 8, 24), end: local(2022, 8, 26), allDay: true };
const meeting: Landing = { start: local(2022, 8, 16, 9, 30), end: local(2022, 8, 16, 12), allDay: false };

function item(key: string, start: Date, end: Date, allDay: boolean): CalendarItem {
  return { key, title: key, start, end, allDay, occurrence: {} as CalendarItem['occurrence'] };
}

describe('landingOf', () => {
  it('gives an all-day activity an exclusive end, as a drop in the month grid reports it', () => {
    expect(landingOf({ start: local(2022, 8, 24), end: allDayEnd(local(2022, 8, 25)), allDay: true })).toEqual(seminar);
    expect(landingOf({ ...meeting })).toEqual(meeting);
  });
});

describe('stepLanding', () => {
  it('moves a day with ← and →, in every view', () => {
    expect(stepLanding(seminar, 'ArrowRight', { shift: false, view: 'month' })).toEqual({ start: local(2022, 8, 25), end: local(2022, 8, 27), allDay: true });
    expect(stepLanding(meeting, 'ArrowLeft', { shift: false, view: 'week' })).toEqual({ start: local(2022, 8, 15, 9, 30), end: local(2022, 8, 15, 12), allDay: false });
  });

  it('moves a week with ↑ and ↓ in the month view, across the month end', () => {
    expect(stepLanding(seminar, 'ArrowDown', { shift: false, view: 'month' })).toEqual({ start: local(2022, 8, 31), end: local(2022, 9, 2), allDay: true });
    expect(stepLanding(meeting, 'ArrowUp', { shift: false, view: 'month' })).toEqual({ start: local(2022, 8, 9, 9, 30), end: local(2022, 8, 9, 12), allDay: false });
  });

  it('moves a timed activity half an hour with ↑ and ↓ in the week and day views', () => {
    expect(stepLanding(meeting, 'ArrowDown', { shift: false, view: 'day' })).toEqual({ start: local(2022, 8, 16, 10), end: local(2022, 8, 16, 12, 30), allDay: false });
    expect(stepLanding(meeting, 'ArrowUp', { shift: false, view: 'week' })).toEqual({ start: local(2022, 8, 16, 9), end: local(2022, 8, 16, 11, 30), allDay: false });
    // An all-day one has no time to move in: a week, as in the month.
    expect(stepLanding(seminar, 'ArrowUp', { shift: false, view: 'week' })?.start).toEqual(local(2022, 8, 17));
  });

  it('with Shift moves only the end: longer or shorter, never shorter than a day or half an hour', () => {
    expect(stepLanding(seminar, 'ArrowRight', { shift: true, view: 'month' })).toEqual({ ...seminar, end: local(2022, 8, 27) });
    const oneDay = stepLanding(seminar, 'ArrowLeft', { shift: true, view: 'month' });
    expect(oneDay).toEqual({ ...seminar, end: local(2022, 8, 25) });
    expect(stepLanding(oneDay!, 'ArrowLeft', { shift: true, view: 'month' })).toBeNull();
    expect(stepLanding(meeting, 'ArrowDown', { shift: true, view: 'day' })).toEqual({ ...meeting, end: local(2022, 8, 16, 12, 30) });
    expect(stepLanding(meeting, 'ArrowRight', { shift: true, view: 'week' })).toEqual({ ...meeting, end: local(2022, 8, 17, 12) });
    expect(stepLanding(meeting, 'ArrowLeft', { shift: true, view: 'week' })).toBeNull();
    const halfHour = { ...meeting, end: local(2022, 8, 16, 10) };
    expect(stepLanding(halfHour, 'ArrowUp', { shift: true, view: 'day' })).toBeNull();
  });
});

describe('itemAt and withCarried', () => {
  it('draws the carried item where it would land, in place of itself, or added when its day is off screen', () => {
    const a = item('a', local(2022, 8, 24), allDayEnd(local(2022, 8, 25)), true);
    const b = item('b', meeting.start, meeting.end, false);
    const moved = itemAt(a, { start: local(2022, 8, 31), end: local(2022, 9, 2), allDay: true });
    expect([moved.start, moved.end]).toEqual([local(2022, 8, 31), allDayEnd(local(2022, 9, 1))]);
    expect(withCarried([a, b], moved)).toEqual([moved, b]);
    expect(withCarried([b], moved)).toEqual([b, moved]);
  });
});
