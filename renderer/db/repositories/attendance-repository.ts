import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import type { RecordWriter } from '../record-writer';
import type { WorkScope } from './author';
import { newRecordIdentity } from './record-envelope';

export interface CheckInInput {
  eventId: string;
  /** A roster member, or null for a person written in by name. */
  memberId: string | null;
  personName: string;
  group: string;
}

/** People checked in at calendar activities. A check-out is a tombstone, so it syncs like any edit. */
export class AttendanceRepository {
  constructor(
    private readonly db: DeskDatabase,
    private readonly writer: RecordWriter,
  ) {}

  /** Checks a person in once: a second check-in of the same member returns the first. */
  async checkIn(input: CheckInInput, scope: WorkScope, now = new Date()): Promise<LocalRecord<'attendance'>> {
    return this.db.transaction('rw', [this.db.attendance, this.db.outbox, this.db.syncState], async () => {
      if (input.memberId) {
        const already = await this.db.attendance.where('eventId').equals(input.eventId).filter((a) => !a.deleted && a.memberId === input.memberId).first();
        if (already) return already;
      }
      return this.writer.create('attendance', {
        ...input,
        personName: input.personName.trim(),
        group: input.group.trim(),
        ...newRecordIdentity(scope.provinceCode, scope.districtCode, now),
        checkedInAt: now.toISOString(),
      });
    });
  }

  remove(id: string): Promise<void> {
    return this.writer.remove('attendance', id);
  }

  async ofEvent(eventId: string): Promise<LocalRecord<'attendance'>[]> {
    const rows = await this.db.attendance.where('eventId').equals(eventId).filter((a) => !a.deleted).toArray();
    return rows.sort((a, b) => a.checkedInAt.localeCompare(b.checkedInAt));
  }
}
