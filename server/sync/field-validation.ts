import type { z } from 'zod';
import { RECORD_META_FIELDS } from '../../shared/domain/common';
import { isRedactedField } from '../../shared/domain/redacted-value';
import { SYNCED_TABLE_SCHEMAS, type SyncedTable } from '../../shared/domain/synced-tables';

/**
 * Field-level validation of pushed values with the shared record schemas. Records merge field by field,
 * so each field is checked on its own; the scope fields are not writable through `changes`.
 */
export function validateField(table: SyncedTable, field: string, value: unknown): 'ok' | 'unknown-field' | 'invalid-value' {
  if ((RECORD_META_FIELDS as readonly string[]).includes(field)) return 'unknown-field';
  const shape = SYNCED_TABLE_SCHEMAS[table].shape as Record<string, z.ZodType>;
  if (!Object.hasOwn(shape, field)) return 'unknown-field';
  const schema = shape[field];
  if (schema === undefined) return 'unknown-field';
  // What the server withheld from a device never comes back as a value: it would overwrite the real one.
  if (isRedactedField(table, field, value)) return 'invalid-value';
  return schema.safeParse(value).success ? 'ok' : 'invalid-value';
}
