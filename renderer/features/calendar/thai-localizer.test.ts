import { describe, expect, it } from 'vitest';
import { thaiLocalizer } from './thai-localizer';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('thaiLocalizer', () => {
  it('gives react-big-calendar Thai formats with the chosen era and a Sunday week', () => {
    const be = thaiLocalizer('be');
    expect(be.format(local(2022, 8, 1), 'monthHeaderFormat')).toBe('สิงหาคม 2565');
    expect(be.format(local(2022, 8, 24), 'weekdayFormat')).toBe('พ.');
    expect(be.format({ start: local(2022, 12, 25), end: local(2022, 12, 31) }, 'dayRangeHeaderFormat')).toBe('25 – 31 ธ.ค. 2565');
    expect(be.format({ start: local(2022, 6, 16, 9, 30), end: local(2022, 6, 16, 12) }, 'eventTimeRangeFormat')).toBe('09.30 – 12.00 น.');
    expect(thaiLocalizer('ce').format(local(2022, 8, 1), 'monthHeaderFormat')).toBe('สิงหาคม 2022');
    expect(be.startOfWeek('th')).toBe(0);
    expect(be.startOf(local(2022, 8, 24), 'week', 0)).toEqual(local(2022, 8, 21));
  });
});
