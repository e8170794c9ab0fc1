import { z } from 'zod';
import { AmphoeCode, ProvinceCode, RecordId } from '../domain/common';
import { SYNCED_TABLES, type SyncedTable } from '../domain/synced-tables';

const StampString = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/, 'invalid HLC stamp');

/** One field written by a device: the value, its HLC stamp, and the stamp it replaced as the writer saw it. */
export const FieldChangeSchema = z.object({
  value: z.unknown(),
  stamp: StampString,
  prev: StampString.nullable(),
});

/**
 * A client mutation: the unit of push. Its id is `${deviceId}:${seq}` with the device's local
 * sequence number, so a retried push is recognised and answered as applied again (Replicache).
 */
export const MutationSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}:\d{1,15}$/, 'invalid mutation id'),
  table: z.enum(SYNCED_TABLES as [SyncedTable, ...SyncedTable[]]),
  recordId: RecordId,
  provinceCode: ProvinceCode,
  districtCode: AmphoeCode.nullable(),
  changes: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/), FieldChangeSchema).refine((c) => Object.keys(c).length > 0, 'a mutation changes at least one field'),
});
export type Mutation = z.infer<typeof MutationSchema>;
export type FieldChangeWire = z.infer<typeof FieldChangeSchema>;

export function mutationId(deviceId: string, seq: number): string {
  return `${deviceId}:${seq}`;
}
