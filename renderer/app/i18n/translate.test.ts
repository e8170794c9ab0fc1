import { describe, expect, it } from 'vitest';
import { catalogueEn as messagesEn, catalogueTh as messagesTh } from './catalogue';
import { createTranslate } from './translate';

describe('translate', () => {
  it('fills placeholders and groups numbers', () => {
    expect(createTranslate('th')('status.pending', { count: 1234 })).toBe('รอซิงก์ 1,234 รายการ');
    expect(createTranslate('en')('status.pending', { count: 3 })).toBe('3 changes waiting to sync');
  });

  it('has every Thai message in English too, and no empty message', () => {
    expect(Object.keys(messagesEn).sort()).toEqual(Object.keys(messagesTh).sort());
    for (const text of [...Object.values(messagesTh), ...Object.values(messagesEn)]) expect(text.trim()).not.toBe('');
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(messagesTh) as (keyof typeof messagesTh)[]) {
      expect(placeholders(messagesEn[key]), key).toEqual(placeholders(messagesTh[key]));
    }
  });
});
