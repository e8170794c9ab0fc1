import { useCallback } from 'react';
import type { SyncedTable } from '../../../shared/domain/synced-tables';
import { useDateFormat } from '../../app/use-date-format';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import { fieldValueText } from './field-display';

/** fieldValueText with the user's language and era, and place names once they are loaded. */
export function useFieldValueText(): (table: SyncedTable, field: string, value: unknown) => string {
  const t = useTranslate();
  const { era } = useDateFormat();
  const geography = useThaiGeography();
  return useCallback((table, field, value) => fieldValueText(table, field, value, { t, era, placeName: (code) => geography?.describePlace(code) }), [t, era, geography]);
}
