import type { Translate } from '../../app/i18n/translate';
import { RecordValidationError } from '../../db/record-validation-error';

/** A Thai sentence for a failed write: the schema's own messages, or the error wrapped. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof RecordValidationError) return error.issues.map((i) => i.message).join(' ');
  return t('common.error', { message: error instanceof Error ? error.message : String(error) });
}
