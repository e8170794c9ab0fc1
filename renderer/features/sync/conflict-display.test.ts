import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../app/i18n/translate';
import { displayFieldValue } from './conflict-value-text';
import { fieldLabel } from './use-sync';

describe('conflict values as a person reads them', () => {
  it('masks a national ID and formats a phone', () => {
    expect(displayFieldValue('nationalId', '1101700230708')).toBe('x-xxxx-xxxx0-70-8');
    expect(displayFieldValue('phone', '0822222222')).toBe('082-222-2222');
    expect(displayFieldValue('lead', '<p>ข้อความ <strong>นำ</strong></p>')).toBe('ข้อความ นำ');
    expect(displayFieldValue('village', null)).toBe('—');
    expect(displayFieldValue('bodyHtml', '<p></p>')).toBe('—');
  });
});

describe('field names on the conflicts page', () => {
  const th = createTranslate('th');
  const en = createTranslate('en');
  it('names a field in Thai by its table where the same field means another thing', () => {
    expect(fieldLabel(th, 'title', 'news')).toBe('หัวข้อ');
    expect(fieldLabel(th, 'title', 'members')).toBe('คำนำหน้า');
    expect(fieldLabel(th, 'caption', 'attachments')).toBe('คำบรรยายภาพ');
    expect(fieldLabel(en, 'termEnd', 'members')).toBe('Term end');
    // A field with no label yet shows as it is named.
    expect(fieldLabel(th, 'mergedFromIds', 'members')).toBe('mergedFromIds');
  });
});
