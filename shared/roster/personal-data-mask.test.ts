import { describe, expect, it } from 'vitest';
import { maskEmail, maskLineId } from './personal-data-mask';

describe('masked contact details', () => {
  it('keep only the first letters and the mail domain', () => {
    expect(maskEmail('somjai.jaidee@example.go.th')).toBe('s•••@example.go.th');
    expect(maskEmail('สมใจ@ไทย.com')).toBe('ส•••@ไทย.com');
    expect(maskEmail('no-at-sign-here')).toBe('no•••');
    expect(maskLineId('somjai2565')).toBe('so•••');
    expect(maskLineId('abc')).toBe('•••');
  });
});
