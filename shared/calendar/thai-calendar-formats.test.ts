import { describe, expect, it } from 'vitest';
import { thaiCalendarFormats } from './thai-calendar-formats';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('thaiCalendarFormats', () => {
  const be = thaiCalendarFormats('be');
  const ce = thaiCalendarFormats('ce');

  it('writes every view heading with Buddhist-Era years', () => {
    expect(be.monthHeaderFormat(local(2022, 8, 1))).toBe('สิงหาคม 2565');
    expect(be.dayHeaderFormat(local(2022, 8, 24))).toBe('วันพุธที่ 24 สิงหาคม 2565');
    expect(be.dayRangeHeaderFormat({ start: local(2022, 8, 21), end: local(2022, 8, 27) })).toBe('21 – 27 ส.ค. 2565');
    expect(be.dayRangeHeaderFormat({ start: local(2022, 12, 25), end: local(2023, 1, 1) })).toBe('25 ธ.ค. 2565 – 1 ม.ค. 2566');
    expect(be.agendaHeaderFormat({ start: local(2022, 8, 1), end: local(2022, 8, 31) })).toBe('1 – 31 ส.ค. 2565');
    expect(be.agendaDateFormat(local(2022, 8, 24))).toBe('พ. 24 ส.ค. 2565');
  });

  it('switches to Christian-Era years', () => {
    expect(ce.monthHeaderFormat(local(2022, 8, 1))).toBe('สิงหาคม 2022');
    expect(ce.dayHeaderFormat(local(2022, 8, 24))).toBe('วันพุธที่ 24 สิงหาคม 2022');
    expect(ce.dayRangeHeaderFormat({ start: local(2022, 8, 21), end: local(2022, 8, 27) })).toBe('21 – 27 ส.ค. 2022');
    expect(ce.agendaDateFormat(local(2022, 8, 24))).toBe('พ. 24 ส.ค. 2022');
  });

  it('uses the fixed weekday heads, Sunday first', () => {
    const week = Array.from({ length: 7 }, (_, i) => local(2022, 8, 21 + i));
    expect(week.map(be.weekdayFormat)).toEqual(['อา.', 'จ.', 'อ.', 'พ.', 'พฤ.', 'ศ.', 'ส.']);
    expect(week.map(be.dayFormat)).toEqual(['อา. 21', 'จ. 22', 'อ. 23', 'พ. 24', 'พฤ. 25', 'ศ. 26', 'ส. 27']);
    expect(be.dateFormat(local(2022, 8, 5))).toBe('5');
  });

  it('writes times the Thai way', () => {
    const span = { start: local(2022, 6, 16, 9, 30), end: local(2022, 6, 16, 12) };
    expect(be.timeGutterFormat(local(2022, 6, 16, 0))).toBe('00.00 น.');
    expect(be.agendaTimeFormat(span.start)).toBe('09.30 น.');
    expect(be.eventTimeRangeFormat(span)).toBe('09.30 – 12.00 น.');
    expect(be.agendaTimeRangeFormat(span)).toBe('09.30 – 12.00 น.');
    expect(be.selectRangeFormat(span)).toBe('09.30 – 12.00 น.');
    expect(be.eventTimeRangeStartFormat(span)).toBe('09.30 น. –');
    expect(be.eventTimeRangeEndFormat(span)).toBe('– 12.00 น.');
  });
});
