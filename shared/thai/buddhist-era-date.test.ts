import { describe, it, expect } from 'vitest';
import {
  BUDDHIST_ERA_OFFSET,
  THAI_MONTHS,
  THAI_MONTHS_SHORT,
  THAI_WEEKDAYS,
  THAI_WEEKDAY_HEADS,
  fiscalYearOf,
  formatDateRange,
  formatDateWithWeekday,
  formatLongDate,
  formatMonthHeading,
  formatShortDate,
  formatTime,
  fromThaiDigits,
  parseThaiDate,
  toBuddhistYear,
  toGregorianYear,
  toThaiDigits,
} from './buddhist-era-date';

// All dates are built from local components, so the results do not depend on the machine's zone.
const JUNE_16_2022 = new Date(2022, 5, 16);
const INVALID = new Date(Number.NaN);

function everyDayOf(year: number): Date[] {
  const days: Date[] = [];
  for (let d = new Date(year, 0, 1); d.getFullYear() === year; d = new Date(year, d.getMonth(), d.getDate() + 1)) {
    days.push(d);
  }
  return days;
}

describe('fixed Thai names', () => {
  it('has twelve months that match what Intl prints', () => {
    expect(THAI_MONTHS).toHaveLength(12);
    expect(THAI_MONTHS_SHORT).toHaveLength(12);
    THAI_MONTHS.forEach((name, m) => {
      const first = new Date(2022, m, 1);
      expect(formatLongDate(first)).toBe(`1 ${name} ${toBuddhistYear(2022)}`);
      expect(formatShortDate(first)).toBe(`1 ${THAI_MONTHS_SHORT[m]} ${toBuddhistYear(2022)}`);
    });
  });

  it('starts the week on Sunday with the short forms of the full weekday names', () => {
    expect(THAI_WEEKDAY_HEADS).toEqual(['อา.', 'จ.', 'อ.', 'พ.', 'พฤ.', 'ศ.', 'ส.']);
    const sunday = new Date(2022, 0, 2);
    expect(sunday.getDay()).toBe(0);
    THAI_WEEKDAY_HEADS.forEach((head, i) => {
      const full = THAI_WEEKDAYS[i] ?? '';
      expect(full).toContain(head.replace('.', ''));
      const day = new Date(2022, 0, 2 + i);
      expect(formatDateWithWeekday(day).startsWith(`วัน${full}ที่ `)).toBe(true);
    });
  });
});

