import { describe, expect, it } from 'vitest';
import { describeRecurrence } from './recurrence-description';
import { buildRule } from './recurrence';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);
const at = (start: Date, rrule: string | null, extra: { rdates?: string[]; timeZone?: string | null } = {}) => ({ start: start.toISOString(), rrule, ...extra });

describe('describeRecurrence', () => {
  it('says a weekly rule in Thai with its last day in Buddhist Era, never the RRULE text', () => {
    const monday = local(2022, 8, 1, 9, 30);
    expect(describeRecurrence(at(monday, 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20220829T235959'))).toBe('ทุกวันจันทร์ จนถึง 29 ส.ค. 2565');
    expect(describeRecurrence(at(monday, buildRule('weekly', monday, local(2022, 8, 29))))).toBe('ทุกวันจันทร์ จนถึง 29 ส.ค. 2565');
    expect(describeRecurrence(at(monday, 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20220829T235959'), { era: 'ce' })).toBe('ทุกวันจันทร์ จนถึง 29 ส.ค. 2022');
    expect(describeRecurrence(at(monday, 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20220829T235959'), { language: 'en' })).toBe('Every Monday until 29 ส.ค. 2565');
  });

  it('says each preset of the form', () => {
    const start = local(2022, 8, 31, 9, 30);
    const say = (preset: Parameters<typeof buildRule>[0]) => describeRecurrence(at(start, buildRule(preset, start, null)));
    expect(say('daily')).toBe('ทุกวัน');
    expect(say('weekly')).toBe('ทุกวันพุธ');
    expect(say('monthly-date')).toBe('ทุกเดือน วันที่ 31');
    expect(say('monthly-weekday')).toBe('ทุกวันพุธสุดท้ายของเดือน');
    expect(say('yearly')).toBe('ทุกปี วันที่ 31 สิงหาคม');
    expect(describeRecurrence(at(local(2022, 6, 6), 'FREQ=MONTHLY;BYDAY=1MO'))).toBe('ทุกวันจันทร์แรกของเดือน');
    expect(describeRecurrence(at(local(2022, 6, 14), 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6'))).toBe('ทุกวันอังคารที่ 2 ของเดือน รวม 6 ครั้ง');
    expect(describeRecurrence(at(start, null))).toBeNull();
  });

  it('says what imported calendars carry: intervals, several days and rules, extra dates, exclusions, another zone', () => {
    const start = local(2022, 10, 3, 13);
    expect(describeRecurrence(at(start, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE'))).toBe('ทุก 2 สัปดาห์ วันจันทร์ และวันพุธ');
    expect(describeRecurrence(at(start, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'))).toBe('ทุกวันจันทร์ถึงวันศุกร์');
    expect(describeRecurrence(at(start, 'FREQ=WEEKLY;BYDAY=MO\nFREQ=MONTHLY;BYDAY=-1FR\nEXRULE:FREQ=YEARLY;BYMONTH=4'))).toBe(
      'ทุกวันจันทร์ และทุกวันศุกร์สุดท้ายของเดือน ยกเว้นทุกปี ในเดือนเมษายน',
    );
    expect(describeRecurrence(at(start, 'FREQ=MONTHLY;BYDAY=1MO', { rdates: [local(2022, 10, 20, 13).toISOString()], timeZone: 'America/Los_Angeles' }))).toBe(
      'ทุกวันจันทร์แรกของเดือน และวันที่ 20 ต.ค. 2565 (ตามเวลา America/Los_Angeles)',
    );
    // Dates only (RDATE without RRULE, kept with Google's one-time rule): the dates themselves.
    const dates = [local(2022, 11, 5, 13), local(2022, 11, 10, 13), local(2022, 12, 1, 13), local(2022, 12, 8, 13)].map((d) => d.toISOString());
    expect(describeRecurrence(at(start, 'FREQ=DAILY;COUNT=1', { rdates: dates }))).toBe('ตามวันที่ 3 ต.ค. 2565, 5 พ.ย. 2565, 10 พ.ย. 2565 และอีก 2 วัน');
  });
});
