import type { z } from 'zod';
import { RECORD_META_FIELDS } from '../../shared/domain/common';
import { isRedactedField } from '../../shared/domain/redacted-value';
import { SYNCED_TABLE_SCHEMAS, type SyncedTable } from '../../shared/domain/synced-tables';
import { canonicalJson } from '../../shared/sync/canonical-json';
import { unstorableReason } from '../../shared/sync/storable-json';

export type FieldVerdict = 'ok' | 'unknown-field' | 'invalid-value';

/**
 * Field-level validation of pushed values with the shared record schemas. Records merge field by field,
 * so each field is checked on its own; the scope fields are not writable through `changes`.
 *
 * The value is stored as it came (the device keeps the same bytes under the same stamp), so it must be
 * exactly what the schema makes of it: a value the schema would change — keys it does not know inside an
 * object, text it would trim — is refused rather than stored, since a stored copy that differs from the
 * device's would never converge. The desktop app stores the schema's own output, so it always passes.
 * Values the database cannot hold (U+0000, unpaired surrogates, Infinity, deep nesting) are refused first.
 */
export function validateField(table: SyncedTable, field: string, value: unknown): FieldVerdict {
  if ((RECORD_META_FIELDS as readonly string[]).includes(field)) return 'unknown-field';
  const shape = SYNCED_TABLE_SCHEMAS[table].shape as Record<string, z.ZodType>;
  if (!Object.hasOwn(shape, field)) return 'unknown-field';
  const schema = shape[field];
  if (schema === undefined) return 'unknown-field';
  if (value === undefined || unstorableReason(value) !== null) return 'invalid-value';
  // What the server withheld from a device never comes back as a value: it would overwrite the real one.
  if (isRedactedField(table, field, value)) return 'invalid-value';
  const parsed = schema.safeParse(value);
  if (!parsed.success) return 'invalid-value';
  return canonicalJson(parsed.data) === canonicalJson(value) ? 'ok' : 'invalid-value';
}
