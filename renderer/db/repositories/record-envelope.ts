import { uuidv7 } from '../../../shared/ids/uuid-v7';

/** What every new synced record starts with: a time-ordered id, its scope, live, created and updated now. */
export interface RecordEnvelope {
  id: string;
  provinceCode: string;
  districtCode: string | null;
  deleted: false;
  createdAt: string;
  updatedAt: string;
}

/** Every new synced record: a time-ordered id, its scope, live. (Tables with no timestamps use this alone.) */
export function newRecordIdentity(provinceCode: string, districtCode: string | null, now: Date): Omit<RecordEnvelope, 'createdAt' | 'updatedAt'> {
  return { id: uuidv7(now.getTime()), provinceCode, districtCode, deleted: false };
}

/** `districtCode` is the amphoe the record belongs to (from its tambon for roster records), or null province-wide. */
export function newRecordEnvelope(provinceCode: string, districtCode: string | null, now: Date): RecordEnvelope {
  const at = now.toISOString();
  return { ...newRecordIdentity(provinceCode, districtCode, now), createdAt: at, updatedAt: at };
}

/** The amphoe (4-digit DOPA code) of a tambon code. */
export const amphoeOf = (tambonCode: string): string => tambonCode.slice(0, 4);
