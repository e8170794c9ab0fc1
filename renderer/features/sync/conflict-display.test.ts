import { describe, expect, it } from 'vitest';
import { displayFieldValue } from './conflict-value-text';

describe('conflict values as a person reads them', () => {
  it('masks a national ID and formats a phone', () => {
    expect(displayFieldValue('nationalId', '1101700230708')).toBe('x-xxxx-xxxx0-70-8');
    expect(displayFieldValue('phone', '0822222222')).toBe('082-222-2222');
    expect(displayFieldValue('lead', '<p>ข้อความ <strong>นำ</strong></p>')).toBe('ข้อความ นำ');
    expect(displayFieldValue('village', null)).toBe('—');
  });
});
