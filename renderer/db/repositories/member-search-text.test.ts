import { describe, expect, it } from 'vitest';
import { redactedValue } from '../../../shared/domain/redacted-value';
import { tokenizeForSearch } from '../../../shared/thai/search-tokens';
import { memberSearchText, memberSearchTokens } from './member-search-text';

describe('a person’s search tokens', () => {
  it('are the tokens of the whole search text, part by part, however often a name repeats', () => {
    const rows = [
      { firstName: 'สมชาย', lastName: 'ใจดีมีสุข', phone: '081-234-5678', nationalId: '3570001234567' },
      { firstName: 'จ.ส.อ.สมศักดิ์', lastName: 'ศส.ปชต.', phone: '0812345678', nationalId: null },
      { firstName: 'น้ำฝน', lastName: 'นํ้าใจ', phone: redactedValue(), nationalId: redactedValue('x-xxxx-xxxxx-45-67') },
      { firstName: 'Somchai', lastName: 'ใจดี ๒', phone: '', nationalId: '12' },
      { firstName: 'ทด', lastName: 'สอบ', phone: ' 081 234-5678 ', nationalId: '1-2345-67890-12-3' },
      { firstName: 'ทด', lastName: 'สอบ', phone: '-0812345678-', nationalId: null },
      { firstName: 'สมชาย', lastName: 'ใจดีมีสุข', phone: '089-999-0000', nationalId: '1100000000001' },
    ];
    for (const row of [...rows, ...rows]) expect(new Set(memberSearchTokens(row))).toEqual(new Set(tokenizeForSearch(memberSearchText(row))));
    expect(memberSearchTokens({ ...rows[0]!, deleted: true })).toEqual([]);
  });
});
