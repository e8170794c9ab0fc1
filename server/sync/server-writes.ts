import { canonicalJson } from '../../shared/sync/canonical-json';
import { applyFieldWrites, type FieldWrite } from '../../shared/sync/field-merge';
import { ClockDriftError, type HybridLogicalClock } from '../../shared/sync/hybrid-logical-clock';
import type { Author, StoredRecord } from './record-row';

/**
 * Writes fields of a record as the server, stamped by its own clock after the stamps the fields hold, so
 * the write wins everywhere and every device converges on it at its next pull (as a conflict resolution
 * does). Fields that already hold the value are left alone. Returns whether anything changed.
 */
export function writeAsServer(record: StoredRecord, values: Record<string, unknown>, author: Author, clock: HybridLogicalClock): boolean {
  const writes: Record<string, FieldWrite> = {};
  for (const [field, value] of Object.entries(values)) {
    if (Object.hasOwn(record.values, field) && canonicalJson(record.values[field]) === canonicalJson(value)) continue;
    const held = Object.hasOwn(record.stamps, field) ? record.stamps[field] : undefined;
    try {
      if (held !== undefined) clock.receive(held);
    } catch (error) {
      // A stored stamp far ahead of this server's clock (its clock went back): a stamp now would lose.
      if (error instanceof ClockDriftError) continue;
      throw error;
    }
    writes[field] = { value, stamp: clock.tick() };
  }
  const fields = Object.keys(writes);
  if (fields.length === 0) return false;
  const merged = applyFieldWrites(record, writes);
  record.values = merged.record.values;
  record.stamps = merged.record.stamps;
  record.authors = { ...record.authors, ...Object.fromEntries(fields.map((field) => [field, author])) };
  return true;
}
