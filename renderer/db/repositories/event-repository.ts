import type { CalendarEvent } from '../../../shared/domain/calendar-event';
import { uuidv7 } from '../../../shared/ids/uuid-v7';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';
import type { RecordWriter } from '../record-writer';
import type { WorkScope } from './author';

export type EventInput = Omit<CalendarEvent, 'id' | 'provinceCode' | 'districtCode' | 'deleted' | 'createdAt' | 'updatedAt'> & { districtCode?: string | null };
export type EventPatch = Partial<Omit<CalendarEvent, 'id' | 'provinceCode' | 'districtCode' | 'createdAt'>>;

export class EventRepository {
  constructor(
    private readonly db: DeskDatabase,
    private readonly writer: RecordWriter,
  ) {}

  create(input: EventInput, scope: WorkScope, now = new Date()): Promise<LocalRecord<'events'>> {
    const at = now.toISOString();
    const { districtCode, ...fields } = input;
    return this.writer.create('events', {
      ...fields,
      id: uuidv7(now.getTime()),
      provinceCode: scope.provinceCode,
      districtCode: districtCode === undefined ? scope.districtCode : districtCode,
      deleted: false,
      createdAt: at,
      updatedAt: at,
    });
  }

  update(id: string, patch: EventPatch): Promise<LocalRecord<'events'>> {
    return this.writer.update('events', id, patch);
  }

  remove(id: string): Promise<void> {
    return this.writer.remove('events', id);
  }

  /** Events overlapping [from, to). Events are few per month, so a start-index range plus a filter is enough. */
  async between(from: Date, to: Date): Promise<LocalRecord<'events'>[]> {
    const fromIso = from.toISOString();
    const rows = await this.db.events.where('start').below(to.toISOString()).filter((e) => !e.deleted && e.end >= fromIso).toArray();
    return rows.sort((a, b) => a.start.localeCompare(b.start));
  }
}
