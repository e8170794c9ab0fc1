import { describe, expect, it } from 'vitest';
import { attendanceByGroup } from './attendance-totals';
import { validateEventDraft, type EventDraft } from './event-draft';

const base: EventDraft = {
  title: 'ประชุมประจำเดือน',
  type: 'meeting',
  allDay: false,
  startDate: '2022-06-16',
  startTime: '09:30',
  endDate: '2022-06-16',
  endTime: '12:00',
  place: ' ห้องประชุมราชสีห์ ',
  amphoeCode: '5701',
  tambonCode: '570101',
  organiser: '',
  description: '',
  expected: [{ group: 'ผู้อำนวยการ', count: '77' }, { group: '', count: '' }],
  actual: [],
  recurrence: 'none',
  until: '',
  customRule: '',
  rdates: [],
  timeZone: null,
  exdates: [],
};

describe('validateEventDraft', () => {
  it('turns a good draft into an activity at local times', () => {
    const result = validateEventDraft(base);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value).toMatchObject({ start: new Date(2022, 5, 16, 9, 30).toISOString(), end: new Date(2022, 5, 16, 12).toISOString(), place: 'ห้องประชุมราชสีห์', placeTambonCode: '570101', expected: [{ group: 'ผู้อำนวยการ', count: 77 }], rrule: null });
  });

  it('reads dates typed the Thai way, in B.E. or C.E., and times with a dot', () => {
    const result = validateEventDraft({ ...base, startDate: '16/6/2565', startTime: '09.30', endDate: '16 มิ.ย. 2022', endTime: '12.00 น.' });
    expect(result.ok && [result.value.start, result.value.end]).toEqual([new Date(2022, 5, 16, 9, 30).toISOString(), new Date(2022, 5, 16, 12).toISOString()]);
    expect(validateEventDraft({ ...base, startTime: '25.00' })).toMatchObject({ ok: false, issues: [{ field: 'start', problem: 'bad-date' }] });
    expect(validateEventDraft({ ...base, startDate: '31/2/2565' })).toMatchObject({ ok: false, issues: [{ field: 'start', problem: 'bad-date' }] });
  });

  it('refuses an end before the start, and an empty title', () => {
    expect(validateEventDraft({ ...base, title: '  ', endTime: '09:00' })).toEqual({ ok: false, issues: [{ field: 'title', problem: 'title-required' }, { field: 'end', problem: 'end-before-start' }] });
    expect(validateEventDraft({ ...base, endTime: '09:30' })).toMatchObject({ ok: false, issues: [{ field: 'end', problem: 'end-before-start' }] });
  });

  it('lets an all-day activity be one day, ending at 23.59', () => {
    const result = validateEventDraft({ ...base, allDay: true, startDate: '2022-08-24', endDate: '2022-08-25' });
    expect(result.ok && [result.value.start, result.value.end]).toEqual([new Date(2022, 7, 24).toISOString(), new Date(2022, 7, 25, 23, 59).toISOString()]);
    expect(validateEventDraft({ ...base, allDay: true, startDate: '2022-08-24', endDate: '2022-08-24' }).ok).toBe(true);
    expect(validateEventDraft({ ...base, allDay: true, startDate: '2022-08-24', endDate: '2022-08-23' })).toMatchObject({ ok: false, issues: [{ problem: 'end-before-start' }] });
  });

  it('refuses impossible dates and bad counts, row by row', () => {
    expect(validateEventDraft({ ...base, startDate: '2023-02-29' })).toMatchObject({ ok: false, issues: [{ field: 'start', problem: 'bad-date' }] });
    expect(validateEventDraft({ ...base, expected: [{ group: 'ก', count: '-1' }, { group: '', count: '3' }] })).toEqual({
      ok: false,
      issues: [{ field: 'expected', problem: 'bad-count', row: 0 }, { field: 'expected', problem: 'group-required', row: 1 }],
    });
  });

  it('builds the rule of a monthly meeting and checks its last day', () => {
    const monthly = validateEventDraft({ ...base, recurrence: 'monthly-date', until: '2022-12-31' });
    expect(monthly.ok && monthly.value.rrule).toBe('FREQ=MONTHLY;BYMONTHDAY=16;UNTIL=20221231T235959');
    expect(validateEventDraft({ ...base, recurrence: 'weekly', until: '2022-01-01' })).toMatchObject({ ok: false, issues: [{ field: 'until', problem: 'until-before-start' }] });
    expect(validateEventDraft({ ...base, recurrence: 'custom', customRule: 'FREQ=HOURLY' })).toMatchObject({ ok: false, issues: [{ field: 'recurrence', problem: 'bad-rule' }] });
  });

  it('keeps an imported set of rules, its extra dates and its zone when the activity is saved from the form', () => {
    const imported = { ...base, recurrence: 'custom' as const, customRule: 'FREQ=WEEKLY;BYDAY=TH\nFREQ=MONTHLY;BYDAY=1MO', rdates: ['2022-06-25T02:30:00.000Z'], timeZone: 'Asia/Bangkok' };
    const kept = validateEventDraft(imported);
    expect(kept.ok && [kept.value.rrule, kept.value.rdates, kept.value.timeZone]).toEqual(['FREQ=WEEKLY;BYDAY=TH\nFREQ=MONTHLY;BYDAY=1MO', ['2022-06-25T02:30:00.000Z'], 'Asia/Bangkok']);
    // Choosing a preset instead starts a plain local rule.
    const weekly = validateEventDraft({ ...imported, recurrence: 'weekly' });
    expect(weekly.ok && [weekly.value.rdates, weekly.value.timeZone]).toEqual([[], null]);
  });
});

describe('attendanceByGroup', () => {
  it('adds counted and checked-in people per group, and the groups add up', () => {
    const summary = attendanceByGroup(
      [{ group: 'ผู้แทน ศส.ปชต.', count: 308 }, { group: 'สื่อมวลชน', count: 17 }],
      [{ group: 'ผู้แทน ศส.ปชต.', count: 300 }],
      [{ group: 'ผู้แทน ศส.ปชต.' }, { group: 'วิทยากร' }, { group: 'วิทยากร' }],
    );
    expect(summary.groups).toEqual([
      { group: 'ผู้แทน ศส.ปชต.', expected: 308, counted: 300, checkedIn: 1, total: 301 },
      { group: 'สื่อมวลชน', expected: 17, counted: 0, checkedIn: 0, total: 0 },
      { group: 'วิทยากร', expected: 0, counted: 0, checkedIn: 2, total: 2 },
    ]);
    expect(summary.total).toBe(303);
    expect(summary.expected).toBe(325);
  });
});
