import type { Translate } from '../../app/i18n/translate';
import { RecordValidationError } from '../../db/record-validation-error';

/** A Thai sentence for a failed save: the schema's own messages, or the error's. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof RecordValidationError) return error.issues.map((i) => i.message).join(' ');
  return t('common.error', { message: error instanceof Error ? error.message : String(error) });
}
