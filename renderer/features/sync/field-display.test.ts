import { describe, expect, it } from 'vitest';
import { SYNCED_TABLE_SCHEMAS, SYNCED_TABLES } from '../../../shared/domain/synced-tables';
import { loadThaiGeography } from '../../../shared/geography/thai-geography';
import { createTranslate } from '../../app/i18n/translate';
import { fieldValueText, isDescribedField, isMergeableField, isShownField } from './field-display';
import { fieldLabel } from './use-sync';

const th = createTranslate('th');
const en = createTranslate('en');
const context = { t: th, era: 'be' as const };

describe('every synced field, as the sync screens show it', () => {
  const fields = SYNCED_TABLES.flatMap((table) => Object.keys(SYNCED_TABLE_SCHEMAS[table].shape).map((field) => [table, field] as const));

  it('is described: shown with its own Thai and English label, or hidden as bookkeeping', () => {
    const undescribed = fields.filter(([table, field]) => !isDescribedField(table, field));
    expect(undescribed).toEqual([]);
    const unlabelled = fields.filter(([table, field]) => isShownField(table, field) && (fieldLabel(th, field, table) === field || fieldLabel(en, field, table) === field));
    expect(unlabelled).toEqual([]);
  });

  it('keeps bookkeeping and internal references out of sight', () => {
    for (const field of ['id', 'createdAt', 'updatedAt', 'photoAttachmentId', 'mergedFromIds']) expect(isShownField('members', field)).toBe(false);
    for (const field of ['sha256', 'mimeType', 'ownerId']) expect(isShownField('attachments', field)).toBe(false);
  });
});

describe('field values as a person reads them', () => {
  it('shows places by their DOPA names, dates in Buddhist Era, fixed choices in Thai', async () => {
    const geography = await loadThaiGeography();
    const withPlaces = { ...context, placeName: (code: string) => geography.describePlace(code) };
    expect(fieldValueText('centres', 'tambonCode', '570101', withPlaces)).toBe('ต.เวียง อ.เมืองเชียงราย จ.เชียงราย');
    expect(fieldValueText('centres', 'tambonCode', '570101', context)).toBe('570101');
    expect(fieldValueText('centres', 'status', 'active', context)).toBe('ดำเนินการอยู่');
    expect(fieldValueText('centres', 'establishedOn', '2022-08-24', context)).toBe('24 ส.ค. 2565');
    expect(fieldValueText('events', 'type', 'seminar', context)).toBe('สัมมนา/เสวนา');
    expect(fieldValueText('events', 'start', '2022-08-24T02:30:00.000Z', context)).toMatch(/^24 ส\.ค\. 2565 \d{2}\.30 น\.$/);
    expect(fieldValueText('news', 'status', 'in_review', context)).toBe(th('news.status.in_review'));
    expect(fieldValueText('partners', 'level', 'tambon', context)).toBe(th('roster.partner.level.tambon'));
    expect(fieldValueText('news', 'deleted', true, context)).toBe('ลบรายการนี้');
    expect(fieldValueText('events', 'allDay', false, context)).toBe('ไม่ใช่');
    expect(fieldValueText('events', 'expected', [{ group: 'ผู้อำนวยการ', count: 77 }, { group: 'สื่อมวลชน', count: 17 }], context)).toBe('ผู้อำนวยการ 77, สื่อมวลชน 17');
    expect(fieldValueText('auditEntries', 'fields', ['phone', 'nationalId'], context)).toBe('โทรศัพท์, เลขประจำตัวประชาชน');
  });

  it('masks a national ID, formats a phone and reads text without its markup', () => {
    expect(fieldValueText('members', 'nationalId', '1101700230708', context)).toBe('x-xxxx-xxxx0-70-8');
    expect(fieldValueText('members', 'phone', '0822222222', context)).toBe('082-222-2222');
    expect(fieldValueText('partners', 'contacts', [{ name: 'นางสาวสมใจ', position: 'ประธาน', phone: '0812345678', email: '' }], context)).toBe('นางสาวสมใจ ประธาน 081-234-5678');
    expect(fieldValueText('news', 'lead', '<p>ข้อความ <strong>นำ</strong></p>', context)).toBe('ข้อความ นำ');
    expect(fieldValueText('members', 'village', null, context)).toBe('—');
    expect(fieldValueText('news', 'bodyHtml', '<p></p>', context)).toBe('—');
    expect(isMergeableField('members', 'nationalId')).toBe(false);
    expect(isMergeableField('members', 'phone')).toBe(true);
  });

  it('masks e-mail, LINE ID and partner contacts’ e-mail as the roster does (issue 14), and offers no typed merge of them', () => {
    expect(fieldValueText('members', 'email', 'somjai.jaidee@example.go.th', context)).toBe('s•••@example.go.th');
    expect(fieldValueText('members', 'lineId', 'somjai2565', context)).toBe('so•••');
    expect(fieldValueText('partners', 'contacts', [{ name: 'นายสมชาย', position: 'เลขานุการ', phone: '0898765432', email: 'somchai@example.com' }], context)).toBe(
      'นายสมชาย เลขานุการ 089-876-5432 s•••@example.com',
    );
    for (const field of ['email', 'lineId']) expect(isMergeableField('members', field)).toBe(false);
    expect(isMergeableField('partners', 'contacts')).toBe(false);
  });
});

describe('field names on the conflicts page', () => {
  it('names a field in Thai by its table where the same field means another thing', () => {
    expect(fieldLabel(th, 'title', 'news')).toBe('หัวข้อ');
    expect(fieldLabel(th, 'title', 'members')).toBe('คำนำหน้า');
    expect(fieldLabel(th, 'caption', 'attachments')).toBe('คำบรรยายภาพ');
    expect(fieldLabel(en, 'termEnd', 'members')).toBe('Term end');
    // A field with no label (a newer build's) shows as it is named.
    expect(fieldLabel(th, 'mergedFromIds', 'members')).toBe('mergedFromIds');
  });
});