describe('Thai digits', () => {
  it('converts every digit both ways and leaves other text alone', () => {
    expect(toThaiDigits('0123456789')).toBe('๐๑๒๓๔๕๖๗๘๙');
    expect(fromThaiDigits('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
    expect(toThaiDigits('พ.ศ. 2565 – 09.30 น.')).toBe('พ.ศ. ๒๕๖๕ – ๐๙.๓๐ น.');
    expect(fromThaiDigits(toThaiDigits('abc 42 กขค'))).toBe('abc 42 กขค');
  });

  it('accepts numbers and empty strings', () => {
    expect(toThaiDigits(2565)).toBe('๒๕๖๕');
    expect(toThaiDigits('')).toBe('');
    expect(fromThaiDigits('')).toBe('');
  });
});

describe('era years', () => {
  it('switches between CE and BE', () => {
    expect(toBuddhistYear(2022)).toBe(2022 + BUDDHIST_ERA_OFFSET);
    expect(toGregorianYear(toBuddhistYear(1999))).toBe(1999);
  });
});

describe('formatMonthHeading', () => {
  it('writes the month and BE year', () => {
    expect(formatMonthHeading(new Date(2022, 7, 1))).toBe('สิงหาคม 2565');
  });

  it('writes the CE year on request, and Thai digits', () => {
    expect(formatMonthHeading(new Date(2022, 7, 31), { era: 'ce' })).toBe('สิงหาคม 2022');
    expect(formatMonthHeading(new Date(2022, 7, 31), { thaiDigits: true })).toBe('สิงหาคม ๒๕๖๕');
  });

  it('rejects an invalid date', () => {
    expect(() => formatMonthHeading(INVALID)).toThrow(RangeError);
  });
});

describe('formatShortDate, formatLongDate, formatDateWithWeekday', () => {
  it('match the house formats', () => {
    expect(formatShortDate(JUNE_16_2022)).toBe('16 มิ.ย. 2565');
    expect(formatLongDate(JUNE_16_2022)).toBe('16 มิถุนายน 2565');
    expect(formatDateWithWeekday(JUNE_16_2022)).toBe('วันพฤหัสบดีที่ 16 มิถุนายน 2565');
  });

  it('switch to CE and to Thai digits', () => {
    expect(formatShortDate(JUNE_16_2022, { era: 'ce' })).toBe('16 มิ.ย. 2022');
    expect(formatLongDate(JUNE_16_2022, { era: 'ce' })).toBe('16 มิถุนายน 2022');
    expect(formatDateWithWeekday(JUNE_16_2022, { era: 'ce' })).toBe('วันพฤหัสบดีที่ 16 มิถุนายน 2022');
    expect(formatShortDate(JUNE_16_2022, { thaiDigits: true })).toBe(toThaiDigits(formatShortDate(JUNE_16_2022)));
  });

  it('ignore the time of day', () => {
    expect(formatShortDate(new Date(2022, 5, 16, 23, 59))).toBe(formatShortDate(new Date(2022, 5, 16, 0, 0)));
  });

  it('reject an invalid date', () => {
    expect(() => formatShortDate(INVALID)).toThrow(RangeError);
    expect(() => formatLongDate(INVALID)).toThrow(RangeError);
    expect(() => formatDateWithWeekday(INVALID)).toThrow(RangeError);
  });
});

describe('formatTime', () => {
  it('uses a dot, two-digit hours and "น."', () => {
    expect(formatTime(new Date(2022, 5, 16, 9, 30))).toBe('09.30 น.');
    expect(formatTime(new Date(2022, 5, 16, 16, 5))).toBe('16.05 น.');
  });

  it('writes midnight as 00.00, not 24.00', () => {
    expect(formatTime(new Date(2022, 5, 16, 0, 0))).toBe('00.00 น.');
    expect(formatTime(new Date(2022, 5, 16, 23, 59))).toBe('23.59 น.');
  });

  it('writes Thai digits on request', () => {
    expect(formatTime(new Date(2022, 5, 16, 9, 30), { thaiDigits: true })).toBe('๐๙.๓๐ น.');
  });

  it('rejects an invalid date', () => {
    expect(() => formatTime(INVALID)).toThrow(RangeError);
  });
});

describe('formatDateRange', () => {
  it('shares month and year within a month', () => {
    expect(formatDateRange(new Date(2022, 7, 24), new Date(2022, 7, 25))).toBe('24 – 25 ส.ค. 2565');
  });

  it('shares the year across months', () => {
    expect(formatDateRange(new Date(2022, 8, 30), new Date(2022, 9, 2))).toBe('30 ก.ย. – 2 ต.ค. 2565');
  });

  it('writes both dates in full across years', () => {
    const start = new Date(2022, 11, 30);
    const end = new Date(2023, 0, 2);
    expect(formatDateRange(start, end)).toBe(`${formatShortDate(start)} – ${formatShortDate(end)}`);
    expect(formatDateRange(start, end, { era: 'ce' })).toBe('30 ธ.ค. 2022 – 2 ม.ค. 2023');
  });

  it('writes a one-day range as one date, whatever the times', () => {
    expect(formatDateRange(new Date(2022, 7, 24, 9), new Date(2022, 7, 24, 17))).toBe(formatShortDate(new Date(2022, 7, 24)));
  });

  it('writes Thai digits on request', () => {
    expect(formatDateRange(new Date(2022, 7, 24), new Date(2022, 7, 25), { thaiDigits: true })).toBe('๒๔ – ๒๕ ส.ค. ๒๕๖๕');
  });

  it('rejects a range that ends before it starts, and invalid dates', () => {
    expect(() => formatDateRange(new Date(2022, 7, 25), new Date(2022, 7, 24))).toThrow(RangeError);
    expect(() => formatDateRange(INVALID, JUNE_16_2022)).toThrow(RangeError);
    expect(() => formatDateRange(JUNE_16_2022, INVALID)).toThrow(RangeError);
  });
});

describe('fiscalYearOf', () => {
  it('changes year on 1 October', () => {
    expect(fiscalYearOf(new Date(2022, 8, 30, 23, 59))).toBe(toBuddhistYear(2022));
    expect(fiscalYearOf(new Date(2022, 9, 1))).toBe(2566);
  });

  it('names every day of a calendar year by the September its fiscal year ends in', () => {
    for (const day of everyDayOf(2024)) {
      const endsIn = day.getMonth() >= 9 ? 2025 : 2024;
      expect(fiscalYearOf(day)).toBe(toBuddhistYear(endsIn));
    }
  });

  it('rejects an invalid date', () => {
    expect(() => fiscalYearOf(INVALID)).toThrow(RangeError);
  });
});

describe('parseThaiDate', () => {
  it.each([
    '16/06/2565',
    '16/6/2022',
    '16-06-2565',
    '16.06.2565',
    '2565-06-16',
    '2022-06-16',
    '16 มิ.ย. 2565',
    '16 มิย 2565',
    '16มิ.ย.2565',
    '16 มิถุนายน 2565',
    '16 มิถุนายน พ.ศ. 2565',
    '16 มิถุนายน ค.ศ. 2022',
    '  16   มิถุนายน   2565 ',
    '๑๖/๐๖/๒๕๖๕',
    '๑๖ มิ.ย. ๒๕๖๕',
    'วันที่ 16 มิ.ย. 2565',
    'วันพฤหัสบดีที่ 16 มิถุนายน 2565',
  ])('reads %s as 16 June 2022', (input) => {
    expect(parseThaiDate(input)?.getTime()).toBe(JUNE_16_2022.getTime());
  });

  it.each([
    '',
    '   ',
    'เมื่อวาน',
    '31/02/2565',
    '29/02/2565',
    '16/13/2565',
    '00/06/2565',
    '16/06/65',
    '16/06/22565',
    '2565-13-01',
    '16 มิถุนา 2565',
    '16 June 2022',
    '32 มิ.ย. 2565',
    'วันพุธที่ 16 มิถุนายน 2565',
    'วันเสาร์ที่ 16/06/2565',
    '16/06/2565 เป็นต้นไป',
  ])('rejects %j', (input) => {
    expect(parseThaiDate(input)).toBeNull();
  });

  it('knows leap years in either era', () => {
    const leapDay = new Date(2024, 1, 29).getTime();
    expect(parseThaiDate('29/02/2567')?.getTime()).toBe(leapDay);
    expect(parseThaiDate('29/02/2024')?.getTime()).toBe(leapDay);
  });

  it('takes years above 2400 as BE unless the era is written', () => {
    expect(parseThaiDate('01/01/2401')?.getFullYear()).toBe(toGregorianYear(2401));
    expect(parseThaiDate('01/01/2400')?.getFullYear()).toBe(2400);
    expect(parseThaiDate('1 มกราคม พ.ศ. 2400')?.getFullYear()).toBe(toGregorianYear(2400));
    expect(parseThaiDate('1 มกราคม ค.ศ. 2500')?.getFullYear()).toBe(2500);
  });

  it('reads back every date it formats, in either era and with Thai digits', () => {
    for (const day of everyDayOf(2024)) {
      for (const era of ['be', 'ce'] as const) {
        for (const thaiDigits of [false, true]) {
          const options = { era, thaiDigits };
          expect(parseThaiDate(formatShortDate(day, options))?.getTime()).toBe(day.getTime());
          expect(parseThaiDate(formatLongDate(day, options))?.getTime()).toBe(day.getTime());
          expect(parseThaiDate(formatDateWithWeekday(day, options))?.getTime()).toBe(day.getTime());
        }
      }
    }
  });
});
