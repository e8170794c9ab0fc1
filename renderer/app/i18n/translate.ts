import type { Language } from '../../../shared/ipc/desk-api';
import { catalogueEn, catalogueTh, type MessageKey } from './catalogue';

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { th: catalogueTh, en: catalogueEn };

/** Looks a message up and fills its {placeholders}; numbers are grouped the Thai/English way. */
export function createTranslate(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  const numberFormat = new Intl.NumberFormat(language === 'th' ? 'th-TH' : 'en-GB');
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params?.[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numberFormat.format(value) : value;
    });
}
